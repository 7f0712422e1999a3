"""One pass over a sparse pattern for two mat-vecs: (W a, W b) for a CSR matrix W of ones.

The matrix-completion gradient needs W(z∘x) and W(x∘x) over the same Ω.  SciPy reads Ω's
indices (and its stored ones) once per product; this loop, compiled by numba, reads the indices
once and gathers a and b together from one interleaved array.  The indices are read as
unsigned integers, so the compiled gather needs no negative-index wraparound (with signed
indices the loop ran at 1.4–2.5× one SciPy mat-vec; unsigned, the pair costs about one).

Each row sum runs in index order from 0.0, as SciPy's csr_matvec does, and 1.0·t = t exactly,
so the results are bit-identical to ``W @ a`` and ``W @ b`` (tests/test_mc_numeric.py).
"""
from __future__ import annotations

import numba
import numpy as np


@numba.njit(nogil=True, cache=True)
def _pair_rowsums(indptr, indices, ab, out):  # pragma: no cover - compiled
    for i in range(indptr.shape[0] - 1):
        s0 = 0.0
        s1 = 0.0
        for k in range(indptr[i], indptr[i + 1]):
            j = indices[k]
            s0 += ab[2 * j]
            s1 += ab[2 * j + 1]
        out[2 * i] = s0
        out[2 * i + 1] = s1
    return out


class Pattern:
    """The CSR pattern of a 0/1 matrix W, with unsigned index arrays for the compiled loop."""

    def __init__(self, W):
        self.n_rows = W.shape[0]
        self.indptr = W.indptr.astype(np.uint64)
        self.indices = W.indices.view(np.uint32 if W.indices.dtype == np.int32 else np.uint64)
        self._ab = np.empty(2 * W.shape[1])  # the interleaved input, reused (an input only: never returned)

    def matvec2(self, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(W @ a, W @ b) in one pass over W (new arrays; a and b are copied into one buffer first)."""
        ab = self._ab
        ab[0::2], ab[1::2] = a, b
        out = _pair_rowsums(self.indptr, self.indices, ab, np.empty(2 * self.n_rows))
        return out[0::2], out[1::2]
