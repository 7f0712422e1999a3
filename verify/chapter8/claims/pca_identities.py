"""§8.3.1, the calculus of the PCA objective: gradient, (8.2), (8.4)–(8.9), as printed."""
from __future__ import annotations

import sympy as sp
from sympy import Rational

from symbolic.chapter8 import pca
from symbolic.trace_normal_form import frob2, inner

from verify.engine.checks.identity import MatrixIdentity, check_matrix_identity
from verify.engine.claim import Erratum, Mutant, Step
from verify.engine.lazy import lazy
from verify.engine.registry import claim

S = pca.SYMBOLS
M, x, v, t, d = S.M, S.x, S.v, S.t, S.d
BASE = dict(symbols=(M, x, v), symmetric=(M,), dim=d)


def ident(lhs, rhs, label, **kw) -> MatrixIdentity:
    return MatrixIdentity(lhs=lhs, rhs=rhs, label=label, **{**BASE, **kw})


# --- the gradient "from HW0" ----------------------------------------------------
def _dir(grad):
    """⟨v, grad⟩: the gradient claim tested against the t¹ Taylor coefficient."""
    return v.T * grad


def _grad_stmt(grad, label="g(x + tv) to first order"):
    """g(x + tv) = g(x) + t⟨v, grad⟩ + O(t²): the gradient as the t¹ Taylor coefficient."""
    return ident(pca.objective(x + t * v), pca.objective(x) + t * sp.Trace(_dir(grad)),
                 label, series_in=t, order=1)


def _grad_derivation():
    nf, coeffs = pca.taylor_coefficients()
    return [
        Step("objective (8.1)", "g(x) = ½‖M − xxᵀ‖_F²", derived=pca.objective()),
        Step("Taylor t¹", "⟨v, ∇g(x)⟩ = coefficient of t in g(x + tv) (normal form)", derived=coeffs[1]),
        Step("matrix calculus", "∇g(x) by SymPy's matrix derivative, Mᵀ = M", derived=pca.gradient_matrix_calculus()),
        Step("printed", "the chapter's ∇g(x) = −(M − xxᵀ)x, as ⟨v, ·⟩", printed=r"\nabla g(x) = -(M - xx^\top)x",
             derived=nf(_dir(pca.printed_gradient())), holds=False),
    ]


claim(
    id="sec:8.3.1:pca-gradient",
    section="8.3.1",
    kind="identity",
    title="Gradient of the PCA objective",
    printed=r"From HW0, we know that $\nabla g(x) = -(M - xx^\top)x$",
    statement=lazy(lambda: _grad_stmt(pca.printed_gradient())),
    check=check_matrix_identity,
    erratum=Erratum(
        printed=r"\nabla g(x) = -(M - xx^\top)x",
        corrected=r"\nabla g(x) = -2(M - xx^\top)x",
        explanation="d/dx ½‖M − xxᵀ‖² = −(M − xxᵀ)x − (M − xxᵀ)ᵀx = −2(M − xxᵀ)x for symmetric M; "
        "for d = 1, g = ½(m − x²)² has g′ = −2x(m − x²). The conclusion (8.2) is unaffected.",
        corrected_statement=lazy(lambda: _grad_stmt(pca.corrected_gradient())),
    ),
    mutants=[
        Mutant("sign flipped: +2(M − xxᵀ)x", lazy(lambda: _grad_stmt(2 * (M - x * x.T) * x))),
        Mutant("−2(M + xxᵀ)x", lazy(lambda: _grad_stmt(-2 * (M + x * x.T) * x))),
        Mutant("−2Mx (xxᵀ term dropped)", lazy(lambda: _grad_stmt(-2 * M * x))),
    ],
    uses=["eq:8.1"],
    derivation=_grad_derivation,
)


# --- (8.2) ------------------------------------------------------------------------
def _stationary_stmt(rhs):
    """(M − xxᵀ)x = 0  ⟺  Mx = rhs: proved as (M − xxᵀ)x ≡ Mx − rhs, paired with a test vector v."""
    return ident(v.T * (M - x * x.T) * x, v.T * (M * x - rhs), "(M − xxᵀ)x vs Mx − ‖x‖²x")


claim(
    id="eq:8.2",
    section="8.3.1",
    kind="identity",
    title="Stationary points satisfy Mx = ‖x‖²x",
    printed=r"\nabla g(x) = 0 \implies Mx = \|x\|_2^2 \cdot x",
    equations=["8.2"],
    statement=lazy(lambda: _stationary_stmt(x * (x.T * x))),
    check=check_matrix_identity,
    mutants=[
        Mutant("Mx = x (the ‖x‖² factor dropped)", lazy(lambda: _stationary_stmt(x))),
        Mutant("Mx = 2‖x‖²x", lazy(lambda: _stationary_stmt(2 * x * (x.T * x)))),
        Mutant("Mx = ‖x‖⁴x", lazy(lambda: _stationary_stmt(x * (x.T * x) * (x.T * x)))),
    ],
    uses=["sec:8.3.1:pca-gradient"],
    notes=["proved as the identity (M − xxᵀ)x = Mx − ‖x‖²x, so ∇g(x) = 0 ⟺ Mx = ‖x‖²x "
           "with either the printed or the corrected gradient (they differ by a factor 2)"],
)


# --- (8.4)–(8.5): the Taylor trick -----------------------------------------------
def _expansion_stmt(approx):
    """g(x + tv) agrees with the printed expansion (v ↦ tv) up to and including t²."""
    return ident(pca.objective(x + t * v), approx, "g(x+tv) vs (8.5)", series_in=t, order=2)


def _expansion(half=Rational(1, 2), sign_c=-1, sign_b=-1):
    A = M - x * x.T
    B = t * (x * v.T + v * x.T)
    C = t**2 * (v * v.T)
    return Rational(1, 2) * frob2(A) + sign_b * inner(A, B) + half * inner(B, B) + sign_c * inner(A, C)


claim(
    id="eq:8.5",
    section="8.3.1",
    kind="identity",
    title="Second-order expansion of g(x + v)",
    printed=r"g(x+v) = \tfrac12\|M - xx^\top\|_F^2 - \langle M - xx^\top, xv^\top + vx^\top\rangle "
    r"+ \tfrac12\langle xv^\top + vx^\top, xv^\top + vx^\top\rangle - \langle M - xx^\top, vv^\top\rangle + \text{h.o.t.}",
    equations=["8.4", "8.5"],
    statement=lazy(lambda: _expansion_stmt(_expansion())),
    check=check_matrix_identity,
    mutants=[
        Mutant("½ dropped on ⟨B, B⟩", lazy(lambda: _expansion_stmt(_expansion(half=1)))),
        Mutant("sign of ⟨M − xxᵀ, vvᵀ⟩ flipped", lazy(lambda: _expansion_stmt(_expansion(sign_c=+1)))),
        Mutant("sign of the linear term flipped", lazy(lambda: _expansion_stmt(_expansion(sign_b=+1)))),
    ],
    uses=["eq:8.1"],
    notes=["checked as: the t⁰, t¹, t² coefficients of g(x + tv) equal those of (8.5) with v ↦ tv; "
           "the remaining terms ⟨B, vvᵀ⟩ (t³) and ½‖vvᵀ‖² (t⁴) are the higher-order terms"],
)


# --- (8.6)–(8.8): the Hessian quadratic form ------------------------------------------
def _q_stmt(rhs, label, scale=Rational(1, 2)):
    """scale·⟨v, ∇²g(x)v⟩ = rhs, with ⟨v, ∇²g(x)v⟩ derived as v ᵀ(∇²g)v from the Hessian matrix."""
    H = pca.hessian_matrix_generic()
    return ident(scale * (v.T * H * v), rhs, label)


claim(
    id="eq:8.6",
    section="8.3.1",
    kind="identity",
    title="Half the Hessian quadratic form, as inner products",
    printed=r"\tfrac12\langle v, \nabla^2 g(x) v\rangle = \tfrac12\langle xv^\top + vx^\top, xv^\top + vx^\top\rangle - \langle M - xx^\top, vv^\top\rangle",
    equations=["8.6"],
    statement=lazy(lambda: _q_stmt(pca.printed_8_6(), "(8.6)")),
    check=check_matrix_identity,
    mutants=[
        Mutant("without the ½ on the left", lazy(lambda: _q_stmt(pca.printed_8_6(), "(8.6)", scale=1))),
        Mutant("factor 2 on ⟨M − xxᵀ, vvᵀ⟩ (as in (8.17))", lazy(lambda: _q_stmt(
            Rational(1, 2) * inner(x * v.T + v * x.T, x * v.T + v * x.T) - 2 * inner(M - x * x.T, v * v.T), "(8.6)"))),
    ],
    uses=["eq:8.5"],
    notes=["the Hessian here is derived independently of (8.5): ∇²g is the polarisation of the t² "
           "coefficient of g(x + tv), and matches SymPy's matrix-calculus gradient differentiated once more",
           ],
)

claim(
    id="eq:8.7",
    section="8.3.1",
    kind="identity",
    title="Expanding the inner products of (8.6)",
    printed=r"= \langle x, v\rangle^2 + \|x\|_2^2\|v\|_2^2 - v^\top M v + \langle x, v\rangle^2",
    equations=["8.7"],
    statement=lazy(lambda: ident(pca.printed_8_6(), pca.printed_8_7(), "(8.6) = (8.7)")),
    check=check_matrix_identity,
    mutants=[
        Mutant("one ⟨x, v⟩² only", lazy(lambda: ident(pca.printed_8_6(), pca.printed_8_7() - (x.T * v) * (x.T * v), "(8.7)"))),
        Mutant("2‖x‖²‖v‖²", lazy(lambda: ident(pca.printed_8_6(), pca.printed_8_7() + (x.T * x) * (v.T * v), "(8.7)"))),
    ],
    uses=["eq:8.6"],
)

claim(
    id="eq:8.8",
    section="8.3.1",
    kind="identity",
    title="Hessian quadratic form of the PCA objective",
    printed=r"\tfrac12\langle v, \nabla^2 g(x) v\rangle = 2\langle x, v\rangle^2 + \|x\|_2^2\|v\|_2^2 - v^\top M v",
    equations=["8.8"],
    statement=lazy(lambda: _q_stmt(pca.printed_8_8(), "(8.8)")),
    check=check_matrix_identity,
    mutants=[
        Mutant("⟨x, v⟩² with coefficient 1", lazy(lambda: _q_stmt(pca.printed_8_8() - (x.T * v) * (x.T * v), "(8.8)"))),
        Mutant("‖x‖²‖v‖² dropped", lazy(lambda: _q_stmt(pca.printed_8_8() - (x.T * x) * (v.T * v), "(8.8)"))),
        Mutant("+vᵀMv", lazy(lambda: _q_stmt(pca.printed_8_8() + 2 * (v.T * M * v), "(8.8)"))),
    ],
    uses=["eq:8.7"],
)
