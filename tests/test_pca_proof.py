"""The steps of Theorem 8.7's printed proof (symbolic.chapter8.pca_proof) reduce exactly, at generic d."""
import sympy as sp

from symbolic.chapter8 import pca_proof as P
def test_every_identity_step_reduces_to_zero():
    s = P.steps()
    for gap in ("grad_gap", "stationary_gap", "q_gap", "symmetry_gap", "global_gap", "sos_at_top", "q_top_gap"):
        assert getattr(s, gap) == 0, gap


def test_curvature_along_v1_forces_the_top_eigenvalue():
    s = P.steps()
    assert sp.factor(s.orthogonality) == sp.factor(P.c * (P.lam - P.lam1))  # (λ − λ₁)⟨x, v₁⟩ = 0
    assert s.q_v1 == 2 * P.c**2 + P.lam - P.lam1
    assert s.q_case2 == P.lam - P.lam1  # (8.10): λ − λ₁ < 0 for λ < λ₁


def test_the_hessian_at_a_minimum_is_singular_when_the_top_eigenvalue_repeats():
    assert P.steps().q_top_degenerate == 0
