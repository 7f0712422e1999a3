"""The exact critical-set landscapes and optimizer runs of §8.3.1 (rank-2 PCA) and §8.3.3 (linear networks).

One cell per size: the exact component landscape of g(X) = ½‖M − XXᵀ‖² (X ∈ ℝ^{d×2}) or of the
linear network ½‖C − W₁W₂‖² (numeric.classify.component_landscape: no randomness, the seed is 0),
and, per network size, the GD runs from random starts and Newton's critical points, drawn from one
stream ``default_rng(seed)`` in a fixed order.  The statement and every mutant read the same cells;
an executor computes the sizes in parallel.
"""
from __future__ import annotations

import numpy as np
import sympy as sp

from numeric import classify as C
from numeric.chapter8 import linear_net as LN
from numeric.chapter8 import tensor as NT
from numeric.optimizers import GD
from symbolic.chapter8 import landscapes as SL
from numeric.sweeps.core import Cell, cell


# --- rank-2 PCA (§8.3.1) ------------------------------------------------------------------------------------
def pca_rank2_instance(d: int) -> tuple[sp.Expr, tuple, sp.Matrix, sp.Matrix]:
    """g(X) = ½‖M − XXᵀ‖², M = Q diag(9, 4, 1)[:d] Qᵀ (Q rational orthogonal), and M₂ its best rank-2 part."""
    lam = (9, 4, 1)[:d]
    Q = SL.rational_orthogonal(d)
    M = Q * sp.diag(*lam) * Q.T
    M2 = Q * sp.diag(*(lam[:2] + (0,) * (d - 2))) * Q.T  # best rank-2 approximation (Eckart–Young)
    X = sp.Matrix(d, 2, lambda i, j: sp.Symbol(f"x{i}{j}", real=True))
    g = sp.expand(sp.Rational(1, 2) * sum(e**2 for e in (M - X * X.T)))
    return g, tuple(X), M, M2


def pca_rank2_landscape(seed: int, d: int):
    """The exact landscape of g at X ∈ ℝ^{d×2}, with the variables, M and M₂ (``seed`` is unused: no randomness)."""
    g, xs, M, M2 = pca_rank2_instance(d)
    return C.component_landscape(g, xs), xs, M, M2


def pca_rank2_cell(d: int) -> Cell:
    return cell(pca_rank2_landscape, 0, cost=10.0 ** (d - 1), d=int(d))


# --- linear networks (§8.3.3) --------------------------------------------------------------------------------
def net_instance(dims) -> tuple[sp.Expr, tuple, sp.Matrix]:
    """L = ½‖C − W₁W₂‖² with C = U diag(3, 1) Vᵀ (U, V rational orthogonal): rational singular values,
    so every critical value is rational and the Eckart–Young value ½σ₂² = ½ is exact."""
    dy, k, dx = dims
    D = SL.linear_net(dy, k, dx)
    Cm = SL.rational_orthogonal(dy) * sp.diag(3, 1) * SL.rational_orthogonal(dx, seed=1).T
    return sp.expand(D["loss"].subs(dict(zip(D["C"], Cm)))), D["params"], Cm


def net_landscape(seed: int, dims: tuple):
    """The exact landscape of the net, component by component, and C (``seed`` is unused: no randomness)."""
    L, params, Cm = net_instance(dims)
    return C.component_landscape(L, params), Cm


def net_landscape_cell(dims) -> Cell:
    return cell(net_landscape, 0, cost=10.0 * sum(dims), dims=tuple(dims))


def net_runs(seed: int, dims: tuple, n: int):
    """A random C ∈ ℝ^{dy×dx}, the final loss and iterations of GD from n random starts, and Newton's critical
    points (numeric.chapter8.linear_net.find_critical_points), all from one stream."""
    rng = np.random.default_rng(seed)
    net = LN.LinearNet(rng.standard_normal((dims[0], dims[2])), dims[1])
    s1 = float(np.linalg.norm(net.C, 2))
    costs, its = [], []
    for _ in range(n):
        p0 = 0.3 * rng.standard_normal(net.n)
        r = GD(step=0.5 / s1).run(net.problem(), p0, max_iter=50_000, tol=1e-10)
        costs.append(r.cost)
        its.append(r.iterations)
    return net.C, costs, its, LN.find_critical_points(net, rng)


def net_runs_cell(seed: int, dims, n: int) -> Cell:
    return cell(net_runs, seed, cost=float(n * np.prod(dims)), dims=tuple(dims), n=int(n))


# --- orthogonal tensor decomposition on the sphere (§8.3.3, (8.53)) -------------------------------------------
def tensor_components(rng, d: int, k: int, components: str) -> np.ndarray:
    """k unit components in ℝ^d: orthonormal, or ('correlated') orthonormal plus a common shift, renormalised."""
    if components == "orthonormal":
        return NT.orthonormal_components(rng, d, k)
    A = NT.orthonormal_components(rng, d, k) + 0.35 * np.ones((d, 1)) / np.sqrt(d)
    return A / np.linalg.norm(A, axis=0)


def tensor_runs(seed: int, d: int, k: int, components: str, n: int):
    """T = Σaᵢ^⊗4 from one stream: the components A; per start and method (Riemannian ascent, power method) the
    limit's distance to the nearest ±aᵢ, the largest Riemannian Hessian eigenvalue there and the iterations; the
    Riemannian Hessian spectrum and gradient norm at every predicted point (1/√|S|)Σ_{i∈S}±aᵢ; and, per converged
    Riemannian Newton run from a random start, whether its limit is such a point or in span(A)^⊥."""
    rng = np.random.default_rng(seed)
    A = tensor_components(rng, d, k, components)
    T = NT.Tensor(A)
    limits = []
    for _ in range(n):
        for method in ("ascent", "power"):
            x0 = NT.random_unit(rng, d)
            x, it = (NT.riemannian_ascent(T, x0, step=0.1, iters=5000) if method == "ascent" else NT.power_method(T, x0))
            _, dist = NT.nearest_component(A, x)
            limits.append((dist, float(T.tangent_hessian(x).max()), it))
    points = [(S, sg, T.tangent_hessian(x), np.linalg.norm(T.rgrad(x))) for S, sg, x in NT.subset_points(A)]
    newton = []
    for _ in range(n):
        x, okn = NT.riemannian_newton(T, NT.random_unit(rng, d))
        if not okn:
            continue
        coeffs = A.T @ x
        on_sub = np.all((np.abs(coeffs) < 1e-7) | (np.abs(np.abs(coeffs) - np.max(np.abs(coeffs))) < 1e-7))
        # span(A)^⊥ (k < d) is a sphere of critical points where F = 0, its minimum; Newton approaches it only
        # linearly (∇F is cubic in the coefficients), so it is recognised by F ≤ 1e-12 (coefficients ≤ 1e-3)
        in_perp = T.value(x) < 1e-12
        newton.append(bool(on_sub or in_perp))
    return limits, points, newton


def tensor_runs_cell(seed: int, d: int, k: int, components: str, n: int) -> Cell:
    return cell(tensor_runs, seed, cost=float(n * d * k), d=int(d), k=int(k), components=components, n=int(n))
