"""lemma:8.17 attacked on the pair bank (exact law of dev over Ω) and lemma:8.21 on the z bank (exact PSD rays)."""
from fractions import Fraction

from numeric.adversaries import BANK, admitted, members
from numeric.chapter8 import mc_pair_law as L
from numeric.chapter8 import mc_psd_rays as PR
from numeric.chapter8 import mc_stationary as ST
from numeric.chapter8.mc_exact_steps import IVec
from verify.chapter8.claims import mc_f_lemmas as F
from verify.chapter8.claims import mc_lemma817 as M
from verify.engine.context import Context
from verify.engine.profiles import PROFILES

CTX = Context(profile=PROFILES["ci"], seed=0, claim_id="test", variant="test")


def test_pair_hypotheses_are_checked_and_can_fail():
    names = {m.name for m in admitted(M.PAIRS)}
    assert {"u = v = e₁ (d = 4)", "Hadamard rows 2 and 3 (d = 8), orthogonal", "u = v = 1_S/2, |S| = 4 (d = 16)"} <= names
    assert "u = v = e₁ (d = 64), coherent" not in names  # ‖u‖∞ = 1 > 2/√64
    assert "u = v = e₁ (d = 64), coherent" in {m.name for m in admitted(M.PAIRS_BALL)}
    assert all(m.what and m.breaks for m in members("pair"))


def test_the_exact_law_has_mass_one_mean_zero_and_the_variance_formula():
    w = L.rational_w(*BANK["Hadamard rows 2 and 3 (d = 8), orthogonal"].obj)
    p = Fraction(1, 5)
    law = L.law_T(w, p)
    devs = {t / p - L.target(w): pr for t, pr in law.items()}
    assert sum(law.values()) == 1
    assert sum(dv * pr for dv, pr in devs.items()) == 0
    assert sum(dv * dv * pr for dv, pr in devs.items()) == L.variance(w, p)


def test_the_printed_fixed_pair_reading_holds_on_every_admissible_pair():
    for m in admitted(M.PAIRS):
        out = M._decide_817(M.Lemma817(), m, CTX)
        assert out.holds is True and out.strength == "exact", (m.name, out.counterexample, out.notes)


def test_the_mutants_fall_on_the_decide_path_with_exact_probabilities():
    spike = M._decide_817(M.Lemma817(eps_scale=Fraction(1, 4)), BANK["u = v = e₁ (d = 4)"], CTX)
    assert spike.holds is False and spike.counterexample["P(|dev| > level) (exact)"] == "1/8"
    coh = M._decide_817(M.Lemma817(incoherent=False), BANK["u = v = e₁ (d = 64), coherent"], CTX)
    assert coh.holds is False and coh.counterexample["p"] == "1/8"
    # the fixed-pair rate p ∝ 1/(d²ε²) suffices for a fixed pair (Chebyshev): the d² mutant is the uniform reading's
    assert M._decide_817(M.Lemma817(d_power=2.0), BANK["u = v = 1/√d (d = 16)"], CTX).holds is True


def test_the_ray_hessian_is_f_s_hessian():
    for inst in ST.INSTANCES:
        A, B = PR.fractions_of(*PR.hessian_parts(inst.mask(), IVec.of(inst.zh), inst.rz, IVec.of(inst.y)))
        assert PR._at(A, B, inst.t2) == ST.hessian(inst)


def test_lemma_821_printed_falls_at_its_own_level_and_the_correction_holds_at_z_flat_d4():
    z4 = BANK["z = 1/√d (d = 4)"]
    out = F._decide_821(F.L821(), z4, CTX)
    # Ω = {(1, 1)}, p = 1/10: ε_sup = 5/8, x = e₁/√12 has ∇²f(x) = 0 ⪰ 0 and ‖x‖² = 1/12 < 1/3 − ε/3 = 1/8
    assert out.holds is False and out.strength == "exact"
    ce = out.counterexample
    assert (ce["mask"], ce["‖x‖²"], ce["eps_sup (exact Lemma 8.17 level)"], ce["bound − K·eps/3"]) == \
        ("Ω = {(1, 1)}, p = 1/10, d = 4", "1/12", "5/8", "1/8")
    assert F._decide_821(F.L821(K=5.0), z4, CTX).holds is True
    out = F._decide_821(F.L821(K=0.0), z4, CTX)
    assert out.holds is False
    assert F._decide_821(F.L821(bound=0.5), z4, CTX).holds is False
    assert F._decide_821(F.L821(), BANK["z = ±1/16 random signs (d = 256)"], CTX).holds is None  # ε_sup not exact
