"""sec:8.2.1:no-strict-saddle attacked on the fn2 bank (saddle_strict.decide_nss): the printed gloss ('no pathological
case like Example 8.2' under the strict-saddle condition) falls on x² + y³ + y⁴, the corrected gloss (γ-close only)
holds on every member with a certified triple, and the mutants fall on the same decision."""
import sympy as sp

from numeric.adversaries import BANK, admitted
from numeric.adversaries.core import _load
from verify.chapter8.claims.saddle_strict import FN2_STRICT, NoStrictSaddle, decide_nss

_load()
GLOSS = BANK["x² + y³ + y⁴"]
FIG83 = BANK["(x² − 1)² + (y² − 1)² (Figure 8.3 reproduction)"]


def test_the_printed_gloss_breaks_on_x2_y3_y4_and_the_corrected_holds():
    o = decide_nss(NoStrictSaddle("example-8.2", gloss="printed"), GLOSS, None)
    assert o.holds is False
    ce = o.counterexample
    assert ce["point"] == "(0, 0)" and ce["Hessian"] == "[[2, 0], [0, 0]]" and ce["distance to the minima"] == "3/4"
    assert ce["descent curve"] == "(0, -t)" and ce["f(curve) − f(point)"] == "-t**3"
    assert decide_nss(NoStrictSaddle("example-8.2", gloss="corrected"), GLOSS, None).holds is True


def test_the_corrected_gloss_survives_the_class_and_the_mutants_fall():
    names = {m.name for m in admitted(FN2_STRICT)}
    assert {GLOSS.name, FIG83.name, "(x² − 1)²/4 + y²/2 (double well × parabola)"} <= names
    assert "x² + y³ (Example 8.2)" not in names  # no strict-saddle triple: n/a
    for m in admitted(FN2_STRICT):
        assert decide_nss(NoStrictSaddle("example-8.2", gloss="corrected"), m, None).holds is True, m.name
    # γ = 1/2: 0 lies 3/4 from the minimum (0, −3/4)
    assert decide_nss(NoStrictSaddle("example-8.2", gloss="corrected", gloss_gamma=sp.Rational(1, 2)), GLOSS,
                      None).holds is False
    # Figure 8.3's function has no PSD non-minimum: the runs' 'GD stops far from every minimum' falls there
    assert decide_nss(NoStrictSaddle("figure-8.3"), FIG83, None).holds is False
    assert decide_nss(NoStrictSaddle("figure-8.3", gloss="corrected"), FIG83, None).holds is False
