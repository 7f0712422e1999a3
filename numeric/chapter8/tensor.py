"""Orthogonal tensor decomposition (8.53) in numbers: maximise F(x) = T(x, x, x, x) on the unit sphere.

T = Σᵣ aᵣ^⊗4.  F, its Euclidean gradient/Hessian and the Riemannian gradient P∇F and Hessian
P(∇²F − (xᵀ∇F)I)P (P = I − xxᵀ) are derived by SymPy at the given small (d, k)
(symbolic.chapter8.landscapes.tensor_derivatives) and lambdified here; nothing is retyped.

* ``riemannian_ascent``: x ← normalise(x + η·grad_R F(x)).
* ``power_method``: x ← normalise(T(I, x, x, x)), with T(I, x, x, x) = ∇F(x)/4 (lambdified ∇F).
* ``riemannian_newton``: Newton on grad_R F = 0 in the tangent space (finds critical points of
  every kind, for the enumeration at small d).
* ``signed_subset_point``: (1/√|S|)Σ_{i∈S} ±aᵢ, the critical points predicted for orthonormal
  components; ``tangent_hessian``: the Riemannian Hessian restricted to the tangent space.
"""
from __future__ import annotations

import itertools
from functools import lru_cache

import numpy as np
import sympy as sp

from symbolic.chapter8 import landscapes as SL
@lru_cache(maxsize=None)
def compiled(d: int, k: int) -> dict:
    D = SL.tensor_derivatives(d, k)
    args = list(D["x"]) + list(D["A"])  # A flattened row-major (Matrix iteration order)
    return {name: sp.lambdify(args, D[name], "numpy", cse=True) for name in ("F", "grad", "hess", "rgrad", "rhess")}


class Tensor:
    """F for components A (d × k, columns aᵣ)."""

    def __init__(self, A: np.ndarray):
        self.A = np.asarray(A, float)
        self.d, self.k = self.A.shape
        self._c = compiled(self.d, self.k)
        self._a = list(self.A.ravel())

    def _call(self, name, x):
        return np.asarray(self._c[name](*x, *self._a), float)

    def value(self, x) -> float:
        return float(self._call("F", x))

    def grad(self, x) -> np.ndarray:
        return self._call("grad", x).reshape(-1)

    def hess(self, x) -> np.ndarray:
        return self._call("hess", x).reshape(self.d, self.d)

    def rgrad(self, x) -> np.ndarray:
        return self._call("rgrad", x).reshape(-1)

    def rhess(self, x) -> np.ndarray:
        return self._call("rhess", x).reshape(self.d, self.d)

    def tangent_hessian(self, x) -> np.ndarray:
        """Eigenvalues of the Riemannian Hessian on the tangent space x^⊥ (d − 1 of them)."""
        B = tangent_basis(x)
        return np.linalg.eigvalsh(B.T @ self.rhess(x) @ B)


def tangent_basis(x) -> np.ndarray:
    x = np.asarray(x, float) / np.linalg.norm(x)
    Q, _ = np.linalg.qr(np.column_stack([x, np.eye(x.size)]))
    return Q[:, 1:x.size]


def orthonormal_components(rng, d: int, k: int) -> np.ndarray:
    Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    return Q[:, :k]


def random_unit(rng, d: int) -> np.ndarray:
    v = rng.standard_normal(d)
    return v / np.linalg.norm(v)


def riemannian_ascent(T: Tensor, x0, step: float = 0.05, iters: int = 20000, tol: float = 1e-12):
    x = np.asarray(x0, float) / np.linalg.norm(x0)
    for it in range(iters):
        g = T.rgrad(x)
        if np.linalg.norm(g) <= tol:
            return x, it
        x = x + step * g
        x /= np.linalg.norm(x)
    return x, iters


def power_method(T: Tensor, x0, iters: int = 2000, tol: float = 1e-14):
    x = np.asarray(x0, float) / np.linalg.norm(x0)
    for it in range(iters):
        y = T.grad(x) / 4.0  # T(I, x, x, x)
        y /= np.linalg.norm(y)
        if np.linalg.norm(y - x) <= tol:
            return y, it
        x = y
    return x, iters


def riemannian_newton(T: Tensor, x0, iters: int = 100, tol: float = 1e-13):
    x = np.asarray(x0, float) / np.linalg.norm(x0)
    for _ in range(iters):
        g = T.rgrad(x)
        if np.linalg.norm(g) <= tol:
            return x, True
        B = tangent_basis(x)
        Hb = B.T @ T.rhess(x) @ B
        step = B @ np.linalg.lstsq(Hb, -(B.T @ g), rcond=1e-12)[0]
        x = x + step
        x /= np.linalg.norm(x)
    return x, bool(np.linalg.norm(T.rgrad(x)) <= tol * 100)


def signed_subset_point(A: np.ndarray, S, signs) -> np.ndarray:
    v = sum(s * A[:, i] for i, s in zip(S, signs))
    return v / np.linalg.norm(v)


def subset_points(A: np.ndarray):
    """Every (1/√|S|)Σ_{i∈S} ±aᵢ up to the global sign: yields (S, signs, x)."""
    k = A.shape[1]
    for m in range(1, k + 1):
        for S in itertools.combinations(range(k), m):
            for signs in itertools.product([1, -1], repeat=m - 1):
                sg = (1,) + signs
                yield S, sg, signed_subset_point(A, S, sg)


def nearest_component(A: np.ndarray, x) -> tuple[int, float]:
    """Index of the component ±aᵢ nearest to x and the distance."""
    dists = np.minimum(np.linalg.norm(A - x[:, None], axis=0), np.linalg.norm(A + x[:, None], axis=0))
    i = int(np.argmin(dists))
    return i, float(dists[i])
