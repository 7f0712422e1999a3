"""Identities involving the mask P_Ω, proved entrywise at a concrete d.

The statement builds (lhs, rhs) from a symbolic.chapter8.matrix_completion.Instance; the
check expands lhs − rhs with symbolic entries and a symbolic 0/1 mask (ω² = ω), for
a symmetric mask and for an independent-entries mask.  Zero is a proof for every d
(each term involves one entry (i, j) or its mirror, and d = 3 holds both term types
i = j and i ≠ j with room to spare).  A nonzero difference is confirmed by an exact
counterexample: random small integers and a random 0/1 mask.

Strength: ``exact`` at the listed d (the reduction of every d to the term types is
an argument of DESIGN.md that this module does not check); a refutation by an
exact integer counterexample is ``exact`` at that instance.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import sympy as sp

from symbolic.chapter8.matrix_completion import Instance, reduce_mask

from verify.engine.claim import Outcome, Step
from verify.engine.context import Context


@dataclass(frozen=True)
class EntrywiseIdentity:
    build: Callable[[Instance], tuple[sp.Expr, sp.Expr]]
    masks: tuple[str, ...] = ("symmetric", "independent")
    rank_one: bool = False  # M = zzᵀ
    d: int = 3
    label: str = "identity"


def check_entrywise(stmt: EntrywiseIdentity, ctx: Context) -> Outcome:
    steps, ce = [], None
    for kind in stmt.masks:
        inst = Instance(stmt.d, symmetric_mask=kind == "symmetric", rank_one=stmt.rank_one)
        lhs, rhs = stmt.build(inst)
        diff = reduce_mask(sp.expand(lhs - rhs), inst.W)
        ok = diff == 0
        steps.append(Step(f"{stmt.label} ({kind} mask)", f"lhs − rhs at d = {stmt.d}, symbolic entries and mask",
                          derived=diff, holds=ok))
        if not ok and ce is None:
            ce = _counterexample(inst, diff, ctx, kind)
            if ce is None:
                return Outcome(None, ["symbolic (entrywise)"], steps=steps,
                               notes=["difference is nonzero as a polynomial but vanished at every sampled point"],
                               strength="exact", sizes=[f"d = {stmt.d}"])
    if ce is not None:
        return Outcome(False, ["symbolic (entrywise)", "exact counterexample"], 1, None, ce, steps=steps,
                       strength="exact", sizes=[f"d = {stmt.d}, integer counterexample"])
    return Outcome(True, ["symbolic (entrywise)"], len(stmt.masks), 0.0, steps=steps,
                   notes=[f"exact at d = {stmt.d} with a symbolic 0/1 mask ({', '.join(stmt.masks)}): "
                          "the identity holds entry by entry (the reduction to every d is not checked here)"],
                   strength="exact", sizes=[f"d = {stmt.d}"])


def _counterexample(inst: Instance, diff: sp.Expr, ctx: Context, kind: str):
    rng = ctx.rng("entrywise-counterexample")
    syms = sorted(diff.free_symbols, key=str)
    wsyms = set(inst.W.free_symbols)
    for _ in range(50):
        vals = {s: int(rng.integers(0, 2)) if s in wsyms else int(rng.integers(-3, 4)) for s in syms}
        gap = diff.xreplace(vals)
        if gap != 0:
            d = inst.d
            W = np.array(inst.W.xreplace({**{w: 0 for w in wsyms}, **{k: v for k, v in vals.items() if k in wsyms}}).tolist(), dtype=int)
            return {"mask": kind, "Omega (0/1)": W.tolist(),
                    "values": {str(k): v for k, v in vals.items() if k not in wsyms}, "lhs - rhs": int(gap)}
    return None
