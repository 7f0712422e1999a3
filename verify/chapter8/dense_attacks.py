"""Attacks on sec:8.4.3:min-norm-dense's corrected form (the infinite-width limit) over the bank's cube data sets
(``numeric/adversaries/cube.py``: antipodal-free X ⊂ {±1}ᵈ labelled y = x₁x₂).

The limit kernel of the ReLU network (a fixed, W trained) is K∞(x, x′) = ⟨x, x′⟩(π − ∠(x, x′))/(2π); the minimum-norm
interpolant has ‖ΔW‖² = cᵀK∞c with c = K∞⁻¹y, and its part on x₃…x_d is cᵀK∞⁽³⁾c (the same angles, ⟨x₃:, x′₃:⟩).
The share is certified by interval arithmetic (mpmath iv at 50 digits: acos as atan2(√(1 − t²), t), the system solved
by interval LU); it is compared with the statement's bounds only when the enclosure lies on one side (else n/a).
'Every neuron active on a sample moves' is decided exactly (SymPy; an angle that is not a rational multiple of π
kept as a symbol, so a movement that cancels to 0 vanishes whatever its value): a neuron w moves by
∝ Σ_{i : wᵀxᵢ > 0} cᵢxᵢ, constant on each open cell of the arrangement {wᵀxᵢ = 0}; an integer w ∈ {−2, …, 2}ᵈ off every
plane with that sum exactly 0 is a witness of an open cone of active neurons at rest.
"""
from __future__ import annotations

import itertools
from functools import lru_cache

import mpmath as mp
import sympy as sp

from numeric.adversaries import Class
from verify.engine.claim import Outcome

DENSE_DATA = Class("antipodal-free X ⊂ {±1}ᵈ, y = x₁x₂", "cube",
                   ("inputs in {±1}ᵈ", "labels y = x₁x₂", "distinct inputs", "no antipodal pair"),
                   "Example 8.34's data without antipodal pairs (the corrected form's sets)")


@lru_cache(maxsize=None)
def share_interval(X: tuple) -> tuple[mp.mpf, mp.mpf]:
    """The limit share of x₃…x_d in ‖ΔW‖² as a certified interval (lo, hi)."""
    n, d = len(X), len(X[0])
    old = mp.iv.dps
    mp.iv.dps = 50
    try:
        pi = mp.iv.pi

        def ang(g):
            if g == d:
                return mp.iv.mpf(0)
            if g == -d:
                return pi
            t = mp.iv.mpf(g) / d
            return mp.iv.atan2(mp.iv.sqrt(1 - t * t), t)

        G = [[sum(a * b for a, b in zip(X[i], X[j])) for j in range(n)] for i in range(n)]
        P = [[(pi - ang(G[i][j])) / (2 * pi) for j in range(n)] for i in range(n)]
        K = mp.iv.matrix([[G[i][j] * P[i][j] for j in range(n)] for i in range(n)])
        K3 = mp.iv.matrix([[sum(a * b for a, b in zip(X[i][2:], X[j][2:])) * P[i][j] for j in range(n)]
                           for i in range(n)])
        c = mp.iv.lu_solve(K, mp.iv.matrix([[X[i][0] * X[i][1]] for i in range(n)]))
        s = (c.T * K3 * c)[0] / (c.T * K * c)[0]
        with mp.workprec(mp.iv.prec):  # the endpoints as they are (comparisons of mpf values are exact)
            return mp.mpf(s.a), mp.mpf(s.b)
    finally:
        mp.iv.dps = old


@lru_cache(maxsize=None)
def _exact_c(X: tuple) -> tuple:
    """c = K∞⁻¹y exactly, as rational functions of p_g = (π − acos(g/d))/(2π) for the g whose angle is not a rational
    multiple of π (SymPy evaluates acos(1/2), acos(0) and the like; p_{−g} = 1/2 − p_g)."""
    n, d = len(X), len(X[0])
    syms: dict[int, sp.Symbol] = {}

    def p(g):
        v = (sp.pi - sp.acos(sp.Rational(g, d))) / (2 * sp.pi)
        v = sp.simplify(v)
        if v.is_Rational:
            return v
        if g < 0:
            return sp.Rational(1, 2) - p(-g)
        return syms.setdefault(g, sp.Symbol(f"p{g}"))

    G = [[sum(a * b for a, b in zip(X[i], X[j])) for j in range(n)] for i in range(n)]
    K = sp.Matrix(n, n, lambda i, j: G[i][j] * p(G[i][j]))
    from sympy.polys.matrices import DomainMatrix

    Kd = DomainMatrix.from_Matrix(K).to_field()  # ℚ or ℚ(p_g): exact Gaussian elimination over the field
    yd = DomainMatrix.from_Matrix(sp.Matrix([x[0] * x[1] for x in X])).convert_to(Kd.domain)
    return tuple(sp.cancel(v) for v in Kd.lu_solve(yd).to_Matrix())


def rest_witness(X: tuple) -> tuple | None:
    """An integer w off every plane wᵀxᵢ = 0, active on some sample, whose movement Σ_{active} cᵢxᵢ is exactly 0."""
    d = len(X[0])
    c = _exact_c(X)
    for w in itertools.product(range(-2, 3), repeat=d):
        ip = [sum(a * b for a, b in zip(w, x)) for x in X]
        if 0 in ip or not any(v > 0 for v in ip):
            continue
        act = [i for i, v in enumerate(ip) if v > 0]
        mv = [sp.cancel(sum(c[i] * X[i][j] for i in act)) for j in range(d)]  # identically 0 as a function of p
        if all(v == 0 for v in mv):
            return w, act
    return None


def _na(why: str) -> Outcome:
    return Outcome(None, ["certified"], 0, notes=[why])


def decide(stmt, member, ctx) -> Outcome:
    """The limit statement (prose_843.DenseLimit) on one cube data set; the finite-width reading is n/a here."""
    from numeric.adversaries.cube import half_cube

    if not hasattr(stmt, "dims"):
        return _na("the finite-width reading quantifies over initialisations at a width, not over data sets: decided "
                   "on the second reader's exact width-4 instances in the check")
    X = tuple(tuple(r) for r in member.obj["X"])
    d = len(X[0])
    half = d in stmt.half_cube_dims and sorted(X) == sorted(half_cube(d))
    if d not in stmt.dims and not half:
        return _na(f"d = {d}: the statement speaks of d ∈ {set(stmt.dims)}"
                   + (f" and the half-cubes at d ∈ {set(stmt.half_cube_dims)}" if stmt.half_cube_dims else ""))
    lo, hi = share_interval(X)
    txt = f"limit share of x₃…x_d ∈ [{mp.nstr(lo, 12)}, {mp.nstr(hi, 12)}] (certified, n = {len(X)}, d = {d})"
    if lo >= stmt.share_lo and hi <= stmt.share_hi:
        ok = True
    elif hi < stmt.share_lo or lo > stmt.share_hi:
        ok = False
    else:
        return _na(txt + f": the enclosure straddles a bound of [{stmt.share_lo}, {stmt.share_hi}]")
    ce = None if ok else {"data": member.name, "n": len(X), "d": d, "share": mp.nstr(lo, 12),
                          "claimed": f"[{stmt.share_lo}, {stmt.share_hi}]"}
    notes = [txt]
    if ok and stmt.all_active_move:
        w = rest_witness(X)
        if w is None:
            return _na(txt + "; 'every active neuron moves': no integer witness w ∈ {−2, …, 2}ᵈ of a cone at rest "
                       "(a search, not a proof)")
        ok, ce = False, {"data": member.name, "w": list(w[0]), "active samples": [i + 1 for i in w[1]],
                         "c": [str(v) for v in _exact_c(X)], "reason": "Σ_{active} cᵢxᵢ = 0 exactly on the open cone "
                         "of w: those active neurons never move"}
        notes.append(f"w = {w[0]} active on samples {[i + 1 for i in w[1]]}, Σ cᵢxᵢ = 0 exactly")
    return Outcome(ok, ["interval", "exact"], 1, None, ce, strength="certified", sizes=[f"n = {len(X)}, d = {d}"],
                   notes=notes)
