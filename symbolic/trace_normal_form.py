"""A normal form for scalar matrix expressions built from outer products.

Frobenius norms, inner products ⟨A, B⟩ = tr(AᵀB), traces and 1×1 products of
matrices built from vectors (d×1 MatrixSymbols), symmetric matrices and scalars
expand into sums of products of *atoms*: 1×1 words ``aᵀ X … b`` (an inner product
such as ⟨x, v⟩ or vᵀMv) and traces of words with no vector in them.  The expansion
uses only linearity, the cyclic property of the trace and (aᵀXb)ᵀ = bᵀXᵀa, so two
expressions with the same normal form are equal at *every* dimension d: this is an
exact proof at generic d.  (Different normal forms do not prove inequality: atoms
can be related at small d, so a mismatch is settled by evaluating a counterexample.)
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product as cartesian

import sympy as sp
from sympy import MatrixSymbol
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.matrices.expressions import (
    Identity,
    MatAdd,
    MatMul,
    MatPow,
    Trace,
    Transpose,
    ZeroMatrix,
)


@dataclass(frozen=True, order=True)
class Letter:
    """One factor of a word: a matrix symbol, possibly transposed."""

    name: str
    transposed: bool
    rows_one: bool  # the factor has one row (a row vector)
    cols_one: bool  # the factor has one column (a column vector)

    def T(self, symmetric: frozenset[str]) -> "Letter":
        if self.name in symmetric:
            return self
        return Letter(self.name, not self.transposed, self.cols_one, self.rows_one)

    def __str__(self) -> str:
        return self.name + ("ᵀ" if self.transposed else "")


Word = tuple[Letter, ...]


class NormalForm:
    """Expands scalar matrix expressions into polynomials in atom symbols."""

    def __init__(self, symmetric=(), dim: sp.Symbol | None = None):
        self.symmetric = frozenset(s.name if hasattr(s, "name") else str(s) for s in symmetric)
        self.dim = dim
        self.atoms: dict[str, Word] = {}

    # -- matrix expressions -> list of (coefficient, word) -------------------
    def words(self, e) -> list[tuple[sp.Expr, Word]]:
        if isinstance(e, MatrixSymbol):
            r1, c1 = e.shape[0] == 1, e.shape[1] == 1
            return [(sp.Integer(1), (Letter(e.name, False, r1, c1),))]
        if isinstance(e, Identity):
            return [(sp.Integer(1), ())]
        if isinstance(e, ZeroMatrix):
            return []
        if isinstance(e, Transpose):
            return [(c, tuple(l.T(self.symmetric) for l in reversed(w))) for c, w in self.words(e.arg)]
        if isinstance(e, MatAdd):
            return [t for a in e.args for t in self.words(a)]
        if isinstance(e, MatMul):
            coeff = sp.Integer(1)
            factors = []
            for a in e.args:
                if getattr(a, "is_Matrix", False):
                    factors.append(self.words(a))
                else:
                    coeff *= self._scalar(a)
            out = []
            for combo in cartesian(*factors):
                c = coeff
                w: Word = ()
                for ci, wi in combo:
                    c *= ci
                    w += wi
                out.append((c, w))
            return out
        if isinstance(e, MatPow) and e.exp.is_Integer and e.exp > 0:
            return self.words(MatMul(*([e.base] * int(e.exp))))
        if isinstance(e, sp.Mul) and any(getattr(a, "is_Matrix", False) for a in e.args):
            return self.words(MatMul(*e.args))
        raise TypeError(f"normal form: unsupported matrix expression {type(e).__name__}: {e}")

    # -- words -> atoms -----------------------------------------------------
    def _atom(self, w: Word, kind: str) -> sp.Symbol:
        """The canonical atom symbol of a 1×1 word or a vector-free trace word."""
        if kind == "inner":
            wt = tuple(l.T(self.symmetric) for l in reversed(w))
            w = min(w, wt)
            name = "⟨" + " ".join(map(str, w)) + "⟩"
        else:
            rots = [w[i:] + w[:i] for i in range(len(w))]
            wt = tuple(l.T(self.symmetric) for l in reversed(w))
            rots += [wt[i:] + wt[:i] for i in range(len(wt))]
            w = min(rots)
            name = "tr(" + " ".join(map(str, w)) + ")"
        self.atoms[name] = w
        return sp.Symbol(name)

    def _split_scalar_word(self, w: Word) -> sp.Expr:
        """A 1×1 word starting with a row vector: split it into inner-product atoms."""
        out = sp.Integer(1)
        start = 0
        for i, l in enumerate(w):
            if l.cols_one and (i + 1 == len(w) or w[i + 1].rows_one):
                out *= self._atom(w[start : i + 1], "inner")
                start = i + 1
        if start != len(w):
            raise ValueError(f"word {list(map(str, w))} is not 1×1")
        return out

    def trace_word(self, w: Word) -> sp.Expr:
        if not w:
            if self.dim is None:
                raise ValueError("trace of the identity needs the dimension symbol")
            return self.dim
        for i, l in enumerate(w):
            if l.rows_one:
                return self._split_scalar_word(w[i:] + w[:i])
        return self._atom(w, "trace")

    # -- scalar expressions -------------------------------------------------
    def __call__(self, e) -> sp.Expr:
        """The normal form of a scalar (or 1×1) expression, as an expanded polynomial."""
        return sp.expand(self._scalar(e))

    def _scalar(self, e) -> sp.Expr:
        if getattr(e, "is_Matrix", False):
            if e.shape != (1, 1):
                raise ValueError(f"not a scalar: shape {e.shape}")
            return sp.Add(*[c * self._split_scalar_word(w) for c, w in self.words(e)])
        if isinstance(e, Trace):
            return sp.Add(*[c * self.trace_word(w) for c, w in self.words(e.arg)])
        if isinstance(e, MatrixElement):
            return self._scalar(e.parent) if e.parent.shape == (1, 1) else _fail(e)
        if isinstance(e, sp.Add):
            return sp.Add(*[self._scalar(a) for a in e.args])
        if isinstance(e, sp.Mul):
            return sp.Mul(*[self._scalar(a) for a in e.args])
        if isinstance(e, sp.Pow):
            return self._scalar(e.base) ** e.exp
        return e


def _fail(e):
    raise TypeError(f"normal form: unsupported expression {e}")


def inner(A, B) -> Trace:
    """⟨A, B⟩ = tr(AᵀB) (Frobenius inner product)."""
    return Trace(Transpose(A) * B)


def frob2(A) -> Trace:
    """‖A‖_F² = ⟨A, A⟩."""
    return inner(A, A)


def proved_equal(lhs, rhs, symmetric=(), dim=None) -> tuple[bool, sp.Expr]:
    """(normal forms agree, normal form of lhs − rhs)."""
    nf = NormalForm(symmetric, dim)
    diff = sp.expand(nf(lhs) - nf(rhs))
    return diff == 0, diff


def word_expr(w: Word, symbols: dict[str, MatrixSymbol]):
    """The matrix expression of a word (its letters multiplied in order)."""
    factors = [symbols[l.name].T if l.transposed else symbols[l.name] for l in w]
    if not factors:
        raise ValueError("empty word has no matrix expression without a dimension")
    return factors[0] if len(factors) == 1 else MatMul(*factors)


def rebuild(poly: sp.Expr, nf: NormalForm, symbols: dict[str, MatrixSymbol], scalar=False) -> sp.Expr:
    """Replace every atom of a normal form by its matrix product (for lambdify).

    Inner-product atoms become 1×1 matrix products (or, with ``scalar=True``, their
    trace, a scalar, so that they can multiply a d×d matrix).
    """
    subs = {}
    for name, w in nf.atoms.items():
        sym = sp.Symbol(name)
        if name.startswith("⟨"):
            e = word_expr(w, symbols)
            subs[sym] = Trace(e) if scalar else e
        else:
            subs[sym] = Trace(word_expr(w, symbols))
    return poly.xreplace(subs)


def hessian_from_quadratic_form(q: sp.Expr, nf: NormalForm, v: MatrixSymbol, symbols, dim):
    """The symmetric matrix H with vᵀHv = q, for a normal form q homogeneous of degree 2 in v.

    Polarisation in atom form: ⟨vᵀ X v⟩ ↦ (X + Xᵀ)/2, ⟨vᵀ a⟩⟨vᵀ b⟩ ↦ (abᵀ + baᵀ)/2,
    ⟨vᵀ v⟩ ↦ I; atoms free of v are scalar coefficients.
    """
    vname = v.name
    terms = sp.Add.make_args(sp.expand(q))
    H = sp.ZeroMatrix(dim, dim)
    for term in terms:
        coeff = sp.Integer(1)
        vecs = []  # words w with atom ⟨vᵀ w⟩ (w a column of length d)
        mats = []  # words X with atom ⟨vᵀ X v⟩
        for factor, power in term.as_powers_dict().items():
            name = str(factor)
            w = nf.atoms.get(name)
            nv = 0 if w is None else sum(l.name == vname for l in w)
            if nv == 0:
                coeff *= factor**power
                continue
            if w[0].name != vname:  # orient the atom so that it starts with vᵀ
                w = tuple(l.T(nf.symmetric) for l in reversed(w))
            if nv == 2 and w[-1].name == vname and power == 1:
                mats.append(w[1:-1])
            elif nv == 1:
                vecs += [w[1:]] * int(power)
            else:
                raise ValueError(f"term {term} is not a quadratic form in {vname}")
        if mats and not vecs and len(mats) == 1:
            X = mats[0]
            if not X:
                piece = sp.Identity(dim)
            else:
                Xe = word_expr(X, symbols)
                piece = sp.Rational(1, 2) * (Xe + Xe.T) if not all(
                    l.name in nf.symmetric for l in X
                ) or len(X) > 1 else Xe
        elif len(vecs) == 2 and not mats:
            a, b = (word_expr(w, symbols) for w in vecs)
            piece = sp.Rational(1, 2) * (a * b.T + b * a.T)
        else:
            raise ValueError(f"term {term} is not a quadratic form in {vname}")
        H = H + rebuild(coeff, nf, symbols, scalar=True) * piece
    return H
