"""Gradient descent θ_{t+1} = θ_t − η∇g(θ_t) (§8.1), fixed step."""
from __future__ import annotations

from numeric.optimizers.base import Optimizer


class GD(Optimizer):
    def __init__(self, step: float = 0.01):
        self.step_size = step
        self.name = "gd"

    def step(self, problem, x, g, state, rng, k):
        return x - self.step_size * g, None
