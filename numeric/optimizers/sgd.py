"""Stochastic gradient descent: an unbiased gradient estimate, fixed or 1/√t step."""
from __future__ import annotations

import numpy as np

from numeric.optimizers.base import Optimizer


class SGD(Optimizer):
    def __init__(self, step: float = 0.01, noise: float = 0.1, decay: bool = False):
        self.step_size, self.noise, self.decay = step, noise, decay
        self.name = "sgd"

    def step(self, problem, x, g, state, rng, k):
        if problem.stochastic_grad is not None:
            est = problem.stochastic_grad(x, rng)
        else:
            est = g + self.noise * rng.standard_normal(x.shape)
        eta = self.step_size / np.sqrt(k + 1) if self.decay else self.step_size
        return x - eta * est, None
