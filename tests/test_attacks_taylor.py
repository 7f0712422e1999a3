"""Lemma 8.28, (8.71) and Remark 8.29 attacked on the bank (verify.chapter8.taylor_attacks): the printed bounds hold
on every member of their class, the constants below ½ and the wrong orders fall, and the readings that the chapter's
objects break fall on them."""
from numeric.adversaries import BANK
from numeric.adversaries.core import _load
from verify.chapter8 import taylor_attacks as TA
from verify.chapter8.claims.ntk_basics import Order, Taylor828
from verify.chapter8.claims.prose_84 import TaylorFact

_load()
TOY = BANK["x(θ + βθ²), β = 1/2 (Remark 8.31's toy)"]
ERF = BANK["erf net m = 2 (8.78), first layer"]
OFF = BANK["1/2 + θ + θ²/10 (f̄_θ⁰ ≠ 0)"]


def test_lemma_828_holds_on_the_erf_network_and_its_mutants_fall_there():
    assert TA.decide_828(Taylor828(), ERF, None).holds is True
    assert TA.decide_828(Taylor828(const=0.25), ERF, None).holds is False
    assert TA.decide_828(Taylor828(power=1.0), TOY, None).holds is False


def test_g_without_f_theta0_breaks_on_a_model_with_nonzero_output_at_theta0():
    out = TA.decide_828(Taylor828(ball=False, g_without_f0=True), OFF, None)
    assert out.holds is False and out.strength == "certified"
    assert TA.decide_828(Taylor828(ball=False), OFF, None).holds is True


def test_remark_829_the_error_is_not_monotone_along_a_ray_of_the_erf_network():
    assert TA.decide_829(Order(2.0, error_monotone=True), ERF, None).holds is False
    assert TA.decide_829(Order(2.0), ERF, None).holds is True
    assert TA.decide_829(Order(3.0), TOY, None).holds is False


def test_871_on_the_flat_members_holds_and_a_quarter_fails():
    for name in ("exp(−1/x²) (flat minimum)", "∫₀^|x| exp(−1/t²) dt (flat convex minimum)"):
        assert TA.decide_871(TaylorFact(), BANK[name], None).holds is True
        assert TA.decide_871(TaylorFact(c=0.25), BANK[name], None).holds is False


def test_the_bilinear_model_attains_the_constant_off_the_axes():
    m = BANK["θ₁θ₂x (two linear layers)"]
    assert TA.decide_828(Taylor828(), m, None).holds is True
    out = TA.decide_828(Taylor828(const=0.25), m, None)
    assert out.holds is False and out.counterexample["Δθ"][0] == out.counterexample["Δθ"][1]
