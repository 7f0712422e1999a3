"""Parametric models f̄_θ(x) on a fixed data set, for the statements of §8.4.1 about "an arbitrary neural net".

A member is a SymPy expression in parameters θ = (t1, …) and an input x, an initial θ⁰ and data points
(x⁽ⁱ⁾, y⁽ⁱ⁾).  Hypotheses (decided by SymPy): ``σ̄ > 0`` (the feature matrix Φ̄ = [∇_θ f̄_θ⁰(x⁽ⁱ⁾)] has full
row rank), ``β̄ < ∞`` (sup over θ of ‖∇²_θ f̄‖ is finite: a polynomial model of degree ≤ 2 in θ, or a Hessian whose
entries are bounded), ``f̄_θ⁰ = 0 on the data``.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from numeric.adversaries.bounds import bounded
from numeric.adversaries.core import HypothesisResult, hyp, member

x = sp.Symbol("x", real=True)
t1, t2 = sp.symbols("t1 t2", real=True)


@dataclass(frozen=True)
class Model:
    f: sp.Expr                       # f̄_θ(x)
    theta: tuple[sp.Symbol, ...]
    theta0: tuple                    # θ⁰
    data: tuple[tuple, ...]          # ((x, y), ...)

    def features(self) -> sp.Matrix:
        """Φ̄: row i is ∇_θ f̄_θ⁰(x⁽ⁱ⁾)."""
        at = dict(zip(self.theta, self.theta0))
        return sp.Matrix([[sp.diff(self.f, t).subs(at).subs(x, xi) for t in self.theta] for xi, _ in self.data])

    def hessian(self) -> sp.Matrix:
        return sp.hessian(self.f, self.theta)


@hyp("model", "σ̄ > 0", "Φ̄ = [∇f̄_θ⁰(x⁽ⁱ⁾)] has full row rank")
def _sigma(m: Model):
    F = m.features()
    r = F.rank()
    return HypothesisResult(r == F.rows, "exact", f"Φ̄ = {F.tolist()}, rank {r} of {F.rows}")


@hyp("model", "β̄ < ∞", "sup over θ and the data of ‖∇²_θ f̄‖ is finite")
def _beta(m: Model):
    H = m.hessian()
    for xi, _ in m.data:
        Hx = H.subs(x, xi)
        for e in set(Hx):
            free = [t for t in m.theta if e.has(t)]
            if not free:
                continue
            if e.is_polynomial(*m.theta):
                return HypothesisResult(False, "proved", f"∂²f̄ entry {e} at x = {xi} is a non-constant polynomial in θ")
            if len(free) == 1:
                r = bounded(e, free[0], "∂²f̄ entry")
                if not r.holds:
                    return HypothesisResult(False, r.strength, r.detail)
            else:  # several parameters: one of them to ∞ with the others at θ⁰ is enough to refute
                at = dict(zip(m.theta, m.theta0))
                for t in free:
                    line = e.subs({u: v for u, v in at.items() if u != t})
                    if sp.limit(sp.Abs(line), t, sp.oo) == sp.oo:
                        return HypothesisResult(False, "proved", f"∂²f̄ entry {e} → ∞ as {t} → ∞ (others at θ⁰), "
                                                                 f"x = {xi}")
                return HypothesisResult(False, "proved", f"∂²f̄ entry {e}: undecided (treated as not holding)")
    return HypothesisResult(True, "proved", f"∇²f̄ = {H.tolist()} bounded on the data")


@hyp("model", "f̄_θ⁰ = 0 on the data")
def _zero(m: Model):
    at = dict(zip(m.theta, m.theta0))
    vals = [sp.simplify(m.f.subs(at).subs(x, xi)) for xi, _ in m.data]
    return HypothesisResult(all(v == 0 for v in vals), "exact", f"f̄_θ⁰(x⁽ⁱ⁾) = {vals}")


def model(name, f, theta, theta0, data, what, breaks):
    member(name, "model", Model(f, tuple(theta), tuple(theta0), tuple(data)), what, breaks)


b = sp.Rational(1, 2)
model("x(θ + βθ²), β = 1/2 (Remark 8.31's toy)", x * (t1 + b * t1**2), [t1], [0], [(1, 1)],
      "the chapter's toy: σ̄ = 1, β̄ = 2β, f̄_θ⁰ = 0", "nothing: the scaling argument's own example")
model("θ² at θ⁰ = 0", x * t1**2, [t1], [0], [(1, 1)], "σ̄ = 0: the gradient vanishes at θ⁰",
      "β/σ² = (β̄/σ̄²)/α (0/0); 'parameters move ∝ 1/α' (GD never leaves θ⁰)")
model("θ₂ tanh(θ₁x) (both layers trained)", t2 * sp.tanh(t1 * x), [t1, t2], [sp.Rational(1, 2), sp.Rational(1, 2)],
      [(1, 1), (2, -1)], "a two-layer net with both layers trained: ∂²f̄/∂θ₁² = −2θ₂x² tanh·sech² grows with θ₂",
      "β̄ < ∞ ('β̄ the Lipschitz parameter of ∇f̄' is infinite for every α)")
model("1/2 + θ + θ²/10 (f̄_θ⁰ ≠ 0)", b + x * t1 + x * t1**2 / 10, [t1], [0], [(1, 1)],
      "σ̄ = 1, β̄ = 1/5, but f̄_θ⁰ = 1/2 ≠ 0", "'parameters move ∝ 1/α': αf̄_θ⁰ = α/2 must be undone, θ moves O(1)")
model("sin(θ) x (bounded curvature)", x * sp.sin(t1), [t1], [0], [(1, 1)], "σ̄ = 1, β̄ = 1, f̄_θ⁰ = 0",
      "nothing (a smooth non-polynomial baseline)")
model("θ₁θ₂x (two linear layers)", x * t1 * t2, [t1, t2], [1, 0], [(1, 1)],
      "a two-layer linear network a·w·x at (a, w) = (1, 0): f̄_θ⁰ = 0, Φ̄ = [[0, 1]] (σ̄ = 1), a constant Hessian "
      "[[0, x], [x, 0]] with off-diagonal entries (β̄ = |x| = 1); the remainder x·Δθ₁Δθ₂ attains (β̄/2)‖Δθ‖² along the "
      "diagonal Δθ₁ = Δθ₂, not along an axis",
      "Taylor-remainder constants checked only along coordinate directions (|f̄ − ḡ| = 0 on both axes); readings that "
      "need a diagonal Hessian")
model("erf net m = 2 (8.78), first layer", (sp.erf(t1 * x) - sp.erf(t2 * x)) / sp.sqrt(2), [t1, t2],
      [sp.Rational(1, 2), sp.Rational(1, 2)], [(1, 1)], "the chapter's network with a = (1, −1), symmetric init",
      "nothing: σ̄ > 0, β̄ < ∞ (σ'' bounded), f̄_θ⁰ = 0")
model("θx (linear; the chapter's ḡ of (8.75))", x * t1, [t1], [0], [(1, 1)],
      "the linearisation of Remark 8.31's toy, itself a model: σ̄ = τ̄ = 1, β̄ = 0, f̄_θ⁰ = 0 (second reader R5)",
      "'GD with η ∝ 1/α²' when no constant is named: GD (8.134) θ ← θ − ηα(αθ − 1) with η = 3/α² gives "
      "αθ_t = 1 − (−2)^t exactly at every α (any η = c/α² with c > 2 diverges)")
model("1/2 + θ + θ² (f̄_θ⁰ ≠ 0, no zero-loss point)", b + x * (t1 + t1**2), [t1], [0], [(1, 1)],
      "σ̄ = 1, β̄ = 2, so β/σ² = 2/α → 0; but f̄ − 1/4 = (2θ + 1)²/4 ≥ 0 (second reader R5)",
      "uses of β/σ² → 0 that need the initial output O(1): for α > 4 every θ has L̂(αf̄) ≥ (α/4 − 1)² "
      "(Theorem 8.33's conclusion fails), the linearised minimiser lies at distance → 1/2 (not O(1/α)) and "
      "|αf̄ − αḡ| there grows like α/4")
model("θ + 2θ² (Remark 8.31's toy, β = 2)", x * (t1 + 2 * t1**2), [t1], [0], [(1, 1)],
      "the chapter's toy with β = 2: σ̄ = 1, β̄ = 4, f̄_θ⁰ = 0 (second reader R5)",
      "step constants near the linear limit at moderate α: η = 1.9/(α²τ̄²) leaves a 2-cycle at α = 10 and 100 "
      "(the local τ² at the minimiser, α²(1 + 4θ*)², exceeds 2/η), while c ≤ 1 converges for α ≥ 10")
