"""The strategies produce what they declare, and the hard cases are reachable."""
import numpy as np
from hypothesis import find, given, settings
from hypothesis import strategies as st

from numeric import instances
from verify import strategies as vst

FAST = settings(max_examples=40, deadline=None, derandomize=True, database=None)


@FAST
@given(vst.psd_matrices(d=st.integers(1, 5)))
def test_declared_spectrum_matches(inst):
    M = inst.M
    assert np.array_equal(M, M.T)
    ev = np.linalg.eigvalsh(M)[::-1]
    assert np.allclose(ev, inst.eigenvalues, atol=1e-10 * (1 + inst.eigenvalues[0]))
    assert np.allclose(M @ inst.eigenvectors, inst.eigenvectors * inst.eigenvalues, atol=1e-9 * (1 + inst.eigenvalues[0]))
    assert ev[-1] >= -1e-10 * (1 + ev[0])


def test_hard_cases_are_reachable():
    rep = find(vst.psd_matrices(d=st.integers(2, 4)), lambda i: i.eigenvalues[0] == i.eigenvalues[1] > 0,
               settings=settings(database=None, max_examples=500))
    assert rep.eigenvalues[0] == rep.eigenvalues[1]
    sing = find(vst.psd_matrices(), lambda i: 0 < i.eigenvalues[-1] < 1e-8, settings=settings(database=None, max_examples=500))
    assert sing.eigenvalues[-1] < 1e-8
    zero = find(vst.psd_matrices(), lambda i: not np.any(i.M), settings=settings(database=None, max_examples=500))
    assert not np.any(zero.M)


@FAST
@given(vst.incoherent_unit_vectors(6, 2.0))
def test_incoherent_vectors(z):
    assert abs(np.linalg.norm(z) - 1) < 1e-12 and np.abs(z).max() <= 2.0 / np.sqrt(6) + 1e-12


@FAST
@given(vst.vectors(3, 0.0, 5.0))
def test_vector_norms(v):
    assert np.linalg.norm(v) <= 5.0 + 1e-12


def test_numpy_batches_deterministic_and_exact_kinds():
    a = instances.psd_matrices(np.random.default_rng(1), 8, 5, kind="repeated_top")
    b = instances.psd_matrices(np.random.default_rng(1), 8, 5, kind="repeated_top")
    assert np.array_equal(a.M, b.M)
    assert np.all(a.eigenvalues[:, 0] == a.eigenvalues[:, 1])
    ev = np.linalg.eigvalsh(a.M)[:, ::-1]
    assert np.allclose(ev, a.eigenvalues, atol=1e-10)
    for kind in instances.KINDS:
        p = instances.psd_matrices(np.random.default_rng(2), 4, 6, kind=kind)
        assert p.M.shape == (4, 6, 6) and np.all(np.diff(p.eigenvalues, axis=1) <= 0)
    z = instances.incoherent_unit_vectors(np.random.default_rng(3), 10, 100, mu=1.5)
    assert np.all(np.abs(z).max(axis=1) <= 1.5 / 10 + 1e-12)
