"""A claim's concrete check, and beside it a proof of the same statement for every size.

Many §8.4 identities were checked exactly at one small size (m = d = 3, n = 3).
``generic_too(check, generic)`` keeps that check, and runs a second, independent one:
``generic(statement)`` restates the same statement (the printed form, a correction or
a mutant alike) at symbolic sizes (a MatrixIdentity for the trace normal form, or an
EntryIdentity at symbolic indices).  When both hold the verdict is ``proved``; when
both fail, the concrete counterexample stands; when they disagree the verdict is
inconclusive, which is a bug to look at.  A generic form outside the normal form's
language (a TypeError) leaves the concrete check alone, with its own strength.
``generic`` must restate *everything* the concrete check establishes (every step,
every printed form): the verdict's strength becomes ``proved`` on its word. The
runner holds it to that: the generic part runs on every mutant too, and a mutant it
does not refute (killed only by the concrete check) shows that it does not restate
the claim; the verdict then drops to the concrete check's strength (``fallback``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from typing import Any, Callable

import sympy as sp

from verify.engine.claim import Outcome, Proof, Step
from verify.engine.checks.identity import MatrixIdentity, check_matrix_identity


@dataclass(frozen=True)
class EntryIdentity:
    """lhs = rhs as scalar expressions at symbolic indices and sizes (an entry of a vector identity)."""

    lhs: sp.Expr
    rhs: sp.Expr
    label: str = "entry"


def check_entry_identity(stmt: EntryIdentity, ctx) -> Outcome:
    diff = sp.expand(stmt.lhs - stmt.rhs)
    if diff != 0:
        diff = sp.simplify(diff)  # e.g. combines sums over one range: an equivalence, so 0 is a proof
    ok = diff == 0
    step = Step(stmt.label, "entry at symbolic indices, lhs − rhs (symbolic sizes)", derived=diff, holds=ok)
    if ok:
        return Outcome(True, ["symbolic (symbolic indices)"], 1, 0.0, steps=[step], strength="proved",
                       notes=[f"{stmt.label}: proved at symbolic indices, for every size"],
                       proof=[Proof("symbolic", "lhs − rhs simplifies to 0 at symbolic indices", diff,
                                    path="symbolic indices")], decided_by=["symbolic indices"])
    # a nonzero difference refutes once one admissible value of its symbols makes it a nonzero number
    if not diff.has(sp.Sum, sp.Indexed) and not diff.atoms(sp.MatrixSymbol) and diff.free_symbols:
        witness = {s: sp.Integer(2) for s in diff.free_symbols}
        val = diff.subs(witness)
        if val.is_number and val.is_zero is False:
            return Outcome(False, ["symbolic (symbolic indices)"], 1, None,
                           {"at": {str(k): int(v) for k, v in witness.items()}, "lhs - rhs": str(sp.nsimplify(val))},
                           steps=[step], strength="exact", sizes=[f"{stmt.label} at {witness}"],
                           proof=[Proof("exact", "lhs − rhs at an exact witness is a nonzero number", val,
                                        path="symbolic indices")], decided_by=["symbolic indices"])
    return Outcome(None, ["symbolic (symbolic indices)"], steps=[step])


@dataclass(frozen=True)
class NonNegative:
    """expr ≥ 0 for all nonnegative values of ``variables``: certified when expr (times a positive ``denominator``)
    expands to a polynomial whose coefficients are all ≥ 0."""

    expr: sp.Expr
    variables: tuple
    label: str = "inequality"
    strict: bool = False  # > 0: the numerator's constant term is positive too


def check_nonnegative(stmt: NonNegative, ctx) -> Outcome:
    num, den = sp.fraction(sp.together(stmt.expr))
    gens = stmt.variables or (sp.Dummy("none"),)  # a constant needs a generator to be a Poly
    poly = sp.Poly(sp.expand(num), *gens)
    den_poly = sp.Poly(sp.expand(den), *gens)
    ok = all(c >= 0 for c in poly.coeffs()) and all(c > 0 for c in den_poly.coeffs())
    if stmt.strict:
        ok = ok and poly.coeff_monomial(1) > 0
    step = Step(stmt.label, "numerator and denominator: polynomials with nonnegative coefficients in nonnegative "
                "variables (a certificate)", derived=sp.expand(num), holds=ok if ok else None)
    if ok:
        return Outcome(True, ["symbolic (nonnegative-coefficient certificate)"], 1, 0.0, steps=[step], strength="proved",
                       proof=[Proof("symbolic", "numerator with nonnegative coefficients", sp.expand(num),
                                    path="coefficient certificate")], decided_by=["coefficient certificate"])
    return Outcome(None, ["symbolic (nonnegative-coefficient certificate)"], steps=[step])


def _run(g, ctx) -> Outcome:
    if isinstance(g, (list, tuple)):
        out = None
        for one in g:
            o = _run(one, ctx)
            out = o if out is None else out.merge(o)
        return out
    if isinstance(g, EntryIdentity):
        return check_entry_identity(g, ctx)
    if isinstance(g, NonNegative):
        return check_nonnegative(g, ctx)
    return check_matrix_identity(g, ctx)


def generic_too(check: Callable[[Any, Any], Outcome], generic: Callable[[Any], Any]):
    @wraps(check)
    def both(stmt, ctx) -> Outcome:
        c = check(stmt, ctx)
        try:
            g_stmt = generic(stmt)
            g = None if g_stmt is None else _run(g_stmt, ctx)
        except TypeError as exc:  # outside the normal form's language
            c.notes.append(f"no generic proof for this form ({exc})")
            return c
        if g is None or g.holds is None:
            if g is not None:
                c.steps.extend(g.steps)
            c.decided_by = c.decided_by or ["concrete check"]
            return c
        steps = c.steps + [Step("every size: " + s.label, s.text, derived=s.derived, holds=s.holds) for s in g.steps]
        methods = list(dict.fromkeys(c.methods + g.methods))
        if g.holds is True and c.holds is True:
            # the verdict rests on the proof; a fit of the concrete check is a second, sampled check: it is
            # reported in a note, not as the claim's evidence (a proved verdict does not rest on a fit)
            second = [f"second check (sampled, seeds {list(f.seeds)}): {f.quantity} ∝ {f.against}^{f.exponent:.3g} "
                      f"[{f.interval[0]:.3g}, {f.interval[1]:.3g}] (theory {f.relation} {f.theory})" for f in c.fits]
            # without the generic part the verdict is the concrete check's (the runner drops to it when a
            # mutant is refuted by the concrete check alone: then the generic part does not restate the claim)
            fallback = (c.strength, list(c.sizes)) if not c.fits else ("sampled", [])
            return Outcome(True, methods, c.examples + g.examples, c.worst_margin, None, [], steps,
                           c.notes + g.notes + second, c.figures, strength="proved", proof=g.proof,
                           decided_by=["generic: " + p for p in (g.decided_by or ["proof"])], fallback=fallback)
        if g.holds is False and c.holds is False:
            return Outcome(False, methods, c.examples + g.examples, c.worst_margin, c.counterexample, c.fits, steps,
                           c.notes, c.figures, strength=c.strength or g.strength, sizes=c.sizes or g.sizes,
                           proof=c.proof + g.proof,
                           decided_by=["generic: " + p for p in (g.decided_by or ["proof"])] + list(c.decided_by))
        if c.holds is False:  # the generic form holds where the concrete check refutes: it restates something else
            c.notes.append("the generic part holds on this statement while the concrete check refutes it: the "
                           "generic part does not restate it")
            c.decided_by = c.decided_by or ["concrete check"]
            return c
        return Outcome(None, methods, steps=steps, strength="sampled", notes=c.notes + [
            f"the concrete check ({c.holds}) and the proof for every size ({g.holds}) disagree"])
    return both


def vector_identity(L, R, symbols, label="identity", **kw) -> MatrixIdentity:
    """L = R for matrix expressions of one column: uᵀL = uᵀR for a free vector u (every u, so L = R)."""
    from sympy import MatrixSymbol
    u = MatrixSymbol("u_test", L.shape[0], 1)
    return MatrixIdentity(u.T * L, u.T * R, symbols=tuple(symbols) + (u,), explicit_d=kw.pop("explicit_d", 3),
                          label=label, **kw)
