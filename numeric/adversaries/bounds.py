"""Deciding ``expr ≤ bound`` on the real line for a bank member's hypothesis, and saying how it is known.

Polynomials exactly (Sturm-free: the critical values from SymPy's real roots of the derivative and the
leading term).  Otherwise a violation is looked for at many rational points (each value computed with
mpmath to 30 digits: a violation found is certified), and the bound is certified on [−R, R] by interval
arithmetic (mpmath.iv, bisection) with the tails beyond R read from SymPy's limits at ±∞.
"""
from __future__ import annotations

from functools import lru_cache

import mpmath
import sympy as sp

from numeric.adversaries.core import HypothesisResult

R = 20
TOL = 2.0**-40  # a bound attained exactly (sup σ'² = 1 at 0) is certified up to this slack, and says so
_GRID = [sp.Rational(k, 8) for k in range(-8 * R, 8 * R + 1)] + [sp.Integer(s * 10**e) for e in range(2, 7) for s in (-1, 1)]


def _poly_max(p: sp.Poly) -> sp.Expr | None:
    """sup of a real polynomial on ℝ (None = +∞)."""
    if p.degree() <= 0:
        return p.as_expr()
    if p.degree() % 2 == 1 or p.LC() > 0:
        return None
    crit = sp.Poly(p.diff(), p.gen).real_roots()
    return max(p.as_expr().subs(p.gen, r) for r in crit)


@lru_cache(maxsize=None)
def _mp_fn(expr: sp.Expr, x: sp.Symbol):
    return sp.lambdify(x, expr, modules="mpmath")


def _float(expr, x, pt) -> mpmath.mpf:
    """expr at a rational point, to 30 digits (mpmath)."""
    with mpmath.workdps(30):
        return mpmath.mpf(_mp_fn(expr, x)(mpmath.mpf(sp.Rational(pt).p) / sp.Rational(pt).q))


@lru_cache(maxsize=None)
def _iv_fn(expr: sp.Expr, x: sp.Symbol):
    return sp.lambdify(x, expr, modules=[{"exp": mpmath.iv.exp, "sin": mpmath.iv.sin, "cos": mpmath.iv.cos,
                                          "log": mpmath.iv.log, "sqrt": mpmath.iv.sqrt, "tanh": _iv_tanh, "cosh": lambda t: (mpmath.iv.exp(t) + mpmath.iv.exp(-t)) / 2,
                                          "sinh": lambda t: (mpmath.iv.exp(t) - mpmath.iv.exp(-t)) / 2,
                                          "Abs": abs, "pi": mpmath.iv.pi}, mpmath.iv])


def _iv_tanh(t):
    e = mpmath.iv.exp(2 * t)
    return 1 - 2 / (e + 1)


def _iv_le(expr, x, bound: float, lo: float, hi: float, depth: int = 0) -> bool:
    f = _iv_fn(expr, x)
    try:
        v = f(mpmath.iv.mpf([lo, hi]))
        v = v if hasattr(v, "b") else mpmath.iv.mpf(v)
    except Exception:  # noqa: BLE001 — a function interval arithmetic cannot take
        return False
    if v.b <= bound + TOL:
        return True
    if depth > 14:
        return False
    mid = (lo + hi) / 2
    return _iv_le(expr, x, bound, lo, mid, depth + 1) and _iv_le(expr, x, bound, mid, hi, depth + 1)


def _exp_positive_certificate(expr: sp.Expr, x: sp.Symbol, bound):
    """A symbolic certificate of expr ≤ bound on ℝ when expr is a rational function of u = eˣ (u > 0): bound − expr
    = p(u)/q(u) with every coefficient of p and q ≥ 0 (and q ≢ 0). Interval arithmetic overshoots on eˣ/(1 + eˣ) for
    large x (softplus' σ'² near x = 20); this is exact. None when the form does not apply (then the interval path)."""
    if not expr.has(sp.exp):
        return None
    u = sp.Symbol("u", positive=True)
    w = sp.simplify(sp.powsimp(sp.expand_power_exp(expr.subs(x, sp.log(u))), force=True))
    if w.has(x) or not w.is_rational_function(u):
        return None
    num, den = sp.fraction(sp.cancel(sp.together(bound - w)))
    try:
        pn, pd = sp.Poly(num, u), sp.Poly(den, u)
    except sp.PolynomialError:
        return None
    if pd.is_zero or pn.is_zero:
        return None if pd.is_zero else "bound − expr ≡ 0"
    pos = all(c.is_positive for c in pn.coeffs()) and all(c.is_positive for c in pd.coeffs())
    neg = all(c.is_negative for c in pn.coeffs()) and all(c.is_negative for c in pd.coeffs())
    if pos or neg:  # Poly.coeffs() lists the nonzero coefficients: p/q > 0 for every u > 0
        return f"with u = eˣ > 0, bound − expr = ({pn.as_expr()})/({pd.as_expr()}), all coefficients ≥ 0"
    return None


def le_everywhere(expr: sp.Expr, x: sp.Symbol, bound, what: str) -> HypothesisResult:
    """Whether ``expr(x) ≤ bound`` for every real x (``what`` names the quantity in the detail)."""
    raw, expr = expr, sp.simplify(expr)
    bound = sp.nsimplify(bound)
    if expr.is_polynomial(x):
        top = _poly_max(sp.Poly(expr, x))
        if top is None:
            return HypothesisResult(False, "proved", f"{what} = {expr} is unbounded above (polynomial)")
        ok = bool(sp.simplify(top - bound) <= 0)
        return HypothesisResult(ok, "proved", f"sup {what} = {sp.nsimplify(top)} (polynomial, exact critical values)"
                                + ("" if ok else f" > {bound}"))
    cert = _exp_positive_certificate(expr, x, bound)
    if cert is not None:
        return HypothesisResult(True, "proved", f"{what} = {expr} ≤ {bound}: {cert}")
    b = float(bound)
    tight = []  # rational points where the bound is attained: certified by a second-order Taylor argument
    for pt in _GRID:
        try:
            val = _float(expr, x, pt)
        except (TypeError, ValueError, ZeroDivisionError, OverflowError):
            continue
        if val > b + mpmath.mpf(TOL):
            return HypothesisResult(False, "certified", f"{what} = {mpmath.nstr(val, 8)} > {bound} at x = {pt} "
                                                        "(30-digit evaluation)")
        if abs(val - b) < mpmath.mpf(TOL) and -R < pt < R and sp.simplify(expr.subs(x, pt) - bound) == 0:
            tight.append(pt)
    h = sp.Rational(1, 64)
    for c in tight:  # expr(c) = bound, expr'(c) = 0 and expr'' ≤ 0 on [c − h, c + h]: no excess there
        d1 = sp.simplify(sp.diff(expr, x).subs(x, c))
        if d1 != 0 or not _iv_le(sp.diff(expr, x, 2), x, 0.0, float(c - h), float(c + h)):
            tight = []
            break
    singular = any(e.has(x) and sp.simplify(e.args[0].subs(x, sp.Rational(1, 10**6))) < -10**9
                   for e in expr.atoms(sp.exp))  # exp(−1/x²): flat at 0, singular for interval arithmetic
    if singular:  # |x| < 1/4 in the variable u = 1/x ∈ (4, ∞), where the flat factor is exp(−u²)
        u = sp.Symbol("u", positive=True)
        inner = sp.simplify(expr.subs(x, 1 / u))
        near = _iv_le(inner, u, b, 4, 60) and _iv_le(sp.simplify(expr.subs(x, -1 / u)), u, b, 4, 60)
        tail0 = [sp.limit(expr, x, 0, d) for d in ("+", "-")]
        pieces_ok = near and all(v.is_finite and float(v) < b for v in tail0) and \
            _iv_le(expr, x, b, -R, -0.25) and _iv_le(expr, x, b, 0.25, R)
    else:
        cuts = sorted(float(v) for c in tight for v in (c - sp.Rational(1, 64), c + sp.Rational(1, 64)))
        edges = [-R, *cuts, R]
        pieces_ok = any(all(_iv_le(form, x, b, edges[i], edges[i + 1]) for i in range(0, len(edges) - 1, 2))
                        for form in dict.fromkeys([raw, expr]))  # the unsimplified form may suffer less dependency
    if not pieces_ok:
        return HypothesisResult(False, "certified", f"interval arithmetic could not bound {what} by {bound} on "
                                                    f"[−{R}, {R}] (undecided: treated as not holding)")
    tails = []
    for inf in (sp.oo, -sp.oo):
        lim = sp.limit(expr, x, inf)
        if lim == -sp.oo:
            tails.append("−∞")
            continue
        if isinstance(lim, sp.Abs) and isinstance(lim.args[0], sp.AccumBounds):
            lim = sp.Max(abs(lim.args[0].min), abs(lim.args[0].max))
        if isinstance(lim, sp.AccumBounds):  # oscillating: its upper envelope must stay below
            lim = lim.max
        if not isinstance(lim, sp.Expr) or lim.has(sp.Limit) or lim is sp.nan:
            return HypothesisResult(False, "certified", f"{what}: no limit at {inf} (undecided: treated as not holding)")
        try:
            too_big = not (lim.is_real and lim.is_finite) or float(lim) > b
        except TypeError:
            too_big = True
        if too_big:
            return HypothesisResult(False, "certified", f"{what} ≤ {bound} on [−{R}, {R}] but its limit at {inf} is "
                                                        f"{lim}: the tail is undecided (treated as not holding)")
        tails.append(str(lim))
    at = f"; attained at {', '.join(map(str, tight))} (a maximum: f' = 0, f'' ≤ 0 nearby)" if tight else ""
    return HypothesisResult(True, "certified", f"{what} ≤ {bound} (+2⁻⁴⁰) on [−{R}, {R}] by interval arithmetic{at}; "
                                               f"limits at ±∞: {', '.join(tails)} ≤ {bound}")


def bounded(expr: sp.Expr, x: sp.Symbol, what: str) -> HypothesisResult:
    """Whether |expr| is bounded on ℝ: a finite bound certified, or growth exhibited at exact points."""
    expr = sp.simplify(expr)
    if expr.has(sp.DiracDelta):
        return HypothesisResult(False, "proved", f"{what} = {expr} is a Dirac mass, not a bounded function")
    if expr.is_polynomial(x):
        deg = sp.Poly(expr, x).degree()
        return HypothesisResult(deg <= 0, "proved", f"{what} = {expr}: polynomial of degree {deg}")
    def peak(pts):
        out = mpmath.mpf(0)
        for pt in pts:
            try:
                out = max(out, abs(_float(expr, x, pt)))
            except (TypeError, ValueError, ZeroDivisionError, OverflowError):
                continue
        return out

    far = [peak([s * (sp.Integer(10**e) + sp.Rational(k, 64)) for k in range(0, 256) for s in (1, -1)])
           for e in range(1, 5)]
    if far[-1] > 10 * max(far[0], 1):
        return HypothesisResult(False, "certified", f"|{what}| reaches {mpmath.nstr(far[-1], 6)} near |x| = 10⁴ "
                                                    f"(against {mpmath.nstr(far[0], 6)} near 10): unbounded")
    near = peak(_GRID)
    top = float(max(max(far), near)) * 1.5 + 1
    r = le_everywhere(sp.Abs(expr), x, sp.nsimplify(round(top, 3)), f"|{what}|")
    return HypothesisResult(r.holds, r.strength, r.detail)
