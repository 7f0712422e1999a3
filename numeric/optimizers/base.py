"""The one interface every optimizer shares: ``run(problem, x0, ...) -> Result``.

An optimizer is a small object holding its parameters; ``run`` wraps the problem to
count evaluations, iterates ``step`` and records a trace.  Stopping: gradient norm
≤ tol, max_iter, or divergence (a non-finite cost).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, replace

import numpy as np

from numeric.optimizers.problem import Problem, lambda_min
from numeric.optimizers.result import Result, Trace


class Counted:
    """A problem whose callables count how often they are called."""

    def __init__(self, problem: Problem):
        self.counts = {"cost": 0, "grad": 0, "hess": 0, "hvp": 0, "stochastic_grad": 0}
        p = problem

        def wrap(name, fn):
            if fn is None:
                return None

            def f(*a):
                self.counts[name] += 1
                return fn(*a)

            return f

        self.problem = replace(p, cost=wrap("cost", p.cost), grad=wrap("grad", p.grad), hess=wrap("hess", p.hess),
                               hvp=wrap("hvp", p.hvp), stochastic_grad=wrap("stochastic_grad", p.stochastic_grad))


class Optimizer:
    name = "optimizer"

    def init_state(self, problem: Problem, x: np.ndarray, rng: np.random.Generator) -> dict:
        return {}

    def step(self, problem: Problem, x: np.ndarray, g: np.ndarray, state: dict, rng, k: int):
        """One iteration: return (new x, stop reason or None)."""
        raise NotImplementedError

    def run(self, problem: Problem, x0, *, rng: np.random.Generator | None = None, max_iter: int = 10_000,
            tol: float = 1e-8, keep_iterates: bool = False) -> Result:
        rng = np.random.default_rng(0) if rng is None else rng
        counted = Counted(problem)
        p = counted.problem
        x = np.array(x0, dtype=float)
        t0 = time.perf_counter()
        state = self.init_state(p, x, rng)
        state.setdefault("tol", tol)  # optimizers with their own (second-order) stopping rule read it
        its, costs, gnorms, xs = [], [], [], []
        every = max(1, max_iter // 1000)
        travelled = 0.0
        reason = "max_iter"
        k = 0
        for k in range(max_iter + 1):
            g = p.grad(x)
            gn = float(np.linalg.norm(g))
            if k % every == 0:
                c = p.cost(x)
                its.append(k), costs.append(c), gnorms.append(gn)
                if keep_iterates:
                    xs.append(x.copy())
                if not np.isfinite(c):
                    reason = "diverged"
                    break
            if not np.all(np.isfinite(g)):
                reason = "diverged"
                break
            if gn <= tol and not state.get("needs_second_order"):
                reason = "gradient_tol"
                break
            if k == max_iter:
                break
            xn, stop = self.step(p, x, g, state, rng, k)
            travelled += float(np.linalg.norm(xn - x))
            x = xn
            if stop:
                reason = stop
                break
        cost = float(p.cost(x))
        gn = float(np.linalg.norm(p.grad(x)))
        lam = lambda_min(problem, x) if problem.second_order and np.all(np.isfinite(x)) else None
        trace = Trace(np.array(its), np.array(costs), np.array(gnorms), travelled,
                      tuple(state.get("perturbations", ())), np.array(xs) if keep_iterates else None)
        return Result(self.name, x, cost, gn, lam, k, dict(counted.counts), reason,
                      reason in ("gradient_tol", "second_order_point"), time.perf_counter() - t0, trace)


def run(optimizer: Optimizer, problem: Problem, x0, **kw) -> Result:
    return optimizer.run(problem, x0, **kw)
