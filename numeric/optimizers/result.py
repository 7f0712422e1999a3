"""The frozen result of one optimizer run."""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Trace:
    """Per-iteration summary, subsampled to at most ~1000 points."""

    iterations: np.ndarray
    cost: np.ndarray
    grad_norm: np.ndarray
    distance: float  # total distance travelled by the iterates
    perturbations: tuple[int, ...] = ()
    iterates: np.ndarray | None = None  # the subsampled x's, when run(..., keep_iterates=True)


@dataclass(frozen=True)
class Result:
    optimizer: str
    x: np.ndarray
    cost: float
    grad_norm: float
    lambda_min: float | None
    iterations: int
    evaluations: dict = field(default_factory=dict)
    stop_reason: str = ""
    converged: bool = False
    seconds: float = 0.0
    trace: Trace | None = None
