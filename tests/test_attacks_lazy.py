"""sec:8.4.2:lazy-training attacked on the bank's networks, each read as its width family (verify.chapter8.lazy_attacks)."""
from numeric.adversaries import members
from verify.chapter8.claims.ntk_training import Lazy
from verify.chapter8.lazy_attacks import decide_lazy_width

BANK = {m.name: m for m in members("network")}
RANDOM = BANK["(8.78) erf, m = 16, random init"]            # f_θ⁰ ≠ 0
SYMMETRIC = BANK["(8.78) erf, m = 20, symmetric init, n = 4, d = 3"]  # f_θ⁰ ≡ 0


def test_lazy_training_holds_on_random_and_symmetric_initialisation_at_the_chapters_widths():
    for m in (RANDOM, SYMMETRIC):
        out = decide_lazy_width(Lazy(True), m, None)
        assert out.holds is True and out.strength == "sampled", (m.name, out.counterexample)
        assert "relative movement slope -0.5" in out.notes[0] or "relative movement slope -0.4" in out.notes[0]


def test_the_three_mutants_fall_on_the_decide_path():
    for m in (RANDOM, SYMMETRIC):
        assert decide_lazy_width(Lazy(False), m, None).holds is False
        out = decide_lazy_width(Lazy(True, rel_power=-1.0), m, None)
        assert out.holds is False and "not within" in out.counterexample["reason"]
        out = decide_lazy_width(Lazy(True, total_shrinks=True), m, None)  # the total movement is Θ(1) in m
        assert out.holds is False and abs(out.counterexample["slope (total)"]) < 0.1


def test_single_neuron_models_have_no_width_and_are_not_applicable():
    out = decide_lazy_width(Lazy(True), BANK["α·softplus neuron, α = 100, θ⁰ = 0, y = −1"], None)
    assert out.holds is None and "no width" in out.notes[0]
