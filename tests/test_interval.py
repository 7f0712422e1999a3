"""Interval-arithmetic sign certificates (verify.engine.checks.interval): certified, both ways."""
import sympy as sp

from verify.engine.checks.interval import certify_nonnegative

e = sp.Symbol("epsilon", real=True)
x = sp.Symbol("x", real=True)


def test_a_strict_bound_on_a_box_is_certified():
    # (8.40): (1/3 − ε/3)² − ε − 1/32 ≥ 0 on [0, 1/16] (its minimum 9/2304 > 0 at ε = 1/16)
    out = certify_nonnegative((sp.Rational(1, 3) - e / 3) ** 2 - e - sp.Rational(1, 32), [(e, 0, sp.Rational(1, 16))])
    assert out.holds is True and out.strength == "certified" and out.worst_margin >= 0


def test_a_false_bound_is_refuted_by_a_box_and_a_tight_one_is_undecided():
    bad = certify_nonnegative((sp.Rational(1, 3) - e / 3) ** 2 - e - sp.Rational(1, 20), [(e, 0, sp.Rational(1, 16))])
    assert bad.holds is False and bad.counterexample["value enclosure"][1] < 0
    tight = certify_nonnegative(x**2 - 2 * x + 1, [(x, 0, 2)], max_boxes=200)  # (x − 1)², 0 at x = 1
    assert tight.holds is None
