"""§8.3.1, the landscape of the PCA objective: (8.1), Step 1, (8.9), (8.10), Theorem 8.7, Remark 8.8.

The numbers come from numeric.chapter8.pca (lambdified from symbolic.chapter8.pca); hypothesis draws
PSD matrices with the hard spectra on purpose (repeated and clustered top
eigenvalues, near-singular, zero).
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from numeric.adversaries import Class, admitted
from numeric.chapter8 import pca as npca
from symbolic.chapter8 import pca
from verify.engine.checks.identity import MatrixIdentity, check_matrix_identity
from verify.engine.attacks import Quantified
from verify.engine.claim import Erratum, Mutant, Outcome, Premise, Proof, Step, all_of
from verify.engine.lazy import lazy
from verify.engine.registry import claim
from verify.engine.falsify import search
from verify.engine import strategies as vst
S = pca.SYMBOLS
M, x, v, d = S.M, S.x, S.v, S.d
PSD_CLASS = Class("symmetric PSD M", "psd", ("PSD",), "the matrices of §8.3.1 (M symmetric, M ⪰ 0; any d)")


def psd(min_d=1, max_d=5, **kw):
    return vst.psd_matrices(d=st.integers(min_d, max_d), **kw)


def _show(inst):
    return {"M": np.round(inst.M, 6).tolist(), "eigenvalues": np.round(inst.eigenvalues, 6).tolist(), "kind": inst.kind}


# --- (8.1): the objective, and "the objective function here is non-convex" -------------
@dataclass(frozen=True)
class Nonconvex:
    allow_zero: bool  # the printed claim quantifies over every PSD M, M = 0 included
    threshold: float = 0.0  # claims λ_min ∇²g(0) < -threshold


def _check_nonconvex(stmt: Nonconvex, ctx) -> Outcome:
    """At generic d: ½⟨v, ∇²g(0)v⟩ = −vᵀMv (the t² coefficient at x = 0), so λ_min ∇²g(0) = −2λ₁;
    'λ_min ∇²g(0) < −threshold for every admissible M' is decided over λ₁ ≥ 0 (or > 0 when M ≠ 0)."""
    from symbolic.chapter8 import pca_proof as P
    pf = P.steps()
    at0 = {sp.Symbol("⟨xᵀ x⟩"): 0, sp.Symbol("⟨vᵀ x⟩"): 0}
    q0 = sp.expand(pf.q.xreplace(at0))  # ½⟨v, ∇²g(0) v⟩
    lam_min = 2 * q0.xreplace({sp.Symbol("⟨vᵀ v⟩"): 1, sp.Symbol("⟨vᵀ M v⟩"): P.lam1})  # along the unit top v₁
    l1 = sp.Symbol("lambda_1", positive=True)
    margin = sp.expand(-lam_min - sp.nsimplify(stmt.threshold))  # > 0: negative curvature below −threshold
    ok_pos = margin.subs(P.lam1, l1).is_positive is True
    ok_zero = bool(margin.subs(P.lam1, 0) > 0) if stmt.allow_zero else True
    holds = ok_pos and ok_zero
    ce = None
    if not holds:
        lv = 0 if not ok_zero else 1
        ce = {"M": "0" if lv == 0 else "diag(1)", "lambda_min(hess g(0))": str(lam_min.subs(P.lam1, lv)),
              "claimed": f"< {-stmt.threshold}"}
    # M = 0: q(x, v) = 2⟨x,v⟩² + ‖x‖²‖v‖² ≥ 0 everywhere, g = ½‖x‖⁴ is convex (the erratum's edge case)
    q_m0 = sp.expand(pf.q.xreplace({sp.Symbol("⟨vᵀ M v⟩"): 0}))
    xv = sp.Symbol("⟨vᵀ x⟩")
    gens = sorted(q_m0.free_symbols, key=str)  # ‖v‖², ‖x‖² ≥ 0; ⟨x, v⟩ must appear to even powers only
    sos = xv in gens and all(c > 0 and m[gens.index(xv)] % 2 == 0 for m, c in sp.Poly(q_m0, *gens).terms())
    steps = [Step("Hessian at 0", "½⟨v, ∇²g(0)v⟩ (t² coefficient of g(tv), generic d)", derived=q0),
             Step("λ_min ∇²g(0)", "2·q(0, v₁) with ‖v₁‖ = 1, v₁ᵀMv₁ = λ₁", derived=lam_min, holds=holds),
             Step("M = 0", "q(x, v) = 2⟨x,v⟩² + ‖x‖²‖v‖² ≥ 0 for all x, v: g is convex", derived=q_m0, holds=sos)]
    return Outcome(holds, ["symbolic (trace normal form, generic d)"], 1, 0.0 if holds else None, ce, steps=steps,
                   notes=["a C² function is convex iff its Hessian is PSD everywhere; ∇²g(0) = −2M"],
                   strength="proved" if holds else "exact", sizes=[] if holds else [f"M = {ce['M']}"])


claim(
    id="eq:8.1",
    section="8.3.1",
    kind="definition",
    title="The PCA objective is non-convex",
    printed=r"\min_{x} g(x) \triangleq \tfrac12\|M - xx^\top\|_F^2,\ M \succeq 0 \text{ symmetric}; "
    r"\text{“The objective function here is non-convex”}",
    equations=["8.1"],
    statement=Nonconvex(allow_zero=True),
    check=_check_nonconvex,
    erratum=Erratum(
        printed="for every symmetric PSD M, g is non-convex",
        corrected="g is non-convex iff M ≠ 0 (∇²g(0) = −2M); for M = 0, g(x) = ½‖x‖⁴ is convex",
        explanation="an edge case of the sentence after (8.1): the zero matrix is PSD and makes g convex. "
        "Nothing later depends on it.",
        corrected_statement=Nonconvex(allow_zero=False),
    ),
    erratum_equations=["prose"],  # the edge case is in the sentence after (8.1); the definition (8.1) is not wrong
    mutants=[Mutant("negative curvature below −2λ₁ − 1 at 0", Nonconvex(allow_zero=False, threshold=1e3))],
    notes=["(8.1) is the definition of g; the check is on the property the text states of it (the sentence after "
           "it), so the equation keeps the definition colour and the erratum sits on the sentence (issue 21)"],
)


# --- Step 1: stationary points -----------------------------------------------------------
@dataclass(frozen=True)
class StationaryAreEigenvectors:
    allow_zero: bool  # corrected: "0 or an eigenvector"
    power: int = 2  # eigenvalue ‖x‖^power
    sets: str = "spheres"  # the nonzero stationary points: 'spheres' {x ∈ E_λ : ‖x‖² = λ}, or 'points' ±√λᵢuᵢ


def _decide_stationary(stmt: StationaryAreEigenvectors, member, ctx) -> Outcome:
    return _stationary_on(stmt, sp.ImmutableMatrix(member.obj))


@lru_cache(maxsize=None)
def _stationary_on(stmt: StationaryAreEigenvectors, Mi) -> Outcome:
    """On one PSD M (exact): x = 0, and in each eigenspace E_λ (λ > 0) the point √λ·u, plus, when dim E_λ ≥ 2,
    the point √λ(3u + 4u′)/5 off the eigenbasis; each is stationary (∇g = −2(M − xxᵀ)x = 0 exactly) and is
    tested against the statement."""
    # x = s·w with w rational (an unnormalised eigenvector, orthogonalised without normalising) and
    # s² = λ/‖w‖², so every test below is rational arithmetic: xxᵀ = s²wwᵀ, ∇g(x) = −2s(M − s²wwᵀ)w
    Mi = sp.Matrix(Mi)
    n = Mi.rows
    pts = [(sp.zeros(n, 1), sp.Integer(0), "x = 0")]
    basis = []
    for val, mult, vecs in Mi.eigenvects():
        if val <= 0:
            continue
        B = sp.GramSchmidt(list(vecs), False)
        basis += B
        pts.append((B[0], val, f"√λ·u, λ = {val}"))
        if mult >= 2:
            pts.append((3 * B[0] + 4 * B[1], val,
                        f"√λ(3u + 4u′)/‖3u + 4u′‖ in E_λ, λ = {val}, dim {mult}"))
    for w, val, name in pts:
        w2 = (w.T * w)[0, 0]
        s2 = val / w2 if w2 != 0 else sp.Integer(0)
        X = sp.sqrt(s2) * w
        if (Mi - s2 * w * w.T) * w != sp.zeros(n, 1):
            return Outcome(None, ["exact"], 1, notes=[f"{name} is not stationary"])
        ce = {"M": str(Mi.tolist()), "x": [str(sp.nsimplify(c)) for c in X], "∇g(x)": "0"}
        if w2 == 0 and not stmt.allow_zero:
            return Outcome(False, ["exact"], 1, None, {**ce, "why": "x = 0 is stationary and not an eigenvector"},
                           strength="exact")
        if w2 == 0:
            continue
        nrm2 = s2 * w2  # ‖x‖² = λ
        if Mi * w != sp.simplify(nrm2 ** sp.Rational(stmt.power, 2)) * w:
            return Outcome(False, ["exact"], 1, None, {**ce, "why": f"Mx ≠ ‖x‖^{stmt.power}x"}, strength="exact")
        parallel = lambda u: sp.Matrix.hstack(w, u).rank() == 1
        if stmt.sets == "points" and not any(parallel(u) for u in basis):
            return Outcome(False, ["exact"], 1, None, {**ce, "why": f"{name}: stationary, not ±√λᵢuᵢ for the eigenbasis "
                                                           "(λ repeated: a sphere of stationary points)"}, strength="exact")
    return Outcome(True, ["exact"], len(pts), 0.0, strength="exact", notes=[f"{len(pts)} stationary points tested"])


def _exact_stationary_points(Mint: sp.Matrix):
    """All real solutions of ∇g(x) = 0 for a concrete rational M (SymPy solve)."""
    n = Mint.shape[0]
    xs = sp.symbols(f"y0:{n}", real=True)
    X = sp.Matrix(xs)
    grad = -2 * (Mint - X * X.T) * X  # the derived gradient, checked in sec:8.3.1:pca-gradient
    sols = sp.solve(list(grad), xs, dict=True)
    return [sp.Matrix([s.get(xi, xi) for xi in xs]) for s in sols]


def _check_stationary(stmt: StationaryAreEigenvectors, ctx) -> Outcome:
    for m in admitted(PSD_CLASS):  # the set description on every PSD bank member
        o = _decide_stationary(stmt, m, ctx)
        if o.holds is False:
            return Outcome(False, ["exact (PSD bank)"], 1, None, {"member": m.name, **o.counterexample},
                           strength="exact", sizes=[m.name],
                           proof=[Proof("exact", f"the statement's set fails on {m.name} (exact stationary points)",
                                        o.counterexample, size=m.name, path="PSD bank")])
    # (i) exact: solve ∇g = 0 with SymPy for small integer PSD matrices, every solution tested
    rng = ctx.rng("exact-stationary")
    worst, n_pts, ce = 0.0, 0, None
    mats = [sp.Matrix([[2, 0], [0, 1]]), sp.Matrix([[1, 0], [0, 1]]), sp.Matrix([[2, 1], [1, 2]]), sp.zeros(2, 2)]
    for _ in range(2):
        A = sp.Matrix(rng.integers(-2, 3, size=(2, 2)).tolist())
        mats.append(A * A.T)
    tested = []  # the exact objects that decide: every real solution, with its M
    for Mi in mats:
        for p in _exact_stationary_points(Mi):
            tested.append((Mi, p))
            n_pts += 1
            nrm2 = (p.T * p)[0, 0]
            is_zero = all(c == 0 for c in p)
            if is_zero:
                ok = stmt.allow_zero
            else:
                ok = sp.simplify(Mi * p - nrm2 ** sp.Rational(stmt.power, 2) * p) == sp.zeros(2, 1)
            if not ok and ce is None:
                ce = {"M": Mi.tolist(), "x": [str(c) for c in p]}
                worst = -1.0
    exact = Outcome(ce is None, ["symbolic (sympy.solve of ∇g = 0, d = 2)"], n_pts, worst, ce, strength="exact", sizes=["d = 2, six integer PSD matrices"],
                    proof=[Proof("exact", "every real solution of ∇g = 0 (sympy.solve), tested in exact arithmetic",
                                 tested, size="d = 2")])
    if ce is not None:
        return exact
    if stmt.allow_zero and stmt.power == 2:
        # the corrected statement at generic d: ∇g = −2(M − xxᵀ)x and (M − xxᵀ)x = Mx − ‖x‖²x, so
        # ∇g(x) = 0 ⟺ Mx = ‖x‖²x: x = 0, or x ≠ 0 an eigenvector with eigenvalue ‖x‖²
        from symbolic.chapter8 import pca_proof as P
        pf = P.steps()
        ok = pf.grad_gap == 0 and pf.stationary_gap == 0
        gen = Outcome(ok, ["symbolic (trace normal form, generic d)"], 1, 0.0 if ok else None, steps=[
            Step("∇g", "t¹ coefficient of g(x + tv) − ⟨v, −2(M − xxᵀ)x⟩", derived=pf.grad_gap, holds=pf.grad_gap == 0),
            Step("(8.2)", "⟨v, (M − xxᵀ)x⟩ − ⟨v, Mx − ‖x‖²x⟩", derived=pf.stationary_gap, holds=pf.stationary_gap == 0)],
            notes=["generic d: ∇g(x) = 0 ⟺ Mx = ‖x‖²x; the exact solutions at d = 2 are an independent check"],
            strength="proved")
        return Outcome(gen.holds, gen.methods + exact.methods, gen.examples + exact.examples, gen.worst_margin,
                       steps=gen.steps + exact.steps, notes=gen.notes, strength="proved")

    # (ii) numeric: stationary points found from random starts by solving ∇g = 0 (scipy), d ≤ 5
    from scipy.optimize import root

    grad = npca.gradient()

    def margin(inst):
        Mb = inst.M[None]
        n = inst.M.shape[0]
        r = np.random.default_rng(zlib.crc32(inst.M.tobytes()))
        worst = np.inf
        scale = 1 + inst.eigenvalues[0]
        for _ in range(6):
            sol = root(lambda z: grad(Mb, z[None]).ravel(), r.normal(size=n) * np.sqrt(scale), tol=1e-13)
            z = sol.x
            if np.linalg.norm(grad(Mb, z[None])) > 1e-8 * scale**1.5:
                continue
            nz = np.linalg.norm(z)
            if nz < 1e-7:
                worst = min(worst, 0.0 if stmt.allow_zero else -1.0)
                continue
            res = np.linalg.norm(inst.M @ z - nz**stmt.power * z) / (scale * max(nz, 1e-300))
            worst = min(worst, -res + 1e-7)
        return worst if np.isfinite(worst) else 0.0

    num = search(psd(kinds=("any",)), margin, ctx, name="stationary", describe=_show)
    return all_of(exact, num)


claim(
    id="sec:8.3.1:stationary-points",
    section="8.3.1",
    kind="identity",
    title="Step 1: every stationary point is an eigenvector with eigenvalue ‖x‖²",
    printed=r"Step 1: Show that all stationary points must be eigenvectors … x is an eigenvector of M with eigenvalue $\|x\|_2^2$",
    statement=StationaryAreEigenvectors(allow_zero=False),
    check=_check_stationary,
    erratum=Erratum(
        printed="every stationary point x of g is an eigenvector of M with eigenvalue ‖x‖²",
        corrected="every stationary point is x = 0 or an eigenvector of M with eigenvalue ‖x‖²: the stationary set "
        "is {0} ∪ ⋃_{λ > 0 eigenvalue} {x ∈ E_λ : ‖x‖² = λ} (the points ±√λᵢuᵢ only when λᵢ is simple; a sphere "
        "of dimension mult(λ) − 1 in E_λ otherwise)",
        explanation="severity: edge-case. x = 0 is always stationary (∇g(0) = 0) and is not an eigenvector; the proof "
        "survives ((8.10) with λ = 0 handles it). The first correction also listed the nonzero stationary points as "
        "±√λᵢuᵢ; the second reader broke that with M = I₂, x = (cos 0.7, sin 0.7): with a repeated eigenvalue every "
        "point of the sphere {x ∈ E_λ : ‖x‖² = λ} is stationary. The correction now states the set. The same "
        "error stands in two later sentences of the proof, corrected the same way (second reader V2): 'Note that by "
        "(8.2), all our candidates for local minima are eigenvectors of M' (x = 0 is a candidate for every M: a local "
        "maximum when M ≻ 0, the minimum when M = 0) and Step 2's heading 'all local minima must be eigenvectors of "
        "the largest eigenvalue' (for M = 0, g = ½‖x‖⁴ has the one local minimum x = 0; see thm:8.7's correction).",
        corrected_statement=StationaryAreEigenvectors(allow_zero=True),
    ),
    quantified=Quantified(PSD_CLASS, _decide_stationary, shapes=("pca-spectrum",)),
    mutants=[Mutant("eigenvalue ‖x‖ instead of ‖x‖²", StationaryAreEigenvectors(allow_zero=True, power=1)),
             Mutant("the nonzero stationary points are the isolated points ±√λᵢuᵢ (repeated λ ignored)",
                    StationaryAreEigenvectors(allow_zero=True, sets="points"))],
    uses=["eq:8.2", "sec:8.3.1:pca-gradient"],
)


# --- (8.9) -------------------------------------------------------------------------------------
def _unit_top_sampler(rng, n):
    """Exact instances of (8.9)'s hypotheses: M diagonal, v₁ = e₁ its top unit eigenvector."""
    lam = sorted(rng.integers(0, 6, size=n).tolist(), reverse=True)
    lam[0] += 1
    Mi = sp.diag(*lam)
    return {M: sp.ImmutableMatrix(Mi), x: sp.ImmutableMatrix(rng.integers(-3, 4, size=(n, 1)).tolist()),
            v: sp.ImmutableMatrix([[1]] + [[0]] * (n - 1))}


def _eq89(scale, rhs):
    H = pca.hessian_matrix_generic()
    return MatrixIdentity(lhs=scale * (v.T * H * v), rhs=rhs, symbols=(M, x, v), symmetric=(M,), dim=d,
                          atom_subs=(Premise("⟨vᵀ v⟩", sp.Integer(1), "hypothesis"),), sampler=_unit_top_sampler, label="(8.9)")


_RHS_89 = 2 * (x.T * v) * (x.T * v) - v.T * M * v + x.T * x
claim(
    id="eq:8.9",
    section="8.3.1",
    kind="identity",
    title="Curvature along the top eigenvector v₁",
    printed=r"\langle v_1, \nabla^2 g(x) v_1\rangle = 2\langle x, v_1\rangle^2 - v_1^\top M v_1 + \|x\|_2^2 \geq 0",
    equations=["8.9"],
    statement=lazy(lambda: _eq89(1, _RHS_89)),
    check=check_matrix_identity,
    erratum=Erratum(
        printed=r"\langle v_1, \nabla^2 g(x) v_1\rangle = 2\langle x, v_1\rangle^2 - v_1^\top M v_1 + \|x\|_2^2",
        corrected=r"\tfrac12\langle v_1, \nabla^2 g(x) v_1\rangle = 2\langle x, v_1\rangle^2 - v_1^\top M v_1 + \|x\|_2^2",
        explanation="(8.8) with v = v₁, ‖v₁‖ = 1 gives ½⟨v₁, ∇²g v₁⟩; the ½ was dropped. "
        "The sign condition ≥ 0 used next is the same either way.",
        corrected_statement=lazy(lambda: _eq89(sp.Rational(1, 2), _RHS_89)),
    ),
    mutants=[
        Mutant("+v₁ᵀMv₁", lazy(lambda: _eq89(sp.Rational(1, 2), _RHS_89 + 2 * v.T * M * v))),
        Mutant("⟨x, v₁⟩² with coefficient 1", lazy(lambda: _eq89(sp.Rational(1, 2), _RHS_89 - (x.T * v) * (x.T * v)))),
    ],
    uses=["eq:8.8"],
    erratum_equations=["8.9"],
)


# --- (8.10) -------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Eq810:
    a: float = 1.0  # predicted value a·λ + b·λ₁
    b: float = -1.0


def _check_810(stmt: Eq810, ctx) -> Outcome:
    """At every stationary point with eigenvalue λ < λ₁: 2⟨x,v₁⟩² − v₁ᵀMv₁ + ‖x‖² = λ − λ₁, at generic d.

    symbolic.chapter8.pca_proof derives it: ⟨x, v₁⟩ = 0 from (λ − λ₁)⟨x, v₁⟩ = 0, ‖x‖² = λ, v₁ᵀMv₁ = λ₁.
    """
    from symbolic.chapter8 import pca_proof as P
    pf = P.steps()
    pred = sp.nsimplify(stmt.a) * P.lam + sp.nsimplify(stmt.b) * P.lam1
    lhs = sp.expand(P.atom(_RHS_89).xreplace({sp.Symbol("⟨xᵀ x⟩"): P.lam, sp.Symbol("⟨vᵀ M v⟩"): P.lam1})
                    .subs(P.atom(x.T * v), 0))
    diff = sp.expand(lhs - pred) if pf.q_case2 is not None else None
    ok = diff == 0 and sp.expand(lhs - pf.q_case2) == 0
    steps = [Step("orthogonality", "(λ − λ₁)⟨x, v₁⟩ = 0 from M symmetric, Mx = λx, Mv₁ = λ₁v₁",
                  derived=pf.orthogonality, holds=pf.c_quotient == P.c),
             Step("(8.10)", "2⟨x,v₁⟩² − v₁ᵀMv₁ + ‖x‖² at ⟨x, v₁⟩ = 0, ‖x‖² = λ, v₁ᵀMv₁ = λ₁, minus the printed "
                  "value", printed=r"0 - \lambda_1 + \lambda", derived=diff, holds=ok)]
    ce = None if ok else {"M": "diag(2, 1)", "x": "e2 (lambda = 1)", "v1": "e1",
                          "2<x,v1>^2 - v1'Mv1 + |x|^2": str(lhs.subs({P.lam: 1, P.lam1: 2})),
                          "claimed": str(pred.subs({P.lam: 1, P.lam1: 2}))}
    return Outcome(ok, ["symbolic (trace normal form, generic d)"], 1, 0.0 if ok else None, ce, steps=steps,
                   strength="proved" if ok else "exact", sizes=[] if ok else ["M = diag(2, 1)"])


claim(
    id="eq:8.10",
    section="8.3.1",
    kind="identity",
    title="Case 2: the half-curvature ½⟨v₁, ∇²g(x)v₁⟩ = 2⟨x,v₁⟩² − v₁ᵀMv₁ + ‖x‖² along v₁ is λ − λ₁ < 0",
    printed=r"2\langle x, v_1\rangle^2 - v_1^\top M v_1 + \|x\|_2^2 = 0 - \lambda_1 + \lambda \geq 0",
    equations=["8.10"],
    statement=Eq810(),
    check=_check_810,
    mutants=[Mutant("= λ₁ − λ", Eq810(-1.0, 1.0)), Mutant("= 2λ − λ₁", Eq810(2.0, -1.0))],
    uses=["eq:8.9", "eq:8.2"],
    notes=["the displayed expression is HALF the curvature (corrected (8.9)): ⟨v₁, ∇²g(x)v₁⟩ = 2(λ − λ₁); the sign "
           "conclusion is the same (second reader: the old title called λ − λ₁ the curvature)",
           "evaluated at every stationary point 0, ±√λᵢuᵢ with λᵢ < λ₁ (x = 0 counts as λ = 0); "
           "the '≥ 0' is the local-minimum hypothesis that the proof contradicts"],
)


# --- (8.3): the second-order necessary condition at local minima ------------------------------
@dataclass(frozen=True)
class SecondOrder:
    strict: bool = False  # a mutant claims ⟨v, ∇²g(x)v⟩ > 0 for every v ≠ 0


def _second_order_proof():
    """At generic d, without Theorem 8.7: g(x + tv) is a polynomial of degree 4 in t (its normal-form Taylor
    coefficients c₀ … c₄ are all of it); at a local minimum c₁ = ⟨v, ∇g(x)⟩ = 0 (else g(x ∓ tv) < g(x));
    then (g(x + tv) − g(x))/t² = q + c₃t + c₄t² → q as t → 0, so q(x, v) < 0 would give g(x + tv) < g(x)
    for small t: a local minimum has q(x, v) = ½⟨v, ∇²g(x)v⟩ ≥ 0 for every v."""
    _nf, coeffs = pca.taylor_coefficients()
    degree_ok = set(coeffs) <= {0, 1, 2, 3, 4}
    q, c3, c4, tt = sp.symbols("q c_3 c_4 t", real=True)
    ratio = sp.expand(((q * tt**2 + c3 * tt**3 + c4 * tt**4)) / tt**2)
    lim = sp.limit(ratio, tt, 0, "+")
    # q < 0 ⇒ the ratio is < 0 for 0 < t ≤ t₀ = |q|/(|c₃| + |c₄| + |q|) ≤ 1, as |c₃t + c₄t²| ≤ (|c₃| + |c₄|)t there
    t0 = sp.Abs(q) / (sp.Abs(c3) + sp.Abs(c4) + sp.Abs(q))
    bound = sp.simplify((q + (sp.Abs(c3) + sp.Abs(c4)) * t0).subs(q, -sp.Symbol("a", positive=True)))
    steps = [Step("Taylor", f"g(x + tv) has t-degree {max(coeffs)} (normal form, generic d): no remainder",
                  derived=sorted(coeffs), holds=degree_ok),
             Step("limit", "(g(x + tv) − g(x) − c₁t)/t² as t → 0⁺", derived=lim, holds=sp.simplify(lim - q) == 0),
             Step("descent", "q = −a < 0, 0 < t < t₀ = |q|/(|c₃| + |c₄| + |q|): q + (|c₃| + |c₄|)t₀ < 0",
                  derived=bound, holds=bool(bound.is_negative))]
    return all(s.holds for s in steps), steps


@lru_cache(maxsize=None)
def _top_hessian(Mi):
    """The global minimiser of the top level of M and the exact eigenvalues of ∇²g there."""
    from symbolic.chapter8 import pca_proof as P
    land = P.instance_landscape(Mi)
    top = [c for c in land.components if c.level == land.lam1][0]
    n = Mi.rows
    ys = sp.symbols(f"y0:{n}", real=True)
    Y = sp.Matrix(ys)
    H = sp.hessian(sp.Rational(1, 2) * sum(e**2 for e in (sp.Matrix(Mi) - Y * Y.T)), ys).subs(dict(zip(ys, list(top.rep))))
    return top, [sp.simplify(e) for e in H.eigenvals()]


def _decide_83(stmt: SecondOrder, member, ctx) -> Outcome:
    """On one PSD M: at its global minimiser √λ₁u₁ (global by the identity g − g* = xᵀ(λ₁I − M)x + ½(‖x‖² − λ₁)²,
    symbolic.chapter8.pca_proof step 5, not Theorem 8.7) the exact Hessian is ⪰ 0, and ≻ 0 if ``strict``."""
    Mi = member.obj
    top, evs = _top_hessian(sp.ImmutableMatrix(Mi))
    ok = all(e.is_nonnegative for e in evs) and (not stmt.strict or all(e.is_positive for e in evs))
    detail = {"M": str(Mi.tolist()), "global minimiser": str(list(top.rep)), "Hessian eigenvalues": [str(e) for e in evs]}
    return Outcome(ok, ["exact Hessian on the instance"], 1, 0.0 if ok else None, None if ok else detail,
                   strength="exact", notes=[str(detail)])


def _check_83(stmt: SecondOrder, ctx) -> Outcome:
    ok_proof, steps = _second_order_proof()
    per = [(m.name, _decide_83(stmt, m, ctx)) for m in admitted(PSD_CLASS)]
    bad = [(n, o) for n, o in per if o.holds is False]
    if bad:
        return Outcome(False, ["exact Hessian on the instance"], len(per), None, {"member": bad[0][0],
                       **bad[0][1].counterexample}, steps=steps, strength="exact", sizes=[bad[0][0]])
    return Outcome(ok_proof, ["symbolic (trace normal form, generic d)", "exact Hessian on the instance"], 1 + len(per),
                   0.0 if ok_proof else None, steps=steps, strength="proved",
                   notes=["proved for g at generic d by the Taylor argument (g is a quartic polynomial along every line), "
                          "independently of Theorem 8.7; on every PSD bank member the exact Hessian at the global "
                          "minimiser (global by the Eckart–Young identity) is ⪰ 0; it is singular when λ₁ is repeated "
                          "or M = 0, so '≥ 0' cannot be strengthened to '> 0'"])


claim(
    id="eq:8.3",
    section="8.3.1",
    kind="definition",
    title="At a local minimum the Hessian quadratic form is nonnegative",
    printed=r"\text{for } x \text{ a local minimum}: \forall v,\ \langle v, \nabla^2 g(x) v\rangle \geq 0",
    equations=["8.3"],
    statement=SecondOrder(False),
    check=_check_83,
    quantified=Quantified(PSD_CLASS, _decide_83, shapes=("pca-spectrum",)),
    mutants=[Mutant("strict: ⟨v, ∇²g(x)v⟩ > 0 for every v ≠ 0", SecondOrder(True))],
    uses=["eq:8.1", "eq:8.5"],
    notes=["no longer leans on Theorem 8.7 (which uses (8.3)): the necessary condition is proved for g from its "
           "exact quartic Taylor expansion, and the minimisers used to refute '> 0' are certified global by the "
           "Eckart–Young identity of pca_proof step 5"],
)


# --- arguments of §8.3.1 (the second reader's, kept as objects tried on every claim of their shape) -------------
from verify.engine.arguments import argument  # noqa: E402

argument("repeated-eigenvalue",
         "a repeated eigenvalue λ > 0 makes the stationary set contain the sphere {x ∈ E_λ : ‖x‖² = λ}: a list of points "
         "±√λᵢuᵢ, the pair ±√λ₁u₁ as the minima or as GD's limit, one O(2) orbit of rank-2 minima, and a positive "
         "definite Hessian at the minima all fail",
         members=["diag(2, 2, 1)", "I₂", "diag(2, 1, 1)", "2·I₃", "Q diag(2, 1, 1) Qᵀ (rational rotation)",
                  "diag(3, 3, 1, 0, 0)"], shapes=("pca-spectrum",))
argument("zero-matrix",
         "M = 0 is PSD: g = ½‖x‖⁴ is convex and 0 is its global minimum (not a saddle or a maximum; ±√m collapse to 0)",
         members=["0 (the zero matrix)", "m = 0 (d = 1)"], shapes=("pca-spectrum", "local-min-global"))
argument("stable-manifold-start",
         "GD started on the stable manifold of a saddle (for PCA every x₀ ⊥ E_λ₁, not only 0) stays there; a fixed step "
         "diverges from far starts on a quartic (not L-smooth); η > 1/(2λ₁) cannot converge to the minimum (∇²g has "
         "top eigenvalue 4λ₁ there)",
         members=["diag(3, 1, 1/2)", "m = 1 (d = 1)"], shapes=("gd-converges",))
