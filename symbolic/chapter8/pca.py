"""The PCA objective (8.1) g(x) = ½‖M − xxᵀ‖_F² and what §8.3.1 says of it.

Derived here, at generic dimension d with matrix expressions:
- the Taylor expansion of g(x + t v) in t (the "trick" of (8.4)–(8.8)); its t¹
  coefficient is ⟨v, ∇g(x)⟩ and its t² coefficient is ½⟨v, ∇²g(x) v⟩;
- ∇g by SymPy's matrix calculus, as a second derivation of the same object;
- the Hessian matrix, by polarising the quadratic form.
The chapter's printed forms sit next to them so claims can compare the two.
"""
from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

import sympy as sp
from sympy import Identity, MatrixSymbol, Rational

from symbolic.trace_normal_form import NormalForm, frob2, hessian_from_quadratic_form, inner, rebuild

d = sp.Symbol("d", integer=True, positive=True)
t = sp.Symbol("t")
M = MatrixSymbol("M", d, d)
x = MatrixSymbol("x", d, 1)
v = MatrixSymbol("v", d, 1)
SYMBOLS = SimpleNamespace(d=d, t=t, M=M, x=x, v=v)
_BY_NAME = {"M": M, "x": x, "v": v}


def normal_form() -> NormalForm:
    """A normal form that knows M is symmetric (as §8.3.1 assumes)."""
    return NormalForm(symmetric=[M], dim=d)


def objective(X=x):
    """(8.1): g(x) = ½‖M − xxᵀ‖_F²."""
    return Rational(1, 2) * frob2(M - X * X.T)


# --- printed forms (as in the chapter) ------------------------------------
def printed_gradient():
    """In-text before (8.2): ∇g(x) = −(M − xxᵀ)x."""
    return -(M - x * x.T) * x


def corrected_gradient():
    return -2 * (M - x * x.T) * x


def printed_expansion_8_5():
    """(8.5) without its 'higher order terms in v'."""
    A = M - x * x.T
    B = x * v.T + v * x.T
    return Rational(1, 2) * frob2(A) - inner(A, B) + Rational(1, 2) * inner(B, B) - inner(A, v * v.T)


def printed_8_6():
    """(8.6) right-hand side, equal to ½⟨v, ∇²g(x) v⟩ as printed."""
    B = x * v.T + v * x.T
    return Rational(1, 2) * inner(B, B) - inner(M - x * x.T, v * v.T)


def printed_8_7():
    xv = x.T * v
    return xv * xv + (x.T * x) * (v.T * v) - v.T * M * v + xv * xv


def printed_8_8():
    xv = x.T * v
    return 2 * xv * xv + (x.T * x) * (v.T * v) - v.T * M * v


# --- derivations -------------------------------------------------------------
@lru_cache(maxsize=None)
def taylor_coefficients() -> tuple[NormalForm, dict[int, sp.Expr]]:
    """Normal-form coefficients c_k of g(x + t v) = Σ_k c_k t^k (exact, generic d)."""
    nf = normal_form()
    poly = sp.Poly(nf(objective(x + t * v)), t)
    return nf, {k[0]: c for k, c in zip(poly.monoms(), poly.coeffs())}


def gradient_matrix_calculus():
    """∇g by SymPy's matrix calculus (then Mᵀ = M)."""
    return objective().diff(x).subs(M.T, M)


def directional_derivative():
    """⟨v, ∇g(x)⟩ = t¹ coefficient of g(x + t v) (normal form)."""
    return taylor_coefficients()[1][1]


def half_hessian_form():
    """½⟨v, ∇²g(x) v⟩ = t² coefficient of g(x + t v) (normal form)."""
    return taylor_coefficients()[1][2]


@lru_cache(maxsize=None)
def hessian_quadratic_form_generic():
    """(SYMBOLS, ⟨v, ∇²g(x) v⟩) as a 1×1 matrix expression in M, x, v, ready to lambdify."""
    nf, coeffs = taylor_coefficients()
    return SYMBOLS, rebuild(2 * coeffs[2], nf, _BY_NAME)


@lru_cache(maxsize=None)
def hessian_matrix_generic():
    """∇²g(x) as a d×d matrix expression, by polarising the derived quadratic form."""
    nf, coeffs = taylor_coefficients()
    return hessian_from_quadratic_form(2 * coeffs[2], nf, v, _BY_NAME, d)


@lru_cache(maxsize=None)
def gradient_generic():
    """∇g(x) as a d×1 matrix expression (from matrix calculus, checked against the t¹ coefficient)."""
    return gradient_matrix_calculus()


@lru_cache(maxsize=None)
def objective_generic():
    """g(x) in expanded normal form ½tr(M²) − xᵀMx + ½(xᵀx)², rebuilt as matrix products.

    Equal to (8.1) by the normal form (tested); evaluating it never forms the d×d matrix M − xxᵀ.
    """
    nf = normal_form()
    return rebuild(nf(objective()), nf, _BY_NAME)
