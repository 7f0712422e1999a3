"""Figure 8.4's claim has two halves; the symbolic one refutes the mutants first, so the
per-m comparison with the exact classifier is shown here to refute them on its own."""
import pytest
import sympy as sp

from verify.engine import registry
from verify.chapter8.claims.pca_figure84 import matches_at


def _claim():
    return registry.load()["figure:8.4"]


@pytest.mark.parametrize("m", [sp.Rational(3, 7), sp.Integer(2)])
def test_the_printed_shape_matches_the_classifier(m):
    ok, detail = matches_at(_claim().statement, m)
    assert ok, detail
    assert [k for _, k, _ in detail["found"]] == ["minimum", "maximum", "minimum"]


@pytest.mark.parametrize("i", range(3))
def test_each_mutant_disagrees_with_the_classifier(i):
    ok, detail = matches_at(_claim().mutants[i].statement, sp.Rational(3, 7))
    assert not ok, (_claim().mutants[i].name, detail)
