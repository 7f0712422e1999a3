"""Footnote 2's readings for the ReLU network (8.78) decided on the inputs of one bank data set (issue 18).

f_θ(x) = (1/√m)Σᵢ aᵢ relu(wᵢᵀx), g_θ its linearisation at θ⁰ (σ'(0) = 0).  Per neuron, with u = wᵢ⁰ᵀx and δ = Δwᵢᵀx,
r(u, δ) = relu(u + δ) − relu(u) − 1[u > 0]δ, and f_θ(x) − g_θ(x) = (1/√m)Σᵢ aᵢ r(uᵢ, δᵢ).

- 'flips' (every initialisation): |r| ≤ |δ|·1[|u| ≤ |δ|] by the four sign cases; decided exactly at rational (u, δ)
  on every input x of the member: u ∈ {0, ±δ/2, ±δ, ±2δ} (on the kink, inside, on the edge and outside the flip
  region), Δwᵢ = t·x (δ = t‖x‖²), t ∈ {1/1000, 1/10, 1, 3}.  Its mutants 'linear' (f = g) and 'every-init'
  (|f − g| ≤ c‖Δθ‖²/√m) fall exactly on a neuron at u = δ/2 with δ < 0 (r = |δ|/2, first order in ‖Δθ‖).
- 'expected' (θ⁰ Gaussian, Δθ independent of it): for one neuron, u ∼ N(0, ‖x‖²) and
  E|r| = ∫₀^{|δ|}(|δ| − u)φ_{‖x‖}(u)du = |δ|(Φ(|δ|/‖x‖) − ½) − ‖x‖(1 − e^{−δ²/2‖x‖²})/√(2π) (SymPy, checked by
  differentiation) ≤ δ²/(2√(2π)‖x‖) (the density is at most its value at 0), and |δ| ≤ ‖Δwᵢ‖‖x‖, so
  E|f − g| ≤ (1/√m)ΣE|rᵢ| ≤ ‖x‖‖Δθ‖²/(2√(2π)√m) ≤ c‖x‖‖Δθ‖²/√m for c ≥ 1/(2√(2π)), every m, x, Δθ — a proof; with Δθ in
  one neuron along x the gap is exactly E|r₁|/√m, which decides a smaller constant or a faster rate (at the check's
  width m = 100), the closed form evaluated at 50 digits.
"""
from __future__ import annotations

from functools import lru_cache

import mpmath
import sympy as sp

from verify.engine.claim import Outcome, Proof

_T = (sp.Rational(1, 1000), sp.Rational(1, 10), sp.Integer(1), sp.Integer(3))
_M = 100  # the width of prose_relu's check, where a rate is decided


def relu(v):
    return v if v > 0 else sp.Integer(0)


def r_gap(u, d):
    """relu(u + δ) − relu(u) − 1[u > 0]δ, exact (σ'(0) = 0)."""
    return relu(u + d) - relu(u) - (d if u > 0 else 0)


@lru_cache(maxsize=1)
def expected_gap_form():
    """(E|r| as a SymPy expression in δ > 0, s = ‖x‖ > 0; whether d/dδ of it equals ∫₀^δ φ_s (checked))."""
    d, s, u = sp.symbols("delta s u", positive=True)
    phi = sp.exp(-u**2 / (2 * s**2)) / (s * sp.sqrt(2 * sp.pi))
    form = d * (sp.erf(d / (s * sp.sqrt(2))) / 2) - s * (1 - sp.exp(-d**2 / (2 * s**2))) / sp.sqrt(2 * sp.pi)
    # E|r| = ∫₀^δ (δ − u)φ_s(u)du: both vanish at δ = 0 and have the same δ-derivative ∫₀^δ φ_s = erf(δ/(s√2))/2
    ok = sp.simplify(sp.diff(form, d) - sp.erf(d / (s * sp.sqrt(2))) / 2) == 0 and form.subs(d, 0) == 0
    ok = ok and sp.simplify(sp.integrate(phi, (u, 0, d)) - sp.erf(d / (s * sp.sqrt(2))) / 2) == 0
    return form, d, s, ok


def _const(c: float):
    """The statement's constant, exact when it is √(2/π) or 1/(2√(2π)) (floats in the dataclass)."""
    for k in (sp.sqrt(2 / sp.pi), 1 / (2 * sp.sqrt(2 * sp.pi))):
        if abs(c - float(k)) < 1e-15:
            return k
    return sp.nsimplify(c)


def _rows(member):
    return [tuple(sp.nsimplify(v) for v in r) for r in member.obj["X"] if any(v != 0 for v in r)]


def decide_flips(stmt, member, ctx) -> Outcome:
    """'flips' / 'linear' / 'every-init' on every input of the member: exact rational cases."""
    c = _const(stmt.c)
    n = 0
    for x in _rows(member):
        nx2 = sum(v * v for v in x)
        for t in _T:
            for sgn in (1, -1):
                d = sgn * t * nx2  # Δw₁ = ±t·x: δ = ±t‖x‖², ‖Δθ‖² = t²‖x‖² (one neuron moved)
                nth2 = t**2 * nx2
                for u in (0, d / 2, -d / 2, d, -d, 2 * d, -2 * d):
                    r = r_gap(u, d)
                    n += 1
                    if stmt.kind == "flips":
                        bound, gap = (abs(d) if abs(u) <= abs(d) else 0), abs(r)  # per neuron; (1/√m) on both sides
                    elif stmt.kind == "linear":
                        bound, gap = sp.Integer(0), abs(r)
                    else:  # every-init, per neuron times √m: |r| ≤ c‖Δθ‖²·m^(½ − power)
                        bound, gap = c * nth2 * sp.Integer(_M) ** (sp.Rational(1, 2) - sp.nsimplify(stmt.m_power)), abs(r)
                    if bool(gap > bound):
                        ce = {"data": member.name, "x": [str(v) for v in x], "u = w₁⁰ᵀx": str(u), "δ = Δw₁ᵀx": str(d),
                              "‖Δθ‖²": str(nth2), "√m·|f − g|": str(gap), "√m·bound": str(bound),
                              "network": "(8.78) ReLU, Δθ in neuron 1 only (Δw₁ ∥ x), every m"}
                        return Outcome(False, ["exact"], n, None, ce, strength="exact", sizes=[member.name],
                                       proof=[Proof("exact", "rational (u, δ) where the bound fails", ce, member.name,
                                                    "sign cases")])
    if stmt.kind == "flips":
        return Outcome(True, ["exact"], n, None, strength="exact", sizes=[member.name],
                       notes=[f"{n} exact cases on {len(_rows(member))} inputs; the bound |r| ≤ |δ|·1[|u| ≤ |δ|] is the "
                              "four sign cases of (u, u + δ), for every initialisation"],
                       proof=[Proof("exact", "sign cases: r = 0 without a flip; a flip needs |u| ≤ |δ|, then |r| ≤ |δ|",
                                    None, member.name, "sign cases")])
    return Outcome(None, notes=[f"no exact case broke the {stmt.kind} bound at {n} cases: undecided"])


def decide_expected(stmt, member, ctx) -> Outcome:
    """'expected': E_θ⁰|f_θ(x) − g_θ(x)| ≤ c‖x‖‖Δθ‖²/m^power on every input of the member."""
    form, dd, ss, ok_form = expected_gap_form()
    if not ok_form:
        return Outcome(None, notes=["the closed form of E|r| did not verify"])
    c = _const(stmt.c)
    p = sp.nsimplify(stmt.m_power)
    sharp = 1 / (2 * sp.sqrt(2 * sp.pi))
    worst = None
    with mpmath.workdps(50):
        for x in _rows(member):
            nx2 = sum(v * v for v in x)
            s = sp.sqrt(nx2)
            for t in _T:
                d = t * nx2
                eg = form.subs({dd: d, ss: s})  # E|r₁| for Δw₁ = t·x, u ~ N(0, ‖x‖²); E|f − g| = E|r₁|/√m exactly
                lhs = mpmath.mpf(str(sp.N(eg / sp.sqrt(_M), 50)))
                rhs = mpmath.mpf(str(sp.N(c * s * t**2 * nx2 / sp.Integer(_M) ** p, 50)))
                ratio = lhs / rhs
                if worst is None or ratio > worst[0]:
                    worst = (ratio, x, t)
                if lhs > rhs * (1 + mpmath.mpf(10) ** -30):
                    ce = {"data": member.name, "x": [str(v) for v in x], "Δθ": f"Δw₁ = {t}·x, the other neurons fixed",
                          "m": _M, "E|f − g| (closed form, 50 digits)": mpmath.nstr(lhs, 12),
                          "bound": mpmath.nstr(rhs, 12)}
                    return Outcome(False, ["symbolic", "mpmath"], 1, None, ce, strength="certified", sizes=[member.name],
                                   proof=[Proof("interval", "E|r₁| in closed form (erf, exp), 50 digits, against the bound",
                                                ce, member.name, "closed form")])
    if p <= sp.Rational(1, 2) and bool(c >= sharp):
        return Outcome(True, ["symbolic", "mpmath"], 1, None, strength="certified", sizes=[member.name],
                       notes=[f"E|r| = ∫₀^|δ|(|δ| − u)φ_‖x‖ ≤ δ²/(2√(2π)‖x‖) ≤ ‖Δwᵢ‖²‖x‖/(2√(2π)), so E|f − g| ≤ "
                              f"‖x‖‖Δθ‖²/(2√(2π)√m) ≤ c‖x‖‖Δθ‖²/√m (c = {c} ≥ 1/(2√(2π))) for every m, x, Δθ "
                              f"independent of θ⁰; largest E|f − g|/bound at one neuron along x: "
                              f"{mpmath.nstr(worst[0], 6)} (t = {worst[2]}), → (1/(2√(2π)))/c as t → 0"],
                       proof=[Proof("symbolic", "closed form of E|r| (checked by differentiation) and its Gaussian "
                                    "density bound", str(form), member.name, "closed form")])
    return Outcome(None, notes=[f"c = {c}, rate m^{p}: no break at the one-neuron Δθ; not the proof's case: undecided"])


def decide_sup(stmt, member, ctx) -> Outcome:
    """'sup' ((8.70)'s role): E_θ⁰ sup_{‖Δθ‖≤r}|f − g| ≤ c‖x‖r^a/m^b on every input of the member — the mean of the exact
    sup (prose_relu._sup_gap) over 200 seeded symmetric initialisations at m ∈ {10², 10⁴}, r ∈ {0.1, 1, 3}; broken when
    the mean's 99% interval lies above the bound, held when below everywhere, else undecided (sampled)."""
    import numpy as np

    from verify.chapter8.claims.prose_relu import _sup_gap

    rng = ctx.rng(f"relu-sup:{member.name}")
    undecided, worst = [], None
    for x in _rows(member)[:2]:
        nx = float(sp.sqrt(sum(v * v for v in x)))
        for m in (10**2, 10**4):
            for r in (0.1, 1.0, 3.0):
                sups = np.array([_sup_gap(nx * rng.standard_normal(m // 2), r * nx, m)[0] for _ in range(200)])
                mean, half = float(sups.mean()), 2.58 * float(sups.std(ddof=1)) / np.sqrt(200)
                bound = float(stmt.c) * nx * r**stmt.r_power / m**stmt.m_power
                if mean - half > bound:
                    ce = {"data": member.name, "x": [str(v) for v in x], "m": m, "r": r,
                          "E sup |f − g| (200 draws)": round(mean, 6), "99% half-width": round(half, 6),
                          "bound": round(bound, 6)}
                    return Outcome(False, ["adversary bank", "sampling"], 200, None, ce, strength="sampled")
                if mean + half >= bound:
                    undecided.append((m, r))
                worst = max(worst or 0.0, (mean + half) / bound)
    if undecided:
        return Outcome(None, notes=[f"{member.name}: the 99% interval meets the bound at (m, r) = {undecided}"])
    return Outcome(True, ["adversary bank", "sampling"], 200, None, strength="sampled", sizes=[member.name],
                   notes=[f"{member.name}: E sup below the bound at every (m, r) (largest upper end/bound "
                          f"{worst:.3g})"])


def decide_footnote2(stmt, member, ctx) -> Outcome:
    """Footnote 2: both readings (the flip bound for every initialisation, the bound in expectation — for a fixed Δθ,
    or over the ball in (8.70)'s role)."""
    a = decide_flips(stmt.exact, member, ctx)
    if a.holds is not True:
        return a
    b = decide_relu(stmt.expected, member, ctx)
    if b.holds is not True:
        return b
    return a.merge(b)


def decide_relu(stmt, member, ctx) -> Outcome:
    """prose_relu's ReluGap on one data set: 'expected' by the closed form, the other kinds by exact cases."""
    if stmt.kind == "sup":
        return decide_sup(stmt, member, ctx)
    return decide_expected(stmt, member, ctx) if stmt.kind == "expected" else decide_flips(stmt, member, ctx)
