"""Remark 8.8: for d = 1, g(x) = ½(m − x²)², and all its local minima are global."""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp
from hypothesis import strategies as st

from symbolic.chapter8 import pca
from symbolic.explicit import evaluate

from numeric.adversaries import Class
from verify.engine.attacks import Quantified
from verify.engine.claim import Mutant, Outcome, Step, all_of
from verify.engine.registry import claim
from verify.engine.falsify import search

xs, m = sp.symbols("x m", real=True)


@dataclass(frozen=True)
class Remark88:
    g: sp.Expr  # the one-dimensional objective, in x and m
    form_matches: bool = True  # also claim g is (8.1) at d = 1


def _all_minima_global(gx: sp.Expr, digits: int = 50):
    """(holds, detail) for a polynomial g: its real critical points to 50 digits (mpmath),
    each classified by its first non-vanishing derivative; local minima compared with the
    smallest critical value (the global minimum of a coercive polynomial)."""
    P = sp.Poly(sp.sqf_part(sp.diff(gx, xs)), xs)  # square-free: repeated roots once
    crit = sorted({sp.re(r) for r in P.nroots(n=digits, maxsteps=200) if abs(sp.im(r)) < sp.Float(10) ** (-digits // 2)})
    # merge numerically repeated roots (e.g. the triple root 0 of g′ when m = 0)
    merged = []
    for r in crit:
        if not merged or abs(r - merged[-1]) > sp.Float(10) ** (-digits // 3):
            merged.append(r)
    vals = [sp.N(gx.subs(xs, r), digits) for r in merged]
    gmin = min(vals)
    tol = sp.Float(10) ** (-digits // 3)
    for r, val in zip(merged, vals):
        k, dk = 2, 0
        while k < 8:
            dk = sp.N(sp.diff(gx, xs, k).subs(xs, r), digits)
            if abs(dk) > tol:
                break
            k += 1
        is_min = k % 2 == 0 and dk > 0
        if is_min and val - gmin > tol:
            return False, {"local minimum": float(r), "value": float(val), "global minimum value": float(gmin)}
    return True, None


def _check(stmt: Remark88, ctx) -> Outcome:
    steps = []
    ok_form = True
    if stmt.form_matches:
        X = pca.SYMBOLS
        g1 = evaluate(pca.objective(), {X.M: sp.ImmutableMatrix([[m]]), X.x: sp.ImmutableMatrix([[xs]])}, 1)
        ok_form = sp.expand(g1 - stmt.g) == 0
        steps.append(Step("d = 1", "(8.1) with M = [m], x = [x]", printed=r"\tfrac12(m - x^2)^2", derived=g1, holds=ok_form))
    # general m > 0, symbolically
    mp = sp.Symbol("m", positive=True)
    gp = stmt.g.subs(m, mp)
    crit = sp.solve(sp.diff(gp, xs), xs)
    steps.append(Step("critical points", "g′(x) = 0 for m > 0", derived=crit))
    steps.append(Step("second derivative", "g″ at each critical point", derived=[sp.simplify(sp.diff(gp, xs, 2).subs(xs, c)) for c in crit]))
    form = Outcome(ok_form, ["symbolic"], 1, 0.0 if ok_form else None, None if ok_form else {"g": str(stmt.g)}, steps=steps,
                   strength="proved")

    # exact per instance: m ∈ [0, 10] rational, including m = 0 (the degenerate x⁴/2)
    def margin(q):
        holds, detail = _all_minima_global(sp.expand(stmt.g.subs(m, q)))
        margin.last = detail
        return 0.0 if holds else -1.0

    out = search(st.fractions(0, 10, max_denominator=20), margin, ctx, name="remark-8.8",
                 max_examples=min(ctx.profile.max_examples, 60), describe=lambda q: {"m": str(q), **(margin.last or {})})
    out.methods = ["symbolic", "hypothesis", "mpmath (50-digit critical points per m)"]
    out.notes.append("sampled: 'all local minima are global' is checked per drawn m; a proof would classify "
                     "the critical points 0, ±√m symbolically for every m ≥ 0 (g″(0) = −2m, g″(±√m) = 4m)")
    return all_of(form, out)


def _decide(stmt: Remark88, member, ctx) -> Outcome:
    """On one 1×1 PSD member M = [m]: every local minimum of the statement's g at that m is global (50-digit
    critical points, classified by the first non-vanishing derivative)."""
    q = sp.Rational(member.obj[0, 0])
    holds, detail = _all_minima_global(sp.expand(stmt.g.subs(m, q)))
    return Outcome(holds, ["mpmath (50-digit critical points)"], 1, 0.0 if holds else None,
                   None if holds else {"m": str(q), **detail}, strength="sampled")


G1 = sp.Rational(1, 2) * (m - xs**2) ** 2
claim(
    id="remark:8.8",
    section="8.3.1",
    kind="identity",
    title="d = 1: g(x) = ½(m − x²)² and its local minima are global",
    printed=r"For d = 1, g(x) = \tfrac12(m - x^2)^2 \text{ for some constant } m \ldots \text{all local minima are indeed global minima}",
    statement=Remark88(G1),
    check=_check,
    quantified=Quantified(Class("1×1 PSD M = [m]", "psd", ("PSD", "d = 1"), "Remark 8.8's constant m ≥ 0"), _decide,
                          shapes=("local-min-global", "pca-spectrum")),
    mutants=[
        Mutant("tilted: ½(m − x²)² + x/4 (a spurious local minimum appears)", Remark88(G1 + xs / 4, form_matches=False)),
        Mutant("g(x) = (m − x²)² (factor ½ dropped)", Remark88(2 * G1)),
    ],
    uses=["eq:8.1"],
    notes=["m = M ≥ 0 since M is PSD; m = 0 gives the degenerate minimum x = 0 of x⁴/2, still global"],
)
