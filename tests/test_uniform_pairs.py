"""Lemma 8.17 for all incoherent pairs at once (sec:8.3.2:lemma-8.17-uniform): the exact parts and the reader's instance."""
from __future__ import annotations

from fractions import Fraction

import numpy as np

from numeric.chapter8 import mc_uniform_pairs as U
from verify.chapter8.claims import mc_uniform_pairs as C


def test_deviation_is_the_quadratic_form_of_u_circ_v():
    assert C.identity_residual(3) == 0


def test_norm_bound_is_a_sum_of_nonnegative_terms():
    assert C.norm_certificate(4) == 0
    ok, _, _, ce = C._norm_bound_step("mu4/d2")  # the μ⁴/d² mutant falls at the flat pair
    assert not ok and ce["|u∘v|^2"] == "1/4"


def test_exact_deviation_matches_the_definition():
    rng = np.random.default_rng(1)
    d, p = 7, Fraction(1, 3)
    W = (rng.random((d, d)) < float(p)).astype(np.int64)
    s = rng.choice([-1, 1], d).astype(np.int64)
    u = [Fraction(1)] * d  # u = 1/√d and v = s/√d: the √d's give the 1/d² below
    direct = (sum(Fraction(int(W[i, j])) * u[i] * u[j] * s[i] * s[j] for i in range(d) for j in range(d)) / p
              - sum(u[i] * s[i] for i in range(d)) ** 2) / (d * d)
    assert U._exact_dev(W, s, p) == direct


def test_reader_T1_instance_reproduced():
    """Second reader T1's draws (default_rng(0), the same calls in the same order): about 1 s (three d = 400 eigh)."""
    rows = U.reader_instance(0)["rows"]
    assert [r["adv"] for r in rows] == [Fraction(8559, 40000), Fraction(1719, 8000), Fraction(2159, 10000)]
    assert all(r["fixed_fail"] == 0 and r["fixed_max"] < Fraction(38, 1000) for r in rows)
    assert all(r["incoherent"] and float(r["adv"]) <= r["certificate"] for r in rows)
