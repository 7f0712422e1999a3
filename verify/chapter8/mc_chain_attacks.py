"""Theorem 8.23's chain (8.38)–(8.52) decided on exact stationary points of the chapter's f (issue 18).

Each step of the chain is a scalar implication (``verify.chapter8.claims.mc_implication.Implication``) in the point's
scalars s = ‖x‖², c = ⟨x, z⟩², t = ⟨x, z⟩, u = |⟨x, z⟩|, a = |1 − ‖x‖²|, q = ⟨x, z⟩(1 − ‖x‖²) and the level ε of
Lemma 8.17, claimed "for every stationary x" (Theorem 8.23: "Let x be such that ∇f(x) = 0. For ε ≤ 1/16").  The
class is the bank's unit μ-incoherent z (eq:8.42's class); at each z the points are:

* Ω full (p = 1), where f = g and every deviation dev(u, v) = ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² is 0, so Lemma 8.17 holds at
  every level ε ≥ 0 and the step must hold for every ε ∈ [0, 1/16]:
  - x = 0: ∇f(0) = −(P_Ω(R) + P_Ω(R)ᵀ)·0 = 0 for every Ω; not a local minimum, f(τz) = (1 − τ²)²f(0) with
    f(0) = ½Σ_Ω z_i²z_j² = ½ > 0 (exact);
  - x = ±z: R = zzᵀ − xxᵀ = 0, so ∇f(±z) = 0 and f(±z) = 0 = min f: global minima; ‖±z‖_∞ = ‖z‖_∞ ≤ μ/√d.
  The gradient at ±z is also computed on the chapter's f in rationals (numeric.chapter8.mc_stationary.gradient_part)
  when z = √r·ẑ with ẑ rational.  At these points (s, t) do not depend on Ω, so Ω full, which admits every ε, dominates
  every other mask (whose level is ≥ 0); x = 0 is a local minimum only where P_Ω(zzᵀ) = 0, and there dev(z, z) = −1,
  so the level is ≥ 1 > 1/16 (outside the chain's range).
* second reader R3's exact instances (numeric.chapter8.mc_stationary.INSTANCES) at their z (z = 1/√6, d = 6): a saddle,
  a strict local minimum, a coherent spike, with the mask's exact level ε_sup (KKT enumeration).  Every ε_sup there
  exceeds 1/16: Theorem 8.23's range is empty on those masks, so the steps are not applicable there (recorded, with
  the point's scalars).

On one point the step is decided exactly: with the point's scalars substituted, premises and conclusions are
polynomials in ε (algebraic coefficients), and the set {ε ∈ [max(ε_lo, box), 1/16] : every premise ≥ 0, some conclusion
< 0} is computed by SymPy's solveset; a nonempty set breaks the step at a witness ε re-checked exactly, an empty one
holds it (vacuously when the premises never hold at the point: recorded, not counted as held).  A point outside the
statement's box (e.g. ‖x‖² > 4) or outside the statement's hypothesis (the corrected (8.39) asks for a local minimum
with ‖x‖_∞ ≤ μ/√d) is not applicable.

What this cannot do: the chain's constants (32ε, 65ε/84ε, 162ε) are worst cases over the scalar box, reached at
points that are not stationary points of any f known here; the steps' constant mutants are killed by the box
certificates of the checks, not by these points (the only exact stationary points in the chain's range are 0 and ±z).
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import sympy as sp

from verify.engine.claim import Outcome, Proof

E16 = sp.Rational(1, 16)
PATH = "adversary bank (exact stationary points)"


@dataclass(frozen=True)
class Point:
    """One exact stationary point of f at the member's z: its scalars, its type and the level range of its mask."""

    name: str
    s: sp.Expr  # ‖x‖²
    t: sp.Expr  # ⟨x, z⟩
    local_min: bool  # ∇f(x) = 0 and ∇²f(x) ⪰ 0 (a global minimum, or a decided PSD Hessian)
    incoherent: bool  # ‖x‖_∞ ≤ μ/√d (Lemma 8.21's hypothesis)
    eps_lo: sp.Expr  # the smallest ε at which Lemma 8.17 holds on the mask (0 at Ω full)
    how: str

    def values(self) -> dict:
        s, t = self.s, self.t
        return {"s": s, "c": t**2, "t": t, "u": abs(t), "a": abs(1 - s), "q": t * (1 - s)}


def _rational_form(z):
    """z = √r·ẑ with r, ẑ rational (None when z has no such form)."""
    k = next((i for i, v in enumerate(z) if v != 0), None)
    if k is None:
        return None
    r = z[k] ** 2
    zh = [v / abs(z[k]) for v in z]
    if not r.is_Rational or not all(v.is_Rational for v in zh):
        return None
    return Fraction(int(r.p), int(r.q)), tuple(Fraction(int(v.p), int(v.q)) for v in zh)


_POINTS: dict = {}


def _points_of(z: tuple) -> tuple[Point, ...]:
    from numeric.chapter8 import mc_stationary as ST

    d = len(z)
    n2 = sp.nsimplify(sum(v * v for v in z))
    if n2 != 1:
        raise ValueError(f"z is not a unit vector: ‖z‖² = {n2}")
    inc = bool(max(v * v for v in z) * d <= 4)  # ‖z‖_∞ ≤ μ/√d, μ = 2 (the class's μ)
    f0 = sp.Rational(1, 2) * n2**2  # f(0) = ½Σ_{all (i, j)} z_i²z_j² at Ω full
    how_grad = "∇f(±z) = 0: R = zzᵀ − xxᵀ = 0"
    rf = _rational_form(z) if d <= 8 else None  # larger d: R = 0 entrywise is the whole computation
    if rf is not None:
        r, zh = rf
        full = tuple((1,) * d for _ in range(d))
        inst = ST.Stationary("Ω full at ±z", zh, r, full, Fraction(1), zh, r, 2)
        if any(ST.gradient_part(inst)):
            raise AssertionError("∇f(z) ≠ 0 at Ω full")
        how_grad += " (and computed on the chapter's f in rationals: −(P_Ω(R) + P_Ω(R)ᵀ)x = 0)"
    pts = [Point("x = 0, Ω full (p = 1)", sp.Integer(0), sp.Integer(0), False, True, sp.Integer(0),
                 f"∇f(0) = 0 for every Ω; f(τz) = (1 − τ²)²·f(0), f(0) = {f0} > 0: a saddle, not a local minimum; "
                 "every dev(u, v) = 0 at p = 1, so Lemma 8.17 holds at every ε ≥ 0"),
           Point("x = z, Ω full (p = 1)", sp.Integer(1), sp.Integer(1), True, inc, sp.Integer(0),
                 how_grad + "; f(z) = 0 = min f: a global minimum; ‖x‖_∞ = ‖z‖_∞"),
           Point("x = −z, Ω full (p = 1)", sp.Integer(1), sp.Integer(-1), True, inc, sp.Integer(0),
                 how_grad + "; f(−z) = 0 = min f: a global minimum")]
    # second reader R3's exact instances at this z (d = 6), with the mask's exact Lemma 8.17 level
    for inst in ST.INSTANCES:
        if len(inst.zh) != d:
            continue
        root = sp.sqrt(sp.Rational(inst.rz.numerator, inst.rz.denominator))
        if any(sp.simplify(root * sp.Rational(h.numerator, h.denominator) - v) != 0
               for h, v in zip(map(Fraction, inst.zh), z)):
            continue
        r = ST.decide(inst)
        if not r.stationary:
            raise AssertionError(f"{inst.name}: not stationary")
        t2 = Fraction(inst.t2)
        tt = sp.sqrt(sp.Rational((Fraction(inst.rz) * t2).numerator, (Fraction(inst.rz) * t2).denominator)) * \
            sp.Rational(sum(Fraction(a) * Fraction(b) for a, b in zip(inst.zh, inst.y)))
        psd = ST.is_psd(ST.hessian(inst))
        inc21 = r.sup2 <= Fraction(inst.mu**2, inst.d)
        pts.append(Point(inst.name, sp.Rational(r.s.numerator, r.s.denominator), sp.nsimplify(tt), psd, inc21,
                         sp.Rational(r.eps_sup.numerator, r.eps_sup.denominator),
                         f"∇f(x) = 0 exactly, ∇²f(x) {'⪰' if psd else '⋡'} 0 (exact elimination), ε_sup = {r.eps_sup} "
                         "(KKT enumeration over every admissible pair)"))
    return tuple(pts)


def points(zm) -> tuple[Point, ...]:
    """The exact points at the member's z (computed once per member and process)."""
    if zm.name not in _POINTS:
        _POINTS[zm.name] = _points_of(tuple(sp.sympify(v) for v in zm.obj))
    return _POINTS[zm.name]


def _pick(S):
    """A point of a nonempty subset of ℝ (an endpoint it contains, else a midpoint)."""
    if isinstance(S, sp.Union):
        S = S.args[-1]
    if isinstance(S, sp.FiniteSet):
        return max(S)
    if isinstance(S, sp.Interval):
        if not S.right_open:
            return S.end
        return (S.start + S.end) / 2 if S.start < S.end else S.start
    raise ValueError(f"cannot pick a point of {S}")


def _decide_imp(imp, vals: tuple, eps_lo) -> tuple:
    """(verdict, detail): 'held' | 'broke' | 'vacuous' | 'empty' | 'outside' for one implication at one point."""
    return _decide_core(imp.variables, imp.premises, imp.conclusions, vals, eps_lo)


@lru_cache(maxsize=4096)
def _decide_core(variables, premises, conclusions, vals: tuple, eps_lo) -> tuple:
    vals = dict(vals)
    e, elo, ehi = next((v, lo, hi) for v, lo, hi in variables if v.name == "eps")
    subs = {}
    for v, lo, hi in variables:
        if v is e:
            continue
        x = vals[v.name]
        if not (sp.nsimplify(lo) <= x <= sp.nsimplify(hi)):
            return "outside", f"{v.name} = {x} outside the statement's box [{lo}, {hi}]"
        subs[v] = x
    lo, hi = max(sp.nsimplify(elo), eps_lo), sp.nsimplify(ehi)
    if lo > hi:
        return "empty", f"ε ∈ [{lo}, {hi}] is empty"
    interval = sp.Interval(lo, hi)
    feas = interval
    for g in premises:
        feas = feas.intersect(sp.solveset(sp.Ge(sp.expand(g.subs(subs)), 0), e, sp.S.Reals))
    if feas is sp.S.EmptySet:
        return "vacuous", f"the premises hold for no ε ∈ [{lo}, {hi}]"
    bad = sp.S.EmptySet
    for h in conclusions:
        bad = bad.union(sp.solveset(sp.Lt(sp.expand(h.subs(subs)), 0), e, sp.S.Reals).intersect(feas))
    if bad is sp.S.EmptySet:
        return "held", f"premises hold on {feas}, every conclusion ≥ 0 there"
    w = sp.nsimplify(_pick(bad))
    prem = [sp.nsimplify(g.subs(subs).subs(e, w)) for g in premises]
    conc = [sp.nsimplify(h.subs(subs).subs(e, w)) for h in conclusions]
    if not (all(p >= 0 for p in prem) and any(c < 0 for c in conc)):
        return "undecided", f"witness ε = {w} did not re-check"
    return "broke", {"eps": w, "violating eps": bad, "premises at eps": prem, "conclusions at eps": conc}


def decide(imps, gate: str, zm, what: str) -> Outcome:
    """The step ``imps`` (one Implication per sub-range or case, all must hold) on every exact point at ``zm``'s z.

    gate: 'stationary' (every point), or 'local-min' (∇²f ⪰ 0 and ‖x‖_∞ ≤ μ/√d required, the corrected (8.39))."""
    n, notes, ce, proof = 0, [], None, []
    d = len(zm.obj)
    for pt in points(zm):
        if gate == "local-min" and not (pt.local_min and pt.incoherent):
            why = "not a local minimum" if not pt.local_min else "‖x‖_∞ > μ/√d"
            notes.append(f"{pt.name}: n/a, {why} (the corrected (8.39) asks for a local minimum with ‖x‖_∞ ≤ μ/√d): "
                         f"{pt.how}"[:300])
            continue
        vals = tuple(sorted(pt.values().items()))
        res = [(k, *_decide_imp(imp, vals, pt.eps_lo)) for k, imp in enumerate(imps)]
        decided = [r for r in res if r[1] in ("held", "broke")]
        broke = [r for r in res if r[1] == "broke"]
        if broke:
            k, _, det = broke[0]
            if ce is None:
                ce = {"z": zm.name, "point": pt.name, "|x|^2": str(pt.s), "<x,z>": str(pt.t),
                      "part": imps[k].text, "eps": str(det["eps"]), "violating eps": str(det["violating eps"]),
                      "premises at eps (>= 0)": [str(v) for v in det["premises at eps"]],
                      "conclusions at eps (one < 0)": [str(v) for v in det["conclusions at eps"]]}
                proof.append(Proof("exact", f"{what} fails at an exact stationary point ({pt.name})",
                                   obj={"eps": det["eps"], "conclusions": det["conclusions at eps"]},
                                   size=f"d = {d}: {pt.name}", path=PATH))
            n += 1
            notes.append(f"{pt.name}: BROKEN at ε = {det['eps']} ({imps[k].text[:80]})")
        elif decided:
            n += 1
            notes.append(f"{pt.name} (‖x‖² = {pt.s}, ⟨x, z⟩ = {pt.t}): held on every ε of its range")
        else:
            why = "; ".join(f"part {k + 1}: {v} ({det})" for k, v, det in res)
            notes.append(f"{pt.name} (‖x‖² = {pt.s}, ⟨x, z⟩ = {pt.t}, ε ≥ {pt.eps_lo}): n/a — {why}"[:400])
    if n == 0:
        return Outcome(None, ["exact (solveset)"], 0, notes=["no exact stationary point in the step's range"] + notes)
    return Outcome(ce is None, ["exact (solveset)", "exact rational arithmetic"], n, None, ce, notes=notes,
                   strength="exact", sizes=[f"d = {d}: x ∈ {{0, ±z}} at Ω full (every mask dominated)"], proof=proof,
                   decided_by=[PATH] if ce is not None else [])


def bank_part(stmt, decide_fn, cls, ctx) -> Outcome | None:
    """Run ``decide_fn`` on every admitted member of ``cls`` (the check's own pass over the bank, so that mutants meet
    it); the first break as an Outcome, None when every member holds or is not applicable."""
    from numeric.adversaries import admitted

    for m in admitted(cls):
        o = decide_fn(stmt, m, ctx)
        if o.holds is False:
            return o
    return None


__all__ = ["Point", "bank_part", "decide", "points"]
