"""The trace normal form proves matrix identities at generic d, and only true ones."""
import sympy as sp
from sympy import Identity, MatrixSymbol, Trace

from symbolic.chapter8 import pca
from symbolic.explicit import evaluate, symbolic_instance
from symbolic.trace_normal_form import NormalForm, frob2, inner, proved_equal

d = sp.Symbol("d", integer=True, positive=True)
A = MatrixSymbol("A", d, d)
B = MatrixSymbol("B", d, d)
C = MatrixSymbol("C", d, d)
M = MatrixSymbol("M", d, d)
x = MatrixSymbol("x", d, 1)
v = MatrixSymbol("v", d, 1)


def test_cyclic_trace_and_inner_product_rule():
    # ⟨A, BC⟩ = ⟨ACᵀ, B⟩, used at (8.16)
    assert proved_equal(inner(A, B * C), inner(A * C.T, B), dim=d)[0]
    assert not proved_equal(inner(A, B * C), inner(A * C, B), dim=d)[0]


def test_outer_products_reduce_to_inner_products():
    nf = NormalForm([M], d)
    assert nf(frob2(x * v.T)) == nf((x.T * x) * (v.T * v))
    assert nf(Trace(M * x * x.T)) == nf(x.T * M * x)
    assert nf(Trace(Identity(d))) == d


def test_symmetry_only_for_declared_symmetric_matrices():
    assert proved_equal(x.T * M * v, v.T * M * x, symmetric=[M])[0]
    assert not proved_equal(x.T * A * v, v.T * A * x)[0]


def test_taylor_coefficients_of_pca_objective():
    nf, c = pca.taylor_coefficients()
    # g(x + tv) is a quartic in t; its t⁴ coefficient is ½‖v‖⁴
    assert set(c) == {0, 1, 2, 3, 4}
    assert sp.expand(c[4] - nf(sp.Rational(1, 2) * (v.T * v) * (v.T * v))) == 0


def test_hessian_matrix_matches_quadratic_form_and_components():
    H = pca.hessian_matrix_generic()
    nf = pca.normal_form()
    assert sp.expand(nf(v.T * H * v) - 2 * pca.half_hessian_form()) == 0
    # independent: components at d = 2 against sympy.hessian of the explicit objective
    vals = symbolic_instance([pca.M, pca.x], 2, [pca.M])
    g = evaluate(pca.objective(), vals, 2)
    xs = list(vals[pca.x])
    Hx = sp.hessian(g, xs)
    vv = sp.Matrix(sp.symbols("w0:2"))
    lhs = sp.expand((vv.T * Hx * vv)[0, 0])
    rhs = evaluate(pca.SYMBOLS.v.T * H * pca.SYMBOLS.v, {**vals, pca.SYMBOLS.v: sp.ImmutableMatrix(vv)}, 2)
    assert sp.expand(lhs - rhs) == 0


def test_gradient_two_derivations_agree():
    nf = pca.normal_form()
    assert sp.expand(nf(v.T * pca.gradient_matrix_calculus()) - pca.directional_derivative()) == 0


def test_expanded_objective_equals_printed_objective():
    nf = pca.normal_form()
    assert sp.expand(nf(pca.objective_generic()) - nf(pca.objective())) == 0
