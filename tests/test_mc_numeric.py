"""The sparse f-side kernels against the SymPy derivation (d = 3) and the dense NumPy versions."""
import numpy as np
import pytest
import sympy as sp

from numeric.chapter8 import masks
from numeric.chapter8 import matrix_completion as mc
from symbolic.chapter8.matrix_completion import Instance


def _sympy_numbers(symmetric, seed):
    rng = np.random.default_rng(seed)
    inst = Instance(3, symmetric_mask=symmetric, rank_one=True)
    W = rng.integers(0, 2, size=(3, 3))
    if symmetric:
        W = np.triu(W) + np.triu(W, 1).T
    z, x, v = (rng.integers(-3, 4, size=3) for _ in range(3))
    vals = {}
    for i in range(3):
        vals[inst.z[i]], vals[inst.x[i]], vals[inst.v[i]] = int(z[i]), int(x[i]), int(v[i])
        for j in range(3):
            vals[inst.W[i, j]] = int(W[i, j])
    return inst, vals, W, z.astype(float), x.astype(float), v.astype(float)


@pytest.mark.parametrize("symmetric", [True, False])
@pytest.mark.parametrize("seed", range(6))
def test_kernels_equal_sympy_derivation(symmetric, seed):
    inst, vals, W, z, x, v = _sympy_numbers(symmetric, seed)
    ob = mc.Objective(z, masks.from_coordinates(3, 0.5, *np.nonzero(W), symmetric=symmetric))
    f = inst.f()
    assert ob.value(x) == pytest.approx(float(f.xreplace(vals)), abs=1e-12)
    grad = np.array([float(g.xreplace(vals)) for g in inst.gradient()])
    assert np.allclose(ob.gradient(x), grad, atol=1e-12)
    H = np.array(sp.hessian(f, list(inst.x)).xreplace(vals).tolist(), dtype=float)
    assert np.allclose(ob.hessian(x), H, atol=1e-12)
    assert np.allclose(ob.hvp(x, v), H @ v, atol=1e-12)
    assert ob.hessian_form(x, v) == pytest.approx(2 * float(inst.taylor(2).xreplace(vals)), abs=1e-12)


@pytest.mark.parametrize("symmetric", [True, False])
def test_kernels_equal_dense(symmetric):
    rng = np.random.default_rng(7)
    d = 150
    m = masks.bernoulli(d, 0.1, rng, symmetric=symmetric)
    W = m.dense()
    z = mc.incoherent_unit_vector(d, 2.0, rng)
    x, v = rng.standard_normal(d), rng.standard_normal(d)
    ob = mc.Objective(z, m)
    assert ob.value(x) == pytest.approx(mc.dense_value(W, z, x), rel=1e-12)
    assert np.allclose(ob.gradient(x), mc.dense_gradient(W, z, x, block=37), rtol=1e-11, atol=1e-9)
    assert np.allclose(ob.hvp(x, v), mc.dense_hvp(W, z, x, v), rtol=1e-11, atol=1e-9)
    assert ob.lambda_min(x) == pytest.approx(np.linalg.eigvalsh(ob.hessian(x))[0])


@pytest.mark.parametrize("d, pd", [(1, 1.0), (7, 3.0), (500, 20.0), (3000, 2.0)])
def test_one_pass_matvec_pair_is_bit_identical_to_scipy(d, pd):
    """numeric.csr_kernels: (W a, W b) in one pass equals SciPy's two products bit for bit,
    and so does the gradient built on it (the sweeps' numbers must not move)."""
    from numeric.csr_kernels import Pattern

    rng = np.random.default_rng(d)
    m = masks.bernoulli(d, min(1.0, pd / d), rng)
    a, b = rng.standard_normal(d), rng.standard_normal(d) * 1e-3
    a[: d // 3] = 0.0  # zero rows and exact zeros in the sums
    Wa, Wb = Pattern(m.csr).matvec2(a, b)
    assert np.array_equal(Wa, m.csr @ a) and np.array_equal(Wb, m.csr @ b)
    z, x = mc.incoherent_unit_vector(d, 2.0, rng), rng.standard_normal(d)
    reference = -2.0 * (z * (m.csr @ (z * x)) - x * (m.csr @ (x * x)))  # the two SciPy mat-vecs
    assert np.array_equal(mc.Objective(z, m).gradient(x), reference)


def test_full_mask_gives_g():
    """Ω = [d]²: f = g, and the lambdified g-side agrees with the sparse kernels."""
    rng = np.random.default_rng(8)
    d = 9
    z = mc.incoherent_unit_vector(d, 1.5, rng)
    x, v = rng.standard_normal(d), rng.standard_normal(d)
    ob = mc.Objective(z, masks.full(d))
    assert ob.value(x) == pytest.approx(mc.g_value(z, x)[0])
    assert np.allclose(ob.gradient(x), mc.g_gradient(z, x)[0])
    assert ob.hessian_form(x, v) == pytest.approx(mc.g_hessian_form(z, x, v)[0])
    assert v @ ob.gradient(x) == pytest.approx(mc.g_grad_form(z, x, v)[0])


def test_gradient_is_zero_at_zero_and_at_pm_z():
    rng = np.random.default_rng(9)
    z = mc.incoherent_unit_vector(50, 2.0, rng)
    ob = mc.Objective(z, masks.bernoulli(50, 0.2, rng))
    for x in (np.zeros(50), z, -z):
        assert np.abs(ob.gradient(x)).max() < 1e-14


@pytest.mark.parametrize("mu", [1.0, 1.3, 3.0])
def test_incoherent_vectors(mu):
    rng = np.random.default_rng(10)
    for d in (16, 400):
        u = mc.incoherent_unit_vector(d, mu, rng)
        assert abs(np.linalg.norm(u) - 1) < 1e-12
        assert np.max(np.abs(u)) <= mu / np.sqrt(d) + 1e-12
    with pytest.raises(ValueError):
        mc.incoherent_unit_vector(10, 0.9, rng)


def test_extreme_subgraph_beats_random_sets():
    rng = np.random.default_rng(11)
    m = masks.bernoulli(400, 0.05, rng)
    S, dev = mc.extreme_subgraph(m, 100, rng)
    W = m.csr
    rand = []
    for _ in range(50):
        T = rng.choice(400, 100, replace=False)
        ind = np.zeros(400)
        ind[T] = 1
        rand.append(ind @ (W @ ind) / (0.05 * 100**2) - 1)
    assert len(S) == 100 and dev > max(rand)
    _, low = mc.extreme_subgraph(m, 100, rng, maximize=False)
    assert low < min(rand)

