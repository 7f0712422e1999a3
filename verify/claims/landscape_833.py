"""§8.3.3: other problems whose local minima are all global — linear networks (Baldi–Hornik) and
orthogonal tensor decomposition (8.53).

Gradients and (Riemannian) Hessians are derived by SymPy at small sizes and lambidified
(symbolic.landscapes → numeric.tensor, numeric.linear_net); critical points of the smallest
linear network also go through the general classifier (numeric.classify) with the Eckart–Young
lower bound as the certificate for its degenerate minima.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from numeric import classify as C
from numeric import linear_net as LN
from numeric import tensor as NT
from numeric.optimizers import GD
from symbolic import landscapes as SL

from ..checks.generic import generic_too
from ..checks.identity import MatrixIdentity
from ..claim import Mutant, Outcome, Step
from ..registry import claim


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


def _correlated(rng, d, k):
    A = NT.orthonormal_components(rng, d, k) + 0.35 * np.ones((d, 1)) / np.sqrt(d)
    return A / np.linalg.norm(A, axis=0)


def _check_tensor(stmt: TensorLandscape, ctx) -> Outcome:
    ok_geo, geo_txt = _geodesic_identity()
    steps = [Step("Riemannian Hessian", "P(∇²F − (xᵀ∇F)I)P is the second derivative along great circles: " + geo_txt,
                  holds=ok_geo)]
    holds = ok_geo
    ce = None
    sizes = [(4, 4), (5, 3)] + ([(6, 6), (7, 4)] if ctx.profile.scale > 1 else [])
    n = max(8, ctx.profile.trials // 2)
    examples = 0
    for d, k in sizes:
        rng = ctx.rng(f"tensor-{d}-{k}")
        A = NT.orthonormal_components(rng, d, k) if stmt.components == "orthonormal" else _correlated(rng, d, k)
        T = NT.Tensor(A)
        # (ii) Riemannian gradient ascent and the power method from random starts
        worst_d, worst_h, iters = 0.0, -np.inf, []
        for _ in range(n):
            for method in ("ascent", "power"):
                x0 = NT.random_unit(rng, d)
                x, it = (NT.riemannian_ascent(T, x0, step=0.1, iters=5000) if method == "ascent" else NT.power_method(T, x0))
                iters.append(it)
                _, dist = NT.nearest_component(A, x)
                worst_d = max(worst_d, dist)
                worst_h = max(worst_h, float(T.tangent_hessian(x).max()))
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
        for S, sg, x in NT.subset_points(A):
            ev = T.tangent_hessian(x)
            g = np.linalg.norm(T.rgrad(x))
            m = len(S)
            kind = ("maximum" if ev.max() < -1e-9 else "minimum" if ev.min() > 1e-9 else
                    "saddle" if ev.min() < -1e-9 < 1e-9 < ev.max() else "degenerate")
            cls[(m, kind)] = cls.get((m, kind), 0) + 1
            if stmt.components == "orthonormal":
                # predicted spectrum: 8/m on span(S) ∩ x^⊥ (m − 1 of them), −4/m on span(S)^⊥ (d − m)
                pred = np.sort([8 / m] * (m - 1) + [-4 / m] * (d - m))
                pred_ok &= g < 1e-10 and np.allclose(np.sort(ev), pred, atol=1e-9)
            want = "maximum" if m == 1 else ("minimum" if m == d else stmt.pair_sums if m == 2 else "saddle")
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
        others = 0
        for _ in range(n):
            x, okn = NT.riemannian_newton(T, NT.random_unit(rng, d))
            if not okn:
                continue
            coeffs = A.T @ x
            on_sub = np.all((np.abs(coeffs) < 1e-7) | (np.abs(np.abs(coeffs) - np.max(np.abs(coeffs))) < 1e-7))
            # span(A)^⊥ (k < d) is a sphere of critical points where F = 0, its minimum; Newton approaches it only
            # linearly (∇F is cubic in the coefficients), so it is recognised by F ≤ 1e-12 (coefficients ≤ 1e-3)
            in_perp = T.value(x) < 1e-12
            others += not (on_sub or in_perp)
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
    title="Orthogonal T = Σaᵢ^⊗4: every local maximum on the sphere is ±aᵢ; normalised sums are saddles",
    printed=r"\text{Tensor decomposition \dots constraints are imposed on the tensor } T \text{ \dots T must be a low-rank "
    r"tensor with orthonormal components [Ge et al., 2015]} \text{ (no spurious local maxima of (8.53))}",
    statement=TensorLandscape(),
    check=_check_tensor,
    mutants=[
        Mutant("the same with correlated (non-orthogonal) components", TensorLandscape(components="correlated")),
        Mutant("the pair sums (aᵢ ± aⱼ)/√2 are local maxima", TensorLandscape(pair_sums="maximum")),
    ],
    uses=["eq:8.53"],
    notes=["sampled at small (d, k); a proof would need the symbolic first- and second-order conditions on the "
           "sphere in the basis aᵢ: with yᵢ = ⟨x, aᵢ⟩, F = Σyᵢ⁴, critical points have yᵢ ∈ {0, ±c} and the "
           "Riemannian Hessian at a point with |S| ≥ 2 nonzero coordinates has a positive direction (Ge et al. "
           "2015) — a computation for every d not yet done"],
)


# --- linear networks -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinearNets:
    rank_offset: int = 0  # GD reaches ½Σ_{i > k + offset} σᵢ²
    all_global: bool = False  # a mutant: every critical point is a global minimum
    minima_dim_offset: int = 0  # a mutant (−dim): every component of minima is a single point
    saddles: str = "strict saddle"  # a mutant: 'minimum' (a saddle component is a minimum)


def _net_instance(dims) -> tuple[sp.Expr, tuple, sp.Matrix]:
    """L = ½‖C − W₁W₂‖² with C = U diag(3, 1) Vᵀ (U, V rational orthogonal): rational singular values,
    so every critical value is rational and the Eckart–Young value ½σ₂² = ½ is exact."""
    dy, k, dx = dims
    D = SL.linear_net(dy, k, dx)
    Cm = SL.rational_orthogonal(dy) * sp.diag(3, 1) * SL.rational_orthogonal(dx, seed=1).T
    return sp.expand(D["loss"].subs(dict(zip(D["C"], Cm)))), D["params"], Cm


@lru_cache(maxsize=None)
def _net_landscape(dims):
    """The exact landscape of the net, component by component (cached: mutants judge the same one)."""
    L, params, Cm = _net_instance(dims)
    return C.component_landscape(L, params), Cm


def _tiny_exact(stmt) -> tuple[bool, list, dict | None, list[str]]:
    """(dy, k, dx) = (2, 1, 2) (and (2, 2, 2) in the report profile, see _check_nets): the critical set
    decomposed into components, each classified; the minima certified by an exact SOS bound."""
    return _exact_nets(stmt, [(2, 1, 2)])


def _exact_nets(stmt, sizes) -> tuple[bool, list, dict | None, list[str]]:
    from ..checks.components import Prediction, judge

    ok_all, steps, ce, names = True, [], None, []
    for dims in sizes:
        land, Cm = _net_landscape(dims)
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


def _check_nets(stmt: LinearNets, ctx) -> Outcome:
    exact_sizes = [(2, 1, 2)] + ([(2, 2, 2)] if ctx.profile.scale > 1 else [])
    ok_tiny, steps, ce, names = _exact_nets(stmt, exact_sizes)
    holds = ok_tiny
    sizes = [(3, 1, 3), (4, 2, 4)] + ([(5, 2, 4), (6, 3, 5)] if ctx.profile.scale > 1 else [])
    n = max(8, ctx.profile.trials // 2)
    examples = 0
    for dims in sizes:
        rng = ctx.rng(f"net-{dims}")
        net = LN.LinearNet(rng.standard_normal((dims[0], dims[2])), dims[1])
        ey = net.eckart_young(net.k + stmt.rank_offset)
        s1 = float(np.linalg.norm(net.C, 2))
        gaps, its = [], []
        for _ in range(n):
            p0 = 0.3 * rng.standard_normal(net.n)
            r = GD(step=0.5 / s1).run(net.problem(), p0, max_iter=50_000, tol=1e-10)
            gaps.append(abs(r.cost - ey) / (1 + ey))
            its.append(r.iterations)
            examples += 1
        ok_gd = max(gaps) < 1e-8
        steps.append(Step(f"{dims} GD", f"{n} random initialisations: final loss − ½Σ_(i>{net.k + stmt.rank_offset})σᵢ² "
                          f"≤ {max(gaps):.1e} (relative); iterations ≤ {max(its)}", holds=ok_gd))
        cps = LN.find_critical_points(net, rng)
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
    title="Linear networks y = W₁W₂x: no spurious local minima; GD reaches the Eckart–Young optimum",
    printed=r"\text{linearized neural networks of the form } y = W_1W_2x \text{ \dots have no spurious local minima "
    r"[Baldi and Hornik, 1989]}",
    statement=LinearNets(),
    check=_check_nets,
    mutants=[
        Mutant("GD reaches ½Σ_{i>k+1}σᵢ² (one rank more than W₁W₂ has)", LinearNets(rank_offset=1)),
        Mutant("every critical point is a global minimum", LinearNets(all_global=True)),
        Mutant("every component of minima is a single point", LinearNets(minima_dim_offset=-1)),
        Mutant("a saddle component is a minimum", LinearNets(saddles="minimum")),
    ],
    uses=["thm:8.7"],
    notes=["exact at (2, 1, 2) only; a proof for every size would need Baldi–Hornik's argument (every critical "
           "point of ½‖C − W₁W₂‖² is built from a subset of C's singular vectors, and any subset other than the "
           "top k has a descent or negative-curvature direction), which is not encoded"],
)
