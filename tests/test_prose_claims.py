"""The hand-written loops of the prose claims agree with the project's optimizers and with exact arithmetic."""
import numpy as np
import sympy as sp

from numeric.chapter8 import landscapes as NL
from numeric.optimizers import GD
from verify.chapter8.claims import prose_81, prose_84


def test_batched_gd_of_prose_81_matches_numeric_optimizers_gd():
    f, vs = prose_81.DOUBLE_WELL, (prose_81.X,)
    starts = np.array([[2.0], [-0.7], [0.3]])
    ends, big, diverged = prose_81._gd(f, vs, starts, 0.05, 300)
    for x0, xT in zip(starts, ends):
        res = GD(step=0.05).run(NL.problem(f, vs), x0, max_iter=300, tol=0.0)
        assert np.allclose(res.x, xT, atol=1e-12)
    assert not diverged.any()


def test_gd_counts_large_gradients_and_flags_divergence():
    f, vs = sp.Rational(3, 2) * prose_81.X**2, (prose_81.X,)
    _, big, diverged = prose_81._gd(f, vs, np.array([[1.0]]), 1.0, 100, alpha=0.5)  # x ← −2x
    assert diverged[0] and big[0] >= 30


def test_sgd_loop_matches_exact_arithmetic_on_the_overshoot_instance():
    Phi, y = np.array([[1.0, 0.0], [-2 / 3, -2 / 3]]), np.array([1.0, -1.0])
    stmt = prose_84.StaysNear()
    floats = prose_84._path_max(stmt, Phi, y, 0, epochs=6, cyclic=True)
    exact = prose_84._exact_path_max(stmt, sp.Matrix([[1, 0], [sp.Rational(-2, 3), sp.Rational(-2, 3)]]),
                                     sp.Matrix([1, -1]), steps=12)
    assert exact == sp.Rational(100, 81)
    assert abs(floats**2 - float(exact)) < 1e-12


def test_full_batch_loop_matches_exact_arithmetic_on_one_sample():
    for c in (0.5, 1.0, 1.5):
        stmt = prose_84.StaysNear(c=c, batch="gd")
        floats = prose_84._path_max(stmt, np.array([[2.0, 0.0]]), np.array([1.0]), 0, epochs=12)
        exact = prose_84._exact_path_max(stmt, sp.Matrix([[2, 0]]), sp.Matrix([1]), steps=12)
        assert abs(floats**2 - float(exact)) < 1e-12


def test_taylor_remainder_is_the_symbolic_one():
    R = prose_84._remainder_fn()
    # quadratic a = 2 along θ₁: remainder exactly Δθ₁²
    assert abs(R(0.3, -1.0, 0.5, 0.0, 2.0, 0.0, 0.0, 0, 0, 0, 0, 0, 0, 0, 0) - 0.25) < 1e-14


def test_full_batch_half_exact_on_one_sample_normalisation_matters():
    # second reader R4: Φ = [1 1], y = 1, τ² = 2: (8.63)'s gradient (2/n)Φᵀ(ΦΔθ − y) at η = 1/τ² gives 2Φ⁺y, 0, 2Φ⁺y, …
    Phi, y = sp.Matrix([[1, 1]]), sp.Matrix([1])
    assert prose_84._gd_exact(Phi, y, sp.Rational(1, 2), 2) == 4
    assert prose_84._gd_exact(Phi, y, sp.Rational(1, 2), 1) == 1  # (8.109) at η = 1/τ²: one step to Φ⁺y
    # η = 5/(2τ²): Δθᵗ = (1 − (−3/2)ᵗ)Φ⁺y, growing without bound (the largest of 12 steps at t = 12)
    assert prose_84._gd_exact(Phi, y, sp.Rational(5, 4), 1) == (1 - sp.Rational(3, 2) ** 12) ** 2
    floats = prose_84._path_max(prose_84.StaysNear(c=1.0, batch="gd"), np.array([[1.0, 1.0]]), np.array([1.0]), 0, epochs=12)
    assert abs(floats - 1.0) < 1e-12


def test_relu_sup_formula_is_attained_and_not_exceeded():
    from numeric.chapter8 import ntk as N
    from numeric.chapter8.sweeps import ntk_basics as SB
    from verify.chapter8.claims import prose_relu

    rng = np.random.default_rng(5)
    m, d, r = 16, 3, 0.7
    x = np.array([1.0, 0.0, 0.0])
    net0 = N.init(m, d, rng, act="relu", symmetric=True)
    sup, k = prose_relu._sup_gap(net0.W[: m // 2] @ x, r, m)
    pos = np.where(net0.a > 0)[0]
    idx = pos[np.argsort(np.abs(net0.W[pos] @ x))[:k]]
    D = np.zeros_like(net0.W)
    D[idx] = -np.sign(net0.W[idx] @ x)[:, None] * (r / np.sqrt(k)) * x[None, :]
    assert abs(SB.relu_gap(net0, x, D.ravel())[0] - sup) < 1e-12  # attained by the constructed Δθ
    for _ in range(2000):  # no Δθ on the ball does better
        v = rng.standard_normal(m * d) * (rng.random(m * d) < 0.3)
        v *= r / max(np.linalg.norm(v), 1e-300)
        assert SB.relu_gap(net0, x, v)[0] <= sup + 1e-12


def test_min_norm_dense_reader_instances_and_limit_minimum():
    from verify.chapter8.claims import prose_843

    assert prose_843._reader_exact(0)[3:] == (4, 4, "0")  # every neuron moves, share 0 exactly
    assert prose_843._reader_exact(1)[3:] == (4, 2, "0")  # two active neurons at rest
    n_sets, lo, X, _, rest = prose_843._limit_scan(3)
    assert n_sets == 80 and X == [[1, 1, 1], [1, 1, -1], [1, -1, 1], [1, -1, -1]]
    assert abs(lo - 0.051736034670395) < 1e-14  # the second reader's 50-digit value
    assert rest is not None  # a cone of active neurons at rest even in the limit
    # the Gram-matrix share equals the share of the explicit Φ⁺y on the same initialisation
    Xf = np.array(X, float)
    share = prose_843._gaussian_share(Xf, 40, np.random.default_rng(3))
    rng = np.random.default_rng(3)
    W = rng.standard_normal((20, 3))
    a = np.ones(20)
    W, a = np.vstack([W, W]), np.concatenate([a, -a])
    Phi = (a[None, :, None] * (Xf @ W.T > 0)[:, :, None] * Xf[:, None, :] / np.sqrt(40)).reshape(4, -1)
    D = (np.linalg.pinv(Phi) @ (Xf[:, 0] * Xf[:, 1])).reshape(40, 3)
    assert abs(share - np.sum(D[:, 2] ** 2) / np.sum(D**2)) < 1e-10
