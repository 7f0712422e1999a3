"""Rank-r PCA as symmetric factorisation, r = 2: g(X) = ½‖M − XXᵀ‖_F², X ∈ ℝ^{d×2}.

The chapter proves no spurious local minima for rank 1 (Theorem 8.7) and says the strategy extends
to higher rank.  Here the whole critical set is computed exactly and classified component by
component (numeric.classify.component_landscape): the global minima form one O(2) orbit
{X : XXᵀ = M₂} (M₂ the best rank-2 approximation), a curve, certified by an exact SOS certificate
g − g_min = pᵀQp; every other component has a negative Hessian eigenvalue (a strict saddle, or the
local maximum X = 0).  M = Q diag(λ) Qᵀ with Q rational orthogonal and square eigenvalues, so the
orbit has rational points.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from numeric.chapter8.sweeps import landscapes as SW
from numeric.sweeps.core import compute
from symbolic.chapter8 import landscapes as SL
from verify.engine.checks.components import Prediction, judge
from verify.engine.claim import Mutant, Outcome, Step
from verify.engine.registry import claim


@dataclass(frozen=True)
class Rank2:
    minima_dim: int = 1  # dim O(2) = 1; a mutant: 0 (every component of minima is a single point)
    others: str = "strict saddle"  # a mutant: 'minimum' (a saddle component is a minimum)
    rank: int = 2  # the minima are {XXᵀ = M_rank}; a mutant: rank 1 (the rank-1 optimum λ₁u₁u₁ᵀ)


def _best(d: int, r: int) -> sp.Matrix:
    lam = (9, 4, 1)[:d]
    Q = SL.rational_orthogonal(d)
    return Q * sp.diag(*(lam[:r] + (0,) * (d - r))) * Q.T


def _orbit_step(land, xs, target, d) -> tuple[bool, Step]:
    """Each component of global minima lies in {XXᵀ = target}: every entry of XXᵀ − target is in the
    radical of the component's equations; and contains a point of it (its exact point)."""
    from symbolic import components as CO

    X = sp.Matrix(d, 2, list(xs))
    ents = [sp.expand(e) for e in (X * X.T - target)]
    ok, lines = True, []
    for c in land.components:
        if not c.global_min:
            continue
        inside = all(CO.in_radical(e, c.equations, xs) for e in ents)
        ok &= inside
        lines.append(f"dim {c.dimension}: XXᵀ − M_r {'vanishes' if inside else 'does not vanish'} on it")
    return ok and bool(lines), Step(f"d = {d}: minima are the orbit", "; ".join(lines) or "no certified minima",
                                    holds=ok and bool(lines))


def pca_sizes(profile) -> list[int]:
    """X ∈ ℝ^{d×2} at these d (verify.chapter8.sweep_plans reads them too)."""
    return [2] + ([3] if profile.scale > 1 else [])


def _check(stmt: Rank2, ctx) -> Outcome:
    sizes = pca_sizes(ctx.profile)
    holds, steps, ce = True, [], None
    for d in sizes:
        land, xs, M, M2 = compute([SW.pca_rank2_cell(d)])[0]
        ok, st, c = judge(f"d = {d}, M = {M.tolist()}", land, Prediction(stmt.minima_dim, stmt.others))
        ok_orb, orb = _orbit_step(land, xs, _best(d, stmt.rank), d)
        holds &= ok and ok_orb
        steps += st + [orb]
        ce = ce or c or (None if ok_orb else {"d": d, "minima": f"not in {{XXᵀ = M_{stmt.rank}}}"})
    return Outcome(holds, ["symbolic", "sos"], len(sizes), None, ce, steps=steps,
                   notes=["the critical ideal is split by its critical values (proved to cover it) and by factors; "
                          "dimension, a point, smoothness and Hessian inertia of each component are exact; the global "
                          "minimum value is proved by an exact SOS certificate (cvxpy proposes, SymPy checks)",
                          "the minima form one O(2) orbit X = Q₂Λ^{1/2}R, R ∈ O(2) (a curve with two circles); "
                          "every other component has λ_min(∇²g) < 0: X = 0 is a local maximum (M ≻ 0), the rest "
                          "strict saddles",
                          "ci: d = 2; the report profile adds d = 3 (X ∈ ℝ^{3×2})"],
                   strength="exact", sizes=["X ∈ ℝ^{d×2}, d ∈ {" + ", ".join(map(str, sizes)) + "}, one M each"])


claim(
    id="sec:8.3.1:pca-rank-2",
    section="8.3.1",
    kind="algorithmic",
    title="Rank-2 PCA ½‖M − XXᵀ‖²: the minima form an O(2) orbit, every other critical component is a strict saddle",
    printed=r"\text{This proof strategy can be extended to handle higher-rank matrices \dots [Ge et al., 2016]}",
    statement=Rank2(),
    check=_check,
    mutants=[
        Mutant("every component of minima is a single point", Rank2(minima_dim=0)),
        Mutant("a saddle component is a minimum", Rank2(others="minimum")),
        Mutant("the minima are the rank-1 optimum XXᵀ = λ₁u₁u₁ᵀ", Rank2(rank=1)),
    ],
    uses=["thm:8.7"],
    notes=["exact at d = 2 (report: d = 3); a proof for every d would need the general rank-k PCA argument: "
           "critical points X = U_S Λ_S^{1/2}R from the eigenvectors of M, with a direction of negative "
           "curvature at every one that misses the top-2 eigenspace (as in thm:8.7's proof for rank 1)"],
)
