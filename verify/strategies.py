"""Hypothesis strategies for the instances the claims run on.

They generate the hard cases on purpose (repeated and clustered top eigenvalues,
near-singular and zero matrices, coordinate-aligned eigenvectors, the zero vector)
and shrink towards small dimensions and simple spectra.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

KINDS = ("any", "distinct", "repeated_top", "clustered_top", "near_singular", "zero", "rank_one", "diagonal")


@dataclass(frozen=True)
class PSDInstance:
    M: np.ndarray
    eigenvalues: np.ndarray  # descending
    eigenvectors: np.ndarray  # columns
    kind: str


def dims(min_d: int = 1, max_d: int = 6):
    return st.integers(min_d, max_d)


_floats = dict(allow_nan=False, allow_infinity=False, width=64)


def orthogonal_matrices(d: int):
    """Orthogonal d×d: QR of a drawn Gaussian-like matrix; the identity is the simplest (diagonal M)."""
    raw = hnp.arrays(np.float64, (d, d), elements=st.floats(-1, 1, **_floats))

    def qr(A):
        A = A + 3.0 * np.eye(d)  # shrinks to the identity: eigenvectors on the axes
        Q, R = np.linalg.qr(A)
        s = np.sign(np.diag(R))
        s[s == 0] = 1.0
        return Q * s

    return raw.map(qr)


@st.composite
def _spectrum(draw, d: int, kind: str, max_eig: float):
    base = draw(st.lists(st.floats(0.0, max_eig, **_floats), min_size=d, max_size=d))
    lam = np.sort(np.array(base))[::-1].copy()
    if kind == "distinct" and d > 1:
        lam[0] = lam[1] + draw(st.floats(0.1, max_eig, **_floats))
    elif kind == "repeated_top" and d > 1:
        k = draw(st.integers(2, d))
        lam[:k] = max(lam[0], 0.5)
    elif kind == "clustered_top" and d > 1:
        lam[0] = max(lam[0], 0.5)
        lam[1] = lam[0] * (1 - draw(st.sampled_from([1e-6, 1e-9, 1e-3])))
    elif kind == "near_singular":
        k = draw(st.integers(1, d))
        lam[d - k:] = draw(st.sampled_from([1e-12, 1e-9, 0.0]))
        lam[0] = max(lam[0], 1.0)
    elif kind == "zero":
        lam[:] = 0.0
    elif kind == "rank_one":
        lam[1:] = 0.0
        lam[0] = max(lam[0], 0.5)
    return np.sort(lam)[::-1].copy()


@st.composite
def _psd(draw, d, kinds, max_eig):
    n = draw(d) if isinstance(d, st.SearchStrategy) else d
    kind = draw(st.sampled_from(kinds))
    if kind == "any":
        kind = draw(st.sampled_from(KINDS[1:]))
    lam = draw(_spectrum(n, kind, max_eig))
    U = np.eye(n) if kind == "diagonal" else draw(orthogonal_matrices(n))
    M = (U * lam) @ U.T
    M = 0.5 * (M + M.T)
    return PSDInstance(M, lam, U, kind)


def psd_matrices(d=None, kinds=("any",), max_eig: float = 10.0):
    """Symmetric PSD matrices M = U diag(λ) Uᵀ with declared λ (descending) and U.

    kinds: 'distinct' (a gap λ₁ > λ₂), 'repeated_top' (λ₁ = λ₂ exactly), 'clustered_top'
    (λ₁ − λ₂ relative 1e-3…1e-9), 'near_singular' (eigenvalues 1e-12, 1e-9 or 0), 'zero',
    'rank_one', 'diagonal' (U = I); 'any' draws one of them.
    """
    d = dims(1, 5) if d is None else d
    return _psd(d, tuple(kinds), max_eig)


def unit_vectors(d: int):
    """Unit vectors in R^d (coordinate axes reachable: shrinking goes towards e₁)."""
    return hnp.arrays(np.float64, d, elements=st.floats(-1, 1, **_floats)).map(
        lambda v: (v + np.eye(d)[0] * 1e-3) / np.linalg.norm(v + np.eye(d)[0] * 1e-3))


def vectors(d: int, min_norm: float = 0.0, max_norm: float = 10.0):
    """Vectors with min_norm ≤ ‖v‖ ≤ max_norm (the zero vector when min_norm = 0)."""
    return st.tuples(unit_vectors(d), st.floats(min_norm, max_norm, **_floats)).map(lambda t: t[0] * t[1])


def nonzero_vectors(d: int, max_norm: float = 10.0):
    return vectors(d, 1e-6, max_norm)


def incoherent_unit_vectors(d: int, mu: float):
    """Unit vectors with ‖z‖_∞ ≤ μ/√d (μ ≥ 1), from magnitudes in [1, μ] and random signs."""
    el = st.floats(1.0, mu, **_floats)
    signs = hnp.arrays(np.float64, d, elements=st.sampled_from([-1.0, 1.0]))
    return st.tuples(hnp.arrays(np.float64, d, elements=el), signs).map(
        lambda t: t[0] * t[1] / np.linalg.norm(t[0]))
