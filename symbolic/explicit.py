"""Explicit components: a matrix expression at a concrete d with symbolic entries.

The second, independent way to prove an identity: substitute matrices of symbols
at a concrete dimension and expand.  By the invariance argument of DESIGN.md an
identity between polynomials in the inner products of k vectors and a symmetric
matrix that enters at most quadratically holds for every d once it holds at
d = k + 2 with generic entries.
"""
from __future__ import annotations

import sympy as sp
from sympy import ImmutableMatrix, MatrixSymbol


def symbolic_instance(symbols: list[MatrixSymbol], d: int, symmetric=()) -> dict:
    """MatrixSymbol -> ImmutableMatrix of fresh symbols (symmetric ones symmetric)."""
    sym_names = {s.name for s in symmetric}
    out = {}
    for S in symbols:
        r = d if S.shape[0] != 1 else 1
        c = d if S.shape[1] != 1 else 1
        if S.name in sym_names:
            out[S] = ImmutableMatrix(r, c, lambda i, j: sp.Symbol(f"{S.name}_{min(i, j)}{max(i, j)}"))
        else:
            out[S] = ImmutableMatrix(r, c, lambda i, j: sp.Symbol(f"{S.name}_{i}{j}" if c > 1 else f"{S.name}_{i}"))
    return out


def evaluate(expr, values: dict, d: int) -> sp.Expr:
    """A scalar (or 1×1) matrix expression with MatrixSymbols replaced by explicit matrices."""
    dim_syms = {s for S in values for s in S.shape if isinstance(s, sp.Symbol)}
    e = expr.xreplace({s: d for s in dim_syms}) if dim_syms else expr
    e = e.xreplace({S.xreplace({s: d for s in dim_syms}): V for S, V in values.items()})
    if getattr(e, "is_Matrix", False):
        m = _explicit(e)
        if m.shape != (1, 1):
            raise ValueError(f"not scalar: {m.shape}")
        return sp.expand(m[0, 0])
    return sp.expand(_scalar(e))


def _explicit(e) -> ImmutableMatrix:
    """An explicit matrix from a matrix expression whose leaves are explicit."""
    e = e.replace(lambda a: isinstance(a, sp.Trace), lambda a: _explicit(a.arg).trace())
    return ImmutableMatrix(e.doit().as_explicit())


def _scalar(e):
    return e.replace(lambda a: isinstance(a, sp.Trace), lambda a: _explicit(a.arg).trace()).doit()
