"""Second reader T2 (2026-12-07, round 3): the instances adopted into the checks, decided as the checks decide them."""
from fractions import Fraction

from verify.chapter8 import linnet_ties as LT
from verify.chapter8.claims import ntk_basics as B
from verify.chapter8.claims import saddle_basics as S


def test_tied_singular_values_give_two_best_rank_k_fits_and_gd_reaches_different_ones():
    assert LT.exact_loss(LT.P_A) == LT.exact_loss(LT.P_B) == Fraction(1, 2)
    assert LT.tied_check(unique_target=False)[0] is True  # a best rank-k approximation: loss 1/2 each run
    ok, _, ce = LT.tied_check(unique_target=True)  # the old reading: one rank-k truncation
    assert ok is False and ce["products differ by"] > 0.1


def test_remark_826_needs_zero_initial_output():
    ok, _, _ = B._initial_output_826(B.MinNorm())
    assert ok  # centred model: the minimiser lies at exactly √n/σ
    ok, steps, ce = B._initial_output_826(B.MinNorm(init_output=True))
    assert not ok and ce["ratio"] == "4" and "ratio 499" in steps[0].text


def test_footnote_1_fixed_step_diverges_on_the_quartic():
    st = S._fixed_step_quartic(0.1)
    assert st.holds is False and "-7.8" in st.text
    assert S._fixed_step_quartic(0.001).holds is True  # η ≤ 1/L = 1/108 on {x⁴ ≤ 81}: no divergence


def test_remark_826_on_the_model_bank_centred_holds_initial_output_breaks():
    from numeric.adversaries import BANK
    from verify.chapter8 import minnorm_models as MM

    m = BANK["1/2 + θ + θ² (f̄_θ⁰ ≠ 0, no zero-loss point)"]
    assert MM.decide_ball(B.MinNorm(), m, None).holds is True
    o = MM.decide_ball(B.MinNorm(init_output=True), m, None)
    assert o.holds is False and o.counterexample["alpha"] == 10
