"""Fast PCA checkers, lambdified from symbolic.chapter8.pca (never typed by hand).

Every function takes a leading batch axis: M (B, d, d), x and v (B, d).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from symbolic.chapter8 import pca
from numeric.batch_lambdify import batch_lambdify

S = pca.SYMBOLS


@lru_cache(maxsize=None)
def value():
    """g(x) = ½‖M − xxᵀ‖_F², (B,)."""
    return batch_lambdify([S.M, S.x], pca.objective_generic())


@lru_cache(maxsize=None)
def gradient():
    """∇g(x) (derived: −2(M − xxᵀ)x), (B, d, 1)."""
    return batch_lambdify([S.M, S.x], pca.gradient_generic())


@lru_cache(maxsize=None)
def hessian():
    """∇²g(x) (derived by polarising the Taylor t² coefficient), (B, d, d)."""
    return batch_lambdify([S.M, S.x], pca.hessian_matrix_generic())


@lru_cache(maxsize=None)
def hessian_form():
    """⟨v, ∇²g(x) v⟩, (B,)."""
    return batch_lambdify([S.M, S.x, S.v], pca.hessian_quadratic_form_generic()[1])


def problem(M: np.ndarray, name: str = "pca") -> Problem:
    """The PCA objective for one matrix M as an optimizer Problem."""
    from numeric.optimizers.problem import Problem

    M = np.asarray(M, dtype=float)[None]
    f, g, h = value(), gradient(), hessian()
    return Problem(
        dim=M.shape[-1],
        cost=lambda x: float(f(M, x[None])[0]),
        grad=lambda x: g(M, x[None]).reshape(-1),
        hess=lambda x: h(M, x[None])[0],
        name=name,
    )


def stationary_points(eigenvalues: np.ndarray, eigenvectors: np.ndarray, tol: float = 1e-12):
    """0 and ±√λᵢ uᵢ for λᵢ > 0, with the eigenvalue each point belongs to.

    Returns a list of (x, λ) for one matrix (eigenvectors as columns).
    """
    d = len(eigenvalues)
    pts = [(np.zeros(d), 0.0)]
    for lam, u in zip(eigenvalues, eigenvectors.T):
        if lam > tol:
            for s in (1.0, -1.0):
                pts.append((s * np.sqrt(lam) * u, float(lam)))
    return pts
