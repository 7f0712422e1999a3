"""The mask statements' deterministic parts attacked on the bank's masks, decided exactly (issue 18)."""
from numeric.adversaries import BANK, admitted, members
from verify.chapter8.claims import mc_lemma817 as L

members("mask")
PRINTED = L.SampledPCA(expectation_factor="1", value_class="all", value_level="one")


def test_remark_815_value_comparison_on_the_mask_bank():
    out = {mm.name: (L._decide_815_value(PRINTED, mm, None).holds, L._decide_815_value(L.SampledPCA(), mm, None).holds)
           for mm in admitted(L.MASKS_815)}
    assert out["full (d = 4)"] == (True, True)  # f/p = g exactly
    for name in ("empty row 1 (d = 4)", "diagonal only (d = 4)", "bipartite A = {1, 2}, B = {3, 4}"):
        assert out[name] == (False, True), name
    # the mutant without the incoherence of x falls on the diagonal-only mask (a spike beyond K·ε̄)
    o = L._decide_815_value(L.SampledPCA(value_class="all"), BANK["diagonal only (d = 4)"], None)
    assert o.holds is False and o.strength == "exact"


def test_remark_811_an_unobserved_index_leaves_a_line_of_global_minima():
    from verify.chapter8.claims import mc_sampling as S

    o = S._decide_811(S.Identifiability(), BANK["empty row 1 (d = 4)"], None)
    assert o.holds is True and all(f == 0 for f in o.steps[0].derived)
    assert S._decide_811(S.Identifiability(), BANK["full (d = 4)"], None).holds is None  # every index observed: n/a


def test_815_approx_for_any_matrices_falls_on_every_mask_but_the_full_one_and_the_normalised_form_holds():
    any_ = L.InnerApprox("any")
    for mm in admitted(L.MASKS_815):
        o = L._decide_approx(any_, mm, None)
        assert o.holds is (mm.name == "full (d = 4)"), mm.name  # a nonzero deviation, scaled past ε̄
        assert L._decide_approx(L.InnerApprox("incoherent"), mm, None).holds in (True, None)
    o = L._decide_approx(L.ScalarSum(True, 1000.0), BANK["empty row 1 (d = 4)"], None)  # remark:8.16's mutant
    assert o.holds is False and o.strength == "exact"
