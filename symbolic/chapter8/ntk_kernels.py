"""The infinite-width kernel K∞ of (8.93)–(8.94), derived in closed form.

K∞(x, x') = ⟨x, x'⟩ · E_{w∼N(0,I)}[σ'(wᵀx) σ'(wᵀx')]; (wᵀx, wᵀx') ∼ N(0, G) with G the Gram
matrix of (x, x'), so everything is a function of g11 = ‖x‖², g22 = ‖x'‖², g12 = ⟨x, x'⟩.

- σ' = exp(−z²) (σ = (√π/2) erf): E[exp(−wᵀAw)] with A = xxᵀ + x'x'ᵀ equals det(I + 2A)^(−1/2)
  (rotate to A's eigenbasis; each coordinate gives the 1-D Gaussian integral
  E[exp(−λg²)] = (1 + 2λ)^(−1/2), done by SymPy), and det(I_d + 2A) = det(I₂ + 2G) =
  (1 + 2g11)(1 + 2g22) − 4g12² (checked by SymPy at d = 3 with symbolic entries; the
  determinant identity det(I_d + UUᵀ) = det(I₂ + UᵀU) makes it hold at every d).
- σ' = 1{z > 0} (ReLU): P(wᵀx > 0, wᵀx' > 0) = (π − arccos u)/(2π), u = g12/√(g11 g22): in
  the plane of (x, x') the rotation-invariant Gaussian puts mass (angle)/(2π) on the wedge
  {cos φ > 0, cos(φ − ψ) > 0}, ψ = arccos u, an arc (ψ − π/2, π/2) of length π − ψ;
  equal to Sheppard's 1/4 + arcsin(u)/(2π) (checked by SymPy).
"""
from __future__ import annotations

from functools import lru_cache

import sympy as sp

g11, g22 = sp.symbols("g11 g22", positive=True)
g12 = sp.Symbol("g12", real=True)
u = sp.Symbol("u", real=True)
lam = sp.Symbol("lambda", nonnegative=True)
GRAM = (g11, g22, g12)


@lru_cache(maxsize=None)
def gaussian_exp_quadratic() -> sp.Expr:
    """E_{g∼N(0,1)}[exp(−λ g²)] by SymPy integration."""
    g = sp.Symbol("g", real=True)
    return sp.simplify(sp.integrate(sp.exp(-lam * g**2) * sp.exp(-g**2 / 2) / sp.sqrt(2 * sp.pi), (g, -sp.oo, sp.oo), conds="none"))


@lru_cache(maxsize=None)
def determinant_identity(d: int = 3) -> sp.Expr:
    """det(I_d + 2(xxᵀ + x'x'ᵀ)) − [(1 + 2‖x‖²)(1 + 2‖x'‖²) − 4⟨x, x'⟩²], expanded (0 proves it at this d)."""
    x = sp.Matrix(sp.symbols(f"x1:{d + 1}", real=True))
    xp = sp.Matrix(sp.symbols(f"y1:{d + 1}", real=True))
    A = x * x.T + xp * xp.T
    lhs = (sp.eye(d) + 2 * A).det(method="berkowitz")
    n1, n2, c = (x.T * x)[0], (xp.T * xp)[0], (x.T * xp)[0]
    return sp.expand(lhs - ((1 + 2 * n1) * (1 + 2 * n2) - 4 * c**2))


def erf_expectation() -> sp.Expr:
    """E[σ'(wᵀx) σ'(wᵀx')] for σ' = exp(−z²), in (g11, g22, g12)."""
    return 1 / sp.sqrt((1 + 2 * g11) * (1 + 2 * g22) - 4 * g12**2)


def erf_kernel() -> sp.Expr:
    """K∞(x, x') for σ = (√π/2) erf."""
    return g12 * erf_expectation()


def erf_mean_square() -> sp.Expr:
    """(8.90): E[σ'(wᵀx)²] = E[exp(−2(wᵀx)²)] = (1 + 4‖x‖²)^(−1/2): the 1-D integral at λ = 2‖x‖²."""
    return gaussian_exp_quadratic().subs(lam, 2 * g11)


def relu_expectation() -> sp.Expr:
    """P(wᵀx > 0, wᵀx' > 0) = (π − arccos u)/(2π)."""
    return (sp.pi - sp.acos(g12 / sp.sqrt(g11 * g22))) / (2 * sp.pi)


def relu_kernel() -> sp.Expr:
    """K∞(x, x') for ReLU (first-layer NTK): ⟨x, x'⟩ (π − arccos u)/(2π)."""
    return g12 * relu_expectation()


def relu_mean_square() -> sp.Expr:
    """(8.90) for ReLU: E[1{wᵀx > 0}²] = 1/2."""
    return sp.Rational(1, 2)


def sheppard_difference() -> sp.Expr:
    """(π − arccos u)/(2π) − (1/4 + arcsin(u)/(2π)), simplified (0: the two forms agree)."""
    return sp.simplify(((sp.pi - sp.acos(u)) / (2 * sp.pi) - (sp.Rational(1, 4) + sp.asin(u) / (2 * sp.pi))).rewrite(sp.asin))


def kernel(name: str) -> sp.Expr:
    return {"erf": erf_kernel, "relu": relu_kernel}[name]()


def expectation(name: str) -> sp.Expr:
    return {"erf": erf_expectation, "relu": relu_expectation}[name]()


def mean_square(name: str) -> sp.Expr:
    return {"erf": erf_mean_square, "relu": relu_mean_square}[name]()


def diagonal(name: str) -> sp.Expr:
    """K∞(x, x) = ‖x‖² E[σ'(wᵀx)²] as a function of g11."""
    return g11 * mean_square(name)
