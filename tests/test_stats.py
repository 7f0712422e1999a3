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


from numeric.stats import fit_power_law_seeds, judge_exponent  # noqa: E402


def _curves(rng, a, seeds, x=np.logspace(1, 3, 6), sd=0.1, seed_sd=0.05):
    """y = c_s x^a · noise, with a seed-level exponent wobble (seed_sd) the interval must absorb."""
    out = []
    for _ in range(seeds):
        a_s = a + rng.normal(0, seed_sd)
        out.append((x, 2.0 * x**a_s * np.exp(rng.normal(0, sd, x.size))))
    return out


@pytest.mark.parametrize("seeds", [3, 5])
def test_pooled_interval_covers_the_true_exponent_at_the_nominal_rate(seeds):
    rng = np.random.default_rng(1)
    reps = 400
    cover = sum(fit_power_law_seeds(_curves(rng, -0.5, seeds), tails=False).contains(-0.5) for _ in range(reps))
    # nominal 95%: binomial sd over 400 reps is ~1.1%; pooling both spreads may over-cover, never badly under
    assert cover / reps >= 0.92


def test_pooled_interval_needs_three_seeds():
    rng = np.random.default_rng(0)
    with pytest.raises(ValueError):
        fit_power_law_seeds(_curves(rng, -0.5, 2))


def test_a_wrong_theory_value_is_excluded_and_refuted():
    rng = np.random.default_rng(2)
    fit = fit_power_law_seeds(_curves(rng, -0.5, 3))
    assert judge_exponent(fit, -0.5).holds is True
    assert judge_exponent(fit, -1.0).holds is False
    assert judge_exponent(fit, 0.0).holds is False


def test_bounds_read_in_their_sense():
    rng = np.random.default_rng(3)
    fit = fit_power_law_seeds(_curves(rng, 1.0, 3, sd=0.02, seed_sd=0.0))
    assert judge_exponent(fit, 2.0, "<=").holds is True   # the exponent is at most 2
    assert judge_exponent(fit, 0.5, "<=").holds is False  # ... but not at most 1/2
    assert judge_exponent(fit, 0.5, ">=").holds is True
    assert judge_exponent(fit, 2.0, ">=").holds is False


def test_a_curved_range_is_finite_size_not_refutation():
    # y = x^-1/2 (1 + 3/x): the local slope drifts from ~-0.9 toward -1/2; theory just outside → None
    x = np.logspace(0.5, 2.5, 8)
    curves = [(x, x**-0.5 * (1 + 3 / x) * np.exp(r.normal(0, 1e-3, x.size)))
              for r in (np.random.default_rng(s) for s in range(3))]
    fit = fit_power_law_seeds(curves)
    assert not fit.contains(-0.5) and fit.drift > 0
    assert judge_exponent(fit, -0.5).holds is True  # read on the model y = C x^b (1 + c/x)
    assert judge_exponent(fit, -1.5).holds is False  # the side the slope is moving away from
    # without the model (3 points per seed) nothing reads the asymptotic regime: -1/2 is not verified
    short = fit_power_law_seeds([(x[:3], y[:3]) for x, y in curves])
    assert short.corrected is None and judge_exponent(short, -0.5).holds is not True


def test_the_spread_between_seeds_widens_the_interval():
    x = np.logspace(1, 3, 6)
    exact = [(x, x**-0.5), (x, 2 * x**-0.5), (x, 3 * x**-0.5)]
    assert fit_power_law_seeds(exact).interval == pytest.approx((-0.5, -0.5))
    spread = [(x, x**-0.4), (x, x**-0.5), (x, x**-0.6)]
    lo, hi = fit_power_law_seeds(spread).interval
    assert lo < -0.6 and hi > -0.4


def test_the_asymptotic_model_with_a_correction_brings_the_exponent_in_and_says_so():
    # y = x^-1/2 (1 + 3/x) with noise: the full range is biased, the model C x^b (1 + c/x) is not
    x = np.logspace(0.5, 4, 10)
    curves = [(x, x**-0.5 * (1 + 3 / x) * np.exp(r.normal(0, 0.01, x.size)))
              for r in (np.random.default_rng(s) for s in range(3))]
    fit = fit_power_law_seeds(curves)
    assert not fit.contains(-0.5)
    j = judge_exponent(fit, -0.5)
    assert j.holds is True and j.basis.startswith("asymptotic model") and "1 + c/x" in j.reason
    assert judge_exponent(fit, -1.0).holds is False  # no model rescues a wrong value
    assert judge_exponent(fit, -0.4).holds is False and judge_exponent(fit, -0.6).holds is False  # power: δ = 0.1


def test_no_verdict_rests_on_a_short_tail_or_the_local_slopes_alone():
    # y = x^-1 (1 + a/x²) on 5 points: the last local slopes converge to -1, but a tail of 3 points or an
    # extrapolation of the local slopes is not an asymptotic model; the c/x model does not fit this bend
    x = 4.0 ** np.arange(5)
    curves = [(x, c * x**-1.0 * (1 + a / x**2)) for c, a in ((1, 0.5), (2, 0.7), (3, 0.6))]
    fit = fit_power_law_seeds(curves)
    assert not fit.contains(-1.0)
    j = judge_exponent(fit, -1.0)
    assert j.holds is not True and "range x ≥" not in j.reason and "Aitken" not in j.reason
    assert judge_exponent(fit, -0.5).holds is False and judge_exponent(fit, -1.5).holds is False


def test_no_rescue_makes_noise_accept_a_wrong_exponent():
    rng = np.random.default_rng(7)
    wrong = sum(judge_exponent(fit_power_law_seeds(_curves(rng, -0.5, 3)), -1.0).holds is not False
                for _ in range(200))
    assert wrong == 0


def test_a_verdict_decided_on_a_tail_records_that_interval():
    """When the judge accepts a theory value only on the asymptotic part of the range, the Fit in
    results.json carries that part's exponent and interval (the verdict follows from the interval it
    shows) and the full-range fit beside it."""
    import numpy as np

    from verify.engine.rates import judge, pooled_fit

    x = np.geomspace(1, 1e4, 15)
    # a curve that bends into its power law: the slope tends to −1, the full range is steeper
    curves = [(x, (1 + 1 / x) / x * (1 + 1e-3 * np.sin(7 * s + x))) for s in range(3)]
    fit, sf = pooled_fit("q", "x", curves, -1.0, "=", (0, 1, 2))
    lo, hi = fit.interval
    assert hi < -1.0  # the full range excludes the theory value ...
    j = judge(fit, sf)
    js = fit.as_json()
    assert j.holds is True and js["basis"].startswith("asymptotic model")  # ... the model y = C x^b (1 + c/x) does
    assert js["interval"][0] <= -1.0 <= js["interval"][1]
    assert js["full_range"]["interval"] == [round(lo, 6), round(hi, 6)]
    # decided on the full range: nothing else is recorded
    fit2, sf2 = pooled_fit("q", "x", [(x, 1 / x * (1 + 1e-3 * np.sin(7 * s + x))) for s in range(3)], -1.0, "=",
                           (0, 1, 2))
    assert judge(fit2, sf2).holds is True and "basis" not in fit2.as_json()
    # a mutant's value is judged on the same fit without touching what the fit records
    before = dict(fit.decided)
    judge(fit, sf, theory=-2.0)
    assert fit.decided == before


def test_a_correction_that_changes_sign_between_seeds_is_significant():
    """c is each curve's own (eq:8.136: the η³ term of one network's Taylor remainder); a pooled mean of c near 0
    does not make the bend go away. y = x²(1 + c_s·x) on x ∈ [1e-4, 1e-2] with c = +0.7, −0.7, +0.2: the plain
    fits miss 2 by more than their intervals, the model y = C·x^b(1 + c·x) brings 2 in and keeps δ = 0.05 out."""
    from numeric.stats import fit_power_law_seeds, judge_exponent

    x = np.geomspace(1e-4, 1e-2, 7)
    rng = np.random.default_rng(3)
    curves = [(x, x**2 * (1 + c * x) * np.exp(rng.normal(0, 1e-9, x.size))) for c in (0.7, -0.7, 0.2)]
    fit = fit_power_law_seeds(curves)
    assert fit.corrected is not None and not fit.straight
    assert judge_exponent(fit, 2.0).holds is True
    assert judge_exponent(fit, 1.95).holds is False and judge_exponent(fit, 2.05).holds is False


def test_no_correction_is_found_in_straight_noisy_curves_more_often_than_the_confidence_allows():
    from numeric.stats import fit_power_law_seeds

    rng = np.random.default_rng(11)
    found = sum(fit_power_law_seeds(_curves(rng, -0.5, 3)).corrected is not None for _ in range(200))
    assert found <= 2 * 0.051 * 200 + 3 * np.sqrt(200 * 0.1 * 0.9)  # two models (x^∓1), each at 95% + 0.1%


def test_a_declared_correction_is_fitted_whatever_its_significance_and_a_declared_confidence_widens():
    from numeric.stats import fit_power_law_seeds

    rng = np.random.default_rng(5)
    curves = _curves(rng, -0.5, 3)
    plain = fit_power_law_seeds(curves)
    declared = fit_power_law_seeds(curves, correction=-0.5)
    assert declared.corrected is not None and not declared.straight
    lo, hi = declared.corrected[1]
    assert lo < -0.5 < hi
    wide = fit_power_law_seeds(curves, 0.999)
    assert wide.interval[0] < plain.interval[0] and wide.interval[1] > plain.interval[1]
