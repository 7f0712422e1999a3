"""The two-layer network (8.78) at symbolic width m and input dimension d.

f_θ(x) = (1/√m) Σ_{i<m} aᵢ σ(Σ_{k<d} W_ik x_k) with indexed entries of MatrixSymbols
a (m×1), W (m×d), x (d×1) and σ undefined; ∂f/∂W_pq is SymPy's derivative of the sum
at symbolic indices p, q (the Kronecker deltas resolved by ``doit``), so every
statement about it holds for every m, d.  σ'(wᵢᵀx) is then named as the i-th entry
of a vector letter s = σ'(Wx) (m×1): the definition of s, not an assumption, which
lets the trace normal form read sums over neurons as inner products.
"""
from __future__ import annotations

import sympy as sp
from sympy import MatrixSymbol
from sympy.matrices.expressions.matexpr import MatrixElement

from symbolic.chapter8.ntk import DSIGMA, SIGMA

m, d, n = sp.symbols("m d n", integer=True, positive=True)
a = MatrixSymbol("a", m, 1)
W, Wp = MatrixSymbol("W", m, d), MatrixSymbol("Wp", m, d)
x, xp = MatrixSymbol("x", d, 1), MatrixSymbol("xp", d, 1)
i, k, p, q = sp.symbols("i k p q", integer=True)


def pre(Wm, xv, row):
    """wᵣᵀx = Σ_k W_rk x_k."""
    return sp.Sum(Wm[row, k] * xv[k, 0], (k, 0, d - 1))


def f(Wm=W, xv=x):
    return sp.Sum(a[i, 0] * SIGMA(pre(Wm, xv, i)), (i, 0, m - 1)) / sp.sqrt(m)


def grad_entry(Wm=W, xv=x, row=p, col=q):
    """∂f/∂W_{row,col} at symbolic indices, with σ' written dsigma."""
    g = sp.diff(f(Wm, xv), Wm[p, q]).doit()  # at the free indices p, q (f's own i, k are bound)
    g = g.xreplace({p: row, q: col}) if (row, col) != (p, q) else g
    return g.replace(lambda e: isinstance(e, sp.Subs), lambda e: DSIGMA(e.point[0]) if _is_dsigma(e) else e)


def _is_dsigma(e: sp.Subs) -> bool:
    ex = e.expr
    return isinstance(ex, sp.Derivative) and ex.expr.func == SIGMA and len(ex.variables) == 1


def as_vectors(expr, letters: dict):
    """Replace σ'(Σ_k W_rk x_k) by s_r for s = letters[(W, x)] (an m×1 MatrixSymbol)."""
    def rep(e):
        arg = e.args[0]
        if isinstance(arg, sp.Sum) and len(arg.limits) == 1:
            els = [f_ for f_ in sp.Mul.make_args(arg.function) if isinstance(f_, MatrixElement)]
            if len(els) == 2:
                Wm = next((f_ for f_ in els if f_.parent.shape[1] != 1), None)
                xv = next((f_ for f_ in els if f_.parent.shape[1] == 1), None)
                if Wm is not None and xv is not None and (Wm.parent, xv.parent) in letters:
                    return letters[(Wm.parent, xv.parent)][Wm.i, 0]
        raise TypeError(f"σ'({arg}) is not σ'(wᵣᵀx) for a known (W, x)")
    return expr.replace(lambda e: isinstance(e, sp.Function) and e.func == DSIGMA, rep)


def grad_sum(build, rows=(i, 0, m - 1), cols=(k, 0, d - 1)):
    """Σ_{i<m} Σ_{k<d} build(i, k) (a sum over the entries of ∇_W f)."""
    return sp.Sum(build(rows[0], cols[0]), rows, cols)


# --- the printed forms of (8.87)–(8.98), at symbolic m, d and symbolic indices ------------------------------------
s_x, s_xp, s_Wp = MatrixSymbol("s", m, 1), MatrixSymbol("s_xp", m, 1), MatrixSymbol("s_Wp", m, 1)
LETTERS = {(W, x): s_x, (W, xp): s_xp, (Wp, x): s_Wp}  # s = σ'(Wx), s_xp = σ'(Wx′), s_Wp = σ'(W′x)


def dsig(Wm, xv, row):
    """σ'(wᵣᵀx) as the r-th entry of its vector letter."""
    return LETTERS[(Wm, xv)][row, 0]


def grad(Wm=W, xv=x, row=p, col=q):
    """∂f/∂W_{row,col}, derived, with σ'(wᵣᵀx) named by its vector letter."""
    return as_vectors(grad_entry(Wm, xv, row, col), LETTERS)


def printed_8_87(row=p, col=q, with_a=False, power=sp.Rational(1, 2)):
    """(8.87), coordinate q of block p: (1/√m) σ'(w_pᵀx) x_q (printed without a_p)."""
    return (a[row, 0] if with_a else 1) * x[col, 0] * dsig(W, x, row) / m**power


def printed_8_97(row=p, col=q, with_a=False, power=sp.Rational(1, 2)):
    """(8.97), coordinate q of block p: (1/√m)(σ'(w_pᵀx) − σ'(w′_pᵀx)) x_q."""
    return (a[row, 0] if with_a else 1) * x[col, 0] * (dsig(W, x, row) - dsig(Wp, x, row)) / m**power


def sq_norm_x(xv=x):
    return sp.Sum(xv[k, 0] ** 2, (k, 0, d - 1))


def printed_8_88():
    """(8.88): (1/m) Σᵢ ‖σ'(wᵢᵀx)·x‖²."""
    return sp.Sum(sp.Sum((dsig(W, x, i) * x[k, 0]) ** 2, (k, 0, d - 1)), (i, 0, m - 1)) / m


def printed_8_89():
    """(8.89): (1/m) ‖x‖² Σᵢ σ'(wᵢᵀx)²."""
    return sq_norm_x() * sp.Sum(dsig(W, x, i) ** 2, (i, 0, m - 1)) / m


def printed_8_92(misprint: str = ""):
    """(8.92): (1/m) ⟨x, x′⟩ Σᵢ σ'(wᵢᵀx) σ'(wᵢᵀx′); ``misprint`` 'square' writes σ'(wᵢᵀx)² for the product,
    'no-inner' drops ⟨x, x′⟩ (the misprints a reader might make, stated at symbolic sizes too)."""
    inner = sp.Sum(x[k, 0] * xp[k, 0], (k, 0, d - 1))
    if misprint == "square":
        return inner * sp.Sum(dsig(W, x, i) ** 2, (i, 0, m - 1)) / m
    if misprint == "no-inner":
        return sp.Sum(dsig(W, x, i) * dsig(W, xp, i), (i, 0, m - 1)) / m
    return inner * sp.Sum(dsig(W, x, i) * dsig(W, xp, i), (i, 0, m - 1)) / m


def printed_8_98():
    """(8.98): (1/m) Σᵢ ‖x‖² (σ'(wᵢᵀx) − σ'(w′ᵢᵀx))²."""
    return sp.Sum(sq_norm_x() * (dsig(W, x, i) - dsig(Wp, x, i)) ** 2, (i, 0, m - 1)) / m


# --- (8.130): the gradient of L̂ at symbolic n --------------------------------------------------------------------
t_coord = sp.Symbol("theta_q", real=True)  # any one coordinate θ_q of θ (the others held fixed)
y = MatrixSymbol("y", n, 1)
F = sp.Function("f")  # f(i, θ_q) = f_θ(x⁽ⁱ⁾) as a function of θ_q


def loss_gradient_coordinate():
    """∂L̂/∂θ_q for L̂ = (1/n) Σ_{i<n} (f_θ(x⁽ⁱ⁾) − yᵢ)², derived by SymPy at symbolic n."""
    return sp.diff(sp.Sum((F(i, t_coord) - y[i, 0]) ** 2, (i, 0, n - 1)) / n, t_coord)


def printed_8_130_coordinate(coef=1):
    """coordinate q of coef·Σᵢ (f_θ(x⁽ⁱ⁾) − yᵢ) ∇f_θ(x⁽ⁱ⁾)."""
    return coef * sp.Sum((F(i, t_coord) - y[i, 0]) * sp.Derivative(F(i, t_coord), t_coord), (i, 0, n - 1))


# --- (8.54)–(8.55): the linearisation along a direction V (m×d) ----------------------------------------------------
V = MatrixSymbol("V", m, d)
t_line = sp.Symbol("t", real=True)


def along_line_derivative(Wm=W, Vm=V, xv=x):
    """d/dt f(W + tV)(x) at t = 0, derived by SymPy at symbolic m, d, with σ' named by its vector letter."""
    phi = f(Wm + t_line * Vm, xv)
    g = sp.diff(phi, t_line).subs(t_line, 0).doit()
    g = g.replace(lambda e: isinstance(e, sp.Subs), lambda e: DSIGMA(e.point[0]) if _is_dsigma(e) else e)
    return as_vectors(g, LETTERS)


def grad_pairing(Vm=V, Wm=W, xv=x):
    """⟨∇_W f, V⟩ = Σ_{i<m} Σ_{k<d} (∂f/∂W_ik) V_ik."""
    return grad_sum(lambda r, c: grad(Wm, xv, r, c) * Vm[r, c])


def symmetric_init_output(m0, second_sign=-1, shared=True):
    """f_{θ⁰}(x) for width 2m₀ whose second half is (second_sign·aᵢ, wᵢ) (or an independent W′ when not shared)."""
    W2 = W if shared else Wp
    return sp.Sum(a[i, 0] * SIGMA(pre(W, x, i)) + second_sign * a[i, 0] * SIGMA(pre(W2, x, i)),
                  (i, 0, m0 - 1)) / sp.sqrt(2 * m0)


# --- Remark 8.32: L̂(f) and L̂(gᵗ) along a line through θᵗ, at symbolic n ------------------------------------------
tau = sp.Symbol("tau", real=True)


def loss_along_line(linearised: bool):
    """L̂ along θᵗ + τv: fᵢ(τ) = f(i, τ), its linearisation gᵢ(τ) = f(i, 0) + τ f′(i, 0); (1/n) Σᵢ (· − yᵢ)²."""
    fi = F(i, tau)
    if linearised:
        fi = F(i, 0) + tau * sp.Derivative(F(i, tau), tau).subs(tau, 0)
    return sp.Sum((fi - y[i, 0]) ** 2, (i, 0, n - 1)) / n
