"""Intervals cover what they should; power-law fits recover known exponents."""
import numpy as np
import pytest

from numeric.stats import clopper_pearson, fit_power_law, wilson_interval


def test_wilson_contains_the_proportion_and_shrinks():
    lo, hi = wilson_interval(30, 100)
    assert lo < 0.3 < hi
    lo2, hi2 = wilson_interval(300, 1000)
    assert hi2 - lo2 < hi - lo


def test_zero_failures_still_gives_a_nonzero_upper_bound():
    lo, hi = wilson_interval(0, 50)
    assert lo == pytest.approx(0.0, abs=1e-12) and 0.0 < hi < 0.1
    assert clopper_pearson(0, 50)[1] == pytest.approx(1 - 0.025 ** (1 / 50))


def test_power_law_recovers_exponent_within_interval():
    rng = np.random.default_rng(0)
    x = np.logspace(1, 4, 20)
    y = 3 * x**-0.5 * np.exp(rng.normal(0, 0.05, size=x.size))
    fit = fit_power_law(x, y)
    assert fit.contains(-0.5)
    assert not fit.contains(-1.0)
