"""Remark 8.31's toy model: one data point (x, y) = (1, 1), f̄_θ(x) = x(θ + βθ²), θ⁰ = 0.

Everything here is SymPy: the model, its θ-derivatives, the linearisation ḡ at θ⁰, the
losses (8.74)–(8.77) (square loss without ½, n = 1), the minimiser of L̂(αḡ), the gap
αf̄ − αḡ and its maximum on [0, 1/α], and the loss gap used by Figure 8.8.
"""
from __future__ import annotations

from functools import lru_cache

import sympy as sp

from symbolic.chapter8.ntk import linearisation

theta = sp.Symbol("theta", real=True)
beta = sp.Symbol("beta", positive=True)
alpha = sp.Symbol("alpha", positive=True)
x = sp.Symbol("x", real=True)
y = sp.Symbol("y", real=True)
POINT = {x: 1, y: 1}


def fbar(X=x) -> sp.Expr:
    return X * (theta + beta * theta**2)


def gbar(X=x) -> sp.Expr:
    """ḡ_θ(x): the Taylor linearisation of f̄ at θ⁰ = 0 (8.54)."""
    return sp.expand(linearisation(fbar(X), [theta], {theta: 0}))


def grad_fbar(X=x) -> sp.Expr:
    """∇_θ f̄_θ(x) (a scalar: θ is one-dimensional)."""
    return sp.diff(fbar(X), theta)


def loss(model: sp.Expr, scale=1) -> sp.Expr:
    """L̂ of scale·model at (x, y) = (1, 1): (y − scale·model)², the square loss of (8.63) with n = 1."""
    return sp.expand(((y - scale * model) ** 2).subs(POINT))


def lipschitz_of(expr: sp.Expr) -> sp.Expr:
    """Lipschitz constant in θ of an expression polynomial in θ of degree ≤ 1 in θ: |d/dθ|, θ-free."""
    dd = sp.diff(expr, theta)
    assert theta not in dd.free_symbols, "not affine in θ"
    return sp.Abs(dd)


@lru_cache(maxsize=None)
def minimiser_linear(scale=alpha):
    """The minimisers of L̂(scale·ḡ) over θ (solveset of the derivative)."""
    return sp.solveset(sp.diff(loss(gbar(), scale), theta), theta, domain=sp.S.Reals)


def gap(scale=alpha) -> sp.Expr:
    """scale·f̄ − scale·ḡ at x = 1."""
    return sp.expand(scale * (fbar() - gbar()).subs(x, 1))


def max_on(expr: sp.Expr, lo, hi) -> sp.Expr:
    """max of a polynomial in θ over [lo, hi]: endpoints and interior critical points (exact)."""
    crit = sp.solveset(sp.diff(expr, theta), theta, domain=sp.Interval(lo, hi))
    pts = [lo, hi] + (list(crit) if isinstance(crit, sp.FiniteSet) else [])
    vals = [sp.simplify(expr.subs(theta, p)) for p in pts]
    return sp.simplify(sp.Max(*vals))


def loss_gap(scale=alpha) -> sp.Expr:
    """L̂(αf̄) − L̂(αḡ), the quantity Figure 8.8 shows shrinking on [0, 1/α]."""
    return sp.expand(loss(fbar(), scale) - loss(gbar(), scale))
