"""§8.4.1's steps "for every σ, every W, W′, x" decided on one activation of the bank (issue 18).

(8.99)–(8.100) on the chapter's network (8.78), f_θ(x) = (1/√m) Σᵢ aᵢσ(wᵢᵀx), θ = vec(W):
‖∇_θf_θ(x) − ∇_θf_θ'(x)‖² = (1/m)‖x‖² Σᵢ (σ'(wᵢᵀx) − σ'(w′ᵢᵀx))² (eq:8.98, proved), so over every (W, W′, x)

    sup ‖∇f_θ − ∇f_θ'‖² / ((1/m)Σ‖x‖²((wᵢ − w′ᵢ)ᵀx)²) = Lip(σ')² = sup|σ''|²        ((8.99), σ ∈ C²)
    sup ‖∇f_θ − ∇f_θ'‖² / (‖x‖^p (1/m)Σ‖wᵢ − w′ᵢ‖²)   = sup|σ''|² sup_x ‖x‖^(4−p)     ((8.99)+(8.100), Cauchy–Schwarz)

(the mean value theorem gives ≤, a pair u, u + h at the maximiser of |σ''| with wᵢ − w′ᵢ ∥ x approaches it).
Per member: sup|σ''| bracketed, lo ≤ sup|σ''| ≤ up, by ``taylor_attacks.beta_bounds`` (certified: interval
arithmetic on [−20, 20] and SymPy limits for the tails; exact for a constant σ''); a member whose σ'' is unbounded
(the hypothesis "σ'' bounded" fails, certified) admits no finite constant.  A statement with constant
c·sup|σ''|² holds for c ≥ 1 (the mean value theorem, with up certified) and is broken for c < 1 by a witness on the
network itself (m = 2, d = 2, a = (1, −1), x rational, 30-digit evaluation of SymPy's ∇_θf) whose ratio exceeds
c·up² (certified, since up ≥ sup|σ''|).
"""
from __future__ import annotations

from functools import lru_cache

import mpmath
import sympy as sp

from numeric.adversaries.activations import z
from numeric.adversaries.core import hypothesis
from symbolic.chapter8 import ntk as S
from verify.chapter8.taylor_attacks import beta_bounds
from verify.engine.claim import Outcome, Proof, Step

_DPS = 40
_H = sp.Rational(1, 10**8)  # the witness pair's gap u′ − u


def _mp(q) -> mpmath.mpf:
    q = sp.Rational(q)
    return mpmath.mpf(q.p) / q.q


@lru_cache(maxsize=None)
def _grad_fn(sig: sp.Expr):
    """∇_θ f_θ(x) of (8.78) at m = 2, d = 2 for the activation ``sig``, by SymPy, as an mpmath function of
    (θ, a, x)."""
    net = S.network(2, 2)
    f = net.f(act=sig)
    g = [sp.diff(f, t) for t in net.theta]
    return net, sp.lambdify([*net.theta, *net.a, *net.x], g, modules="mpmath")


def gradient_gap(sig: sp.Expr, W, Wp, x, a=(1, -1)) -> dict:
    """‖∇f_θ(x) − ∇f_θ'(x)‖², (1/m)Σ‖x‖²((wᵢ − w′ᵢ)ᵀx)², (1/m)Σ‖wᵢ − w′ᵢ‖² and ‖x‖² at rational W, W′, x
    (40 digits; the last three are exact rationals)."""
    net, g = _grad_fn(sig)
    m, d = net.m, net.d
    with mpmath.workdps(_DPS):
        args = [_mp(v) for v in a] + [_mp(v) for v in x]
        g1 = g(*[_mp(W[i][k]) for i in range(m) for k in range(d)], *args)
        g2 = g(*[_mp(Wp[i][k]) for i in range(m) for k in range(d)], *args)
        lhs = +sum((u - v) ** 2 for u, v in zip(g1, g2))
    nx2 = sum(sp.Rational(v) ** 2 for v in x)
    dw = [[sp.Rational(W[i][k]) - sp.Rational(Wp[i][k]) for k in range(d)] for i in range(m)]
    pre = sum(nx2 * sum(dw[i][k] * sp.Rational(x[k]) for k in range(d)) ** 2 for i in range(m)) / m
    dw2 = sum(dw[i][k] ** 2 for i in range(m) for k in range(d)) / m
    return {"lhs": lhs, "pre": pre, "dw2": dw2, "nx2": nx2}


def _witness(at: sp.Expr, x) -> tuple:
    """W, W′ with wᵢᵀx = at, w′ᵢᵀx = at + h (neuron 1) and at − h (neuron 2), wᵢ − w′ᵢ ∥ x."""
    nx2 = sum(sp.Rational(v) ** 2 for v in x)
    W = [[at * v / nx2 for v in x], [at * v / nx2 for v in x]]
    Wp = [[(at + _H) * v / nx2 for v in x], [(at - _H) * v / nx2 for v in x]]
    return W, Wp


@lru_cache(maxsize=None)
def _s2_bounded(sig: sp.Expr):
    return hypothesis("activation", "σ'' bounded").check(sig)


@lru_cache(maxsize=None)
def sigma2_bounds(sig: sp.Expr):
    """(lo, up, argmax, text) with lo ≤ sup|σ''| ≤ up (certified), or (None, None, None, why) when σ'' is unbounded
    or no bound is certified."""
    s2 = _s2_bounded(sig)
    if not s2.holds:
        return None, None, None, f"σ'' unbounded: {s2.detail}"
    lo, up, arg, txt = beta_bounds(sig, (z,))
    return lo, up, (arg[0] if arg else None), txt


def _unbounded(member, what: str) -> Outcome:
    """σ'' unbounded: no finite constant; the ratio (σ'(u + h) − σ'(u))²/h² at growing |u| on the network, as numbers."""
    sig = member.obj
    s2 = _s2_bounded(sig)
    d2 = sp.lambdify(z, sp.diff(sig, z, 2), modules="mpmath")
    rows = []
    with mpmath.workdps(_DPS):
        for e in (1, 2, 3):
            pts = [sp.Integer(10**e) + sp.Rational(k, 256) for k in range(0, 512)]
            at = max(pts, key=lambda p: abs(d2(_mp(p))))
            W, Wp = _witness(at, (1, 0))
            gg = gradient_gap(sig, W, Wp, (1, 0))
            rows.append({"u": str(at), "u'": f"{at} ± {_H}", "ratio": mpmath.nstr(gg["lhs"] / _mp(gg["pre"]), 10)})
    return Outcome(False, ["symbolic", "mpmath"], len(rows), None,
                   {"activation": member.name, "sup|σ''|": "∞", "why": s2.detail[:200],
                    "ratio ‖∇f_θ − ∇f_θ'‖² / ((1/m)Σ‖x‖²((wᵢ − w′ᵢ)ᵀx)²) on (8.78), m = 2, x = e₁": rows},
                   strength=s2.strength, sizes=[what],
                   proof=[Proof("interval", "σ'' unbounded (the bank's certificate): Lip(σ') = sup|σ''| = ∞, so no O(1) "
                                "constant bounds the ratio", {"hypothesis": s2.detail}, what, "σ'' unbounded")])


def _decide_ratio(member, c, xpow: int | None, x, what: str) -> Outcome:
    """The bound ‖∇f_θ − ∇f_θ'‖² ≤ c·sup|σ''|²·D for every (W, W′, x), D = (1/m)Σ‖x‖²((wᵢ − w′ᵢ)ᵀx)² (xpow None,
    (8.99)) or ‖x‖^xpow·(1/m)Σ‖wᵢ − w′ᵢ‖² ((8.100)); ``x`` the witness input."""
    c2 = hypothesis("activation", "C²").check(member.obj)
    if not c2.holds:  # σ' jumps (ReLU): outside (8.80), where Lip(σ') = sup|σ''| is not the question
        return Outcome(None, notes=[f"not C²: {c2.detail}"])
    lo, up, arg, txt = sigma2_bounds(member.obj)
    if up is None:
        if txt.startswith("σ'' unbounded"):
            return _unbounded(member, what)
        return Outcome(None, notes=[txt])
    c = sp.nsimplify(c)
    if up == 0:  # σ'' ≡ 0: ∇f_θ does not depend on θ, both sides' left is 0
        return Outcome(True, ["symbolic"], 1, None, strength="proved", sizes=[what],
                       notes=[f"σ'' ≡ 0 ({txt}): ∇_θf_θ(x) = (1/√m)(aᵢσ'·x)ᵢ is constant in θ; the left side is 0"],
                       proof=[Proof("symbolic", "σ'' ≡ 0: the gradient does not depend on θ", str(sp.diff(member.obj, z)),
                                    what, "σ'' ≡ 0")])
    W, Wp = _witness(arg, x)
    gg = gradient_gap(member.obj, W, Wp, x)
    den = gg["pre"] if xpow is None else gg["nx2"] ** sp.Rational(xpow, 2) * gg["dw2"]
    with mpmath.workdps(_DPS):
        ratio = gg["lhs"] / mpmath.mpf(str(sp.N(den, _DPS)))
        bound = mpmath.mpf(str(sp.N(c * up**2, _DPS)))
        # the supremum over (W, W′, x) of the ratio: sup|σ''|²·‖x‖^(4 − xpow) (unbounded in ‖x‖ unless xpow = 4)
        wit = {"activation": member.name, "x": [str(v) for v in x], "wᵢᵀx": str(arg), "h": str(_H),
               "W": [[str(v) for v in r] for r in W], "W′": [[str(v) for v in r] for r in Wp],
               "ratio (30 digits)": mpmath.nstr(ratio, 12), "c·sup|σ''|² ≤": mpmath.nstr(bound, 12),
               "sup|σ''| ∈": [str(lo), str(up)]}
        broken = ratio > bound * (1 + mpmath.mpf(10) ** -20)
    steps = [Step("sup|σ''|", txt[:300])]
    if broken:
        return Outcome(False, ["symbolic", "mpmath"], 1, None, wit, strength="certified", sizes=[what], steps=steps,
                       proof=[Proof("interval", "a (W, W′, x) on (8.78) whose ratio exceeds c·up² ≥ c·sup|σ''|² "
                                    "(40 digits)", wit, what, "witness on (8.78)")])
    if c >= 1 and (xpow is None or xpow == 4):
        how = ("mean value theorem: |σ'(u) − σ'(v)| ≤ sup|σ''|·|u − v| per neuron, summed with ‖x‖² (eq:8.98)"
               + ("" if xpow is None else "; then ((wᵢ − w′ᵢ)ᵀx)² ≤ ‖x‖²‖wᵢ − w′ᵢ‖² (Cauchy–Schwarz)"))
        return Outcome(True, ["symbolic", "mpmath"], 1, None, strength="certified", sizes=[what], steps=steps,
                       notes=[f"{how}; sup|σ''| ≤ {up} certified; the witness at wᵢᵀx = {arg} reaches ratio "
                              f"{mpmath.nstr(ratio, 8)} of the bound's {mpmath.nstr(bound, 8)} (so c = 1 is tight)"],
                       proof=[Proof("interval", how + ", with sup|σ''| certified", {"sup|σ''| ≤": str(up)}, what,
                                    "mean value theorem")])
    return Outcome(None, notes=[f"c = {c}, ‖x‖^{xpow}: no witness above the bound at wᵢᵀx = {arg} (ratio "
                                f"{mpmath.nstr(ratio, 8)} ≤ {mpmath.nstr(bound, 8)}): undecided"])


def decide_899(stmt, member, ctx) -> Outcome:
    """(8.99) on one activation: ‖∇f_θ − ∇f_θ'‖² ≤ C·(1/m)Σ‖x‖²(wᵢᵀx − w′ᵢᵀx)² for every W, W′, x with the O(1)
    constant C = const_factor·sup|σ''|² (printed: under (8.80) alone; corrected: sup|σ''| < ∞ assumed)."""
    if stmt.assume_sigma2_bound and sigma2_bounds(member.obj)[1] is None:
        return Outcome(None, notes=["σ'' unbounded: outside the corrected form's class"])
    return _decide_ratio(member, stmt.const_factor, None, (sp.Rational(3, 5), sp.Rational(4, 5)), member.name)


def decide_8100(stmt, member, ctx) -> Outcome:
    """(8.99)–(8.100) on one activation: ‖∇f_θ − ∇f_θ'‖² ≤ sup|σ''|²·‖x‖^p·(1/m)Σ‖wᵢ − w′ᵢ‖² for every W, W′, x
    (p = 4 printed, by Cauchy–Schwarz); the witness input has ‖x‖ = 2 (p < 4) or ½ (p > 4), inside (8.83)'s
    ‖x‖ = Θ(1), so the ‖x‖ power is seen."""
    p = stmt.x_power
    x = (sp.Rational(6, 5), sp.Rational(8, 5)) if p <= 4 else (sp.Rational(3, 10), sp.Rational(4, 10))
    return _decide_ratio(member, 1, p, x, member.name)
