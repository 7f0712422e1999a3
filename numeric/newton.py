"""A polynomial's derivatives compiled once (NumPy and mpmath), and Newton's method on them.

Newton in floats finds critical points from many starts; Newton at high precision polishes one
to 50 digits (pseudo-inverse steps where the Hessian is singular).  Used by numeric.classify
(isolated critical points) and numeric.critical_sets (points on positive-dimensional sets).
"""
from __future__ import annotations

from functools import lru_cache

import mpmath
import numpy as np
import sympy as sp

from symbolic import critical_points as scp


@lru_cache(maxsize=64)
def compiled(f: sp.Expr, vs: tuple):
    grad = scp.gradient(f, vs)
    H = scp.hessian(f, vs)
    return {
        "f": sp.lambdify(vs, f, "numpy"),
        "g": sp.lambdify(vs, grad, "numpy"),
        "h": sp.lambdify(vs, H, "numpy"),
        "f_mp": sp.lambdify(vs, f, "mpmath"),
        "g_mp": sp.lambdify(vs, grad, "mpmath"),
        "h_mp": sp.lambdify(vs, H, "mpmath"),
        "grad": grad,
        "H": H,
    }


def _np_grad(c, x):
    return np.array(c["g"](*x), dtype=float).reshape(-1)


def _np_hess(c, x):
    return np.array(c["h"](*x), dtype=float).reshape(len(x), len(x))


def newton_float(c, x0: np.ndarray, iters: int = 100, tol: float = 1e-9, radius: float = 1e6):
    x = np.array(x0, dtype=float)
    for _ in range(iters):
        g = _np_grad(c, x)
        if not np.all(np.isfinite(g)):
            return x, False
        if np.linalg.norm(g) <= tol:
            return x, True
        H = _np_hess(c, x)
        step = np.linalg.lstsq(H, g, rcond=1e-13)[0]
        x = x - step
        if not np.all(np.isfinite(x)) or np.linalg.norm(x) > radius:
            return x, False
    return x, bool(np.linalg.norm(_np_grad(c, x)) <= tol * 10)


def polish_mp(c, x0, dps: int = 50, iters: int = 150):
    """Newton in mpmath at ``dps`` digits (pseudo-inverse steps when the Hessian is singular)."""
    with mpmath.workdps(dps + 10):
        x = mpmath.matrix([mpmath.mpf(float(v)) for v in x0])
        n = len(x)
        target = mpmath.mpf(10) ** (-dps)
        for _ in range(iters):
            g = mpmath.matrix(c["g_mp"](*x))
            if mpmath.norm(g) <= target:
                break
            H = mpmath.matrix(c["h_mp"](*x))
            try:
                step = mpmath.lu_solve(H, g)
            except ZeroDivisionError:
                E, Q = mpmath.eigsy(H)
                big = max(abs(E[i]) for i in range(n))
                cut = big * mpmath.mpf(10) ** (-(dps // 2)) if big > 0 else 1
                qg = Q.T * g
                step = mpmath.matrix(n, 1)
                for i in range(n):
                    if abs(E[i]) > cut:
                        step += Q[:, i] * (qg[i] / E[i])
            if mpmath.norm(step) == 0:
                break
            x = x - step
        g = mpmath.matrix(c["g_mp"](*x))
        return x, mpmath.norm(g)
