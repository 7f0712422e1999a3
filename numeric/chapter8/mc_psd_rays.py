"""Lemma 8.21 on one instance (z, Ω, p), exactly: points x = √t²·y with ∇²f(x) ⪰ 0 and ‖x‖_∞ ≤ μ/√d, and ‖x‖².

Along a ray x = √t²·y (y rational, z = √rz·ẑ) the Hessian of f = ½‖P_Ω(zzᵀ − xxᵀ)‖²_F is affine in t²:
    ∇²f(x) = A + t²B,  A = −W2∘(zzᵀ),  B_kl = 2W2_kl y_k y_l + δ_kl Σ_j W2_kj y_j²  (W2 = W + Wᵀ),
(numeric.chapter8.mc_stationary.hessian).  B need not be PSD (vᵀBv = ‖P_Ω(vyᵀ + yvᵀ)‖² + 2(v∘y)ᵀW(v∘y) and W is
indefinite), but {t² : ∇²f ⪰ 0} is an interval (a line through the PSD cone).  Lemma 8.21's conclusion ‖x‖² ≥ L
(L = 1/3 − Kε/3) fails on the ray iff a PSD point with t² ≤ cap (the hypothesis ‖x‖_∞ ≤ μ/√d) has t²‖y‖² < L.
Floats only locate: a break is an exact PSD test at a rational t² (numeric.chapter8.mc_stationary.is_psd), a hold an
exact certificate (rational vectors v with vᵀ∇²f v < 0 at both ends of pieces covering [0, U]; the form is affine in
t²).  Neither found: 'undecided'.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction


import numpy as np

from numeric.chapter8.mc_exact_steps import IVec, Mask
from numeric.chapter8.mc_stationary import is_psd


def hessian_parts(M: Mask, zh: IVec, rz: Fraction, y: IVec):
    """∇²f(√t²·y) = A + t²B as integer matrices: A = Ai/Da, B = Bi/Db (numpy int64/object arrays, Da, Db > 0)."""
    W2 = (M.W + M.W.T).astype(object)
    n, m = zh.num.astype(object), y.num.astype(object)
    rz = Fraction(rz)
    Ai = -rz.numerator * W2 * np.outer(n, n)
    Da = rz.denominator * zh.den * zh.den
    Bi = 2 * W2 * np.outer(m, m)
    Bi[np.diag_indices(M.d)] += W2 @ (m * m)
    return Ai, Da, Bi, y.den * y.den


def fractions_of(Ai, Da, Bi, Db):
    return ([[Fraction(int(x), Da) for x in row] for row in Ai], [[Fraction(int(x), Db) for x in row] for row in Bi])


@dataclass(frozen=True)
class RayResult:
    outcome: str  # 'broken' | 'held' | 'vacuous' | 'undecided' | 'no point'
    t2: Fraction | None = None  # the witness (broken)
    s: Fraction | None = None  # its ‖x‖²
    sup2: Fraction | None = None  # its ‖x‖_∞²


def _at(A, B, t2):
    return [[a + t2 * b for a, b in zip(ra, rb)] for ra, rb in zip(A, B)]


def _form(H, v) -> Fraction:
    return sum(v[i] * H[i][j] * v[j] for i in range(len(v)) for j in range(len(v)))


def _lmin(Af, Bf, t):
    w, V = np.linalg.eigh(Af + t * Bf)
    return w[0], V[:, 0]


def _null_vectors(H) -> list[list[Fraction]]:
    import sympy as sp

    return [[Fraction(int(sp.Rational(x).p), int(sp.Rational(x).q)) for x in v]
            for v in sp.Matrix([[sp.Rational(h.numerator, h.denominator) for h in row] for row in H]).nullspace()]


def _sign_at(qa: int, qb: int, Da: int, Db: int, t2: Fraction) -> int:
    """sign of vᵀ(A + t²B)v from qa = vᵀAi v, qb = vᵀBi v (exact)."""
    val = Db * t2.denominator * qa + Da * t2.numerator * qb
    return (val > 0) - (val < 0)


def _certify_negative(ints, Af, Bf, a: Fraction, b: Fraction, open_right: bool, depth: int = 0,
                      max_depth: int = 16) -> bool:
    """No t² ∈ [a, b] (or [a, b) when ``open_right``) with A + t²B ⪰ 0, certified exactly: a rational (scaled integer)
    v with vᵀ(A + aB)v < 0 and vᵀ(A + bB)v < 0 (≤ 0 at an open right end) — the form is affine in t², so v certifies
    the piece — bisecting where one v does not cover it.  At an open right end the exact null vectors of A + bB are
    tried too (the PSD set may start exactly at b: the conclusion then holds with equality there)."""
    Ai, Da, Bi, Db = ints
    _, vec = _lmin(Af, Bf, float((a + b) / 2))
    v = np.array([int(round(float(x) * 10**9)) for x in vec], dtype=object)
    qa, qb = int(v @ Ai @ v), int(v @ Bi @ v)
    sa, sb = _sign_at(qa, qb, Da, Db, a), _sign_at(qa, qb, Da, Db, b)
    if sa < 0 and (sb < 0 or (open_right and sb <= 0)):
        return True
    if open_right and depth >= 4:
        A, B = fractions_of(*ints)
        Hb, Ha = _at(A, B, b), _at(A, B, a)
        for w in _null_vectors(Hb):
            if _form(Ha, w) < 0 and _form(Hb, w) == 0:
                return True
    if depth >= max_depth:
        return False
    mid = (a + b) / 2
    return (_certify_negative(ints, Af, Bf, a, mid, False, depth + 1, max_depth)
            and _certify_negative(ints, Af, Bf, mid, b, open_right, depth + 1, max_depth))


def decide_ray(M: Mask, zh: IVec, rz: Fraction, y: IVec, level: Fraction, cap2: Fraction) -> RayResult:
    """Is there x = √t²·y with ∇²f(x) ⪰ 0, ‖x‖_∞² ≤ cap2 and ‖x‖² < level?  (exact either way, or 'undecided')

    {t² : A + t²B ⪰ 0} is an interval (the PSD cone is convex), where the concave λ_min(A + t²B) is ≥ 0.  A hold is an
    exact certificate that no t² ∈ [0, U] is PSD (U = min(level/‖y‖², cap2/‖y‖_∞²), open at level/‖y‖²); failing one,
    the maximiser of λ_min on [0, U] is located in floats and a break is an exact PSD test at a rational t² (strictly
    below level/‖y‖² when that is U)."""
    yy, ym = y.dot(y), y.max_sq()
    if yy == 0:
        return RayResult("no point")
    if level <= 0:
        return RayResult("vacuous")
    ints = hessian_parts(M, zh, rz, y)
    Ai, Da, Bi, Db = ints
    Af, Bf = Ai.astype(float) / Da, Bi.astype(float) / Db
    T, tmax = level / yy, cap2 / ym
    U = min(T, tmax)
    strict = T <= tmax  # the right end is the level itself: a witness must lie strictly below it
    if _certify_negative(ints, Af, Bf, Fraction(0), U, strict, max_depth=3):
        return RayResult("held")
    lo, hi = 0.0, float(U)  # golden section on the concave λ_min
    g = (5**0.5 - 1) / 2
    for _ in range(40):
        m1, m2 = hi - g * (hi - lo), lo + g * (hi - lo)
        if _lmin(Af, Bf, m1)[0] < _lmin(Af, Bf, m2)[0]:
            lo = m1
        else:
            hi = m2
    tstar = (lo + hi) / 2
    cands = [Fraction(tstar).limit_denominator(10**8), U, U * (1 - Fraction(1, 10**6)), Fraction(0)]
    A, B = fractions_of(*ints)
    for t2 in cands:
        if t2 < 0 or t2 > U or (strict and t2 >= T):
            continue
        if is_psd(_at(A, B, t2)):
            return RayResult("broken", t2, t2 * yy, t2 * ym)
    if _certify_negative(ints, Af, Bf, Fraction(0), U, strict):
        return RayResult("held")
    return RayResult("undecided")


def sign_directions(d: int, max_d: int = 6) -> list[tuple[str, IVec]]:
    """Every y ∈ {0, ±1}^d up to sign (d ≤ max_d): spiky and flat rays, the supports a PSD point can use."""
    if d > max_d:
        return []
    out = []
    for code in range(3**d):
        v, c = [], code
        for _ in range(d):
            v.append((c % 3) - 1)
            c //= 3
        first = next((x for x in v if x != 0), 0)
        if first <= 0:
            continue
        out.append((f"y = {tuple(v)}", IVec(v)))
    return out


__all__ = ["RayResult", "decide_ray", "hessian_parts", "sign_directions"]
