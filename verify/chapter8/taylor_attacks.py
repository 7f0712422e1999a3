"""Lemma 8.28, its proof's fact (8.71) and Remark 8.29 decided on one bank member (issue 18).

The statement is about a function h(θ) with a β-Lipschitz gradient (for the lemma, h(θ) = f̄_θ(x⁽ⁱ⁾), one per
data point of a ``model`` member; for the proof's fact, a ``fn1`` member h: ℝ → ℝ).  The remainder is
r(θ⁰, Δ) = h(θ⁰ + Δ) − h(θ⁰) − ⟨∇h(θ⁰), Δ⟩ ((8.54)'s g keeps h(θ⁰)).

How it is decided, per member:
- β: the Hessian's entries are functions of one parameter each (a diagonal Hessian, or one parameter); sup|∂²h|
  is bounded above by β_up certified by ``numeric.adversaries.bounds.le_everywhere`` (exact for polynomials,
  interval arithmetic on [−20, 20] with SymPy's limits for the tails otherwise), and from below by β_lo, its value
  at a rational point (30 digits): β_lo ≤ β ≤ β_up.  A member whose Hessian has an off-diagonal entry that depends
  on θ is not decided (n/a).
- a violation of |r| ≤ c·β·‖Δ‖^p is looked for at rational points (θ⁰ on a grid including the point where |∂²h| is
  largest, Δ along the axes and the diagonal at 10⁻³ … 10²), each |r| at 30 digits against c·β_up·‖Δ‖^p: a
  violation found is certified (β_up ≥ β).
- none found and (c ≥ ½, p = 2): holds — h(θ⁰ + Δ) − h(θ⁰) − ⟨∇h(θ⁰), Δ⟩ = ∫₀¹⟨∇h(θ⁰ + tΔ) − ∇h(θ⁰), Δ⟩dt ≤ β‖Δ‖²/2
  (the integral remainder: a proof for every h with a β-Lipschitz gradient), with β certified.  Otherwise n/a.
"""
from __future__ import annotations

from functools import lru_cache

import mpmath
import sympy as sp

from numeric.adversaries.bounds import le_everywhere
from verify.engine.claim import Outcome, Proof, Step

_DPS = 30
_DELTAS = [sp.Rational(1, 1000), sp.Rational(1, 10), sp.Rational(1, 2), sp.Integer(1), sp.Integer(2), sp.Integer(10),
           sp.Integer(100)]


def _mp(expr, syms):
    return sp.lambdify(syms, expr, modules="mpmath")


def _val(fn, args) -> mpmath.mpf:
    """fn at rational args, to 30 digits (call it, and compare its value, inside ``mpmath.workdps(_DPS)``)."""
    with mpmath.workdps(_DPS):
        return +mpmath.mpf(fn(*[mpmath.mpf(sp.Rational(a).p) / sp.Rational(a).q for a in args]))


@lru_cache(maxsize=None)
def beta_bounds(h: sp.Expr, syms: tuple) -> tuple:
    """(β_lo, β_up, argmax point, certificate text) with β_lo ≤ sup‖∇²h‖_op ≤ β_up, or (None, None, None, why)."""
    H = sp.hessian(h, syms)
    n = len(syms)
    if not any(e.has(*syms) for e in H):  # a constant Hessian: β = ‖H‖_op = max|eigenvalue|, exact
        ev = list(H.eigenvals())
        b = max((abs(v) for v in ev), key=lambda v: float(v)) if ev else sp.Integer(0)
        evs = H.eigenvects()
        top = [vs[0] for lam, _m, vs in evs if abs(lam) == b]
        arg = tuple([sp.Integer(0)] * n)
        return b, b, arg, f"∇²h = {H.tolist()} constant: β = max|eigenvalue| = {b} (exact; eigenvector {list(top[0]) if top else []})"
    for i in range(n):
        for j in range(n):
            if i != j and sp.simplify(H[i, j]) != 0:
                return None, None, None, f"∂²h/∂{syms[i]}∂{syms[j]} = {H[i, j]} ≠ 0: not decided (diagonal Hessians only)"
    with mpmath.workdps(_DPS):  # the grid's values at a fixed precision, never the caller's
        return _beta_diagonal(H, syms)


def _beta_diagonal(H, syms):
    n = len(syms)
    lo, up, arg, texts = sp.Integer(0), sp.Integer(0), [sp.Integer(0)] * n, []
    grid = [sp.Rational(k, 32) for k in range(-32 * 6, 32 * 6 + 1)] + [sp.Integer(s * 10**e) for e in range(1, 4)
                                                                        for s in (-1, 1)]
    for i, t in enumerate(syms):
        e = sp.simplify(H[i, i])
        if e.free_symbols - {t}:
            return None, None, None, f"∂²h/∂{t}² = {e} depends on other parameters: not decided"
        if not e.has(t):  # a constant entry: exact
            v = abs(e)
            texts.append(f"|∂²h/∂{t}²| = {v} (constant)")
            if v > lo:
                lo, up, arg = v, v, [sp.Integer(0)] * n
            continue
        fn = _mp(e, (t,))
        best, at = mpmath.mpf(0), sp.Integer(0)
        for q in grid:
            try:
                v = abs(_val(fn, (q,)))
            except (TypeError, ValueError, ZeroDivisionError, OverflowError):
                continue
            if v > best:
                best, at = v, q
        for slack in ("1e-3", "1e-2", "5e-2"):  # interval arithmetic overestimates near the maximum: widen the bound
            cand = sp.Rational(mpmath.nstr(best * (1 + mpmath.mpf(slack)) + mpmath.mpf("1e-9"), 12))
            r = le_everywhere(sp.Abs(e), t, cand, f"|∂²h/∂{t}²|")
            if r.holds:
                break
        if not r.holds:
            return None, None, None, f"sup|∂²h/∂{t}²| ≤ {cand} not certified: {r.detail}"
        texts.append(f"{sp.Rational(mpmath.nstr(best, 20))} ≤ sup|∂²h/∂{t}²| (at {t} = {at}) ≤ {cand}: {r.detail}")
        b_lo = sp.Rational(mpmath.nstr(best * (1 - mpmath.mpf("1e-12")), 25))  # a 53-bit value: 1e-12 covers its rounding
        if b_lo > lo:
            lo, arg = b_lo, [at if k == i else sp.Integer(0) for k in range(n)]
        up = max(up, cand)
    return lo, up, tuple(arg), "; ".join(texts)


def _dirs(n):
    if n == 1:
        return [(1,), (-1,)]
    out = []
    for i in range(n):
        for s in (1, -1):
            out.append(tuple(s if k == i else 0 for k in range(n)))
    out += [tuple([1] * n), tuple([1] + [-1] * (n - 1))]
    return out


def remainder_fn(h: sp.Expr, syms: tuple, drop_h0: bool = False):
    """r(θ⁰, Δ) = h(θ⁰ + Δ) − h(θ⁰) − ⟨∇h(θ⁰), Δ⟩ (``drop_h0``: − ⟨∇h(θ⁰), Δ⟩ only, (8.55) without f_θ⁰ ≡ 0)."""
    t0 = sp.symbols(f"u0:{len(syms)}", real=True)
    d = sp.symbols(f"d0:{len(syms)}", real=True)
    at0 = dict(zip(syms, t0))
    at1 = {s: a + b for s, a, b in zip(syms, t0, d)}
    lin = sum(sp.diff(h, s).subs(at0) * di for s, di in zip(syms, d))
    r = h.subs(at1) - lin - (0 if drop_h0 else h.subs(at0))
    # sign(x)'s derivative: DiracDelta(x)·exp(−1/x²) = 0 everywhere (the flat members), and 0 off x = 0 otherwise
    r = r.replace(lambda e: isinstance(e, sp.DiracDelta), lambda e: sp.Integer(0))
    return _mp(r, (*t0, *d))


def find_violation(h, syms, thetas0, c, power, beta_up, drop_h0=False, deltas=None):
    """A rational (θ⁰, Δ) with |r| > c·β_up·‖Δ‖^power (30 digits), or None.  ``deltas``: the Δ to try (default:
    the axes and diagonals at 10⁻³ … 10²)."""
    R = remainder_fn(h, syms, drop_h0)
    n = len(syms)
    if deltas is None:
        deltas = [tuple(s * a for a in u) for u in _dirs(n) for s in _DELTAS + [sp.Integer(0)]]
    with mpmath.workdps(_DPS):
        return _find(R, thetas0, deltas, c, power, beta_up)


def _find(R, thetas0, deltas, c, power, beta_up):
    for th0 in thetas0:
        for d in deltas:
            try:
                rv = abs(_val(R, (*th0, *d)))
            except (TypeError, ValueError, ZeroDivisionError, OverflowError):
                continue
            with mpmath.workdps(_DPS):
                n2 = sp.Rational(sum(sp.Rational(a) ** 2 for a in d))
                dn = mpmath.sqrt(mpmath.mpf(n2.p) / n2.q)
                bound = mpmath.mpf(str(sp.N(c * beta_up, 40))) * dn ** mpmath.mpf(str(power))
                if rv > bound * (1 + mpmath.mpf(10) ** -20) + mpmath.mpf(10) ** (-_DPS + 5):
                    return {"θ⁰": [str(a) for a in th0], "Δθ": [str(a) for a in d], "|r|": mpmath.nstr(rv, 12),
                            "bound": mpmath.nstr(bound, 12), "β_up": str(beta_up)}
    return None


def decide_bound(h, syms, thetas0, c, power, what, drop_h0=False, beta_of=None, beta_floor=0) -> Outcome:
    """|r(θ⁰, Δ)| ≤ c·β‖Δ‖^power for h, β = sup‖∇²h‖_op, at the θ⁰ of ``thetas0`` (every θ⁰ when the caller passes a
    grid and the statement is for every θ⁰): certified violation, or the integral-remainder proof."""
    lo, up, arg, txt = beta_bounds(h if beta_of is None else beta_of, syms)
    if up is None:
        return Outcome(None, notes=[txt])
    if beta_floor > up:  # β is uniform over the data points (8.68): the largest certified bound over them
        up, txt = beta_floor, txt + f"; β ≤ {beta_floor} (the largest bound over the data points: (8.68) is for every x)"
    pts = list(thetas0) + ([arg] if arg is not None and arg not in thetas0 and len(thetas0) > 1 else [])
    bad = find_violation(h, syms, pts, sp.nsimplify(c), power, up, drop_h0)
    cert = {"h": str(h), "β bounds": (str(lo), str(up)), "how": txt}
    if bad is not None:
        return Outcome(False, ["symbolic", "mpmath"], 1, None, {"h": str(h), **bad}, strength="certified",
                       steps=[Step("β", txt)], sizes=[what],
                       proof=[Proof("interval", "a point where |r| exceeds c·β_up·‖Δ‖^p (30 digits)", {**cert, **bad},
                                    what, "violation")])
    if drop_h0 and any(sp.simplify(h.subs(dict(zip(syms, t)))) != 0 for t in thetas0):
        return Outcome(None, notes=["h(θ⁰) ≠ 0 but no violation found at the grid: undecided"])
    if sp.nsimplify(c) >= sp.Rational(1, 2) and float(power) == 2.0:
        return Outcome(True, ["symbolic", "mpmath"], 1, None, None, strength="certified", sizes=[what],
                       steps=[Step("β", txt), Step("integral remainder", "r = ∫₀¹⟨∇h(θ⁰ + tΔ) − ∇h(θ⁰), Δ⟩dt, |r| ≤ "
                                   "β‖Δ‖²∫₀¹t dt = (β/2)‖Δ‖² ≤ c·β‖Δ‖² (c ≥ ½), β ≤ β_up certified")],
                       notes=[f"{what}: {lo} ≤ β ≤ {up}; no violation at the rational grid (30 digits)"],
                       proof=[Proof("interval", "β certified; the integral remainder bounds |r| by (β/2)‖Δ‖²", cert,
                                    what, "β and remainder")])
    return Outcome(None, notes=[f"no violation at the grid ({what}), and c = {c}, p = {power} is not the integral "
                                "remainder's (½, 2): undecided"])


def ray_not_monotone(h, syms, th0, what) -> Outcome:
    """'The error grows with the distance along every ray from θ⁰': a certified pair s₁ < s₂ on a ray with
    |r(s₂)| < |r(s₁)| breaks it; none found on the grid is n/a (not a proof)."""
    with mpmath.workdps(_DPS):
        return _ray(remainder_fn(h, syms), h, syms, th0, what)


def _ray(R, h, syms, th0, what) -> Outcome:
    ss = [sp.Rational(k, 20) for k in range(1, 101)]
    for u in _dirs(len(syms)):
        prev, s_prev = None, None
        best = (mpmath.mpf(-1), None)
        for s in ss:
            try:
                v = abs(_val(R, (*th0, *[s * a for a in u])))
            except (TypeError, ValueError, ZeroDivisionError, OverflowError):
                continue
            if best[0] >= 0 and v < best[0] * (1 - mpmath.mpf(10) ** -15) - mpmath.mpf(10) ** -25:
                return Outcome(False, ["mpmath"], 1, None,
                               {"h": str(h), "θ⁰": [str(a) for a in th0], "direction": list(u),
                                "at distance s₁": str(best[1]), "|r(s₁)|": mpmath.nstr(best[0], 12),
                                "at distance s₂ > s₁": str(s), "|r(s₂)|": mpmath.nstr(v, 12)},
                               strength="certified", sizes=[what])
            if v > best[0]:
                best = (v, s)
    return Outcome(None, notes=[f"{what}: |r| nondecreasing along every ray tried (s ≤ 5): not refuted, not proved"])


# --- the model members (Lemma 8.28, Remark 8.29): h = f̄_θ(x⁽ⁱ⁾), one per data point --------------------------------
def _model_parts(m):
    at = dict(zip(m.theta, m.theta0))
    return [(sp.simplify(m.f.subs(sp.Symbol("x", real=True), xi)), yi) for xi, yi in m.data], at


def _sigma2(m):
    F = m.features()
    G = (F * F.T).applyfunc(sp.simplify)
    ev = [sp.simplify(v) for v in G.eigenvals()]
    return min(ev, key=lambda v: float(v))


def decide_828(stmt, member, ctx) -> Outcome:
    """Lemma 8.28 on a model: (8.69) |f̄_θ(x) − ḡ_θ(x)| ≤ c·β‖Δθ‖^p for every θ and every data point x (θ⁰ the
    member's), β = sup‖∇²_θ f̄‖_op; (8.70) on B_{θ⁰} = {‖Δθ‖ ≤ √n·max|y|/σ} (Remark 8.26's ball, its O(·) with
    constant 1 and y = O(1) as max|y|): |f̄ − ḡ| ≤ c·β·n^q·max|y|²/σ², σ² = λ_min(Φ̄Φ̄ᵀ) exact."""
    m = member.obj
    parts, _at = _model_parts(m)
    syms, th0 = tuple(m.theta), tuple(sp.nsimplify(v) for v in m.theta0)
    drop = getattr(stmt, "g_without_f0", False)
    ups = [beta_bounds(h, syms)[1] for h, _y in parts]
    if any(u is None for u in ups):
        return Outcome(None, notes=["β not certified at some data point"])
    b_all = max(ups)
    out = []
    for k, (h, _y) in enumerate(parts):
        o = decide_bound(h, syms, [th0], stmt.const, stmt.power, f"{member.name}, x⁽{k + 1}⁾", drop_h0=drop,
                         beta_floor=b_all)
        if o.holds is not True:
            return o
        out.append(o)
    if not getattr(stmt, "ball", True):
        res = out[0]
        for o in out[1:]:
            res = res.merge(o)
        return res
    # (8.70): the ball's radius, exact
    n = len(m.data)
    ymax = max(abs(sp.nsimplify(yi)) for _xi, yi in m.data)
    s2 = _sigma2(m)
    rad2 = n * ymax**2 / s2
    q = sp.nsimplify(stmt.ball_n_power)
    need = sp.nsimplify(stmt.const) * n**q  # c·n^q against ½·n: the (8.69) bound at the ball's edge
    steps = [s for o in out for s in o.steps]
    if sp.simplify(need - sp.Rational(1, 2) * n) >= 0:
        steps.append(Step("(8.70)", f"σ² = λ_min(Φ̄Φ̄ᵀ) = {s2}, n = {n}, max|y| = {ymax}: on ‖Δθ‖² ≤ n·max|y|²/σ² = "
                          f"{rad2}, (8.69) gives |f̄ − ḡ| ≤ (β/2)·n·max|y|²/σ² ≤ {stmt.const}·β·n^{q}·max|y|²/σ² "
                          f"(c·n^q = {need} ≥ n/2)"))
        return Outcome(True, ["symbolic", "mpmath"], len(parts), None, None, strength="certified",
                       sizes=[member.name], steps=steps, proof=[p for o in out for p in o.proof],
                       notes=[n_ for o in out for n_ in o.notes])
    # c·n^q < n/2: look for a point on the ball's edge where the remainder exceeds the (8.70) bound
    for k, (h, _y) in enumerate(parts):
        rho = sp.sqrt(rad2)
        for u in _dirs(len(syms)):
            nu = sp.sqrt(sum(sp.Integer(a) ** 2 for a in u))
            s = sp.Rational(mpmath.nstr(mpmath.mpf(str(sp.N(rho / nu, 40))) * (1 - mpmath.mpf("1e-12")), 25))
            # the (8.70) bound c·β·n^q·max|y|²/σ² written as c'·β_up·‖Δ‖² with c' = c·n^q·max|y|²/(σ²‖Δ‖²) ≥ its value
            dd = tuple(s * a for a in u)
            n2 = sum(sp.Rational(a) ** 2 for a in dd)
            cp = sp.nsimplify(stmt.const) * n**q * ymax**2 / s2 / n2
            cp = sp.Rational(mpmath.nstr(mpmath.mpf(str(sp.N(cp, 40))) * (1 + mpmath.mpf("1e-12")), 25))
            bad = find_violation(h, syms, [th0], cp, 2, b_all, deltas=[dd])
            if bad is not None:
                return Outcome(False, ["symbolic", "mpmath"], 1, None, {"(8.70) at the ball's edge": bad,
                               "σ²": str(s2), "n": n, "max|y|": str(ymax)}, strength="certified", sizes=[member.name])
    return Outcome(None, notes=[f"c·n^q = {need} < n/2 but no violation at the ball's edge: undecided"])


def decide_829(stmt, member, ctx) -> Outcome:
    """Remark 8.29 on a model: the error is at most a second-order term, (β/2)‖Δθ‖^exponent for every θ; the
    reading ``error_monotone``: |f̄ − ḡ| nondecreasing along every ray from θ⁰ (broken by a certified pair)."""
    m = member.obj
    parts, _at = _model_parts(m)
    syms, th0 = tuple(m.theta), tuple(sp.nsimplify(v) for v in m.theta0)
    if stmt.error_monotone:
        for k, (h, _y) in enumerate(parts):
            o = ray_not_monotone(h, syms, th0, f"{member.name}, x⁽{k + 1}⁾")
            if o.holds is False:
                return o
        return Outcome(None, notes=["|f̄ − ḡ| nondecreasing along every ray tried: not refuted here"])
    ups = [beta_bounds(h, syms)[1] for h, _y in parts]
    if any(u is None for u in ups):
        return Outcome(None, notes=["β not certified at some data point"])
    out = None
    for k, (h, _y) in enumerate(parts):
        o = decide_bound(h, syms, [th0], sp.Rational(1, 2), stmt.exponent, f"{member.name}, x⁽{k + 1}⁾",
                         beta_floor=max(ups))
        if o.holds is not True:
            return o
        out = o if out is None else out.merge(o)
    return out


# --- the fn1 members (the proof's fact (8.71): every h with a β-Lipschitz gradient, every θ⁰) -------------------------
_TH0 = [sp.Rational(k, 2) for k in range(-6, 7)]


def decide_871(stmt, member, ctx) -> Outcome:
    """(8.71) on h = a fn1 member: |h(θ⁰ + Δ) − h(θ⁰) − h'(θ⁰)Δ| ≤ c·β|Δ|^p for every θ⁰, Δ; β = sup|h''|."""
    from numeric.adversaries.functions import _branch

    f = member.obj
    x = sorted(f.free_symbols, key=str)[0]
    beta_of = None
    if isinstance(f, sp.Piecewise):  # the flat members: |f''| is even, so its formula on x > 0 (over ℝ) gives sup|f''|
        g, _dom, _even = _branch(f)
        beta_of = g
    return decide_bound(f, (x,), [(t,) for t in _TH0], stmt.c, stmt.power, member.name, beta_of=beta_of)
