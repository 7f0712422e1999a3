"""Numbers for the landscapes of §8.1–8.2: SymPy functions lambdified in batches, as Problems.

* ``Derivatives(f, vs)``: value (B,), gradient (B, n) and Hessian (B, n, n) of a SymPy
  function on a batch of points (SymPy's lambdify, constants broadcast to the batch).
* ``problem(f, vs)``: the same function as an optimizer Problem.
* ``gd_gap_curve``: GD with step 1/L on a convex function, the optimality gap f(x_T) − inf f
  at T = 1, 2, 4, ... (Observation 1 / footnote 1), next to the textbook bound LR²/(2T).
* ``lipschitz_on_box``: the largest Hessian eigenvalue seen on a grid of a box (a step size).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import sympy as sp

from symbolic import critical_points as scp


class Derivatives:
    def __init__(self, f: sp.Expr, vs):
        self.f, self.vs = f, tuple(vs)
        self.n = len(self.vs)
        grad = scp.gradient(f, self.vs)
        H = scp.hessian(f, self.vs)
        self._f = sp.lambdify(self.vs, f, "numpy")
        self._g = [sp.lambdify(self.vs, gi, "numpy") for gi in grad]
        self._h = [[sp.lambdify(self.vs, H[i, j], "numpy") for j in range(self.n)] for i in range(self.n)]

    def _cols(self, X):
        X = np.atleast_2d(np.asarray(X, float))
        return X, [X[:, i] for i in range(self.n)]

    def value(self, X) -> np.ndarray:
        X, c = self._cols(X)
        return np.broadcast_to(np.asarray(self._f(*c), float), (X.shape[0],)).copy()

    def gradient(self, X) -> np.ndarray:
        X, c = self._cols(X)
        return np.stack([np.broadcast_to(np.asarray(g(*c), float), (X.shape[0],)) for g in self._g], axis=1)

    def hessian(self, X) -> np.ndarray:
        X, c = self._cols(X)
        B = X.shape[0]
        return np.stack([np.stack([np.broadcast_to(np.asarray(h(*c), float), (B,)) for h in row], axis=1)
                         for row in self._h], axis=1)

    def lambda_min(self, X) -> np.ndarray:
        return np.linalg.eigvalsh(self.hessian(X))[:, 0]


@lru_cache(maxsize=64)
def derivatives(f: sp.Expr, vs: tuple) -> Derivatives:
    return Derivatives(f, vs)


def problem(f: sp.Expr, vs, name: str = ""):
    from numeric.optimizers import Problem

    D = derivatives(sp.sympify(f), tuple(vs))
    return Problem(dim=D.n, cost=lambda x: float(D.value(x[None])[0]), grad=lambda x: D.gradient(x[None])[0],
                   hess=lambda x: D.hessian(x[None])[0], name=name or str(f))


def lipschitz_on_box(f: sp.Expr, vs, lo: float, hi: float, k: int = 41) -> float:
    """max over a k^n grid of the box of the largest |Hessian eigenvalue| (a smoothness estimate)."""
    D = derivatives(sp.sympify(f), tuple(vs))
    axes = [np.linspace(lo, hi, k)] * D.n
    pts = np.stack([a.ravel() for a in np.meshgrid(*axes)], axis=1)
    ev = np.linalg.eigvalsh(D.hessian(pts))
    return float(np.max(np.abs(ev)))


def gd_run(f: sp.Expr, vs, x0, step: float, iters: int, record=None):
    """Plain GD through numeric.optimizers.GD; returns (final x, {T: f(x_T)} for T in record)."""
    from numeric.optimizers import GD

    p = problem(f, vs)
    res = GD(step=step).run(p, np.asarray(x0, float), max_iter=iters, tol=0.0, keep_iterates=True)
    out = {}
    if record is not None:
        its = res.trace.iterations
        D = derivatives(sp.sympify(f), tuple(vs))
        vals = D.value(res.trace.iterates)
        for T in record:
            j = int(np.searchsorted(its, T))
            if j < len(its) and its[j] == T:
                out[T] = float(vals[j])
    return res, out
