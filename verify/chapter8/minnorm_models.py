"""remark:8.26 on the model bank (second reader T2, 2026-12-07): the ball of radius √n·max|y|/σ around θ⁰ and the
minimiser of L̂(g_θ) nearest θ⁰, for the α-scaled models αf̄ of §8.4.1 at α = 10, 100, 1000.

g_θ = f_θ⁰ + ⟨∇f_θ⁰, Δθ⟩ ((8.54)) with Φ = αΦ̄ (rows ∇_θ f̄_θ⁰(x⁽ⁱ⁾)): its zero-loss points nearest θ⁰ are
θ⁰ + Φ⁺r with r = y − αf̄_θ⁰ (the initial output kept, MinNorm(init_output=True)) or r = y (Definition 8.24's
f_θ⁰ ≡ 0: the model centred, MinNorm()). The decide compares ‖Φ⁺r‖² = rᵀ(ΦΦᵀ)⁻¹r with n·max|y|²/σ², σ² = λ_min(ΦΦᵀ):
exactly (SymPy) for one data point; for several, ΦΦᵀ's entries and eigenvalues are evaluated at 60 digits and a
margin below 10⁻³⁰ is reported undecided (n/a), never held.
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries import Class
from verify.engine.claim import Outcome

MODEL_SIGMA = Class("a model f̄_θ with σ̄ > 0 (Φ̄ of full row rank), scaled to αf̄", "model", ("σ̄ > 0",),
                    "remark:8.26's hypothesis rank Φ = n on the α-scaled models of §8.4.1 (β plays no role)")
ALPHAS = (10, 100, 1000)


def decide_ball(stmt, member, ctx) -> Outcome:
    from numeric.adversaries.models import x

    m = member.obj
    at = dict(zip(m.theta, m.theta0))
    F = m.features()
    n = F.rows
    ys = sp.Matrix([sp.nsimplify(y) for _, y in m.data])
    f0 = sp.Matrix([sp.simplify(m.f.subs(at).subs(x, xi)) for xi, _ in m.data])
    ymax2 = max(v**2 for v in ys)
    rows, bad = [], None
    for a in ALPHAS:
        Phi = a * F
        K = Phi * Phi.T
        r = ys - a * f0 if stmt.init_output else ys
        if n == 1:
            sq = sp.simplify(r[0] ** 2 / K[0, 0])
            s2 = sp.simplify(K[0, 0])
            lhs, rhs = sp.simplify(sq * s2), sp.nsimplify(stmt.const) ** 2 * n * ymax2
            diff = sp.simplify(rhs - lhs)
            sign = 1 if diff.is_nonnegative else -1 if diff.is_negative else None
            if sign is None:
                sign = 1 if sp.N(diff, 60) >= 0 else -1
        else:
            import mpmath as mp

            with mp.workdps(60):
                Kn = mp.matrix([[mp.mpf(str(sp.N(K[i, j], 70))) for j in range(n)] for i in range(n)])
                rn = mp.matrix([mp.mpf(str(sp.N(v, 70))) for v in r])
                sq = (rn.T * mp.inverse(Kn) * rn)[0]
                s2 = min(mp.eigsy(Kn)[0])
                diff = mp.mpf(stmt.const) ** 2 * n * mp.mpf(str(ymax2)) - sq * s2
                if abs(diff) < mp.mpf("1e-30"):
                    return Outcome(None, ["sampled at 60 digits"], 0, notes=[f"α = {a}: margin {diff} too small"])
                sign = 1 if diff > 0 else -1
                sq, s2 = sp.Float(str(sq), 30), sp.Float(str(s2), 30)
        ratio = sp.sqrt(sq * s2 / (n * ymax2))
        rows.append(f"α = {a}: ‖Φ⁺r‖/(√n·max|y|/σ) = {sp.N(ratio, 6)}")
        if sign < 0 and bad is None:
            bad = {"model": member.name, "alpha": a, "initial output kept": bool(stmt.init_output),
                   "||Phi^+ r||^2": str(sp.N(sq, 12)), "(sqrt(n) max|y| / sigma)^2": str(sp.N(n * ymax2 / s2, 12)),
                   "ratio": str(sp.N(ratio, 6))}
    what = "r = y − αf̄_θ⁰ (initial output kept)" if stmt.init_output else "r = y (Def. 8.24: f_θ⁰ ≡ 0, centred)"
    return Outcome(bad is None, ["symbolic"], len(ALPHAS), None, bad, strength="exact" if n == 1 else "sampled",
                   sizes=[f"n = {n}, p = {F.cols}"], notes=[f"{what}; f̄_θ⁰ on the data = {list(f0)}; " + "; ".join(rows)])
