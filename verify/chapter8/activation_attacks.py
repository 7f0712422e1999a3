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
from symbolic.chapter8.ntk_kernels import g11 as S_G11  # the symbol of ‖x‖² in (8.90)'s closed form
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


# --- (8.90)–(8.91) and (8.93)–(8.94): the laws of large numbers, for every σ of (8.80) and every input x ------------------
# (1/m)Σᵢσ'(wᵢᵀx)² is a mean of m i.i.d. terms in [0, 1] (|σ'| ≤ 1 by (8.80)): it converges to L(‖x‖²) = E σ'(u)²,
# u ~ N(0, ‖x‖²), with E(mean − L)² = V/m exactly, V = E σ'(u)⁴ − L² — so the error is Θ(m^(−1/2)) when V > 0 and 0 at
# every m when V = 0 (σ' constant).  The same holds for each entry of ΦΦᵀ (8.93); its diagonal entry (x, x) is the
# (8.90) mean times ‖x‖², so ‖ΦΦᵀ − K∞‖_op ≥ its deviation: O(m^k) with k < −1/2 fails as soon as V > 0, while
# E‖ΦΦᵀ − K∞‖²_F = Σ V_ij⟨xᵢ, xⱼ⟩²/m gives O(m^(−1/2)).  Members: the activations of (8.80) in the bank; x: ‖x‖² ∈
# {1/4, 1, 4} ((8.83)'s range) and every pair of inputs of every bank data set with ‖x‖ = Θ(1) (8.93).  The moments
# are exact for an affine σ (σ' constant) and 30-digit mpmath quadrature otherwise (a numerical integral, not an
# enclosure: those outcomes are recorded 'sampled', as the bank's other quadratures).
_G = (sp.Rational(1, 4), sp.Integer(1), sp.Integer(4))


def _is_erf(sig) -> bool:
    return sp.simplify(sp.diff(sig, z) - sp.exp(-z**2)) == 0


@lru_cache(maxsize=None)
def _gauss_nodes(panels: int, k: int = 20, a: float = 10.0):
    """Composite Gauss–Legendre (``panels`` × k nodes) on [−a, a] with the N(0, 1) density folded into the weights."""
    import numpy as np

    t, w = np.polynomial.legendre.leggauss(k)
    h = 2 * a / panels
    lefts = -a + h * np.arange(panels)
    T = (lefts[:, None] + h * (t[None, :] + 1) / 2).ravel()
    Wt = np.tile(w * h / 2, panels)
    return T, Wt * np.exp(-T**2 / 2) / np.sqrt(2 * np.pi)


@lru_cache(maxsize=None)
def moments(sig: sp.Expr, g: sp.Expr) -> tuple:
    """(E σ'(u)², E σ'(u)⁴, exact?) for u ~ N(0, g): exact (SymPy) when σ' is constant, else composite Gauss–Legendre
    (200 panels × 20 nodes) on [−10, 10] in u/√g (float64; resolves σ' = cos z² at ‖x‖² = 4; the tail beyond 10 weighs
    < 10⁻²²)."""
    import numpy as np

    d1 = sp.simplify(sp.diff(sig, z))
    if not d1.has(z):
        return d1**2, d1**4, True
    t, w = _gauss_nodes(200)
    v = np.broadcast_to(sp.lambdify(z, d1, modules=["scipy", "numpy"])(np.sqrt(float(g)) * t), t.shape)
    return float(w @ v**2), float(w @ v**4), False


def _rate(stmt_rate, sig, what):
    """The error's order: (holds, text, counterexample, exact) for 'error = O(m^rate)'."""
    V = []
    exact = True
    for g in _G:
        m2, m4, ex = moments(sig, g)
        exact &= ex
        V.append(m4 - m2**2)
    if all((v == 0) if exact else (abs(v) < 1e-12) for v in V):
        return True, "V = Var σ'(u)² = 0: the mean equals its limit at every m", None, exact
    vmax = float(max(V, key=lambda v: float(v)))
    if float(stmt_rate) >= -0.5:
        return True, (f"E(mean − L)² = V/m, V = Var σ'(u)² up to {vmax:.8g} at ‖x‖² ∈ {{1/4, 1, 4}}: "
                      "error Θ(m^(−1/2)), O(m^rate) for rate ≥ −1/2"), None, exact
    ce = {"activation": what, "Var σ'(u)² at ‖x‖² = 1/4, 1, 4": [str(v) if exact else f"{float(v):.10g}" for v in V],
          "claimed error order": f"m^{stmt_rate}",
          "why": "E(mean − L)² = V/m exactly, so m^(−rate)·RMS error = √V·m^(−rate − 1/2) → ∞"}
    return False, "the error is Θ(m^(−1/2))", ce, exact


def decide_890(stmt, member, ctx) -> Outcome:
    """(8.90)–(8.91) on one activation of (8.80): (1/m)‖x‖²Σσ'(wᵢᵀx)² → L·‖x‖² = O(1) at rate m^rate; the closed form
    ``stmt.limit`` is erf's (its only member; every member under the reading ``every_sigma``)."""
    sig = member.obj
    parts, ce, exact = [], None, True
    if _is_erf(sig) or getattr(stmt, "every_sigma", False):
        for g in _G:
            m2, _m4, ex = moments(sig, g)
            want = stmt.limit.subs(S_G11, g)
            off = sp.simplify(m2 - want) != 0 if ex else abs(m2 - float(want)) > 1e-12
            exact &= ex
            if off:
                ce = {"activation": member.name, "‖x‖²": str(g), "E σ'(wᵀx)²": str(m2) if ex else f"{m2:.15g}",
                      "claimed limit": f"{float(want):.15g}"}
                break
        parts.append("closed form: E σ'(u)² = " + str(stmt.limit) + " at ‖x‖² = 1/4, 1, 4"
                     + (" (exact)" if exact else " (quadrature, to 10⁻¹²)"))
    if ce is None:
        top = max(float(moments(sig, g)[0]) for g in _G)
        lip = hypothesis("activation", "1-Lipschitz").check(sig)  # class membership is the attack's; here its detail
        if top > 1 + 1e-12:
            ce = {"activation": member.name, "E σ'(u)² up to": top, "(8.91)": "L·‖x‖² ≤ ‖x‖² needs |σ'| ≤ 1"}
        parts.append(f"(8.91): L = E σ'(u)² ≤ sup σ'² ≤ 1 ({lip.detail[:80]}), so L·‖x‖² ≤ ‖x‖² = O(1) (largest L {top:.6g})")
    if ce is None:
        ok, txt, ce, ex = _rate(stmt.rate, sig, member.name)
        exact &= ex
        parts.append(txt)
    strength = "exact" if exact else "sampled"
    if ce is not None:
        return Outcome(False, ["symbolic" if exact else "quadrature"], 1, None, ce, strength=strength,
                       sizes=[member.name], notes=parts)
    return Outcome(True, ["symbolic" if exact else "quadrature"], 1, None, strength=strength, sizes=[member.name],
                   notes=["; ".join(parts) + "; the mean of m i.i.d. terms in [0, 1] converges (strong law)"])


def _pairs_of_bank_inputs():
    """(data member name, X) of every bank data set with ‖x‖ = Θ(1) (every pair of its rows, the diagonal included)."""
    from verify.chapter8.claims.ntk_classes import DATA_ANY
    from numeric.adversaries import admitted

    return [(dm.name, dm.obj["X"]) for dm in admitted(DATA_ANY)]


def _kinf_pair(sig: sp.Expr, x, xp) -> tuple[float, str]:
    """K∞(x, x′) = E[σ'(u)σ'(v)]⟨x, x′⟩, (u, v) ~ N(0, Gram(x, x′)): exact a²⟨x, x′⟩ for σ' ≡ a; otherwise in the
    standard coordinates (u = ℓ₁₁s, v = ℓ₂₁s + ℓ₂₂t, s, t ~ N(0, 1)) by tensor composite Gauss–Legendre, 20 panels × 20
    nodes on [−9, 9] per axis (the Gaussian tail beyond 9 weighs < 10⁻¹⁸; the bank's own 80-node Gauss–Hermite is off by 10⁻⁴ at ‖x‖ = 2)."""
    import numpy as np

    d1 = sp.simplify(sp.diff(sig, z))
    g11 = sum(sp.Rational(a) ** 2 for a in x)
    g22 = sum(sp.Rational(a) ** 2 for a in xp)
    g12 = sum(sp.Rational(a) * sp.Rational(b) for a, b in zip(x, xp))
    if not d1.has(z):
        return float(d1**2 * g12), "exact (σ' constant)"
    t, w = _gauss_nodes(20, 20, 9.0)
    f = sp.lambdify(z, d1, modules=["scipy", "numpy"])
    l11 = np.sqrt(float(g11))
    l21 = float(g12) / l11
    l22 = np.sqrt(max(float(g22) - l21**2, 0.0))
    S_, T_ = np.meshgrid(t, t, indexing="ij")
    vals = np.broadcast_to(f(l11 * S_), S_.shape) * np.broadcast_to(f(l21 * S_ + l22 * T_), S_.shape)
    return float(np.outer(w, w).ravel() @ vals.ravel() * float(g12)), "400×400 composite Gauss–Legendre"


def decide_893(stmt, member, ctx) -> Outcome:
    """(8.93)–(8.94) on one activation of (8.80): ΦΦᵀ → K∞ = E[σ'(wᵀx)σ'(wᵀx′)]⟨x, x′⟩ for every pair of inputs, error
    O(m^rate) in operator norm; the closed form ``stmt.erf`` is checked on the erf member (on every member under the
    reading ``every_sigma``) against 400×400 composite Gauss–Legendre quadrature (exact for an affine σ) on every pair of inputs of
    every bank data set.  The ReLU closed form is not decided here: ReLU is not C², outside (8.80)."""
    import numpy as np

    from symbolic.chapter8 import ntk_kernels as SK

    sig = member.obj
    notes, exact = [], True
    if _is_erf(sig) or getattr(stmt, "every_sigma", False):
        form = sp.lambdify(SK.GRAM, stmt.erf, modules="numpy")
        worst, n_pairs = 0.0, 0
        seen = set()
        for name, X in _pairs_of_bank_inputs():
            Xf = np.array([[float(v) for v in r] for r in X])
            for i in range(len(Xf)):
                for j in range(i, len(Xf)):
                    key = (tuple(X[i]), tuple(X[j]))
                    if key in seen:
                        continue
                    seen.add(key)
                    k, how = _kinf_pair(sig, X[i], X[j])
                    exact &= how.startswith("exact")
                    g11, g22, g12 = Xf[i] @ Xf[i], Xf[j] @ Xf[j], Xf[i] @ Xf[j]
                    want = float(form(g11, g22, g12))
                    err = abs(k - want)
                    n_pairs += 1
                    if err > 1e-9 * max(1.0, abs(want)):
                        return Outcome(False, ["quadrature"], n_pairs, -err,
                                       {"activation": member.name, "data": name, "x": [str(v) for v in X[i]],
                                        "x'": [str(v) for v in X[j]], "K∞ (" + how + ")": k,
                                        "claimed closed form": want},
                                       strength="exact" if how.startswith("exact") else "sampled", sizes=[member.name])
                    worst = max(worst, err)
        notes.append(f"erf closed form against quadrature on {n_pairs} pairs of bank inputs: max difference {worst:.1e}")
    ok, txt, ce, ex = _rate(stmt.rate, sig, member.name)
    exact &= ex
    notes.append(txt + " (the diagonal entry's deviation bounds ‖ΦΦᵀ − K∞‖_op from below)")
    strength = "exact" if exact else "sampled"
    if not ok:
        return Outcome(False, ["quadrature"], 1, None, ce, strength=strength, sizes=[member.name], notes=notes)
    return Outcome(True, ["quadrature"], 1, None, strength=strength, sizes=[member.name], notes=["; ".join(notes)])

