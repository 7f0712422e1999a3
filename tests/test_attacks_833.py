"""Theorem 8.33's proof steps eq:8.142–8.158 attacked on the bank's networks inside the theorem's regime
(verify.chapter8.ntk_steps): the printed steps that are right hold on every member, the errata and the mutants fall
to named members with their numbers."""
import numpy as np
import pytest

from numeric.adversaries import BANK, Class, members
from verify.chapter8 import ntk_steps as NS
from verify.chapter8.claims import ntk_training as T
from verify.engine.context import Context
from verify.engine.profiles import PROFILES

CTX = Context(profile=PROFILES["ci"], seed=0, claim_id="thm:8.33", variant="test")
members("network")  # loads the bank
SOFT = BANK["α·softplus neuron, α = 100, θ⁰ = 0, y = −1"]
ERF_SYM = BANK["(8.78) erf, m = 64, symmetric init, α = 1000"]
ERF_RND = BANK["(8.78) erf, m = 64, random init, α = 1000"]
DIAG = BANK["linear model Φ = diag(1, ½), y = (1, 1)"]
REGIME = [SOFT, BANK["α·softplus neuron, α = 10000, θ⁰ = 0, y = −1"], ERF_SYM, ERF_RND,
          BANK["(8.78) tanh, m = 128, symmetric init, α = 1000"], DIAG, BANK["linear model Φ = I_n, n = 4, y = 2·1"]]


def _decided(decide, stmt, ms=REGIME):
    return {m.name: decide(stmt, m, CTX) for m in ms}


def test_the_regime_gate_leaves_the_unscaled_networks_out():
    out = NS.decide_8143(T.Weyl143(), BANK["(8.78) erf, m = 16, random init"], CTX)
    assert out.holds is None and "outside Theorem 8.33's regime" in out.notes[0]


def test_8142_and_8143_hold_certified_on_every_regime_member_and_their_mutants_fall():
    for nm, o in _decided(NS.decide_8142, T.Radius142(True)).items():
        assert o.holds is True and o.strength in ("certified", "exact"), nm
    # radius σ/(4β): the Frobenius direction of the erf net gives ‖ΔΦ‖_F = 82.1 > σ/4 = 59.1
    o = NS.decide_8142(T.Radius142(False), ERF_SYM, CTX)
    assert o.holds is False and o.counterexample["max ||Phi(theta) - Phi(theta0)||_F"] > 1.3 * o.counterexample["sigma/4"]
    for nm, o in _decided(NS.decide_8143, T.Weyl143(0.75), REGIME[:3]).items():
        assert o.holds is True and o.strength == "certified", nm
    # 7σ/8: the softplus neuron at θ = −R = −½ has σ_min = α·sigmoid(−½) = 0.755σ
    o = NS.decide_8143(T.Weyl143(0.875), SOFT, CTX)
    assert o.holds is False and abs(o.counterexample["min sigma_min(Phi(theta))/sigma"] - 2 / (1 + np.exp(0.5))) < 1e-12


def test_8144_printed_is_undefined_on_the_wide_nets_and_the_corrected_chain_holds():
    o = NS.decide_8144(T.Argument144("quadratic"), ERF_SYM, CTX)
    assert o.holds is False and o.strength == "exact" and o.counterexample["Phi^t"] == "4 x 192"
    for nm, o in _decided(NS.decide_8144, T.Argument144("norm"), [SOFT, ERF_RND, DIAG]).items():
        assert o.holds is True, nm
    assert NS.decide_8144(T.Argument144("norm", 0.0), ERF_RND, CTX).holds is False


def test_8150_printed_rate_falls_on_sigma_one_half_and_the_corrected_rate_holds():
    dec = T._decide_150
    o = dec(T.Rate150("printed"), DIAG, CTX)  # ‖I − ½Φ Φᵀ‖ = 7/8 > 1 − 3·½·½/4 = 13/16
    assert o.holds is False and o.counterexample["||I - eta Phi^t Phi^t^T||"] == 0.875
    assert o.counterexample["claimed rate"] == 0.8125
    for nm, o in _decided(dec, T.Rate150("corrected"), [SOFT, ERF_SYM, DIAG]).items():
        assert o.holds is True, nm
    assert dec(T.Rate150("full"), SOFT, CTX).holds is False


@pytest.mark.parametrize("member, at_t0", [(SOFT, 100 * np.log(2)), (ERF_RND, None)])
def test_8157_printed_falls_where_f_theta0_is_large(member, at_t0):
    o = NS.decide_8157(T.Linear157(), member, CTX)
    assert o.holds is False
    ce = o.counterexample
    assert ce["||f_theta0||/sqrt n"] > 2 and ce["max_t (1/sqrt n)||Phi dtheta^t - y^t||"] >= ce["||f_theta0||/sqrt n"] - 1e-9
    if at_t0 is not None:
        assert abs(ce["||f_theta0||/sqrt n"] - at_t0) < 1e-9


def test_8157_corrected_holds_on_its_class_and_the_lemma_constant_mutant_falls():
    res = Class("res", "network", ("‖ŷ⁰ − y‖₂ ≤ 2√n",))
    corr = T.Linear157(centred=True, residual_hyp=True)
    ms = [m for m in REGIME if res.admits(m)]
    assert {SOFT.name, ERF_RND.name}.isdisjoint(m.name for m in ms) and ERF_SYM in ms
    for nm, o in _decided(NS.decide_8157, corr, ms).items():
        assert o.holds is True, nm
    assert NS.decide_8157(T.Linear157(centred=True, residual_hyp=True, const=0.5), ERF_SYM, CTX).holds is False
    # the reading without the residual hypothesis fails on the random-init net (θᵗ leaves the ball)
    assert NS.decide_8157(T.Linear157(centred=True), ERF_RND, CTX).holds is False
    assert NS.decide_8157(T.Linear157("grows"), ERF_SYM, CTX).holds is None


def test_8158_printed_centre_falls_where_phi_theta0_is_nonzero():
    o = NS.decide_8158(T.Centre158("theta"), ERF_RND, CTX)
    assert o.holds is False and o.counterexample["||Phi theta0||"] > 100
    for nm, o in _decided(NS.decide_8158, T.Centre158("delta"), [SOFT, ERF_SYM, ERF_RND, DIAG]).items():
        assert o.holds is True, nm
    assert NS.decide_8158(T.Centre158("delta", sign=1), ERF_SYM, CTX).holds is False


def test_every_regime_member_is_decided_by_every_step():
    ms = [m for m in members("network") if m.name in {r.name for r in REGIME}]
    assert len(ms) == len(REGIME)
