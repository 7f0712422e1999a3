"""Starting points and step sizes for the statements about optimizer runs (§8.1–8.2, §8.4.2).

A starting point is a distance from the minimiser (or a special point); a step size is η·ℓ, the
step in units of the smoothness constant ℓ.  Hypotheses: ``finite`` (every start), ``η < 2/ℓ``
(η·ℓ < 2: where fixed-step GD on an ℓ-smooth quadratic contracts), ``η ≤ 1/ℓ``.
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.core import HypothesisResult, hyp, member


@hyp("start", "finite")
def _finite(x0):
    return HypothesisResult(bool(sp.nsimplify(x0).is_finite), "exact", f"x₀ = {x0}")


for name, x0, what, breaks in [
    ("x₀ at the critical point 0", 0, "a start on a critical point", "'GD finds a local minimum' (it never moves)"),
    ("x₀ = 10⁻⁸", sp.Rational(1, 10**8), "a start next to a saddle", "escape-time bounds with no log(1/dist) term"),
    ("x₀ = 1", 1, "a moderate start", "nothing (baseline)"),
    ("x₀ = 10³", 10**3, "a far start", "time bounds without the start (f(x₀) − f*, ‖x₀ − x*‖)"),
    ("x₀ = 10⁶", 10**6, "a very far start", "fixed-step GD on functions with growing curvature (x⁴ diverges)"),
]:
    member(name, "start", sp.nsimplify(x0), what, breaks)


@hyp("step", "η < 2/ℓ")
def _stable(r):
    return HypothesisResult(r < 2, "exact", f"η·ℓ = {r}")


@hyp("step", "η ≤ 1/ℓ")
def _half(r):
    return HypothesisResult(r <= 1, "exact", f"η·ℓ = {r}")


for name, r, what, breaks in [
    ("η = 1/(100ℓ)", sp.Rational(1, 100), "a small step", "iteration counts that ignore 1/η"),
    ("η = 1/ℓ", sp.Integer(1), "the textbook step", "nothing (baseline)"),
    ("η = 1.99/ℓ", sp.Rational(199, 100), "just below the stability limit", "monotone-decrease arguments (needs η ≤ 1/ℓ)"),
    ("η = 2/ℓ", sp.Integer(2), "at the stability limit", "convergence on quadratics (GD oscillates)"),
    ("η = 2.5/ℓ", sp.Rational(5, 2), "beyond the stability limit", "any convergence claim without a step condition"),
]:
    member(name, "step", r, what, breaks)
