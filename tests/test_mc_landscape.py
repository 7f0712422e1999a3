"""Landscape tools, pair deviations, Monte Carlo curves and optimizer runs for §8.3.2 (fast)."""
import numpy as np
import pytest

from numeric.chapter8 import masks
from numeric.chapter8 import matrix_completion as mc
from numeric.chapter8 import mc_concentration as cc
from numeric.chapter8 import mc_landscape as ml
from numeric.chapter8 import mc_pairs as mp
from numeric.chapter8 import mc_recovery as mr
@pytest.fixture(scope="module")
def ob():
    rng = np.random.default_rng(0)
    z = mc.incoherent_unit_vector(60, 2.0, rng)
    return mc.Objective(z, masks.bernoulli(60, 0.3, rng))


def test_psd_boundary_along_z_is_one_third(ob):
    """⟨v, ∇²f(z/√3)v⟩ = ⅓Σ_Ω(v_i z_j − v_j z_i)² ≥ 0 for every Ω: the boundary along z is exactly ‖x‖² = 1/3."""
    r = ml.psd_boundary(ob, ob.z)
    assert r**2 == pytest.approx(1 / 3, abs=1e-7)
    assert ml.z_form_boundary(ob, ob.z) ** 2 == pytest.approx(1 / 3, abs=1e-12)
    assert np.linalg.eigvalsh(ob.hessian(ob.z / np.sqrt(3)))[0] >= -1e-12


def test_pairing_zero_point(ob):
    rng = np.random.default_rng(1)
    v = ob.z + 0.5 * rng.standard_normal(ob.d) / np.sqrt(ob.d)
    x = ml.on_gradient_pairing_zero(ob, v / np.linalg.norm(v))
    assert abs(x @ ob.gradient(x)) < 1e-12


def test_stationary_points_contain_zero_and_pm_z(ob):
    pts = ml.stationary_points(ob, np.random.default_rng(2), n_random=2, n_eig=2)
    xs = [s.x for s in pts]
    assert any(np.linalg.norm(x) < 1e-12 for x in xs)
    assert any(min(np.linalg.norm(x - ob.z), np.linalg.norm(x + ob.z)) < 1e-8 for x in xs)
    for s in pts:
        assert np.linalg.norm(ob.gradient(s.x)) < 1e-9


def test_pair_decompositions_match_direct(ob):
    rng = np.random.default_rng(3)
    for _ in range(5):
        x = rng.standard_normal(ob.d) / np.sqrt(ob.d) * rng.uniform(0.3, 1.5)
        a, b = mp.levels_823(ob, x), mp.levels_832(ob, x)
        assert a.actual == pytest.approx(a.via_pairs, rel=1e-9, abs=1e-12)
        assert b.actual == pytest.approx(b.via_pairs, rel=1e-9, abs=1e-12)
        assert abs(a.actual) <= 2 * (a.s + a.s**2) * a.eps + 1e-12
        assert abs(b.actual) <= (8 * b.s + 2) * b.eps + 1e-12


def test_failure_curve_is_coupled_and_p_star():
    rng = np.random.default_rng(4)
    u = mc.incoherent_unit_vector(200, 2.0, rng)
    fc = cc.failure_curve(u, u, 0.2, np.geomspace(1e-3, 0.5, 20), 60, rng)
    assert fc.rate()[0] > 0.3 and fc.rate()[-1] == 0.0
    assert fc.p[0] <= fc.p_star(0.1) <= fc.p[-1]
    # at p = 1 the deviation is exactly 0
    full = cc.failure_curve(u, u, 1e-9, [1.0], 3, rng)
    assert np.allclose(full.deviations, 0.0, atol=1e-12)


def test_spectral_certificate_bounds_the_adversary():
    from numeric.chapter8.mc_concentration import spectral_certificate

    rng = np.random.default_rng(5)
    m = masks.bernoulli(300, 0.1, rng)
    dev, _ = cc.uniform_deviation(m, 2.0, rng)
    assert dev <= spectral_certificate(m, 2.0) + 1e-9


@pytest.mark.parametrize("method", ["GD", "PGD", "cubic"])
def test_optimizers_recover_z_at_high_p(method):
    rng = np.random.default_rng(6)
    z = mc.incoherent_unit_vector(50, 2.0, rng)
    ob = mc.Objective(z, masks.bernoulli(50, 0.5, rng))
    r = ml.run(method, ob, rng.standard_normal(50) / np.sqrt(50), rng)
    assert ml.distance_to_pm(r.x, z) < 1e-3


def test_exhibited_minima_are_global_and_far():
    out = mr.exhibited_minima(7, (100,), (1.0,), 3)
    assert any(far is not None and far >= 1 - 1e-12 for *_, far in out)
    coh = mr.exhibited_minima(8, (40,), (4.0,), 3, coherent=True)
    assert all(far is not None for *_, far in coh if far is not None)


@pytest.mark.parametrize("d, pd, max_iter", [(60, 8.0, 3000), (80, 2.0, 300), (40, 16.0, 7)])
def test_batched_gd_restarts_are_bit_identical_to_single_runs(d, pd, max_iter):
    """gd_restarts (one sparse product for all restarts) = GD run by run: same iterates, stop, result."""
    rng = np.random.default_rng(d)
    z = mc.incoherent_unit_vector(d, 2.0, rng)
    o = mc.Objective(z, masks.bernoulli(d, pd / d, rng))
    X0 = rng.standard_normal((3, d)) / np.sqrt(d)
    X0[2] = 0.0  # a start that is already stationary stops at once, the others go on
    batched = ml.gd_restarts(o, X0, max_iter=max_iter)
    for x0, b in zip(X0, batched):
        r = ml.run("GD", o, x0, np.random.default_rng(0), max_iter=max_iter)
        assert np.array_equal(r.x, b.x)
        assert (r.iterations, r.converged, r.stop_reason, r.cost) == (b.iterations, b.converged, b.stop_reason, b.cost)
    assert batched[2].iterations == 0 and batched[2].converged


def test_a_sweep_is_the_runs_one_by_one():
    """sweep batches each instance's GD restarts; its records equal those of each optimizer run on its own."""
    recs = mr.sweep(11, (50,), (8.0,), 1, ("GD", "PGD", "GD"))
    assert [r.method for r in recs] == ["GD", "PGD", "GD"]
    # the same instance and starts, from the same stream, one optimizer at a time
    rng = np.random.default_rng(11)
    z = mc.incoherent_unit_vector(50, 2.0, rng)
    o = mc.Objective(z, masks.bernoulli(50, 8.0 / 50, rng))
    for rec, meth in zip(recs, ("GD", "PGD", "GD")):
        r = ml.run(meth, o, rng.standard_normal(50) / np.sqrt(50), rng, max_iter=3000)
        assert rec.distance == ml.distance_to_pm(r.x, z) and rec.iterations == r.iterations
