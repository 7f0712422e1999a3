"""Every optimizer on the same problems, the expected answer travelling with the problem."""
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pytest
from scipy.optimize import minimize

from numeric.chapter8 import pca as npca
from numeric.optimizers import GD, SGD, CubicNewton, PerturbedGD, Problem, solve_cubic_exact


@dataclass
class Case:
    name: str
    problem: Problem
    x0: np.ndarray
    solved: Callable[[np.ndarray], bool]  # the expected answer
    step: float


def quadratic():
    A = np.diag([1.0, 2.0, 5.0])
    b = np.array([1.0, -1.0, 2.0])
    xs = np.linalg.solve(A, b)
    p = Problem(3, lambda x: 0.5 * x @ A @ x - b @ x, lambda x: A @ x - b, hess=lambda x: A, name="quadratic")
    return Case("quadratic", p, np.zeros(3), lambda x: np.linalg.norm(x - xs) < 1e-4, 0.15)


def pca_case():
    M = np.diag([3.0, 1.0, 0.5])
    goal = np.sqrt(3.0) * np.eye(3)[0]
    p = npca.problem(M)  # gradient and Hessian lambdified from the symbolic layer
    return Case("pca", p, np.array([0.3, 0.4, -0.2]),
                lambda x: min(np.linalg.norm(x - goal), np.linalg.norm(x + goal)) < 1e-3, 0.03)


def saddle_case():
    # f = x²/2 − y²/2 + y⁴/4: strict saddle at 0, minima (0, ±1)
    f = lambda v: 0.5 * v[0] ** 2 - 0.5 * v[1] ** 2 + 0.25 * v[1] ** 4
    g = lambda v: np.array([v[0], -v[1] + v[1] ** 3])
    h = lambda v: np.diag([1.0, -1.0 + 3 * v[1] ** 2])
    p = Problem(2, f, g, hess=h, name="strict-saddle")
    return Case("saddle", p, np.array([0.5, 0.0]),  # on the stable manifold y = 0
                lambda x: abs(abs(x[1]) - 1) < 1e-3 and abs(x[0]) < 1e-3, 0.1)


OPTS = {
    "gd": lambda c: GD(step=c.step),
    "sgd": lambda c: SGD(step=c.step, noise=1e-3),
    "pgd": lambda c: PerturbedGD(step=c.step, radius=1e-2, g_thres=1e-4, t_thres=300, f_thres=1e-8),
    "cubic-exact": lambda c: CubicNewton(M=10.0, solver="exact"),
    "cubic-krylov": lambda c: CubicNewton(M=10.0, solver="krylov"),
}
# plain GD and SGD started on the stable manifold of the saddle: GD stays on it
EXPECT_FAIL = {("gd", "saddle")}


@pytest.mark.parametrize("case", [quadratic, pca_case, saddle_case], ids=["quadratic", "pca", "saddle"])
@pytest.mark.parametrize("opt", list(OPTS))
def test_every_optimizer_on_every_problem(opt, case):
    c = case()
    res = OPTS[opt](c).run(c.problem, c.x0, rng=np.random.default_rng(0), max_iter=6000, tol=1e-9)
    if opt == "sgd":  # noisy: judge the neighbourhood, not the exact point
        ok = c.solved(res.x) or res.cost <= c.problem.cost(c.x0)
        assert ok
        return
    if (opt, c.name) in EXPECT_FAIL:
        assert not c.solved(res.x) and abs(res.x[1]) == 0.0  # stuck on y = 0, at the saddle
        return
    assert c.solved(res.x), (opt, c.name, res.x, res.stop_reason)
    if c.problem.second_order and res.lambda_min is not None:
        assert res.lambda_min > -1e-6


def test_results_are_frozen_and_counted():
    c = quadratic()
    res = GD(step=0.1).run(c.problem, c.x0, max_iter=50, tol=0.0)
    with pytest.raises(AttributeError):
        res.x = None
    assert res.iterations == 50 and res.evaluations["grad"] >= 51 and res.stop_reason == "max_iter"


def test_divergence_is_reported():
    c = quadratic()
    with np.errstate(over="ignore", invalid="ignore"):
        res = GD(step=10.0).run(c.problem, c.x0, max_iter=2000)
    assert res.stop_reason == "diverged"


def test_same_seed_same_run():
    c = saddle_case()
    mk = lambda: PerturbedGD(step=0.1, radius=1e-2, g_thres=1e-4, t_thres=50, f_thres=1e-8)
    a = mk().run(c.problem, np.zeros(2), rng=np.random.default_rng(5), max_iter=2000)
    b = mk().run(c.problem, np.zeros(2), rng=np.random.default_rng(5), max_iter=2000)
    assert np.array_equal(a.x, b.x) and a.trace.perturbations == b.trace.perturbations


def test_perturbation_is_what_escapes_the_saddle():
    c = saddle_case()
    esc = PerturbedGD(step=0.1, radius=1e-2, g_thres=1e-4, t_thres=300, f_thres=1e-8)
    none = PerturbedGD(step=0.1, radius=0.0, g_thres=1e-4, t_thres=300, f_thres=1e-8)
    a = esc.run(c.problem, np.zeros(2), rng=np.random.default_rng(1), max_iter=5000)
    b = none.run(c.problem, np.zeros(2), rng=np.random.default_rng(1), max_iter=5000)
    assert abs(abs(a.x[1]) - 1) < 1e-3 and np.linalg.norm(b.x) == 0.0


@pytest.mark.parametrize("seed", range(6))
def test_cubic_subproblem_against_scipy(seed):
    rng = np.random.default_rng(seed)
    d = 4
    A = rng.normal(size=(d, d))
    H = (A + A.T) / 2
    g = rng.normal(size=d)
    if seed == 5:  # the hard case: g orthogonal to the bottom eigenvector
        lam, Q = np.linalg.eigh(H)
        g = g - (g @ Q[:, 0]) * Q[:, 0]
    Mc = 2.0
    m = lambda s: g @ s + 0.5 * s @ H @ s + Mc / 6 * np.linalg.norm(s) ** 3
    s = solve_cubic_exact(g, H, Mc)
    best = min((minimize(m, rng.normal(size=d), method="BFGS", tol=1e-12) for _ in range(8)), key=lambda r: r.fun)
    assert m(s) <= best.fun + 1e-8


@pytest.mark.parametrize("solver", ["exact", "krylov"])
def test_cubic_newton_leaves_an_exact_saddle(solver):
    """At a point with ∇f = 0 and λ_min < 0, cubic Newton is not done: it steps along the
    bottom eigenvector and ends at a minimum with the second-order stop."""
    c = saddle_case()
    res = CubicNewton(M=10.0, solver=solver).run(c.problem, np.zeros(2), max_iter=500, tol=1e-9)
    assert c.solved(res.x) and res.stop_reason == "second_order_point" and res.lambda_min > 0


def test_perturbed_gd_evaluates_the_gradient_once_per_plain_step():
    c = quadratic()
    res = PerturbedGD(step=0.1, radius=1e-2, g_thres=0.0, t_thres=10**6, f_thres=0.0).run(
        c.problem, c.x0, max_iter=100, tol=0.0)
    assert res.evaluations["grad"] == 100 + 1 + 1  # one per iterate, plus the final report
