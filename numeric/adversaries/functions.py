"""Smooth functions f: ℝ → ℝ and f: ℝ² → ℝ for the statements of §8.1–8.2 (and a few of §8.3).

Each member is a SymPy expression (in ``x``, or ``x, y``); piecewise members glue analytic pieces
whose derivatives agree to every order checked.  Hypotheses: ``C²``, ``bounded below``, ``has a local
minimum``, ``ℓ-smooth`` (sup |f''| < ∞ on ℝ), ``coercive`` (f → ∞ as |x| → ∞).
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.bounds import bounded, le_everywhere
from numeric.adversaries.core import HYPOTHESES, HypothesisResult, hyp, member

x, y = sp.symbols("x y", real=True)

# C∞ but not analytic: every derivative vanishes at 0
FLAT = sp.Piecewise((sp.exp(-1 / x**2), sp.Ne(x, 0)), (0, True))
FLAT_ODD = sp.Piecewise((sp.sign(x) * sp.exp(-1 / x**2), sp.Ne(x, 0)), (0, True))
# f(x) = ∫₀^|x| exp(−1/t²) dt: convex, C∞, a unique (global) minimum at 0 flatter than any polynomial, |f'| < 1,
# f'' ≤ 2(3/2)^{3/2}e^{−3/2}; closed form on x > 0: x·exp(−1/x²) − √π·erfc(1/x) (its derivative is exp(−1/x²))
_FLAT_CONVEX_POS = x * sp.exp(-1 / x**2) - sp.sqrt(sp.pi) * sp.erfc(1 / x)
FLAT_CONVEX = sp.Piecewise((sp.Abs(x) * sp.exp(-1 / x**2) - sp.sqrt(sp.pi) * sp.erfc(1 / sp.Abs(x)), sp.Ne(x, 0)),
                           (0, True))
_EVEN = {FLAT: sp.exp(-1 / x**2), FLAT_CONVEX: _FLAT_CONVEX_POS}  # even piecewise members: their formula on x > 0


def _branch(f):
    """(formula, domain, even): an even piecewise member is decided on x > 0 by its formula there (|f'| and f''
    are even, so the negative side mirrors it); every other member on ℝ."""
    if f in _EVEN:
        return _EVEN[f], sp.Interval.open(0, sp.oo), True
    if isinstance(f, sp.Piecewise):
        return f.args[0][0].subs(sp.sign(x), 1), sp.Interval.open(0, sp.oo), False
    return f, sp.S.Reals, False


def _pieces_c2(f) -> HypothesisResult:
    """A Piecewise glued at 0: each derivative up to order 4 has the same limit from both sides as the value."""
    if f in _EVEN or f == FLAT_ODD:  # even/odd: f^(k)(0−) = ±f^(k)(0+), so the right limits decide
        g = _EVEN.get(f, sp.exp(-1 / x**2))
        lr = [sp.limit(sp.diff(g, x, k), x, 0, "+") for k in range(5)]
        ok = all(v == 0 for v in lr)
        return HypothesisResult(ok, "proved", f"{'odd' if f == FLAT_ODD else 'even'}; f^(k)(0+) = {lr} for k ≤ 4 (C⁴, "
                                "C∞ by the same limit for every k)")
    for k in range(0, 5):
        g = sp.diff(f.args[0][0], x, k)
        lr = [sp.limit(g, x, 0, dirn) for dirn in ("+", "-")]
        if any(v != 0 for v in lr):
            return HypothesisResult(False, "proved", f"f^({k}) → {lr} at 0")
    return HypothesisResult(True, "proved", "analytic off 0; f^(k) → 0 from both sides at 0 for k ≤ 4 (C⁴, and C∞ by "
                                            "the same limit for every k)")


@hyp("fn1", "C²")
def _c2(f):
    if isinstance(f, sp.Piecewise):
        return _pieces_c2(f)
    f2 = sp.diff(f, x, 2)
    dom = sp.calculus.util.continuous_domain(f2, x, sp.S.Reals)
    return HypothesisResult(dom == sp.S.Reals, "proved", f"f'' = {sp.simplify(f2)} continuous on {dom}")


@hyp("fn1", "bounded below")
def _below(f):
    if f is FLAT_CONVEX or f == FLAT_CONVEX:
        return HypothesisResult(True, "proved", "f' = sign(x)·exp(−1/x²) has the sign of x and f(0) = 0, so f ≥ 0")
    if isinstance(f, sp.Piecewise):  # the flat members: exp(−1/x²) ∈ [0, 1)
        return HypothesisResult(True, "proved", "exp(−1/x²) ∈ [0, 1), so f ≥ −1")
    return le_everywhere(-f, x, 10**6, "−f")


@hyp("fn1", "ℓ-smooth")
def _smooth(f):
    if isinstance(f, sp.Piecewise):  # |f''| is even for the flat members: its formula on x > 0 decides
        return bounded(sp.diff(_branch(f)[0], x, 2), x, "f''")
    return bounded(sp.diff(f, x, 2), x, "f''")


@hyp("fn1", "has a local minimum")
def _hasmin(f):
    g = f.args[0][0] if isinstance(f, sp.Piecewise) else f
    if f in (FLAT, FLAT_CONVEX):
        return HypothesisResult(True, "proved", "f(0) = 0 ≤ f")
    crit = sp.solveset(sp.diff(g, x), x, sp.S.Reals)
    if isinstance(crit, sp.FiniteSet):
        for c in crit:
            k, dk = 2, sp.diff(g, x, 2).subs(x, c)
            while dk == 0 and k < 8:
                k += 1
                dk = sp.diff(g, x, k).subs(x, c)
            if k % 2 == 0 and dk > 0:
                return HypothesisResult(True, "proved", f"x = {c}: first nonzero derivative f^({k}) = {dk} > 0")
        return HypothesisResult(False, "proved", f"critical points {sorted(crit, key=float)}: none is a minimum")
    if crit == sp.S.EmptySet:
        return HypothesisResult(False, "proved", "f' has no real zero")
    return HypothesisResult(False, "proved", f"critical set {crit} not finite: undecided (treated as not holding)")


@hyp("fn1", "coercive")
def _coercive(f):
    g, _dom, even = _branch(f)
    lims = [sp.limit(g, x, s) for s in ((sp.oo, sp.oo) if even else (sp.oo, -sp.oo))]
    return HypothesisResult(all(v == sp.oo for v in lims), "proved", f"limits at ±∞: {lims}")


def fn1(name, f, what, breaks):
    member(name, "fn1", f, what, breaks)


fn1("x²/2", x**2 / 2, "the nondegenerate baseline", "nothing: a sanity member every statement should survive")
fn1("x⁴", x**4, "degenerate minimum of order 4 (f'' = 0 there)", "linear rates to the minimum; strict-saddle γ from β")
fn1("x⁶ − x⁴ ... (x²−1)²/4", (x**2 - 1) ** 2 / 4, "double well, strict saddle at 0", "nothing for GD from a generic start")
fn1("x³", x**3, "degenerate critical point of order 3, not an extremum", "'∇f = 0 and ∇²f ⪰ 0 ⇒ local min'")
fn1("x⁵", x**5, "degenerate critical point of order 5", "second-order tests of any order below 5")
fn1("x⁴/4 + x³/3", x**4 / 4 + x**3 / 3, "degenerate saddle at 0 that GD from (0, 2.5] cannot leave",
    "'GD finds a local minimum' without strict saddles")
fn1("x⁴ − 4x² + x", x**4 - 4 * x**2 + x, "Figure 8.2's shape: a spurious local minimum",
    "'GD finds the global minimum'")
fn1("exp(−1/x²) (flat minimum)", FLAT, "C∞, not analytic: every derivative vanishes at the minimum 0",
    "polynomial-time convergence to ε-close (GD needs ~e^{1/ε²} steps); 'higher-order derivatives decide'")
fn1("sign(x)·exp(−1/x²) (flat inflection)", FLAT_ODD, "C∞ flat critical point that is not an extremum",
    "'higher-order derivatives decide'; strict-saddle readings at flat points")
fn1("log(1 + x²)", sp.log(1 + x**2), "grows more slowly than any linear function; gradient → 0 at ∞",
    "strict-saddle α at infinity; rates from far starts")
fn1("√(1 + x²)", sp.sqrt(1 + x**2), "grows linearly, |f'| < 1: GD from far away needs ~|x₀|/η steps",
    "time bounds that ignore the start (poly(1/δ, 1/τ₀, d) in Theorem 8.6)")
fn1("x²/(1 + x²)", x**2 / (1 + x**2), "bounded, not coercive, a global minimum at 0, its only critical point (no "
    "saddle); strict-saddle for no triple: f' = 2x/(1 + x²)² → 0 and f'' = (2 − 6x²)/(1 + x²)³ → 0⁻ as x → ∞ (for "
    "(1/10, 1/10, 1): x = 3, |f'| = 3/50, f'' = −13/250) — the same obstruction as 1 − exp(−x²) (second reader R1: "
    "'all saddles strict' does not give the strict-saddle condition)",
    "arguments that need coercivity or sublevel-set compactness; 'no non-strict saddle ⇒ strict-saddle'")
fn1("x (linear)", x, "no critical point, unbounded below: strict-saddle with any α ≤ 1, vacuously",
    "'therefore optimizers reach a global minimum' (there is none)")
fn1("−x²/2", -x**2 / 2, "concave: strict saddle everywhere, no minimum, unbounded below", "the same")
fn1("eˣ", sp.exp(x), "convex, bounded below, no minimiser", "'GD can find a global minimum for convex functions'")
fn1("cos(x)", sp.cos(x), "infinitely many strict minima and maxima", "finiteness of the critical set")
fn1("(C/2)x², C = 10⁴", 5000 * x**2, "ℓ-smooth with a large ℓ", "any fixed step size (η > 2/ℓ diverges)")

fn1("∫₀^|x| exp(−1/t²) dt (flat convex minimum)", FLAT_CONVEX,
    "convex, ℓ-smooth (ℓ = 2(3/2)^{3/2}e^{−3/2} ≈ 0.82), ρ-Hessian-Lipschitz, |f'| < 1, bounded below, a unique "
    "global minimum at 0 flatter than any polynomial; (1/10, β, 1/√ln 10)-strict-saddle for every β (second reader, "
    "§8.1–8.2)",
    "ε-closeness in poly(1/ε): every GD step inside |x| ≤ 2ε moves < η·e^{−1/(4ε²)}, so T(ε) ≥ ε·e^{1/(4ε²)}/η "
    "(Theorem 8.5 printed and corrected to ε-close without local strong convexity; the 'therefore')")
fn1("−x·exp(−x²)", -x * sp.exp(-x**2), "its only local minimum 1/√2 is global, yet f → 0 = sup-side at −∞ and GD "
    "(η = 1/2) from x₀ = −1 runs off to −∞ (x ≈ −4 after 10⁵ steps, f ≈ 0) (second reader)",
    "'GD finds a local minimum' as a premise of the basic idea: all local minima global does not make GD find one")
fn1("x⁴/(1 + x²)", x**4 / (1 + x**2), "globally ℓ-smooth (ℓ ≤ 19/4) and ρ-Hessian-Lipschitz, coercive, a unique minimum 0 "
    "with f''(0) = 0 (not strongly convex there) but |f'| ≥ |x|³ near it: a Hölder error bound with θ = 1/3 "
    "(second reader, §8.1–8.2: GD with step 1/ℓ reaches ε-close in ≈ 0.31/ε² steps)",
    "'ε-close needs local strong convexity' (it is sufficient, not necessary); statements that exclude every "
    "degenerate minimum")
fn1("½(x² − 4)² (PCA, d = 1, M = 4)", (x**2 - 4) ** 2 / 2, "the PCA objective ½(M − x²)² in one dimension: coercive "
    "quartic, minima ±2, strict saddle 0 (f'' = −8); f'' = 6x² − 8 unbounded (second reader: the chapter's quartic "
    "objectives — PCA, matrix completion, linear networks — are not globally ℓ-smooth)",
    "corrections that ask for global ℓ-smoothness / ρ-Hessian-Lipschitz (they exclude it); a fixed step from far")
fn1("(3/2)x²", sp.Rational(3, 2) * x**2, "ℓ = 3: in the same strict-saddle class as x²/2",
    "a step chosen from (d, α, β, γ, ε) only: η = 1 > 2/ℓ diverges")


# --- witnesses of the strict-saddle condition and of Theorem 8.6's hypothesis (checked, never assumed) -----------
def _minima(f) -> list:
    """The local minima of a member, exact (empty when there is none or they are not found exactly)."""
    if f in (FLAT, FLAT_CONVEX):
        return [sp.Integer(0)]
    g = f.args[0][0] if isinstance(f, sp.Piecewise) else f
    if g.is_polynomial(x) and sp.Poly(g, x).degree() > 1:
        crit = sp.FiniteSet(*sp.Poly(sp.diff(g, x), x).real_roots())
    else:
        crit = sp.solveset(sp.diff(g, x), x, sp.S.Reals)
    out = []
    if isinstance(crit, sp.FiniteSet):
        for c in crit:
            k, dk = 2, sp.diff(g, x, 2).subs(x, c)
            while dk == 0 and k < 8:
                k += 1
                dk = sp.diff(g, x, k).subs(x, c)
            if k % 2 == 0 and dk > 0:
                out.append(c)
    return sorted(out, key=float)


_R = sp.Rational
# (α, β, γ) for which the member is claimed strict-saddle: the hypothesis checks it exactly
STRICT_SADDLE = {
    x**2 / 2: (_R(1, 2), 1, _R(1, 2)),
    x**4: (_R(1, 2), 1, _R(1, 2)),
    (x**2 - 1) ** 2 / 4: (_R(1, 10), _R(1, 2), _R(1, 5)),
    x**4 - 4 * x**2 + x: (_R(1, 2), 1, _R(1, 2)),
    sp.sqrt(1 + x**2): (_R(1, 2), 1, 1 / sp.sqrt(3)),
    x: (1, 1, 1),
    -x**2 / 2: (1, 1, 1),
    5000 * x**2: (_R(1, 2), 1, _R(1, 2)),
    _R(3, 2) * x**2: (_R(1, 2), 1, _R(1, 2)),
    FLAT_CONVEX: (_R(1, 10), 1, _R(2, 3)),  # {|f'| < 1/10} = |x| < 1/√ln 10 ≈ 0.659
    x**4 / (1 + x**2): (_R(1, 3), 1, _R(1, 2)),
    (x**2 - 4) ** 2 / 2: (1, 1, _R(1, 4)),
}
# (ε₀, τ₀, c) for Theorem 8.6's hypothesis: ‖∇f‖ ≤ ε < ε₀ and ∇²f ⪰ −τ₀ ⇒ ε^c-close to a global minimum
THM86 = {
    x**2 / 2: (_R(1, 2), _R(1, 2), _R(1, 2)),
    x**4: (_R(1, 2), 1, _R(1, 3)),
    (x**2 - 1) ** 2 / 4: (_R(1, 4), _R(1, 2), _R(1, 2)),
    sp.sqrt(1 + x**2): (_R(1, 2), 1, _R(1, 2)),
    x: (_R(1, 2), 1, _R(1, 2)),
    -x**2 / 2: (_R(1, 2), _R(1, 2), _R(1, 2)),
    5000 * x**2: (_R(1, 2), 1, _R(1, 2)),
    _R(3, 2) * x**2: (_R(1, 2), 1, _R(1, 2)),
    FLAT_CONVEX: (_R(1, 2), 1, _R(1, 2)),  # declared so that the check refutes it (the minimum is flat)
    x**4 / (1 + x**2): (_R(1, 2), 1, _R(1, 3)),
    (x**2 - 4) ** 2 / 2: (_R(1, 2), 1, _R(1, 2)),
}
# (μ, θ) of a Hölder error bound dist(x, X*) ≤ (|f'(x)|/μ)^θ on the 2γ-ball around each local minimum (a member
# strongly convex there needs none: f'' ≥ κ > 0 gives μ = κ, θ = 1)
ERROR_BOUND = {
    x**4: (2, _R(1, 3)),
    x**4 / (1 + x**2): (1, _R(1, 3)),
}
_PTS = [_R(k, 16) for k in range(-64, 65)] + [_R(s * 10**e) for e in range(1, 4) for s in (-1, 1)]


def _num(e, p):
    try:
        v = complex(sp.N(e.subs(x, p), 30))
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    return v if v == v and abs(v) != float("inf") else None


def _where(e, rel: str, dom):
    """{x ∈ dom : e rel 0} for rel in '<', '<=', '>', '>=': exact real roots and signs for a polynomial e,
    solveset otherwise."""
    if e.is_polynomial(x) and dom == sp.S.Reals:
        p = sp.Poly(sp.expand(e), x)
        if p.degree() <= 0:
            return sp.S.Reals if sp.sympify(f"({p.as_expr()}) {rel} 0") else sp.S.EmptySet
        roots = sorted(set(p.real_roots()), key=lambda r: r.evalf(40))
        q = [r if r.is_Rational else sp.Rational(str(sp.N(r, 50))) for r in roots]
        cuts = [-sp.oo, *roots, sp.oo]
        tests = ([q[0] - 1] if q else [sp.Integer(0)]) + [(a + b) / 2 for a, b in zip(q, q[1:])] + ([q[-1] + 1] if q else [])
        good = lambda v: bool(sp.sympify(f"({v}) {rel} 0"))  # noqa: E731
        parts = [sp.Interval.open(a, b) for a, b, t in zip(cuts, cuts[1:], tests) if good(p.eval(t))]
        if "=" in rel:
            parts.append(sp.FiniteSet(*roots))
        return sp.Union(*parts) if parts else sp.S.EmptySet
    return sp.solveset({"<": e < 0, "<=": e <= 0, ">": e > 0, ">=": e >= 0}[rel], x, dom)


def _undecided(S) -> bool:
    return S.has(sp.ConditionSet) or isinstance(S, sp.ConditionSet)


@hyp("fn1", "strict-saddle", "(α, β, γ)-strict-saddle with the declared witness triple (Definition 8.4)")
def _strict_saddle(f):
    w = STRICT_SADDLE.get(f)
    if w is None:
        return HypothesisResult(False, "proved", "no witness triple declared: not shown strict-saddle")
    a, b, c = (sp.nsimplify(v) for v in w)
    g, dom, even = _branch(f)
    g1, g2 = sp.diff(g, x), sp.diff(g, x, 2)
    mins = _minima(f)
    balls = sp.Union(*[sp.Interval(m - c, m + c) for m in mins]) if mins else sp.S.EmptySet
    for p in _PTS:  # a point off every γ-ball with small gradient and no negative curvature refutes the triple
        if p not in dom or p in balls:
            continue
        v1, v2 = _num(g1, p), _num(g2, p)
        if v1 is not None and v2 is not None and abs(v1) < float(a) and v2.real > -float(b):
            return HypothesisResult(False, "certified", f"at x = {p}: |f'| = {abs(v1):.4g} < α = {a}, f'' = "
                                    f"{v2.real:.4g} > −β = {-b}, farther than γ = {c} from the minima {mins}")
    S1 = _where(g1**2 - a**2, "<", dom)
    S = S1 if not _undecided(S1) and S1.is_subset(balls) else S1.intersect(_where(g2 + b, ">", dom))
    if _undecided(S):
        return HypothesisResult(False, "proved", "{|f'| < α, f'' > −β} not solved exactly: undecided")
    ok = bool(S.is_subset(balls)) if S != sp.S.EmptySet else True
    return HypothesisResult(ok, "proved", f"(α, β, γ) = ({a}, {b}, {c}): {{x{' > 0' if even else ''}: |f'| < α, "
                            f"f'' > −β}} = {S} ⊆ γ-balls around the minima {mins}: {ok}" + (" (even f: the negative "
                            "side mirrors it)" if even else ""))


@hyp("fn1", "ρ-Hessian-Lipschitz", "sup |f'''| < ∞ on ℝ")
def _hess_lip(f):
    return bounded(sp.diff(_branch(f)[0], x, 3), x, "f'''")


def _near_minima_setup(f):
    """The declared strict-saddle triple and the local minima of f, for hypotheses about the 2γ-ball around every
    local minimum; the third value is the result already settled (no triple declared: fails; no minimum: vacuous)."""
    w = STRICT_SADDLE.get(f)
    mins = _minima(f)
    if w is None:
        return w, mins, HypothesisResult(False, "proved", "no strict-saddle triple declared (γ unknown)")
    if not mins:
        return w, mins, HypothesisResult(True, "proved", "no local minimum: holds vacuously")
    return w, mins, None


@hyp("fn1", "strongly convex near its minima", "f'' > 0 on the 2γ-ball around every local minimum (Ge et al. 2015), "
     "γ from the declared strict-saddle triple")
def _local_sc(f):
    w, mins, settled = _near_minima_setup(f)
    if settled is not None:
        return settled
    gam = sp.nsimplify(w[2])
    g, dom, even = _branch(f)
    g2 = sp.diff(g, x, 2)
    for m in mins:
        lo, hi = m - 2 * gam, m + 2 * gam
        if even:  # f'' even: decide on [0, 2γ], at 0 by the limit
            v0 = sp.limit(g2, x, 0, "+")
            if not v0 > 0:
                return HypothesisResult(False, "proved", f"f''(0+) = {v0}: not strongly convex at the minimum 0")
            lo = sp.Integer(0)
        if g2.is_polynomial(x):
            crit = [r for r in sp.Poly(sp.diff(g2, x), x).real_roots() if lo <= r <= hi] + [lo, hi]
            mn = min(g2.subs(x, r) for r in crit)
            if not mn > 0:
                return HypothesisResult(False, "proved", f"min f'' on [{lo}, {hi}] = {mn} ≤ 0")
            continue
        from numeric.adversaries.bounds import _iv_le
        if not _iv_le(-g2, x, -1e-6, float(lo), float(hi)):
            return HypothesisResult(False, "certified", f"f'' ≥ 10⁻⁶ on [{lo}, {hi}] not certified (interval arithmetic)")
    return HypothesisResult(True, "certified", f"f'' > 0 on the 2γ-ball (γ = {gam}) around each of {mins}")


def _lift_on_sublevels(f, glob, name) -> HypothesisResult:
    """A constant on every sublevel set {f ≤ c}: global, or f coercive (the sublevel sets are compact and the
    derivative is continuous)."""
    if glob.holds:
        return HypothesisResult(True, glob.strength, f"globally: {glob.detail}")
    co = _coercive(f)
    if co.holds:
        return HypothesisResult(True, "proved", f"f coercive ({co.detail}): {{f ≤ c}} compact, {name} continuous, so "
                                f"bounded there (its bound grows with c = f(x₀) + 1)")
    return HypothesisResult(False, "proved", f"not globally ({glob.detail}) and not coercive ({co.detail}): not shown")


@hyp("fn1", "ℓ-smooth on sublevel sets", "sup |f''| < ∞ on every {f ≤ c} (ℓ = ℓ(c), c = f(x₀) + 1; the step 1/ℓ there)")
def _smooth_sub(f):
    return _lift_on_sublevels(f, _smooth(f), "f''")


@hyp("fn1", "ρ-Hessian-Lipschitz on sublevel sets", "sup |f'''| < ∞ on every {f ≤ c}")
def _hess_lip_sub(f):
    return _lift_on_sublevels(f, _hess_lip(f), "f'''")


def _flat_at(g, m, even) -> bool:
    u = sp.Symbol("u", positive=True)
    gp = sp.diff(g, x).subs(x, u) if even else sp.diff(g, x).subs(x, m + u)
    return all(sp.limit(gp / u**k, u, 0, "+") == 0 for k in range(1, 7))


@hyp("fn1", "local error bound", "a Hölder error bound dist(x, X*) ≤ (|f'(x)|/μ)^θ, μ > 0, θ ∈ (0, 1], on the "
     "2γ-ball around every local minimum (γ from the declared strict-saddle triple); implied by f'' ≥ κ > 0 there "
     "(θ = 1, μ = κ); fails at a minimum flatter than every power")
def _error_bound(f):
    w, mins, settled = _near_minima_setup(f)
    if settled is not None:
        return settled
    g, dom, even = _branch(f)
    flat = [m for m in mins if _flat_at(g, m, even)]
    if flat:
        return HypothesisResult(False, "proved", f"f'(x* + u)/u^k → 0 (u → 0⁺) for k ≤ 6 at {flat}: |f'| ≥ μ·dist^(1/θ) "
                                "fails near it for every μ > 0 and every θ ≥ 1/6 (and for all θ > 0 by the same limit)")
    sc = _local_sc(f)
    if sc.holds:
        return HypothesisResult(True, sc.strength, f"θ = 1 from local strong convexity: {sc.detail}")
    eb = ERROR_BOUND.get(f)
    if eb is None:
        return HypothesisResult(False, "proved", f"not strongly convex near the minima ({sc.detail}) and no (μ, θ) "
                                "declared: not shown")
    mu, th = (sp.nsimplify(v) for v in eb)
    gam = sp.nsimplify(w[2])
    g1 = sp.diff(g, x)
    for m in mins:
        e = sp.together(g1**2 - mu**2 * (x - m) ** (2 / th))
        num, den = sp.fraction(e)
        if not (num.is_polynomial(x) and den.is_polynomial(x)):
            return HypothesisResult(False, "proved", "f'² − μ²dist^(2/θ) not a rational function: undecided")
        bad = _where(sp.expand(num * den), "<", sp.S.Reals).intersect(sp.Interval(m - 2 * gam, m + 2 * gam))
        if _undecided(bad) or bad != sp.S.EmptySet:
            return HypothesisResult(False, "proved", f"|f'| < {mu}·|x − {m}|^(1/θ), θ = {th}, on {bad}")
    return HypothesisResult(True, "proved", f"(μ, θ) = ({mu}, {th}): |f'|² ≥ μ²|x − x*|^(2/θ) on the 2γ-ball (γ = {gam}) "
                            f"around each of {mins} (exact real roots)")


def global_minima(f) -> list:
    """The global minima of a member (empty when f has none: no local minimum, or f unbounded below)."""
    mins = _minima(f)
    g, dom, even = _branch(f)
    if not mins:
        return []
    vals = [sp.limit(g, x, m, "+") if even else g.subs(x, m) for m in mins]
    if not even and any(sp.limit(g, x, s) == -sp.oo for s in (sp.oo, -sp.oo)):
        return []
    top = min(vals, key=float)
    return [m for m, v in zip(mins, vals) if sp.simplify(v - top) == 0]


@hyp("fn1", "Theorem 8.6's hypothesis", "with the declared (ε₀, τ₀, c): |f'| ≤ ε < ε₀ and f'' ≥ −τ₀ ⇒ ε^c-close to a "
     "global minimum")
def _thm86(f):
    w = THM86.get(f)
    if w is None:
        return HypothesisResult(False, "proved", "no witness (ε₀, τ₀, c) declared: not shown")
    e0, t0, c = (sp.nsimplify(v) for v in w)
    k = 1 / c
    g, dom, even = _branch(f)
    g1, g2 = sp.diff(g, x), sp.diff(g, x, 2)
    glob = global_minima(f)

    def dist_k(p):  # |p − nearest global minimum|^(1/c)
        return min(abs(float(p - m)) for m in glob) ** float(k) if glob else float("inf")

    for p in _PTS:
        if p not in dom:
            continue
        v1, v2 = _num(g1, p), _num(g2, p)
        if v1 is not None and v2 is not None and abs(v1) < float(e0) and v2.real >= -float(t0) \
                and dist_k(p) > abs(v1) * (1 + 1e-12):
            return HypothesisResult(False, "certified", f"at x = {p}: |f'| = {abs(v1):.4g} < ε₀ = {e0}, f'' = "
                                    f"{v2.real:.4g} ≥ −τ₀, distance^(1/c) to the global minima {glob} = {dist_k(p):.4g} "
                                    "> |f'|: not |f'|^c-close")
    S = _where(g1**2 - e0**2, "<", dom).intersect(_where(g2 + t0, ">=", dom))
    if _undecided(S):
        return HypothesisResult(False, "proved", "{|f'| < ε₀, f'' ≥ −τ₀} not solved exactly: undecided")
    if S == sp.S.EmptySet:
        return HypothesisResult(True, "proved", f"(ε₀, τ₀, c) = ({e0}, {t0}, {c}): no point has |f'| < ε₀ and f'' ≥ −τ₀ "
                                "(the hypothesis holds vacuously)")
    if not glob:
        return HypothesisResult(False, "proved", f"{{|f'| < ε₀, f'' ≥ −τ₀}} = {S} ≠ ∅ and f has no global minimum")
    cuts = [(a + b) / 2 for a, b in zip(glob, glob[1:])]
    edges = [-sp.oo, *cuts, sp.oo]
    for m, lo, hi in zip(glob, edges, edges[1:]):
        bad = _where(g1**2 - (x - m) ** (2 * k), "<", dom).intersect(S).intersect(sp.Interval(lo, hi))
        if _undecided(bad):
            return HypothesisResult(False, "proved", f"near {m}: not solved exactly: undecided")
        if bad != sp.S.EmptySet:
            return HypothesisResult(False, "proved", f"|f'|² < |x − {m}|^(2/c) on {bad} within {{|f'| < ε₀, f'' ≥ −τ₀}}")
    return HypothesisResult(True, "proved", f"(ε₀, τ₀, c) = ({e0}, {t0}, {c}): on {{|f'| < ε₀, f'' ≥ −τ₀}} = {S}, "
                            f"|f'|² ≥ dist(x, {glob})^(2/c) (solveset)")



@hyp("fn1", "all local minima global", "every local minimum attains inf f (vacuous when there is no local minimum)")
def _all_global(f):
    mins = _minima(f)
    if not mins:
        g = f.args[0][0] if isinstance(f, sp.Piecewise) else f
        d1 = sp.diff(g, x)
        if g.is_polynomial(x) or sp.solveset(d1, x, sp.S.Reals) == sp.S.EmptySet:
            return HypothesisResult(True, "proved", "no local minimum (exact critical points): holds vacuously")
        return HypothesisResult(False, "proved", "local minima not found exactly: undecided")
    glob = global_minima(f)
    ok = len(glob) == len(mins)
    return HypothesisResult(ok, "proved", f"local minima {mins}, global minima {glob or 'none (f unbounded below)'}")


@hyp("fn1", "convex", "f'' ≥ 0 on ℝ")
def _convex(f):
    g, _dom, even = _branch(f)
    g2 = sp.diff(g, x, 2)
    if even:  # f'' even: x > 0 decides (and f''(0) by the limit)
        xp = sp.Symbol("xp", positive=True)
        ok = bool(g2.subs(x, xp).is_nonnegative)
        return HypothesisResult(ok, "proved", f"f'' = {sp.simplify(g2)} on x > 0: nonnegative: {ok} (even f)")
    return le_everywhere(-g2, x, 0, "−f''")


# --- functions on ℝ² ---------------------------------------------------------------------------------
def _crit2(f):
    return sp.solve([sp.diff(f, x), sp.diff(f, y)], [x, y], dict=True)


@hyp("fn2", "C²")
def _c2_2(f):
    return HypothesisResult(f.is_polynomial(x, y), "proved", "polynomial" if f.is_polynomial(x, y) else "not polynomial")


@hyp("fn2", "bounded below")
def _below2(f):
    # along lines through the origin and the axes (a necessary test), then an SOS-free exact check for sums of squares
    dirs = [(1, 0), (0, 1), (1, 1), (1, -1), (1, 2), (2, -1)]
    s = sp.Symbol("s", real=True)
    for a, b in dirs:
        g = sp.Poly(sp.expand(f.subs({x: a * s, y: b * s})), s)
        if g.degree() > 0 and (g.degree() % 2 == 1 or g.LC() < 0):
            return HypothesisResult(False, "proved", f"f(({a}, {b})s) = {g.as_expr()} → −∞")
    terms = sp.Add.make_args(sp.expand(f))
    return HypothesisResult(True, "proved", "bounded below along six lines; a sum of squares by construction") \
        if all(t.is_nonnegative or (t.is_Pow and t.exp % 2 == 0) for t in sp.Add.make_args(f)) else \
        HypothesisResult(False, "proved", f"not shown bounded below ({len(terms)} terms)")


# --- separable members f(x, y) = g(x) + h(y): the fn1 hypotheses lifted (each decided exactly on the parts) -------
DOUBLE_WELL_2 = (x**2 - 1) ** 2 / 4 + y**2 / 2
# (α, β, γ) for which a separable member is claimed strict-saddle (checked exactly, never assumed)
STRICT_SADDLE_2 = {DOUBLE_WELL_2: (_R(1, 20), _R(1, 2), _R(1, 10))}


def split(f):
    """(g, h), both in x, with f(x, y) = g(x) + h(y), for a separable polynomial member; None otherwise."""
    if not f.is_polynomial(x, y) or sp.expand(sp.diff(f, x, y)) != 0:
        return None
    return f.subs(y, 0), sp.expand(f.subs(x, 0) - f.subs({x: 0, y: 0})).subs(y, x)


def _not_separable(f) -> HypothesisResult:
    return HypothesisResult(False, "proved", "not a separable polynomial g(x) + h(y): not shown")


def _lift2(name):
    """fn2 hypothesis ``name`` for a separable member: the fn1 hypothesis on both parts (valid for these: sublevel
    sets of g + h lie in products of sublevel sets of g and h when both are bounded below, and local/global minima of
    g + h are the products of those of g and h)."""

    def check(f):
        parts = split(f)
        if parts is None:
            return _not_separable(f)
        need = [name] + (["bounded below"] if "sublevel" in name else [])
        rs = [(n, k, HYPOTHESES[("fn1", n)].check(p)) for n in need for k, p in zip("gh", parts)]
        ok = all(r.holds for _n, _k, r in rs)
        return HypothesisResult(ok, "proved" if all(r.strength == "proved" for *_a, r in rs) else "certified",
                                "separable; " + "; ".join(f"{n} of {k}: {r.holds} ({r.detail[:80]})" for n, k, r in rs))

    return check


for _n in ("ℓ-smooth on sublevel sets", "ρ-Hessian-Lipschitz on sublevel sets", "all local minima global", "coercive"):
    hyp("fn2", _n, f"separable members: {_n} of both parts")(_lift2(_n))


def _sup_dist(S, mins):
    """sup over the bounded set S (a union of intervals) of the distance to the finite set mins (exact; oo if S is
    unbounded or mins empty while S is not)."""
    if S == sp.S.EmptySet:
        return sp.Integer(0)
    if not mins or S.sup == sp.oo or S.inf == -sp.oo:
        return sp.oo
    parts = S.args if isinstance(S, sp.Union) else (S,)
    cand = []
    for I in parts:
        pts = [I.inf, I.sup] + [(a + b) / 2 for a, b in zip(mins, mins[1:]) if I.inf <= (a + b) / 2 <= I.sup]
        cand += [min((abs(p - m) for m in mins), key=lambda v: float(v)) for p in pts]
    return max(cand, key=lambda v: float(sp.N(v, 50)))


@hyp("fn2", "strict-saddle", "separable members: the declared (α, β, γ): ‖∇f‖ < α and λ_min > −β force |g'|, |h'| < α "
     "and g'', h'' > −β, a product of exact 1-D sets whose distance to the minima is bounded by γ")
def _strict_saddle2(f):
    return _strict_saddle2_with(f, STRICT_SADDLE_2.get(f))


def _strict_saddle2_with(f, w):
    parts = split(f)
    if w is None or parts is None:
        return HypothesisResult(False, "proved", "no witness triple declared or not separable: not shown")
    a, b, c = w
    ds = []
    for p in parts:
        S = _where(sp.diff(p, x) ** 2 - a**2, "<", sp.S.Reals).intersect(_where(sp.diff(p, x, 2) + b, ">", sp.S.Reals))
        ds.append((S, _minima(p), _sup_dist(S, _minima(p))))
    r2 = sum(d**2 for *_s, d in ds)
    ok = bool(sp.N(r2 - c**2, 50) <= 0)
    return HypothesisResult(ok, "proved", f"(α, β, γ) = ({a}, {b}, {c}): {{|g'| < α, g'' > −β}} = {ds[0][0]}, "
                            f"{{|h'| < α, h'' > −β}} = {ds[1][0]}; sup distance to the minima √({sp.N(r2, 6)}) ≤ γ: {ok}")


# Strict-saddle triples of further separable members, checked by the same exact test (``_strict_saddle2``) under
# the hypothesis "strict-saddle (gloss)".  Kept apart from STRICT_SADDLE_2, which the time-bound claims (thm:8.5's
# attacks, prose_81) read as their witness list: these members widen only the class of sec:8.2.1:no-strict-saddle.
#   x² + y³ + y⁴: {|h'| < 1/5} lies within 0.98 of −3/4 and h'' ≥ −3/4 everywhere, so (1/5, β, 1) holds for every
#   β ≥ 3/4 by this test (and for every β > 0 by saddle_strict._strict_saddle_every_beta, which ignores curvature).
#   (x² − 1)² + (y² − 1)²: {|g'| < 1/2, g'' > −2} lies within 1/16 of ±1 (the saddles' coordinate 0 has g'' = −4).
STRICT_SADDLE_2_GLOSS = {
    x**2 + y**3 + y**4: (_R(1, 5), 1, 1),
    (x**2 - 1) ** 2 + (y**2 - 1) ** 2: (_R(1, 2), 2, _R(1, 10)),
}


@hyp("fn2", "strict-saddle (gloss)", "separable members with a declared triple in STRICT_SADDLE_2 or "
     "STRICT_SADDLE_2_GLOSS, checked exactly as 'strict-saddle'")
def _strict_saddle2_gloss(f):
    return _strict_saddle2_with(f, STRICT_SADDLE_2.get(f, STRICT_SADDLE_2_GLOSS.get(f)))


def strict_saddle_triple(f):
    """The declared (α, β, γ) of a separable fn2 member (checked by the hypotheses above), or None."""
    return STRICT_SADDLE_2.get(f, STRICT_SADDLE_2_GLOSS.get(f))


@hyp("fn2", "local error bound", "separable members: g'', h'' ≥ κ > 0 on the 2γ-intervals around the minima' coordinates "
     "(γ from the declared triple): dist(z, X*) ≤ ‖∇f(z)‖/κ there (θ = 1)")
def _error_bound2(f):
    w, parts = STRICT_SADDLE_2.get(f), split(f)
    if w is None or parts is None:
        return HypothesisResult(False, "proved", "no witness triple declared or not separable: not shown")
    gam, kap = w[2], []
    for p in parts:
        p2 = sp.diff(p, x, 2)
        for m in _minima(p):
            lo, hi = m - 2 * gam, m + 2 * gam
            crit = [r for r in sp.Poly(sp.diff(p2, x), x).real_roots() if lo <= r <= hi] + [lo, hi] \
                if sp.Poly(p2, x).degree() > 0 else [lo]
            kap.append(min((p2.subs(x, r) for r in crit), key=float))
    ok = bool(kap) and min(kap, key=float) > 0
    return HypothesisResult(ok, "proved", f"min g'', h'' on the 2γ-intervals (γ = {gam}) around the minima: "
                            f"{[str(k) for k in kap]}: μ = {min(kap, key=float) if kap else None}, θ = 1" if ok else
                            f"not locally strongly convex: {[str(k) for k in kap]}")


@hyp("fn2", "Theorem 8.6's hypothesis", "separable members: both parts meet it (fn1, declared witnesses) with "
     "(ε₀ᵢ, τ₀ᵢ, cᵢ); then f meets it with (min(ε₀ᵢ, 2^(−1/c)), min τ₀ᵢ, c/2), c = min cᵢ (dist ≤ √2·ε^c ≤ ε^(c/2))")
def _thm86_2(f):
    parts = split(f)
    if parts is None:
        return _not_separable(f)
    rs = [HYPOTHESES[("fn1", "Theorem 8.6's hypothesis")].check(p) for p in parts]
    ws = [THM86.get(p) for p in parts]
    if not all(r.holds for r in rs) or None in ws:
        return HypothesisResult(False, "proved", "a part fails it: " + "; ".join(r.detail[:80] for r in rs))
    c = min(sp.nsimplify(w[2]) for w in ws)
    e0 = min([sp.nsimplify(w[0]) for w in ws] + [2 ** (-1 / c)], key=float)
    return HypothesisResult(True, "proved", f"both parts: {[r.detail[:60] for r in rs]}; f: (ε₀, τ₀, c) = ({e0}, "
                            f"{min(sp.nsimplify(w[1]) for w in ws)}, {c / 2})")


# Certificates that an fn2 member is (α, β, γ)-strict-saddle for no constants: a path p(t) with ‖p(t)‖ → ∞ as
# t → ∞ along which ‖∇f‖ → 0 and λ_min(∇²f) → 0 (so every α, β > 0 fails there, and p(t) leaves every γ-ball around
# the finitely many minima).  Keyed by member name; the decide (verify.chapter8.claims.saddle_strict) verifies each
# exactly by SymPy limits, it does not trust them.
T_PATH = sp.Symbol("t", positive=True)
FLAT_PATHS: dict[str, tuple[sp.Expr, sp.Expr]] = {}


def fn2(name, f, what, breaks, flat_path=None):
    member(name, "fn2", f, what, breaks)
    if flat_path is not None:
        FLAT_PATHS[name] = tuple(sp.sympify(c) for c in flat_path)


_U2 = 1 + 1 / T_PATH  # the second reader's u = x − y³ = 1 + s, s = 1/t → 0⁺, on ((x − y³)² − 1)² + y²
_Y2 = 1 / (6 * _U2 * (_U2**2 - 1))  # y = 2/(3φ'(u)), φ(u) = (u² − 1)²: there ∂f/∂y = 2y − 3y²φ'(u) = 0


fn2("x² + y³ (Example 8.2)", x**2 + y**3, "∇f = 0, ∇²f ⪰ 0 at 0, not a minimum", "second-order sufficiency")
fn2("x² + y³ + y⁴", x**2 + y**3 + y**4, "bounded below, a unique local minimum (0, −3/4); (1/5, β, 1)-strict-saddle "
    "for every β, yet 0 is an Example-8.2 point (∇f = 0, ∇²f = diag(2, 0), not a minimum) where GD from (0.5, 0.3) "
    "stops (second reader, §8.1–8.2); in sec:8.2.1:no-strict-saddle's class (triple checked by 'strict-saddle "
    "(gloss)')", "the gloss 'strict-saddle ⇒ no pathological case like Example 8.2' (Definition "
    "8.4 bounds no γ)")
fn2("x² − y² (strict saddle)", x**2 - y**2, "a nondegenerate saddle", "GD from the stable manifold y = 0")
fn2("(x² − 1)²/4 + y²/2 (double well × parabola)", DOUBLE_WELL_2, "separable: minima (±1, 0), a strict saddle "
    "(0, 0) (λ_min = −1) whose stable manifold is the line x = 0; bounded below, coercive, (1/20, 1/2, 1/10)-strict-saddle, "
    "locally strongly convex on the 2γ-boxes (second reader, §8.1–8.2.1)",
    "a polynomial time for plain GD (from (0, 1) x_t ≡ 0: it converges to the saddle, T = ∞; from (δ, 1) "
    "T ≥ log(0.9/δ)/log 1.1 with f(x₀) − f* = 3/4 fixed) and a sure (not w.h.p.) bound for perturbed GD (kicks with "
    "|ξ_x| ≤ s, positive probability, keep x small for ≈ log(1/s) steps)")
fn2("x² + y⁴", x**2 + y**4, "degenerate minimum", "linear rates; β of the strict-saddle condition")
fn2("(x² + y² − 1)²", (x**2 + y**2 - 1) ** 2, "a circle of minima and a local maximum", "isolatedness of minima")
fn2("x² + (xy − 1)²", x**2 + (x * y - 1) ** 2, "no minimum; ∇f and λ_min → 0 along xy = 1",
    "'all saddles strict ⇒ (α, β, γ)-strict-saddle'", flat_path=(1 / T_PATH, T_PATH))
fn2("y² + (x − y³)²", y**2 + (x - y**3) ** 2,
    "a polynomial, coercive (f ≥ y², f ≥ (|x| − |y|³)²), one critical point (0, 0), a strict global minimum (∇²f = 2I); "
    "at (t³ + 1/(3t), t): ∇f = (2/(3t), 0), det ∇²f = −4, λ_min ~ −2/(9t⁴) → 0⁻ (second reader, §8.3.1)",
    "figure:8.3's first correction 'coercive with finitely many critical points (all saddles strict) ⇒ "
    "(α, β, γ)-strict-saddle': no α, β, γ work", flat_path=(T_PATH**3 + 1 / (3 * T_PATH), T_PATH))
fn2("((x − y³)² − 1)² + y²", ((x - y**3) ** 2 - 1) ** 2 + y**2,
    "Figure 8.3's shape: a polynomial, coercive (f ≥ y², f ≥ (u² − 1)², u = x − y³), critical points exactly "
    "(±1, 0) (global minima, f = 0) and (0, 0) (a strict saddle, eigenvalues −4, 2); at u = 1 + s, y = 2/(3φ'(u)): "
    "‖∇f‖ = φ'(u) → 0, λ_min → 0⁻ as s → 0⁺ (second reader, §8.3.1)",
    "the same correction, on a member with a strict saddle and two global minima",
    flat_path=(_U2 + _Y2**3, _Y2))
fn2("x³ − 3xy² (monkey saddle)", x**3 - 3 * x * y**2, "degenerate saddle with three descending valleys",
    "second-order escape arguments")
fn2("(y − x²)(y − 2x²) (Peano)", (y - x**2) * (y - 2 * x**2), "a minimum along every line, not a minimum",
    "'restricting to lines decides'")
fn2("(x² − 1)² + (y² − 1)² (Figure 8.3 reproduction)", (x**2 - 1) ** 2 + (y**2 - 1) ** 2,
    "coercive, 4 global minima, 4 strict saddles, a maximum; (1/2, 2, 1/10)-strict-saddle (checked by 'strict-saddle "
    "(gloss)')", "nothing (the corrected Figure 8.3 'because' holds on it); the no-strict-saddle mutants 'GD stops far "
    "from every minimum' here (it has no PSD non-minimum)")
fn2("x²/2 − y²/100 + 5y⁴/2 (weak saddle)", x**2 / 2 - y**2 / 100 + 5 * y**4 / 2,
    "a strict saddle at 0 with λ_min = −β = −1/50, ρ ≈ 6K = 60 on |y| ≤ 1 (second reader)",
    "'perturbed GD escapes within t_thres' when PGD's ε' > β²/ρ (t_thres ∝ 1/√(ρε') too short)")
fn2("Rosenbrock (1 − x)² + 100(y − x²)²", (1 - x) ** 2 + 100 * (y - x**2) ** 2, "a curved narrow valley",
    "fixed-step GD rates")
