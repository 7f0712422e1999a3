"""Tests of the §8.4 machinery: the structured NTK against the Jacobian and SymPy, K∞ closed forms against
quadrature and Monte Carlo, the training loop against a plain loop, the sample-complexity helpers."""
from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from numeric.chapter8 import kernels as K
from numeric.chapter8 import ntk as nn
from numeric.chapter8 import ntk_sample as ns
from numeric.chapter8 import ntk_train as tr
from symbolic.chapter8 import ntk as S
from symbolic.chapter8 import ntk_gd as G
from symbolic.chapter8 import ntk_kernels as SK
from symbolic.chapter8 import ntk_toy as T
@pytest.fixture
def rng():
    return np.random.default_rng(1234)


@pytest.mark.parametrize("act", ["erf", "relu"])
def test_structured_ntk_equals_jacobian_gram(act, rng):
    X = rng.standard_normal((7, 4))
    for net in (nn.init(9, 4, rng, act), nn.TwoLayer(rng.standard_normal((9, 4)), rng.uniform(-2, 2, 9), act, scale=3.0)):
        J = net.jacobian(X)
        assert J.shape == (7, 36)
        np.testing.assert_allclose(net.ntk(X), J @ J.T, rtol=1e-12, atol=1e-12)
        X2 = rng.standard_normal((3, 4))
        np.testing.assert_allclose(net.ntk(X, X2), J @ net.jacobian(X2).T, rtol=1e-12, atol=1e-12)
        r, v = rng.standard_normal(7), rng.standard_normal(net.p)
        np.testing.assert_allclose(net.grad_dot(X, r), J.T @ r, atol=1e-12)
        np.testing.assert_allclose(net.jvp(X, v), J @ v, atol=1e-12)


@pytest.mark.parametrize("act", ["erf", "relu"])
def test_jacobian_matches_sympy_gradient(act, rng):
    m, d = 3, 2
    sym = S.network(m, d)
    grad = S.gradient_concrete(sym, act)
    f = sp.lambdify((sym.theta, list(sym.a), list(sym.x)), grad, modules=["scipy", "numpy"])
    net = nn.init(m, d, rng, act)
    for x in rng.standard_normal((4, d)):
        np.testing.assert_allclose(np.asarray(f(list(net.theta), list(net.a), list(x)), float).ravel(),
                                   net.jacobian(x[None])[0], atol=1e-12)


def test_hessian_norm_and_beta(rng):
    net = nn.init(5, 3, rng, "erf")
    x = rng.standard_normal(3)
    h = 1e-6
    J0 = net.jacobian(x[None])[0]
    H = np.array([(net.with_theta(net.theta + h * e).jacobian(x[None])[0] - J0) / h for e in np.eye(net.p)])
    assert abs(np.linalg.norm((H + H.T) / 2, 2) - net.hessian_opnorm(x[None])[0]) < 1e-4
    assert net.beta_certified(x[None]) >= net.hessian_opnorm(x[None])[0]
    assert abs(nn.second_derivative_bound("erf") - np.sqrt(2 / np.e)) < 1e-15


def test_symmetric_init_has_zero_output(rng):
    net = nn.init(10, 4, rng, "erf", symmetric=True)
    X = rng.standard_normal((5, 4))
    assert np.max(np.abs(net.f(X))) < 1e-15
    assert np.max(np.abs(net.jvp(X, net.theta))) < 1e-12  # Φθ⁰ = 0 as well


@pytest.mark.parametrize("act", ["erf", "relu"])
def test_kinf_closed_form_quadrature_and_monte_carlo(act, rng):
    X = np.array([[1.0, 0.0, 0.0], [0.6, 0.8, 0.0], [0.0, -1.5, 0.5], [-0.6, -0.8, 0.0]])
    Kc = K.kinf(X, act)
    for i in range(len(X)):
        for j in range(i, len(X)):
            assert abs(Kc[i, j] - K.kinf_quadrature(X[i], X[j], act)) < 1e-10
    Kmc = K.kinf_monte_carlo(X, 200_000, act, rng)
    assert np.max(np.abs(Kmc - Kc)) < 0.02


def test_kinf_diagonal_matches_symbolic():
    g = 1.7
    X = np.array([[np.sqrt(g), 0.0]])
    for act in ("erf", "relu"):
        assert abs(K.kinf(X, act)[0, 0] - float(SK.diagonal(act).subs(SK.g11, g))) < 1e-14


def test_symbolic_kernel_derivation_steps():
    assert SK.determinant_identity(3) == 0
    assert SK.sheppard_difference() == 0
    assert sp.simplify(SK.erf_mean_square() - 1 / sp.sqrt(1 + 4 * SK.g11)) == 0


def test_printed_gradient_differs_only_by_the_sign_a():
    net = S.network(2, 2)
    g = S.gradient(net)
    assert sp.expand(S.block(g, net, 0) - S.corrected_8_87(net, 0)) == sp.zeros(2, 1)
    assert sp.expand(S.block(g, net, 0) - S.printed_8_87(net, 0)) != sp.zeros(2, 1)
    assert S.reduce_signs(S.sq(g) - S.printed_8_89(net), net) == 0


def test_gd_chain_shapes():
    assert G.shape_error(lambda s: (s.Phi - G.eta * s.Phi * s.Phi.T) * s.dth) is not None
    s = G.syms()
    assert G.is_zero(G.difference_generic(G.corrected_8_112(s), G.steps_8_110(s)["8.110"]()))


def test_toy_model():
    assert T.minimiser_linear() == sp.FiniteSet(1 / T.alpha)
    assert sp.simplify(T.max_on(T.gap(), 0, 1 / T.alpha) - T.beta / T.alpha) == 0
    assert sp.expand(T.grad_fbar() - T.x * (1 + 2 * T.beta * T.theta)) == 0


@pytest.mark.parametrize("act", ["erf", "relu"])
def test_training_matches_a_plain_loop(act, rng):
    X = nn.sphere(4, 5, rng)
    y = np.array([1.0, -1.0, 1.0, 1.0])
    net = nn.init(16, 5, rng, act)
    step, T_ = 0.3, 12
    rf, rg = tr.train(net, X, y, step, T_, "f"), tr.train(net, X, y, step, T_, "g")
    th, thg = net.theta.copy(), net.theta.copy()
    J0, f0 = net.jacobian(X), net.f(X)
    res = []
    for _ in range(T_):
        cur = net.with_theta(th)
        res.append(np.linalg.norm(cur.f(X) - y))
        th = th - step * cur.jacobian(X).T @ (cur.f(X) - y)
        thg = thg - step * J0.T @ (f0 + J0 @ (thg - net.theta) - y)
    np.testing.assert_allclose(rf.theta, th, atol=1e-12)
    np.testing.assert_allclose(rg.theta, thg, atol=1e-12)
    assert len(rf.residual) == T_ + 1
    np.testing.assert_allclose(rf.residual[:T_], res, atol=1e-12)
    assert rf.dist[0] == 0.0
    if act == "relu":
        assert rf.flips is not None and rf.flips[0] == 0.0


def test_linear_gd_contracts(rng):
    Phi = rng.standard_normal((3, 6))
    ev = np.linalg.eigvalsh(Phi @ Phi.T)
    res = tr.linear_gd(Phi, rng.standard_normal(3), 1 / ev[-1], 50)
    q = 1 - ev[0] / ev[-1]
    assert np.all(res <= q ** np.arange(51) * res[0] * (1 + 1e-9))


def test_sample_complexity_helpers(rng):
    assert ns.sample_complexity([10, 100], [1.0, 0.0], 0.5) == pytest.approx(np.sqrt(1000))
    assert ns.sample_complexity([10, 100], [1.0, 0.9], 0.5) is None
    W, u = ns.four_neurons()
    X, y = ns.hypercube(64, 2, rng)
    np.testing.assert_allclose(np.maximum(X @ W.T, 0) @ u, y)
    assert ns.regulariser(W, u) == pytest.approx(2 * np.sqrt(2))
    assert ns.ntk_test_error(20, 6, rng) > 0


def test_relu_derivative_is_sympys_heaviside_as_one_float_ufunc():
    """σ' of ReLU is lambdified from SymPy's Heaviside(z, 0) through one float comparison: same values (0 at 0)."""
    from symbolic.chapter8 import ntk as sym
    z = np.array([-2.0, -1e-300, 0.0, 1e-300, 3.0])
    got = nn.act_fn("relu", 1)(z)
    want = [float(sym.derivative("relu", 1).subs(sym.z, sp.Float(v))) for v in z]
    assert got.dtype == np.float64 and got.tolist() == want == [0.0, 0.0, 0.0, 1.0, 1.0]
    half = sp.lambdify(S.z, sp.Heaviside(S.z, sp.Rational(1, 2)).replace(sp.Heaviside, sp.Function("heaviside")),
                       modules=[{"heaviside": nn._heaviside}, "numpy"])
    assert half(z).tolist() == [float(sp.Heaviside(sp.Float(v), sp.Rational(1, 2))) for v in z]
