"""§8.4: the two-layer network (8.78), its parameter gradient, the tangent kernel, the Taylor linearisation.

Derived here with SymPy, at concrete small width m and input dimension d with symbolic
entries (an identity that is a sum over neurons i and input coordinates k of one and
the same term holds at every m, d once it holds term by term):

- f_θ(x) = (1/√m) Σᵢ aᵢ σ(wᵢᵀx), with σ an undefined function (identities) or a concrete
  activation (numbers);
- ∇_θ f by ``sp.diff`` over θ = vec(W) (row blocks: the block of neuron i is ∂f/∂wᵢ);
- the printed forms (8.87), (8.88)–(8.89), (8.92), (8.97)–(8.98) next to the derived ones;
- the Taylor linearisation g_θ (8.54) of any expression in a list of parameters;
- the activations: erf-type σ(z) = (√π/2)·erf(z) (σ' = exp(−z²)), ReLU, and the
  Fresnel-type σ(z) = ∫₀ᶻ cos(t²) dt (1-Lipschitz and smooth, but σ'' unbounded), with
  their derivatives and the exact supremum of |σ''| over ℝ.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sympy as sp

z = sp.Symbol("z", real=True)
SIGMA = sp.Function("sigma")  # an undefined activation
DSIGMA = sp.Function("dsigma")  # its first derivative, as it appears in derived gradients
D2SIGMA = sp.Function("d2sigma")


# --- activations ---------------------------------------------------------------------------------
def activation(name: str) -> sp.Expr:
    """σ(z) for 'erf' ((√π/2)·erf z), 'relu' (max(0, z)) or 'fresnel' (∫₀ᶻ cos t² dt)."""
    if name == "erf":
        return sp.sqrt(sp.pi) / 2 * sp.erf(z)
    if name == "relu":
        return sp.Max(0, z)
    if name == "fresnel":
        return sp.sqrt(sp.pi / 2) * sp.fresnelc(z * sp.sqrt(2 / sp.pi))
    raise ValueError(f"unknown activation {name!r}")


@lru_cache(maxsize=None)
def derivative(name: str, k: int = 1) -> sp.Expr:
    """σ^(k)(z) by SymPy; ReLU's derivative is Heaviside(z, 0) (the convention σ'(0) = 0)."""
    e = activation(name)
    for _ in range(k):
        e = sp.diff(e, z)
    e = sp.simplify(e)
    if name == "relu":
        e = e.replace(sp.Heaviside, lambda *args: sp.Heaviside(args[0], 0))
    return e


def sup_abs(expr: sp.Expr) -> sp.Expr:
    """sup over real z of |expr(z)| for a smooth expr: max over critical points and the limits at ±∞."""
    crit = sp.solveset(sp.diff(expr, z), z, domain=sp.S.Reals)
    if not isinstance(crit, sp.FiniteSet):
        raise ValueError(f"sup_abs: infinitely many critical points of {expr}")
    cands = [sp.Abs(expr.subs(z, c)) for c in crit]
    cands += [sp.Abs(sp.limit(expr, z, sp.oo)), sp.Abs(sp.limit(expr, z, -sp.oo))]
    best = cands[0]
    for c in cands[1:]:
        best = sp.Max(best, c)
    return sp.simplify(best)


def lipschitz_constant(name: str) -> sp.Expr:
    """sup |σ'| (the Lipschitz constant of σ), exact."""
    if name == "relu":
        return sp.Integer(1)
    if name == "fresnel":
        # σ'(z) = cos(z²): |cos| ≤ 1, attained at z = 0
        assert derivative(name, 1) == sp.cos(z**2)
        return sp.Integer(1)
    return sup_abs(derivative(name, 1))


def second_derivative_bound(name: str) -> sp.Expr:
    """sup |σ''| (the Lipschitz constant of σ'), exact; ∞ for ReLU (σ' jumps) and Fresnel."""
    if name == "relu":
        return sp.oo
    if name == "fresnel":
        # σ''(z) = −2z sin(z²): unbounded along z_k = √(π/2 + 2πk)
        return sp.oo
    return sup_abs(derivative(name, 2))


# --- the two-layer network (8.78) ----------------------------------------------------------------
@dataclass(frozen=True)
class Network:
    m: int
    d: int
    W: sp.ImmutableMatrix  # m × d, rows wᵢᵀ
    a: tuple  # aᵢ (symbols; (8.81): ±1, not optimised)
    x: tuple  # an input
    xp: tuple  # a second input x'
    Wp: sp.ImmutableMatrix  # a second parameter W' (for (8.97))

    @property
    def theta(self) -> list:
        """θ = vec(W) (8.84), neuron blocks in order: (w₁, …, w_m)."""
        return [self.W[i, k] for i in range(self.m) for k in range(self.d)]

    @property
    def theta_p(self) -> list:
        return [self.Wp[i, k] for i in range(self.m) for k in range(self.d)]

    def pre(self, i: int, x=None, W=None) -> sp.Expr:
        x = self.x if x is None else x
        W = self.W if W is None else W
        return sum(W[i, k] * x[k] for k in range(self.d))

    def f(self, x=None, act: sp.Expr | None = None, W=None) -> sp.Expr:
        """(8.78): (1/√m) Σᵢ aᵢ σ(wᵢᵀx); σ undefined unless ``act`` (an expression in z) is given."""
        sig = (lambda u: act.subs(z, u)) if act is not None else SIGMA
        return sum(self.a[i] * sig(self.pre(i, x, W)) for i in range(self.m)) / sp.sqrt(self.m)


@lru_cache(maxsize=None)
def network(m: int = 3, d: int = 3) -> Network:
    W = sp.ImmutableMatrix(m, d, lambda i, k: sp.Symbol(f"w{i + 1}_{k + 1}", real=True))
    Wp = sp.ImmutableMatrix(m, d, lambda i, k: sp.Symbol(f"v{i + 1}_{k + 1}", real=True))
    a = tuple(sp.symbols(f"a1:{m + 1}", real=True))
    x = tuple(sp.symbols(f"x1:{d + 1}", real=True))
    xp = tuple(sp.symbols(f"y1:{d + 1}", real=True))
    return Network(m, d, W, a, x, xp, Wp)


def _named_derivatives(expr: sp.Expr) -> sp.Expr:
    """Replace SymPy's Subs(Derivative(σ(ξ), ξ), ξ, u) by dσ(u) (and second derivatives by d2σ(u))."""

    def rep(e):
        der = e.expr
        order = sum(c for _, c in der.variable_count)
        return (DSIGMA if order == 1 else D2SIGMA)(e.point[0])

    expr = expr.replace(lambda e: isinstance(e, sp.Subs) and isinstance(e.expr, sp.Derivative), rep)
    # a derivative at a bare symbol stays a Derivative object
    return expr.replace(lambda e: isinstance(e, sp.Derivative) and isinstance(e.expr, sp.Function)
                        and e.expr.func == SIGMA,
                        lambda e: (DSIGMA if sum(c for _, c in e.variable_count) == 1 else D2SIGMA)(e.expr.args[0]))


def gradient(net: Network, x=None, W=None) -> sp.Matrix:
    """∇_θ f_θ(x) by SymPy (σ undefined; dσ denotes σ'), as a p×1 column, p = m·d."""
    W = net.W if W is None else W
    theta = [W[i, k] for i in range(net.m) for k in range(net.d)]
    f = net.f(x, W=W)
    return sp.Matrix([_named_derivatives(sp.diff(f, t)) for t in theta])


def gradient_concrete(net: Network, act: str, x=None) -> sp.Matrix:
    """∇_θ f_θ(x) for a concrete activation (used to tie the NumPy Jacobian to SymPy)."""
    f = net.f(x, act=activation(act))
    g = sp.Matrix([sp.diff(f, t) for t in net.theta])
    if act == "relu":
        g = g.replace(sp.Heaviside, lambda *args: sp.Heaviside(args[0], 0))
    return g


def block(vec: sp.Matrix, net: Network, i: int) -> sp.Matrix:
    """The block of neuron i (∂/∂wᵢ) of a p-vector."""
    return vec[i * net.d:(i + 1) * net.d, 0]


# --- the chapter's printed forms ---------------------------------------------------------------------
def printed_8_87(net: Network, i: int, x=None) -> sp.Matrix:
    """(8.87) as printed: ∂f/∂wᵢ = (1/√m) σ'(wᵢᵀx)·x (no aᵢ)."""
    x = net.x if x is None else x
    return sp.Matrix(x) * DSIGMA(net.pre(i, x)) / sp.sqrt(net.m)


def corrected_8_87(net: Network, i: int, x=None) -> sp.Matrix:
    x = net.x if x is None else x
    return net.a[i] * sp.Matrix(x) * DSIGMA(net.pre(i, x)) / sp.sqrt(net.m)


def sq(v) -> sp.Expr:
    return sum(c**2 for c in v)


def dot(u, v) -> sp.Expr:
    return sum(p * q for p, q in zip(u, v))


def printed_8_88(net: Network) -> sp.Expr:
    """(8.88): (1/m) Σᵢ ‖σ'(wᵢᵀx)·x‖²."""
    return sum(sq(sp.Matrix(net.x) * DSIGMA(net.pre(i))) for i in range(net.m)) / net.m


def printed_8_89(net: Network) -> sp.Expr:
    """(8.89): (1/m) ‖x‖² Σᵢ σ'(wᵢᵀx)²."""
    return sq(net.x) * sum(DSIGMA(net.pre(i)) ** 2 for i in range(net.m)) / net.m


def printed_8_92(net: Network) -> sp.Expr:
    """(8.92): (1/m) ⟨x, x'⟩ Σᵢ σ'(wᵢᵀx) σ'(wᵢᵀx')."""
    return dot(net.x, net.xp) * sum(DSIGMA(net.pre(i)) * DSIGMA(net.pre(i, net.xp)) for i in range(net.m)) / net.m


def printed_8_97(net: Network) -> sp.Matrix:
    """(8.97) as printed: blocks (1/√m)(σ'(wᵢᵀx) − σ'(w'ᵢᵀx))·x (no aᵢ)."""
    blocks = [sp.Matrix(net.x) * (DSIGMA(net.pre(i)) - DSIGMA(net.pre(i, W=net.Wp))) / sp.sqrt(net.m)
              for i in range(net.m)]
    return sp.Matrix.vstack(*blocks)


def corrected_8_97(net: Network) -> sp.Matrix:
    blocks = [net.a[i] * sp.Matrix(net.x) * (DSIGMA(net.pre(i)) - DSIGMA(net.pre(i, W=net.Wp))) / sp.sqrt(net.m)
              for i in range(net.m)]
    return sp.Matrix.vstack(*blocks)


def printed_8_98(net: Network) -> sp.Expr:
    """(8.98): (1/m) Σᵢ ‖x‖² (σ'(wᵢᵀx) − σ'(w'ᵢᵀx))²."""
    return sum(sq(net.x) * (DSIGMA(net.pre(i)) - DSIGMA(net.pre(i, W=net.Wp))) ** 2 for i in range(net.m)) / net.m


def unit_signs(net: Network) -> dict:
    """The hypothesis aᵢ ∈ {±1} of (8.81) as the substitution aᵢ² ↦ 1 (applied to an expanded expression)."""
    return {ai**2: 1 for ai in net.a}


def reduce_signs(expr: sp.Expr, net: Network) -> sp.Expr:
    """Expand and use aᵢ² = 1 (every aᵢ enters squared in a norm or an inner product)."""
    e = sp.expand(expr)
    for ai in net.a:
        e = e.subs(ai**2, 1)
    return sp.expand(e)


# --- the Taylor linearisation (8.54) -------------------------------------------------------------------
def linearisation(expr: sp.Expr, params, at: dict) -> sp.Expr:
    """g_θ = f_{θ⁰} + ⟨∇_θ f_{θ⁰}, θ − θ⁰⟩ for f = expr in the parameters ``params``, θ⁰ = ``at``."""
    f0 = expr.subs(at, simultaneous=True)
    return f0 + sum(sp.diff(expr, t).subs(at, simultaneous=True) * (t - at[t]) for t in params)


def symmetric_network(m: int = 2, d: int = 2):
    """The width-2m network of §8.4 whose halves carry (aᵢ, wᵢ) and (−aᵢ, wᵢ): its output at θ⁰ is 0.

    Returns (f of width 2m with symbols, the substitution that makes the second half mirror the first).
    """
    big = network(2 * m, d)
    mirror = {}
    for i in range(m):
        mirror[big.a[m + i]] = -big.a[i]
        for k in range(d):
            mirror[big.W[m + i, k]] = big.W[i, k]
    return big, mirror
