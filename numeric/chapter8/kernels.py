"""K∞ of (8.93)–(8.94): closed forms (lambdified from symbolic.chapter8.ntk_kernels), quadrature, Monte Carlo.

- ``kinf(X, act)``: the closed form on the Gram matrix of the rows of X.
- ``kinf_quadrature(x, x2, act)``: the same expectation E[σ'(wᵀx)σ'(wᵀx')]·⟨x, x'⟩ by numerical
  integration over (wᵀx, wᵀx') ∼ N(0, G): tensor composite Gauss–Legendre on [−9, 9]² in whitened
  coordinates (σ' = exp(−z²)) or
  a 1-D adaptive quadrature of the orthant probability P(z₁ > 0, z₂ > 0) = ∫₀^∞ φ(t) Φ(ρt/√(1−ρ²)) dt (ReLU).
- ``kinf_monte_carlo(X, m, act, rng)``: the empirical NTK of one random width-m network.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import sympy as sp
from scipy import integrate, stats

from symbolic.chapter8 import ntk_kernels as symk
from numeric.chapter8 import ntk as nn
@lru_cache(maxsize=None)
def _expectation_fn(act: str):
    """E[σ'(wᵀx)σ'(wᵀx')] in (g11, g22, g12); K∞ = g12 · E (symbolic.chapter8.ntk_kernels.kernel = g12·expectation)."""
    assert sp.simplify(symk.kernel(act) - symk.GRAM[2] * symk.expectation(act)) == 0
    return sp.lambdify(symk.GRAM, symk.expectation(act), modules=["numpy"])


def kernel_fn_from(expr: sp.Expr):
    """Lambdify any expression in (g11, g22, g12) (used to test mutated closed forms)."""
    return sp.lambdify(symk.GRAM, expr, modules=["numpy"])


def kinf(X: np.ndarray, act: str = "erf", X2: np.ndarray | None = None, expr: sp.Expr | None = None) -> np.ndarray:
    """K∞(X, X2) from the closed form (rows are inputs); ``expr`` replaces the closed form (mutants)."""
    X2 = X if X2 is None else X2
    G12 = X @ X2.T
    n1 = np.sum(X * X, axis=1)[:, None] * np.ones((1, X2.shape[0]))
    n2 = np.sum(X2 * X2, axis=1)[None, :] * np.ones((X.shape[0], 1))
    if expr is not None:
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.asarray(kernel_fn_from(expr)(n1, n2, G12), float) * np.ones_like(G12)
    E = _expectation_fn(act)
    with np.errstate(invalid="ignore"):
        out = np.asarray(E(n1, n2, G12), float) * np.ones_like(G12)
    # a cosine that rounding pushed to ±1 (parallel inputs): the expectation at u = ±1 exactly
    c = G12 / np.sqrt(n1 * n2)
    edge = np.abs(c) >= 1 - 1e-14
    if np.any(edge):
        out[edge] = np.asarray(E(1.0, 1.0, np.sign(c[edge])), float) if act == "relu" else \
            np.asarray(E(n1[edge], n2[edge], np.sign(c[edge]) * np.sqrt(n1[edge] * n2[edge])), float)
    return G12 * out


def kinf_quadrature(x: np.ndarray, x2: np.ndarray, act: str = "erf") -> float:
    g11, g22, g12 = float(x @ x), float(x2 @ x2), float(x @ x2)
    if act == "erf":
        # (z1, z2) = L (g1, g2), L the Cholesky factor of G; E h(z) = (1/π) Σ w_i w_j h(√2 L t_ij)
        G = np.array([[g11, g12], [g12, g22]])
        L = _psd_sqrt(G)  # any L with LLᵀ = G (rank-deficient G for parallel inputs)
        g, w = _composite_legendre()
        G1, G2 = np.meshgrid(g, g, indexing="ij")
        Z1 = L[0, 0] * G1 + L[0, 1] * G2
        Z2 = L[1, 0] * G1 + L[1, 1] * G2
        d1 = nn.act_fn("erf", 1)
        integrand = stats.norm.pdf(G1) * stats.norm.pdf(G2) * d1(Z1) * d1(Z2)
        E = float(w @ integrand @ w)
        return g12 * E
    if act == "relu":
        rho = g12 / np.sqrt(g11 * g22)
        if abs(rho) >= 1:
            E = 0.5 if rho > 0 else 0.0
        else:
            s = np.sqrt(1 - rho * rho)
            E = integrate.quad(lambda t: stats.norm.pdf(t) * stats.norm.cdf(rho * t / s), 0, np.inf,
                               epsabs=1e-13, epsrel=1e-12)[0]
        return g12 * E
    raise ValueError(act)


@lru_cache(maxsize=None)
def _composite_legendre(box: float = 9.0, panels: int = 48, order: int = 16):
    """Nodes and weights of composite Gauss–Legendre on [−box, box] (the Gaussian mass outside is < 1e-18)."""
    t, w = np.polynomial.legendre.leggauss(order)
    edges = np.linspace(-box, box, panels + 1)
    h = (edges[1] - edges[0]) / 2
    mids = (edges[:-1] + edges[1:]) / 2
    return (mids[:, None] + h * t[None, :]).ravel(), np.tile(h * w, panels)


def _psd_sqrt(G):
    vals, vecs = np.linalg.eigh(G)
    return vecs @ np.diag(np.sqrt(np.clip(vals, 0, None)))


def kinf_monte_carlo(X: np.ndarray, m: int, act: str, rng: np.random.Generator) -> np.ndarray:
    return nn.init(m, X.shape[1], rng, act).ntk(X)


def mean_square_mc(x: np.ndarray, m: int, act: str, rng: np.random.Generator) -> float:
    """(1/m) Σᵢ σ'(wᵢᵀx)² for one draw of W (the law-of-large-numbers average of (8.89)–(8.90))."""
    w = rng.standard_normal((m, x.shape[0]))
    return float(np.mean(nn.act_fn(act, 1)(w @ x) ** 2))
