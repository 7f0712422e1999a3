"""The exact (rational) decisions of the steps (8.23) and (8.32) at the bank's z (numeric.chapter8.mc_exact_steps)."""
from fractions import Fraction

import numpy as np

from numeric.adversaries import BANK, members
from numeric.chapter8 import mc_exact_steps as XS
from verify.chapter8.claims import mc_f_lemmas as M
from verify.engine.context import Context
from verify.engine.profiles import PROFILES


def _ctx(cid):
    return Context(profile=PROFILES["ci"], seed=0, claim_id=cid, variant="test")


def test_decompositions_are_exact_identities_and_the_corrections_are_triangle_inequalities():
    rng = np.random.default_rng(3)
    for zm in members("vector"):
        zh, rz = XS.rational_direction(zm.obj)
        m = XS.bernoulli(len(zh), Fraction(1, 3), rng)
        for _name, y in XS.directions(zh, m, rng):
            for t2 in (Fraction(1, 7), Fraction(2)):
                r = XS.step23(m, zh, rz, y, t2)
                assert r.D == r.D_direct
                assert abs(r.D) <= 2 * (r.c2 + r.c2**2) * r.eps
                q = XS.step32(m, zh, rz, y, t2)
                assert q.D == q.D_pairs and q.hf - q.hg == q.D
                assert abs(q.D) <= (8 * q.m2 + 2) * q.eps


def test_boundary_and_pairing_points_are_where_they_claim():
    zm = BANK["z = 1/√d (d = 4)"]
    zh, rz = XS.rational_direction(zm.obj)
    m = XS.from_matrix(BANK["empty row 1 (d = 4)"].obj)
    y = XS.IVec([1, 2, -1, 1])
    t2 = XS.t2_boundary32(m, zh, rz, y)
    assert XS.step32(m, zh, rz, y, t2).hf == 0
    t2 = XS.t2_pairing_zero(m, zh, rz, y)
    r = XS.step23(m, zh, rz, y, t2)
    assert r.D == 2 * (rz * t2 * zh.dot(y) ** 2 - r.s**2)  # ⟨x, ∇f⟩ = 0, so D = −⟨x, ∇g⟩ = 2(⟨x, z⟩² − ‖x‖⁴)


def test_the_bank_breaks_the_printed_steps_and_the_earlier_8_32_correction_but_not_the_corrections():
    for zm in (BANK["z = 1/√d (d = 4)"], BANK["z = ±(3, 4)/50 pattern (d = 200)"]):
        assert M._decide_exact("8.23", "1", zm, _ctx("eq:8.23")).holds is False
        assert M._decide_exact("8.23", "2(c²+c⁴)", zm, _ctx("eq:8.23")).holds is True
        assert M._decide_exact("8.32", "1", zm, _ctx("eq:8.32")).holds is False
        out = M._decide_exact("8.32", "8s+2", zm, _ctx("eq:8.32"))
        assert out.holds is False and out.strength == "exact" and out.counterexample["‖x‖²"] < 1
        assert M._decide_exact("8.32", "8m²+2", zm, _ctx("eq:8.32")).holds is True
