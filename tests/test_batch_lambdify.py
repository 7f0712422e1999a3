"""Tests of batch_lambdify against SymPy itself (explicit matrices, small d)."""
import numpy as np
import pytest
import sympy as sp
from sympy.matrices.expressions.matexpr import MatrixElement

from numeric.batch_lambdify import batch_lambdify

d = sp.Symbol("d", integer=True, positive=True)
M, N = sp.MatrixSymbol("M", d, d), sp.MatrixSymbol("N", d, d)
x, v = sp.MatrixSymbol("x", d, 1), sp.MatrixSymbol("v", d, 1)
a, b = sp.Symbol("a"), sp.Symbol("b")
ARGS = [M, N, x, v, a, b]
I = sp.Identity(d)

CASES = {
    # products, coefficients, chain order
    "M*v": M * v,
    "vT M v": v.T * M * v,
    "xT M M v": x.T * M * M * v,
    "M*N": M * N,
    "row times matrix": x.T * M,
    "outer product": x * v.T,
    "x vT x": x * v.T * x,
    "3*M*v": 3 * M * v,
    "a*M*v": a * M * v,
    "a*b*xT v": a * b * x.T * v,
    "a*x*vT": a * x * v.T,
    "rational coefficient": sp.Rational(1, 2) * M * N,
    # sums
    "M + M.T": M + M.T,
    "M + a*I": M + a * I,
    "x vT - v xT": x * v.T - v * x.T,
    "M + 0": sp.MatAdd(M, sp.ZeroMatrix(d, d)),
    "M*v + 0": sp.MatAdd(M * v, sp.ZeroMatrix(d, 1)),
    "(M + N)*v": (M + N) * v,
    "xT (M + a I) v": x.T * (M + a * I) * v,
    "(M + N)(M - N)": (M + N) * (M - N),
    "-(M + N)*x*b": -(M + N) * x * b,
    # transposes
    "Transpose(M*N)": sp.Transpose(M * N),
    "Transpose(M*v)*x": sp.MatMul(sp.Transpose(M * v), x),
    "(M*x).T (N*v)": (M * x).T * (N * v),
    # traces
    "Trace(M)": sp.Trace(M),
    "Trace(M*N)": sp.Trace(M * N),
    "Trace(x vT x vT)": sp.Trace(x * v.T * x * v.T),
    "Trace(M x vT)": sp.Trace(M * x * v.T),
    "a Trace(M M.T) + Trace(N)": a * sp.Trace(M * M.T) + sp.Trace(N),
    "Trace(M + x vT)": sp.Trace(M + x * v.T),
    "Trace(2 M N.T)": sp.Trace(2 * M * N.T),
    "Trace(M) * M": sp.Trace(M) * M,
    "Trace(M) xT v": sp.Trace(M) * x.T * v,
    "d * Trace(M)": d * sp.Trace(M),
    # Hadamard
    "M o N": sp.hadamard_product(M, N),
    "x o v o x": sp.hadamard_product(x, v, x),
    "HadamardPower(M, 2)": sp.HadamardPower(M, 2),
    "HadamardPower(x, 3) + a*v": sp.HadamardPower(x, 3) + a * v,
    # powers, inverse, identity
    "M**2": M**2,
    "M**3 * v": M**3 * v,
    "(xT v)**2": (x.T * v) ** 2,
    "(xT x)**(1/2)": (x.T * x) ** sp.Rational(1, 2),
    "inverse": (M * M.T + I) ** -1 * v,
    "Identity": I,
    "I + x xT": I + x * x.T,
    # scalars mixing 1x1 matrices
    "sqrt(Trace(M M.T)) + a**2": sp.sqrt(sp.Trace(M * M.T)) + a**2,
    "exp(-Trace(x xT)) * a": sp.exp(-sp.Trace(x * x.T)) * a,
    "elements": MatrixElement(x.T * v, 0, 0) ** 2 + a * MatrixElement(v.T * M * v, 0, 0),
    "scalar only": a * b + 1,
    "exp(Trace(M))*M": sp.exp(sp.Trace(M) / d) * M,
    # the PCA Hessian quadratic form
    "pca hessian form": 2 * (x.T * v) ** 2 + (x.T * x) * (v.T * v) - v.T * M * v,
}


def random_batch(n, batch, seed=0):
    rng = np.random.default_rng(seed)
    return [rng.standard_normal((batch, n, n)), rng.standard_normal((batch, n, n)),
            rng.standard_normal((batch, n, 1)), rng.standard_normal((batch, n, 1)),
            rng.standard_normal(batch), rng.standard_normal(batch)]


def sympy_value(expr, n, values):
    """Evaluate expr in SymPy for one instance: explicit matrices in, doit."""
    rep = {d: sp.Integer(n)}
    for s, val in zip(ARGS, values):
        rep[s] = sp.ImmutableMatrix(val) if isinstance(s, sp.MatrixSymbol) else sp.Float(val)
    out = expr.xreplace(rep).doit()
    if isinstance(out, sp.MatrixExpr) and not isinstance(out, sp.MatrixBase):
        out = out.as_explicit()
    return np.array(sp.N(out), dtype=float)


@pytest.mark.parametrize("name", list(CASES))
def test_matches_sympy(name):
    expr, n, batch = CASES[name], 3, 3
    values = random_batch(n, batch, seed=len(name))
    got = batch_lambdify(ARGS, expr)(*values)
    is_scalar = not isinstance(expr, sp.MatrixExpr) or expr.shape == (1, 1)
    expected_shape = (batch,) if is_scalar else (batch, *(int(s.subs(d, n)) for s in expr.shape))
    assert got.shape == expected_shape
    for i in range(batch):
        want = sympy_value(expr, n, [val[i] for val in values])
        np.testing.assert_allclose(got[i], want.reshape(got[i].shape), rtol=1e-10, atol=1e-10)


def pca_form_by_hand(Mb, xb, vb):
    return (2 * np.einsum("bi,bi->b", xb, vb) ** 2 + np.einsum("bi,bi->b", xb, xb)
            * np.einsum("bi,bi->b", vb, vb) - np.einsum("bi,bij,bj->b", vb, Mb, vb))


def test_same_function_at_several_d():
    f = batch_lambdify([M, x, v], CASES["pca hessian form"])
    for n in (2, 7, 200):
        Mb, _, xb, vb, *_ = random_batch(n, 5, seed=n)
        out = f(Mb, xb[..., 0], vb)  # x as (B, d), v as (B, d, 1)
        assert out.shape == (5,)
        np.testing.assert_allclose(out, pca_form_by_hand(Mb, xb[..., 0], vb[..., 0]), rtol=1e-10)


def test_identity_dimension_read_at_call_time():
    f = batch_lambdify([M, a], M + a * I)
    for n in (2, 5):
        Mb = np.zeros((1, n, n))
        np.testing.assert_array_equal(f(Mb, 2.0)[0], 2 * np.eye(n))


def test_batch_of_one_equals_rows_of_many():
    f = batch_lambdify(ARGS, sp.Trace(M * N) * x + a * (M + N) * v)
    values = random_batch(4, 6, seed=1)
    many = f(*values)
    for i in range(6):
        one = f(*[val[i:i + 1] for val in values])
        assert one.shape == (1, 4, 1)
        np.testing.assert_allclose(one[0], many[i], rtol=1e-13)


def test_scalar_argument_float_or_array():
    f = batch_lambdify([M, v, a], a * v.T * M * v)
    Mb, _, _, vb, *_ = random_batch(3, 4)
    np.testing.assert_allclose(f(Mb, vb, 2.5), f(Mb, vb, np.full(4, 2.5)))
    assert f(Mb, vb, 2.5).shape == (4,)


def test_vector_shorthand_and_shapes():
    Mb, _, xb, vb, *_ = random_batch(3, 4)
    assert batch_lambdify([M, v], M * v)(Mb, vb[..., 0]).shape == (4, 3, 1)
    assert batch_lambdify([M, x], x.T * M)(Mb, xb).shape == (4, 1, 3)
    assert batch_lambdify([x, v], x * v.T)(xb, vb).shape == (4, 3, 3)
    assert batch_lambdify([a, b], a + b)(1.0, np.arange(4.0)).shape == (4,)


def test_no_dxd_intermediate_in_quadratic_form():
    f = batch_lambdify([M, v], sp.Transpose(v) * M * v)
    assert all(step.shape != (d, d) for step in f.steps), f.source
    assert "(v.T*(M*v))" in f.source
    g = batch_lambdify([x, v], sp.Trace(x * v.T * x * v.T))
    assert all(step.shape != (d, d) for step in g.steps), g.source
    h = batch_lambdify([x, v], x * v.T * x)
    assert all(step.shape != (d, d) for step in h.steps), h.source


def test_transpose_keeps_batch_axis():
    f = batch_lambdify([M], M.T)
    Mb = np.arange(2 * 3 * 3, dtype=float).reshape(2, 3, 3)
    np.testing.assert_array_equal(f(Mb), np.swapaxes(Mb, 1, 2))


def test_result_is_not_a_view_of_an_input():
    Mb = np.ones((2, 3, 3))
    out = batch_lambdify([M], M)(Mb)
    out[...] = 0
    assert Mb.sum() == 18


def test_source_is_inspectable():
    f = batch_lambdify([M, v], v.T * M * v)
    assert f.source.startswith("def batch_fn(M, v):")
    assert f.source in f.__doc__


def test_bad_inputs_are_reported():
    with pytest.raises(ValueError, match="not among the arguments"):
        batch_lambdify([M], M * v)
    f = batch_lambdify([M, v], M * v)
    with pytest.raises(ValueError, match="v: expected shape"):
        f(np.zeros((2, 3, 3)), np.zeros((2, 4)))
    with pytest.raises(ValueError, match="batch sizes differ"):
        f(np.zeros((2, 3, 3)), np.zeros((3, 3)))
    with pytest.raises(NotImplementedError, match="index sums"):
        batch_lambdify([x, v], (x.T * v)[0, 0])  # SymPy expands this into a Sum
