"""Random instances for vectorised sweeps (NumPy; a leading batch axis B).

Symmetric PSD matrices with a chosen kind of spectrum (the hard cases on purpose:
repeated and clustered top eigenvalues, near-singular, low rank), Haar-random
orthogonal matrices, unit, incoherent and coherent vectors.  Seeded Generators in,
float64 out.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

KINDS = ("distinct", "repeated_top", "clustered_top", "near_singular", "low_rank", "wide")


@dataclass(frozen=True)
class PSDBatch:
    M: np.ndarray  # (B, d, d), exactly symmetric
    eigenvalues: np.ndarray  # (B, d), descending
    eigenvectors: np.ndarray  # (B, d, d), columns match eigenvalues
    kind: str


def spectrum(rng: np.random.Generator, B: int, d: int, kind: str = "distinct", *, scale: float = 1.0,
             gap: float = 0.5, rank: int | None = None, multiplicity: int = 2) -> np.ndarray:
    """(B, d) eigenvalues, descending, of the given kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown spectrum kind {kind!r}; one of {KINDS}")
    lam = np.sort(rng.uniform(0.0, 1.0, size=(B, d)), axis=1)[:, ::-1] * scale
    if kind == "distinct" and d > 1:
        lam[:, 0] = lam[:, 1] + gap * scale
    elif kind == "repeated_top":
        k = min(multiplicity, d)
        lam[:, :k] = lam[:, :1]
    elif kind == "clustered_top" and d > 1:
        lam[:, 1] = lam[:, 0] * (1 - 1e-6)
    elif kind == "near_singular":
        k = max(1, d // 2)
        lam[:, d - k:] = 1e-12 * scale * rng.uniform(0.5, 1.0, size=(B, k))
    elif kind == "low_rank":
        r = d // 2 if rank is None else rank
        lam[:, r:] = 0.0
    elif kind == "wide":
        lam = scale * 10.0 ** rng.uniform(-6, 2, size=(B, d))
    return np.ascontiguousarray(np.sort(lam, axis=1)[:, ::-1])


def orthogonal(rng: np.random.Generator, B: int, d: int) -> np.ndarray:
    """(B, d, d) Haar-random orthogonal matrices (QR of a Gaussian, signs fixed)."""
    G = rng.standard_normal((B, d, d))
    Q, R = np.linalg.qr(G)
    s = np.sign(np.diagonal(R, axis1=1, axis2=2))
    s[s == 0] = 1.0
    return Q * s[:, None, :]


def psd_matrices(rng: np.random.Generator, B: int, d: int, kind: str = "distinct", **kw) -> PSDBatch:
    lam = spectrum(rng, B, d, kind, **kw)
    U = orthogonal(rng, B, d)
    M = (U * lam[:, None, :]) @ np.swapaxes(U, 1, 2)
    M = 0.5 * (M + np.swapaxes(M, 1, 2))
    return PSDBatch(M, lam, U, kind)


def unit_vectors(rng: np.random.Generator, B: int, d: int) -> np.ndarray:
    g = rng.standard_normal((B, d))
    return g / np.linalg.norm(g, axis=1, keepdims=True)


def vectors(rng: np.random.Generator, B: int, d: int, norm_range=(0.0, 1.0)) -> np.ndarray:
    r = rng.uniform(*norm_range, size=(B, 1))
    return unit_vectors(rng, B, d) * r


def incoherent_unit_vectors(rng: np.random.Generator, B: int, d: int, mu: float) -> np.ndarray:
    """Unit vectors with ‖z‖_∞ ≤ μ/√d (μ ≥ 1): random signs times magnitudes in [1/μ, μ]/√d·c.

    Magnitudes a_i ∈ [1, μ] normalised: ‖z‖_∞ = max a / ‖a‖ ≤ μ/√d because ‖a‖ ≥ √d.
    """
    if mu < 1:
        raise ValueError("incoherence needs μ ≥ 1 (a unit vector has ‖z‖_∞ ≥ 1/√d)")
    a = rng.uniform(1.0, mu, size=(B, d)) * rng.choice([-1.0, 1.0], size=(B, d))
    z = a / np.linalg.norm(a, axis=1, keepdims=True)
    assert np.all(np.abs(z).max(axis=1) <= mu / np.sqrt(d) + 1e-12)
    return z


def coherent_unit_vector(d: int) -> np.ndarray:
    """e₁: the maximally coherent unit vector of Remark 8.13 (μ = √d)."""
    e = np.zeros(d)
    e[0] = 1.0
    return e
