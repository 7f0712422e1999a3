"""The NumPy batch samplers: declared spectra are exact, kinds hold, seeds reproduce."""
import dataclasses

import numpy as np
import pytest

from numeric import instances as I

B, D = 64, 6


def rng(seed=0):
    return np.random.default_rng(seed)


@pytest.mark.parametrize("kind", I.SPECTRUM_KINDS)
@pytest.mark.parametrize("d", [1, 2, 6])
def test_psd_batch_matches_declared_spectrum(kind, d):
    if kind in ("repeated_top", "clustered_top") and d < 2:
        with pytest.raises(ValueError):
            I.psd_matrices(rng(), B, d, kind)
        return
    p = I.psd_matrices(rng(), B, d, kind, scale=3.0)
    assert p.M.shape == (B, d, d) and p.eigenvalues.shape == (B, d) and p.eigenvectors.shape == (B, d, d)
    assert p.M.dtype == p.eigenvalues.dtype == p.eigenvectors.dtype == np.float64
    assert np.array_equal(p.M, np.swapaxes(p.M, 1, 2))  # exactly symmetric
    lam = p.eigenvalues
    assert np.all(np.diff(lam, axis=1) <= 0) and np.all(lam >= 0) and np.all(lam <= 3.0)
    top = lam[:, :1]
    ev = np.linalg.eigvalsh(p.M)[:, ::-1]
    assert np.all(np.abs(ev - lam) <= 1e-10 * top)  # 1e-10 relative to the spectral norm
    assert np.all(ev >= -1e-10 * top)  # PSD
    U = p.eigenvectors
    assert np.allclose(np.swapaxes(U, 1, 2) @ U, np.eye(d), atol=1e-12)
    assert np.all(np.abs(p.M @ U - U * lam[:, None, :]) <= 1e-10 * top[:, :, None])


def test_kinds_hold_exactly():
    lam = I.spectrum(rng(), B, D, "distinct")
    assert np.all(lam[:, 0] - lam[:, 1] >= 0.5 * lam[:, 0])
    lam = I.spectrum(rng(), B, D, "repeated_top")
    assert np.all(lam[:, 0] == lam[:, 1]) and np.all(lam[:, 1] > lam[:, 2])
    lam = I.spectrum(rng(), B, D, "repeated_top", multiplicity=D)
    assert np.all(lam == lam[:, :1])  # a multiple of the identity
    lam = I.spectrum(rng(), B, D, "clustered_top")
    rel = (lam[:, 0] - lam[:, 1]) / lam[:, 0]
    assert np.all(rel > 0) and np.all(rel <= 1.01e-6)
    lam = I.spectrum(rng(), B, D, "near_singular", n_small=2, scale=5.0)
    assert np.all(lam[:, -2:] > 0) and np.all(lam[:, -2:] <= 1e-11 * 5.0) and np.all(lam[:, -3] > 1e-3)
    lam = I.spectrum(rng(), B, D, "low_rank", rank=2)
    assert np.all(np.count_nonzero(lam, axis=1) == 2) and np.all(lam[:, 2:] == 0)
    assert not np.any(I.spectrum(rng(), B, D, "low_rank", rank=0))
    lam = I.spectrum(rng(), 512, D, "wide", decades=12)
    assert lam.max() / lam.min() > 1e10


def test_bad_arguments():
    for kw in [dict(kind="nope"), dict(kind="repeated_top", multiplicity=D + 1),
               dict(kind="low_rank", rank=D + 1), dict(kind="distinct", gap=1.5)]:
        with pytest.raises(ValueError):
            I.spectrum(rng(), B, D, **kw)
    with pytest.raises(ValueError):
        I.incoherent_unit_vectors(rng(), B, D, mu=0.9)
    with pytest.raises(ValueError):
        I.incoherent_unit_vectors(rng(), B, D, mu=2.0, method="nope")
    with pytest.raises(ValueError):
        I.incoherent_from(np.ones(D), 0.9)


def test_determinism_under_a_seed():
    calls = [
        lambda r: I.psd_matrices(r, B, D, "clustered_top").M,
        lambda r: I.orthogonal(r, B, D),
        lambda r: I.unit_vectors(r, B, D),
        lambda r: I.vectors(r, B, D, norm_range=(1.0, 2.0)),
        lambda r: I.incoherent_unit_vectors(r, B, D, 1.5),
        lambda r: I.incoherent_unit_vectors(r, B, D, 1.5, method="waterfill"),
    ]
    for f in calls:
        assert np.array_equal(f(rng(7)), f(rng(7)))
        assert not np.array_equal(f(rng(7)), f(rng(8)))


def test_orthogonal_is_haar_like():
    Q = I.orthogonal(rng(1), 4000, 3)
    assert np.allclose(np.swapaxes(Q, 1, 2) @ Q, np.eye(3), atol=1e-12)
    # Haar: each entry has mean 0 and E[q²] = 1/d; a sign bug biases the diagonal
    assert abs(Q[:, 0, 0].mean()) < 0.05 and abs((Q[:, 0, 0] ** 2).mean() - 1 / 3) < 0.03


def test_frozen_batch():
    p = I.psd_matrices(rng(), 2, 3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.kind = "x"
    with pytest.raises(ValueError):
        p.M[0, 0, 0] = 1.0


def test_vectors():
    u = I.unit_vectors(rng(), B, D)
    assert u.shape == (B, D) and np.allclose(np.linalg.norm(u, axis=1), 1, atol=1e-14)
    v = I.vectors(rng(), B, D, norm_range=(0.5, 2.0))
    n = np.linalg.norm(v, axis=1)
    assert np.all(n >= 0.5 * (1 - 1e-14)) and np.all(n <= 2.0 * (1 + 1e-14))


@pytest.mark.parametrize("method", ["magnitudes", "waterfill"])
@pytest.mark.parametrize("d", [1, 2, 9, 100])
@pytest.mark.parametrize("mu", [1.0, 1.0 + 1e-9, 1.3, 2.0, 50.0])
def test_incoherence_bound(d, mu, method):
    z = I.incoherent_unit_vectors(rng(3), 256, d, mu, method=method)
    assert z.shape == (256, d)
    assert np.all(np.abs(z) <= mu / np.sqrt(d))  # exact, no tolerance
    assert np.allclose(np.linalg.norm(z, axis=1), 1, atol=1e-12)
    if mu == 1.0:
        assert np.allclose(np.abs(z), 1 / np.sqrt(d))  # μ = 1 forces the flat vector
    if method == "waterfill" and 1.0 < mu < np.sqrt(2 * np.log(d)):  # Gaussian spikes exceed the cap: on it
        assert np.any(np.abs(z) == mu / np.sqrt(d))


def test_incoherent_from_degenerate_inputs():
    d, mu = 5, 1.2
    for g in [np.zeros(d), np.eye(d)[0], np.array([1.0] + [1e-202] * (d - 1)), np.array([3.0, -1, 0.5, 0, 0])]:
        z = I.incoherent_from(g, mu)
        assert np.all(np.abs(z) <= mu / np.sqrt(d)) and abs(np.linalg.norm(z) - 1) < 1e-12
    assert np.allclose(I.incoherent_from(np.zeros(d), mu), 1 / np.sqrt(d))


def test_coherent_vector():
    e = I.coherent_unit_vector(4)
    assert np.array_equal(e, [1.0, 0, 0, 0])
    assert I.coherence(e) == 2.0 and np.isclose(I.coherence(np.full(4, 0.5)), 1.0)
