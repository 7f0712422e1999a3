"""Footnote 2's readings attacked on the inputs of the bank's data sets (verify.chapter8.relu_attacks): the flip bound
holds exactly and its first-order mutants fall exactly; the expected bound holds by its closed form, a quarter of it
is attained (so 1/(2√(2π)) is the sharp constant), and the 16× smaller constant and the 1/m rate fall."""
import numpy as np

from numeric.adversaries import BANK
from numeric.adversaries.core import _load
from verify.chapter8 import relu_attacks as R
from verify.chapter8.claims.ntk_basics import _footnote2
from verify.chapter8.claims.prose_relu import ReluGap

_load()
X = BANK["parallel inputs"]  # rows (1, 0), (2, 0), (0, 1): ‖x‖ = 1 and 2


def test_the_flip_bound_is_exact_and_first_order_gaps_break_its_mutants():
    o = R.decide_relu(ReluGap("flips"), X, None)
    assert o.holds is True and o.strength == "exact"
    for kind in ("linear", "every-init"):
        o = R.decide_relu(ReluGap(kind), X, None)
        assert o.holds is False and o.strength == "exact", kind
        assert o.counterexample["u = w₁⁰ᵀx"] == "0"  # a neuron on the kink moves at first order


def test_the_expected_gap_closed_form_holds_and_decides_the_constant_and_the_rate():
    form, d, s, ok = R.expected_gap_form()
    assert ok
    assert R.decide_relu(ReluGap("expected"), X, None).holds is True
    assert R.decide_relu(ReluGap("expected", c=float(1 / (2 * np.sqrt(2 * np.pi)))), X, None).holds is True
    assert R.decide_relu(ReluGap("expected", c=float(np.sqrt(2 / np.pi)) / 16), X, None).holds is False
    assert R.decide_relu(ReluGap("expected", m_power=1.0), X, None).holds is False
    assert R.decide_footnote2(_footnote2(), X, None).holds is True
    assert R.decide_footnote2(_footnote2("linear"), X, None).holds is False
