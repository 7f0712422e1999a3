"""Rank-1 matrix completion (§8.3.2): f(x) = ½‖P_Ω(M − xxᵀ)‖_F² with a symbolic mask.

P_Ω(A) = W ∘ A with W the 0/1 mask.  The mask is not invariant under rotations, so
identities are proved entrywise: at a concrete d with symbolic entries for M, x, v
and the mask (ω_ij, with ω² = ω), which covers both term types i = j and i ≠ j
(DESIGN.md: d = 2 suffices for identities that hold term by term; d = 3 is used).
Both a symmetric mask (ω_ij = ω_ji, as when Ω is a symmetric sample) and an
independent-entries mask are built.
"""
from __future__ import annotations

import sympy as sp
from sympy import Matrix, Rational


def symmetric_matrix(name: str, d: int) -> Matrix:
    return Matrix(d, d, lambda i, j: sp.Symbol(f"{name}_{min(i, j)}{max(i, j)}"))


def vector(name: str, d: int) -> Matrix:
    return Matrix(d, 1, lambda i, j: sp.Symbol(f"{name}_{i}"))


def mask(d: int, symmetric: bool) -> Matrix:
    if symmetric:
        return Matrix(d, d, lambda i, j: sp.Symbol(f"w_{min(i, j)}{max(i, j)}"))
    return Matrix(d, d, lambda i, j: sp.Symbol(f"w_{i}{j}"))


def mask_symbols(W: Matrix) -> set[sp.Symbol]:
    return set(W.free_symbols)


def P(W: Matrix, A: Matrix) -> Matrix:
    """P_Ω(A): zero the entries outside Ω (Definition 8.9)."""
    return W.multiply_elementwise(A)


def inner(A: Matrix, B: Matrix) -> sp.Expr:
    return sp.expand(sum(a * b for a, b in zip(A, B)))


def frob2(A: Matrix) -> sp.Expr:
    return inner(A, A)


def reduce_mask(expr: sp.Expr, W: Matrix) -> sp.Expr:
    """Use ω ∈ {0, 1}: every power ω^k (k ≥ 1) is ω."""
    ws = mask_symbols(W)
    expr = sp.expand(expr)
    return expr.replace(lambda e: e.is_Pow and e.base in ws and e.exp.is_Integer and e.exp > 0, lambda e: e.base)


class Instance:
    """Symbols for one concrete d: M = zzᵀ or a general symmetric M, x, v, z, mask W."""

    def __init__(self, d: int = 3, symmetric_mask: bool = True, rank_one: bool = False):
        self.d = d
        self.W = mask(d, symmetric_mask)
        self.x = vector("x", d)
        self.v = vector("v", d)
        self.z = vector("z", d)
        self.t = sp.Symbol("t")
        self.M = self.z * self.z.T if rank_one else symmetric_matrix("M", d)

    def f(self, x: Matrix | None = None) -> sp.Expr:
        """(8.12): ½‖P_Ω(M − xxᵀ)‖_F²."""
        x = self.x if x is None else x
        return Rational(1, 2) * frob2(P(self.W, self.M - x * x.T))

    def f_sum(self) -> sp.Expr:
        """(8.11): ½ Σ_{(i,j)∈Ω} (M_ij − x_i x_j)², the sum over Ω written with ω_ij."""
        d, W, M, x = self.d, self.W, self.M, self.x
        return Rational(1, 2) * sum(W[i, j] * (M[i, j] - x[i] * x[j]) ** 2 for i in range(d) for j in range(d))

    def taylor(self, k: int) -> sp.Expr:
        """The t^k coefficient of f(x + tv), reduced with ω² = ω."""
        e = reduce_mask(self.f(self.x + self.t * self.v), self.W)
        return sp.expand(sp.Poly(e, self.t).coeff_monomial(self.t**k))

    def gradient(self) -> Matrix:
        return Matrix([sp.diff(self.f(), xi) for xi in self.x])
