"""The critical set of a polynomial, component by component, with certificates of global minimality.

symbolic.components decomposes and classifies (exact); this layer adds the one floating-point
ingredient, the SOS solver (numeric.sos), whose answers count only through the exact check: the
components whose value equals a certified lower bound c (f − c SOS, checked in SymPy) are global
minima, ``proved``.  A float SOS optimum without an exact certificate proves nothing.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import sympy as sp

from symbolic import components as CO

from numeric import sos as NS


@dataclass
class CriticalSets:
    decomposition: CO.Decomposition
    bound: NS.LowerBound | None
    notes: list[str] = field(default_factory=list)

    @property
    def components(self) -> list[CO.Component]:
        return self.decomposition.components

    def summary(self) -> list[str]:
        out = [c.line() for c in self.components]
        if self.bound is not None:
            out.append("global lower bound: " + self.bound.text)
        return out


def _candidates(dec: CO.Decomposition):
    """(value, ideals, points) per rational critical value, smallest first."""
    by: dict = {}
    for c in dec.components:
        if not (c.value.is_Rational and c.point is not None):
            continue
        ideals, points = by.setdefault(c.value, ([], []))
        if c.dimension > 0:
            ideals.append(c.equations)
        else:
            points.append(c.point)
    return [(v, ideals, points) for v, (ideals, points) in sorted(by.items(), key=lambda kv: kv[0])]


def numeric_values(f: sp.Expr, vs, starts: int = 60, box: float = 3.0, seed: int = 0) -> list:
    """Critical values read off Newton's limits from random starts, as small-denominator rationals.

    Only candidates: symbolic.components accepts them after proving Π(f − cⱼ) ∈ √⟨∇f⟩."""
    import numpy as np

    from numeric.newton import compiled as _compiled, newton_float

    c = _compiled(sp.sympify(f), tuple(vs))
    rng = np.random.default_rng(seed)
    vals = set()
    X0 = np.concatenate([rng.uniform(-s, s, size=(starts, len(vs))) for s in (box / 10, box / 3, box)])
    for x0 in X0:
        x, ok = newton_float(c, x0)
        if ok:
            r = sp.nsimplify(float(c["f"](*x)), rational=True, tolerance=1e-7)
            if r.q <= 10**4:
                vals.add(r)
    return sorted(vals)


def classify_critical_set(f: sp.Expr, vs, candidates=None, certify: bool = True) -> CriticalSets:
    """Decompose the critical set of the rational polynomial f and certify its global minima by SOS.

    ``candidates``: critical values to try first (default: read off numeric critical points)."""
    vs = tuple(vs)
    if candidates is None:
        candidates = numeric_values(f, vs)
    dec = CO.decompose(f, vs, candidates)
    bound = None
    if certify:
        cands = _candidates(dec)
        bound = NS.certified_lower_bound(f, vs, cands[:1])
        for c in dec.components:
            if bound.value is not None and bound.attained and c.value == bound.value:
                c.global_min, c.local_min, c.local_max = True, True, (c.local_max if c.dimension == 0 else False)
                c.evidence.append(f"f = {c.value} on the component and f ≥ {bound.value} everywhere "
                                  f"({bound.certificate.text()}): global minima, proved")
            elif bound.value is not None and c.value.is_number and sp.Rational(c.value) > bound.value and bound.attained:
                c.global_min = False
            elif bound.value is None and bound.float_value is not None and c.local_min:
                c.evidence.append(f"SDP lower bound {bound.float_value:.10g} is a float without an exact "
                                  "certificate: global minimality undecided")
    return CriticalSets(dec, bound)
