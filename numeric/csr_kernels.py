"""One pass over a sparse pattern for two mat-vecs: (W a, W b) for a CSR matrix W of ones.

The matrix-completion gradient needs W(z∘x) and W(x∘x) over the same Ω.  SciPy reads Ω's
indices (and its ones) once per product; this loop, compiled by numba, reads the indices once
and gathers a and b together from an interleaved (d, 2) array.  Each row sum runs in index
order from 0.0, as SciPy's csr_matvec does, and 1.0·t = t exactly, so the results are
bit-identical to ``W @ a`` and ``W @ b`` (tests/test_mc_numeric.py compares them).
"""
from __future__ import annotations

import numba
import numpy as np


@numba.njit(nogil=True, cache=True)
def _pair_rowsums(indptr, indices, P, out):  # pragma: no cover - compiled
    for i in range(out.shape[0]):
        s0 = 0.0
        s1 = 0.0
        for k in range(indptr[i], indptr[i + 1]):
            j = indices[k]
            s0 += P[j, 0]
            s1 += P[j, 1]
        out[i, 0] = s0
        out[i, 1] = s1
    return out


def pattern_matvec2(W, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(W @ a, W @ b) for a CSR matrix W whose stored entries are all 1, in one pass over W."""
    P = np.empty((a.shape[0], 2))
    P[:, 0], P[:, 1] = a, b
    out = _pair_rowsums(W.indptr, W.indices, P, np.empty((W.shape[0], 2)))
    return out[:, 0], out[:, 1]
