"""Bernoulli masks: the sampling model (Definition 8.10), symmetry, sparse = dense, memory at scale."""
import numpy as np
import pytest

from numeric.chapter8 import masks
from numeric.stats import wilson_interval


@pytest.mark.parametrize("symmetric", [True, False])
@pytest.mark.parametrize("d,p", [(40, 0.3), (3000, 0.002)])  # direct draws and the uniform-subset path
def test_inclusion_frequency_is_p(symmetric, d, p):
    rng = np.random.default_rng(1)
    counts, cells = 0, 0
    for _ in range(20):
        m = masks.bernoulli(d, p, rng, symmetric=symmetric)
        if symmetric:
            counts += int(np.sum(m.rows <= m.cols))
            cells += d * (d + 1) // 2
        else:
            counts += m.nnz
            cells += d * d
    lo, hi = wilson_interval(counts, cells, 0.999)
    assert lo <= p <= hi


def test_symmetric_mask_is_symmetric_and_sorted():
    m = masks.bernoulli(50, 0.2, np.random.default_rng(2), symmetric=True)
    W = m.dense()
    assert (W == W.T).all()
    assert np.all(np.diff(m.rows * m.d + m.cols) > 0)  # row-major, no repeats
    assert m.csr.nnz == m.nnz and (m.csr.toarray() == W).all()


def test_diagonal_and_off_diagonal_rates():
    """Symmetric model: each unordered pair once, so P((i,j) ∈ Ω) = p for i = j and i ≠ j alike."""
    rng = np.random.default_rng(3)
    d, p, n = 30, 0.4, 400
    diag = off = 0
    for _ in range(n):
        W = masks.bernoulli(d, p, rng).dense()
        diag += int(np.trace(W))
        off += int(W.sum() - np.trace(W))
    for k, cells in ((diag, n * d), (off, n * d * (d - 1))):
        lo, hi = wilson_interval(k, cells, 0.999)
        assert lo <= p <= hi


def test_P_zeroes_outside():
    rng = np.random.default_rng(4)
    m = masks.bernoulli(12, 0.3, rng)
    A = rng.standard_normal((12, 12))
    assert np.array_equal(m.P(A), m.dense() * A)


def test_triangle_index_enumerates_upper_triangle():
    d = 7
    i, j = masks._triangle_index(np.arange(d * (d + 1) // 2), d)
    want = [(a, b) for a in range(d) for b in range(a, d)]
    assert list(zip(i.tolist(), j.tolist())) == want


def test_uniform_subset_distinct_and_in_range():
    got = masks._uniform_subset(np.random.default_rng(5), 10**10, 1000)
    assert got.size == 1000 and np.unique(got).size == 1000 and got.min() >= 0 and got.max() < 10**10


def test_large_sparse_mask_fits():
    """d = 10⁵, p·d = 50: about 5·10⁶ entries, stored as coordinates + CSR (≈ 100 MB)."""
    d = 100_000
    m = masks.bernoulli(d, 50 / d, np.random.default_rng(6))
    assert abs(m.nnz / d - 50) < 1
    assert m.csr.shape == (d, d)


def test_empty_rows_and_full():
    W = np.ones((4, 4))
    W[2, :] = W[:, 2] = 0
    m = masks.from_dense(W)
    assert masks.empty_rows(m).tolist() == [2]
    assert masks.full(5).nnz == 25


def test_determines_up_to_sign_is_connected_and_not_bipartite():
    from numeric.chapter8 import masks as Mk
    path = np.zeros((3, 3))
    path[0, 1] = path[1, 0] = path[1, 2] = path[2, 1] = 1  # bipartite: x = (t, 1/t, t)·z fits for every t > 0
    assert not Mk.determines_up_to_sign(Mk.from_dense(path))
    loop = path.copy()
    loop[0, 0] = 1  # x₀² = z₀² pins t = 1
    assert Mk.determines_up_to_sign(Mk.from_dense(loop))
    empty = loop.copy()
    empty[2, :] = empty[:, 2] = 0  # Remark 8.11: an empty row leaves x₂ free
    assert not Mk.determines_up_to_sign(Mk.from_dense(empty))
    # the bipartite family really fits: P_Ω(xxᵀ) = P_Ω(zzᵀ) with x ≠ ±z
    z, t = np.array([0.5, -0.7, 0.3]), 2.0
    x = np.array([t, 1 / t, t]) * z
    assert np.allclose(path * np.outer(x, x), path * np.outer(z, z)) and not np.allclose(np.abs(x), np.abs(z))
