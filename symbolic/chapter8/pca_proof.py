"""The printed proof of Theorem 8.7, step by step, at generic dimension d.

Every step is an exact computation in the trace normal form (symbolic.trace_normal_form)
with M symmetric of size d×d and x, v, v₁ in ℝᵈ, d a symbol; the hypotheses of a step
(Mx = λx, Mv₁ = λ₁v₁, ‖v₁‖ = 1, ‖x‖² = λ) enter as substitutions of normal-form atoms,
each of which is itself a normal-form identity under that hypothesis.

1. gradient:   the t¹ coefficient of g(x + tv) is ⟨v, −2(M − xxᵀ)x⟩, and
               (M − xxᵀ)x = Mx − ‖x‖²x: ∇g(x) = 0 ⟺ Mx = ‖x‖²x (x = 0 included, λ = 0).
2. curvature:  the t² coefficient of g(x + tv) is q(x, v) = 2⟨x,v⟩² + ‖x‖²‖v‖² − vᵀMv
               (= ½⟨v, ∇²g(x)v⟩, (8.6)–(8.8)).
3. orthogonal: ⟨v₁, Mx⟩ = ⟨Mv₁, x⟩ (M symmetric), so λ⟨x,v₁⟩ = λ₁⟨x,v₁⟩ and
               (λ − λ₁)⟨x, v₁⟩ = 0.
4. case 2:     q(x, v₁) = 2⟨x,v₁⟩² + λ − λ₁, which is λ − λ₁ < 0 when λ < λ₁ ((8.10)):
               the second-order necessary condition (8.3) fails, x is no local minimum.
5. case 1:     g(x) − (½‖M‖² − ½λ₁²) = xᵀ(λ₁I − M)x + ½(‖x‖² − λ₁)², a sum of two
               nonnegative terms (λ₁I − M ⪰ 0), both 0 when Mx = λ₁x and ‖x‖² = λ₁:
               those points are global minima (Eckart–Young, proved rather than cited).
6. Hessian at the minima: q(x, v) = 2⟨x,v⟩² + vᵀ(λ₁I − M)v ⪰ 0; it vanishes for v ⊥ x
               with Mv = λ₁v, so the Hessian is singular there when λ₁ is repeated.
"""
from __future__ import annotations

from functools import lru_cache
from types import SimpleNamespace

import sympy as sp
from sympy import MatrixSymbol, Rational

from symbolic.chapter8 import pca
from symbolic.trace_normal_form import frob2

S = pca.SYMBOLS
M, x, v, t, d = S.M, S.x, S.v, S.t, S.d
lam, lam1 = sp.symbols("lambda lambda_1", real=True)  # the eigenvalue ‖x‖² of x, the top eigenvalue
c = sp.Symbol("c", real=True)  # ⟨x, v₁⟩
N = MatrixSymbol("N", d, d)  # λ₁I − M ⪰ 0


def _nf():
    return pca.normal_form()


def atom(expr) -> sp.Expr:
    """The normal form of a scalar matrix expression (a polynomial in named atoms)."""
    return sp.expand(_nf()(expr))


def _name_subs(mapping: dict[str, sp.Expr]) -> dict:
    return {sp.Symbol(k): val for k, val in mapping.items()}


@lru_cache(maxsize=None)
def steps() -> SimpleNamespace:
    """Each step's derived expression; a step holds when its `*_gap` is 0."""
    nf, coeffs = pca.taylor_coefficients()
    out = SimpleNamespace()
    # 1. gradient and stationarity
    out.grad_gap = sp.expand(coeffs[1] - atom(-2 * v.T * (M - x * x.T) * x))
    out.stationary_gap = sp.expand(atom(v.T * (M - x * x.T) * x) - atom(v.T * M * x - (x.T * x) * (v.T * x)))
    # 2. curvature q(x, v) = t² coefficient
    out.q = sp.expand(coeffs[2])
    out.q_gap = sp.expand(out.q - atom(2 * (x.T * v) * (x.T * v) + (x.T * x) * (v.T * v) - v.T * M * v))
    # 3. symmetry of M: ⟨v, Mx⟩ and ⟨Mv, x⟩ are one atom
    out.symmetry_gap = sp.expand(atom(v.T * M * x) - atom((M * v).T * x))
    # with Mx = λx the atom ⟨v, Mx⟩ is λ⟨x, v⟩; with Mv₁ = λ₁v₁ it is λ₁⟨x, v⟩: their difference must vanish
    xv = atom(x.T * v)
    out.orthogonality = sp.expand(atom(v.T * (lam * x)) - atom((lam1 * v).T * x)).subs(xv, c)  # (λ − λ₁)c = 0
    # 4. q at a stationary x (‖x‖² = λ) along the unit top eigenvector v = v₁ (vᵀMv = λ₁)
    at_v1 = _name_subs({"⟨xᵀ x⟩": lam, "⟨vᵀ v⟩": sp.Integer(1), "⟨vᵀ M v⟩": lam1})
    out.q_v1 = sp.expand(out.q.xreplace(at_v1).subs(xv, c))
    # λ ≠ λ₁: divide (λ − λ₁)c = 0 by λ − λ₁; what is left must be c itself, so c = 0
    out.c_quotient = sp.cancel(out.orthogonality / (lam - lam1))
    out.q_case2 = sp.expand(out.q_v1.subs(c, 0)) if out.c_quotient == c else None
    # 5. case 1: the gap to ½‖M‖² − ½λ₁² as a sum of nonnegative terms, with M = λ₁I − N
    g = pca.objective()
    value_gap = atom(g) - (Rational(1, 2) * atom(frob2(M)) - lam1**2 / 2)
    sos = atom(x.T * (lam1 * sp.Identity(d) - M) * x) + Rational(1, 2) * (atom(x.T * x) - lam1) ** 2
    out.global_gap = sp.expand(value_gap - sos)
    # at Mx = λ₁x, ‖x‖² = λ₁ the two terms vanish
    at_top = _name_subs({"⟨xᵀ M x⟩": lam1 * lam1, "⟨xᵀ x⟩": lam1})
    out.sos_at_top = sp.expand(sos.xreplace(at_top))
    # 6. q at a top point, with M = λ₁I − N: 2⟨x,v⟩² + vᵀNv (plus a λ₁(‖x‖² − λ₁)‖v‖² term that is 0 there)
    qN = atom(2 * (x.T * v) * (x.T * v) + (x.T * x) * (v.T * v) - v.T * (lam1 * sp.Identity(d) - N) * v)
    out.q_top = sp.expand(qN.xreplace(_name_subs({"⟨xᵀ x⟩": lam1})))
    out.q_top_gap = sp.expand(out.q_top - atom(2 * (x.T * v) * (x.T * v) + v.T * N * v))
    # v ⊥ x with Nv = 0 (λ₁ repeated): q = 0
    out.q_top_degenerate = sp.expand(out.q_top.xreplace(_name_subs({"⟨vᵀ x⟩": 0, "⟨vᵀ N v⟩": 0})))
    return out
