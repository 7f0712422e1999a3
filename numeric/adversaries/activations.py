"""Activations σ: ℝ → ℝ, the class (8.80) quantifies over ("σ is 1-Lipschitz and twice-differentiable").

Each member is a SymPy expression in ``z``; its derivatives are derived, never typed.  The
hypotheses: ``1-Lipschitz`` (sup |σ'| ≤ 1), ``C²`` (σ'' exists and is continuous on ℝ),
``σ'' bounded`` (sup |σ''| < ∞: what (8.99)–(8.102) actually use), ``non-affine`` (σ'' ≢ 0:
what K∞'s full rank needs), ``non-constant``, ``σ ≢ 0`` (what f_θ⁰ = Θ(1) needs).
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.bounds import bounded, le_everywhere
from numeric.adversaries.core import HypothesisResult, hyp, member

z = sp.Symbol("z", real=True)
t = sp.Symbol("t", real=True)


def d(sig, k=1):
    return sp.diff(sig, z, k)


@hyp("activation", "1-Lipschitz", "sup |σ'| ≤ 1")
def _lip(sig):
    return le_everywhere(d(sig) ** 2, z, 1, "σ'²")


@hyp("activation", "C²", "σ'' exists and is continuous on ℝ")
def _c2(sig):
    s2 = sp.simplify(d(sig, 2))
    if s2.has(sp.Heaviside, sp.DiracDelta, sp.sign, sp.Abs, sp.Max, sp.Min, sp.Piecewise):
        return HypothesisResult(False, "proved", f"σ'' = {s2} has a kink or jump (Heaviside/Abs/Max)")
    dom = sp.calculus.util.continuous_domain(s2, z, sp.S.Reals)
    ok = dom == sp.S.Reals
    return HypothesisResult(ok, "proved", f"σ'' = {s2}, continuous on {dom}")


@hyp("activation", "σ'' bounded", "sup |σ''| < ∞")
def _s2_bounded(sig):
    return bounded(d(sig, 2), z, "σ''")


@hyp("activation", "non-affine", "σ'' ≢ 0")
def _nonaffine(sig):
    s2 = sp.simplify(d(sig, 2))
    return HypothesisResult(s2 != 0, "proved", f"σ'' = {s2}")


@hyp("activation", "σ ≢ 0", "σ is not the zero function (f_θ⁰ = Θ(1) of (8.78) needs E σ(wᵀx)² > 0)")
def _nonzero(sig):
    s0 = sp.simplify(sig)
    return HypothesisResult(s0 != 0, "proved", f"σ = {s0}")


@hyp("activation", "non-constant", "σ' ≢ 0")
def _nonconst(sig):
    s1 = sp.simplify(d(sig))
    return HypothesisResult(s1 != 0, "proved", f"σ' = {s1}")


member("σ = (√π/2) erf(z)", "activation", sp.sqrt(sp.pi) / 2 * sp.erf(z),
       "the suite's own choice for (8.80): σ' = exp(−z²) ≤ 1, odd, bounded; E σ(w·x) = 0",
       "statements that read σ(w⁰ᵀx) ≈ 1 (its mean is 0), and outputs of odd networks on antiparallel inputs")
member("σ = z (identity)", "activation", z,
       "affine: meets (8.80) with σ'' ≡ 0",
       "full rank of K∞ (K∞ = XXᵀ has rank ≤ d), anything needing curvature; β = 0 exactly")
member("σ = z/2 + 1/3 (affine)", "activation", z / 2 + sp.Rational(1, 3),
       "affine with an offset: meets (8.80)", "K∞ rank (≤ d + 1), σ(0) ≠ 0 changes f_θ⁰")
member("σ = 0 (constant)", "activation", sp.Integer(0),
       "constant: 0-Lipschitz and smooth, so it meets (8.80)", "σ_min > 0, K∞ ≻ 0: every gradient is 0")
member("σ = tanh(z)", "activation", sp.tanh(z), "bounded, odd, σ' = 1 − tanh² ≤ 1",
       "statements assuming σ ≥ 0 or E σ ≠ 0")
member("σ = sin(z)", "activation", sp.sin(z), "bounded, periodic, 1-Lipschitz, σ'' bounded",
       "monotonicity assumptions")
member("σ = softplus(z) = log(1 + eᶻ)", "activation", sp.log(1 + sp.exp(z)),
       "smooth ReLU: σ' = logistic ≤ 1, σ'' ≤ 1/4", "statements assuming σ bounded or odd")
member("σ = ∫₀ᶻ cos t² dt (Fresnel)", "activation", sp.integrate(sp.cos(t**2), (t, 0, z)),
       "1-Lipschitz (σ' = cos z²) and C∞, but σ'' = −2z sin z² is unbounded",
       "β = O(1/√m) (8.99)–(8.103): the Lipschitz constant of ∇f is infinite at every width")
member("σ = z²/4 (polynomial)", "activation", z**2 / 4, "smooth, but σ' = z/2 is unbounded: NOT 1-Lipschitz",
       "shows the 1-Lipschitz half of (8.80) is checked (not a member of (8.80))")
member("σ = max(z, 0) (ReLU)", "activation", sp.Max(z, 0), "1-Lipschitz but not differentiable at 0: NOT C²",
       "Remark 8.30: ∇f_θ is discontinuous (not a member of (8.80))")
member("σ = z − z³/3 (cubic)", "activation", z - z**3 / 3, "polynomial, σ' = 1 − z² unbounded below: not Lipschitz",
       "shows a polynomial of degree ≥ 2 cannot meet (8.80)")
