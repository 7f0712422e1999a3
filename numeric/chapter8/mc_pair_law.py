"""The exact law of Lemma 8.17's deviation for one fixed pair (u, v) over a symmetric Bernoulli(p) mask.

dev_Ω(u, v) = ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨uuᵀ, vvᵀ⟩ = T/p − (Σw)²,  w = u∘v,  T = Σ_{i≤j} ω_ij k_ij,
k_ii = w_i², k_ij = 2w_iw_j (i < j), the ω_ij independent Bernoulli(p) (Ω symmetric: (i, j) and (j, i) together, the
suite's mask model).  Grouping equal k's, T is a sum of κ·Binomial(n_κ, p), so its law is a finite convolution,
computed in rationals (w and p rational): P(|dev| > ε) is then an exact rational, not a sampled rate.

Var(dev) = ((1 − p)/p)·Σ_{i≤j} k_ij² ≤ ((1 − p)/p)·2‖w‖₂⁴ ≤ 2(1 − p)μ⁴/(p d²) (‖w‖₂² ≤ ‖u‖∞²‖v‖₂² ≤ μ²/d), so by
Chebyshev P(|dev| > ε) ≤ 2(1 − p)μ⁴/(p d² ε²): at p = poly/(dε²) with poly = 2μ⁴/δ this is ≤ δ(1 − p)/d ≤ δ.
"""
from __future__ import annotations

from collections import defaultdict
from fractions import Fraction
from functools import lru_cache
from math import comb, lcm

import sympy as sp


def rational_w(u, v) -> tuple[Fraction, ...] | None:
    """u∘v as Fractions (None if some entry is irrational)."""
    out = []
    for a, b in zip(u, v):
        x = sp.nsimplify(sp.expand(a * b))
        if not x.is_Rational:
            return None
        out.append(Fraction(int(x.p), int(x.q)))
    return tuple(out)


def coefficients(w: tuple[Fraction, ...]) -> dict[Fraction, int]:
    """{κ: how many (i ≤ j) have k_ij = κ}, κ ≠ 0."""
    c: dict[Fraction, int] = defaultdict(int)
    d = len(w)
    for i in range(d):
        if w[i]:
            c[w[i] * w[i]] += 1
        for j in range(i + 1, d):
            k = 2 * w[i] * w[j]
            if k:
                c[k] += 1
    return dict(c)


@lru_cache(maxsize=256)
def law_T(w: tuple[Fraction, ...], p: Fraction) -> dict[Fraction, Fraction]:
    """The law of T = Σ_{i≤j} ω_ij k_ij: {value: probability}, exact.

    Computed in integers: values as multiples of 1/L (L the lcm of the κ denominators), probabilities as weights over
    b^N (p = a/b, N the number of nonzero k), converted to Fractions at the end."""
    coef = sorted(coefficients(w).items())
    p = Fraction(p)
    a, b = p.numerator, p.denominator
    L = lcm(*[k.denominator for k, _ in coef]) if coef else 1
    dist = {0: 1}
    N = 0
    for kappa, n in coef:
        step = int(kappa * L)
        pmf = [comb(n, j) * a**j * (b - a) ** (n - j) for j in range(n + 1)]
        new: dict[int, int] = defaultdict(int)
        for t, pr in dist.items():
            for j, q in enumerate(pmf):
                if q:
                    new[t + j * step] += pr * q
        dist = dict(new)
        N += n
    den = b**N
    return {Fraction(t, L): Fraction(pr, den) for t, pr in dist.items()}


def target(w) -> Fraction:
    s = sum(w, Fraction(0))
    return s * s


def variance(w, p: Fraction) -> Fraction:
    return (1 - p) / p * sum((k * k * n for k, n in coefficients(w).items()), Fraction(0))


def failure(w, p: Fraction, bound2: Fraction) -> tuple[Fraction, Fraction]:
    """(P(dev² > bound2), the largest |dev| with positive probability) exactly, bound2 = (the allowed level)²."""
    t0 = target(w)
    fail, top = Fraction(0), Fraction(0)
    for t, pr in law_T(tuple(w), Fraction(p)).items():
        dv = t / p - t0
        top = max(top, abs(dv))
        if dv * dv > bound2:
            fail += pr
    return fail, top


def dev_on_mask(w, W, p: Fraction) -> Fraction:
    """dev on one fixed 0/1 mask W (symmetrised: wᵀ((W + Wᵀ)/2)w), exactly."""
    d = len(w)
    s = sum(Fraction(int(W[i][j]) + int(W[j][i]), 2) * w[i] * w[j] for i in range(d) for j in range(d))
    return s / p - target(w)


def mask_probability(W, p: Fraction) -> Fraction | None:
    """P(Ω = W) under the symmetric Bernoulli(p) model (None if W is not symmetric)."""
    d = len(W)
    if any(int(W[i][j]) != int(W[j][i]) for i in range(d) for j in range(d)):
        return None
    k = sum(int(W[i][j]) for i in range(d) for j in range(i, d))
    n = d * (d + 1) // 2
    return p**k * (1 - p) ** (n - k)


__all__ = ["coefficients", "dev_on_mask", "failure", "law_T", "mask_probability", "rational_w", "target", "variance"]
