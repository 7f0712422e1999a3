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
from symbolic import critical_points as scp

from numeric import sos as NS


@dataclass
class CriticalSets:
    decomposition: CO.Decomposition
    bound: NS.LowerBound | None
    notes: list[str] = field(default_factory=list)
    upper: NS.LowerBound | None = None  # the certified lower bound of −f (global maxima), if any

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


def numeric_points(f: sp.Expr, vs, starts: int = 60, box: float = 3.0, seed: int = 0):
    """(critical values as small-denominator rationals, Newton's limits): candidates and real-point hints."""
    import numpy as np

    from numeric.newton import compiled as _compiled, newton_float

    c = _compiled(sp.sympify(f), tuple(vs))
    rng = np.random.default_rng(seed)
    vals, pts = set(), []
    X0 = np.concatenate([rng.uniform(-s, s, size=(starts, len(vs))) for s in (box / 10, box / 3, box)])
    for x0 in X0:
        x, ok = newton_float(c, x0)
        if ok:
            pts.append(x)
            r = sp.nsimplify(float(c["f"](*x)), rational=True, tolerance=1e-7)
            if r.q <= 10**4:
                vals.add(r)
    return sorted(vals), pts


def numeric_values(f: sp.Expr, vs, starts: int = 60, box: float = 3.0, seed: int = 0) -> list:
    """Critical values read off Newton's limits from random starts, as small-denominator rationals.

    Only candidates: symbolic.components accepts them after proving Π(f − cⱼ) ∈ √⟨∇f⟩."""
    return numeric_points(f, vs, starts, box, seed)[0]


def real_reduction(G, vs):
    """Real-radical step: if some g in G (or −g) is an exact sum of squares pᵀQp (Q ⪰ 0), every real point of
    V(G) has Qp = 0; returns (the grevlex basis of G + Qp, why) when that cuts V(G) down, else None."""
    for g in G:
        if sp.Poly(g, *vs).total_degree() % 2:
            continue
        for sgn in (1, -1):
            try:
                cert = NS.certify(sgn * g, vs, 0)
            except Exception:  # noqa: BLE001 - no certificate, no reduction
                cert = None
            if cert is None:
                continue
            new = [sp.expand(sum(cert.Q[i, j] * cert.polys[j] for j in range(cert.Q.cols))) for i in range(cert.Q.rows)]
            G2 = CO.groebner(list(G) + new, vs)
            if G2 == [1] or any(e.is_number and e != 0 for e in G2) or not CO.contained(G, G2, vs):
                return ([1] if G2 == [1] or any(e.is_number and e != 0 for e in G2) else G2,
                        f"{'' if sgn > 0 else '−'}({g}) is a sum of squares ({cert.text()}), so every real point of the "
                        f"piece makes each square vanish: {', '.join(map(str, new[:4]))}{' …' if len(new) > 4 else ''} = 0")
    return None


def _real_parts(dec: CO.Decomposition, f, vs, hints) -> None:
    """Components with no real point found, or with only singular real points known: decide their real part
    by the real-radical step; a piece with no real point becomes ``complex_only``, a piece whose real points
    are finitely many becomes isolated point components, a lower-dimensional real part a new component."""
    out = []
    for c in dec.components:
        if c.dimension == 0 or c.real_dimension is not None:
            out.append(c)
            continue
        G, why_all, done = list(c.equations), [], False
        for _ in range(3):
            red = real_reduction(G, vs)
            if red is None:
                break
            G, why = red
            why_all.append(why)
            if G == [1]:
                dec.complex_only.append((c.equations, c.value, "no real point: " + "; ".join(why_all)))
                done = True
                break
            k, _ = CO.dimension(G, vs)
            if k == 0:
                pts = scp.solve_system(G, vs).points
                dec.complex_only.append((c.equations, c.value, f"complex dimension {c.dimension}; its real points are "
                                         f"{len(pts)} isolated point(s), listed as points: " + "; ".join(why_all)))
                out += [CO.point_component(P, G, f, vs, "the real part of a complex component: " + "; ".join(why_all))
                        for P in pts]
                done = True
                break
            sub = CO.component(G, vs, f, c.value, c.value_poly, hints)
            if sub.real_dimension is not None:
                sub.evidence.append(f"real part of a complex component of dimension {c.dimension}: " + "; ".join(why_all))
                dec.complex_only.append((c.equations, c.value, f"complex dimension {c.dimension}, real dimension "
                                         f"{sub.real_dimension}: " + "; ".join(why_all)))
                out.append(sub)
                done = True
                break
        if not done:
            c.evidence.append("real part undecided: no smooth real point found and no sum-of-squares reduction")
            out.append(c)
    out.sort(key=CO._order)
    dec.components[:] = out


def _le(a, b) -> bool:
    return bool(sp.N(a - b, 40) <= 0) if not (a.is_Rational and b.is_Rational) else a <= b


def classify_critical_set(f: sp.Expr, vs, candidates=None, certify: bool = True, hints=None) -> CriticalSets:
    """Decompose the critical set of the rational polynomial f and certify its global minima by SOS.

    ``candidates``: critical values to try first (default: read off numeric critical points, whose Newton
    limits also serve as real-point hints)."""
    vs = tuple(vs)
    if candidates is None or hints is None:
        cand2, hints2 = numeric_points(f, vs)
        candidates = cand2 if candidates is None else candidates
        hints = hints2 if hints is None else hints
    dec = CO.decompose(f, vs, candidates, hints)
    _real_parts(dec, f, vs, hints)
    bound = upper = None
    notes: list[str] = []
    if certify:
        cands = _candidates(dec)
        bound = NS.certified_lower_bound(f, vs, cands[:1])
        real = [c for c in dec.components if c.point is not None]
        for c in dec.components:
            if bound.value is not None and bound.attained and c.value == bound.value:
                c.global_min, c.local_min, c.local_max = True, True, (c.local_max if c.dimension == 0 else False)
                c.evidence.append(f"f = {c.value} on the component and f ≥ {bound.value} everywhere "
                                  f"({bound.certificate.text()}): global minima, proved")
                for st in c.strata:
                    st.global_min, st.local_min = True, True
                    if st.kind.startswith("degenerate"):
                        st.kind = "degenerate: local minimum"
            elif bound.value is not None and c.value.is_number and bound.attained and not _le(c.value, bound.value):
                c.global_min = False
            elif bound.value is None and bound.float_value is not None and c.local_min:
                c.evidence.append(f"SDP lower bound {bound.float_value:.10g} is a float without an exact "
                                  "certificate: global minimality undecided")
        _coercive_minimum(dec, f, vs, real, bound, notes)
        upper = _global_maxima(dec, f, vs)
    cs = CriticalSets(dec, bound, notes)
    cs.upper = upper
    return cs


def _coercive_minimum(dec, f, vs, real, bound, notes) -> None:
    """An irrational smallest value (no rational SOS certificate attains it): when f is coercive and every piece
    of the critical set has its real part decided, the smallest value of a real component is the minimum."""
    if bound is not None and bound.attained and bound.value is not None:
        return
    vals = [c for c in real if c.value.is_number]
    if not vals or any(c.point is None and c.real_dimension != -1 for c in dec.components):
        return
    low = min(vals, key=lambda c: sp.N(c.value, 40))
    if low.value.is_Rational:
        return
    ok, why = scp.coercive(sp.expand(f), list(vs))
    if not ok:
        notes.append("smallest critical value " + scp.number_text(low.value) + ": global minimality undecided (" + why + ")")
        return
    for c in real:
        if sp.N(c.value - low.value, 40) == 0:
            c.global_min, c.local_min = True, True
            c.evidence.append(f"f is coercive ({why}) and {scp.number_text(c.value)} is the smallest value of f on its "
                              "real critical set (every piece decided): global minima, proved")
        else:
            c.global_min = False


def _global_maxima(dec, f, vs):
    """The largest rational value among the local maxima, certified global by an SOS certificate of −f."""
    cand = [c for c in dec.components if c.point is not None and c.local_max is not False and c.value.is_Rational
            and (c.inertia is None or c.inertia.positive == 0)]
    if not cand:
        return None
    top = max(c.value for c in cand)
    ideals = [c.equations for c in cand if c.value == top and c.dimension > 0]
    points = [c.point for c in cand if c.value == top and c.dimension == 0]
    try:
        b = NS.certified_lower_bound(-f, vs, [(-top, ideals, points)])
    except Exception:  # noqa: BLE001 - no certificate, no verdict
        return None
    if b.value is not None and b.attained:
        for c in dec.components:
            if c.value.is_number and c.point is not None:
                c.global_max = bool(sp.N(c.value - top, 40) == 0)
                if c.global_max:
                    c.local_max = True
                    c.evidence.append(f"−f − ({-top}) is a sum of squares ({b.certificate.text()}): f ≤ {top} everywhere, "
                                      "attained here: global maxima, proved")
    return b
