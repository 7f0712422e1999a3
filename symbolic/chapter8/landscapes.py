"""The functions §8.1–8.2 and §8.3.3 talk about, as SymPy objects.

* ``textbook``: the classification bank (Himmelblau, Rosenbrock, the double well,
  x⁴ + y⁴, x² − y⁴, the monkey saddle, Example 8.2, Peano's surface, ...).
* ``figure_8_2``: a 1-D nonconvex function with a local, non-global minimum;
  ``figure_8_3``: a 2-D function whose local minima are all global and whose saddles
  are strict.  ``convex_bank``: convex functions for Observation 1 / footnote 1 (one
  without a minimiser).
* ``pca_explicit``: the PCA objective (8.1) at a concrete rational M, through
  symbolic.chapter8.pca (no retyping).
* the strict-saddle family of Theorems 8.5/8.6 (one-dimensional pieces; the numeric
  layer composes them separably and a test ties the composition to ``saddle_family``).
* (8.53): T = Σ aᵣ^⊗4 as an explicit 4-tensor, F(x) = Σ_{ijkl} T_ijkl x_i x_j x_k x_l, the
  Euclidean and Riemannian gradient/Hessian on the unit sphere.
* linear networks y = W₁W₂x: the whitened loss ½‖C − W₁W₂‖_F² with explicit symbols.
"""
from __future__ import annotations

from functools import lru_cache

import sympy as sp

x, y, z, w = sp.symbols("x y z w", real=True)
s = sp.Symbol("s", real=True)
alpha, beta, gamma = sp.symbols("alpha beta gamma", positive=True)
R = sp.Rational


# --- the classification bank ------------------------------------------------------------------------
def textbook() -> dict[str, tuple[sp.Expr, tuple]]:
    return {
        "himmelblau": ((x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2, (x, y)),
        "rosenbrock": ((1 - x) ** 2 + 100 * (y - x**2) ** 2, (x, y)),
        "double-well": ((x**2 - 1) ** 2 + y**2, (x, y)),
        "x4+y4": (x**4 + y**4, (x, y)),
        "x2-y4": (x**2 - y**4, (x, y)),
        "x2+y4": (x**2 + y**4, (x, y)),
        "monkey": (x**3 - 3 * x * y**2, (x, y)),
        "example-8.2": (x**2 + y**3, (x, y)),
        "peano": ((y - x**2) * (y - 2 * x**2), (x, y)),
        "-x4-y4": (-(x**4) - y**4, (x, y)),
        "figure-8.3": figure_8_3(),
    }


def example_8_2() -> tuple[sp.Expr, tuple]:
    return x**2 + y**3, (x, y)


def figure_8_2() -> tuple[sp.Expr, tuple]:
    """f(x) = x⁴ − 4x² + x: global minimum near −1.47, local (non-global) minimum near 1.35."""
    return x**4 - 4 * x**2 + x, (x,)


FIGURE_8_2_START = 2.0  # the blue point: GD from here stops at the red local minimum


def figure_8_3() -> tuple[sp.Expr, tuple]:
    """(x² − 1)² + (y² − 1)²: four global minima (±1, ±1), four strict saddles, one maximum."""
    return (x**2 - 1) ** 2 + (y**2 - 1) ** 2, (x, y)


def convex_bank() -> dict[str, tuple[sp.Expr, tuple, sp.Expr]]:
    """name -> (f, variables, inf f).  'softplus' has no minimiser (inf 0 is not attained)."""
    return {
        "quadratic": (R(1, 2) * (3 * x**2 + 2 * x * y + y**2) - x + 2 * y, (x, y), None),
        "softplus": (sp.log(1 + sp.exp(x)) + sp.log(1 + sp.exp(y)), (x, y), sp.Integer(0)),
        "quartic": (x**4 + y**4, (x, y), sp.Integer(0)),
        "logcosh": (sp.log(sp.cosh(x - 1)) + sp.log(sp.cosh(2 * y + 1)), (x, y), sp.Integer(0)),
        "logistic": (sp.log(1 + sp.exp(-(x + y))) + sp.log(1 + sp.exp(x - 2 * y)) + R(1, 10) * (x**2 + y**2),
                     (x, y), None),
    }


def nonconvex_bank() -> dict[str, tuple[sp.Expr, tuple]]:
    return {"figure-8.2": figure_8_2(), "double-well-tilted": ((x**2 - 1) ** 2 + x / 2 + y**2, (x, y))}


# --- PCA through symbolic.chapter8.pca ----------------------------------------------------------------------
def pca_explicit(M: sp.Matrix) -> tuple[sp.Expr, tuple]:
    """(8.1) g(x) = ½‖M − xxᵀ‖² at a concrete symmetric M, variables x0..x{d-1}."""
    from symbolic.chapter8 import pca
    from symbolic.explicit import evaluate

    d = M.shape[0]
    xs = sp.symbols(f"x0:{d}", real=True)
    S = pca.SYMBOLS
    g = evaluate(pca.objective(), {S.M: sp.ImmutableMatrix(M), S.x: sp.ImmutableMatrix(d, 1, xs)}, d)
    return g, xs


def rational_orthogonal(d: int, seed: int = 0) -> sp.Matrix:
    """A rational orthogonal matrix (Cayley transform of a small integer skew matrix)."""
    import random

    rnd = random.Random(seed)
    A = sp.zeros(d, d)
    for i in range(d):
        for j in range(i + 1, d):
            v = rnd.choice([-2, -1, 1, 2])
            A[i, j], A[j, i] = R(v, 3), -R(v, 3)
    I = sp.eye(d)
    return (I - A) * (I + A).inv()


# --- the strict-saddle family (Theorems 8.5/8.6) ---------------------------------------------------
def saddle_pieces() -> dict[str, sp.Expr]:
    """One-dimensional pieces of f(x) = h(x₁) + shelf(x₂) + Σ_{i≥3} ½xᵢ².

    h(s) = β(s² − 1)²/4: saddle at 0 with curvature −β, minima ±1 with curvature 2β;
    shelf(s) = αγ(√(1 + s²/γ²) − 1): slope → α for |s| ≫ γ, a minimum of width γ at 0.
    """
    return {
        "h": beta * (s**2 - 1) ** 2 / 4,
        "shelf": alpha * gamma * (sp.sqrt(1 + s**2 / gamma**2) - 1),
        "quad": s**2 / 2,
    }


def saddle_family(d: int) -> tuple[sp.Expr, tuple]:
    """The family at a concrete d ≥ 2, as one SymPy expression (for tests)."""
    xs = sp.symbols(f"x0:{d}", real=True)
    p = saddle_pieces()
    f = p["h"].subs(s, xs[0])
    if d >= 2:
        f += p["shelf"].subs(s, xs[1])
    for v in xs[2:]:
        f += p["quad"].subs(s, v)
    return f, xs


# --- (8.53): orthogonal tensor decomposition --------------------------------------------------------
@lru_cache(maxsize=None)
def tensor_symbols(d: int, k: int):
    """x (d), components A (d × k, column r is aᵣ)."""
    xs = sp.symbols(f"x0:{d}", real=True)
    A = sp.Matrix(d, k, lambda i, r: sp.Symbol(f"a{i}_{r}", real=True))
    return xs, A


def tensor_from_components(A: sp.Matrix) -> sp.MutableDenseNDimArray:
    """T = Σᵣ aᵣ⊗aᵣ⊗aᵣ⊗aᵣ, explicitly."""
    d, k = A.shape
    T = sp.MutableDenseNDimArray.zeros(d, d, d, d)
    for i in range(d):
        for j in range(d):
            for m in range(d):
                for n in range(d):
                    T[i, j, m, n] = sum(A[i, r] * A[j, r] * A[m, r] * A[n, r] for r in range(k))
    return T


def tensor_objective_853(T, xs) -> sp.Expr:
    """(8.53) as printed: Σ_{ijkl} T_ijkl x_i x_j x_k x_l."""
    d = len(xs)
    return sp.expand(sum(T[i, j, m, n] * xs[i] * xs[j] * xs[m] * xs[n]
                         for i in range(d) for j in range(d) for m in range(d) for n in range(d)))


@lru_cache(maxsize=None)
def tensor_derivatives(d: int, k: int) -> dict:
    """F(x) = Σᵣ (aᵣᵀx)⁴ (equal to (8.53) for T = Σ aᵣ^⊗4, see eq:8.53), its Euclidean gradient and
    Hessian, and on the unit sphere the Riemannian gradient P∇F and Hessian P(∇²F − (xᵀ∇F)I)P,
    P = I − xxᵀ."""
    xs, A = tensor_symbols(d, k)
    X = sp.Matrix(xs)
    F = sum(((A[:, r].T * X)[0, 0]) ** 4 for r in range(k))
    g = sp.Matrix([sp.diff(F, v) for v in xs])
    H = sp.hessian(F, xs)
    P = sp.eye(d) - X * X.T
    rg = P * g
    rH = P * (H - (X.T * g)[0, 0] * sp.eye(d)) * P
    return {"x": xs, "A": A, "F": F, "grad": g, "hess": H, "rgrad": rg, "rhess": rH}


def geodesic_second_derivative(d: int, k: int):
    """d²/dt² F(cos t·x + sin t·v) at t = 0 and vᵀ Hess_R F(x) v, for symbolic x, v (to be compared on
    ‖x‖ = 1, v ⊥ x, ‖v‖ = 1)."""
    D = tensor_derivatives(d, k)
    xs = D["x"]
    vs = sp.symbols(f"v0:{d}", real=True)
    t = sp.Symbol("t", real=True)
    curve = {xi: sp.cos(t) * xi + sp.sin(t) * vi for xi, vi in zip(xs, vs)}
    second = sp.diff(D["F"].subs(curve, simultaneous=True), t, 2).subs(t, 0)
    V = sp.Matrix(vs)
    form = (V.T * D["rhess"] * V)[0, 0]
    return second, form, vs


# --- linear networks y = W₁W₂x (Baldi–Hornik) -------------------------------------------------------
@lru_cache(maxsize=None)
def linear_net(dy: int, k: int, dx: int) -> dict:
    """L(W₁, W₂) = ½‖C − W₁W₂‖_F² (whitened inputs: C = Σ_yx), W₁ ∈ R^{dy×k}, W₂ ∈ R^{k×dx};
    the parameter vector is (vec W₁, vec W₂) row-major; gradient and Hessian by SymPy."""
    W1 = sp.Matrix(dy, k, lambda i, j: sp.Symbol(f"u{i}_{j}", real=True))
    W2 = sp.Matrix(k, dx, lambda i, j: sp.Symbol(f"v{i}_{j}", real=True))
    C = sp.Matrix(dy, dx, lambda i, j: sp.Symbol(f"c{i}_{j}", real=True))
    params = tuple(W1) + tuple(W2)
    E = C - W1 * W2
    L = R(1, 2) * sum(e**2 for e in E)
    g = sp.Matrix([sp.diff(L, p) for p in params])
    H = sp.hessian(L, params)
    return {"W1": W1, "W2": W2, "C": C, "params": params, "loss": L, "grad": g, "hess": H}
