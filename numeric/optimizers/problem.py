"""An optimization problem: cost, gradient and (optionally) Hessian or Hessian-vector products."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np


@dataclass(frozen=True)
class Problem:
    dim: int
    cost: Callable[[np.ndarray], float]
    grad: Callable[[np.ndarray], np.ndarray]
    hess: Callable[[np.ndarray], np.ndarray] | None = None
    hvp: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
    stochastic_grad: Callable[[np.ndarray, np.random.Generator], np.ndarray] | None = None
    name: str = ""

    def hess_vec(self, x: np.ndarray, v: np.ndarray) -> np.ndarray:
        if self.hvp is not None:
            return self.hvp(x, v)
        if self.hess is not None:
            return self.hess(x) @ v
        raise ValueError(f"problem {self.name!r} has neither hess nor hvp")

    @property
    def second_order(self) -> bool:
        return self.hess is not None or self.hvp is not None


def bottom_eigenpair(problem: Problem, x: np.ndarray) -> tuple[float, np.ndarray]:
    """(λ_min, unit eigenvector) of the Hessian at x: dense for small d, Lanczos on hvp otherwise."""
    if problem.hess is not None and problem.dim <= 400:
        lam, Q = np.linalg.eigh(problem.hess(x))
        return float(lam[0]), Q[:, 0]
    from scipy.sparse.linalg import LinearOperator, eigsh

    op = LinearOperator((problem.dim, problem.dim), matvec=lambda v: problem.hess_vec(x, np.ravel(v)), dtype=float)
    lam, V = eigsh(op, k=1, which="SA", tol=1e-10,
                   v0=np.random.default_rng(0).standard_normal(problem.dim))  # ARPACK starts at random otherwise
    return float(lam[0]), V[:, 0]


def lambda_min(problem: Problem, x: np.ndarray) -> float | None:
    """Smallest Hessian eigenvalue at x (None when the problem has no second-order information)."""
    return bottom_eigenpair(problem, x)[0] if problem.second_order else None
