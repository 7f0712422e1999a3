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


# The premises of steps 4 and 5: which value each normal-form atom takes at a stationary point x with
# eigenvalue λ (‖x‖² = λ) along the unit top eigenvector v = v₁ (‖v₁‖ = 1, v₁ᵀMv₁ = λ₁), and at a top
# point (xᵀMx = λ₁², ‖x‖² = λ₁).  They are not trusted: ``instance_landscape`` evaluates every atom on
# the instance where the chain is applied and compares it with the premise's value, so a typed-in
# premise (‖x‖² ↦ 2λ, v₁ᵀMv₁ ↦ 2λ₁) makes the proof fail there.
PREMISES_V1 = (("⟨xᵀ x⟩", "lam"), ("⟨vᵀ v⟩", "1"), ("⟨vᵀ M v⟩", "lam1"))
PREMISES_TOP = (("⟨xᵀ M x⟩", "lam1**2"), ("⟨xᵀ x⟩", "lam1"))


def premise_value(text: str) -> sp.Expr:
    return sp.sympify(text, locals={"lam": lam, "lam1": lam1})


def _subs(premises) -> dict:
    return {sp.Symbol(k): premise_value(val) for k, val in premises}


@lru_cache(maxsize=None)
def steps(premises_v1: tuple = PREMISES_V1, premises_top: tuple = PREMISES_TOP) -> SimpleNamespace:
    """Each step's derived expression; a step holds when its `*_gap` is 0.  ``premises_*``: the atom values
    steps 4 and 5 substitute (defaults: the true ones; a mutant types in others)."""
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
    out.premises_v1, out.premises_top = premises_v1, premises_top
    at_v1 = _subs(premises_v1)
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
    at_top = _subs(premises_top)
    out.sos_at_top = sp.expand(sos.xreplace(at_top))
    # 6. q at a top point, with M = λ₁I − N: 2⟨x,v⟩² + vᵀNv (plus a λ₁(‖x‖² − λ₁)‖v‖² term that is 0 there)
    qN = atom(2 * (x.T * v) * (x.T * v) + (x.T * x) * (v.T * v) - v.T * (lam1 * sp.Identity(d) - N) * v)
    out.q_top = sp.expand(qN.xreplace(_name_subs({"⟨xᵀ x⟩": lam1})))
    out.q_top_gap = sp.expand(out.q_top - atom(2 * (x.T * v) * (x.T * v) + v.T * N * v))
    # v ⊥ x with Nv = 0 (λ₁ repeated): q = 0
    out.q_top_degenerate = sp.expand(out.q_top.xreplace(_name_subs({"⟨vᵀ x⟩": 0, "⟨vᵀ N v⟩": 0})))
    return out


# --- the chain applied to one concrete PSD matrix ---------------------------------------------------------
class Component(SimpleNamespace):
    """One component of the stationary set of g for a concrete M: the sphere {x ∈ E_λ : ‖x‖² = λ} of an
    eigenvalue λ > 0 (dimension mult(λ) − 1), or {0} (λ = 0).  ``cls`` is what the chain derives there."""


def _atoms_on(Mi: sp.Matrix, X: sp.Matrix, V: sp.Matrix) -> dict[str, sp.Expr]:
    """The normal-form atoms the premises name, evaluated exactly on (M, x, v)."""
    f = lambda e: sp.simplify(e[0, 0])
    return {"⟨xᵀ x⟩": f(X.T * X), "⟨vᵀ v⟩": f(V.T * V), "⟨vᵀ M v⟩": f(V.T * Mi * V), "⟨xᵀ M x⟩": f(X.T * Mi * X)}


def _g_poly(Mi: sp.Matrix, X: sp.Matrix, V: sp.Matrix) -> dict[int, sp.Expr]:
    """Coefficients of g(x + tv) = ½‖M − (x + tv)(x + tv)ᵀ‖_F² in t, computed on the instance itself."""
    Y = X + t * V
    R = Mi - Y * Y.T
    poly = sp.Poly(sp.expand(Rational(1, 2) * sum(e**2 for e in R)), t)
    return {k[0]: sp.simplify(cf) for k, cf in zip(poly.monoms(), poly.coeffs())}


@lru_cache(maxsize=None)
def instance_landscape(Mi: sp.ImmutableMatrix, premises_v1: tuple = PREMISES_V1,
                       premises_top: tuple = PREMISES_TOP) -> SimpleNamespace:
    """The chain of Theorem 8.7 applied to one symmetric PSD matrix: its stationary components (step 1:
    Mx = ‖x‖²x, so {0} and the spheres of the positive eigenvalues), each with the class the chain derives
    (step 5: λ = λ₁ is a global minimum; step 4: λ < λ₁ has q(x, v₁) = λ − λ₁ < 0, so (8.3) fails), every
    premise the chain substitutes evaluated on the instance (``failed``: the premises that are false there)."""
    Mi = sp.Matrix(Mi)
    n = Mi.rows
    pf = steps(premises_v1, premises_top)
    ev = sorted(Mi.eigenvects(), key=lambda e: -e[0])
    lam1_i = ev[0][0]
    basis = {val: sp.GramSchmidt(list(vecs), True) for val, _m, vecs in ev}
    v1 = basis[lam1_i][0]
    gstar = sp.simplify(Rational(1, 2) * sum(e**2 for e in Mi) - lam1_i**2 / 2)
    levels = [(sp.Integer(0), 1, sp.zeros(n, 1))]  # x = 0: the sphere of radius 0
    levels += [(val, m, sp.sqrt(val) * basis[val][0]) for val, m, _v in ev if val > 0]
    comps, failed = [], []
    for level, mult, X in levels:
        dim = mult - 1 if level > 0 else 0
        at = {lam: level, lam1: lam1_i}
        grad = sp.simplify(-2 * (Mi - X * X.T) * X)  # step 1 on the instance: x is stationary
        if grad != sp.zeros(n, 1):
            failed.append({"premise": "∇g(x) = 0", "level": str(level), "gradient": str(list(grad))})
        atoms = _atoms_on(Mi, X, v1)
        for name, val in premises_v1:  # the premises of (8.9)–(8.10) on this instance
            want = sp.simplify(premise_value(val).subs(at))
            if sp.simplify(atoms[name] - want) != 0:
                failed.append({"premise": f"{name} = {val}", "level": str(level), "instance": str(atoms[name]),
                               "premise value": str(want)})
        cval = sp.simplify((X.T * v1)[0, 0])
        q_chain = sp.simplify(pf.q_v1.subs(at).subs(c, cval))
        q_inst = _g_poly(Mi, X, v1).get(2, sp.Integer(0))  # ½⟨v₁, ∇²g(x)v₁⟩ on the instance
        if sp.simplify(q_chain - q_inst) != 0:
            failed.append({"premise": "q(x, v₁) from the chain = t² coefficient of g(x + tv₁)", "level": str(level),
                           "chain": str(q_chain), "instance": str(q_inst)})
        value = sp.simplify(Rational(1, 2) * sum(e**2 for e in (Mi - X * X.T)))
        if sp.simplify(level - lam1_i) == 0:
            for name, val in premises_top:  # step 5's premises at a top point
                want = sp.simplify(premise_value(val).subs(at))
                if sp.simplify(atoms[name] - want) != 0:
                    failed.append({"premise": f"{name} = {val}", "level": str(level), "instance": str(atoms[name]),
                                   "premise value": str(want)})
            sos = sp.simplify(pf.sos_at_top.subs(lam1, lam1_i))
            ok = pf.global_gap == 0 and sos == 0 and sp.simplify(value - gstar) == 0
            cls = "global minimum" if ok else None
            why = f"λ = λ₁ = {lam1_i}: g − g* = xᵀ(λ₁I − M)x + ½(‖x‖² − λ₁)² = {sos}"
        else:
            if cval != 0:
                failed.append({"premise": "⟨x, v₁⟩ = 0 for λ ≠ λ₁", "level": str(level), "instance": str(cval)})
            q2 = sp.simplify(pf.q_case2.subs(at)) if pf.q_case2 is not None else None
            cls = "not a local minimum" if q2 is not None and q2.is_negative else None
            why = f"λ = {level} < λ₁ = {lam1_i}: ½⟨v₁, ∇²g(x)v₁⟩ = {q2}"
        comps.append(Component(level=level, mult=mult, dim=dim, rep=X, cls=cls, value=value, q_v1=q_chain, why=why))
    return SimpleNamespace(M=Mi, lam1=lam1_i, gstar=gstar, components=comps, failed=failed, v1=v1,
                           spectrum=[(val, m) for val, m, _v in ev])


@lru_cache(maxsize=None)
def hessian_pd_at(Mi: sp.ImmutableMatrix, X: sp.ImmutableMatrix) -> tuple[bool, str]:
    """Is ∇²g(x) positive definite at x (exact, on the instance)?"""
    n = Mi.rows
    ys = sp.symbols(f"y0:{n}", real=True)
    Y = sp.Matrix(ys)
    gy = Rational(1, 2) * sum(e**2 for e in (sp.Matrix(Mi) - Y * Y.T))
    H = sp.hessian(gy, ys).subs(dict(zip(ys, list(X))))
    evs = H.eigenvals()
    return all(sp.simplify(e).is_positive for e in evs), f"Hessian eigenvalues {sorted(str(e) for e in evs)}"
