"""§8.4.1's steps for every σ, W, W′, x attacked on the activation bank (verify.chapter8.activation_attacks): (8.99)
holds with C = sup|σ''|² on every member with σ'' bounded and falls on the Fresnel σ of (8.80); the constant
sup|σ''|²/4 and (8.100) with ‖x‖² in place of ‖x‖⁴ fall on the network (8.78) itself."""
from numeric.adversaries import BANK
from numeric.adversaries.core import _load
from verify.chapter8 import activation_attacks as A
from verify.chapter8.claims.ntk_width import CS100, Step99

_load()
ERF = BANK["σ = (√π/2) erf(z)"]
FRESNEL = BANK["σ = ∫₀ᶻ cos t² dt (Fresnel)"]
AFFINE = BANK["σ = z/2 + 1/3 (affine)"]


def test_899_and_8100_hold_on_erf_and_their_mutants_fall_on_the_network():
    for stmt, f in [(Step99(False), A.decide_899), (Step99(True), A.decide_899), (CS100(4), A.decide_8100)]:
        o = f(stmt, ERF, None)
        assert o.holds is True and o.strength == "certified", (stmt, o.notes)
    o = A.decide_899(Step99(True, 0.25), ERF, None)
    assert o.holds is False and o.strength == "certified"
    assert float(o.counterexample["ratio (30 digits)"]) > 0.99 * 2 / 2.718281828  # σ''(1/√2)² = 2/e, nearly attained
    o = A.decide_8100(CS100(2), ERF, None)  # ‖x‖ = 2: the ratio is 4·sup|σ''|²
    assert o.holds is False and o.counterexample["x"] == ["6/5", "8/5"]


def test_the_fresnel_activation_breaks_the_printed_899_and_8100_under_880_alone():
    o = A.decide_899(Step99(False), FRESNEL, None)
    assert o.holds is False and o.counterexample["sup|σ''|"] == "∞"
    ratios = [float(r["ratio"]) for r in next(v for k, v in o.counterexample.items() if k.startswith("ratio"))]
    assert ratios == sorted(ratios) and ratios[-1] > 10**6
    assert A.decide_8100(CS100(4), FRESNEL, None).holds is False
    assert A.decide_899(Step99(True), FRESNEL, None).holds is None  # outside the corrected form's class


def test_an_affine_activation_makes_both_sides_zero():
    for stmt, f in [(Step99(True, 0.25), A.decide_899), (CS100(2), A.decide_8100)]:
        o = f(stmt, AFFINE, None)
        assert o.holds is True and o.strength == "proved"


def test_890_and_893_hold_on_erf_and_their_mutants_fall_there():
    import sympy as sp
    from symbolic.chapter8 import ntk_kernels as SK
    from verify.chapter8.claims.ntk_width import LLN, PRINTED_K, KernelLimit

    lim = 1 / sp.sqrt(1 + 4 * SK.g11)
    assert A.decide_890(LLN(lim), ERF, None).holds is True
    assert A.decide_890(LLN(1 / sp.sqrt(1 + 2 * SK.g11)), ERF, None).holds is False
    o = A.decide_890(LLN(lim, -1.0), ERF, None)  # Var σ'(u)² = (1 + 8g)^(−1/2) − (1 + 4g)^(−1) = 2/15 at g = 1
    assert o.holds is False and abs(float(o.counterexample["Var σ'(u)² at ‖x‖² = 1/4, 1, 4"][1]) - 2 / 15) < 1e-9
    o = A.decide_893(PRINTED_K, ERF, None)
    assert o.holds is True and "39 pairs" in o.notes[0]
    bad = KernelLimit(SK.g12 / sp.sqrt((1 + 2 * SK.g11) * (1 + 2 * SK.g22) - 2 * SK.g12**2), SK.relu_kernel())
    assert A.decide_893(bad, ERF, None).holds is False


def test_an_affine_activation_has_no_fluctuation_and_is_not_erf():
    import sympy as sp
    from symbolic.chapter8 import ntk_kernels as SK
    from verify.chapter8.claims.ntk_width import LLN

    lim = 1 / sp.sqrt(1 + 4 * SK.g11)
    o = A.decide_890(LLN(lim, -1.0), AFFINE, None)  # σ' ≡ 1/2: the mean equals 1/4 at every m
    assert o.holds is True and o.strength == "exact"
    o = A.decide_890(LLN(lim, every_sigma=True), AFFINE, None)
    assert o.holds is False and o.strength == "exact" and o.counterexample["E σ'(wᵀx)²"] == "1/4"
