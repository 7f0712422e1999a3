"""eq:8.118 attacked on the bank's data sets as features Φ = X, decided exactly (verify.chapter8.claims.ntk_linear)."""
from numeric.adversaries import BANK, members
from verify.chapter8.claims import ntk_linear as L
from verify.engine.context import Context
from verify.engine.profiles import PROFILES

CTX = Context(profile=PROFILES["ci"], seed=0, claim_id="eq:8.118", variant="test")


def test_the_printed_bound_holds_on_every_bank_data_set_at_the_bank_steps():
    for m in members("data"):
        out = L._decide_8118(L.Contraction(), m, CTX)
        assert out.holds is True and out.strength == "exact", (m.name, out.counterexample)


def test_the_svd_reading_of_sigma_fails_when_n_exceeds_p_and_the_mutants_fall():
    six = BANK["n > d: six unit inputs in ℝ²"]
    out = L._decide_8118(L.Contraction(sigma="svd"), six, CTX)
    assert out.holds is False and out.counterexample["||I - eta Phi Phi^T||"] == 1.0
    assert L._decide_8118(L.Contraction(sigma="svd"), BANK["orthonormal, n = d = 3"], CTX).holds is True
    # η = 2/τ² (the step bank's 2/ℓ) breaks the bound: |1 − 2| = 1 > 1 − 2σ²/τ²
    assert L._decide_8118(L.Contraction(2.0), BANK["orthonormal, n = d = 3"], CTX).holds is False
