"""Exact sum-of-squares certificates: f − c = pᵀQp with Q ⪰ 0, all in rational arithmetic.

The numeric side (numeric.sos) finds a Gram matrix with a conic solver; nothing numeric is trusted:
this module builds the affine space of Gram matrices exactly (Q = Q₀ + Σ yₖNₖ, a rational particular
solution and a rational null-space basis of the coefficient equations, DomainMatrix over QQ), so a
rounded y gives an exact Gram matrix, whose semidefiniteness is decided by an exact LDLᵀ
(Fractions) and whose identity f − c = pᵀQp is re-checked by SymPy Poly arithmetic over QQ.

Two reductions keep the Gram matrix strictly feasible, as rounding needs:
* half Newton polytope pruning (a monomial m with 2m outside supp(f) and not a sum m₁ + m₂ of two
  other basis monomials has a zero diagonal entry, hence a zero row: drop it, repeat);
* facial reduction by a known zero set: if f = c on V then every pⱼ vanishes on V, so the basis can
  be taken inside ⟨G⟩ (G the equations of V): the polynomials of span(basis) with normal form 0.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from fractions import Fraction

import sympy as sp
from sympy.polys.domains import QQ
from sympy.polys.matrices import DomainMatrix


def monomials(n: int, deg: int) -> list[tuple]:
    return [m for k in range(deg + 1) for m in _exps(n, k)]


def _exps(n, k):
    for c in itertools.combinations_with_replacement(range(n), k):
        e = [0] * n
        for i in c:
            e[i] += 1
        yield tuple(e)


def _add(a, b):
    return tuple(x + y for x, y in zip(a, b))


def prune_half_newton(support: set, basis: list[tuple]) -> list[tuple]:
    """Drop monomials m with 2m ∉ supp(f) that no pair of other basis monomials reaches."""
    basis = list(basis)
    while True:
        sums: dict[tuple, int] = {}
        for i, a in enumerate(basis):
            for b in basis[i + 1:]:
                s = _add(a, b)
                sums[s] = sums.get(s, 0) + 1
        drop = [m for m in basis if _add(m, m) not in support and _add(m, m) not in sums]
        if not drop:
            return basis
        basis = [m for m in basis if m not in drop]


def poly_dict(p, vs) -> dict[tuple, Fraction]:
    P = sp.Poly(sp.expand(p), *vs)
    return {m: Fraction(int(c.p), int(c.q)) for m, c in P.terms()} if not P.is_zero else {}


def ideal_subspace(basis: list[tuple], vs, ideals=(), points=()) -> list[dict]:
    """A rational basis of the p = Σ aᵢ x^{mᵢ} vanishing on a set: p ∈ ⟨G⟩ for each grevlex basis G in
    ``ideals`` (normal form 0), and p = 0 at each AlgebraicPoint in ``points`` (reduced mod its minimal
    polynomial, so at its conjugates too)."""
    xs = [sp.Mul(*[v**e for v, e in zip(vs, m)]) for m in basis]
    images = [dict() for _ in xs]  # (constraint, key) -> value
    for k, G in enumerate(ideals):
        for i, x in enumerate(xs):
            for m, c in poly_dict(_nf(x, G, vs), vs).items():
                images[i][("G", k, m)] = c
    for k, P in enumerate(points):
        for i, x in enumerate(xs):
            r = sp.Poly(P.reduce(x, vs), sp.Symbol("_theta"))
            for (e,), c in r.terms():
                c = sp.Rational(c)
                images[i][("P", k, e)] = Fraction(int(c.p), int(c.q))
    cols = sorted({key for d in images for key in d}, key=str)
    if not cols:
        vecs = [[Fraction(int(i == j)) for j in range(len(basis))] for i in range(len(basis))]
    else:
        A = DomainMatrix([[QQ(d.get(c, Fraction(0)).numerator, d.get(c, Fraction(0)).denominator) for d in images]
                          for c in cols], (len(cols), len(basis)), QQ)
        ns = A.nullspace().to_Matrix()
        vecs = [[Fraction(int(sp.Rational(v).p), int(sp.Rational(v).q)) for v in ns.row(i)] for i in range(ns.rows)]
    out = []
    for v in vecs:
        d: dict[tuple, Fraction] = {}
        for a, m in zip(v, basis):
            if a:
                d[m] = d.get(m, 0) + a
        out.append(d)
    return out


def _nf(x, G, vs):
    from symbolic.components import reduce

    return reduce(x, list(G), vs)


def _mul(p: dict, q: dict) -> dict:
    out: dict[tuple, Fraction] = {}
    for a, x in p.items():
        for b, y in q.items():
            m = _add(a, b)
            out[m] = out.get(m, 0) + x * y
    return {m: c for m, c in out.items() if c}


@dataclass
class GramSpace:
    """Symmetric Q with Σ_{a,b} Q_ab p_a p_b = target: Q = Q₀ + Σₖ yₖ Nₖ (all rational)."""

    polys: list[dict]
    target: dict
    Q0: list[list[Fraction]]
    N: list[list[list[Fraction]]]

    @property
    def size(self) -> int:
        return len(self.polys)

    def at(self, y) -> list[list[Fraction]]:
        r = self.size
        Q = [row[:] for row in self.Q0]
        for yk, Nk in zip(y, self.N):
            if yk:
                for i in range(r):
                    for j in range(r):
                        if Nk[i][j]:
                            Q[i][j] += yk * Nk[i][j]
        return Q


def gram_space(target: dict, polys: list[dict]) -> GramSpace | None:
    """The affine space of Gram matrices of target in the polynomials ``polys`` (None: empty)."""
    r = len(polys)
    pairs = [(a, b) for a in range(r) for b in range(a, r)]
    prods = [_mul(polys[a], polys[b]) for a, b in pairs]
    mons = sorted(set(target) | {m for d in prods for m in d})
    idx = {m: i for i, m in enumerate(mons)}
    rows: dict[int, dict[int, object]] = {}
    for j, ((a, b), d) in enumerate(zip(pairs, prods)):
        w = 1 if a == b else 2
        for m, c in d.items():
            rows.setdefault(idx[m], {})[j] = QQ(w * c.numerator, c.denominator)
    n = len(pairs)
    for m, c in target.items():
        rows.setdefault(idx[m], {})[n] = QQ(-c.numerator, c.denominator)
    A = DomainMatrix(rows, (len(mons), n + 1), QQ)
    # solutions of A·(q, 1) = 0: the null space of A with last coordinate 1
    ns = A.nullspace().to_Matrix()
    if ns.rows == 0:
        return None
    piv = [i for i in range(ns.rows) if ns[i, n] != 0]
    if not piv:
        return None
    p0 = ns.row(piv[0]) / ns[piv[0], n]
    others = [ns.row(i) - ns[i, n] * p0 for i in range(ns.rows) if i != piv[0]]

    def sym(vec):
        M = [[Fraction(0)] * r for _ in range(r)]
        for (a, b), v in zip(pairs, vec[:n]):
            v = sp.Rational(v)
            M[a][b] = M[b][a] = Fraction(int(v.p), int(v.q))
        return M

    return GramSpace(polys, target, sym(list(p0)), [sym(list(o)) for o in others])


def ldl_psd(Q: list[list[Fraction]]) -> tuple[bool, list[Fraction]]:
    """Exact PSD test: symmetric Gaussian elimination (a zero pivot needs a zero row); the pivots."""
    A = [row[:] for row in Q]
    r = len(A)
    piv = []
    for i in range(r):
        d = A[i][i]
        if d < 0:
            return False, piv + [d]
        if d == 0:
            if any(A[i][j] != 0 for j in range(i + 1, r)):
                return False, piv + [d]
            piv.append(d)
            continue
        piv.append(d)
        for j in range(i + 1, r):
            if A[j][i]:
                f = A[j][i] / d
                for k in range(i, r):
                    A[j][k] -= f * A[i][k]
    return True, piv


@dataclass
class Certificate:
    """f − c = pᵀQp with Q ⪰ 0, exact."""

    f: sp.Expr
    vs: tuple
    c: sp.Rational
    polys: list[sp.Expr]
    Q: sp.Matrix
    pivots: list

    def check(self) -> bool:
        """Re-check from scratch in SymPy: Q symmetric and PSD (LDLᵀ), and the polynomial identity."""
        Qf = [[Fraction(int(sp.Rational(v).p), int(sp.Rational(v).q)) for v in self.Q.row(i)] for i in range(self.Q.rows)]
        if self.Q != self.Q.T or not ldl_psd(Qf)[0]:
            return False
        P = [sp.Poly(p, *self.vs, domain="QQ") for p in self.polys]
        acc = sp.Poly(0, *self.vs, domain="QQ")
        for a in range(len(P)):
            row = sp.Poly(0, *self.vs, domain="QQ")
            for b in range(len(P)):
                if self.Q[a, b] != 0:
                    row += P[b] * self.Q[a, b]
            acc += P[a] * row
        return (acc - sp.Poly(sp.expand(self.f - self.c), *self.vs, domain="QQ")).is_zero

    def text(self) -> str:
        rank = sum(1 for p in self.pivots if p)
        return (f"f − ({self.c}) = pᵀQp, p = {len(self.polys)} polynomials, Q rational {self.Q.rows}×{self.Q.rows} "
                f"of rank {rank}, PSD by exact LDLᵀ (pivots ≥ 0), identity checked in SymPy over QQ")


def to_expr(d: dict, vs) -> sp.Expr:
    return sp.Add(*[sp.Rational(c.numerator, c.denominator) * sp.Mul(*[v**e for v, e in zip(vs, m)])
                    for m, c in d.items()])
