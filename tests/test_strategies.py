"""The hypothesis strategies produce what they declare, and the hard cases are reachable."""
import numpy as np
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from numeric.instances import coherence
from verify.engine import strategies as vst
FAST = settings(max_examples=50, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])
FIND = settings(max_examples=50, derandomize=True, database=None)
# find() stops at the first hit (rates are 5-20% per example); the larger budget only guards against
# hypothesis's generation shifting with the modules loaded (it mines their literals), never slows a pass
REACH = settings(max_examples=500, derandomize=True, database=None)


def _check_psd(inst, min_eig=0.0, max_eig=10.0):
    M, lam, U = inst.M, inst.eigenvalues, inst.eigenvectors
    d = M.shape[0]
    assert M.shape == U.shape == (d, d) and lam.shape == (d,) and M.dtype == np.float64
    assert np.array_equal(M, M.T)  # exactly symmetric
    assert np.all(np.diff(lam) <= 0) and np.all(lam >= min_eig) and np.all(lam <= max_eig)
    scale = max(lam[0], 1e-300)
    assert np.all(np.abs(np.linalg.eigvalsh(M)[::-1] - lam) <= 1e-10 * scale)
    assert np.linalg.eigvalsh(M)[0] >= -1e-10 * scale  # PSD
    assert np.allclose(U.T @ U, np.eye(d), atol=1e-12)
    assert np.all(np.abs(M @ U - U * lam) <= 1e-10 * scale)
    # the declared kind holds
    k = inst.kind
    if k == "zero":
        assert not np.any(M)
    elif k == "rank_one":
        assert lam[0] > 0 and not np.any(lam[1:])
    elif k == "diagonal":
        assert np.array_equal(M, np.diag(np.diag(M))) and np.array_equal(np.abs(U).sum(0), np.ones(d))
    elif k == "distinct":
        assert d == 1 or lam[0] - lam[1] >= 0.1 * lam[0] * (1 - 1e-12)
    elif k == "repeated_top":
        assert lam[0] == lam[1] > 0
    elif k == "clustered_top":
        assert 0 < lam[0] - lam[1] <= 1e-6 * lam[0] * (1 + 1e-9)
    elif k == "near_singular":
        assert lam[-1] - min_eig <= 1e-12 * max(lam[0], max_eig)


@FAST
@given(vst.psd_matrices())
def test_psd_any(inst):
    _check_psd(inst)


@pytest.mark.parametrize("kind", vst.CONCRETE_KINDS)
def test_psd_each_kind(kind):
    @FAST
    @given(vst.psd_matrices(d=vst.dims(1, 5), kinds=(kind,)) if kind not in ("repeated_top", "clustered_top")
           else vst.psd_matrices(kinds=(kind,)))
    def run(inst):
        assert inst.kind == kind
        _check_psd(inst)

    run()


@FAST
@given(vst.psd_matrices(d=4, min_eig=1.0, max_eig=2.0))
def test_psd_bounds(inst):
    assert inst.kind not in ("zero", "rank_one")
    _check_psd(inst, 1.0, 2.0)


def test_hard_cases_are_reachable():
    psd = vst.psd_matrices()
    rep = find(psd, lambda i: i.d >= 2 and i.eigenvalues[0] == i.eigenvalues[1] > 0, settings=REACH)
    ev = np.linalg.eigvalsh(rep.M)
    assert rep.eigenvalues[0] == rep.eigenvalues[1] and abs(ev[-1] - ev[-2]) <= 1e-12 * ev[-1]
    sing = find(psd, lambda i: 0 < i.eigenvalues[-1] < 1e-10 * i.eigenvalues[0], settings=REACH)
    assert sing.eigenvalues[-1] < 1e-10 * sing.eigenvalues[0]
    clus = find(psd, lambda i: i.d >= 2 and 0 < i.eigenvalues[0] - i.eigenvalues[1] < 1e-5 * i.eigenvalues[0],
                settings=REACH)
    assert clus.eigenvalues[0] > clus.eigenvalues[1]
    assert not np.any(find(psd, lambda i: not np.any(i.M), settings=REACH).M)
    r1 = find(psd, lambda i: np.count_nonzero(i.eigenvalues) == 1 and i.d >= 3, settings=REACH)
    assert np.linalg.matrix_rank(r1.M) == 1
    diag = find(psd, lambda i: i.d >= 3 and np.all(np.diff(i.eigenvalues) < 0)
                and np.array_equal(i.M, np.diag(np.diag(i.M))), settings=REACH)
    assert np.count_nonzero(diag.M - np.diag(np.diag(diag.M))) == 0


def test_shrinks_to_small_and_simple():
    inst = find(vst.psd_matrices(), lambda i: i.eigenvalues[0] > 1.0, settings=FIND)
    assert inst.d == 1 and np.array_equal(inst.eigenvectors, np.eye(1))
    inst = find(vst.psd_matrices(kinds=("generic",)), lambda i: i.d >= 3 and i.eigenvalues[0] > 1.0, settings=FIND)
    assert inst.d == 3 and np.array_equal(np.abs(inst.eigenvectors), np.eye(3))  # Q shrinks to I
    assert np.count_nonzero(inst.eigenvalues) == 1  # the rest shrink to 0


def test_bad_arguments():
    for kw in [dict(kinds=("nope",)), dict(kinds=()), dict(min_eig=-1.0), dict(min_eig=2.0, max_eig=1.0)]:
        with pytest.raises(ValueError):
            vst.psd_matrices(**kw)  # raised eagerly
    for bad in [lambda: vst.vectors(2, 2.0, 1.0), lambda: vst.nonzero_vectors(2, min_norm=0.0),
                lambda: vst.incoherent_unit_vectors(3, 0.5)]:
        with pytest.raises(ValueError):
            bad()
    with pytest.raises(ValueError, match="d=1"):  # a 1×1 matrix has no λ₂
        find(vst.psd_matrices(d=1, kinds=("repeated_top",)), lambda i: True, settings=FIND)
    # with d=None the dimension adapts to kinds that need d ≥ 2
    assert find(vst.psd_matrices(kinds=("clustered_top",)), lambda i: True, settings=FIND).d == 2


@FAST
@given(st.data())
def test_dims_and_orthogonal(data):
    d = data.draw(vst.dims(2, 4))
    assert 2 <= d <= 4
    Q = data.draw(vst.orthogonal_matrices(d))
    assert np.allclose(Q.T @ Q, np.eye(d), atol=1e-12)


@FAST
@given(vst.unit_vectors(vst.dims(1, 6)))
def test_unit_vectors(u):
    assert u.dtype == np.float64 and np.all(np.isfinite(u)) and abs(np.linalg.norm(u) - 1) < 1e-14


@FAST
@given(vst.vectors(3, 0.5, 5.0))
def test_vector_norms(v):
    assert 0.5 * (1 - 1e-14) <= np.linalg.norm(v) <= 5.0 * (1 + 1e-14)


@FAST
@given(vst.nonzero_vectors(4))
def test_nonzero_vectors(v):
    assert np.linalg.norm(v) >= 1e-6 * (1 - 1e-14)


def test_vector_hard_cases_are_reachable():
    assert not np.any(find(vst.vectors(3), lambda v: True, settings=FIND))  # the zero vector
    e = find(vst.unit_vectors(4), lambda u: True, settings=FIND)
    assert np.array_equal(e, [1.0, 0, 0, 0])  # shrinks to e₁, the coherent vector
    find(vst.unit_vectors(4), lambda u: np.count_nonzero(u) == 1 and u[0] == 0, settings=REACH)
    find(vst.unit_vectors(4), lambda u: np.allclose(np.abs(u), 0.5), settings=REACH)  # flat


@pytest.mark.parametrize("d,mu", [(1, 1.0), (6, 1.0), (6, 2.0), (9, 1.1), (16, 3.0)])
def test_incoherent_vectors(d, mu):
    @FAST
    @given(vst.incoherent_unit_vectors(d, mu))
    def run(z):
        assert z.shape == (d,) and np.all(np.abs(z) <= mu / np.sqrt(d))  # exact
        assert abs(np.linalg.norm(z) - 1) < 1e-12 and coherence(z) <= mu * (1 + 1e-12)

    run()
    if 1 < mu < np.sqrt(d):  # the bound is attained (the worst case of the lemmas)
        find(vst.incoherent_unit_vectors(d, mu), lambda z: np.any(np.abs(z) == mu / np.sqrt(d)), settings=REACH)
