"""Honest statistics: failure rates with intervals, power-law fits with intervals."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats


def wilson_interval(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion k/n."""
    if n <= 0:
        return (0.0, 1.0)
    z = stats.norm.ppf(0.5 + confidence / 2)
    p = k / n
    den = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / den
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / den
    return (max(0.0, centre - half), min(1.0, centre + half))


def clopper_pearson(k: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Exact (conservative) binomial interval."""
    a = 1 - confidence
    lo = 0.0 if k == 0 else stats.beta.ppf(a / 2, k, n - k + 1)
    hi = 1.0 if k == n else stats.beta.ppf(1 - a / 2, k + 1, n - k)
    return (float(lo), float(hi))


@dataclass(frozen=True)
class PowerFit:
    exponent: float
    interval: tuple[float, float]
    prefactor: float
    r2: float
    n: int

    def contains(self, value: float) -> bool:
        return self.interval[0] <= value <= self.interval[1]


def fit_power_law(x, y, confidence: float = 0.95) -> PowerFit:
    """Fit y ≈ c·x^a by least squares on log-log; a t-interval for the exponent a."""
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    keep = (x > 0) & (y > 0) & np.isfinite(x) & np.isfinite(y)
    lx, ly = np.log(x[keep]), np.log(y[keep])
    n = int(keep.sum())
    if n < 3:
        raise ValueError("a power-law fit needs at least 3 positive points")
    res = stats.linregress(lx, ly)
    t = stats.t.ppf(0.5 + confidence / 2, n - 2)
    half = t * res.stderr
    return PowerFit(float(res.slope), (float(res.slope - half), float(res.slope + half)),
                    float(np.exp(res.intercept)), float(res.rvalue**2), n)
