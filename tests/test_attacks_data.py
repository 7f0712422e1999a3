"""§8.4's data-set claims attacked on the bank's data sets as features Φ = X, decided exactly or certified
(verify.chapter8.claims.ntk_linear / ntk_basics, verify.chapter8.claims.ntk_data_exact)."""
from numeric.adversaries import BANK, admitted, members
from verify.chapter8.claims import ntk_basics as B
from verify.chapter8.claims import ntk_linear as L
from verify.engine.context import Context
from verify.engine.profiles import PROFILES

CTX = Context(profile=PROFILES["ci"], seed=0, claim_id="data-attacks", variant="test")


def _row(f, stmt, cls_members=None):
    return {m.name: f(stmt, m, CTX) for m in (cls_members or members("data"))}


def test_the_corrected_forms_and_the_verified_claims_hold_on_every_bank_data_set_and_are_decided():
    for f, stmt in [(L._decide_8125, L.Step125("<=")), (L._decide_monotone, L.Monotone(2.0)),
                    (L._decide_8126, L.Rate126()), (L._decide_strong, L.StrongConvexity("pl"))]:
        for name, o in _row(f, stmt).items():
            assert o.holds is True and o.strength in ("exact", "certified"), (f.__name__, name, o.notes)
    for name, o in _row(L._decide_8128, L.Iterations128()).items():  # n/a only where σ = 0
        assert o.holds is True or (o.holds is None and "σ = 0" in o.notes[0]), (name, o.notes)
    for f, stmt in [(B._decide_minnorm, B.MinNorm()), (B._decide_827, B.Expressivity(0))]:
        for m in admitted(f is B._decide_minnorm and B.DATA_FULL or B.DATA_ALL):
            o = f(stmt, m, CTX)
            assert o.holds is True and o.strength in ("exact", "certified"), (m.name, o.notes)


def test_the_printed_errata_fall_to_the_bank():
    par = BANK["parallel inputs"]
    o = L._decide_8125(L.Step125("="), par, CTX)  # y has weight on the eigenvalues 0, 1, 5 of ΦΦᵀ
    assert o.holds is False and o.strength == "exact"
    o = L._decide_monotone(L.Monotone(10.0), BANK["orthonormal, n = d = 3"], CTX)  # η = 2.5/τ²: c = −3/2
    assert o.holds is False and o.counterexample["eta"] == "5/2/tau^2"
    o = L._decide_strong(L.StrongConvexity("strong"), BANK["n < d"], CTX)  # rank 2 < p = 5
    assert o.holds is False and o.counterexample["rank Phi"] == 2


def test_the_readings_and_mutants_that_should_fall_do():
    six = BANK["n > d: six unit inputs in ℝ²"]  # y ⊥ range(Φ): the residual never moves
    assert L._decide_8126(L.Rate126(sigma="svd"), six, CTX).holds is False
    assert L._decide_8126(L.Rate126("tau"), BANK["nearly parallel, angle 10⁻³"], CTX).holds is False
    assert L._decide_8128(L.Iterations128("tau"), BANK["nearly parallel, angle 10⁻³"], CTX).holds is False
    assert L._decide_strong(L.StrongConvexity("pl", 8.0), BANK["orthonormal, n = d = 3"], CTX).holds is False
    # the constant 1 of ‖Φ⁺y‖ ≤ √n·max|y|/σ is attained (X = I, y = ±1): a constant 0.99 falls
    assert B._decide_minnorm(B.MinNorm(const=0.99), BANK["orthonormal, n = d = 3"], CTX).holds is False
    assert B._decide_minnorm(B.MinNorm(), BANK["duplicate inputs, opposite labels"], CTX).holds is None


def test_the_sigma_squared_mutant_of_lemma_825_and_its_recall_falls_on_a_member_with_sigma_above_one():
    from numeric.adversaries.core import _load

    _load()
    x3 = BANK["scaled orthonormal X = 3I, n = d = 2 (‖x‖ = 3)"]  # σ = 3: ‖Φ⁺y‖ = √2/3 > √2/9
    assert B.DATA_FULL.admits(x3)
    from verify.chapter8.claims.ntk_classes import DATA_ANY

    assert not DATA_ANY.admits(x3)  # ‖x‖ = 3: outside (8.83), so the network classes never see it
    o = B._decide_minnorm(B.MinNorm(power=2.0), x3, CTX)
    assert o.holds is False and o.strength == "exact"
    assert B._decide_minnorm(B.MinNorm(), x3, CTX).holds is True  # sec:8.4.2:lemma-8.25-recalled decides the same
