"""Hypothesis strategies for the instances the claims run on.

They generate the hard cases on purpose (an exactly repeated or clustered top
eigenvalue, near-singular, zero and rank-one matrices, coordinate-aligned
eigenvectors, the zero vector, vectors on the incoherence bound) and shrink
towards small d and simple spectra: d to its minimum, the kind to the first one
listed, the eigenvalues to simple numbers and the orthogonal factor to the
identity (a zero matrix has Q = I).  All floats are float64, finite, no subnormals.

Every ``d`` argument is an int, a strategy of ints, or None (``dims()``).  For a
matrix and a vector of the same size, compose:
``dims().flatmap(lambda d: st.tuples(psd_matrices(d), unit_vectors(d)))``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from numeric.instances import assemble, incoherent_from

# Concrete kinds, simplest first (sampled_from shrinks towards the front).
CONCRETE_KINDS = ("zero", "rank_one", "diagonal", "generic", "distinct",
                  "repeated_top", "clustered_top", "near_singular")
KINDS = ("any",) + CONCRETE_KINDS  # 'any' draws one of the concrete kinds valid at (d, bounds)
_NEED_D2 = {"repeated_top", "clustered_top"}
_NEED_ZERO = {"zero", "rank_one"}
_TOP_FLOOR = 1e-3  # a nonzero top eigenvalue is ≥ 1e-3·max_eig: tiny matrices are 'zero''s job
_CLUSTER = 1e-6  # clustered: 0 < λ₁ − λ₂ ≤ 1e-6·λ₁
_TINY = 1e-12  # near-singular: eigenvalues within 1e-12·λ₁ of min_eig


@dataclass(frozen=True, eq=False)
class PSDInstance:
    """M = U diag(λ) Uᵀ, exactly symmetric; λ descending, U's columns match (read-only)."""

    M: np.ndarray
    eigenvalues: np.ndarray
    eigenvectors: np.ndarray
    kind: str

    def __post_init__(self):
        for a in (self.M, self.eigenvalues, self.eigenvectors):
            a.setflags(write=False)

    @property
    def d(self) -> int:
        return self.M.shape[0]


def dims(min_d: int = 1, max_d: int = 6) -> st.SearchStrategy[int]:
    """Dimensions min_d … max_d, shrinking to min_d."""
    return st.integers(min_d, max_d)


def _floats(lo: float, hi: float, **kw) -> st.SearchStrategy[float]:
    return st.floats(lo, hi, allow_nan=False, allow_infinity=False, allow_subnormal=False, width=64, **kw)


def _dim(draw, d) -> int:
    if d is None:
        d = dims()
    return int(draw(d)) if isinstance(d, st.SearchStrategy) else int(d)


def _raw(draw, shape) -> np.ndarray:
    """A float64 array in [-1, 1]: zeros, repeated and axis-aligned entries are common."""
    return draw(hnp.arrays(np.float64, shape, elements=_floats(-1.0, 1.0)))


@st.composite
def orthogonal_matrices(draw, d=None) -> np.ndarray:
    """Orthogonal d×d from the QR of a drawn matrix (columns signed by diag R).

    Householder QR gives an orthogonal Q for any input, singular ones included;
    the zero matrix (the shrink target) gives the identity, so M becomes diagonal.
    """
    n = _dim(draw, d)
    Q, R = np.linalg.qr(_raw(draw, (n, n)))
    s = np.sign(np.diag(R))
    s[s == 0] = 1.0
    return np.ascontiguousarray(Q * s) + 0.0  # + 0.0 turns -0.0 into 0.0


def _desc(draw, n: int, lo: float, hi: float) -> np.ndarray:
    """n floats in [lo, hi], descending."""
    if n <= 0:
        return np.zeros(0)
    return np.sort(draw(hnp.arrays(np.float64, n, elements=_floats(lo, hi))))[::-1]


def _valid_kinds(kinds, d: int, lo: float, hi: float) -> tuple[str, ...]:
    out = []
    for k in kinds:
        if (k in _NEED_D2 and d < 2) or (k in _NEED_ZERO and lo > 0):
            continue
        if k == "distinct" and d >= 2 and lo / 0.9 > hi:
            continue
        if k == "clustered_top" and lo / (1 - _CLUSTER) > hi:
            continue
        out.append(k)
    return tuple(out)


def _spectrum(draw, d: int, kind: str, lo: float, hi: float) -> np.ndarray:
    t_lo = max(lo, _TOP_FLOOR * hi)
    if kind == "zero":
        return np.zeros(d)
    if kind == "rank_one":
        return np.concatenate([[draw(_floats(t_lo, hi))], np.zeros(d - 1)])
    if kind in ("generic", "diagonal"):
        t = draw(_floats(t_lo, hi))
        return np.concatenate([[t], _desc(draw, d - 1, lo, t)])
    if kind == "distinct":  # λ₁ − λ₂ ≥ 0.1·λ₁
        t = draw(_floats(max(lo / 0.9, t_lo), hi))
        cap = max(lo, t * (1.0 - draw(_floats(0.1, 1.0))))
        return np.concatenate([[t], _desc(draw, d - 1, lo, cap)])
    if kind == "repeated_top":  # λ₁ = … = λ_k exactly, k ≥ 2
        k = draw(st.integers(2, d))
        t = draw(_floats(t_lo, hi))
        return np.concatenate([np.full(k, t), _desc(draw, d - k, lo, t)])
    if kind == "clustered_top":  # 0 < λ₁ − λ₂ ≤ 1e-6·λ₁
        t = draw(_floats(max(lo / (1 - _CLUSTER), t_lo), hi))
        l2 = max(lo, t * (1.0 - draw(_floats(1e-12, _CLUSTER))))
        return np.concatenate([[t, l2], _desc(draw, d - 2, lo, l2)])
    if kind == "near_singular":  # m ≥ 1 eigenvalues in [lo, lo + 1e-12·λ₁] (d = 1: λ₁ itself, scale max_eig)
        rel = st.one_of(st.sampled_from((_TINY, 1e-14, 0.0)), _floats(0.0, _TINY))
        if d == 1:
            return np.array([lo + draw(rel) * hi])
        m = draw(st.integers(1, d - 1))
        t = draw(_floats(t_lo, hi))
        small = lo + t * draw(hnp.arrays(np.float64, m, elements=rel))
        return np.sort(np.concatenate([[t], _desc(draw, d - 1 - m, lo, t), small]))[::-1]
    raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")


def psd_matrices(d=None, kinds=("any",), min_eig: float = 0.0, max_eig: float = 10.0) -> st.SearchStrategy[PSDInstance]:
    """PSD matrices M = U diag(λ) Uᵀ (exactly symmetric) with declared λ and U.

    Kinds (all eigenvalues in [min_eig, max_eig]; a nonzero top one ≥ 1e-3·max_eig):
    'zero' (M = 0), 'rank_one' (λ₁ > 0, rest exactly 0), 'diagonal' (U a
    permutation: M exactly diagonal, eigenvectors on the axes), 'generic',
    'distinct' (λ₁ − λ₂ ≥ 0.1·λ₁), 'repeated_top' (λ₁ = … = λ_k exactly, k ≥ 2; k = d
    gives a multiple of I), 'clustered_top' (0 < λ₁ − λ₂ ≤ 1e-6·λ₁), 'near_singular'
    (≥ 1 eigenvalue within 1e-12·λ₁ of min_eig, possibly equal to it); 'any' draws
    one of these (so kinds=('zero', 'any') weights 'zero' by one half).  Kinds impossible at the drawn d (d = 1 has no λ₂) or the bounds
    (min_eig > 0 excludes 'zero' and 'rank_one') are skipped; if none is left,
    ValueError.  With d=None, d ≥ 2 when every requested kind needs it.
    """
    kinds = tuple(kinds)
    bad = [k for k in kinds if k not in KINDS]
    if bad or not kinds:
        raise ValueError(f"unknown kinds {bad}; expected a non-empty subset of {KINDS}")
    if not (0.0 <= min_eig < max_eig and np.isfinite(max_eig)):
        raise ValueError(f"need 0 <= min_eig < max_eig < inf, got {min_eig}, {max_eig}")
    if d is None:
        d = dims(2 if "any" not in kinds and set(kinds) <= _NEED_D2 else 1, 6)
    return _psd(d, kinds, float(min_eig), float(max_eig))


@st.composite
def _psd(draw, d, kinds, min_eig, max_eig) -> PSDInstance:
    n = _dim(draw, d)
    concrete = _valid_kinds(CONCRETE_KINDS, n, min_eig, max_eig)
    valid = tuple(k for k in kinds if k == "any" or k in concrete)
    if not valid:
        raise ValueError(f"none of the kinds {kinds} is possible at d={n}, min_eig={min_eig}, max_eig={max_eig}")
    kind = draw(st.sampled_from(valid))  # ('zero', 'any') draws 'zero' half the time
    if kind == "any":
        kind = draw(st.sampled_from(concrete))
    lam = np.ascontiguousarray(_spectrum(draw, n, kind, min_eig, max_eig), dtype=np.float64)
    if kind == "diagonal":
        U = np.eye(n)[:, draw(st.permutations(range(n)))]
    else:
        U = draw(orthogonal_matrices(n))
    return PSDInstance(assemble(U, lam), lam, np.ascontiguousarray(U), kind)


@st.composite
def unit_vectors(draw, d=None) -> np.ndarray:
    """Unit vectors in R^d: generic, ±e_i (coherent), flat ±1/√d, sparse; shrinks to e₁.

    A drawn array normalised (rescaled by its max first, so no underflow); the zero
    array maps to e₁.
    """
    n = _dim(draw, d)
    g = _raw(draw, n)
    m = np.abs(g).max()
    if m == 0:
        g = np.zeros(n)
        g[0] = 1.0
        return g
    g = g / m
    return g / np.linalg.norm(g)


def vectors(d=None, min_norm: float = 0.0, max_norm: float = 10.0) -> st.SearchStrategy[np.ndarray]:
    """r·u with u from ``unit_vectors`` and r in [min_norm, max_norm] (norm = r up to rounding).

    The norm shrinks to min_norm, so min_norm = 0 reaches the zero vector; both ends
    of the range are drawn often.
    """
    if not 0.0 <= min_norm <= max_norm:
        raise ValueError(f"need 0 <= min_norm <= max_norm, got {min_norm}, {max_norm}")
    return st.tuples(unit_vectors(d), _floats(min_norm, max_norm)).map(lambda t: t[1] * t[0])


def nonzero_vectors(d=None, max_norm: float = 10.0, *, min_norm: float = 1e-6) -> st.SearchStrategy[np.ndarray]:
    """``vectors`` with ‖v‖ ≥ min_norm > 0: small but nonzero (1e-6: ‖v‖⁴ stays normal)."""
    if not min_norm > 0:
        raise ValueError("nonzero_vectors needs min_norm > 0")
    return vectors(d, min_norm, max_norm)


def incoherent_unit_vectors(d=None, mu: float = 2.0) -> st.SearchStrategy[np.ndarray]:
    """Unit vectors with ‖z‖_∞ ≤ μ/√d (Definition 8.12; μ ≥ 1).

    A drawn array water-filled by ``numeric.instances.incoherent_from``: spiky
    arrays put entries exactly on the bound (the worst case), the zero array gives
    the flat ±1/√d (the shrink target), μ ≥ √d allows ±e_i.
    """
    if not mu >= 1.0:
        raise ValueError(f"mu must be >= 1, got {mu}")
    d = dims() if d is None else d
    d = d if isinstance(d, st.SearchStrategy) else st.just(int(d))
    return d.flatmap(lambda n: hnp.arrays(np.float64, n, elements=_floats(-1.0, 1.0))).map(
        lambda g: incoherent_from(g, mu))
