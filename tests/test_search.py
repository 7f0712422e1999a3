"""The hypothesis driver: finds and shrinks counterexamples, is deterministic, re-checks borderline ones."""
import mpmath
from hypothesis import strategies as st

from verify.engine.context import Context
from verify.engine.profiles import get_profile
from verify.engine.falsify import search

CI = Context(get_profile("ci"), seed=0, claim_id="test")


def test_true_property_holds_with_worst_margin():
    out = search(st.floats(-10, 10), lambda x: x * x, CI, name="sq")
    assert out.holds is True and out.worst_margin == 0.0 and out.examples > 10


def test_false_property_is_refuted_with_a_shrunk_counterexample():
    out = search(st.integers(0, 10**6), lambda n: 1000 - n, CI, name="bound")
    assert out.holds is False
    assert out.counterexample == repr(1001)  # shrunk to the smallest failure


def test_same_seed_same_outcome():
    a = search(st.floats(0, 1), lambda x: 0.5 - x, CI, name="d")
    b = search(st.floats(0, 1), lambda x: 0.5 - x, CI, name="d")
    assert (a.holds, a.counterexample, a.examples) == (b.holds, b.counterexample, b.examples)


def test_borderline_failure_is_rechecked_in_high_precision():
    # (1 + x)² − 1 − 2x − x² is 0 exactly, but float64 rounding makes it slightly negative sometimes
    def margin(x):
        return (1 + x) ** 2 - 1 - 2 * x - x * x + 0.0

    def exact(x):
        with mpmath.workdps(60):
            X = mpmath.mpf(x)
            return (1 + X) ** 2 - 1 - 2 * X - X * X

    plain = search(st.floats(1e-3, 1e3), margin, CI, name="round", tol=0.0)
    checked = search(st.floats(1e-3, 1e3), margin, CI, name="round", tol=0.0, recheck=exact, borderline=1e-6)
    assert plain.holds is False  # float64 alone would call it refuted
    assert checked.holds is True and "mpmath" in checked.methods
