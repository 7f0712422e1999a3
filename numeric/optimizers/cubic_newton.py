"""Cubic-regularised Newton (Nesterov and Polyak 2006).

x⁺ = x + argmin_s ⟨g, s⟩ + ½⟨s, Hs⟩ + (M/6)‖s‖³.  The subproblem is solved exactly for
small d from an eigendecomposition of H (the secular equation ‖s(λ)‖ = 2λ/M with
λ ≥ max(0, −λ_min), including the hard case), and for large d by gradient descent on
the cubic model using Hessian-vector products only (Carmon and Duchi 2019).
"""
from __future__ import annotations

import numpy as np
from scipy.optimize import brentq

from numeric.optimizers.base import Optimizer
from numeric.optimizers.problem import bottom_eigenpair


def solve_cubic_exact(g: np.ndarray, H: np.ndarray, M: float) -> np.ndarray:
    lam, Q = np.linalg.eigh(H)
    gt = Q.T @ g
    lo = max(0.0, -lam[0])

    def norm_s(mu):
        return np.linalg.norm(gt / (lam + mu))

    # s(μ) = −(H + μI)⁻¹g with ‖s(μ)‖ = 2μ/M, μ > −λ_min
    phi = lambda mu: norm_s(mu) - 2 * mu / M
    eps = 1e-12 * (1 + abs(lam).max())
    a = lo + eps
    if abs(gt[0]) < 1e-14 * (1 + np.linalg.norm(g)) and lam[0] < 0 and phi(a) < 0:
        # hard case: g ⟂ bottom eigenvector; add the bottom component to reach ‖s‖ = 2μ/M
        mu = lo
        denom = lam + mu
        w = np.where(np.abs(denom) > eps, -gt / np.where(np.abs(denom) > eps, denom, 1.0), 0.0)
        tau = np.sqrt(max((2 * mu / M) ** 2 - w @ w, 0.0))
        w[0] = tau
        return Q @ w
    b = max(a * 2, 1.0)
    while phi(b) > 0:
        b *= 2
    mu = brentq(phi, a, b, xtol=1e-14, maxiter=500) if phi(a) > 0 else a
    return Q @ (-gt / (lam + mu))


def solve_cubic_gd(g, hvp, M, iters=500, step=None):
    """Gradient descent on m(s) = ⟨g,s⟩ + ½⟨s,Hs⟩ + M/6‖s‖³ from the Cauchy point (Carmon–Duchi)."""
    Hg = hvp(g)
    gn = np.linalg.norm(g)
    curv = g @ Hg / max(gn**2, 1e-300)
    R = -curv / M + np.sqrt((curv / M) ** 2 + 2 * gn / M)
    s = -R * g / max(gn, 1e-300)
    L = np.linalg.norm(Hg) / max(gn, 1e-300) + 1.0
    eta = step or 1.0 / (4 * (L + M * np.linalg.norm(s) + 1e-12))
    for _ in range(iters):
        grad_m = g + hvp(s) + 0.5 * M * np.linalg.norm(s) * s
        if np.linalg.norm(grad_m) <= 1e-3 * gn:  # the model is solved well enough to make progress
            break
        s = s - eta * grad_m
    return s


class CubicNewton(Optimizer):
    """Stops only at an approximate second-order point: ‖∇f‖ ≤ tol and λ_min ≥ −√(M·tol)
    (Nesterov–Polyak's measure).  At a first-order point with more negative curvature it
    steps to the model's minimiser along the bottom eigenvector, ±(2|λ_min|/M)·v, so an
    exact saddle is left rather than reported as converged."""

    def __init__(self, M: float = 1.0, solver: str = "auto"):
        self.M, self.solver = M, solver
        self.name = f"cubic_newton_{solver}"

    def init_state(self, problem, x, rng):
        return {"needs_second_order": True}

    def step(self, problem, x, g, state, rng, k):
        tol = state.get("tol", 1e-8)
        if np.linalg.norm(g) <= tol:
            lam, v = bottom_eigenpair(problem, x)
            if lam >= -np.sqrt(self.M * tol):
                return x, "second_order_point"
            sign = -1.0 if g @ v > 0 else 1.0  # go downhill along v (either way when g ⟂ v)
            return x + sign * (2 * abs(lam) / self.M) * v, None
        solver = self.solver
        if solver == "auto":
            solver = "exact" if problem.hess is not None and x.size <= 400 else "krylov"
        if solver == "exact":
            s = solve_cubic_exact(g, problem.hess(x), self.M)
        else:
            # Carmon–Duchi perturb g slightly so the iterates leave an invariant subspace
            # (e.g. the stable manifold of a saddle, where plain GD on the model is stuck)
            q = rng.standard_normal(g.shape)
            gp = g + 1e-6 * np.linalg.norm(g) * q / np.linalg.norm(q)
            s = solve_cubic_gd(gp, lambda v: problem.hess_vec(x, v), self.M)
        return x + s, None
