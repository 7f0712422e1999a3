"""Theorem 8.23's chain (eq:8.39, 8.43, 8.44, 8.48, 8.52) attacked on exact stationary points of f at the bank's z
(verify.chapter8.mc_chain_attacks), decided exactly (solveset in ε)."""
import sympy as sp

from numeric.adversaries import BANK, admitted, members
from verify.chapter8 import mc_chain_attacks as CH
from verify.chapter8.claims import mc_theorem as T
members("vector")
C839 = T.Chain39("local-min", 20, 5, "corrected")  # eq:8.39's corrected statement
P848 = T.Step48(65, True, T.E16)  # eq:8.48 as printed, and its correction (1 − 84ε, Lemma 8.19 at 20ε)
C848 = T.Step48(84, True, sp.Rational(1, 32), ("c - s**2 + 20*eps", "s - 1 + 32*eps"), 20, "corrected")
FLAT6 = BANK["z = 1/√6 (d = 6)"]
Z256 = BANK["z = ±1/16 random signs (d = 256)"]


def test_the_points_are_exact_stationary_points_with_their_types():
    for zm in admitted(T.VEC_CLASS):
        pts = {p.name: p for p in CH.points(zm)}
        zero, plus = pts["x = 0, Ω full (p = 1)"], pts["x = z, Ω full (p = 1)"]
        assert (zero.s, zero.t, zero.local_min, zero.eps_lo) == (0, 0, False, 0)
        assert (plus.s, plus.t, plus.local_min, plus.incoherent) == (1, 1, True, True)
    r3 = [p for p in CH.points(FLAT6) if "d = 6" in p.name]
    assert len(r3) == 3 and all(p.eps_lo > sp.Rational(1, 16) for p in r3)  # the chain's range is empty there


def test_printed_839_and_848_fall_at_x_equal_0_and_the_corrections_hold():
    for zm in (FLAT6, Z256):
        o = T._decide_39(T.Chain39("stationary"), zm, None)
        assert o.holds is False and o.strength == "exact" and o.counterexample["point"].startswith("x = 0")
        assert T._decide_39(C839, zm, None).holds is True
        o = T._decide_48(P848, zm, None)
        assert o.holds is False and o.counterexample["eps"] == "1/16"  # (8.47): 0 < (1 − 2)² − 1/16 = 15/16
        assert "sqrt(129)/2048 + 65/2048" in o.counterexample["violating eps"]
        assert T._decide_48(C848, zm, None).holds is True


def test_verified_steps_hold_and_a_mutant_falls_on_the_decide_path():
    for st, dec in ((T.Step43(), T._decide_43), (T.Step44(), T._decide_44), (T.Step52(), T._decide_52)):
        assert dec(st, FLAT6, None).holds is True, st
    o = T._decide_44(T.Step44(32, False), FLAT6, None)  # without (8.40): x = 0 has |1 − ‖x‖²| = 1 > 32ε for ε < 1/32
    assert o.holds is False and o.counterexample["violating eps"] == "Interval.Ropen(0, 1/32)"
    # the constant 130ε of (8.52) from (8.48) at 1 − 65ε is tight, not broken, at x = −z (case 1 for ε ≥ 2/65:
    # 4 ≤ 130·2/65); from the carried 1 − 84ε it breaks there (case 1 for ε ∈ [1/42, 2/65): 4 > 130ε)
    assert T._decide_52(T.Step52(130, ("-(s - 1 - 32*eps)", "t - 1 + 65*eps")), FLAT6, None).holds is True
    assert T._decide_52(T.Step52(130), FLAT6, None).holds is False
