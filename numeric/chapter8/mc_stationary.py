"""Exact stationary points of §8.3.2's f and the exact Lemma 8.17 level of a mask (Lemma 8.19 decided exactly).

Lemma 8.19 speaks of points with ∇f(x) = 0 and ‖x‖_∞ ≤ 2μ/√d, and concludes ⟨x, z⟩² ≥ ‖x‖⁴ − ε with ε the level of
Lemma 8.17.  On one instance (z, Ω, p, x) every quantity here is rational (z = √rz·ẑ, x = √t²·y, ẑ, y, rz, t²
rational), so the lemma is decided without floats:

* ∇f(x) = −(P_Ω(R) + P_Ω(R)ᵀ)x, R = zzᵀ − xxᵀ, is √t² times a rational vector: stationary iff that vector is 0;
* the Hessian of f = ½‖P_Ω(zzᵀ − xxᵀ)‖²_F is rational: H_kl = −W2_kl R_kl + W2_kl x_k x_l + δ_kl Σ_j W2_kj x_j²
  (W2 = W + Wᵀ), so 'local minimum' (H ⪰ 0) is decided exactly;
* ε_sup, the smallest level at which Lemma 8.17 holds for *every* admissible pair (u, v) of this mask
  (‖u‖, ‖v‖ ≤ 1, ‖u‖_∞, ‖v‖_∞ ≤ μ/√d): dev(u, v) = aᵀEa with a = u∘v, E = W/p − J, and the admissible a are exactly
  the box |a_i| ≤ μ²/d intersected with ‖a‖₁ ≤ 1 (u_i = √|a_i|, v_i = sign(a_i)√|a_i|); for μ = 1 the box lies inside
  the ℓ₁ ball.  ε_sup = max over the box of |aᵀEa|, found by enumerating the KKT faces (each coordinate at −b, +b or
  free with the free block's gradient 0): a maximiser with a singular free block can be moved along the null
  direction, at constant value, onto a smaller face, so the faces with a nonsingular free block suffice.  3^d faces:
  d ≤ 8 only.

The instances are a second reader's (reading R3, 2026-12-07): at z = 1/√6 (d = 6, μ = 1) a saddle on the hypothesis'
edge and a strict local (global) minimum, each with ‖x‖⁴ − ⟨x, z⟩² > ε_sup; and one coherent stationary point (a spike
on an unobserved row), outside the hypothesis, that breaks the corrected constant without it.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import product

import numpy as np

from numeric.chapter8.mc_exact_steps import IVec, Mask, step23


@dataclass(frozen=True)
class Stationary:
    """One instance: z = √rz·zh, mask W with sampling rate p, x = √t2·y; what it is and what it breaks."""

    name: str
    zh: tuple
    rz: Fraction
    W: tuple  # rows of 0/1
    p: Fraction
    y: tuple
    t2: Fraction
    mu: int = 1  # z's incoherence √d‖z‖_∞ (the μ of Lemma 8.17 and of the hypothesis ‖x‖_∞ ≤ 2μ/√d)
    what: str = ""

    @property
    def d(self) -> int:
        return len(self.zh)

    def mask(self) -> Mask:
        return Mask(np.array(self.W, dtype=np.int64), Fraction(self.p), self.name)


def _frac_solve(A, b):
    n = len(A)
    M = [list(r) + [v] for r, v in zip(A, b)]
    for c in range(n):
        piv = next((r for r in range(c, n) if M[r][c] != 0), None)
        if piv is None:
            return None
        M[c], M[piv] = M[piv], M[c]
        for r in range(n):
            if r != c and M[r][c] != 0:
                f = M[r][c] / M[c][c]
                M[r] = [a - f * q for a, q in zip(M[r], M[c])]
    return [M[i][n] / M[i][i] for i in range(n)]


def _max_box(S, bound: Fraction) -> Fraction:
    """max of aᵀSa (S symmetric, rational) over |a_i| ≤ bound, exactly (KKT faces)."""
    d = len(S)
    best = None
    for pat in product((0, 1, 2), repeat=d):
        a = [-bound if t == 0 else bound if t == 1 else None for t in pat]
        fr = [i for i in range(d) if pat[i] == 2]
        fx = [i for i in range(d) if pat[i] != 2]
        if fr:
            sol = _frac_solve([[S[i][j] for j in fr] for i in fr], [-sum(S[i][j] * a[j] for j in fx) for i in fr])
            if sol is None or any(v < -bound or v > bound for v in sol):
                continue
            for i, v in zip(fr, sol):
                a[i] = v
        val = sum(a[i] * S[i][j] * a[j] for i in range(d) for j in range(d))
        best = val if best is None or val > best else best
    return best


@lru_cache(maxsize=64)
def _eps_sup_cached(W: tuple, p: Fraction, mu: int) -> tuple[Fraction, Fraction]:
    d = len(W)
    b = Fraction(mu * mu, d)
    if d * b > 1:
        raise ValueError("ε_sup is computed for μ = 1 only (the box inside the ℓ₁ ball)")
    if d > 8:
        raise ValueError("KKT enumeration: d ≤ 8")
    S = [[Fraction(W[i][j] + W[j][i], 2) / p - 1 for j in range(d)] for i in range(d)]
    hi = _max_box(S, b)
    lo = -_max_box([[-v for v in r] for r in S], b)
    return hi, lo


def eps_sup(inst: Stationary) -> Fraction:
    """The exact Lemma 8.17 level of the mask: max |dev(u, v)| over every admissible pair."""
    hi, lo = _eps_sup_cached(inst.W, Fraction(inst.p), inst.mu)
    return max(hi, -lo)


def gradient_part(inst: Stationary) -> list[Fraction]:
    """v with ∇f(x) = −√t2·v (exact)."""
    d = inst.d
    zh, y, rz, t2 = [Fraction(v) for v in inst.zh], [Fraction(v) for v in inst.y], Fraction(inst.rz), Fraction(inst.t2)
    W2 = [[inst.W[i][j] + inst.W[j][i] for j in range(d)] for i in range(d)]
    return [sum(W2[i][j] * (rz * zh[i] * zh[j] - t2 * y[i] * y[j]) * y[j] for j in range(d)) for i in range(d)]


def hessian(inst: Stationary) -> list[list[Fraction]]:
    d = inst.d
    zh, y, rz, t2 = [Fraction(v) for v in inst.zh], [Fraction(v) for v in inst.y], Fraction(inst.rz), Fraction(inst.t2)
    W2 = [[inst.W[i][j] + inst.W[j][i] for j in range(d)] for i in range(d)]
    H = [[-W2[k][l] * (rz * zh[k] * zh[l] - t2 * y[k] * y[l]) + W2[k][l] * t2 * y[k] * y[l] for l in range(d)]
         for k in range(d)]
    for k in range(d):
        H[k][k] += sum(W2[k][j] * t2 * y[j] * y[j] for j in range(d))
    return H


def is_psd(H) -> bool:
    """H ⪰ 0, exactly: symmetric elimination (a negative pivot, or a zero pivot with a nonzero row, means not PSD)."""
    A = [[Fraction(v) for v in row] for row in H]
    n = len(A)
    for k in range(n):
        if A[k][k] < 0:
            return False
        if A[k][k] == 0:
            if any(A[k][j] != 0 for j in range(k + 1, n)):
                return False
            continue
        for i in range(k + 1, n):
            f = A[i][k] / A[k][k]
            for j in range(k, n):
                A[i][j] -= f * A[k][j]
    return True


@dataclass(frozen=True)
class Decided:
    s: Fraction  # ‖x‖²
    c: Fraction  # ⟨x, z⟩²
    gap: Fraction  # ‖x‖⁴ − ⟨x, z⟩² (= ⟨x, (xxᵀ − zzᵀ)x⟩)
    sup2: Fraction  # ‖x‖_∞²
    incoherent: bool  # ‖x‖_∞ ≤ 2μ/√d (Lemma 8.19's hypothesis)
    stationary: bool
    eps_sup: Fraction
    eps_pairs: Fraction  # the level at the admissible pairs (z, x/c), (x/c, x/c), c = max(2, ‖x‖) (≤ eps_sup)
    c2: Fraction  # c² = max(4, ‖x‖²)
    D23: Fraction  # ⟨x, ∇f⟩/p − ⟨x, ∇g⟩; at a stationary x it is −⟨x, ∇g⟩ = −2·gap


@lru_cache(maxsize=64)
def decide(inst: Stationary) -> Decided:
    zh, y = IVec.of(inst.zh), IVec.of(inst.y)
    rz, t2 = Fraction(inst.rz), Fraction(inst.t2)
    s = t2 * y.dot(y)
    c = rz * t2 * zh.dot(y) ** 2
    sup2 = t2 * y.max_sq()
    r = step23(inst.mask(), zh, rz, y, t2)
    return Decided(s, c, s * s - c, sup2, sup2 <= Fraction(4 * inst.mu**2, inst.d),
                   not any(gradient_part(inst)), eps_sup(inst), r.eps, r.c2, r.D)


_W1 = ((1, 1, 0, 0, 1, 1), (1, 1, 0, 1, 1, 0), (0, 0, 0, 0, 1, 0), (0, 1, 0, 0, 1, 1), (1, 1, 1, 1, 1, 0),
       (1, 0, 0, 1, 0, 0))
_W2 = ((1, 0, 0, 0, 0, 0), (0, 1, 0, 0, 0, 0), (0, 0, 1, 1, 1, 0), (0, 0, 1, 1, 0, 0), (0, 0, 1, 0, 1, 1),
       (0, 0, 0, 0, 1, 0))
_W3 = tuple(tuple(0 if 2 in (i, j) else v for j, v in enumerate(row)) for i, row in enumerate(_W1))  # row 3 emptied

FLAT6 = (1,) * 6

INSTANCES = (
    Stationary("saddle on the hypothesis' edge (d = 6, p = 1/2)", FLAT6, Fraction(1, 6), _W1, Fraction(1, 2),
               (0, 1, 1, 0, 1, -2), Fraction(1, 6),
               what="x = (0, 1, 1, 0, 1, −2)/√6, ∇f(x) = 0 exactly, ‖x‖_∞ = 2μ/√d (μ = 1), a saddle; "
               "‖x‖⁴ − ⟨x, z⟩² = 4/3 > ε_sup = 1/2 (second reader R3)"),
    Stationary("strict local minimum (d = 6, p = 2/5)", FLAT6, Fraction(1, 6), _W2, Fraction(2, 5),
               (1, 1, -1, -1, -1, -1), Fraction(1, 6),
               what="x = (1, 1, −1, −1, −1, −1)/√6, f(x) = 0, ∇f(x) = 0, ∇²f(x) ≻ 0, ‖x‖_∞ = μ/√d; "
               "‖x‖⁴ − ⟨x, z⟩² = 8/9 > ε_sup = 47/72 (second reader R3)"),
    Stationary("coherent spike on an empty row (d = 6, p = 1/2)", FLAT6, Fraction(1, 6), _W3, Fraction(1, 2),
               (0, 0, 1, 0, 0, 0), Fraction(9),
               what="x = 3e₃ with row and column 3 of Ω empty: f does not depend on x₃, ∇f(x) = 0; ‖x‖_∞ = 3 > 2μ/√d "
               "(outside Lemma 8.19's hypothesis): ‖x‖⁴ − ⟨x, z⟩² = 159/2 > (c² + c⁴)ε_sup (c = 3)"),
)

__all__ = ["Decided", "INSTANCES", "Stationary", "decide", "eps_sup", "gradient_part", "hessian", "is_psd"]
