"""Batched random instances for vectorised sweeps (NumPy only, no hypothesis).

Every sampler takes a seeded ``np.random.Generator`` and a batch size ``B`` and
returns float64 arrays with a leading batch axis, so one seed gives one set of
instances.  The spectra include the cases where eigen-based claims are fragile:
an exactly repeated or nearly repeated top eigenvalue, near-singular and low-rank
matrices, and spectra spanning many decades.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SPECTRUM_KINDS = ("distinct", "repeated_top", "clustered_top", "near_singular", "low_rank", "wide")
KINDS = SPECTRUM_KINDS  # older name


def _check(B: int, d: int) -> tuple[int, int]:
    B, d = int(B), int(d)
    if B < 0 or d < 1:
        raise ValueError(f"need B >= 0 and d >= 1, got B={B}, d={d}")
    return B, d


def spectrum(
    rng: np.random.Generator,
    B: int,
    d: int,
    kind: str = "distinct",
    *,
    scale: float = 1.0,
    gap: float = 0.5,
    rank: int | None = None,
    multiplicity: int = 2,
    cluster: float = 1e-6,
    tiny: float = 1e-12,
    n_small: int | None = None,
    decades: float = 12.0,
) -> np.ndarray:
    """(B, d) eigenvalues in [0, scale], sorted descending.

    λ₁ is uniform in [scale/2, scale]; the eigenvalues "below the gap" are uniform
    in (0, (1 - gap)·λ₁], so λ₁ - λ_next ≥ gap·λ₁.  Kinds:

    - ``distinct``: λ₁ then d-1 eigenvalues below the gap.
    - ``repeated_top``: λ₁ = … = λ_k exactly (k = ``multiplicity`` ≥ 2), rest below the gap.
    - ``clustered_top``: λ₂ = λ₁(1 - ``cluster``), so 0 < λ₁ - λ₂ ≈ cluster·λ₁.
    - ``near_singular``: the ``n_small`` (default max(1, d//2)) smallest are in
      [1, 10)·tiny·scale, tiny = 1e-12 (all of them when n_small = d).
    - ``low_rank``: exactly ``rank`` (default max(1, d//2)) positive eigenvalues, the rest exactly 0.
    - ``wide``: log-uniform on [10^-decades, 1]·scale.
    """
    B, d = _check(B, d)
    if not 0.0 < gap < 1.0:
        raise ValueError(f"gap must be in (0, 1), got {gap}")
    top = scale * rng.uniform(0.5, 1.0, size=(B, 1))

    def below(n: int) -> np.ndarray:  # in (0, (1-gap)·λ₁]: 1 - random() is in (0, 1]
        return top * (1.0 - gap) * (1.0 - rng.random((B, n)))

    if kind == "distinct":
        parts = [top, below(d - 1)]
    elif kind == "repeated_top":
        if not 2 <= multiplicity <= d:
            raise ValueError(f"repeated_top needs 2 <= multiplicity <= d, got {multiplicity}, d={d}")
        parts = [np.repeat(top, multiplicity, axis=1), below(d - multiplicity)]
    elif kind == "clustered_top":
        if d < 2 or not 0.0 < cluster < gap:
            raise ValueError(f"clustered_top needs d >= 2 and 0 < cluster < gap, got d={d}, cluster={cluster}")
        parts = [top, top * (1.0 - cluster), below(d - 2)]
    elif kind == "near_singular":
        m = max(1, d // 2) if n_small is None else int(n_small)
        if not 1 <= m <= d:
            raise ValueError(f"near_singular needs 1 <= n_small <= d, got {m}")
        small = tiny * scale * rng.uniform(1.0, 10.0, size=(B, m))
        parts = [small] if m == d else [top, below(d - 1 - m), small]
    elif kind == "low_rank":
        r = max(1, d // 2) if rank is None else int(rank)
        if not 0 <= r <= d:
            raise ValueError(f"low_rank needs 0 <= rank <= d, got {r}")
        parts = [np.zeros((B, d))] if r == 0 else [top, below(r - 1), np.zeros((B, d - r))]
    elif kind == "wide":
        parts = [scale * 10.0 ** (-decades * rng.random((B, d)))]
    else:
        raise ValueError(f"unknown spectrum kind {kind!r}; expected one of {SPECTRUM_KINDS}")
    lam = np.concatenate(parts, axis=1)
    return -np.sort(-lam, axis=1)


def orthogonal(rng: np.random.Generator, B: int, d: int) -> np.ndarray:
    """(B, d, d) Haar-random orthogonal matrices: QR of a Gaussian, columns signed by diag(R)."""
    B, d = _check(B, d)
    Q, R = np.linalg.qr(rng.standard_normal((B, d, d)))
    s = np.sign(np.diagonal(R, axis1=-2, axis2=-1))
    s[s == 0] = 1.0
    return Q * s[:, None, :]


def assemble(U: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """U diag(lam) Uᵀ (any leading axes), symmetrised so that M == Mᵀ exactly."""
    M = (U * lam[..., None, :]) @ np.swapaxes(U, -1, -2)
    return 0.5 * (M + np.swapaxes(M, -1, -2))  # a+b == b+a in IEEE, so exactly symmetric


def _readonly(*arrays: np.ndarray) -> None:
    for a in arrays:
        a.setflags(write=False)


@dataclass(frozen=True, eq=False)
class PSDBatch:
    """A batch of PSD matrices with their declared spectra (arrays read-only).

    M (B, d, d); eigenvalues (B, d) descending; eigenvectors (B, d, d) with column j
    the eigenvector of eigenvalues[:, j].
    """

    M: np.ndarray
    eigenvalues: np.ndarray
    eigenvectors: np.ndarray
    kind: str

    def __post_init__(self):
        _readonly(self.M, self.eigenvalues, self.eigenvectors)


def psd_matrices(rng: np.random.Generator, B: int, d: int, kind: str = "distinct", **kw) -> PSDBatch:
    """B PSD matrices U diag(λ) Uᵀ with λ from ``spectrum(kind, **kw)`` and Haar U."""
    lam = spectrum(rng, B, d, kind, **kw)
    U = orthogonal(rng, B, d)
    return PSDBatch(assemble(U, lam), lam, U, kind)


def unit_vectors(rng: np.random.Generator, B: int, d: int) -> np.ndarray:
    """(B, d) uniform on the unit sphere (normalised Gaussians)."""
    B, d = _check(B, d)
    g = rng.standard_normal((B, d))
    return g / np.linalg.norm(g, axis=1, keepdims=True)


def vectors(rng: np.random.Generator, B: int, d: int, norm_range: tuple[float, float] = (0.0, 1.0)) -> np.ndarray:
    """(B, d) uniform directions with norms uniform in ``norm_range``."""
    lo, hi = norm_range
    if not 0.0 <= lo <= hi:
        raise ValueError(f"need 0 <= lo <= hi, got {norm_range}")
    return unit_vectors(rng, B, d) * rng.uniform(lo, hi, size=(B, 1))


def coherence(z: np.ndarray) -> np.ndarray:
    """μ(z) = √d ‖z‖_∞ / ‖z‖₂ over the last axis (1 for flat vectors, √d for e_i)."""
    z = np.asarray(z, dtype=np.float64)
    return np.sqrt(z.shape[-1]) * np.abs(z).max(axis=-1) / np.linalg.norm(z, axis=-1)


def incoherent_from(g: np.ndarray, mu: float) -> np.ndarray:
    """Map arrays (..., d) to unit vectors with ‖z‖_∞ ≤ μ/√d (Definition 8.12).

    Water-filling: z_i = sign(g_i)·min(α|g_i|, τ), τ = μ/√d, with α solving ‖z‖₂ = 1
    (so the largest entries sit exactly on the bound: the worst case for the
    lemmas).  Entries below 1e-100·max|g| count as 0.  A solution exists when the
    support m of g has m·τ² ≥ 1; otherwise 1 is added to |g| (g = 0 gives the flat
    vector).  The final min() makes
    the bound exact in floating point; the norm is 1 up to rounding.
    """
    g = np.asarray(g, dtype=np.float64)
    d = g.shape[-1]
    if not mu >= 1.0:
        raise ValueError(f"mu must be >= 1 (every unit vector has ||z||_inf >= 1/sqrt(d)), got {mu}")
    tau = mu / np.sqrt(d)
    s = np.where(g < 0, -1.0, 1.0)
    a = np.abs(g)
    amax = a.max(axis=-1, keepdims=True)
    a = np.divide(a, amax, out=np.zeros_like(a), where=amax > 0)  # scale: no overflow
    a[a < 1e-100] = 0.0  # and no underflow of the squares below
    support = np.count_nonzero(a, axis=-1)[..., None]
    a = np.where(support * tau**2 < 1.0, a + 1.0, a)
    srt = -np.sort(-a, axis=-1)
    S = np.cumsum((srt**2)[..., ::-1], axis=-1)[..., ::-1]  # S[k] = Σ_{i≥k} srt[i]²
    room = 1.0 - np.arange(d) * tau**2  # mass left when the k largest are clipped to τ
    with np.errstate(divide="ignore", invalid="ignore"):
        alpha = np.sqrt(room / S)
        # the first k with α_k·srt[k] ≤ τ is consistent (α_k·srt[k-1] ≥ τ follows)
        ok = (room > 0) & (S > 0) & (alpha * srt <= tau * (1.0 + 1e-12))
        first = np.argmax(ok, axis=-1)[..., None]
        alpha_k = np.where(ok.any(axis=-1, keepdims=True), np.take_along_axis(alpha, first, -1), np.inf)
        z = s * np.where(a > 0, np.minimum(alpha_k * a, tau), 0.0)
    if not np.all(np.abs(z) <= tau):
        raise AssertionError("incoherence bound violated")
    return z


def incoherent_unit_vectors(rng: np.random.Generator, B: int, d: int, mu: float, *,
                            method: str = "magnitudes") -> np.ndarray:
    """(B, d) unit vectors with ‖z‖_∞ ≤ μ/√d (μ ≥ 1; the bound is exact, asserted).

    ``magnitudes``: random signs times magnitudes a_i uniform in [1, μ], normalised;
    ‖z‖_∞ = max a/‖a‖ ≤ μ/√d since ‖a‖ ≥ √d (entries all of one order: typical
    incoherent z).  ``waterfill``: Gaussians water-filled by ``incoherent_from``
    (the largest entries exactly on the bound: the worst case).
    """
    B, d = _check(B, d)
    if not mu >= 1.0:
        raise ValueError(f"mu must be >= 1 (every unit vector has ||z||_inf >= 1/sqrt(d)), got {mu}")
    if method == "waterfill":
        return incoherent_from(rng.standard_normal((B, d)), mu)
    if method != "magnitudes":
        raise ValueError(f"unknown method {method!r}; 'magnitudes' or 'waterfill'")
    tau = mu / np.sqrt(d)
    a = rng.uniform(1.0, mu, size=(B, d)) * rng.choice([-1.0, 1.0], size=(B, d))
    z = a / np.linalg.norm(a, axis=1, keepdims=True)
    z = np.sign(z) * np.minimum(np.abs(z), tau)  # only rounding (≤ 1 ulp) can exceed τ: make it exact
    if not np.all(np.abs(z) <= tau):
        raise AssertionError("incoherence bound violated")
    return z


def coherent_unit_vector(d: int) -> np.ndarray:
    """e_1 in R^d: the most coherent unit vector (μ = √d), the case incoherence excludes."""
    e = np.zeros(int(d))
    e[0] = 1.0
    return e
