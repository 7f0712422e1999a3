"""Lemma 8.19 decided exactly (numeric.chapter8.mc_stationary): the second reader's stationary points of f at d = 6,
the exact Lemma 8.17 level of their masks, and the printed / corrected constants on them."""
from fractions import Fraction

import numpy as np
import sympy as sp

from numeric.adversaries import BANK, members
from numeric.chapter8 import mc_stationary as ST
from verify.chapter8.claims import mc_f_lemmas as M
from verify.engine.context import Context
from verify.engine.profiles import PROFILES

SADDLE, LOCMIN, SPIKE = ST.INSTANCES


def _ctx(cid):
    return Context(profile=PROFILES["ci"], seed=0, claim_id=cid, variant="test")


def test_the_instances_are_what_they_say():
    for inst in ST.INSTANCES:
        r = ST.decide(inst)
        assert r.stationary and not any(ST.gradient_part(inst))  # ∇f(x) = 0 exactly
    assert (ST.decide(SADDLE).gap, ST.decide(SADDLE).eps_sup) == (Fraction(4, 3), Fraction(1, 2))
    assert (ST.decide(LOCMIN).gap, ST.decide(LOCMIN).eps_sup) == (Fraction(8, 9), Fraction(47, 72))
    assert ST.decide(SADDLE).incoherent and ST.decide(SADDLE).sup2 == Fraction(4, 6)  # on the edge 2μ/√d
    assert ST.decide(LOCMIN).incoherent and not ST.decide(SPIKE).incoherent
    assert not ST.is_psd(ST.hessian(SADDLE)) and ST.is_psd(ST.hessian(LOCMIN))


def test_hessian_formula_matches_sympy_on_the_local_minimum():
    d = LOCMIN.d
    xs = sp.symbols(f"x0:{d}")
    z = [sp.sqrt(sp.Rational(1, 6))] * d
    W = LOCMIN.W
    f = sp.Rational(1, 2) * sum(W[i][j] * (z[i] * z[j] - xs[i] * xs[j]) ** 2 for i in range(d) for j in range(d))
    x = [sp.sqrt(sp.Rational(1, 6)) * v for v in LOCMIN.y]
    H = sp.hessian(f, xs).subs(dict(zip(xs, x)))
    assert sp.simplify(H - sp.Matrix(ST.hessian(LOCMIN))) == sp.zeros(d, d)


def test_eps_sup_is_attained_and_bounds_every_admissible_pair():
    """ε_sup is a max: random admissible pairs stay below it, and the box vertices reach the enumerated value."""
    rng = np.random.default_rng(0)
    for inst in (SADDLE, LOCMIN):
        E = np.array(inst.W, float) / float(inst.p) - 1
        eps = float(ST.eps_sup(inst))
        for _ in range(2000):
            a = rng.uniform(-1, 1, inst.d) / inst.d
            assert abs(a @ E @ a) <= eps + 1e-12
        assert ST.decide(inst).eps_pairs <= ST.decide(inst).eps_sup


def test_printed_constant_falls_and_the_carried_one_holds():
    members("vector")  # loads the bank
    zm = BANK["z = 1/√6 (d = 6)"]
    ctx = _ctx("lemma:8.19")
    assert M._decide_819(M.L819("1"), zm, ctx).holds is False
    assert M._decide_819(M.L819("2"), zm, ctx).holds is False
    assert M._decide_819(M.L819("c²+c⁴"), zm, ctx).holds is True
    assert M._decide_819(M.L819("c²+c⁴", incoherent_only=False), zm, ctx).holds is False  # the coherent spike
    assert M._decide_819(M.L819("1"), BANK["z = 1/√d (d = 4)"], ctx).holds is None
