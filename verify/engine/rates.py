"""Rates from intervals over seeds: the one way a claim turns a sweep into a verdict.

A claim runs its experiment once per independent seed (``rate_seeds``), fits the
exponent on every seed's curve and pools them (numeric.stats.fit_power_law_seeds),
and compares the theory value with the pooled interval in the sense of the Fit's
``relation`` (numeric.stats.judge_exponent). No fixed widening anywhere.
"""
from __future__ import annotations

import numpy as np

from numeric.stats import Judgement, SeedFit, fit_power_law_seeds, judge_exponent

from verify.engine.claim import Fit


def n_seeds(profile) -> int:
    """Independent seeds per fitted exponent: 3 in ci and report (the report buys precision with larger
    sweeps, which cost less than more seeds of them), 5 in thorough."""
    return 5 if profile.scale >= 16 else 3


def rate_seeds(ctx, name: str, k: int | None = None) -> list[int]:
    """``k`` independent seeds for the experiment ``name`` (default ``n_seeds``)."""
    if k is None:
        k = n_seeds(ctx.profile)
    return [ctx.seed_for(f"{name}#{i}") % 100_000 for i in range(k)]


def pooled_fit(quantity: str, against: str, curves, theory: float | None, relation: str = "=",
               seeds=(), resolution: float | None = None, range_from: float | None = None,
               confidence: float = 0.95, correction: float | None = None,
               refutes_only: bool = False) -> tuple[Fit, SeedFit]:
    """A Fit for results.json (with relation, seeds and resolution) and the SeedFit behind it.

    ``curves``: one (x, y) pair per seed, in the order of ``seeds``. ``resolution`` (δ): the smallest error
    in the exponent the fit claims to detect; the runner re-judges the same data with theory ± δ, which
    must be refuted. ``range_from``: the range x ≥ range_from the claim declares, before the fit, as its
    asymptotic regime (the points below it are dropped before fitting, never chosen after). ``confidence``: of the
    interval, declared by the claim (e.g. family-wise over its fits); its ±δ mutants are judged at the same confidence.
    ``correction``: the power s of the finite-size correction x^b(1 + c·x^s) the claim declares before the fit
    (numeric.stats.fit_power_law_seeds); the verdict then reads that model's exponent where the power law misses.
    ``refutes_only``: the claim reads this fit only to refute (a lower bound on a quantity it bounds from above, or
    the reverse); its consistency verifies nothing, so the runner gives it no ±δ mutants (README "Rates and seeds").
    """
    if range_from is not None:
        kept = []
        for x, y in curves:
            x, y = np.asarray(x, float), np.asarray(y, float)
            keep = x >= range_from
            kept.append((x[keep], y[keep]))
        curves = kept
    sf = fit_power_law_seeds(curves, confidence, correction=correction)
    return Fit(quantity, against, sf.exponent, sf.interval, theory, relation, tuple(seeds), resolution=resolution,
               range_from=range_from, confidence=confidence, sf=sf, refutes_only=refutes_only), sf


def rejudge(fit: Fit, value: float, relation: str | None = None) -> Judgement:
    """The same fitted data judged against another theory value or relation (a ±δ mutant); records nothing."""
    return judge_exponent(fit.sf, value, relation or fit.relation)


def resolution_mutants(fit: Fit) -> list[tuple[str, float, str]]:
    """The statements a miss by δ makes, which the same data must refute: (name, value, relation).

    ``=``: the exponent is theory + δ, and theory − δ. A bound ``<= t`` is missed when the exponent is
    ≥ t + δ (the bound violated by δ); ``>= t`` when it is ≤ t − δ. (A bound's other side, a smaller
    bound, may be true: a loose bound is not a wrong one.)
    """
    if fit.theory is None or fit.resolution is None:
        return []
    t, dl = float(fit.theory), float(fit.resolution)
    if fit.relation == "=":
        return [(f"{fit.quantity} ∝ {fit.against}^{t + s * dl:g} (theory {t:g} {'+' if s > 0 else '−'} δ, "
                 f"δ = {dl:g})", t + s * dl, "=") for s in (+1, -1)]
    s, rel = (+1, ">=") if fit.relation == "<=" else (-1, "<=")
    return [(f"{fit.quantity}: exponent {rel} {t + s * dl:g} (the bound {fit.relation} {t:g} missed by δ = {dl:g})",
             t + s * dl, rel)]


def judge(fit: Fit, sf: SeedFit, theory: float | None = None) -> Judgement:
    """The fit's theory value (or ``theory``, e.g. a mutant's) against the pooled interval."""
    value = fit.theory if theory is None else theory
    j = judge_exponent(sf, value, fit.relation)
    if j.holds is True and j.interval is not None and value == fit.theory:
        # the verdict rests on the asymptotic model (or a declared range): the Fit records that interval
        fit.decided.update(basis=j.basis, exponent=j.exponent, interval=j.interval)
    return j


def combine(judgements: list[Judgement]) -> bool | None:
    """All consistent → True; any excluded → False; otherwise None (finite-size)."""
    hs = [j.holds for j in judgements]
    if False in hs:
        return False
    if None in hs:
        return None
    return True


def describe(fit: Fit, sf: SeedFit) -> str:
    return (f"{fit.quantity} ∝ {fit.against}^{fit.exponent:.3f}, {100 * fit.confidence:g}% [{fit.interval[0]:.3f}, {fit.interval[1]:.3f}] "
            f"over {sf.seeds} seeds (per-seed slopes {', '.join(f'{b:.3f}' for b in sf.slopes)}; "
            f"between-seed sd {sf.between_sd:.3f}, within-fit se {sf.within_se:.3f}, local-slope drift {sf.drift:+.3f})")
