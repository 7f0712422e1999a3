"""Perturbed gradient descent (Jin, Ge, Netrapalli, Kakade, Jordan 2017, Algorithm 2).

GD, plus: when the gradient is small (‖∇f‖ ≤ g_thres) and no perturbation happened in
the last t_thres steps, add a uniform sample from the ball of radius r; if after
t_thres steps the cost has not dropped by f_thres, return the point before the
perturbation (an approximate second-order stationary point).
"""
from __future__ import annotations

import math

import numpy as np

from numeric.optimizers.base import Optimizer


def uniform_ball(rng: np.random.Generator, d: int, r: float) -> np.ndarray:
    g = rng.standard_normal(d)
    return r * rng.uniform() ** (1.0 / d) * g / np.linalg.norm(g)


class PerturbedGD(Optimizer):
    def __init__(self, step: float, radius: float, g_thres: float, t_thres: int, f_thres: float):
        self.step_size, self.radius, self.g_thres = step, radius, g_thres
        self.t_thres, self.f_thres = int(t_thres), f_thres
        self.name = "perturbed_gd"

    @classmethod
    def from_theory(cls, ell: float, rho: float, eps: float, d: int, c: float = 1.0, delta: float = 0.1,
                    delta_f: float = 1.0) -> "PerturbedGD":
        """The paper's parameters: χ = 3 max(log(dℓΔ_f/(cε²δ)), 4), η = c/ℓ, r = √c ε/(χ²ℓ),
        g_thres = √c ε/χ², f_thres = (c/χ³)√(ε³/ρ), t_thres = χℓ/(c²√(ρε))."""
        chi = 3 * max(math.log(d * ell * delta_f / (c * eps**2 * delta)), 4.0)
        return cls(step=c / ell, radius=math.sqrt(c) * eps / (chi**2 * ell), g_thres=math.sqrt(c) * eps / chi**2,
                   t_thres=math.ceil(chi * ell / (c**2 * math.sqrt(rho * eps))),
                   f_thres=c / chi**3 * math.sqrt(eps**3 / rho))

    def init_state(self, problem, x, rng):
        return {"needs_second_order": True, "t_noise": -10**9, "x_noise": None, "f_noise": None,
                "perturbations": []}

    def step(self, problem, x, g, state, rng, k):
        if np.linalg.norm(g) <= self.g_thres and k - state["t_noise"] > self.t_thres:
            state.update(t_noise=k, x_noise=x.copy(), f_noise=problem.cost(x))
            state["perturbations"].append(k)
            x = x + uniform_ball(rng, x.size, self.radius)
            g = problem.grad(x)  # the gradient at the perturbed point; otherwise reuse the one given
        if k - state["t_noise"] == self.t_thres and problem.cost(x) - state["f_noise"] > -self.f_thres:
            return state["x_noise"], "second_order_point"
        return x - self.step_size * g, None
