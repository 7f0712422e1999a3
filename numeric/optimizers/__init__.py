"""Reference optimizers, one interface: ``opt.run(problem, x0, rng=..., max_iter=..., tol=...) -> Result``."""
from .base import Optimizer, run
from .cubic_newton import CubicNewton, solve_cubic_exact
from .gd import GD
from .perturbed_gd import PerturbedGD
from .problem import Problem, lambda_min
from .result import Result, Trace
from .sgd import SGD

__all__ = ["Optimizer", "run", "CubicNewton", "solve_cubic_exact", "GD", "PerturbedGD", "Problem",
           "lambda_min", "Result", "Trace", "SGD"]
