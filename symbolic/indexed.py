"""Indexed sums with symbolic ranges, read as matrix products (for the trace normal form).

A sum such as Σ_{i<m} Σ_{k<d} s_i² x_k² or Σ_i (y_i − Σ_k Φ_ik θ_k)² is flattened into
terms: a coefficient, a product of matrix entries X[a, b], and the summed indices
with their ranges.  When every summed index occurs exactly twice, the entries form
chains and cycles of a contraction graph, and each is a matrix product: a chain from
a vector end to a vector end is a 1×1 product xᵀ A … y, a cycle is a trace.  The
ranges must be the full dimensions (0 … size − 1); anything else is refused with a
TypeError, never guessed.  Known facts about entries (aᵢ² = 1 for aᵢ ∈ {±1}) are
rewrite rules applied to the flattened terms.
"""
from __future__ import annotations

from itertools import count, product

import sympy as sp
from sympy import MatMul, MatrixSymbol, Trace, Transpose
from sympy.matrices.expressions.diagonal import DiagMatrix
from sympy.matrices.expressions.matexpr import MatrixElement

_fresh = count()


class Term:
    __slots__ = ("coeff", "factors", "limits")

    def __init__(self, coeff, factors, limits):
        self.coeff, self.factors, self.limits = coeff, factors, limits

    def renamed(self) -> "Term":
        """The same term with fresh names for its summed indices (so copies can be multiplied)."""
        ren = {i: sp.Dummy(f"k{next(_fresh)}", integer=True) for i in self.limits}
        return Term(self.coeff.xreplace(ren), [f.xreplace(ren) for f in self.factors],
                    {ren[i]: lim for i, lim in self.limits.items()})


def terms(e) -> list[Term]:
    """Flatten a scalar expression with (nested) sums of matrix entries into terms."""
    if isinstance(e, sp.Sum):
        inner = terms(e.function)
        out = []
        for t in inner:
            t = Term(t.coeff, list(t.factors), dict(t.limits))
            for lim in e.limits:
                if len(lim) != 3:
                    raise TypeError(f"indexed sum: a sum needs explicit limits: {e}")
                i = lim[0]
                new = sp.Dummy(f"k{next(_fresh)}", integer=True)
                t = Term(t.coeff.xreplace({i: new}), [f.xreplace({i: new}) for f in t.factors],
                         {**t.limits, new: (lim[1], lim[2])})
            out.append(t.renamed())
        return out
    if isinstance(e, sp.Add):
        return [t for a in e.args for t in terms(a)]
    if isinstance(e, sp.Mul):
        out = [Term(sp.Integer(1), [], {})]
        for a in e.args:
            ts = terms(a)
            out = [_mul(x, y.renamed()) for x, y in product(out, ts)]
        return out
    if isinstance(e, sp.Pow) and e.exp.is_Integer and e.exp > 0 and _has_entries(e.base):
        return terms(sp.Mul(*([e.base] * int(e.exp)), evaluate=False))
    if isinstance(e, MatrixElement):
        if isinstance(e.parent, MatrixSymbol):
            return [Term(sp.Integer(1), [e], {})]
        return terms(e.parent[e.i, e.j])  # SymPy writes the entry of a product as a sum
    if _has_entries(e):
        raise TypeError(f"indexed sum: unsupported expression {e}")
    return [Term(e, [], {})]


def _has_entries(e) -> bool:
    return bool(e.atoms(MatrixElement)) or isinstance(e, MatrixElement)


def _mul(x: Term, y: Term) -> Term:
    return Term(x.coeff * y.coeff, x.factors + y.factors, {**x.limits, **y.limits})


def apply_units(t: Term, units: tuple[MatrixSymbol, ...]) -> Term:
    """aᵢ² = 1 for the letters in ``units`` (entries in {±1}): drop pairs of equal entries."""
    if not units:
        return t
    keep, seen = [], {}
    for f in t.factors:
        if f.parent in units:
            seen[f] = seen.get(f, 0) + 1
        else:
            keep.append(f)
    for f, k in seen.items():
        keep += [f] * (k % 2)
    return Term(t.coeff, keep, t.limits)


def Diag(v):
    """diag(v) for a column vector v (SymPy's DiagMatrix): Σ_i vᵢ aᵢ bᵢ = Σ_ij diag(v)_ij a_j b_i."""
    return DiagMatrix(v)


def _diagonalise(t: Term) -> Term:
    """An index in more than two slots: move vector entries vᵢ into diag(v)_ij, one at a time."""
    factors, limits = list(t.factors), dict(t.limits)
    while True:
        occ: dict = {}
        for fi, f in enumerate(factors):
            for slot, idx in enumerate((f.i, f.j)):
                if idx in limits:
                    occ.setdefault(idx, []).append((fi, slot))
        over = sorted((idx for idx, w in occ.items() if len(w) > 2), key=str)
        if not over:
            return Term(t.coeff, factors, limits)
        idx = over[0]
        vec = next((fi for fi, slot in occ[idx] if slot == 0 and factors[fi].parent.shape[1] == 1
                    and not isinstance(factors[fi].parent, DiagMatrix)), None)
        if vec is None and _collapse(factors, limits, occ, idx):
            continue
        if vec is None:
            raise TypeError(f"indexed sum: index {idx} occurs {len(occ[idx])} times in entries that are not vector entries")
        other = next((fi, slot) for fi, slot in occ[idx] if fi != vec)
        j = sp.Dummy(f"k{next(_fresh)}", integer=True)
        limits[j] = limits[idx]
        v = factors[vec].parent
        factors[vec] = MatrixElement(Diag(v), idx, j)  # vᵢ δᵢⱼ, summed over j
        g = factors[other[0]]
        factors[other[0]] = MatrixElement(g.parent, j, g.j) if other[1] == 0 else MatrixElement(g.parent, g.i, j)


def _collapse(factors, limits, occ, idx) -> bool:
    """Σ_a v_a X_{a,idx} = (Xᵀv)_idx: fold a vector end into a matrix entry at an over-occupied index."""
    for fi, slot in occ[idx]:
        f = factors[fi]
        if f.parent.shape[1] == 1 or isinstance(f.parent, DiagMatrix):
            continue
        a = (f.i, f.j)[1 - slot]
        if a not in limits or len(occ.get(a, ())) != 2:
            continue
        gi, gslot = next(w for w in occ[a] if w != (fi, 1 - slot))
        g = factors[gi]
        if gi == fi or gslot != 0 or g.parent.shape[1] != 1:
            continue
        X = f.parent if slot == 0 else Transpose(f.parent)  # X[idx, a] as a row of X (or of Xᵀ)
        factors[fi] = MatrixElement(MatMul(X, g.parent), idx, 0)
        del factors[gi]
        del limits[a]
        return True
    return False


def to_matrix_scalar(t: Term):
    """The term as coeff × (product of 1×1 matrix products and traces), or TypeError."""
    if t.coeff.free_symbols & set(t.limits):
        raise TypeError(f"indexed sum: the coefficient {t.coeff} depends on a summed index")
    t = _diagonalise(t)
    occ: dict = {}
    for fi, f in enumerate(t.factors):
        for slot, idx in enumerate((f.i, f.j)):
            if idx in t.limits:
                occ.setdefault(idx, []).append((fi, slot))
            elif not (idx == 0 and f.parent.shape[slot] == 1):
                raise TypeError(f"indexed sum: entry {f} has a fixed or free index")
    for idx, where in occ.items():
        if len(where) != 2:
            raise TypeError(f"indexed sum: index {idx} occurs {len(where)} times (not a contraction)")
        lo, hi = t.limits[idx]
        for fi, slot in where:
            size = t.factors[fi].parent.shape[slot]
            if lo != 0 or sp.expand(hi - (size - 1)) != 0:
                raise TypeError(f"indexed sum: index {idx} runs over {lo}..{hi}, not over the {size} entries")
    used = [False] * len(t.factors)
    out = t.coeff
    for idx in set(t.limits) - set(occ):  # Σ_i c = (number of terms)·c
        if t.coeff.has(idx):
            raise TypeError(f"indexed sum: the coefficient depends on the index {idx}")
        lo, hi = t.limits[idx]
        out *= hi - lo + 1

    def walk(fi, enter_slot):
        """Follow the chain from factor fi entered through enter_slot; returns (matrices, closing slot info)."""
        mats = []
        while True:
            used[fi] = True
            f = t.factors[fi]
            X = f.parent if enter_slot == 0 else Transpose(f.parent)
            mats.append(X)
            exit_slot = 1 - enter_slot
            idx = (f.i, f.j)[exit_slot]
            if idx not in t.limits:
                return mats, None
            nxt = [w for w in occ[idx] if w != (fi, exit_slot)][0]
            if used[nxt[0]]:
                return mats, nxt
            fi, enter_slot = nxt

    # chains: start at an entry with a fixed (vector-end) first slot
    for fi, f in enumerate(t.factors):
        if used[fi]:
            continue
        for enter in (0, 1):
            if (f.i, f.j)[enter] not in t.limits:
                mats, closed = walk(fi, enter)
                if closed is not None:
                    raise TypeError("indexed sum: malformed chain")
                P = mats[0] if len(mats) == 1 else MatMul(*mats)
                out *= MatrixElement(P, 0, 0) if P.shape == (1, 1) else _bad(P)
                break
    # cycles: what is left
    for fi, f in enumerate(t.factors):
        if not used[fi]:
            mats, _ = walk(fi, 0)
            P = mats[0] if len(mats) == 1 else MatMul(*mats)
            out *= Trace(P)
    return out


def _bad(P):
    raise TypeError(f"indexed sum: a chain closes with shape {P.shape}")


def as_matrix_expression(e, units: tuple[MatrixSymbol, ...] = ()):
    """A scalar expression with indexed sums rewritten in matrix form (sums of products and traces)."""
    return sp.Add(*[to_matrix_scalar(apply_units(t, units)) for t in terms(e)])
