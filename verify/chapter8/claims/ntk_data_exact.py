"""Exact/certified spectral arithmetic on a bank data set taken as the features Φ = X of §8.4 (n × p, p = d).

Every statement about linear GD (8.109)–(8.128) on Φ depends on the data only through the eigenvalues λⱼ of the
rational matrix K = ΦΦᵀ and the weights wⱼ = ‖Pⱼr⁰‖² of the initial residual r⁰ = ŷ⁰ − y = −y (f_θ⁰ ≡ 0,
Definition 8.24, so ŷ⁰ = 0) on its eigenspaces: rᵗ = (I − ηK)ᵗr⁰ has ‖rᵗ‖² = Σⱼ (1 − ηλⱼ)^{2t} wⱼ.

The λⱼ are the real roots of K's characteristic polynomial, isolated exactly (sympy's ``Poly.intervals``: disjoint
rational intervals of width ≤ 10⁻⁴⁵, with multiplicities).  When every root is rational the arithmetic below is
exact (SymPy rationals); otherwise it is interval arithmetic (mpmath ``iv`` at 80 digits) on those enclosures, so
each sign it reports is certified; a sign whose interval still contains 0 is reported as undecided (None), never
guessed.  The projector onto the eigenspace of λⱼ is Pⱼ = Πₖ≠ⱼ (K − λₖI)/(λⱼ − λₖ) over the distinct eigenvalues
(K is symmetric, hence diagonalisable).
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import mpmath as mp
import sympy as sp

_EPS = sp.Rational(1, 10**45)
_DPS = 80


@contextmanager
def _ivdps(dps: int = _DPS):
    old = mp.iv.dps
    mp.iv.dps = max(old, dps)
    try:
        yield
    finally:
        mp.iv.dps = old


@dataclass(frozen=True)
class Spectrum:
    n: int
    p: int
    exact: bool
    lam: tuple    # distinct eigenvalues of ΦΦᵀ, ascending (Rational or iv interval)
    mult: tuple   # their multiplicities
    w: tuple      # ‖Pⱼ y‖² (Rational or iv interval)
    yy: object    # ‖y‖² (Rational)
    ymax2: object  # max|yᵢ|² (Rational)
    K: sp.Matrix
    X: sp.Matrix
    y: sp.Matrix
    enclosures: tuple  # the rational isolating intervals (a, b) of the λⱼ

    @property
    def sigma2(self):  # σ² = λ_min(ΦΦᵀ) (8.117)
        return self.lam[0]

    @property
    def tau2(self):  # τ² = λ_max(ΦΦᵀ) (8.116)
        return self.lam[-1]

    def num(self, q):
        """A rational constant in this spectrum's arithmetic."""
        q = sp.nsimplify(q)
        if self.exact:
            return q
        with _ivdps():
            return mp.iv.mpf(int(sp.numer(q))) / int(sp.denom(q))


def _iv(q):
    q = sp.Rational(q)
    return mp.iv.mpf(int(q.p)) / int(q.q)


@lru_cache(maxsize=None)
def _spectrum(name: str, X: tuple, y: tuple) -> Spectrum:
    Xm = sp.Matrix([list(r) for r in X])
    ym = sp.Matrix(list(y))
    K = Xm * Xm.T
    lam_ = sp.Symbol("lam")
    roots = sp.Poly(K.charpoly(lam_).as_expr(), lam_).intervals(eps=_EPS)
    roots = sorted(roots, key=lambda r: r[0][0])
    exact = all(a == b for (a, b), _ in roots)
    n = Xm.rows
    if exact:
        lam = [sp.Rational(a) for (a, _b), _ in roots]
        P = []
        for j, lj in enumerate(lam):
            M = sp.eye(n)
            for k, lk in enumerate(lam):
                if k != j:
                    M = M * (K - lk * sp.eye(n)) / (lj - lk)
            P.append(M)
        w = [((Pj * ym).T * (Pj * ym))[0] for Pj in P]
    else:
        with _ivdps():
            lam = [mp.iv.mpf([_iv(a).a, _iv(b).b]) for (a, b), _ in roots]
            Ki = mp.iv.matrix([[_iv(K[i, j]) for j in range(n)] for i in range(n)])
            yi = mp.iv.matrix([[_iv(v)] for v in ym])
            w = []
            for j, lj in enumerate(lam):
                v = yi
                for k, lk in enumerate(lam):
                    if k != j:
                        v = (Ki * v - lk * v) * (1 / (lj - lk))
                w.append(sum(v[i, 0] ** 2 for i in range(n)))
    return Spectrum(n, Xm.cols, exact, tuple(lam), tuple(m for _, m in roots), tuple(w), (ym.T * ym)[0],
                    max(v**2 for v in ym), K, Xm, ym, tuple(a for a, _ in roots))


def spectrum(member) -> Spectrum:
    D = member.obj
    return _spectrum(member.name, tuple(tuple(r) for r in D["X"]), tuple(D["y"]))


def sign(x) -> int | None:
    """+1, 0, −1 for an exact rational; for an interval +1/−1 when it excludes 0, else None (undecided)."""
    if isinstance(x, sp.Basic):
        return int(sp.sign(x))
    if x.a > 0:
        return 1
    if x.b < 0:
        return -1
    if x.a == 0 and x.b == 0:
        return 0
    return None


def at_least(a, b) -> bool | None:
    """a ≥ b: True/False when decided (exactly, or by an interval excluding 0), None when undecided."""
    s = sign(a - b)
    return None if s is None else s >= 0


def equal(a, b) -> bool | None:
    s = sign(a - b)
    if s is None:
        return None
    return s == 0


def show(x) -> str:
    if isinstance(x, sp.Basic):
        return str(x)
    return mp.nstr(mp.mpf(x.mid.a), 20)


def fnum(x) -> float:
    if isinstance(x, sp.Basic):
        return float(x)
    return float(mp.mpf(x.mid.a))


def residual2(S: Spectrum, eta, t: int):
    """‖rᵗ‖² = Σⱼ (1 − ηλⱼ)^{2t} wⱼ for rᵗ = (I − ηΦΦᵀ)ᵗ(−y)."""
    with _ivdps():
        return sum((1 - eta * l) ** (2 * t) * w for l, w in zip(S.lam, S.w))


def grad_form(S: Spectrum, eta, t: int):
    """rᵗᵀΦΦᵀrᵗ = Σⱼ λⱼ(1 − ηλⱼ)^{2t} wⱼ (so ‖∇L̂(g)‖² = (4/n²)·this at the t-th GD residual)."""
    with _ivdps():
        return sum(l * (1 - eta * l) ** (2 * t) * w for l, w in zip(S.lam, S.w))


def opnorm2(S: Spectrum, eta):
    """‖I − ηΦΦᵀ‖²_op = maxⱼ (1 − ηλⱼ)² (decided on the enclosures; the max of intervals is taken pointwise)."""
    with _ivdps():
        vals = [(1 - eta * l) ** 2 for l in S.lam]
    if S.exact:
        return max(vals)
    lo = max(v.a for v in vals)
    hi = max(v.b for v in vals)
    return mp.iv.mpf([lo, hi])


def steps(max_r=None):
    """The step bank's r (η = r/τ²), those ≤ max_r."""
    from numeric.adversaries import members

    out = []
    for m in members("step"):
        r = sp.nsimplify(m.obj)
        if max_r is None or r <= sp.nsimplify(max_r):
            out.append((m.name, r))
    return out


def rank(S: Spectrum) -> int:
    return S.X.rank()


def na(why: str):
    from verify.engine.claim import Outcome

    return Outcome(None, ["exact spectrum"], 0, notes=[why])


def outcome(ok: bool | None, checked: int, ce, S: Spectrum, note: str):
    """ok None (some sign undecided) is reported as not applicable with the reason, never as held."""
    from verify.engine.claim import Outcome

    how = "exact (rational eigenvalues)" if S.exact else "certified (interval arithmetic on isolated eigenvalues)"
    if ok is None:
        return Outcome(None, ["exact spectrum"], checked, notes=["undecided: an interval contains 0; " + note])
    return Outcome(ok, ["exact spectrum"], checked, None, ce, strength="exact" if S.exact else "certified",
                   sizes=[f"n = {S.n}, p = {S.p}"], notes=[f"{how}; {note}"])


def as_iv(S: Spectrum) -> Spectrum:
    """The same spectrum in interval arithmetic (for powers too large for exact rationals)."""
    if not S.exact:
        return S
    from dataclasses import replace

    with _ivdps():
        return replace(S, exact=False, lam=tuple(_iv(v) for v in S.lam), w=tuple(_iv(v) for v in S.w))


def modes(S: Spectrum, r):
    """cⱼ = 1 − ηλⱼ at η = r/τ²: the top mode's c is 1 − r exactly (λ_max/τ² = 1); the others from the enclosures."""
    rr = S.num(r)
    with _ivdps():
        cs = [1 - rr * l / S.tau2 for l in S.lam[:-1]]
        cs.append(S.num(1 - sp.nsimplify(r)))
    return cs


def total(terms):
    """Σ gⱼwⱼ over (gⱼ, wⱼ), gⱼ None meaning exactly 0 (a mode compared with itself): its sign (+1/0/−1/None)."""
    live = [(g, w) for g, w in terms if g is not None]
    if not live:
        return 0
    with _ivdps():
        tot = sum(g * w for g, w in live)
    return sign(tot)


def argmax_abs(cs):
    """An index of the largest |cⱼ|, or None when the enclosures cannot order them."""
    with _ivdps():
        sq = [c * c for c in cs]
    best = None
    for j, v in enumerate(sq):
        if all(k == j or sign(v - u) in (0, 1) for k, u in enumerate(sq)):
            return j  # ties (exact only) are equal, so either index serves
    return best


def start_weights(S: Spectrum, j: int):
    """The weights of a residual r⁰ = ΦΔθ⁰ − y reachable from some start Δθ⁰ with a unit component along the
    eigenspace of λⱼ > 0 and nothing else on the range of Φ: every start's r⁰ has the fixed component −P₀y on
    null(Φᵀ) (λ = 0) and an arbitrary one on range(Φ), so the weights are (‖P₀y‖², arbitrary ≥ 0 …)."""
    zero = [k for k, l in enumerate(S.lam) if sign(l) == 0]
    return [S.w[k] if k in zero else (S.num(1) if k == j else S.num(0)) for k in range(len(S.lam))]


def decide_terms(S: Spectrum, factors):
    """Σⱼ gⱼwⱼ ≥ 0 (gⱼ None = exactly 0) for r⁰ = −y (Δθ⁰ = 0) and for every start Δθ⁰ (the inequality is linear in
    the weights, so every start ⟺ the start along each eigenspace of λⱼ > 0 with the null component fixed).
    Returns (sign, which): the smallest sign found and the residual that gave it."""
    s = total(list(zip(factors, S.w)))
    if s is None or s < 0:
        return s, "r⁰ = −y (Δθ⁰ = 0)"
    worst, which = s, None
    for j, l in enumerate(S.lam):
        if sign(l) == 0:
            continue
        sj = total(list(zip(factors, start_weights(S, j))))
        if sj is None or sj < 0:
            return sj, f"a start Δθ⁰ whose residual has a unit component along the eigenvalue {show(l)[:20]} of ΦΦᵀ"
    return worst, which
