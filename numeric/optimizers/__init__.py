"""Reference optimizers, one interface: ``opt.run(problem, x0, rng=..., max_iter=..., tol=...) -> Result``."""
from numeric.optimizers.base import Optimizer, run
from numeric.optimizers.cubic_newton import CubicNewton, solve_cubic_exact
from numeric.optimizers.gd import GD
from numeric.optimizers.perturbed_gd import PerturbedGD
from numeric.optimizers.problem import Problem, lambda_min
from numeric.optimizers.result import Result, Trace
from numeric.optimizers.sgd import SGD

__all__ = ["Optimizer", "run", "CubicNewton", "solve_cubic_exact", "GD", "PerturbedGD", "Problem",
           "lambda_min", "Result", "Trace", "SGD"]
