"""Remark 8.27's rank is decided at high precision with a tolerance scaled to the matrix, not at 1e-10."""
import mpmath as mp
import numpy as np
import sympy as sp

from numeric.chapter8 import ntk as nn
from verify.chapter8.claims.ntk_basics import _RANK_DPS, _jacobian_mp, rank_mp


def test_rank_mp_agrees_with_exact_rank_of_a_rational_matrix():
    A = sp.Matrix([[1, 2, 3], [2, 4, 6], [1, 0, 1]])  # rank 2
    with mp.workdps(_RANK_DPS):
        assert rank_mp(mp.matrix(A.tolist())) == A.rank() == 2
        assert rank_mp(mp.matrix([[1, 0], [0, mp.mpf(10) ** -30]])) == 2  # tiny but resolvable
        assert rank_mp(mp.matrix([[1, 0], [0, mp.mpf(10) ** -55]])) == 1  # below the scaled tolerance


def test_high_precision_jacobian_is_the_float_one():
    rng = np.random.default_rng(0)
    net, X = nn.init(5, 1, rng, "erf"), rng.standard_normal((5, 1))
    with mp.workdps(_RANK_DPS):
        J = np.array(_jacobian_mp(net, X).tolist(), dtype=float)
    assert np.allclose(J, net.jacobian(X), rtol=1e-13, atol=1e-15)


def test_ill_conditioned_full_rank_jacobian_is_full_rank():
    """The seed-1 case: a fixed 1e-10 tolerance in float64 saw rank 7 for a Φ of rank 8."""
    rng = np.random.default_rng(4)
    X = rng.standard_normal((8, 1))
    worst = None
    for _ in range(20):
        net = nn.init(8, 1, rng, "erf")
        J = net.jacobian(X)
        if np.linalg.matrix_rank(J, tol=1e-10) < 8:
            worst = net
            break
    assert worst is not None, "no ill-conditioned instance drawn"
    exact = sp.Matrix([[sp.Rational(float(v)) for v in row] for row in worst.jacobian(X)]).rank()
    with mp.workdps(_RANK_DPS):
        assert rank_mp(_jacobian_mp(worst, X)) == exact == 8
