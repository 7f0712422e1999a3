"""Linear networks y = W₁W₂x (Baldi–Hornik 1989) in numbers.

With whitened inputs the squared loss is, up to a constant, L(W₁, W₂) = ½‖C − W₁W₂‖_F² with
C = Σ_yx.  Its value, gradient and Hessian are derived by SymPy at the given small sizes
(symbolic.chapter8.landscapes.linear_net) and lambdified.  The global minimum value is Eckart–Young's
½Σ_{i>k}σᵢ(C)² (W₁W₂ has rank ≤ k).  Every critical point has zero Hessian eigenvalues along the
GL(k) orbit (W₁G, G⁻¹W₂), so minima are never strict: they are certified by their value.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from symbolic.chapter8 import landscapes as SL
@lru_cache(maxsize=None)
def compiled(dy: int, k: int, dx: int) -> dict:
    D = SL.linear_net(dy, k, dx)
    args = list(D["params"]) + list(D["C"])
    return {name: sp.lambdify(args, D[name], "numpy", cse=True) for name in ("loss", "grad", "hess")}


@dataclass
class LinearNet:
    C: np.ndarray
    k: int

    def __post_init__(self):
        self.C = np.asarray(self.C, float)
        self.dy, self.dx = self.C.shape
        self.n = self.dy * self.k + self.k * self.dx
        self._c = compiled(self.dy, self.k, self.dx)
        self._cargs = list(self.C.ravel())

    def split(self, p):
        p = np.asarray(p, float)
        return p[: self.dy * self.k].reshape(self.dy, self.k), p[self.dy * self.k:].reshape(self.k, self.dx)

    def join(self, W1, W2):
        return np.concatenate([np.ravel(W1), np.ravel(W2)])

    def loss(self, p) -> float:
        return float(self._c["loss"](*p, *self._cargs))

    def grad(self, p) -> np.ndarray:
        return np.asarray(self._c["grad"](*p, *self._cargs), float).reshape(-1)

    def hess(self, p) -> np.ndarray:
        return np.asarray(self._c["hess"](*p, *self._cargs), float).reshape(self.n, self.n)

    def problem(self):
        from numeric.optimizers import Problem

        return Problem(dim=self.n, cost=self.loss, grad=self.grad, hess=self.hess, name=f"linear net {self.dy}-{self.k}-{self.dx}")

    def eckart_young(self, rank: int | None = None) -> float:
        s = np.linalg.svd(self.C, compute_uv=False)
        return 0.5 * float(np.sum(s[(self.k if rank is None else rank):] ** 2))

    def structured_starts(self, rng, jitter: float = 1e-3):
        """Balanced factors of Σ_{i∈S} σᵢuᵢvᵢᵀ for every subset S of size ≤ k of the singular triplets
        (the predicted critical points), mixed by a random gauge G ∈ GL(k), plus a small jitter."""
        U, s, Vt = np.linalg.svd(self.C)
        r = min(len(s), max(self.dy, self.dx))
        for m in range(0, self.k + 1):
            for S in itertools.combinations(range(len(s)), m):
                W1 = np.zeros((self.dy, self.k))
                W2 = np.zeros((self.k, self.dx))
                for col, i in enumerate(S):
                    W1[:, col] = U[:, i] * np.sqrt(s[i])
                    W2[col, :] = Vt[i, :] * np.sqrt(s[i])
                G = np.eye(self.k) + 0.3 * rng.standard_normal((self.k, self.k))
                yield S, self.join(W1 @ G, np.linalg.solve(G, W2)) + jitter * rng.standard_normal(self.n)
        del r


def newton_critical(net: LinearNet, p0, iters: int = 100, tol: float = 1e-11):
    p = np.asarray(p0, float).copy()
    for _ in range(iters):
        g = net.grad(p)
        if np.linalg.norm(g) <= tol:
            return p, True
        p = p - np.linalg.lstsq(net.hess(p), g, rcond=1e-10)[0]
        if not np.all(np.isfinite(p)) or np.linalg.norm(p) > 1e4:
            return p, False
    return p, bool(np.linalg.norm(net.grad(p)) <= tol * 100)


@dataclass(frozen=True)
class NetCritical:
    p: np.ndarray
    value: float
    lambda_min: float
    kind: str  # 'global minimum' | 'strict saddle' | 'other'
    rank: int
    start: str


def classify_critical(net: LinearNet, p, start: str, tol: float = 1e-7) -> NetCritical:
    H = net.hess(p)
    lam = float(np.linalg.eigvalsh(H)[0])
    val = net.loss(p)
    W1, W2 = net.split(p)
    rank = int(np.linalg.matrix_rank(W1 @ W2, tol=1e-6))
    scale = 1.0 + float(np.linalg.norm(net.C)) ** 2
    if lam < -tol * scale:
        kind = "strict saddle"
    elif abs(val - net.eckart_young()) <= 1e-9 * scale:
        kind = "global minimum"
    else:
        kind = "other"
    return NetCritical(p, val, lam, kind, rank, start)


def find_critical_points(net: LinearNet, rng, n_random: int = 20) -> list[NetCritical]:
    found: list[NetCritical] = []
    starts = [(f"S={S}", p0) for S, p0 in net.structured_starts(rng)]
    starts += [("random", rng.standard_normal(net.n)) for _ in range(n_random)]
    for name, p0 in starts:
        p, ok = newton_critical(net, p0)
        if not ok:
            continue
        c = classify_critical(net, p, name)
        # critical points come in GL(k) orbits: identify them by the product W₁W₂
        W = np.matmul(*net.split(p))
        if any(np.linalg.norm(W - np.matmul(*net.split(q.p))) < 1e-6 for q in found):
            continue
        found.append(c)
    return found
