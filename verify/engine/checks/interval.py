"""Rigorous sign of a SymPy expression on a box, by interval arithmetic (mpmath.iv).

The expression is lambdified into mpmath's interval context; a box whose interval
value lies in [0, ∞) is settled, one whose value lies in (−∞, 0) refutes the claim,
and any other box is bisected along its widest side, up to ``max_boxes`` boxes.
Interval arithmetic encloses every value the expression takes on a box (outward
rounding), so a settled covering is a rigorous bound from floats: strength
``certified``.  A box refuting the claim is as rigorous; an unsettled budget is
inconclusive.  A bound that is attained inside the box (a tight inequality) is out
of reach of plain bisection: give such claims an exact certificate instead
(verify.engine.checks.certificate).
"""
from __future__ import annotations

import mpmath
import sympy as sp

from verify.engine.claim import Outcome


def _enclose(q):
    """An interval containing the rational ``q`` (outward rounded)."""
    q = sp.Rational(sp.nsimplify(q))
    return mpmath.iv.mpf(int(q.p)) / int(q.q)


def certify_nonnegative(expr: sp.Expr, box, *, max_boxes: int = 20000, prec: int = 53) -> Outcome:
    """expr ≥ 0 for every point of ``box`` ((symbol, lo, hi), ...), decided with mpmath.iv."""
    syms = [v for v, _, _ in box]
    fn = sp.lambdify(syms, expr, modules=mpmath.iv)
    iv = mpmath.iv
    with mpmath.workprec(prec):
        todo = [[iv.mpf([_enclose(lo).a, _enclose(hi).b]) for _, lo, hi in box]]
        done, worst = 0, None
        while todo:
            cell = todo.pop()
            val = fn(*cell)
            lo_v, hi_v = float(val.a), float(val.b)
            if val.a >= 0:
                done += 1
                worst = lo_v if worst is None else min(worst, lo_v)
                continue
            if val.b < 0:
                ce = {str(s): [float(c.a), float(c.b)] for s, c in zip(syms, cell)}
                ce["value enclosure"] = [lo_v, hi_v]
                return Outcome(False, ["interval arithmetic (mpmath.iv)"], done + 1, hi_v, ce, strength="certified")
            if done + len(todo) >= max_boxes:
                return Outcome(None, ["interval arithmetic (mpmath.iv)"], done, None, strength="certified",
                               notes=[f"undecided after {max_boxes} boxes (a bound attained inside the box needs "
                                      "an exact certificate)"])
            k = max(range(len(cell)), key=lambda i: float(cell[i].delta))
            mid = cell[k].mid
            left, right = list(cell), list(cell)
            left[k] = iv.mpf([cell[k].a, mid])
            right[k] = iv.mpf([mid, cell[k].b])
            todo += [left, right]
    return Outcome(True, ["interval arithmetic (mpmath.iv)"], done, worst, strength="certified",
                   notes=[f"a covering of {done} boxes, each with an interval enclosure ≥ 0"])
