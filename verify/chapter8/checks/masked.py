"""Identities with the sampling mask P_Ω, proved for every d and re-checked at d = 3.

``MaskedIdentity`` states lhs = rhs as matrix expressions in a mask letter W
(P_Ω(A) = HadamardProduct(W, A)); the check runs the trace normal form (with the
mask as an operator letter) once per mask kind: a symmetric mask (Ω = Ωᵀ, as for a
symmetric sample) and an independent-entries mask.  ``Twice`` pairs it with the
older entrywise statement at d = 3 (symbolic entries, symbolic 0/1 mask): a second,
independent exact check, which must agree with the first.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy as sp
from sympy import MatrixSymbol

from verify.engine.claim import Outcome, Step
from verify.engine.context import Context
from verify.chapter8.checks.entrywise import EntrywiseIdentity, check_entrywise
from verify.engine.checks.identity import MatrixIdentity, check_matrix_identity


@dataclass(frozen=True)
class MaskedIdentity:
    """build(W) -> (lhs, rhs) for a mask letter W; the other letters are listed in ``symbols``."""

    build: Callable[[MatrixSymbol], tuple[sp.Expr, sp.Expr]]
    symbols: tuple[MatrixSymbol, ...]
    W: MatrixSymbol
    symmetric: tuple[MatrixSymbol, ...] = ()
    masks: tuple[str, ...] = ("symmetric", "independent")
    series_in: sp.Symbol | None = None
    order: int | None = None
    only_order: bool = False
    label: str = "identity"


def check_masked(stmt: MaskedIdentity, ctx: Context) -> Outcome:
    out = None
    for kind in stmt.masks:
        lhs, rhs = stmt.build(stmt.W)
        sym = stmt.symmetric + ((stmt.W,) if kind == "symmetric" else ())
        one = check_matrix_identity(MatrixIdentity(
            lhs, rhs, symbols=stmt.symbols, symmetric=sym, masks=(stmt.W,), dim=stmt.W.shape[0],
            series_in=stmt.series_in, order=stmt.order, only_order=stmt.only_order, explicit_d=3,
            label=f"{stmt.label} ({kind} mask)"), ctx)
        if one.counterexample is not None:
            one.counterexample = {"mask": kind, **one.counterexample}
        out = one if out is None else out.merge(one)
        if one.holds is False:
            break
    return out


@dataclass(frozen=True)
class Twice:
    """One statement, twice: for every d (``generic``) and entrywise at d = 3 (``concrete``)."""

    generic: MaskedIdentity
    concrete: EntrywiseIdentity


def check_twice(stmt: Twice, ctx: Context) -> Outcome:
    g = check_masked(stmt.generic, ctx)
    c = check_entrywise(stmt.concrete, ctx)
    steps = g.steps + [Step(s.label + " [entrywise]", s.text, derived=s.derived, holds=s.holds) for s in c.steps]
    methods = list(dict.fromkeys(g.methods + c.methods))
    if g.holds is True and c.holds is True:
        return Outcome(True, methods, g.examples + c.examples, 0.0, steps=steps, strength="proved",
                       notes=g.notes + ["independently: " + n for n in c.notes], proof=g.proof + c.proof,
                       decided_by=list(dict.fromkeys(g.decided_by + ["entrywise"])))
    if g.holds is False and c.holds is False:
        return Outcome(False, methods, 1, None, g.counterexample, steps=steps, strength=g.strength, sizes=g.sizes,
                       proof=g.proof + c.proof, decided_by=list(dict.fromkeys(g.decided_by + ["entrywise"])))
    return Outcome(None, methods, steps=steps,
                   notes=[f"the generic proof ({g.holds}) and the entrywise check at d = 3 ({c.holds}) disagree"])
