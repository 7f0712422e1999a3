"""A normal form for scalar matrix expressions built from outer products and a mask.

Frobenius norms, inner products ⟨A, B⟩ = tr(AᵀB), traces and 1×1 products of
matrices built from vectors, matrices (square or not, symmetric when declared) and
scalars expand into sums of products of *atoms*: 1×1 words ``aᵀ X … b`` (an inner
product such as ⟨x, v⟩ or vᵀMv), traces of words with no vector in them, and mask
forms ``Ω(A, B) = Σ_ij W_ij A_ij B_ij`` (below).  The expansion uses only
linearity, the cyclic property of the trace and (aᵀXb)ᵀ = bᵀXᵀa, so two expressions
with the same normal form are equal at *every* size: an exact proof at generic
dimension.  (Different normal forms do not prove inequality: atoms can be related at
small sizes, so a mismatch is settled by evaluating a counterexample.)

A letter is keyed by its name *and* its shape: x (d×1) and x (n×1) are different
letters, and tr(I_n) is n, the size of its own identity.

The sampling mask P_Ω(A) = W ∘ A (Definition 8.9) is an operator letter, written
``HadamardProduct(W, A)`` with W declared in ``masks``: it is linear, idempotent
(W ∘ W = W for a 0/1 pattern), self-adjoint (⟨A, P_Ω(B)⟩ = Σ W_ij A_ij B_ij =
⟨P_Ω(A), B⟩, for every W) and, when W is declared symmetric, it commutes with the
transpose.  A trace with a masked factor, tr(P_Ω(A) Y), is the mask form
Ω(A, Yᵀ), symmetric in its two arguments; Ω(P_Ω(A), B) = Ω(A, B) (idempotence);
for rank-one arguments Ω(pqᵀ, rsᵀ) = Σ W_ij p_i r_i q_j s_j, so {p, r} and {q, s}
are unordered pairs, swapped with each other when W is symmetric.

Indexed sums Σ over the entries of MatrixSymbols with symbolic ranges are read as
matrix products first (symbolic.indexed).  Known facts enter as rewrite rules, never
as evaluation: ``orthogonal`` letters (U Uᵀ = Uᵀ U = I), ``eigen`` pairs (M v = λ v),
``units`` (aᵢ² = 1 inside indexed sums); scalar hypotheses (‖v‖² = 1) are substituted
on atoms by the caller.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product as cartesian

import sympy as sp
from sympy import MatrixSymbol

from sympy.matrices.expressions.diagonal import DiagMatrix
from sympy.matrices.expressions.matexpr import MatrixElement
from sympy.matrices.expressions import (
    HadamardPower,
    HadamardProduct,
    Identity,
    MatAdd,
    MatMul,
    MatPow,
    Trace,
    Transpose,
    ZeroMatrix,
)

from symbolic.indexed import as_matrix_expression


def _shape_key(S) -> tuple[str, str]:
    """The shape of a matrix symbol as an exact key (srepr keeps assumptions apart)."""
    return sp.srepr(S.shape[0]), sp.srepr(S.shape[1])


@dataclass(frozen=True, order=True)
class Letter:
    """One factor of a word: a matrix symbol or a masked word P_Ω(w), possibly transposed.

    ``shape`` keys the symbol's shape (see _shape_key); for a masked letter ``name``
    is the mask's name and ``arg`` the masked word.
    """

    name: str
    shape: tuple[str, str]
    transposed: bool
    rows_one: bool  # the factor has one row (a row vector)
    cols_one: bool  # the factor has one column (a column vector)
    arg: tuple = ()  # the masked word of an operator letter P_Ω(arg)
    masked: bool = False

    def flip(self) -> "Letter":
        return Letter(self.name, self.shape, not self.transposed, self.cols_one, self.rows_one, self.arg, self.masked)

    def __str__(self) -> str:
        base = f"P_{self.name}({' '.join(map(str, self.arg))})" if self.masked else self.name
        return base + ("ᵀ" if self.transposed else "")


Word = tuple[Letter, ...]


class NormalForm:
    """Expands scalar matrix expressions into polynomials in atom symbols.

    ``symmetric``: matrix symbols (or names) that equal their transpose (square only);
    ``masks``: matrix symbols W used as P_Ω(A) = HadamardProduct(W, A), 0/1 patterns.
    A mask that is also in ``symmetric`` commutes with the transpose.
    """

    def __init__(self, symmetric=(), dim: sp.Symbol | None = None, masks=(), units=(), orthogonal=(), eigen=(),
                 mask_zero=()):
        self._sym_names = frozenset(s for s in symmetric if isinstance(s, str))
        self._sym_keys = frozenset((s.name, _shape_key(s)) for s in symmetric if not isinstance(s, str))
        self.symmetric = self._sym_names | frozenset(k[0] for k in self._sym_keys)
        self.masks = {(W.name, _shape_key(W)): W for W in masks}
        self.units = tuple(units)  # letters whose entries are ±1 (aᵢ² = 1 inside indexed sums)
        # square letters U with UᵀU = UUᵀ = I (a hypothesis): adjacent U Uᵀ and Uᵀ U cancel in a word.
        # Only a square U has both: a p×n V with orthonormal columns has VᵀV = I but VVᵀ ≠ I when p > n
        for U in orthogonal:
            if sp.simplify(U.shape[0] - U.shape[1]) != 0:
                raise ValueError(f"orthogonal= needs a square matrix: {U.name} is {U.shape[0]}×{U.shape[1]} "
                                 "(VᵀV = I does not give VVᵀ = I)")
        self.orthogonal = frozenset((U.name, _shape_key(U)) for U in orthogonal)
        # eigenpairs (M, v, λ) with Mv = λv (a hypothesis): M v ↦ λ v, vᵀ Mᵀ ↦ λ vᵀ inside words
        self.eigen = {((M.name, _shape_key(M)), (v.name, _shape_key(v))): lam for M, v, lam in eigen}
        # (W, e) with P_W(eeᵀ) = 0, i.e. W_ij e_i e_j = 0 for all i, j (e = e₁ and (1, 1) ∉ Ω): a hypothesis
        self.mask_zero: dict = {}
        for W_, e_ in mask_zero:
            key = (W_.name, _shape_key(W_))
            self.mask_zero.setdefault(key, set()).add((Letter(e_.name, _shape_key(e_), False, e_.shape[0] == 1, True),))
        self.dim = dim  # kept for callers; tr(I) takes the size of its own identity
        self.atoms: dict[str, Word] = {}
        self._shown: dict[str, str] = {}  # first shape seen per name: shown without its shape
        self._shape_text: dict[str, str] = {}
        self._keys: dict[str, object] = {}  # atom name -> canonical key
        self.mask_atoms: dict[str, tuple] = {}
        self._diag_keys: set = set()  # diag(v) letters made from indexed sums: symmetric

    # -- letters -------------------------------------------------------------
    def _is_symmetric(self, l: Letter) -> bool:
        if l.masked:
            return False
        return l.shape[0] == l.shape[1] and ((l.name, l.shape) in self._sym_keys or l.name in self._sym_names
                                             or (l.name, l.shape) in self._diag_keys)

    def _mask_symmetric(self, l: Letter) -> bool:
        return l.masked and ((l.name, l.shape) in self._sym_keys or l.name in self._sym_names)

    def T(self, l: Letter) -> Letter:
        """The transpose of one letter (a symmetric letter is its own transpose)."""
        if self._is_symmetric(l):
            return l
        if self._mask_symmetric(l):
            return self._mask_letter(l.name, l.shape, self.transpose(l.arg), l.cols_one, l.rows_one) if not l.transposed \
                else self._mask_letter(l.name, l.shape, l.arg, l.cols_one, l.rows_one)
        return l.flip()

    def transpose(self, w: Word) -> Word:
        return tuple(self.T(l) for l in reversed(w))

    def _mask_letter(self, name, shape, arg: Word, rows_one, cols_one) -> Letter:
        """P_Ω(arg), canonical: P_Ω(P_Ω(a)) = P_Ω(a); for a symmetric mask P_Ω(a)ᵀ = P_Ω(aᵀ)."""
        if len(arg) == 1 and arg[0].masked and (arg[0].name, arg[0].shape) == (name, shape) and not arg[0].transposed:
            return arg[0]
        l = Letter(name, shape, False, rows_one, cols_one, arg, True)
        if self._mask_symmetric(l):
            if len(arg) == 1 and arg[0].masked and (arg[0].name, arg[0].shape) == (name, shape):
                return arg[0]  # P(P(a)ᵀ) = P(P(aᵀ)) = P(aᵀ) = P(a)ᵀ
            at = self.transpose(arg)
            if at < arg:
                return Letter(name, shape, True, rows_one, cols_one, at, True)
        return l

    def show(self, l: Letter) -> str:
        """A letter as text; a name seen with a second shape carries that shape."""
        first = self._shown.setdefault(l.name, l.shape)
        if l.masked:
            base = f"P_{self._name(l.name, l.shape, first)}({' '.join(self.show(a) for a in l.arg)})"
        else:
            base = self._name(l.name, l.shape, first)
        return base + ("ᵀ" if l.transposed else "")

    def _name(self, name, shape, first):
        return name if shape == first else f"{name}[{self._shape_text.get(shape, shape)}]"

    def _symbol(self, name: str, key) -> sp.Symbol:
        """The atom symbol of a canonical key; two keys never share a symbol."""
        k0 = self._keys.setdefault(name, key)
        n, base = 1, name
        while k0 != key:
            n += 1
            name = f"{base}#{n}"
            k0 = self._keys.setdefault(name, key)
        return sp.Symbol(name)

    # -- matrix expressions -> list of (coefficient, word) -------------------
    def words(self, e) -> list[tuple[sp.Expr, Word]]:
        if isinstance(e, MatrixSymbol):
            r1, c1 = e.shape[0] == 1, e.shape[1] == 1
            if (e.name, _shape_key(e)) in self.masks:
                raise TypeError(f"normal form: the mask {e.name} may only appear as P_Ω(A) = HadamardProduct({e.name}, A)")
            self._shape_text[_shape_key(e)] = f"{e.shape[0]}×{e.shape[1]}"
            return [(sp.Integer(1), (Letter(e.name, _shape_key(e), False, bool(r1), bool(c1)),))]
        if isinstance(e, DiagMatrix):  # diag(v) from an indexed sum: an opaque symmetric letter, keyed by v exactly
            v = e.args[0]
            key = (sp.srepr(v), sp.srepr(v))
            self._diag_keys.add((f"diag⟨{v}⟩", key))
            self._shape_text[key] = f"{e.shape[0]}×{e.shape[1]}"
            one = bool(e.shape[0] == 1)
            return [(sp.Integer(1), (Letter(f"diag⟨{v}⟩", key, False, one, one),))]
        if isinstance(e, Identity):
            return [(sp.Integer(1), ())]
        if isinstance(e, ZeroMatrix):
            return []
        if isinstance(e, Transpose):
            return [(c, self.transpose(w)) for c, w in self.words(e.arg)]
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
                c2, w = self._eigen(self._cancel(w))
                out.append((c * c2, w))
            return out
        if isinstance(e, HadamardProduct):
            return self._masked(e)
        if isinstance(e, MatPow) and e.exp.is_Integer and e.exp > 0:
            return self.words(MatMul(*([e.base] * int(e.exp))))
        if isinstance(e, sp.Mul) and any(getattr(a, "is_Matrix", False) for a in e.args):
            return self.words(MatMul(*e.args))
        raise TypeError(f"normal form: unsupported matrix expression {type(e).__name__}: {e}")

    def _cancel(self, w: Word) -> Word:
        """U Uᵀ = Uᵀ U = I for the declared orthogonal letters."""
        if not self.orthogonal:
            return w
        changed = True
        while changed:
            changed = False
            for i in range(len(w) - 1):
                a, b = w[i], w[i + 1]
                if (a.name, a.shape) in self.orthogonal and not a.masked and (a.name, a.shape) == (b.name, b.shape) \
                        and not b.masked and a.transposed != b.transposed:
                    w = w[:i] + w[i + 2 :]
                    changed = True
                    break
        return w

    def _eigen(self, w: Word) -> tuple[sp.Expr, Word]:
        """M v = λ v and vᵀ Mᵀ = λ vᵀ for the declared eigenpairs (Mᵀ = M when M is symmetric)."""
        if not self.eigen:
            return sp.Integer(1), w
        c = sp.Integer(1)
        changed = True
        while changed:
            changed = False
            for i in range(len(w) - 1):
                a, b = w[i], w[i + 1]
                if a.masked or b.masked:
                    continue
                ka, kb = (a.name, a.shape), (b.name, b.shape)
                lam = self.eigen.get((ka, kb))
                if lam is not None and not b.transposed and (not a.transposed or self._is_symmetric(a)):
                    c, w, changed = c * lam, w[:i] + w[i + 1 :], True  # M v ↦ λ v
                    break
                lam = self.eigen.get((kb, ka))
                if lam is not None and a.transposed and (b.transposed or self._is_symmetric(b)):
                    c, w, changed = c * lam, w[: i + 1] + w[i + 2 :], True  # vᵀ Mᵀ ↦ λ vᵀ
                    break
        return c, w

    def _masked(self, e: HadamardProduct) -> list[tuple[sp.Expr, Word]]:
        """P_Ω(A) from HadamardProduct(W, A) (or SymPy's transposed form HadamardProduct(Aᵀ, Wᵀ))."""
        mask_args, rest = [], []
        for a in e.args:
            b = a.base.arg if isinstance(a, HadamardPower) and isinstance(a.base, Transpose) else getattr(a, "base", None)
            if isinstance(a, HadamardPower) and a.exp.is_Integer and a.exp > 0 and isinstance(b, MatrixSymbol) \
                    and (b.name, _shape_key(b)) in self.masks:
                a = a.base  # W∘W∘…∘W = W for a 0/1 pattern
            base, tr = (a.arg, True) if isinstance(a, Transpose) else (a, False)
            if isinstance(base, MatrixSymbol) and (base.name, _shape_key(base)) in self.masks:
                mask_args.append((base, tr))
            else:
                rest.append(a)
        if not mask_args or len(rest) != 1 or len({(W.name, tr) for W, tr in mask_args}) != 1:
            raise TypeError(f"normal form: a Hadamard product must be one declared mask times one matrix: {e}")
        W, tr = mask_args[0]  # W ∘ W ∘ A = W ∘ A: repeated copies of one mask collapse
        A = Transpose(rest[0]) if tr else rest[0]  # Wᵀ ∘ B = (W ∘ Bᵀ)ᵀ
        self._shape_text[_shape_key(W)] = f"{W.shape[0]}×{W.shape[1]}"
        r1, c1 = bool(A.shape[0] == 1), bool(A.shape[1] == 1)
        out = []
        for c, w in self.words(A):
            s, w = self._reduce(w)
            letter = self._mask_letter(W.name, _shape_key(W), w, r1, c1)
            out.append((c * s, (self.T(letter) if tr else letter,)))
        return out

    def _reduce(self, w: Word) -> tuple[sp.Expr, Word]:
        """A matrix word as (scalar atoms) × (word with no 1×1 piece inside): x (yᵀAz) wᵀ = (yᵀAz) x wᵀ."""
        if not w or (w[0].rows_one and w[-1].cols_one):
            return sp.Integer(1), w
        pieces, start = [], 0
        for i, l in enumerate(w):
            if l.cols_one and i + 1 < len(w) and w[i + 1].rows_one:
                pieces.append(w[start : i + 1])
                start = i + 1
        pieces.append(w[start:])
        s, kept = sp.Integer(1), ()
        for p in pieces:  # only the first and the last piece can be non-scalar
            if p[0].rows_one and p[-1].cols_one:
                s *= self._closed(p)
            else:
                kept += p
        return s, kept

    # -- words -> atoms -----------------------------------------------------
    def _atom(self, w: Word, kind: str) -> sp.Symbol:
        """The canonical atom symbol of a 1×1 word or a vector-free trace word."""
        if kind == "inner":
            w = min(w, self.transpose(w))
            name = "⟨" + " ".join(map(self.show, w)) + "⟩"
        else:
            wt = self.transpose(w)
            rots = [w[i:] + w[:i] for i in range(len(w))] + [wt[i:] + wt[:i] for i in range(len(wt))]
            w = min(rots)
            name = "tr(" + " ".join(map(self.show, w)) + ")"
        sym = self._symbol(name, (kind, w))
        self.atoms[sym.name] = w
        return sym

    def _closed(self, w: Word) -> sp.Expr:
        """A 1×1 word (a row vector first, a column vector last) as a product of atoms."""
        if any(l.masked for l in w):
            return self._mask_trace(w)
        out = sp.Integer(1)
        start = 0
        for i, l in enumerate(w):
            if l.cols_one and (i + 1 == len(w) or w[i + 1].rows_one):
                c_e, seg = self._eigen(w[start : i + 1])  # rotation can make M v adjacent
                out *= c_e * (self._mask_trace(seg) if any(x.masked for x in seg) else self._atom(seg, "inner"))
                start = i + 1
        if start != len(w):
            raise ValueError(f"word {list(map(str, w))} is not 1×1")
        return out

    def trace_word(self, w: Word, n=None) -> sp.Expr:
        """tr of a square word; tr(I_n) = n, the size of the identity being traced."""
        if not w:
            n = self.dim if n is None else n
            if n is None:
                raise ValueError("trace of the identity needs its dimension")
            return n
        if any(l.masked for l in w):
            return self._mask_trace(w)
        for i, l in enumerate(w):
            if l.rows_one:
                return self._closed(w[i:] + w[:i])
        if self.orthogonal:  # tr(Uᵀ B U) = tr(B): cancel across the cyclic seam too
            shorter = next((c for c in (self._cancel(w[i:] + w[:i]) for i in range(len(w))) if len(c) < len(w)), None)
            if shorter is not None:
                return self.trace_word(shorter, n)
        return self._atom(w, "trace")

    # -- the mask forms ---------------------------------------------------------
    def _mask_trace(self, w: Word) -> sp.Expr:
        """tr(w) for a cyclic word with a masked letter: tr(P_Ω(a) Y) = Ω(a, Yᵀ)."""
        best = None
        for i, l in enumerate(w):
            if not l.masked:
                continue
            cyc = w[i:] + w[:i]
            if cyc[0].transposed:  # tr(Z) = tr(Zᵀ): make the masked letter untransposed
                if self._mask_symmetric(cyc[0]):
                    cyc = (Letter(l.name, l.shape, False, l.cols_one, l.rows_one, self.transpose(l.arg), True),) + cyc[1:]
                else:
                    ct = self.transpose(cyc)
                    cyc = ct[-1:] + ct[:-1]
            a, b = cyc[0].arg, self.transpose(cyc[1:])
            s, key = self._mask_key(cyc[0], a, b)
            if best is None or key < best[1]:
                best = (s, key)
        s, key = best
        name = "Ω[" + self._name(key[1], key[2], self._shown.setdefault(key[1], key[2])) + "]" + key[3]
        sym = self._symbol(name, key)
        self.mask_atoms[sym.name] = key
        return s * sym

    def _mask_key(self, m: Letter, a: Word, b: Word):
        """Canonical (scalar, key) of Ω(a, b) = Σ W_ij a_ij b_ij (an empty word is I)."""
        s = sp.Integer(1)
        sa, a = self._reduce(a) if a else (1, a)
        sb, b = self._reduce(b) if b else (1, b)
        s *= sa * sb
        a, b = self._unmask(m, a), self._unmask(m, b)
        sym = self._mask_symmetric(m)
        ra, rb = self._outer(a), self._outer(b)
        zero = self.mask_zero.get((m.name, m.shape), set())
        if zero and ((ra and ra[0] == ra[1] and ra[0] in zero) or (rb and rb[0] == rb[1] and rb[0] in zero)
                     or (ra and rb and {ra[0], rb[0]} & {ra[1], rb[1]} & zero)):
            return sp.Integer(0), ("zero", m.name, m.shape, "", ())  # every term carries W_ij e_i e_j = 0
        if ra and rb:  # Ω(pqᵀ, rsᵀ) = Σ W_ij p_i r_i q_j s_j
            left = tuple(sorted((ra[0], rb[0])))
            right = tuple(sorted((ra[1], rb[1])))
            k = min([(left, right)] + ([(right, left)] if sym else []))
            text = "⊗(" + " ∘ ".join(map(self._col, k[0])) + " ; " + " ∘ ".join(map(self._col, k[1])) + ")"
            return s, ("outer", m.name, m.shape, text, k)
        cands = [(a, b), (b, a)]
        if sym:
            cands += [(self.transpose(a), self.transpose(b)), (self.transpose(b), self.transpose(a))]
        k = min(cands)
        text = "(" + " ; ".join(self._col(x) or "I" for x in k) + ")"
        return s, ("pair", m.name, m.shape, text, k)

    def _unmask(self, m: Letter, w: Word) -> Word:
        """Idempotence inside a mask form: Ω(P_Ω(a), b) = Ω(a, b) (and P_Ω(a)ᵀ = P_Ω(aᵀ) if Ω = Ωᵀ)."""
        while len(w) == 1 and w[0].masked and (w[0].name, w[0].shape) == (m.name, m.shape):
            if not w[0].transposed:
                w = w[0].arg
            elif self._mask_symmetric(w[0]):
                w = self.transpose(w[0].arg)
            else:
                break
        return w

    def _col(self, w: Word) -> str:
        return " ".join(map(self.show, w))

    def _outer(self, w: Word):
        """(p, q) with w = p qᵀ when w is an outer product of two column words, else None."""
        for i in range(len(w) - 1):
            if w[i].cols_one and w[i + 1].rows_one:
                return w[: i + 1], self.transpose(w[i + 1 :])
        return None

    # -- scalar expressions -------------------------------------------------
    def __call__(self, e) -> sp.Expr:
        """The normal form of a scalar (or 1×1) expression, as an expanded polynomial."""
        return sp.expand(self._scalar(e))

    def _scalar(self, e) -> sp.Expr:
        if getattr(e, "is_Matrix", False):
            if e.shape != (1, 1):
                raise ValueError(f"not a scalar: shape {e.shape}")
            return sp.Add(*[c * self._closed(w) for c, w in self.words(e)])
        if isinstance(e, Trace):
            n = e.arg.shape[0]
            return sp.Add(*[c * self.trace_word(w, n) for c, w in self.words(e.arg)])
        if isinstance(e, MatrixElement):
            return self._scalar(e.parent) if e.parent.shape == (1, 1) else _fail(e)
        if isinstance(e, sp.Sum):
            try:
                return self._scalar(as_matrix_expression(e, self.units))
            except TypeError:
                return self._entry_sum(e)
        if isinstance(e, sp.Add):
            return sp.Add(*[self._scalar(a) for a in e.args])
        if isinstance(e, sp.Mul):
            return sp.Mul(*[self._scalar(a) for a in e.args])
        if isinstance(e, sp.Pow):
            return self._scalar(e.base) ** e.exp
        return e


    def _entry_sum(self, e: sp.Sum) -> sp.Expr:
        """Σ_{i,j} X_ij Y_ij = ⟨X, Y⟩ and Σ_{i,j} W_ij X_ij Y_ij = ⟨P_Ω(X), Y⟩ over the full index ranges
        (an entry X_ji reads as (Xᵀ)_ij; Σ_i x_i y_i over vectors likewise); anything else is refused."""
        idx = [lim[0] for lim in e.limits]
        if len(idx) not in (1, 2) or any(len(lim) != 3 or lim[1] != 0 for lim in e.limits):
            _fail(e)
        out = sp.Integer(0)
        for term in sp.Add.make_args(sp.expand(e.function)):
            coeff, mats, mask = sp.Integer(1), [], None
            for f, k in term.as_powers_dict().items():
                if not isinstance(f, MatrixElement):
                    if f.free_symbols & set(idx):
                        _fail(e)
                    coeff *= f**k
                    continue
                X, a, b = f.parent, f.i, f.j
                if len(idx) == 2 and (a, b) == tuple(idx):
                    pass
                elif len(idx) == 2 and (b, a) == tuple(idx):
                    X = Transpose(X)
                elif len(idx) == 1 and (a, b) == (idx[0], 0) and X.shape[1] == 1:
                    pass
                else:
                    _fail(e)
                if any(sp.expand(lim[2] - (sz - 1)) != 0 for lim, sz in zip(e.limits, X.shape)):
                    _fail(e)  # the sum must run over every entry
                base = X.arg if isinstance(X, Transpose) else X
                if isinstance(base, MatrixSymbol) and (base.name, _shape_key(base)) in self.masks:
                    if mask is not None and mask != X:
                        _fail(e)
                    mask = X  # W_ij^k = W_ij
                else:
                    mats += [X] * int(k)
            if len(mats) != 2:
                _fail(e)
            X, Y = mats
            if mask is not None:
                if isinstance(mask, Transpose):  # Σ (Wᵀ)_ij X_ij Y_ij = Σ W_ij (Xᵀ)_ij (Yᵀ)_ij
                    mask, X, Y = mask.arg, Transpose(X), Transpose(Y)
                X = HadamardProduct(mask, X)
            out += coeff * self._scalar(Trace(Transpose(X) * Y))
        return out


def _fail(e):
    raise TypeError(f"normal form: unsupported expression {e}")


def inner(A, B) -> Trace:
    """⟨A, B⟩ = tr(AᵀB) (Frobenius inner product)."""
    return Trace(Transpose(A) * B)


def frob2(A) -> Trace:
    """‖A‖_F² = ⟨A, A⟩."""
    return inner(A, A)


def P(W, A):
    """P_Ω(A) = W ∘ A for a mask W (declare W in NormalForm(masks=...))."""
    return HadamardProduct(W, A)


def proved_equal(lhs, rhs, symmetric=(), dim=None, masks=(), units=(), orthogonal=(), eigen=(),
                 mask_zero=()) -> tuple[bool, sp.Expr]:
    """(normal forms agree, normal form of lhs − rhs)."""
    nf = NormalForm(symmetric, dim, masks, units, orthogonal, eigen, mask_zero)
    diff = sp.expand(nf(lhs) - nf(rhs))
    return diff == 0, diff


def word_expr(w: Word, symbols: dict[str, MatrixSymbol]):
    """The matrix expression of a word (its letters multiplied in order)."""
    if any(l.masked for l in w):
        raise ValueError("a word with a masked letter has no plain matrix expression")
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
        elif name.startswith("tr("):
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
                w = nf.transpose(w)
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
                    nf._is_symmetric(l) for l in X
                ) or len(X) > 1 else Xe
        elif len(vecs) == 2 and not mats:
            a, b = (word_expr(w, symbols) for w in vecs)
            piece = sp.Rational(1, 2) * (a * b.T + b * a.T)
        else:
            raise ValueError(f"term {term} is not a quadratic form in {vname}")
        H = H + rebuild(coeff, nf, symbols, scalar=True) * piece
    return H
