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


def test_figure_8_8_on_networks_held_with_zero_initial_output_and_its_mutants_fall():
    from verify.chapter8.claims.ntk_scaling import Fig88
    from verify.chapter8.lazy_attacks import decide_fig88_net

    printed = (Fig88("shrinking", True, -1), Fig88("fixed", False, 2))
    soft = BANK["(8.78) centred softplus, m = 2, θ⁰ = 0, a = (1, 1), X = I₂"]  # Θ(1/α): the toy's order
    for m in (SYMMETRIC, soft):
        assert decide_fig88_net(printed, m, None).holds is True, m.name
        assert decide_fig88_net((Fig88("fixed", True),), m, None).holds is False  # worse globally: Θ(α²)
    out = decide_fig88_net((Fig88("shrinking", True, -2),), soft, None)  # the O(1/α²) mutant falls on the network
    assert out.holds is False and abs(out.counterexample["slope in log alpha"] + 1) < 0.05
    # the symmetric initialisation cancels the second-order term in pairs: Θ(1/α²), so the toy's Θ(1/α) fails there
    out = decide_fig88_net((Fig88("shrinking", True, -1, theta=True),), SYMMETRIC, None)
    assert out.holds is False and abs(out.counterexample["slope in log alpha"] + 2) < 0.05
    # f̄_θ⁰ ≠ 0 (random initialisation): the segment to the minimiser of L̂(αḡ) does not shrink, the gap grows
    out = decide_fig88_net((Fig88("shrinking", True),), RANDOM, None)
    assert out.holds is False and out.counterexample["slope in log alpha"] > 1.5
