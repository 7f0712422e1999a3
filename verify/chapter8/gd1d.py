"""Where gradient descent ends on f: ℝ → ℝ, decided exactly (a bank ``fn1`` member, a rational start).

The fact used (one dimension): let f'(x₀) > 0 (the case f'(x₀) < 0 is its mirror), c the nearest critical point to
the left of x₀ (−∞ when there is none), and η > 0 with η·f'' ≤ 1 on (c, x₀].  Then φ(x) = x − ηf'(x) is
nondecreasing on [c, x₀] and φ(x) < x there (f' > 0 on (c, x₀]: no zero, continuous, positive at x₀), φ(c) = c, so
x_t decreases, stays in [c, x₀], and its limit is a fixed point of φ, i.e. a critical point in [c, x₀]: c.  With
c = −∞ a finite limit would be a critical point left of x₀, so x_t → −∞.  f'(x₀) = 0: GD never moves.

So the run's endpoint is decided by the exact critical points (real roots of a polynomial's derivative, SymPy's
solveset otherwise, {0} for the bank's flat piecewise members, whose derivative has no other zero: checked) and a
certified upper bound U ≥ sup f'' on the interval the run sweeps (exact for polynomials, interval arithmetic or the
bank's certified bound otherwise): every step η ≤ 1/U ends there.  A member for which any of this is not decided
gives None.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import mpmath
import sympy as sp

from numeric.adversaries.bounds import _iv_le, le_everywhere
from numeric.adversaries.functions import _branch, _minima, global_minima

x = sp.Symbol("x", real=True)


@dataclass(frozen=True)
class Run:
    x0: sp.Expr
    end: object            # a real number (a critical point, possibly x₀ itself), or ±oo
    U: object              # certified sup f'' bound on the swept interval (η ≤ 1/U ends the run at ``end``)
    kind: str              # "local minimum (global)" | "local minimum (not global)" | "not a minimum" | "diverges"
    how: str


@lru_cache(maxsize=None)
def _crit_all(f):
    """Every critical point of a non-polynomial member when solveset gives a finite set (None otherwise)."""
    S = sp.solveset(sp.diff(f, x), x, sp.S.Reals)
    return tuple(S) if isinstance(S, sp.FiniteSet) or S == sp.S.EmptySet else None


def _same(a, b) -> bool:
    if a == b:
        return True
    if isinstance(a, sp.CRootOf) or isinstance(b, sp.CRootOf):
        return False  # distinct CRootOf objects of one polynomial are distinct roots; else compare numerically below
    return sp.simplify(a - b) == 0


def _crit_side(f, x0, side: int):
    """The nearest critical point strictly left (side = −1) or right (+1) of x₀; ±oo if none; None if undecided."""
    if isinstance(f, sp.Piecewise):
        g, _dom, _even = _branch(f)
        if sp.solveset(sp.diff(g, x), x, sp.Interval.open(0, sp.oo)) != sp.S.EmptySet:
            return None
        cands = [sp.Integer(0)]
    else:
        d1 = sp.diff(f, x)
        if f.is_polynomial(x) and sp.Poly(f, x).degree() >= 2:
            cands = list(sp.Poly(d1, x).real_roots())
        elif f.is_polynomial(x):
            cands = [] if d1 != 0 else None
            if cands is None:
                return None
        elif _crit_all(f) is not None:
            cands = list(_crit_all(f))
        else:
            dom = sp.Interval.open(-sp.oo, x0) if side < 0 else sp.Interval.open(x0, sp.oo)
            S = sp.solveset(d1, x, dom)
            if S == sp.S.EmptySet:
                return -sp.oo if side < 0 else sp.oo
            if not isinstance(S, sp.FiniteSet):  # e.g. cos: look in a window of width 8 first
                win = sp.Interval.Ropen(x0 - 8, x0) if side < 0 else sp.Interval.Lopen(x0, x0 + 8)
                S = sp.solveset(d1, x, win)
                if not isinstance(S, sp.FiniteSet) or S == sp.S.EmptySet:
                    return None
            cands = list(S)
    pick = [c for c in cands if (c < x0 if side < 0 else c > x0)]
    if not pick:
        return -sp.oo if side < 0 else sp.oo
    return max(pick) if side < 0 else min(pick)


def _upper_f2(f, lo, hi):
    """A certified U ≥ sup f'' on [lo, hi] (lo/hi may be infinite), U ≥ 0; None if not certified."""
    if isinstance(f, sp.Piecewise):
        return _piecewise_upper(f)
    f2 = sp.diff(f, x, 2)
    if f2.is_polynomial(x):
        p = sp.Poly(f2, x)
        if p.degree() <= 0:
            return max(p.as_expr(), sp.Integer(0))
        if lo == -sp.oo or hi == sp.oo:
            lead = p.LC() * (-1) ** p.degree() if lo == -sp.oo else p.LC()
            if lead > 0 or (lo == -sp.oo and hi == sp.oo and p.degree() % 2 == 1):
                return None  # f'' → +∞ on the swept half-line: no step works for the whole half-line
        pts = [r for r in sp.Poly(p.diff(), x).real_roots() if lo <= r <= hi] + [v for v in (lo, hi) if v.is_finite]
        top = max([p.as_expr().subs(x, r) for r in pts], default=sp.Integer(0))
        if lo == -sp.oo or hi == sp.oo:
            top = max(top, sp.limit(f2, x, -sp.oo if lo == -sp.oo else sp.oo))
        return max(top, sp.Integer(0))  # exact (an algebraic number): never rounded down
    glob = _global_upper(f2)
    if glob is not None:  # a bound on ℝ bounds every interval
        return glob
    for lim_side, fin in ((lo, hi), (hi, lo)):  # a half-line on which f'' is monotone: its sup at an end, exact
        if lim_side in (sp.oo, -sp.oo) and fin.is_finite:
            dom = sp.Interval(lo, hi)
            if sp.is_monotonic(f2, dom):
                ends = [f2.subs(x, fin), sp.limit(f2, x, lim_side)]
                if all(v.is_finite for v in ends):
                    return max(max(ends, key=lambda v: float(v)), sp.Integer(0))
    return None


@lru_cache(maxsize=None)
def _piecewise_upper(f):
    """|f''| is even for the flat members: a certified bound on |g''| over ℝ (g the formula on x > 0) bounds f''."""
    g, _dom, _even = _branch(f)
    e = sp.Abs(sp.diff(g, x, 2))
    for cand in (sp.Rational(31, 10), sp.Integer(4), sp.Integer(10)):
        if le_everywhere(e, x, cand, "|f''|").holds:
            return cand
    return None


@lru_cache(maxsize=None)
def _global_upper(f2):
    """A certified U ≥ sup f'' on ℝ, or None (tried at 1.05× and 2× the largest sampled value)."""
    if f2.is_polynomial(x):
        return None
    fn = sp.lambdify(x, f2, "mpmath")
    pts = [mpmath.mpf(k) / 8 for k in range(-160, 161)] + [mpmath.mpf(10) ** e * s for e in range(2, 7) for s in (1, -1)]
    vals = []
    for p in pts:
        try:
            vals.append(float(fn(p)))
        except (OverflowError, ValueError, ZeroDivisionError):
            return None
    if max(vals[-10:]) > 10 * max(vals[:-10] + [1.0]):
        return None  # f'' grows at ±∞
    best = max(vals)
    for mult in (1.05, 2.0):
        cand = sp.nsimplify(round(max(best, 0) * mult + 1e-3, 6))
        if le_everywhere(f2, x, cand, "f''").holds:
            return cand
    return None


@lru_cache(maxsize=None)
def _min_sets(f):
    return tuple(_minima(f)), tuple(global_minima(f))


@lru_cache(maxsize=None)
def run(f, x0) -> Run | None:
    """Where GD (any step η ≤ 1/U) from x₀ ends on f, decided exactly; None when not decided."""
    x0 = sp.nsimplify(x0)
    if not isinstance(f, sp.Piecewise) and not f.is_polynomial(x) and _crit_all(f) is None:
        return None  # infinitely many critical points (cos): the minima are not known exactly, the run not classified
    g = f.args[0][0] if isinstance(f, sp.Piecewise) else f
    d = sp.diff(f, x).subs(x, x0) if not isinstance(f, sp.Piecewise) else (
        sp.Integer(0) if x0 == 0 else sp.diff(g, x).subs(x, x0))
    if d == 0:
        end, U = x0, sp.Integer(0)
    else:
        pos = d.is_positive if d.is_positive is not None else bool(sp.N(d, 50) > 0)
        side = -1 if pos else 1
        c = _crit_side(f, x0, side)
        if c is None:
            return None
        lo, hi = (c, x0) if side < 0 else (x0, c)
        U = _upper_f2(f, lo, hi)
        if U is None:
            return None
        end = c
    mins, glob = _min_sets(f)
    if end in (sp.oo, -sp.oo):
        kind = "diverges"
    elif any(_same(end, m) for m in mins):
        kind = "local minimum (global)" if any(_same(end, m) for m in glob) else "local minimum (not global)"
    else:
        kind = "not a minimum"
    how = (f"x₀ = {x0}: f'(x₀) = {sp.N(d, 6)}; GD with any η ≤ 1/U, U = {U} ≥ sup f'' on the swept interval, "
           f"ends at {end} ({kind}); local minima {mins}, global {glob}")
    return Run(x0, end, U, kind, how)


def starts() -> list:
    """The start bank's points, both signs (x₀ = 0, ±10⁻⁸, ±1, ±10³, ±10⁶)."""
    from numeric.adversaries import members

    out = []
    for m in members("start"):
        v = sp.nsimplify(m.obj)
        out += [v] if v == 0 else [v, -v]
    return out


def decide_runs(member, conditional: bool):
    """'GD finds a local minimum + all local minima global ⇒ GD finds a global minimum' on one fn1 member, from every
    start of the start bank (both signs), every step η ≤ 1/U: ``conditional`` — every run that ends at a local minimum
    ends at a global one; otherwise every run ends at a global minimum.  (holds, rows, counterexample, undecided)."""
    rows, bad, undecided = [], None, []
    for x0 in starts():
        r = run(member.obj, x0)
        if r is None:
            undecided.append(str(x0))
            continue
        rows.append(r.how)
        ok = r.kind == "local minimum (global)" or (conditional and not r.kind.startswith("local minimum"))
        if not ok and bad is None:
            bad = {"f": member.name, "x₀": str(x0), "GD ends at": str(r.end), "which is": r.kind,
                   "every step η ≤ 1/U, U": str(r.U), "why": r.how}
    if bad is None and not rows:
        return None, rows, None, undecided
    return bad is None, rows, bad, undecided
