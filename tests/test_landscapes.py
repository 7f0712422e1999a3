"""Batched derivatives, the tensor (8.53) and linear-network layers tied to SymPy / NumPy at small size."""
import numpy as np
import pytest
import sympy as sp

from numeric.chapter8 import landscapes as NL
from numeric.chapter8 import linear_net as LN
from numeric.chapter8 import tensor as NT
from symbolic.chapter8 import landscapes as SL
def test_batched_derivatives_broadcast_constants():
    f, vs = SL.figure_8_3()
    D = NL.derivatives(f, vs)
    X = np.random.default_rng(0).normal(size=(7, 2))
    H = D.hessian(X)
    assert H.shape == (7, 2, 2) and np.allclose(H[:, 0, 1], 0)  # a constant entry broadcast to the batch
    for x, h, g in zip(X, H, D.gradient(X)):
        sub = dict(zip(vs, x))
        assert np.allclose(h, np.array(sp.hessian(f, vs).subs(sub), dtype=float))
        assert np.allclose(g, [float(sp.diff(f, v).subs(sub)) for v in vs])


def test_tensor_objective_is_T_xxxx():
    rng = np.random.default_rng(0)
    A = rng.normal(size=(4, 3))
    T = np.einsum("ir,jr,kr,lr->ijkl", A, A, A, A)
    t = NT.Tensor(A)
    x = rng.normal(size=4)
    assert t.value(x) == pytest.approx(np.einsum("ijkl,i,j,k,l->", T, x, x, x, x))
    assert np.allclose(t.grad(x), 4 * np.einsum("ijkl,j,k,l->i", T, x, x, x))
    u = x / np.linalg.norm(x)
    P = np.eye(4) - np.outer(u, u)
    assert np.allclose(t.rgrad(u), P @ t.grad(u))
    assert np.allclose(t.rhess(u), P @ (t.hess(u) - (u @ t.grad(u)) * np.eye(4)) @ P)


def test_tensor_components_are_maxima_with_curvature_minus_four():
    A = NT.orthonormal_components(np.random.default_rng(1), 5, 5)
    t = NT.Tensor(A)
    for i in range(5):
        assert np.linalg.norm(t.rgrad(A[:, i])) < 1e-12
        assert np.allclose(t.tangent_hessian(A[:, i]), -4.0)
        y, _ = NT.power_method(t, A[:, i])
        assert np.allclose(y, A[:, i])


def test_subset_points_count():
    A = NT.orthonormal_components(np.random.default_rng(2), 4, 3)
    pts = list(NT.subset_points(A))
    assert len(pts) == sum(2 ** (m - 1) * c for m, c in [(1, 3), (2, 3), (3, 1)])


def test_linear_net_derivatives_match_numpy():
    rng = np.random.default_rng(0)
    C = rng.normal(size=(3, 4))
    net = LN.LinearNet(C, 2)
    p = rng.normal(size=net.n)
    W1, W2 = net.split(p)
    E = C - W1 @ W2
    assert net.loss(p) == pytest.approx(0.5 * np.sum(E**2))
    assert np.allclose(net.grad(p), net.join(-E @ W2.T, -W1.T @ E))
    v = rng.normal(size=net.n)
    fd = (net.grad(p + 1e-6 * v) - net.grad(p - 1e-6 * v)) / 2e-6
    assert np.allclose(net.hess(p) @ v, fd, atol=1e-6)


def test_linear_net_eckart_young_and_critical_points():
    rng = np.random.default_rng(3)
    net = LN.LinearNet(rng.normal(size=(3, 3)), 1)
    s = np.linalg.svd(net.C, compute_uv=False)
    assert net.eckart_young() == pytest.approx(0.5 * (s[1] ** 2 + s[2] ** 2))
    cps = LN.find_critical_points(net, rng, n_random=5)
    kinds = sorted(c.kind for c in cps)
    assert kinds.count("global minimum") == 1 and kinds.count("strict saddle") == 3  # 0 and σ₂, σ₃ directions


def test_gd_run_records_values():
    f, vs = SL.figure_8_2()
    res, vals = NL.gd_run(f, vs, [2.0], step=0.01, iters=64, record=[1, 2, 4, 64])
    assert set(vals) == {1, 2, 4, 64} and vals[64] < vals[1]
