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
