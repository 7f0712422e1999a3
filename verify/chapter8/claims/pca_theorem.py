"""Theorem 8.7 (all local minima of the PCA objective are global), checked two ways.

(a) thm:8.7 — the printed proof, each step proved at generic d in the trace normal form
    (symbolic.chapter8.pca_proof): stationary points satisfy Mx = ‖x‖²x ((8.2), x = 0 included);
    along the unit top eigenvector v₁ the curvature is q(x, v₁) = 2⟨x,v₁⟩² + λ − λ₁, and
    ⟨x, v₁⟩ = 0 when λ ≠ λ₁ ((8.9)–(8.10)), so λ < λ₁ violates (8.3); at λ = λ₁,
    g(x) − (½‖M‖² − ½λ₁²) = xᵀ(λ₁I − M)x + ½(‖x‖² − λ₁)² = 0 (global, Eckart–Young
    proved rather than cited).  Hence the local minima are exactly ±√λ₁u₁ (u₁ in the top
    eigenspace), and every one is global.
(b) sec:8.3.1:optimizers-find-global-min — reference runs: GD and perturbed GD from
    random starts reach ±√λ₁u₁; started at the saddle 0, GD stays and perturbed GD
    escapes.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import sympy as sp

from numeric.stats import wilson_interval
from numeric.chapter8.sweeps import pca_runs as PR
from numeric.sweeps.core import compute
from symbolic.chapter8 import pca_proof as P
from verify.engine.claim import Mutant, Outcome, Step
from verify.engine.registry import claim


@dataclass(frozen=True)
class LocalMinima:
    """Which stationary points are local minima: those with eigenvalue λ₁ ('top'),
    λ_d ('bottom') or all of them; ``strict`` claims a positive definite Hessian there."""

    rule: str = "top"
    strict: bool = False


_delta = sp.Symbol("delta", positive=True)


def _proof_steps(pf) -> list[Step]:
    return [
        Step("Step 1: gradient", "t¹ coefficient of g(x + tv) − ⟨v, −2(M − xxᵀ)x⟩ (generic d)", derived=pf.grad_gap,
             holds=pf.grad_gap == 0),
        Step("Step 1: (8.2)", "⟨v, (M − xxᵀ)x⟩ − ⟨v, Mx − ‖x‖²x⟩: ∇g = 0 ⟺ Mx = ‖x‖²x (x = 0: λ = 0)",
             derived=pf.stationary_gap, holds=pf.stationary_gap == 0),
        Step("Step 2: (8.8)", "t² coefficient q(x, v) of g(x + tv) − (2⟨x,v⟩² + ‖x‖²‖v‖² − vᵀMv)", derived=pf.q_gap,
             holds=pf.q_gap == 0),
        Step("Step 2: symmetry", "⟨v, Mx⟩ − ⟨Mv, x⟩ for symmetric M", derived=pf.symmetry_gap, holds=pf.symmetry_gap == 0),
        Step("Step 2: orthogonality", "⟨v₁, Mx⟩ with Mx = λx minus ⟨Mv₁, x⟩ with Mv₁ = λ₁v₁ (c = ⟨x, v₁⟩)",
             derived=pf.orthogonality, holds=pf.c_quotient == P.c),
        Step("Step 2: (8.9)", "q(x, v₁) at ‖x‖² = λ, ‖v₁‖ = 1, v₁ᵀMv₁ = λ₁", derived=pf.q_v1),
        Step("Step 2: (8.10)", "q(x, v₁) for λ ≠ λ₁ (c = 0): negative for λ < λ₁, so (8.3) fails",
             derived=pf.q_case2, holds=pf.q_case2 is not None),
        Step("Case 1: global", "g(x) − (½‖M‖² − ½λ₁²) − [xᵀ(λ₁I − M)x + ½(‖x‖² − λ₁)²]", derived=pf.global_gap,
             holds=pf.global_gap == 0),
        Step("Case 1: attained", "xᵀ(λ₁I − M)x + ½(‖x‖² − λ₁)² at Mx = λ₁x, ‖x‖² = λ₁", derived=pf.sos_at_top,
             holds=pf.sos_at_top == 0),
        Step("Hessian at the minima", "q(x, v) at a top point with M = λ₁I − N: 2⟨x,v⟩² + vᵀNv ⪰ 0",
             derived=pf.q_top, holds=pf.q_top_gap == 0),
    ]


def _check_a(rule: LocalMinima, ctx) -> Outcome:
    pf = P.steps()
    steps = _proof_steps(pf)
    if not all(s.holds for s in steps if s.holds is not None):
        return Outcome(None, ["symbolic (trace normal form, generic d)"], steps=steps,
                       notes=["a step of the printed proof did not reduce to 0"], strength="proved")
    lam, lam1 = P.lam, P.lam1
    q2 = pf.q_case2  # q(x, v₁) at a stationary point with eigenvalue λ < λ₁

    def is_local_min(level, given=None) -> bool | None:
        """The proof's verdict at a stationary level λ (``given``: the hypotheses of the level)."""
        if sp.simplify(level - lam1) == 0:
            return True  # Case 1: a global minimum
        sign = sp.simplify(q2.subs(lam, level).subs(given or {}))
        return False if sign.is_negative else None

    # the stationary levels: λ₁; λ_d = λ₁ − δ (δ > 0, a spectrum that is not flat); x = 0, λ = 0 < λ₁ (M ≠ 0)
    levels = {"λ = λ₁": (lam1, None), "λ = λ_d < λ₁": (lam1 - _delta, None),
              "x = 0 (λ = 0 < λ₁)": (sp.Integer(0), {lam1: _delta})}
    predicted = {
        "top": {"λ = λ₁": True, "λ = λ_d < λ₁": False, "x = 0 (λ = 0 < λ₁)": False},
        "bottom": {"λ = λ₁": False, "λ = λ_d < λ₁": True, "x = 0 (λ = 0 < λ₁)": False},
        "all": {"λ = λ₁": True, "λ = λ_d < λ₁": True, "x = 0 (λ = 0 < λ₁)": True},
    }[rule.rule]
    ce = None
    for name, (level, given) in levels.items():
        derived = is_local_min(level, given)
        if derived is None:
            return Outcome(None, ["symbolic (trace normal form, generic d)"], steps=steps, strength="proved",
                           notes=[f"the sign of q(x, v₁) at {name} is undecided"])
        if derived != predicted[name] and ce is None:
            lv = {"λ = λ₁": 2, "λ = λ_d < λ₁": 1, "x = 0 (λ = 0 < λ₁)": 0}[name]
            ce = {"claimed a local minimum" if predicted[name] else "claimed no local minimum": name,
                  "instance": "M = diag(2, 1), v₁ = e₁", "lambda": lv,
                  "q(x, v1) = ½⟨v₁, ∇²g(x)v₁⟩": str(q2.subs({lam: lv, lam1: 2})) if lv < 2 else "global minimum"}
    if ce is None and rule.strict:
        # positive definite at every minimum? q = 2⟨x,v⟩² + vᵀNv vanishes for v ⊥ x with Nv = 0 (λ₁ repeated)
        if pf.q_top_degenerate == 0:
            ce = {"instance": "M = I₂ (λ₁ = λ₂ = 1), x = e₁, v = e₂", "q(x, v)": 0,
                  "why": "⟨x, v⟩ = 0 and (λ₁I − M)v = 0: the Hessian is singular at the minimum"}
    holds = ce is None
    return Outcome(holds, ["symbolic (trace normal form, generic d)"], examples=1, worst_margin=0.0 if holds else None,
                   counterexample=ce, steps=steps, strength="proved",
                   notes=["the printed proof, step by step at generic d (symbolic.chapter8.pca_proof): stationary points are "
                          "0 and eigenvectors with λ = ‖x‖²; along v₁ the curvature is λ − λ₁ < 0 unless λ = λ₁; "
                          "at λ = λ₁ the value gap to ½‖M‖² − ½λ₁² is a sum of two nonnegative terms that vanish, "
                          "so every local minimum is global (Eckart–Young proved, not cited)"])


claim(
    id="thm:8.7",
    section="8.3.1",
    kind="identity",
    title="All local minima of the PCA objective are global",
    printed=r"\text{All local minima of } g \text{ are global minima (even though } g \text{ is non-convex).}",
    statement=LocalMinima("top"),
    check=_check_a,
    mutants=[
        Mutant("the local minima are ±√λ_d u_d (bottom eigenvalue)", LocalMinima("bottom")),
        Mutant("every stationary point is a local minimum", LocalMinima("all")),
        Mutant("the Hessian is positive definite at every local minimum", LocalMinima("top", strict=True)),
    ],
    uses=["eq:8.1", "eq:8.2", "eq:8.3", "eq:8.9", "eq:8.10", "sec:8.3.1:stationary-points"],
)


# --- (b) reference optimizer runs --------------------------------------------------------
@dataclass(frozen=True)
class Runs:
    perturb: bool = True  # perturbed GD really perturbs
    gd_escapes_saddle: bool = False  # the statement says GD started at 0 stays there
    target: str = "top"  # random starts reach ±√λ₁u₁ ('top') or ±√λ₂u₂ ('second')


def pca_runs_size(profile) -> tuple[int, int]:
    """Instances n and dimension d of the runs (verify.chapter8.sweep_plans reads them too)."""
    return max(8, profile.trials // 2), 6


def _check_b(stmt: Runs, ctx) -> Outcome:
    n, d = pca_runs_size(ctx.profile)
    eigenvalues, eigenvectors, out = compute([PR.runs_cell(ctx.seed_for("pca-runs"), n, d, stmt.perturb)])[0]
    reached, dists, gnorms = 0, [], []
    stay, escape = 0, 0
    for k, (started, gd_norm, pg_norm) in enumerate(out):
        lam, U = eigenvalues[k], eigenvectors[k]
        idx = 0 if stmt.target == "top" else 1
        goal = np.sqrt(lam[idx]) * U[:, idx]
        for x, grad_norm in started:
            dist = min(np.linalg.norm(x - goal), np.linalg.norm(x + goal)) / np.sqrt(lam[0])
            dists.append(dist)
            gnorms.append(grad_norm)
            reached += dist < 1e-4
        stay += gd_norm == 0.0
        escape += pg_norm > 0.5 * np.sqrt(lam[0])
    runs = 2 * n
    lo, hi = wilson_interval(reached, runs)
    notes = [
        f"random starts: {reached}/{runs} runs (GD and perturbed GD, d = {d}) ended within 1e-4·√λ₁ of "
        f"±√λ{1 if stmt.target == 'top' else 2}u; success rate 95% CI [{lo:.3f}, {hi:.3f}]; "
        f"largest final gradient norm {max(gnorms):.2e}",
        f"saddle 0: GD stayed exactly at 0 in {stay}/{n}; perturbed GD escaped in {escape}/{n}",
        "sampled: runs show what the optimizers do; a proof would combine thm:8.7 (proved) with a convergence "
        "theorem for GD/perturbed GD on strict-saddle functions (Theorems 8.5/8.6) and PCA's strict-saddle constants",
    ]
    holds = reached == runs and (stay == n) != stmt.gd_escapes_saddle and escape == n
    ce = None if holds else {"reached": reached, "runs": runs, "gd stayed": stay, "pgd escaped": escape}
    return Outcome(holds, ["optimizer"], runs + 2 * n, -max(dists) if holds else None, ce, notes=notes, strength="sampled")


claim(
    id="sec:8.3.1:optimizers-find-global-min",
    section="8.3.1",
    kind="algorithmic",
    title="GD and perturbed GD reach ±√λ₁u₁; at the saddle 0 only perturbed GD escapes",
    printed=r"\text{Gradient descent can find local minimum + all local minima are global} "
    r"\Rightarrow \text{gradient descent can find global minima}",
    statement=Runs(),
    check=_check_b,
    mutants=[
        Mutant("perturbed GD with the perturbation removed escapes the saddle", Runs(perturb=False)),
        Mutant("GD started at the saddle 0 escapes it", Runs(gd_escapes_saddle=True)),
        Mutant("random starts reach ±√λ₂u₂", Runs(target="second")),
    ],
    uses=["thm:8.7"],
)
