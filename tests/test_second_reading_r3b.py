"""Second reader R3 (§8.3.2), part b: the reader's instances, reproduced exactly, and the rates chain's constants."""
from fractions import Fraction

import mpmath as mp

from verify.chapter8.claims import mc_identities, mc_lemma817, mc_rates823


def test_eq815_any_pair_fails_with_the_binomial_probability():
    # A = B = J, d = 100: |dev| < ε ≤ 1 only when |Ω| = pd²
    assert abs(float(mc_lemma817._prob_dev_below_one(10_000, Fraction(1, 2))) - 0.007978646139) < 1e-11
    assert abs(float(mc_lemma817._prob_dev_below_one(10_000, Fraction(1, 20))) - 0.018301668646) < 1e-11


def test_the_readers_spike_on_the_readers_mask():
    name, m, z, points = mc_lemma817._value_instances()[0]
    assert int(m.W.sum()) == 486 and m.W[0, 0] == 0
    x = dict(points)["3e₁"]
    f = (m.form_W(z * z) - 2 * m.form_W(z * x) + m.form_W(x * x)) / 2
    g = (z.dot(z) ** 2 - 2 * z.dot(x) ** 2 + x.dot(x) ** 2) / 2
    assert f / m.p == Fraction(486, 1000) and g == Fraction(4091, 100)
    # above the lemma's level on this Ω (ε̄² = ‖E_s‖_F²/d², an exact upper bound): the old correction falls
    assert (f / m.p - g) ** 2 > mc_lemma817._frob2_Es(m) / 10_000


def test_the_residual_has_rank_at_most_two_for_every_d():
    assert mc_identities._minors_vanish(2) == 0
    assert mc_identities._minors_vanish(1) != 0


def test_the_chain_constant_is_24_at_the_corrected_levels_and_3_2_at_the_printed():
    e = mp.mpf(10) ** -8
    assert abs(mc_rates823.chain_sup(e, "corrected") / e - 24) < 1e-5
    assert abs(mc_rates823.chain_sup(e, "printed") / e - mp.mpf(3) / 2) < 1e-6
