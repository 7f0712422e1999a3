"""Smooth functions f: ℝ → ℝ and f: ℝ² → ℝ for the statements of §8.1–8.2 (and a few of §8.3).

Each member is a SymPy expression (in ``x``, or ``x, y``); piecewise members glue analytic pieces
whose derivatives agree to every order checked.  Hypotheses: ``C²``, ``bounded below``, ``has a local
minimum``, ``ℓ-smooth`` (sup |f''| < ∞ on ℝ), ``coercive`` (f → ∞ as |x| → ∞).
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.bounds import bounded, le_everywhere
from numeric.adversaries.core import HypothesisResult, hyp, member

x, y = sp.symbols("x y", real=True)

# C∞ but not analytic: every derivative vanishes at 0
FLAT = sp.Piecewise((sp.exp(-1 / x**2), sp.Ne(x, 0)), (0, True))
FLAT_ODD = sp.Piecewise((sp.sign(x) * sp.exp(-1 / x**2), sp.Ne(x, 0)), (0, True))


def _pieces_c2(f) -> HypothesisResult:
    """A Piecewise glued at 0: each derivative up to order 4 has the same limit from both sides as the value."""
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
    if isinstance(f, sp.Piecewise):  # the flat members: exp(−1/x²) ∈ [0, 1)
        return HypothesisResult(True, "proved", "exp(−1/x²) ∈ [0, 1), so f ≥ −1")
    return le_everywhere(-f, x, 10**6, "−f")


@hyp("fn1", "ℓ-smooth")
def _smooth(f):
    if isinstance(f, sp.Piecewise):  # off 0 the pieces are ±exp(−1/x²): |f''| is that of exp(−1/x²)
        return bounded(sp.diff(f.args[0][0].subs(sp.sign(x), 1), x, 2), x, "f''")
    return bounded(sp.diff(f, x, 2), x, "f''")


@hyp("fn1", "has a local minimum")
def _hasmin(f):
    g = f.args[0][0] if isinstance(f, sp.Piecewise) else f
    if f in (FLAT,):
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
    g = f.args[0][0] if isinstance(f, sp.Piecewise) else f
    lims = [sp.limit(g, x, s) for s in (sp.oo, -sp.oo)]
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
fn1("x²/(1 + x²)", x**2 / (1 + x**2), "bounded, not coercive, a global minimum at 0",
    "arguments that need coercivity or sublevel-set compactness")
fn1("x (linear)", x, "no critical point, unbounded below: strict-saddle with any α ≤ 1, vacuously",
    "'therefore optimizers reach a global minimum' (there is none)")
fn1("−x²/2", -x**2 / 2, "concave: strict saddle everywhere, no minimum, unbounded below", "the same")
fn1("eˣ", sp.exp(x), "convex, bounded below, no minimiser", "'GD can find a global minimum for convex functions'")
fn1("cos(x)", sp.cos(x), "infinitely many strict minima and maxima", "finiteness of the critical set")
fn1("(C/2)x², C = 10⁴", 5000 * x**2, "ℓ-smooth with a large ℓ", "any fixed step size (η > 2/ℓ diverges)")


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


def fn2(name, f, what, breaks):
    member(name, "fn2", f, what, breaks)


fn2("x² + y³ (Example 8.2)", x**2 + y**3, "∇f = 0, ∇²f ⪰ 0 at 0, not a minimum", "second-order sufficiency")
fn2("x² − y² (strict saddle)", x**2 - y**2, "a nondegenerate saddle", "GD from the stable manifold y = 0")
fn2("x² + y⁴", x**2 + y**4, "degenerate minimum", "linear rates; β of the strict-saddle condition")
fn2("(x² + y² − 1)²", (x**2 + y**2 - 1) ** 2, "a circle of minima and a local maximum", "isolatedness of minima")
fn2("x² + (xy − 1)²", x**2 + (x * y - 1) ** 2, "no minimum; ∇f and λ_min → 0 along xy = 1",
    "'all saddles strict ⇒ (α, β, γ)-strict-saddle'")
fn2("x³ − 3xy² (monkey saddle)", x**3 - 3 * x * y**2, "degenerate saddle with three descending valleys",
    "second-order escape arguments")
fn2("(y − x²)(y − 2x²) (Peano)", (y - x**2) * (y - 2 * x**2), "a minimum along every line, not a minimum",
    "'restricting to lines decides'")
fn2("(x² − 1)² + (y² − 1)² (Figure 8.3 reproduction)", (x**2 - 1) ** 2 + (y**2 - 1) ** 2,
    "coercive, 4 global minima, 4 strict saddles, a maximum", "nothing (the corrected Figure 8.3 'because' holds on it)")
fn2("Rosenbrock (1 − x)² + 100(y − x²)²", (1 - x) ** 2 + 100 * (y - x**2) ** 2, "a curved narrow valley",
    "fixed-step GD rates")
