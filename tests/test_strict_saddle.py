"""The strict-saddle family, the (α, β, γ) estimator and the hitting-time experiments (fast)."""
import math

import numpy as np
import pytest
import sympy as sp

from numeric.chapter8 import strict_saddle as SS
from numeric.optimizers import GD, CubicNewton
from symbolic.chapter8 import landscapes as SL
@pytest.mark.parametrize("params", [dict(d=4, alpha=0.5, beta=0.16, gamma=1.0), dict(d=3, alpha=0.2, beta=0.4, gamma=0.3)])
def test_family_composition_equals_sympy(params):
    """The separable NumPy composition of lambdified pieces is the SymPy family at small d."""
    fam = SS.SaddleFamily(**params)
    f, xs = SL.saddle_family(fam.d)
    f = f.subs({SL.alpha: fam.alpha, SL.beta: fam.beta, SL.gamma: fam.gamma})
    grad = [sp.diff(f, v) for v in xs]
    H = sp.hessian(f, xs)
    rng = np.random.default_rng(0)
    for _ in range(5):
        x = rng.normal(size=fam.d)
        sub = dict(zip(xs, x))
        assert fam.value(x) == pytest.approx(float(f.subs(sub)), rel=1e-12, abs=1e-12)
        assert np.allclose(fam.gradient(x), [float(g.subs(sub)) for g in grad], atol=1e-12)
        assert np.allclose(np.diag(fam.hess_diag(x)), np.array(H.subs(sub), dtype=float), atol=1e-12)


def test_family_landmarks():
    fam = SS.SaddleFamily(d=5, alpha=0.5, beta=0.1, gamma=1.0)
    assert np.allclose(fam.gradient(fam.saddle), 0) and np.min(fam.hess_diag(fam.saddle)) == pytest.approx(-0.1)
    for m in fam.minima:
        assert np.allclose(fam.gradient(m), 0) and SS.kappa(fam) == pytest.approx(min(0.2, 0.5, 1.0))
    assert fam.ell == pytest.approx(1.0)  # max(5.75β, α/γ, 1)
    # ρ = max(max|h‴| = 9β on |x₁| ≤ 1.5, max|shelf‴| = (α/γ²)·3u(1+u²)^(-5/2) at u = ½)
    assert fam.rho == pytest.approx(max(9 * 0.1, 0.5 * 1.5 * 1.25**-2.5), rel=1e-3)


def test_estimator_degenerate_point_kills_every_triple():
    # Example 8.2 at the origin: ∇f = 0, λ_min = 0, no local minimum
    est = SS.estimate_triple(np.zeros((1, 2)), [0.0], [0.0], [math.inf], 0.1)
    assert not est.exists and est.beta0 == 0.0


def test_estimator_strict_saddle_beta0():
    X = np.array([[0.0, 0.0], [0.5, 0.0], [1.0, 0.0]])
    est = SS.estimate_triple(X, [0.0, 0.3, 0.0], [-2.0, -0.5, 1.0], [1.0, 0.5, 0.0], 0.1)
    assert est.exists and est.beta0 == pytest.approx(2.0)
    assert est.beta == pytest.approx(1.0) and est.alpha == pytest.approx(0.3)  # the point with λ = −0.5 binds α


def test_hitting_times():
    fam = SS.SaddleFamily(d=6, alpha=0.5, beta=0.16, gamma=1.0)
    x0 = SS.start_point(fam, np.random.default_rng(0), 4.0)
    assert x0[0] == 0.0  # on the stable manifold
    n_pgd = SS.hitting_time(fam, SS.pgd_for_target(fam, 1e-3, x0), x0, 1e-3, np.random.default_rng(1))
    n_cub = SS.hitting_time(fam, CubicNewton(M=fam.rho), x0, 1e-3, np.random.default_rng(1))
    n_gd = SS.hitting_time(fam, GD(step=1 / fam.ell), x0, 1e-3, np.random.default_rng(1), max_iter=20_000)
    n_np = SS.hitting_time(fam, SS.pgd_for_target(fam, 1e-3, x0, perturb=False), x0, 1e-3, np.random.default_rng(1),
                           max_iter=20_000)
    assert n_pgd is not None and n_cub is not None and n_cub < n_pgd
    assert n_gd is None and n_np is None  # without noise the stable manifold x₁ = 0 is never left


def test_escape_from_saddle_needs_the_perturbation():
    fam = SS.SaddleFamily(d=10, alpha=0.5, beta=0.1, gamma=1.0)
    eps = 1e-3 * SS.kappa(fam) / 2
    e = SS.escape_from_saddle(fam, eps, np.random.default_rng(0))
    assert e["escaped"] and e["steps"] <= e["t_thres"]
    e0 = SS.escape_from_saddle(fam, eps, np.random.default_rng(0), perturb=False)
    assert not e0["escaped"]


def test_jin_bound_monotone():
    assert SS.jin_bound(1, 1, 1e-3, 10, 1) > SS.jin_bound(1, 1, 1e-2, 10, 1)
    assert SS.jin_bound(1, 1, 1e-3, 1000, 1) > SS.jin_bound(1, 1, 1e-3, 10, 1)


def test_rotated_problem_matches():
    fam = SS.SaddleFamily(d=5)
    Q, _ = np.linalg.qr(np.random.default_rng(0).normal(size=(5, 5)))
    p = SS.rotated_problem(fam, Q)
    x = np.random.default_rng(1).normal(size=5)
    assert p.cost(x) == pytest.approx(fam.value(Q.T @ x))
    v = np.random.default_rng(2).normal(size=5)
    fd = (p.grad(x + 1e-6 * v) - p.grad(x - 1e-6 * v)) / 2e-6
    assert np.allclose(p.hvp(x, v), fd, atol=1e-6)
