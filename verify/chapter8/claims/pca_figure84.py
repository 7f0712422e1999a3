"""Figure 8.4: the PCA objective for d = 1, g(x) = ½(m − x²)², as the figure draws it.

The figure shows a W: two minima at ±√m where g = 0 (global), and a local maximum at
x = 0 of height m²/2 between them (m > 0).  The check derives g from (8.1) at d = 1,
solves g′ = 0 for a symbolic m > 0 and classifies each critical point by g″; then, per
rational m drawn by hypothesis, the exact critical-point classifier (numeric.classify,
Gröbner + Hessian inertia) must find exactly these points with these kinds and values.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from hypothesis import strategies as st

from numeric import classify as C
from symbolic.chapter8 import pca
from symbolic.explicit import evaluate

from numeric.adversaries import Class
from verify.engine.attacks import Quantified
from verify.engine.claim import Erratum, Mutant, Outcome, Proof, Step, all_of
from verify.engine.registry import claim
from verify.engine.falsify import search

xs = sp.Symbol("x", real=True)
mp = sp.Symbol("m", positive=True)


@dataclass(frozen=True)
class Shape:
    """What the figure depicts, in terms of m > 0."""

    minima: tuple  # locations of the (global) minima
    min_value: sp.Expr
    centre_kind: str  # the kind of the critical point x = 0: 'maximum' or 'minimum'
    centre_value: sp.Expr
    m_zero: bool = False  # the shape is claimed for m = 0 too (M = [m] ⪰ 0 allows it)


def _g1():
    S = pca.SYMBOLS
    return evaluate(pca.objective(), {S.M: sp.ImmutableMatrix([[mp]]), S.x: sp.ImmutableMatrix([[xs]])}, 1)


def _expected(stmt: Shape, m):
    pts = [(sp.sympify(a).subs(mp, m), "minimum", sp.sympify(stmt.min_value).subs(mp, m)) for a in stmt.minima]
    pts.append((sp.Integer(0), stmt.centre_kind, sp.sympify(stmt.centre_value).subs(mp, m)))
    return sorted(pts, key=lambda t: float(t[0].subs(mp, 1)))


def matches_at(stmt: Shape, m: sp.Rational, g: sp.Expr | None = None) -> tuple[bool, dict]:
    """(agree, detail): do the critical points the exact classifier finds for g at this m, with
    their labels and values, agree with the shape the statement describes?"""
    g = _g1() if g is None else g
    L = C.critical_points(g.subs(mp, m), (xs,))
    found = sorted(((float(p.x[0]), p.label, float(p.value)) for p in L.points), key=lambda t: t[0])
    want = [(float(a), k, float(v)) for a, k, v in _expected(stmt, m)]
    ok = L.complete and len(found) == len(want) and all(
        abs(a - b) <= 1e-9 * (1 + abs(b)) and k1 == k2 and abs(v1 - v2) <= 1e-9 * (1 + abs(v2))
        for (a, k1, v1), (b, k2, v2) in zip(found, want))
    return ok, {"found": found, "figure": want}


def _decide(stmt: Shape, member, ctx) -> Outcome:
    """On one 1×1 PSD member M = [m]: the exact critical points of ½(m − x²)² against the shape (m = 0 only when the
    statement claims it)."""
    m = sp.Rational(member.obj[0, 0])
    if m == 0 and not stmt.m_zero:
        return Outcome(None, notes=["m = 0 is outside the corrected statement (m > 0)"])
    ok, detail = matches_at(stmt, m)
    return Outcome(ok, ["exact critical points (Gröbner), Hessian inertia"], 1, 0.0 if ok else None,
                   None if ok else {"m": str(m), **detail}, strength="exact", sizes=[f"m = {m}"],
                   proof=[Proof("exact", f"the exact critical points of ½({m} − x²)² with their kinds", detail,
                                size=f"m = {m}", path="exact critical points")])


def _m0_facts():
    """At m = 0, exactly: the critical points of ½x⁴ and its 2nd, 3rd and 4th derivatives at each."""
    t = sp.Symbol("t", real=True)
    g0 = sp.Rational(1, 2) * t**4
    crit = sp.solve(sp.diff(g0, t), t)
    return [(c, [sp.diff(g0, t, k).subs(t, c) for k in (2, 3, 4)]) for c in crit]


def _check(stmt: Shape, ctx) -> Outcome:
    g = _g1()
    if stmt.m_zero:  # the edge m = 0 (M = 0 is PSD): g = ½x⁴ has one critical point, the global minimum 0
        ok0, det0 = matches_at(stmt, sp.Integer(0))
        if not ok0:
            return Outcome(False, ["exact critical points (Gröbner), Hessian inertia"], 1, None, {"m": "0", **det0},
                           steps=[Step("m = 0", "g = ½x⁴: critical points with kinds and values", derived=det0["found"],
                                       holds=False)], strength="exact", sizes=["m = 0"],
                           proof=[Proof("exact", "g = ½x⁴ at m = 0: its only critical point is 0 (g' = 2x³), where the "
                                        "second and third derivatives vanish and the fourth is 12 > 0: a minimum, no "
                                        "local maximum", _m0_facts(), size="m = 0", path="exact critical points")])
    steps = [Step("d = 1", "(8.1) with M = [m], x = [x], m > 0", printed=r"\tfrac12(m - x^2)^2", derived=g)]
    crit = sorted(sp.solve(sp.diff(g, xs), xs), key=lambda r: float(r.subs(mp, 1)))
    g2 = [sp.simplify(sp.diff(g, xs, 2).subs(xs, c)) for c in crit]
    # g″ = 6x² − 2m: its sign at each point for every m > 0 (SymPy's assumptions, not a sample)
    kind = lambda h: "minimum" if sp.ask(sp.Q.positive(h)) else "maximum" if sp.ask(sp.Q.negative(h)) else "degenerate"
    derived = [(c, kind(h), sp.simplify(g.subs(xs, c))) for c, h in zip(crit, g2)]
    exp = _expected(stmt, mp)
    sym_ok = len(exp) == len(derived) and all(
        sp.simplify(a - c) == 0 and k1 == k2 and sp.simplify(v1 - v2) == 0
        for (a, k1, v1), (c, k2, v2) in zip(exp, derived))
    steps.append(Step("critical points", "g′(x) = −2x(m − x²) = 0; kinds by g″ = 6x² − 2m; values",
                      printed=str([(str(a), k, str(v)) for a, k, v in exp]),
                      derived=[(c, k, v) for c, k, v in derived], holds=sym_ok))
    sym = Outcome(sym_ok, ["symbolic"], 1, 0.0 if sym_ok else -1.0,
                  None if sym_ok else {"printed": [(str(a), k, str(v)) for a, k, v in exp],
                                       "derived": [(str(c), k, str(v)) for c, k, v in derived]}, steps=steps, strength="exact", sizes=["d = 1"],
                  proof=[Proof("exact", "critical points, kinds and values of ½(m − x²)² derived for symbolic m > 0",
                               derived, size="d = 1", path="symbolic")])

    if not sym_ok:  # refuted exactly for every m > 0; no need to sample (tests/test_pca_figure84.py
        return sym  # shows the per-m comparison below refutes the same mutants on its own)

    def margin(q):
        ok, margin.last = matches_at(stmt, sp.Rational(q), g)
        return 0.0 if ok else -1.0

    num = search(st.fractions(sp.Rational(1, 20), 10, max_denominator=20).filter(lambda q: q > 0), margin, ctx,
                 name="figure-8.4", max_examples=min(ctx.profile.max_examples // 4, 40),
                 describe=lambda q: {"m": str(q), **margin.last})
    num.methods = ["exact critical points (Gröbner) classified by Hessian inertia, per rational m"]
    return all_of(sym, num)


claim(
    id="figure:8.4",
    section="8.3.1",
    kind="identity",
    title="Figure 8.4: ½(m − x²)² has global minima ±√m (g = 0) and a local maximum m²/2 at 0",
    printed=r"\text{Figure 8.4: Objective function for principal components analysis (PCA) when } d = 1.",
    statement=Shape((-sp.sqrt(mp), sp.sqrt(mp)), sp.Integer(0), "maximum", mp**2 / 2, m_zero=True),
    check=_check,
    erratum=Erratum(
        printed="for d = 1 and every PSD M = [m]: global minima ±√m (g = 0), a local maximum m²/2 at 0",
        corrected="for m > 0 (M ≠ 0): global minima ±√m (g = 0) and a local maximum m²/2 at 0; for m = 0, g = ½x⁴ has "
        "the single (global) minimum 0",
        explanation="severity: edge-case. M = 0 is PSD; at m = 0 the two minima ±√m and the maximum 0 merge into one "
        "degenerate global minimum (the second reader's m = 0 case, the same edge as eq:8.1 and thm:8.7's "
        "parenthetical). The figure draws some m > 0; the caption does not say so.",
        corrected_statement=Shape((-sp.sqrt(mp), sp.sqrt(mp)), sp.Integer(0), "maximum", mp**2 / 2),
    ),
    quantified=Quantified(Class("1×1 PSD M = [m]", "psd", ("PSD", "d = 1"), "Figure 8.4's d = 1"), _decide,
                          shapes=("pca-spectrum",)),
    mutants=[
        Mutant("minima at ±m instead of ±√m", Shape((-mp, mp), sp.Integer(0), "maximum", mp**2 / 2)),
        Mutant("x = 0 a local minimum (a U, not a W)", Shape((-sp.sqrt(mp), sp.sqrt(mp)), sp.Integer(0), "minimum", mp**2 / 2)),
        Mutant("the bump at 0 of height m² (the ½ of (8.1) dropped)",
               Shape((-sp.sqrt(mp), sp.sqrt(mp)), sp.Integer(0), "maximum", mp**2)),
    ],
    uses=["eq:8.1", "remark:8.8"],
    notes=["drawn for m > 0 (M ≠ 0); at m = 0 the curve is x⁴/2 with one degenerate global minimum",
           "the reproduction is figures/fig-8.4-pca-d1.png, plotted from the same derived g", "sampled over rational m (each m classified exactly); a proof would classify the critical points 0, ±√m of ½(m − x²)² symbolically in m: g″(0) = −2m, g″(±√m) = 4m"],
)
