"""Theorem 8.7 as a statement about the stationary set (issue 19): its mutant shapes are expressible and refuted on
the PSD bank, and a typed-in premise of the proof chain fails on the instance where it is applied."""
import sympy as sp

from symbolic.chapter8 import pca_proof as P


def _decide(stmt, M):
    from verify.chapter8.claims.pca_theorem import decide_landscape
    return decide_landscape(stmt, sp.Matrix(M))


def test_the_true_statement_holds_on_repeated_zero_and_rank_deficient_spectra():
    from verify.chapter8.claims.pca_theorem import PCALandscape
    for M in (sp.diag(3, 1, sp.Rational(1, 2)), sp.diag(2, 2, 1), sp.zeros(2, 2), sp.diag(3, 3, 1, 0, 0), sp.eye(2)):
        assert _decide(PCALandscape(), M).holds is True, M


def test_mutant_shapes_are_refuted():
    from verify.chapter8.claims.pca_theorem import PCALandscape
    M = sp.diag(3, 1, sp.Rational(1, 2))
    assert _decide(PCALandscape(minima="every positive level"), M).holds is False
    assert _decide(PCALandscape(zero="M ⪰ 0"), M).holds is False
    assert _decide(PCALandscape(shape="pair"), sp.diag(2, 2, 1)).holds is False
    assert _decide(PCALandscape(nonconvex="always"), sp.zeros(2, 2)).holds is False
    # x = 0 is the global minimum when M = 0: 'never a minimum' is refuted there
    assert _decide(PCALandscape(zero="never"), sp.zeros(2, 2)).holds is False


def test_typed_premises_fail_on_the_instance():
    for bad in (("2*lam", "2*lam1"), ("lam/2", "lam1/2")):
        prem = (("⟨xᵀ x⟩", bad[0]), ("⟨vᵀ v⟩", "1"), ("⟨vᵀ M v⟩", bad[1]))
        land = P.instance_landscape(sp.ImmutableMatrix(sp.diag(3, 1, sp.Rational(1, 2))), prem)
        assert land.failed, bad
    assert not P.instance_landscape(sp.ImmutableMatrix(sp.diag(3, 1, sp.Rational(1, 2)))).failed
