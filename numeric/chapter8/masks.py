"""Bernoulli(p) observation masks Ω ⊆ [d] × [d] (Definitions 8.9–8.10), stored sparsely.

A mask is kept as the coordinate lists (rows, cols) of its entries, sorted row-major, and
as a CSR 0/1 matrix with the same structure, so that everything a check does with it
costs O(|Ω|): d = 10⁵ with p·d ≈ 50 (|Ω| ≈ 5·10⁶) fits in memory.

Two sampling models, as in symbolic.chapter8.matrix_completion:
  * ``symmetric``: each unordered pair {i, j} (i ≤ j) is observed with probability p,
    independently, and (i, j) ∈ Ω ⟺ (j, i) ∈ Ω (a symmetric matrix is observed);
  * ``independent``: each ordered pair (i, j) is observed with probability p.

Sampling is exact: the number of observed cells is Binomial(cells, p) and, given
the number, the cells are a uniform subset (rejection of repeats), which is the
product Bernoulli measure; for few cells the Bernoulli draws are made directly.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sps

_DIRECT_LIMIT = 4_000_000  # cells: below this, draw one Bernoulli per cell


@dataclass(frozen=True, eq=False)
class Mask:
    """Ω for a d × d matrix: sorted coordinates and a CSR pattern with ones."""

    d: int
    p: float
    rows: np.ndarray  # (|Ω|,) int64, row-major order
    cols: np.ndarray
    symmetric: bool
    csr: sps.csr_matrix = field(repr=False)

    @property
    def nnz(self) -> int:
        return int(self.rows.size)

    def dense(self) -> np.ndarray:
        """The 0/1 matrix W (d × d); for small d and tests only."""
        W = np.zeros((self.d, self.d))
        W[self.rows, self.cols] = 1.0
        return W

    def P(self, A: np.ndarray) -> np.ndarray:
        """P_Ω(A) for a dense A: zero every entry outside Ω (Definition 8.9)."""
        out = np.zeros_like(A, dtype=float)
        out[self.rows, self.cols] = A[self.rows, self.cols]
        return out

    def values(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        """The entries (u vᵀ)_ij for (i, j) ∈ Ω, in mask order, without forming u vᵀ."""
        return u[self.rows] * v[self.cols]

    def row_counts(self) -> np.ndarray:
        return np.diff(self.csr.indptr)

    def with_entries(self, keep: np.ndarray) -> "Mask":
        """The sub-mask of the entries where ``keep`` is true (same d, p)."""
        return from_coordinates(self.d, self.p, self.rows[keep], self.cols[keep], self.symmetric, presorted=True)


def from_coordinates(d: int, p: float, rows, cols, symmetric: bool, presorted: bool = False) -> Mask:
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    if not presorted:
        order = np.lexsort((cols, rows))
        rows, cols = rows[order], cols[order]
    indptr = np.zeros(d + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=d), out=indptr[1:])
    csr = sps.csr_matrix((np.ones(rows.size), cols, indptr), shape=(d, d))
    return Mask(d, float(p), rows, cols, symmetric, csr)


def from_dense(W: np.ndarray, p: float = 1.0) -> Mask:
    W = np.asarray(W)
    r, c = np.nonzero(W)
    return from_coordinates(W.shape[0], p, r, c, symmetric=bool((W == W.T).all()))


def full(d: int) -> Mask:
    """Ω = [d] × [d] (p = 1: then f = g)."""
    r, c = np.divmod(np.arange(d * d, dtype=np.int64), d)
    return from_coordinates(d, 1.0, r, c, symmetric=True, presorted=True)


def _uniform_subset(rng: np.random.Generator, cells: int, k: int) -> np.ndarray:
    """k distinct integers, uniform among the k-subsets of [0, cells)."""
    if k == 0:
        return np.zeros(0, dtype=np.int64)
    got = np.zeros(0, dtype=np.int64)
    while got.size < k:
        extra = int((k - got.size) * 1.05) + 16
        got = np.unique(np.concatenate([got, rng.integers(0, cells, size=extra, dtype=np.int64)]))
    if got.size > k:  # a uniform k-subset of a uniform superset is uniform
        got = np.sort(rng.choice(got, size=k, replace=False))
    return got


def _triangle_index(t: np.ndarray, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Cell t of the upper triangle (i ≤ j), enumerated row by row, as (i, j)."""
    # row i starts at offset(i) = i·d − i(i − 1)/2
    i = np.arange(d, dtype=np.int64)
    offsets = i * d - i * (i - 1) // 2
    r = np.searchsorted(offsets, t, side="right") - 1
    return r, r + (t - offsets[r])


def bernoulli(d: int, p: float, rng: np.random.Generator, symmetric: bool = True) -> Mask:
    """Ω with every entry (or every unordered pair, if symmetric) observed with probability p."""
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"p = {p} is not a probability")
    cells = d * (d + 1) // 2 if symmetric else d * d
    if cells <= _DIRECT_LIMIT:
        t = np.flatnonzero(rng.random(cells) < p).astype(np.int64)
    else:
        t = _uniform_subset(rng, cells, int(rng.binomial(cells, p)))
    if symmetric:
        i, j = _triangle_index(t, d)
        off = i != j
        rows = np.concatenate([i, j[off]])
        cols = np.concatenate([j, i[off]])
        return from_coordinates(d, p, rows, cols, True)
    r, c = np.divmod(t, d)
    return from_coordinates(d, p, r, c, False, presorted=True)


def empty_rows(mask: Mask) -> np.ndarray:
    """Indices i with no observed entry in row i (and so, for a symmetric Ω, in column i)."""
    return np.flatnonzero(mask.row_counts() == 0)


def determines_up_to_sign(mask: Mask) -> bool:
    """Whether P_Ω(xxᵀ) = P_Ω(zzᵀ) forces x = ±z for every z without zero entries (symmetric Ω).

    Observed (i, j) fixes xᵢxⱼ; along a path the ratios xⱼ/zⱼ propagate with alternating sign, so the
    answer is yes exactly when the graph of Ω (diagonal entries as self-loops) is connected and has an odd
    cycle or a self-loop (not bipartite). An empty row (Remark 8.11's failure) leaves its coordinate free.
    """
    A = mask.dense() != 0
    d = len(A)
    colour = np.full(d, -1)
    colour[0] = 0
    stack, odd = [0], bool(A.diagonal().any())
    while stack:
        i = stack.pop()
        for j in np.flatnonzero(A[i]):
            if colour[j] < 0:
                colour[j] = 1 - colour[i]
                stack.append(j)
            elif j != i and colour[j] == colour[i]:
                odd = True
    return bool((colour >= 0).all() and odd)
