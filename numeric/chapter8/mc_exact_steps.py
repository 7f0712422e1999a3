"""The steps (8.23) and (8.32) of §8.3.2 decided exactly (rational arithmetic) on one instance (z, Ω, p, x).

Both steps cite Lemma 8.17 at level ε: |dev(u, v)| ≤ ε for every pair with ‖u‖, ‖v‖ ≤ 1 and ‖u‖_∞, ‖v‖_∞ ≤ μ/√d,
where dev(u, v) = ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² = wᵀEw, w = u∘v, E = W/p − J (W the 0/1 mask, symmetrised:
wᵀWw = wᵀ((W + Wᵀ)/2)w).  The level ε read here is the largest |dev| at the *admissible* pairs the step can cite
(every vector rescaled into the lemma's ball), the smallest ε at which the lemma holds at those pairs.

(8.23), hypothesis ‖x‖_∞ ≤ 2μ/√d (Lemma 8.19), c² = max(4, ‖x‖²), u = x/c:
    D₂₃ = ⟨x, ∇f(x)⟩/p − ⟨x, ∇g(x)⟩ = −2(q(z∘x) − q(x∘x)),  q(z∘x) = c²·dev(z, u),  q(x∘x) = c⁴·dev(u, u),
so |D₂₃| ≤ 2(c² + c⁴)ε (a triangle inequality, exact), and the printed '± ε' needs |D₂₃| ≤ ε.

(8.32), hypothesis ‖x‖_∞ ≤ μ/√d (Lemma 8.21), a = z∘z, b = x∘x, m² = max(1, ‖x‖²), b̃ = b/m²:
    D₃₂ = ⟨z, ∇²f(x)z⟩/p − ⟨z, ∇²g(x)z⟩ = 2aᵀEb + 4q(z∘x) − 2q(a),
    aᵀEb = m²[q((a + b̃)/2) − q((a − b̃)/2)]  (polarisation; (a ± b̃)/2 = u∘v with u = √|(a ± b̃)/2|, admissible),
    q(z∘x) = m²·dev(z, x/m),
so |D₃₂| ≤ (8m² + 2)ε; with ⟨z, ∇²f z⟩ ≥ 0 the conclusion ⟨z, ∇²g z⟩ ≥ −Kε fails iff ⟨z, ∇²g z⟩ < −Kε.

Vectors are x = √t²·y with t² and y rational (so every quantity is rational): z = √r·ẑ likewise.  No floats decide.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import lcm

import numpy as np


class IVec:
    """A rational vector num/den (num: Python ints in an object array, den: int): exact and vectorised."""

    __slots__ = ("num", "den")

    def __init__(self, num, den: int = 1):
        self.num = num if isinstance(num, np.ndarray) and num.dtype == object else np.array([int(v) for v in num], dtype=object)
        self.den = int(den)

    @staticmethod
    def of(v) -> "IVec":
        if isinstance(v, IVec):
            return v
        fr = [Fraction(x) for x in v]
        den = lcm(*[f.denominator for f in fr]) if fr else 1
        return IVec([f.numerator * (den // f.denominator) for f in fr], den)

    def __len__(self) -> int:
        return len(self.num)

    def __mul__(self, o: "IVec") -> "IVec":  # Hadamard product
        return IVec(self.num * o.num, self.den * o.den)

    def scale(self, a: Fraction) -> "IVec":
        a = Fraction(a)
        return IVec(self.num * a.numerator, self.den * a.denominator)

    def __add__(self, o: "IVec") -> "IVec":
        return IVec(self.num * o.den + o.num * self.den, self.den * o.den)

    def __sub__(self, o: "IVec") -> "IVec":
        return IVec(self.num * o.den - o.num * self.den, self.den * o.den)

    def sum(self) -> Fraction:
        return Fraction(int(self.num.sum()), self.den)

    def dot(self, o: "IVec") -> Fraction:
        return Fraction(int(self.num @ o.num), self.den * o.den)

    def max_sq(self) -> Fraction:
        return Fraction(max(int(v) * int(v) for v in self.num), self.den * self.den)

    def any(self) -> bool:
        return any(int(v) != 0 for v in self.num)

    def fractions(self) -> list[Fraction]:
        return [Fraction(int(v), self.den) for v in self.num]


@dataclass(frozen=True)
class Mask:
    """Ω as a 0/1 integer matrix W (any, symmetrised in the forms) and its sampling probability p (rational)."""

    W: np.ndarray
    p: Fraction
    name: str = ""

    @property
    def d(self) -> int:
        return self.W.shape[0]

    def __post_init__(self) -> None:
        object.__setattr__(self, "W2", (self.W + self.W.T).astype(object))  # W + Wᵀ, Python ints: no overflow

    def form_W(self, w: IVec) -> Fraction:
        """wᵀWw = ⟨P_Ω(uuᵀ), vvᵀ⟩ for w = u∘v."""
        return Fraction(int(w.num @ (self.W2 @ w.num)), 2 * w.den * w.den)

    def bilinear_W(self, a: IVec, b: IVec) -> Fraction:
        return Fraction(int(a.num @ (self.W2 @ b.num)), 2 * a.den * b.den)

    def q(self, w: IVec) -> Fraction:
        """dev at w = u∘v: wᵀ(W/p − J)w."""
        s = w.sum()
        return self.form_W(w) / self.p - s * s


def bernoulli(d: int, p: Fraction, rng: np.random.Generator, name: str = "") -> Mask:
    """A symmetric Bernoulli(p) mask: every unordered pair {i, j} (diagonal included) observed with probability p."""
    U = np.triu(rng.random((d, d)) < float(p))
    W = (U | U.T).astype(np.int64)
    return Mask(W, Fraction(p), name or f"symmetric Bernoulli(p = {p}), d = {d}")


def from_matrix(W, name: str = "") -> Mask:
    """A fixed mask (the bank's), p read as its observed fraction |Ω|/d² (the rate of which it is a typical draw)."""
    rows = W.tolist() if hasattr(W, "tolist") else W
    W = np.array([[int(v) for v in row] for row in rows], dtype=np.int64)
    d = W.shape[0]
    return Mask(W, Fraction(int(W.sum()), d * d), name)




@dataclass(frozen=True)
class Point:
    """x = √t2·y on the instance (z = √rz·zh, Ω): the quantities the two steps need, exactly."""

    s: Fraction  # ‖x‖²
    c: Fraction  # ⟨x, z⟩²
    sup2: Fraction  # ‖x‖_∞²


def point(zh: IVec, rz: Fraction, y: IVec, t2: Fraction) -> Point:
    return Point(t2 * y.dot(y), rz * t2 * zh.dot(y) ** 2, t2 * y.max_sq())


@dataclass(frozen=True)
class Step23:
    s: Fraction
    c2: Fraction  # max(4, ‖x‖²)
    D: Fraction  # ⟨x, ∇f⟩/p − ⟨x, ∇g⟩
    D_direct: Fraction  # the same from f and g directly (−2⟨P_Ω R, xxᵀ⟩/p + 2⟨R, xxᵀ⟩)
    eps: Fraction  # max(|dev(z, x/c)|, |dev(x/c, x/c)|)
    pairs: tuple


def step23(m: Mask, zh: IVec, rz: Fraction, y: IVec, t2: Fraction) -> Step23:
    zy = zh * y
    yy = y * y
    Q1 = rz * t2 * m.q(zy)  # q(z∘x)
    Q2 = t2 * t2 * m.q(yy)  # q(x∘x)
    s = t2 * y.dot(y)
    c2 = max(Fraction(4), s)
    D = -2 * (Q1 - Q2)
    # directly: ⟨x, ∇f⟩ = −2⟨P_Ω(zzᵀ − xxᵀ), xxᵀ⟩, ⟨x, ∇g⟩ = −2⟨zzᵀ − xxᵀ, xxᵀ⟩ (derived gradients)
    f_part = rz * t2 * m.form_W(zy) - t2 * t2 * m.form_W(yy)
    g_part = rz * t2 * zh.dot(y) ** 2 - s * s
    D_direct = -2 * f_part / m.p + 2 * g_part
    e1, e2 = Q1 / c2, Q2 / (c2 * c2)
    return Step23(s, c2, D, D_direct, max(abs(e1), abs(e2)), (e1, e2))


def t2_pairing_zero(m: Mask, zh: IVec, rz: Fraction, y: IVec) -> Fraction | None:
    """t² > 0 with ⟨x, ∇f(x)⟩ = 0 at x = √t²·y (the points Lemma 8.19's proof meets), if there is one."""
    num = rz * m.form_W(zh * y)
    den = m.form_W(y * y)
    if den <= 0 or num <= 0:
        return None
    return num / den


@dataclass(frozen=True)
class Step32:
    s: Fraction
    c: Fraction
    m2: Fraction  # max(1, ‖x‖²)
    hf: Fraction  # ⟨z, ∇²f(x)z⟩/p
    hg: Fraction  # ⟨z, ∇²g(x)z⟩ = 2s + 4c − 2
    D: Fraction  # hf − hg
    D_pairs: Fraction  # the same through the admissible pairs (polarisation)
    eps: Fraction  # max |dev| at (z, z), (z, x/m), the two polarisation pairs
    pairs: tuple


def step32(m: Mask, zh: IVec, rz: Fraction, y: IVec, t2: Fraction) -> Step32:
    a = (zh * zh).scale(rz)
    b = (y * y).scale(t2)
    zy = zh * y
    s = t2 * y.dot(y)
    c = rz * t2 * zh.dot(y) ** 2
    m2 = max(Fraction(1), s)
    hf = (2 * m.bilinear_W(a, b) + 4 * rz * t2 * m.form_W(zy) - 2 * m.form_W(a)) / m.p
    hg = 2 * s * a.sum() + 4 * c - 2 * a.sum() ** 2
    bt = b.scale(1 / m2)
    Qa = m.q(a)
    Qw = rz * t2 * m.q(zy)
    Q3 = m.q((a + bt).scale(Fraction(1, 2)))
    Q4 = m.q((a - bt).scale(Fraction(1, 2)))
    D_pairs = 2 * m2 * (Q3 - Q4) + 4 * Qw - 2 * Qa
    pairs = (Qa, Qw / m2, Q3, Q4)
    return Step32(s, c, m2, hf, hg, hf - hg, D_pairs, max(abs(v) for v in pairs), pairs)


def t2_boundary32(m: Mask, zh: IVec, rz: Fraction, y: IVec) -> Fraction | None:
    """t² > 0 with ⟨z, ∇²f(x)z⟩ = 0 at x = √t²·y (the boundary of (8.31)'s premise along the ray), if any."""
    a = (zh * zh).scale(rz)
    den = 2 * m.bilinear_W(a, y * y) + 4 * rz * m.form_W(zh * y)
    num = 2 * m.form_W(a)
    if den <= 0 or num <= 0:
        return None
    return num / den


def rational_direction(z) -> tuple[IVec, Fraction] | None:
    """z = √rz·zh with zh rational and rz rational (None if z is not of that form)."""
    import sympy as sp

    k = next((i for i, v in enumerate(z) if v != 0), None)
    if k is None:
        return None
    rho = sp.nsimplify(z[k])
    r2 = sp.nsimplify(rho**2)
    zh = [sp.nsimplify(v / rho) for v in z]
    if not r2.is_Rational or not all(v.is_Rational for v in zh):
        return None
    return IVec.of([Fraction(int(v.p), int(v.q)) for v in zh]), Fraction(int(r2.p), int(r2.q))


def directions(zh: IVec, m: Mask, rng: np.random.Generator, k_random: int = 2) -> list[tuple[str, IVec]]:
    """Rational directions y for x = √t²·y: x ∥ z, random sign patterns, ⊥ z, z's mass on the well / sparsely
    observed rows only, and a two-spike direction on an unobserved pair (spiky x of small norm)."""
    d = len(zh.num)
    out = [("x ∥ z", zh)]
    for i in range(k_random):
        out.append((f"random signs/magnitudes #{i}", IVec([int(v) for v in rng.choice([-2, -1, 1, 2], size=d)])))
    r = out[-1][1]
    perp = r - zh.scale(r.dot(zh) / zh.dot(zh))
    if perp.any():
        out.append(("⊥ z", perp))
    rows = m.W.sum(axis=1)
    med = np.median(rows)
    keep = np.array([1 if rows[i] >= med else 0 for i in range(d)], dtype=object)
    for name, v in (("z on the well-observed rows", IVec(zh.num * keep, zh.den)),
                    ("z on the sparsely observed rows", IVec(zh.num * (1 - keep), zh.den))):
        if v.any():
            out.append((name, v))
    un = np.argwhere((m.W + m.W.T) == 0)
    un = [(int(i), int(j)) for i, j in un if i < j]
    if un:
        i, j = un[int(rng.integers(len(un)))]
        v = [0] * d
        v[i] = v[j] = 1
        v = IVec(v)
        out.append((f"spikes at the unobserved pair ({i + 1}, {j + 1})", v))
    return out


__all__ = ["IVec", "Mask", "Point", "Step23", "Step32", "bernoulli", "directions", "from_matrix", "point", "rational_direction",
           "step23", "step32", "t2_boundary32", "t2_pairing_zero"]
