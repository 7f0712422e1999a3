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


def lambda_min(problem: Problem, x: np.ndarray) -> float | None:
    """Smallest Hessian eigenvalue at x (dense for small d, Lanczos on hvp otherwise)."""
    if problem.hess is not None and problem.dim <= 400:
        return float(np.linalg.eigvalsh(problem.hess(x))[0])
    if not problem.second_order:
        return None
    from scipy.sparse.linalg import LinearOperator, eigsh

    op = LinearOperator((problem.dim, problem.dim), matvec=lambda v: problem.hess_vec(x, np.ravel(v)), dtype=float)
    return float(eigsh(op, k=1, which="SA", return_eigenvectors=False, tol=1e-10)[0])
