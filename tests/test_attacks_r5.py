"""Second reader R5 (§8.4.1): the step constant of the α-training correction, the use of (8.73) (f̄_θ⁰ = 0), and
(8.78)'s σ ≡ 0 — each decided on the reader's members, the first corrections falling and the new ones holding."""
from numeric.adversaries import BANK
from numeric.adversaries.core import _load
from verify.chapter8.claims.ntk_classes import (decide_lazy, decide_output_scale, decide_scaling, linearised_use)
from verify.chapter8.claims.ntk_scaling import ASSUMES_873, AlphaScaling, _toy_use
from verify.chapter8.claims.ntk_training import LAZY_ASSUMES, AlphaLazy, _linear_alpha_part
from verify.chapter8.claims.ntk_width import NetworkDef
from verify.engine.arguments import for_shapes

_load()
LIN = BANK["θx (linear; the chapter's ḡ of (8.75))"]
OFF = BANK["1/2 + θ + θ² (f̄_θ⁰ ≠ 0, no zero-loss point)"]
TOY2 = BANK["θ + 2θ² (Remark 8.31's toy, β = 2)"]


def test_eta_proportional_to_alpha_minus_2_without_a_constant_diverges_exactly_on_the_linear_model():
    out = _linear_alpha_part(AlphaLazy(-1.0, LAZY_ASSUMES, c_max=None))
    assert out.holds is False
    assert out.counterexample["alpha*theta_30 at alpha = 1000"] == "-1073741823"  # 1 − (−2)^30
    assert _linear_alpha_part(AlphaLazy(-1.0, LAZY_ASSUMES, c_max=1.0)).holds is True
    assert _linear_alpha_part(AlphaLazy(0.0, LAZY_ASSUMES, c_max=1.0)).holds is False


def test_the_attack_runs_gd_at_the_statements_step_constant():
    assert decide_lazy(AlphaLazy(-1.0, LAZY_ASSUMES, c_max=None), LIN, None).holds is False
    assert decide_lazy(AlphaLazy(-1.0, LAZY_ASSUMES, c_max=1.0), LIN, None).holds is True
    assert decide_lazy(AlphaLazy(-1.0, LAZY_ASSUMES, c_max=1.0), TOY2, None).holds is True


def test_the_use_of_873_needs_a_zero_initial_output():
    ok, info = linearised_use(OFF.obj)
    assert not ok and info["inf_theta Lhat(alpha fbar) at alpha = 10, 100, 1000"] == ["9/4", "576", "62001"]
    assert decide_scaling(AlphaScaling(), OFF, None).holds is True  # the ratio alone holds: β/σ² = 2/α
    assert decide_scaling(AlphaScaling(assumes="σ̄ > 0 and β̄ < ∞", use=True), OFF, None).holds is False
    assert decide_scaling(AlphaScaling(assumes=ASSUMES_873, use=True), TOY2, None).holds is True
    assert _toy_use(AlphaScaling(assumes="σ̄ > 0 and β̄ < ∞", use=True)).holds is False
    assert _toy_use(AlphaScaling(assumes=ASSUMES_873, use=True)).holds is True


def test_the_zero_activation_breaks_878_and_the_arguments_reach_their_shapes():
    assert decide_output_scale(NetworkDef(), BANK["σ = 0 (constant)"], None).holds is False
    out = decide_output_scale(NetworkDef(), BANK["σ = (√π/2) erf(z)"], None)
    assert out.holds is True and "0.3649" in out.notes[0]
    ids = {a.id for a in for_shapes(("output-scale",))}
    assert "zero-activation" in ids
    nz = next(a for a in for_shapes(("initial-output",)) if a.id == "nonzero-initial-output")
    assert OFF.name in nz.members
