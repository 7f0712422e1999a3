"""§8.4.2: gradient descent on the linearised model and on f, as matrix expressions.

Φ is n×p (n data points, p parameters), Δθ ∈ ℝᵖ, y ∈ ℝⁿ, η a scalar.  An identity between
matrix expressions is proved at generic (n, p) by expanding the difference in the free
(non-commutative) algebra (SymPy's MatrixExpr expand), and again at (n, p) = (2, 3) with
symbolic entries.  A printed expression whose shapes do not agree is found by building it
at (n, p) = (2, 3), where SymPy raises ShapeError.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import sympy as sp
from sympy import Identity, MatrixSymbol

n, p = sp.symbols("n p", integer=True, positive=True)
eta = sp.Symbol("eta", positive=True)


@dataclass(frozen=True)
class Syms:
    Phi: MatrixSymbol
    Phit: MatrixSymbol
    dth: MatrixSymbol
    y: MatrixSymbol
    yhat: MatrixSymbol
    I: sp.MatrixExpr


def syms(N=n, P=p) -> Syms:
    return Syms(MatrixSymbol("Phi", N, P), MatrixSymbol("Phi_t", N, P), MatrixSymbol("Delta_theta", P, 1),
                MatrixSymbol("y", N, 1), MatrixSymbol("yhat", N, 1), Identity(N))


# --- linear GD (8.107)–(8.115) --------------------------------------------------------------------------
def objective_8_107(s: Syms):
    return (s.y - s.Phi * s.dth).T * (s.y - s.Phi * s.dth)


def gradient_8_107(s: Syms):
    """∇_{Δθ} of (8.107) by SymPy's matrix calculus."""
    return objective_8_107(s).diff(s.dth)


def update_printed(s: Syms, dth=None):
    """(8.109): Δθ − ηΦᵀ(ΦΔθ − y)."""
    dth = s.dth if dth is None else dth
    return dth - eta * s.Phi.T * (s.Phi * dth - s.y)


def update_gd(s: Syms, objective: Callable[[Syms], sp.MatrixExpr] = objective_8_107):
    """Δθ − η ∇(objective): gradient descent with learning rate η on the given objective."""
    return s.dth - eta * objective(s).diff(s.dth)


def half_objective(s: Syms):
    return sp.Rational(1, 2) * objective_8_107(s)


# the printed right-hand sides of (8.110)–(8.115), in terms of Δθᵗ; each is claimed equal to ŷᵗ⁺¹ − y
def steps_8_110(s: Syms) -> dict[str, Callable[[], sp.MatrixExpr]]:
    P, I, d, y = s.Phi, s.I, s.dth, s.y
    return {
        "8.110": lambda: P * update_printed(s) - y,
        "8.111": lambda: P * (d - eta * P.T * (P * d - y)) - y,
        "8.112": lambda: (P - eta * P * P.T) * d - (I - eta * P * P.T) * y,
        "8.113": lambda: (I - eta * P * P.T) * P * d - (I - eta * P * P.T) * y,
        "8.114": lambda: (I - eta * P * P.T) * (P * d - y),
        "8.115": lambda: (I - eta * P * P.T) * (s.yhat - y),
    }


def corrected_8_112(s: Syms):
    P, I, d, y = s.Phi, s.I, s.dth, s.y
    return (P - eta * P * P.T * P) * d - (I - eta * P * P.T) * y


# --- GD on f: (8.138)–(8.141) -------------------------------------------------------------------------------
def b_t(s: Syms):
    return s.Phit.T * (s.yhat - s.y)


def steps_8_138(s: Syms) -> dict[str, Callable[[], sp.MatrixExpr]]:
    """The printed right-hand sides, each claimed equal to ŷᵗ⁺¹ − y for the first-order model
    ŷᵗ⁺¹ = ŷᵗ + Φᵗ(θᵗ⁺¹ − θᵗ), θᵗ⁺¹ − θᵗ = −ηbᵗ."""
    P, I, yh, y = s.Phit, s.I, s.yhat, s.y
    return {
        "8.138": lambda: yh - eta * P * b_t(s) - y,
        "8.139": lambda: yh + eta * P * P.T * (y - yh) - y,
        "8.140": lambda: yh - y + eta * P * P.T * (y - yh),
        "8.141": lambda: (I - eta * P * P.T) * (yh - y),
    }


# --- comparison machinery ----------------------------------------------------------------------------------
def shape_error(build: Callable[[Syms], sp.MatrixExpr], N: int = 2, P: int = 3) -> str | None:
    """Build an expression at concrete (n, p) = (N, P), N ≠ P; return SymPy's ShapeError message or None."""
    try:
        build(syms(N, P))
    except sp.ShapeError as exc:
        return str(exc)
    return None


def difference_generic(lhs: sp.MatrixExpr, rhs: sp.MatrixExpr) -> sp.MatrixExpr:
    """lhs − rhs expanded in the matrix algebra (ZeroMatrix proves the identity at generic shapes)."""
    return (lhs - rhs).expand().doit()


def is_zero(e) -> bool:
    return isinstance(e, sp.ZeroMatrix) or e == 0 or (hasattr(e, "is_ZeroMatrix") and e.is_ZeroMatrix)


def explicit(expr_builder: Callable[[Syms], sp.MatrixExpr], N: int = 2, P: int = 3, extra: dict | None = None):
    """Evaluate a builder at (n, p) = (N, P) with symbolic entries (explicit SymPy matrix)."""
    s = syms(N, P)
    e = expr_builder(s)
    return sp.Matrix(e.as_explicit())


def explicit_zero(lhs_builder, rhs_builder, N: int = 2, P: int = 3, subs: Callable[[Syms], dict] | None = None) -> bool:
    s = syms(N, P)
    L, R = lhs_builder(s), rhs_builder(s)
    diff = sp.Matrix((L - R).as_explicit())
    if subs is not None:
        diff = diff.subs(subs(s))
    return sp.expand(diff) == sp.zeros(*diff.shape)


# --- the gradient of L̂ (8.130) ------------------------------------------------------------------------------
def empirical_loss_gradient(N: int = 3, P: int = 2):
    """(derived ∇L̂, printed (8.130), the ½-loss gradient, params) with fᵢ undefined functions of θ.

    L̂(f_θ) = (1/n) Σᵢ (fᵢ(θ) − yᵢ)² ((8.59) with the square loss of (8.63)).
    """
    th = sp.symbols(f"theta1:{P + 1}", real=True)
    ys = sp.symbols(f"y1:{N + 1}", real=True)
    fs = [sp.Function(f"f{i + 1}")(*th) for i in range(N)]
    L = sum((fs[i] - ys[i]) ** 2 for i in range(N)) / N
    derived = sp.Matrix([sp.diff(L, t) for t in th])
    printed = sp.Matrix([sum((fs[i] - ys[i]) * sp.diff(fs[i], t) for i in range(N)) for t in th])
    return derived, printed, th, ys, fs
