"""§8.3.3: other problems whose local minima are all global — linear networks (Baldi–Hornik) and
orthogonal tensor decomposition (8.53).

Gradients and (Riemannian) Hessians are derived by SymPy at small sizes and lambidified
(symbolic.chapter8.landscapes → numeric.chapter8.tensor, numeric.chapter8.linear_net); critical points of the smallest
linear network also go through the general classifier (numeric.classify) with the Eckart–Young
lower bound as the certificate for its degenerate minima.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from numeric.chapter8 import linear_net as LN
from numeric.chapter8.sweeps import landscapes as SW
from numeric.sweeps.core import compute
from symbolic.chapter8 import landscapes as SL
from verify.chapter8 import linnet_attacks as LA
from verify.chapter8 import tensor_attacks as TA
from verify.engine.attacks import Quantified, Reading, decide_on_bank
from verify.engine.checks.generic import generic_too
from verify.engine.checks.identity import MatrixIdentity
from verify.engine.claim import Erratum, Mutant, Outcome, Proof, Step
from verify.engine.registry import claim


# --- (8.53) ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Eq853:
    """Σ_{ijkl} T_ijkl x_i x_j x_k x_l = Σᵣ c·(aᵣᵀx)^power for T = Σᵣ aᵣ^⊗4."""

    power: int = 4
    coeff: int = 1


def _check_853(stmt: Eq853, ctx) -> Outcome:
    steps, ok_all = [], True
    for d, k in ((2, 2), (3, 3)):
        xs, A = SL.tensor_symbols(d, k)
        T = SL.tensor_from_components(A)
        lhs = SL.tensor_objective_853(T, xs)
        X = sp.Matrix(xs)
        rhs = sp.expand(stmt.coeff * sum(((A[:, r].T * X)[0, 0]) ** stmt.power for r in range(k)))
        diff = sp.expand(lhs - rhs)
        ok = diff == 0
        ok_all &= ok
        steps.append(Step(f"d = {d}, k = {k}", "Σ T_ijkl x_i x_j x_k x_l − Σᵣ c(aᵣᵀx)^p with symbolic aᵣ, x",
                          printed=r"\sum_{ijkl} T_{ijkl} x_i x_j x_k x_l", derived=diff if not ok else sp.Integer(0),
                          holds=ok))
    ce = None if ok_all else {"d": 2, "k": 2, "power": stmt.power, "coeff": stmt.coeff}
    return Outcome(ok_all, ["symbolic"], 2, 0.0 if ok_all else -1.0, ce, steps=steps,
                   notes=["exact at d = 2, 3 with symbolic components; the expansion Σ_{ijkl} Πaᵣ·Πx = (Σᵢ aᵢᵣxᵢ)⁴ is the "
                          "multinomial theorem at every d", "(8.53) defines the problem; the constraint ‖x‖₂ = 1 is "
                          "handled on the sphere in sec:8.3.3:tensor-landscape"], strength="exact", sizes=["(d, k) ∈ {(2, 2), (3, 3)}"])


def _generic_853(stmt: Eq853):
    """At symbolic d and rank k: Σ_{ijkl} (Σᵣ A_ir A_jr A_kr A_lr) x_i x_j x_k x_l against c·Σᵣ (Σᵢ A_ir x_i)^power
    (the columns aᵣ of A), read as matrix products by the indexed-sum normal form."""
    d, k = sp.symbols("d k", integer=True, positive=True)
    A, x = sp.MatrixSymbol("A", d, k), sp.MatrixSymbol("x", d, 1)
    i, j, l, q, r = sp.symbols("i j l q r", integer=True)
    T = sp.Sum(A[i, r] * A[j, r] * A[l, r] * A[q, r], (r, 0, k - 1))
    lhs = sp.Sum(T * x[i, 0] * x[j, 0] * x[l, 0] * x[q, 0], (i, 0, d - 1), (j, 0, d - 1), (l, 0, d - 1), (q, 0, d - 1))
    rhs = stmt.coeff * sp.Sum(sp.Sum(A[i, r] * x[i, 0], (i, 0, d - 1)) ** stmt.power, (r, 0, k - 1))
    return MatrixIdentity(lhs, rhs, symbols=(A, x), explicit_d=2, label="(8.53) at symbolic d, k")


claim(
    id="eq:8.53",
    section="8.3.3",
    kind="identity",
    title="Tensor decomposition objective: T(x,x,x,x) = Σᵣ (aᵣᵀx)⁴ for T = Σᵣ aᵣ^⊗4",
    printed=r"\text{maximize} \sum_{i,j,k,l=1}^d T_{ijkl} x_i x_j x_k x_l \ \text{such that}\ \|x\|_2 = 1",
    equations=["8.53"],
    statement=Eq853(),
    check=generic_too(_check_853, _generic_853),
    mutants=[Mutant("Σᵣ (aᵣᵀx)²", Eq853(power=2)), Mutant("4Σᵣ (aᵣᵀx)⁴", Eq853(coeff=4))],
)


# --- the landscape of (8.53) on the sphere --------------------------------------------------------------------
@dataclass(frozen=True)
class TensorLandscape:
    components: str = "orthonormal"  # 'correlated': a mutant with non-orthogonal components
    pair_sums: str = "saddle"  # the class of (aᵢ ± aⱼ)/√2; a mutant says 'maximum'
    full_sums: str = "minimum"  # the class of (Σᵢ ±aᵢ)/√d when k = d; a mutant (the old title) says 'saddle'
    weights: str = "equal"  # T = Σ λᵢaᵢ^⊗4: 'equal' (λᵢ = 1) or 'positive' (any λᵢ > 0: the chapter's "low-rank tensor
    #                         with orthonormal components")
    maxima: str = "all global"  # 'all global' (no spurious local maximum, as printed), 'components' (the local maxima
    #                             are exactly ±aᵢ, global iff λᵢ = max λ: the correction), 'largest only' (a mutant:
    #                             only the ±aᵢ of largest weight are local maxima)


def _weighted_objective(weights, d: int):
    """(8.53) for T = Σᵣ λᵣ eᵣ^⊗4 (the aᵣ rotated to eᵣ: (8.53) is invariant under x ↦ Qx, T ↦ T∘Q), built entrywise
    and contracted as printed."""
    xs = sp.symbols(f"x0:{d}", real=True)
    T = sp.MutableDenseNDimArray.zeros(d, d, d, d)
    for r, lam in enumerate(weights):
        T[r, r, r, r] = lam
    return xs, SL.tensor_objective_853(T, xs)


@lru_cache(maxsize=None)
def _weighted_landscape(d: int, k: int) -> list[tuple]:
    """Every critical point of (8.53) on the sphere for T = Σ_{r<k} λᵣeᵣ^⊗4 with symbolic λᵣ > 0, and its Riemannian
    Hessian spectrum on the tangent space, exactly.  Lagrange: 4λᵢyᵢ³ = 2μyᵢ (i < k), 0 = 2μyᵢ (i ≥ k), so either
    μ = 0 (x ⊥ span(e_{<k}), F = 0: the global minima) or yᵢ ∈ {0, ±√(μ/(2λᵢ))} on a support S, μ = 2/Σ_S 1/λᵢ.
    Rows: (S, signs, F, residual of the Riemannian gradient, tangent Hessian eigenvalues, μ)."""
    lam = sp.symbols(f"lam0:{k}", positive=True)
    xs, F = _weighted_objective(lam, d)
    X = sp.Matrix(xs)
    g = sp.Matrix([sp.diff(F, v) for v in xs])
    H = sp.hessian(F, xs)
    rows = []
    from itertools import combinations, product

    for m in range(1, k + 1):
        for S in combinations(range(k), m):
            mu = 2 / sum(1 / lam[i] for i in S)
            for sg in product((1, -1), repeat=m):
                if sg[0] == -1:
                    continue  # x and −x: F is even
                pt = {v: 0 for v in xs}
                for i, s_ in zip(S, sg):
                    pt[xs[i]] = s_ * sp.sqrt(mu / (2 * lam[i]))
                x0 = X.subs(pt)
                assert sp.simplify((x0.T * x0)[0, 0] - 1) == 0
                g0, H0 = g.subs(pt), H.subs(pt)
                P = sp.eye(d) - x0 * x0.T
                rg = sp.simplify(P * g0)
                Hr = sp.simplify(P * (H0 - (x0.T * g0)[0, 0] * sp.eye(d)) * P)
                # the tangent space x^⊥: an orthogonal basis (coordinate vectors off the support, and differences on it)
                basis = [sp.Matrix([1 if j == i else 0 for j in range(d)]) for i in range(d) if i not in S]
                for a, b in zip(S, S[1:]):  # x-orthogonal vectors on span(S), then diagonalise the form there
                    v = sp.zeros(d, 1)
                    v[a], v[b] = x0[b], -x0[a]
                    basis.append(v)
                B = sp.Matrix.hstack(*basis)
                Gram, form = sp.simplify(B.T * B), sp.simplify(B.T * Hr * B)
                # generalized eigenvalues of (form, Gram): the tangent Hessian spectrum
                z = sp.Symbol("z")
                ev = sp.roots(sp.factor(sp.Poly(sp.simplify((form - z * Gram).det()), z)), z)
                rows.append((S, sg, sp.simplify(F.subs(pt)), rg, ev, sp.simplify(mu)))
    return rows


def _check_weighted(stmt: TensorLandscape, sizes=((2, 2), (3, 2), (3, 3))) -> tuple[bool, list, dict | None]:
    """The weighted tensors the chapter's class admits: the second reader's T = 2e₁^⊗4 + e₂^⊗4 (d = 2) on the circle,
    and every critical point at the (d, k) of ``sizes`` with symbolic weights λᵢ > 0, exactly."""
    steps, ce, ok_all = [], None, True
    t = sp.Symbol("t", real=True)
    xs, F = _weighted_objective((2, 1), 2)
    Ft = sp.simplify(F.subs({xs[0]: sp.cos(t), xs[1]: sp.sin(t)}))
    vals = {t0: (Ft.subs(t, t0), sp.simplify(sp.diff(Ft, t).subs(t, t0)), sp.simplify(sp.diff(Ft, t, 2).subs(t, t0)))
            for t0 in (0, sp.pi / 2)}
    e2_max = vals[sp.pi / 2][1] == 0 and vals[sp.pi / 2][2] < 0
    spurious = e2_max and vals[sp.pi / 2][0] < vals[0][0]
    if stmt.weights == "positive":
        ok = {"all global": not spurious, "largest only": not e2_max, "components": e2_max and spurious}[stmt.maxima]
        steps.append(Step("T = 2e₁^⊗4 + e₂^⊗4 (d = 2, second reader)", f"F(t) = {Ft} on the circle: at e₂ F = "
                          f"{vals[sp.pi / 2][0]}, F' = {vals[sp.pi / 2][1]}, F'' = {vals[sp.pi / 2][2]} (a strict local "
                          f"maximum); at e₁ F = {vals[0][0]}, F'' = {vals[0][2]} (the global maximum)", holds=ok))
        if not ok:
            ce = {"T": "2e₁^⊗4 + e₂^⊗4 (orthonormal components, d = 2)", "x": "e₂", "F(e₂)": str(vals[sp.pi / 2][0]),
                  "F'(π/2)": str(vals[sp.pi / 2][1]), "F''(π/2)": str(vals[sp.pi / 2][2]), "max F": str(vals[0][0]),
                  "claimed": stmt.maxima}
        ok_all &= ok
    for d, k in sizes:
        rows = _weighted_landscape(d, k)
        good, txt = True, []
        for S, sg, Fv, rg, ev, mu in rows:
            crit = all(sp.simplify(c) == 0 for c in rg)
            eig = [sp.simplify(e) for e, mult in ev.items() for _ in range(mult)]
            neg = all(sp.simplify(e + 2 * mu) == 0 for e in eig)  # all −2μ < 0: a strict local maximum
            pos = any(sp.simplify(e - 4 * mu) == 0 for e in eig)  # 4μ > 0: not a local maximum
            is_max = neg and len(S) == 1
            want_max = len(S) == 1 or (stmt.pair_sums == "maximum" and len(S) == 2)
            if stmt.weights == "positive" and stmt.maxima == "largest only":
                want_max = False  # every ±aᵢ would have to be the one of largest weight: false for symbolic λ
            good &= crit and (is_max or pos) and (is_max == want_max)
            txt.append(f"S = {S}: F = {Fv}, tangent Hessian {sorted(map(str, eig))}")
            if not (crit and (is_max or pos) and is_max == want_max) and ce is None:
                ce = {"(d, k)": (d, k), "support S": S, "signs": sg, "F": str(Fv), "tangent Hessian": list(map(str, eig)),
                      "local maximum": is_max, "claimed": want_max}
        steps.append(Step(f"weights λᵢ > 0 symbolic, (d, k) = ({d}, {k})",
                          f"{len(rows)} critical points with μ > 0 (up to ±x): |S| = 1 strict local maxima (tangent "
                          "Hessian −2μ·I, F = λᵢ), |S| ≥ 2 a direction 4μ > 0; μ = 0 (x ⊥ span aᵢ) the minima F = 0. "
                          + "; ".join(txt)[:1500], holds=good))
        ok_all &= good
    return ok_all, steps, ce


@lru_cache(maxsize=None)
def _geodesic_identity() -> tuple[bool, str]:
    """d²/dt² F(cos t·x + sin t·v)|₀ = vᵀ Hess_R F(x) v on ‖x‖ = ‖v‖ = 1, xᵀv = 0 (exact, d = 3, k = 2):
    the difference reduces to 0 modulo the constraints (Gröbner basis of the constraint ideal)."""
    d, k = 3, 2
    second, form, vs = SL.geodesic_second_derivative(d, k)
    xs, A = SL.tensor_symbols(d, k)
    cons = [sum(a * b for a, b in zip(xs, vs)), sum(a**2 for a in xs) - 1, sum(b**2 for b in vs) - 1]
    # the components enter as further polynomial variables (the constraint ideal does not involve them)
    G = sp.groebner(cons, *xs, *vs, *list(A), order="grevlex")
    rem = G.reduce(sp.expand(second - form))[1]
    return sp.expand(rem) == 0, "remainder of (geodesic second derivative − vᵀHess_R v) modulo the constraints: " + str(rem)


def _tensor_bank(stmt: TensorLandscape, ctx) -> tuple[bool, list, dict | None]:
    """The statement on every bank tensor of its class, exactly (verify.chapter8.tensor_attacks): the attack's decide,
    run here too so that the mutants meet it."""
    cls = TA.TENSOR_ANY if stmt.components == "correlated" else TA.TENSOR_EQUAL if stmt.weights == "equal" else TA.TENSOR_ORTHO
    ok, rows, ce = decide_on_bank(cls, lambda m: TA.decide(stmt, m, ctx), lambda m, o: (
        f"{m.name}: {'held' if o.holds else 'broken'} ({o.notes[0].split(';')[0] if o.notes else ''})"))
    return ok, [Step("bank tensors (exact critical points and tangent Hessians)", "; ".join(rows), holds=ok)], ce


def tensor_sizes(profile) -> tuple[list, int]:
    """The (d, k) and the random starts per size of a profile (verify.chapter8.sweep_plans reads them too)."""
    return [(4, 4), (5, 3)] + ([(6, 6), (7, 4)] if profile.scale > 1 else []), max(8, profile.trials // 2)


def _check_tensor(stmt: TensorLandscape, ctx) -> Outcome:
    ok_geo, geo_txt = _geodesic_identity()
    steps = [Step("Riemannian Hessian", "P(∇²F − (xᵀ∇F)I)P is the second derivative along great circles: " + geo_txt,
                  holds=ok_geo)]
    # (3, 3) (13 critical points with symbolic weights, ~40 s of simplification) above the ci profile
    ok_w, st_w, ce = _check_weighted(stmt, ((2, 2), (3, 2)) + (((3, 3),) if ctx.profile.scale > 1 else ()))
    steps += st_w
    ok_b, st_b, ce_b = _tensor_bank(stmt, ctx)
    steps += st_b
    ce = ce or ce_b
    holds = ok_geo and ok_w and ok_b
    sizes, n = tensor_sizes(ctx.profile)
    examples = 0
    runs = compute([SW.tensor_runs_cell(ctx.seed_for(f"tensor-{d}-{k}"), d, k, stmt.components, n) for d, k in sizes])
    for (d, k), (limits, points, newton) in zip(sizes, runs):
        # (ii) Riemannian gradient ascent and the power method from random starts
        worst_d, worst_h, iters = 0.0, -np.inf, []
        for dist, h, it in limits:
            iters.append(it)
            worst_d = max(worst_d, dist)
            worst_h = max(worst_h, h)
            examples += 1
        ok_max = worst_d < 1e-6 and worst_h < 0
        steps.append(Step(f"d={d}, k={k} maxima", f"{2 * n} runs (Riemannian ascent, power method): every limit is some "
                          f"±aᵢ (largest distance {worst_d:.1e}); Riemannian Hessian there ≺ 0 (largest eigenvalue "
                          f"{worst_h:.4g}); iterations ≤ {max(iters)}", holds=ok_max))
        holds &= ok_max
        if not ok_max and ce is None:
            ce = {"d": d, "k": k, "components": stmt.components, "largest distance of a limit to ±a_i": worst_d}
        # (iii) the predicted critical points (1/√|S|)Σ_{i∈S}±aᵢ and their Riemannian Hessians
        cls: dict[tuple[int, str], int] = {}
        pred_ok = True
        for S, sg, ev, g in points:
            m = len(S)
            kind = ("maximum" if ev.max() < -1e-9 else "minimum" if ev.min() > 1e-9 else
                    "saddle" if ev.min() < -1e-9 < 1e-9 < ev.max() else "degenerate")
            cls[(m, kind)] = cls.get((m, kind), 0) + 1
            if stmt.components == "orthonormal":
                # predicted spectrum: 8/m on span(S) ∩ x^⊥ (m − 1 of them), −4/m on span(S)^⊥ (d − m)
                pred = np.sort([8 / m] * (m - 1) + [-4 / m] * (d - m))
                pred_ok &= g < 1e-10 and np.allclose(np.sort(ev), pred, atol=1e-9)
            want = "maximum" if m == 1 else (stmt.full_sums if m == d else stmt.pair_sums if m == 2 else "saddle")
            if kind != want:
                pred_ok = False
                if ce is None:
                    ce = {"d": d, "k": k, "S": list(S), "signs": list(sg), "class": kind, "claimed": want,
                          "tangent Hessian eigenvalues": np.round(ev, 6).tolist()}
        steps.append(Step(f"d={d}, k={k} critical points", "(1/√m)Σ_{i∈S}±aᵢ: " + ", ".join(
            f"|S|={m}: {c} {kd}" for (m, kd), c in sorted(cls.items())) + "; Riemannian Hessian spectrum "
            "{8/m (×(m−1)), −4/m (×(d−m))} as predicted" * bool(pred_ok), holds=pred_ok))
        holds &= pred_ok
        # (iv) no other critical points: Riemannian Newton from random starts
        others = sum(not known for known in newton)  # a limit neither a subset sum nor in span(A)^⊥
        steps.append(Step(f"d={d}, k={k} completeness", f"Riemannian Newton from {n} random starts: {others} critical "
                          "points outside {normalised signed subset sums} ∪ span(A)^⊥", holds=others == 0))
        holds &= others == 0 or stmt.components != "orthonormal"
    return Outcome(holds, ["symbolic", "optimizer"], examples, None, ce, steps=steps,
                   notes=["F, ∇F, ∇²F, P∇F and P(∇²F − (xᵀ∇F)I)P derived by SymPy at each (d, k) and lambdified",
                          "for |S| = d = k the signed full sums are local minima of F on the sphere (value 1/d, the global "
                          "minimum), not saddles: harmless for the maximisation (8.53), whose local maxima are exactly ±aᵢ"], strength="sampled")


claim(
    id="sec:8.3.3:tensor-landscape",
    section="8.3.3",
    kind="algorithmic",
    title="Orthonormal T = Σλᵢaᵢ^⊗4 (k ≥ 1, λᵢ > 0): the local maxima on the sphere are exactly ±aᵢ, global iff "
    "λᵢ = max λ (all global for equal weights); the other critical points, signed on a support S with yᵢ² ∝ 1/λᵢ "
    "(normalised signed sums for equal weights), are saddles for 2 ≤ |S| < d and strict local (global) minima for "
    "|S| = k = d; for k < d the unit x ⊥ every aᵢ (F = 0) are the global minima, not strict",
    printed=r"\text{Tensor decomposition \dots constraints are imposed on the tensor } T \text{ \dots T must be a low-rank "
    r"tensor with orthonormal components [Ge et al., 2015]} \text{ (no spurious local maxima of (8.53))}",
    statement=TensorLandscape(weights="positive"),
    check=_check_tensor,
    erratum=Erratum(
        printed="one condition is that T must be a low-rank tensor with orthonormal components (under which (8.53) "
        "has no spurious local maxima)",
        corrected="… T must be a low-rank tensor with orthonormal components and equal weights, T = Σᵢ aᵢ^⊗4 (a "
        "symmetric tensor, k ≥ 1 components): then "
        "every local maximum of (8.53) is some ±aᵢ, and all are global. With unequal weights T = Σᵢ λᵢaᵢ^⊗4, λᵢ > 0, "
        "the local maxima are still exactly the ±aᵢ (each yields a component, which is what tensor decomposition "
        "needs), but only those with the largest λᵢ are global",
        explanation="severity: hypothesis. A low-rank tensor with orthonormal components is T = Σλᵢaᵢ^⊗4 with "
        "weights λᵢ > 0 (an orthogonally decomposable tensor); the second reader's T = 2e₁^⊗4 + e₂^⊗4 (d = 2) gives "
        "F(t) = 2cos⁴t + sin⁴t on the circle, and e₂ is a strict local maximum (F = 1, F' = 0, F'' = −4) below the "
        "global maximum F(e₁) = 2: a spurious local maximum. Exactly, for every d ≥ k and λᵢ > 0 (here decided with "
        "symbolic λᵢ at (d, k) = (2, 2), (3, 2) and, above ci, (3, 3)): in the basis aᵢ the Lagrange conditions give "
        "either x ⊥ span(aᵢ) (F = 0) or yᵢ = ±√(μ/(2λᵢ)) on a support S, μ = 2/Σ_S λᵢ⁻¹, F = μ/2; the tangent "
        "Hessian is 4μ on span(S) ∩ x^⊥ and −2μ off S, so only |S| = 1 (x = ±aᵢ, F = λᵢ) are local maxima, all strict",
        corrected_statement=TensorLandscape(weights="positive", maxima="components"),
    ),
    mutants=[
        Mutant("the same with correlated (non-orthogonal) components",
               TensorLandscape(components="correlated", weights="positive", maxima="components")),
        Mutant("the pair sums (aᵢ ± aⱼ)/√2 are local maxima",
               TensorLandscape(pair_sums="maximum", weights="positive", maxima="components")),
        Mutant("every normalised sum is a saddle, the full sum (k = d) included (the old title)",
               TensorLandscape(full_sums="saddle", weights="positive", maxima="components")),
        Mutant("with unequal weights only the ±aᵢ of largest weight are local maxima",
               TensorLandscape(weights="positive", maxima="largest only")),
    ],
    uses=["eq:8.53"],
    quantified=Quantified(TA.TENSOR_ORTHO, TA.decide,
                          readings=(Reading("equal weights (Ge et al. 2015's T = Σaᵢ^⊗4): no spurious local maximum",
                                            TensorLandscape(weights="equal"), cls=TA.TENSOR_EQUAL),),
                          extra=("correlated components e₁, (3/5, 4/5) (d = 2)",)),
    notes=["attacks: every bank tensor T = Σλᵣaᵣ^⊗4 with orthonormal components and λᵣ > 0 at d ≤ 3, d − k ≤ 1 "
           "(numeric/adversaries/tensors.py, hypotheses exact), decided exactly (verify/chapter8/tensor_attacks.py: T "
           "built entrywise, rotated to Σλᵣyᵣ⁴ by a checked rational orthogonal Q, every Lagrange solution by SymPy, "
           "the tangent Hessian spectrum exactly): the printed form falls on 2e₁^⊗4 + e₂^⊗4 (e₂: F = 1 < 2, tangent "
           "Hessian −4), on weights (3, 1) in ℝ³ (a₂: F = 1 < 3) and on Q₃ with weights (2, 2, 1) (a₃: F = 1 < 2); the "
           "corrected form and the equal-weight reading hold on every admitted member; each mutant falls on the same "
           "path (pair sums, full sums, largest-only on the bank; correlated components on e₁, (3/5, 4/5), whose local "
           "maxima are ±(2, 1)/√5, F = 32/25)",
           "a proof for every (d, k) would need the classification of the critical points of Σλᵢ⟨aᵢ, x⟩⁴ on the sphere in "
           "general (signed sums over a support S, tangent Hessian by |S|); the symbolic part does it at small (d, k) only",
           "sampled at small (d, k) for equal weights (runs, Riemannian Newton); the weighted classification is exact "
           "with symbolic weights at (2, 2), (3, 2) (and (3, 3) above ci); the argument for every d is the Lagrange "
           "computation in the erratum's explanation (Ge et al. 2015 for equal weights), not encoded at symbolic d",
           "second reader V2 (2026-12-08): the old title's 'normalised signed sums are saddles / minima' is wrong for "
           "unequal weights: those points are not critical (T = 2e₁^⊗4 + e₂^⊗4: F'(π/4) = −1); the critical points "
           "on a support S have yᵢ² ∝ 1/λᵢ (tan²t = 2 there: F = 2/3, F'' = 16/3, the global minimum) — the check's "
           "Lagrange points were always these, the title now says so; the correction now names k ≥ 1 (T = 0: every "
           "unit x is a maximum and there is no aᵢ) and a symmetric T (the non-symmetric e₁⊗e₁⊗e₁⊗e₁ + "
           "e₂⊗e₂⊗e₃⊗e₃ has the strict spurious maximum (0, 1, 1)/√2, F = 1/4 < 1; not of the class as the "
           "correction writes it)",
           "second reader W1 (2026-12-08): for k < d the title's list left out the unit x ⊥ span(aᵢ), critical with F = 0 "
           "(non-strict global minima; the erratum's explanation has them) — added to the title",
           "second reader (2026-12-07): the chapter's class 'low-rank with orthonormal components' admits unequal weights, "
           "and T = 2e₁^⊗4 + e₂^⊗4 has the spurious strict local maximum e₂ (F = 1 < 2); the claim was verified on the "
           "unit-weight reading only — now an erratum (hypothesis: equal weights for 'all global'; with weights the "
           "local maxima are exactly ±aᵢ), the reader's tensor decided exactly, the weighted landscape classified "
           "with symbolic weights, and 'only the largest-weight components are local maxima' a killed mutant"],
)


# --- "rank-1 matrix completion has no spurious local minima" (§8.3.3 opening, §8.3.2's close) ----------------------
_MC_Z, _MC_MASK = "z = (2, 1, −2)/3 (d = 3)", "{11, 12, 21, 23, 32, 33} (d = 3)"


@dataclass(frozen=True)
class MCNoSpurious:
    """(8.11) f(x) = ½Σ_{(i,j)∈Ω}(zᵢzⱼ − xᵢxⱼ)², M = zzᵀ, z unit and incoherent.  ``masks``: 'every' (the printed
    'rank-1 matrix completion has no spurious local minima', for every Ω) or 'w.h.p.' (the correction: only w.h.p.
    over Ω under Theorem 8.14's hypotheses, whose own claim checks that half; a fixed Ω of positive probability can
    have one).  ``spurious``: what the correction says a bad fixed Ω has — 'strict local minimum' (it does), or a
    mutant's 'saddle only' (a spurious critical point, never a local minimum); ``probability``: 'positive' (the bad
    Ω has probability p⁶(1 − p)³ under Definition 8.10) or a mutant's 'zero'."""

    masks: str = "every"
    spurious: str = "strict local minimum"
    probability: str = "positive"


@lru_cache(maxsize=None)
def _mc_counterexample() -> dict:
    """The second reader's (z, Ω) from the bank and the point x = (−2/3, 0, −2/3), exactly."""
    from numeric.adversaries import BANK, members

    members()
    z, W = BANK[_MC_Z].obj, BANK[_MC_MASK].obj
    d = len(z)
    xs = sp.symbols(f"x1:{d + 1}", real=True)
    f = sp.Rational(1, 2) * sum(W[i, j] * (z[i] * z[j] - xs[i] * xs[j]) ** 2 for i in range(d) for j in range(d))
    pt = dict(zip(xs, (sp.Rational(-2, 3), 0, sp.Rational(-2, 3))))
    grad = [sp.diff(f, v).subs(pt) for v in xs]
    H = sp.hessian(f, xs).subs(pt)
    minors = [H[:k, :k].det() for k in range(1, d + 1)]
    p = sp.Symbol("p", positive=True)
    observed = sum(1 for v in W if v)
    prob = p**observed * (1 - p) ** (d * d - observed)
    return {"f(x)": f.subs(pt), "f(z)": f.subs(dict(zip(xs, z))), "∇f(x)": grad, "∇²f(x)": H.tolist(),
            "leading minors": minors, "eigenvalues": {str(k): v for k, v in H.eigenvals().items()},
            "P(Ω) (Def 8.10)": prob, "P(Ω) at p = 1/2": prob.subs(p, sp.Rational(1, 2)),
            "‖z‖²": sum(v**2 for v in z), "√d‖z‖∞": sp.sqrt(d) * max(abs(v) for v in z)}


def _check_mc_spurious(stmt: MCNoSpurious, ctx) -> Outcome:
    c = _mc_counterexample()
    critical = all(g == 0 for g in c["∇f(x)"])
    strict_min = critical and all(m > 0 for m in c["leading minors"])  # Sylvester: ∇²f ≻ 0
    spurious = strict_min and c["f(x)"] > c["f(z)"] == 0
    p = sp.Symbol("p", positive=True)
    positive = bool(sp.solveset(c["P(Ω) (Def 8.10)"] > 0, p, sp.Interval.open(0, 1)) == sp.Interval.open(0, 1))
    steps = [Step("the second reader's (z, Ω)", f"z = (2, 1, −2)/3 (‖z‖² = {c['‖z‖²']}, √d‖z‖∞ = {c['√d‖z‖∞']}), "
                  f"Ω = {{11, 12, 21, 23, 32, 33}}; at x = (−2/3, 0, −2/3): ∇f = {c['∇f(x)']}, f = {c['f(x)']} > f(z) = "
                  f"{c['f(z)']}, ∇²f = {c['∇²f(x)']} (leading minors {c['leading minors']}, eigenvalues "
                  f"{list(c['eigenvalues'])}): a strict local minimum that is not global", holds=spurious),
             Step("probability of Ω", f"P(Ω) = {c['P(Ω) (Def 8.10)']} under Definition 8.10 (each entry observed "
                  f"independently with probability p), {c['P(Ω) at p = 1/2']} at p = 1/2; > 0 on 0 < p < 1: {positive}",
                  holds=positive)]
    ce = None
    if stmt.masks == "every":
        holds = not spurious
        if spurious:
            ce = {"z": "(2, 1, −2)/3", "Ω": "{11, 12, 21, 23, 32, 33}", "x": "(−2/3, 0, −2/3)", "∇f(x)": "0",
                  "f(x)": str(c["f(x)"]), "f(±z)": "0", "∇²f(x) leading minors": list(map(str, c["leading minors"])),
                  "P(Ω) at p = 1/2": str(c["P(Ω) at p = 1/2"])}
    else:
        says_min = stmt.spurious == "strict local minimum"
        says_pos = stmt.probability == "positive"
        holds = (strict_min == says_min) and spurious == says_min and (positive == says_pos)
        if not holds:
            ce = {"claimed": {"spurious point": stmt.spurious, "probability of the bad Ω": stmt.probability},
                  "found": {"strict local minimum, not global": spurious, "P(Ω) > 0 on (0, 1)": positive},
                  "leading minors": list(map(str, c["leading minors"])), "P(Ω)": str(c["P(Ω) (Def 8.10)"])}
    proof = [Proof("exact", "∇f, f, the Sylvester minors of ∇²f at x = (−2/3, 0, −2/3) and P(Ω) in exact rationals",
                   {"∇f(x)": c["∇f(x)"], "f(x)": c["f(x)"], "leading minors": c["leading minors"],
                    "P(Ω)": c["P(Ω) (Def 8.10)"]}, size="d = 3, the reader's (z, Ω)", path="exact counterexample")]
    return Outcome(holds, ["symbolic"], 1, None, ce, steps=steps, strength="exact", sizes=["d = 3"], proof=proof,
                   notes=["exact (SymPy rationals): gradient, value, Sylvester minors of the Hessian, P(Ω) as a polynomial "
                          "in p; the w.h.p. half of the correction is Theorem 8.14's statement, checked (sampled) by "
                          "thm:8.14 and thm:8.23, not re-run here"])


claim(
    id="sec:8.3.3:mc-no-spurious",
    section="8.3.3",
    kind="algorithmic",
    title="Rank-1 matrix completion (8.11) has no spurious local minimum only w.h.p. over Ω (Theorem 8.14); a fixed Ω "
    "can have one: z = (2, 1, −2)/3, Ω = {11, 12, 21, 23, 32, 33}, x = (−2/3, 0, −2/3) is a strict local minimum, "
    "f = 8/81 > 0",
    printed=r"\text{We have now demonstrated that \dots rank-1 PCA and rank-1 matrix completion, have no spurious local "
    r"minima \dots; We have shown above that matrix completion of a rank-1 matrix has no spurious local minima}",
    statement=MCNoSpurious(),
    check=_check_mc_spurious,
    erratum=Erratum(
        printed="We have now demonstrated that two classes of machine learning problems, rank-1 PCA and rank-1 matrix "
        "completion, have no spurious local minima (also §8.3.2: 'We have shown above that matrix completion of a "
        "rank-1 matrix has no spurious local minima')",
        corrected="rank-1 PCA has no spurious local minima (Theorem 8.7); for rank-1 matrix completion with random Ω, "
        "p = poly(μ, log d)/(dε²) and incoherent z, with high probability every local minimum of (8.11) is "
        "O(√ε)-close to ±z (Theorem 8.14); for a fixed Ω, spurious local minima can exist",
        explanation="severity: hypothesis. The chapter proves Theorem 8.14, a w.h.p. statement over Ω (and O(√ε)-"
        "closeness, not exact globality), not 'no spurious local minima' for the problem. Second reader's "
        "counterexample, exact: d = 3, z = (2, 1, −2)/3 (unit, ‖z‖∞ = 2/3, incoherent with μ = 2/√3), "
        "Ω = {(1,1), (1,2), (2,1), (2,3), (3,2), (3,3)}: x = (−2/3, 0, −2/3) has ∇f = 0, f = 8/81 > 0 = f(±z), "
        "∇²f = [[16, −4, 0], [−4, 16, 4], [0, 4, 16]]/9 with leading minors 16/9, 80/27, 3584/729 > 0 — a strict "
        "local minimum that is not global; Ω comes up with probability p⁶(1 − p)³ (2⁻⁹ at p = 1/2) under Definition "
        "8.10. '… and are thus amenable to gradient descent' needs a strict-saddle-type condition too (Theorems "
        "8.5–8.6; see thm:8.14's GD reading and figure:8.3).",
        corrected_statement=MCNoSpurious(masks="w.h.p."),
    ),
    mutants=[
        Mutant("a fixed Ω's spurious critical points are saddles, never local minima",
               MCNoSpurious(masks="w.h.p.", spurious="saddle only")),
        Mutant("an Ω with a spurious local minimum has probability 0 under Definition 8.10",
               MCNoSpurious(masks="w.h.p.", probability="zero")),
    ],
    uses=["thm:8.14", "thm:8.23", "thm:8.7", "def:8.10"],
    notes=["exact for the fixed Ω (rationals: ∇f = 0, leading minors of ∇²f, f = 8/81); a proof of the w.h.p. half would "
           "need Theorem 8.14's argument (Lemma 8.17 uniformly over incoherent pairs), which thm:8.14 and thm:8.23 carry",
           "second reader (2026-12-07): UNCOVERED-FALSE — the opening of §8.3.3 and §8.3.2's 'We have shown above …' "
           "claim 'no spurious local minima' for rank-1 matrix completion, which the chapter shows only w.h.p. "
           "(Theorem 8.14); new claim, an erratum, decided exactly on the reader's (z, Ω) — now bank members (vector "
           "and mask kinds) — with two killed mutants",
           "the PCA half of the sentence is thm:8.7 and sec:8.3.1:optimizers-find-global-min"],
)


# --- linear networks -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinearNets:
    rank_offset: int = 0  # GD reaches ½Σ_{i > k + offset} σᵢ²
    all_global: bool = False  # a mutant: every critical point is a global minimum
    minima_dim_offset: int = 0  # a mutant (−dim): every component of minima is a single point
    saddles: str = "strict saddle"  # a mutant: 'minimum' (a saddle component is a minimum)
    init: str = "small random"  # GD's initialisation: 'small random' | 'zero' | 'invariant subspace' | 'large'
    target: str = "reduced-rank"  # the optimum: rank-k truncation of the fitted outputs Y P_X ('reduced-rank') or
    #                               Eckart–Young applied to the least-squares W_LS in parameter space ('EY of W_LS')
    unique_target: bool = False  # a mutant (the old reading): GD reaches *the* rank-k truncation, one product


def _raw_gd(X, Y, W1, W2, eta, steps):
    """GD on ½‖W₁W₂X − Y‖_F² (the gradients (W₁W₂X − Y)XᵀW₂ᵀ and W₁ᵀ(W₁W₂X − Y)Xᵀ); NaN on overflow."""
    with np.errstate(all="ignore"):
        for _ in range(steps):
            R = W1 @ W2 @ X - Y
            g1, g2 = R @ X.T @ W2.T, W1.T @ R @ X.T
            W1, W2 = W1 - eta * g1, W2 - eta * g2
            if not (np.all(np.isfinite(W1)) and np.all(np.isfinite(W2))):
                return np.nan
    return 0.5 * float(np.sum((W1 @ W2 @ X - Y) ** 2))


def _rrr(X, Y, k):
    """The global minimum of ½‖W₁W₂X − Y‖² over rank ≤ k: truncate the fitted outputs Ŷ = Y X⁺X to rank k."""
    Yh = Y @ np.linalg.pinv(X) @ X
    U, sv, Vt = np.linalg.svd(Yh, full_matrices=False)
    return 0.5 * float(np.sum((U[:, :k] * sv[:k] @ Vt[:k] - Y) ** 2))


def _ey_wls(X, Y, k):
    """Eckart–Young applied to W_LS = Y X⁺ in parameter space (the reading that ignores the input covariance)."""
    U, sv, Vt = np.linalg.svd(Y @ np.linalg.pinv(X), full_matrices=False)
    return 0.5 * float(np.sum(((U[:, :k] * sv[:k]) @ Vt[:k] @ X - Y) ** 2))


def _reviewer_nets(stmt) -> tuple[bool, list, dict | None]:
    """The second reader's objects: initialisations on stable manifolds of saddles, a large start, and non-whitened
    inputs (X = diag(10, 1, 0.1)·G), each on the loss ½‖W₁W₂X − Y‖² itself."""
    steps, ce = [], None
    X, Y, k = np.eye(2), np.diag([3.0, 1.0]), 1
    opt = _rrr(X, Y, k)
    init = {"small random": (np.random.default_rng(1).normal(size=(2, 1)) * 0.1,
                             np.random.default_rng(2).normal(size=(1, 2)) * 0.1),
            "zero": (np.zeros((2, 1)), np.zeros((1, 2))),
            "invariant subspace": (np.array([[0.0], [0.5]]), np.array([[0.0, 0.5]])),
            "large": (5 * np.ones((2, 1)), 5 * np.ones((1, 2)))}[stmt.init]
    loss = _raw_gd(X, Y, *init, 0.05, 3000)
    ok = np.isfinite(loss) and abs(loss - opt) < 1e-8
    steps.append(Step(f"GD from the {stmt.init} initialisation", f"X = I₂, Y = diag(3, 1), k = 1, η = 0.05, 3000 steps: "
                      f"loss {loss:.6g}, optimum {opt:.6g}", holds=bool(ok)))
    if not ok:
        ce = {"init": stmt.init, "X": "I2", "Y": "diag(3, 1)", "k": 1, "GD loss": loss, "optimum": opt}
    G = np.random.default_rng(0).normal(size=(3, 50))
    Xn = np.diag([10.0, 1.0, 0.1]) @ G
    Yn = np.random.default_rng(3).normal(size=(3, 3)) @ Xn + 0.1 * np.random.default_rng(4).normal(size=(3, 50))
    from scipy.optimize import minimize

    def f(p):
        W1, W2 = p[:3].reshape(3, 1), p[3:].reshape(1, 3)
        R = W1 @ W2 @ Xn - Yn
        return 0.5 * float(np.sum(R**2)), np.concatenate([(R @ Xn.T @ W2.T).ravel(), (W1.T @ R @ Xn.T).ravel()])

    best = min(minimize(f, np.random.default_rng(10 + i).normal(size=6), jac=True, method="BFGS",
                        options={"gtol": 1e-10, "maxiter": 5000}).fun for i in range(8))
    claimed = _rrr(Xn, Yn, 1) if stmt.target == "reduced-rank" else _ey_wls(Xn, Yn, 1)
    ok2 = abs(best - claimed) <= 1e-6 * (1 + best)
    steps.append(Step("non-whitened inputs", f"X = diag(10, 1, 0.1)·G (3×50), k = 1: best of 8 BFGS runs {best:.6g}; "
                      f"claimed optimum ({stmt.target}) {claimed:.6g}", holds=bool(ok2)))
    if not ok2 and ce is None:
        ce = {"data": "X = diag(10, 1, 0.1)·G", "claimed optimum": claimed, "best BFGS": best, "target": stmt.target}
    return bool(ok and ok2), steps, ce


def _tiny_exact(stmt) -> tuple[bool, list, dict | None, list[str]]:
    """(dy, k, dx) = (2, 1, 2) (and (2, 2, 2) in the thorough profile, see net_sizes): the critical set
    decomposed into components, each classified; the minima certified by an exact SOS bound."""
    return _exact_nets(stmt, [(2, 1, 2)])


def _exact_nets(stmt, sizes) -> tuple[bool, list, dict | None, list[str]]:
    from verify.engine.checks.components import Prediction, judge

    ok_all, steps, ce, names = True, [], None, []
    for dims in sizes:
        land, Cm = compute([SW.net_landscape_cell(dims)])[0]
        dy, k, dx = dims
        # minima {W₁W₂ = C_k}: the orbit W₁ ↦ W₁A, W₂ ↦ A⁻¹W₂ of GL(k), dimension k² (C_k of rank k)
        pred = Prediction(k * k + stmt.minima_dim_offset * k * k, stmt.saddles)
        name = f"{dims} net, C = {Cm.tolist()}"
        ok, st, c = judge(name, land, pred)
        if stmt.all_global:
            ok = all(x.global_min for x in land.components) and all(p.local_min for p in land.points)
            c = c or ({"instance": name, "not global": "a strict saddle"} if not ok else None)
        ok_all &= ok
        steps += st
        ce = ce or c
        names.append(f"{dims}")
    return ok_all, steps, ce, names


def net_sizes(profile) -> tuple[list, list, int]:
    """The exact sizes, the GD sizes and the GD starts per size of a profile (verify.chapter8.sweep_plans reads them too)."""
    # (2, 2, 2) (8 parameters) only in the thorough profile: since the component path stratifies and searches real
    # points its Gröbner bases take well over 30 minutes (measured: still in decompose after 150 s, >300 s per
    # claim), which made the report profile's run hours long; (2, 1, 2) is decided exactly at every profile
    exact_sizes = [(2, 1, 2)] + ([(2, 2, 2)] if profile.scale > 4 else [])
    sizes = [(3, 1, 3), (4, 2, 4)] + ([(5, 2, 4), (6, 3, 5)] if profile.scale > 1 else [])
    return exact_sizes, sizes, max(8, profile.trials // 2)


def _nets_bank(stmt: LinearNets, ctx) -> tuple[bool, list, dict | None]:
    """The statement on every bank data set at width 1, exactly (verify.chapter8.linnet_attacks): the attack's decide,
    run here too so that the mutants meet it."""
    ok, rows, ce = decide_on_bank(LA.REG_K1, lambda m: LA.decide(stmt, m, ctx),
                                  lambda m, o: f"{m.name}: {'held' if o.holds else 'broken'}")
    return ok, ([Step("bank data sets, width 1 (exact critical sets and inertia)", "; ".join(rows), holds=ok)]
                if rows else []), ce


def _check_nets(stmt: LinearNets, ctx) -> Outcome:
    exact_sizes, sizes, n = net_sizes(ctx.profile)
    ok_tiny, steps, ce, names = _exact_nets(stmt, exact_sizes)
    ok_bank, st_bank, ce_bank = _nets_bank(stmt, ctx)
    steps += st_bank
    ce = ce or ce_bank
    ok_tiny = ok_tiny and ok_bank
    ok_rev, st_rev, ce_rev = _reviewer_nets(stmt)
    steps += st_rev
    ce = ce or ce_rev
    holds = ok_tiny and ok_rev
    examples = 0
    from verify.chapter8 import linnet_ties as LT  # σ_k = σ_{k+1} (second reader T2)

    ok_tie, st_tie, ce_tie = LT.tied_check(stmt.unique_target)
    steps += st_tie
    ce = ce or ce_tie
    holds = holds and ok_tie
    runs = compute([SW.net_runs_cell(ctx.seed_for(f"net-{dims}"), dims, n) for dims in sizes])
    for dims, (Cn, costs, its, cps) in zip(sizes, runs):
        net = LN.LinearNet(Cn, dims[1])
        ey = net.eckart_young(net.k + stmt.rank_offset)
        gaps = [abs(cost - ey) / (1 + ey) for cost in costs]
        examples += len(costs)
        ok_gd = max(gaps) < 1e-8
        steps.append(Step(f"{dims} GD", f"{n} random initialisations: final loss − ½Σ_(i>{net.k + stmt.rank_offset})σᵢ² "
                          f"≤ {max(gaps):.1e} (relative); iterations ≤ {max(its)}", holds=ok_gd))
        kinds = [c.kind for c in cps]
        ok_cp = ("other" not in kinds) and (all(k == "global minimum" for k in kinds) if stmt.all_global else True)
        steps.append(Step(f"{dims} critical points", f"{len(cps)} distinct W₁W₂ (Newton from balanced factors of every "
                          f"Σ_(i∈S)σᵢuᵢvᵢᵀ, |S| ≤ k, and random starts): "
                          + ", ".join(f"{c.kind} (rank {c.rank}, λ_min {c.lambda_min:.3g})" for c in cps), holds=ok_cp))
        holds &= ok_gd and ok_cp
        if not (ok_gd and ok_cp) and ce is None:
            ce = {"dims": dims, "max relative gap": max(gaps), "critical kinds": kinds}
    return Outcome(holds, ["optimizer", "symbolic"], examples, None, ce, steps=steps,
                   notes=["whitened inputs: the loss is ½‖C − W₁W₂‖_F² with C = Σ_yx (plus a constant); "
                          "the minima are never strict (a GL(k) orbit of zero Hessian directions)",
                          "exact part (" + ", ".join(names) + "): the critical ideal is split by its critical values "
                          "(proved to cover it) and by factors into components; each component's dimension, a point "
                          "on it, smoothness and Hessian inertia there are exact, the Morse–Bott failure locus is "
                          "computed by Gröbner; the global minima are certified by an exact SOS certificate "
                          "f − ½σ₂² = pᵀQp (facial reduction to the polynomials vanishing on the minima)",
                          "a component's class is read at one exact point; where the Morse–Bott failure locus is "
                          "empty the inertia cannot change along the connected piece through it",
                          "strength: GD runs and Newton's critical points at larger sizes are sampled"],
                   strength="sampled", sizes=["exact landscape at (dy, k, dx) ∈ {" + ", ".join(names) + "}"])


claim(
    id="sec:8.3.3:linear-networks",
    section="8.3.3",
    kind="algorithmic",
    title="Linear networks y = W₁W₂x with the squared loss (Baldi and Hornik's setting, the one cited): no spurious local minima; GD with a small step from a small random initialisation reaches a global "
    "minimum, a best rank-k approximation of the fitted outputs (Eckart–Young of Σ_yx for whitened inputs; the rank-k "
    "truncation, unique iff σ_k > σ_{k+1} or σ_{k+1} = 0)",
    printed=r"\text{linearized neural networks of the form } y = W_1W_2x \text{ \dots have no spurious local minima "
    r"[Baldi and Hornik, 1989]}",
    statement=LinearNets(),
    check=_check_nets,
    mutants=[
        Mutant("GD reaches ½Σ_{i>k+1}σᵢ² (one rank more than W₁W₂ has)", LinearNets(rank_offset=1)),
        Mutant("every critical point is a global minimum", LinearNets(all_global=True)),
        Mutant("every component of minima is a single point", LinearNets(minima_dim_offset=-1)),
        Mutant("a saddle component is a minimum", LinearNets(saddles="minimum")),
        Mutant("GD from W₁ = W₂ = 0 reaches the optimum", LinearNets(init="zero")),
        Mutant("GD from an invariant-subspace initialisation reaches the optimum", LinearNets(init="invariant subspace")),
        Mutant("GD with η = 0.05 from W₁ = 5·1, W₂ = 5·1ᵀ reaches the optimum", LinearNets(init="large")),
        Mutant("the optimum is Eckart–Young of W_LS in parameter space (non-whitened inputs)",
               LinearNets(target="EY of W_LS")),
        Mutant("GD reaches the rank-k truncation as a unique product, also with σ_k = σ_{k+1} (the old title)",
               LinearNets(unique_target=True)),
    ],
    uses=["thm:8.7"],
    quantified=Quantified(LA.REG_K1, LA.decide, extra=("X = I₂, Y = diag(3, 1), width k = 2",)),
    notes=["the loss is the squared loss: the chapter names none, and the sentence cites Baldi and Hornik (1989), whose "
           "theorem is for the squared loss (as is every objective of §8.3). Second reader V2 (2026-12-08): with another "
           "convex loss it fails — log-cosh, width 1, X = I, Y = [[−3, 3], [−3, −2]] has strict local minima (up to the "
           "scaling (W₁, W₂) ↦ (cW₁, W₂/c)) at L = 3.6378 and L = 3.3895 (40 digits), and a quartic loss another "
           "(Y = [[2, 0], [1, 2]]: 11.518 against 1.568); so the statement is read with the cited theorem's loss, and "
           "'any convex loss' is not the chapter's claim",
           "attacks: every bank data set (X, Y) at width k = 1, dx, dy ≤ 2 (numeric/adversaries/linnets.py: whitened "
           "with distinct, repeated (Y = I₂) and rank-deficient target singular values, n = 1 < d = 2, n = 3 > d non-"
           "whitened, Y = 0; joint covariance PSD checked exactly), decided exactly (verify/chapter8/linnet_attacks.py): "
           "v reduced to range(Σxx), the u = 0 family settled by an explicit negative direction, the u ≠ 0 critical set "
           "after the gauge ‖u‖ = 1 solved by SymPy with the Hessian inertia off the scaling orbit (Descartes on the "
           "characteristic polynomial), a positive-dimensional set (Y = I₂, Y = 0) certified global by a unit Gröbner "
           "ideal with τ(L − L₁) − 1: the printed form held on all 6; the mutants 'every critical point global', "
           "'a saddle component is a minimum' and 'minima components are points' fall on the same path (e.g. X = I₂, "
           "Y = diag(3, 1): u = e₂ a strict saddle at L = 9/4 > 1/4); the GD/optimum-formula mutants are n/a there "
           "(decided by the check's runs)",
           "second reader: the old title's 'GD reaches the Eckart–Young optimum' fails from W₁ = W₂ = 0 (loss 5 vs 0.5), "
           "from an invariant-subspace initialisation (converges to the loss-4.5 saddle), from a large one (NaN), and "
           "for non-whitened inputs when Eckart–Young is applied to W_LS (639.96 vs 96.02); the printed sentence only "
           "says 'no spurious local minima', which held on every degenerate data set tried; the title now says what is "
           "checked and those four readings are killed mutants",
           "exact at (2, 1, 2) only; a proof for every size would need Baldi–Hornik's argument (every critical "
           "point of ½‖C − W₁W₂‖² is built from a subset of C's singular vectors, and any subset other than the "
           "top k has a descent or negative-curvature direction), which is not encoded",
           "second reader T2 (2026-12-07): FALSE-VERIFIED (edge case) for the old title's 'reaches … the rank-k "
           "truncation': with σ_k = σ_{k+1} the best rank-k fit is not unique — X = I₃, Y = diag(2, 1, 1), k = 2: "
           "diag(2, 1, 0) and diag(2, 0, 1) both have loss exactly 1/2 = ½σ₃² (Fractions), and GD (η = 0.05) from 4 "
           "10⁻³-scale starts reaches loss 1/2 at 4 different products (tied blocks differ by up to 0.876, "
           "verify/chapter8/linnet_ties.py). Not a chapter erratum: the printed sentence says only 'no spurious local "
           "minima' (held there too); the suite's reading overclaimed and now says 'a best rank-k approximation (the "
           "truncation, unique iff σ_k > σ_{k+1} or σ_{k+1} = 0)'; the old reading is a mutant killed on this instance"],
)
