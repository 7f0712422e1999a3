"""The §8.2.1 optimizer runs: escaping a strict saddle (Jin et al. 2017) and Example 8.2 without the strict-saddle
condition.

One cell per stream: an escape trial (a start on the saddle's stable manifold, plain GD from it, then perturbed
GD at the saddle, from ``default_rng(seed)`` in that order), or the GD and perturbed GD runs of a textbook
function at one tolerance ε, or the GD iterations from extra starts (the rate of Example 8.2).  The statement
and its mutants read the same cells where their runs coincide.
"""
from __future__ import annotations

import numpy as np

from numeric.chapter8 import landscapes as NL
from numeric.chapter8 import strict_saddle as SS
from symbolic.chapter8 import landscapes as SL
from numeric.sweeps.core import Cell, cell


# --- the escape from a strict saddle ----------------------------------------------------------------------------
def escape_family() -> SS.SaddleFamily:
    """The family of the escape trials: d = 10, β = 0.1 (a strict saddle at 0, minima at distance ~1)."""
    return SS.SaddleFamily(d=10, alpha=0.5, beta=0.1, gamma=1.0)


def escape_eps(eps_over: float | None = None) -> float:
    """PGD's tolerance ε' of the escape trials: 1e-3·κ/2 (≤ β²/ρ: the saddle is one PGD must escape), or
    ``eps_over``·β²/ρ (above 1: the negative curvature −β is weaker than the −√(ρε') PGD is tuned to)."""
    fam = escape_family()
    return 1e-3 * SS.kappa(fam) / 2 if eps_over is None else eps_over * fam.beta**2 / fam.rho


def escape_trial(seed: int, perturb: bool, eps_over: float | None = None):
    """GD from a start with x₁ = 0 (|x₁| and ‖x‖ where it stops, whether it stayed at the saddle), then perturbed GD
    (with or without its perturbation) at the saddle for ε' = escape_eps(eps_over)
    (numeric.chapter8.strict_saddle.escape_from_saddle)."""
    from numeric.optimizers import GD

    fam = escape_family()
    eps = escape_eps(eps_over)
    rng = np.random.default_rng(seed)
    x0 = SS.start_point(fam, rng, 4.0)
    res = GD(step=1 / fam.ell).run(fam.problem(), x0, max_iter=20000, tol=1e-10)
    stayed = res.x[0] == 0.0 and np.linalg.norm(res.x) < 1e-6 and res.lambda_min < -0.9 * fam.beta
    e = SS.escape_from_saddle(fam, eps, rng, perturb=perturb)
    return abs(res.x[0]), float(np.linalg.norm(res.x)), stayed, e


def escape_cell(seed: int, perturb: bool, eps_over: float | None = None) -> Cell:
    if eps_over is None:  # the key of the cached cells stays what it was
        return cell(escape_trial, seed, cost=1.0, perturb=bool(perturb))
    return cell(escape_trial, seed, cost=1.0, perturb=bool(perturb), eps_over=float(eps_over))


# --- Example 8.2 without the strict-saddle condition ------------------------------------------------------------
NSS_ELL, NSS_RHO = 6.0, 6.0  # |∂²f| and |∂³f| on the region the runs visit (x₂ ∈ [0, 1])
NSS_START = (0.5, 1.0)


def nss_runs(seed: int, function: str, eps: float):
    """GD (to ‖∇f‖ ≤ ε) and perturbed GD with Jin et al.'s parameters for ε, both from (0.5, 1), on a textbook f."""
    from numeric.optimizers import GD, PerturbedGD

    f, vs = SL.textbook()[function]
    prob = NL.problem(f, vs)
    D = NL.derivatives(f, tuple(vs))
    x0 = np.array(NSS_START)
    r1 = GD(step=1 / NSS_ELL).run(prob, x0, max_iter=2_000_000, tol=eps)
    pg = PerturbedGD.from_theory(ell=NSS_ELL, rho=NSS_RHO, eps=eps, d=2, delta_f=float(D.value(x0[None])[0]) + 1)
    r2 = pg.run(prob, x0, rng=np.random.default_rng(seed), max_iter=2_000_000, tol=0.0)
    return r1, r2


def nss_runs_cell(seed: int, function: str, eps: float) -> Cell:
    return cell(nss_runs, seed, cost=2.0, function=function, eps=float(eps))


def nss_rate(seed: int, function: str, eps_list: tuple):
    """GD iterations to ‖∇f‖ ≤ ε, for each ε, from two more starts drawn from ``default_rng(seed)``."""
    from numeric.optimizers import GD

    f, vs = SL.textbook()[function]
    prob = NL.problem(f, vs)
    srng = np.random.default_rng(seed)
    starts = [np.array(NSS_START)] + [np.array([srng.uniform(0.2, 1.0), srng.uniform(0.5, 1.5)]) for _ in range(2)]
    return [[GD(step=1 / NSS_ELL).run(prob, s0, max_iter=2_000_000, tol=e).iterations for e in eps_list]
            for s0 in starts[1:]]


def nss_rate_cell(seed: int, function: str, eps_list) -> Cell:
    return cell(nss_rate, seed, cost=2.0, function=function, eps_list=tuple(float(e) for e in eps_list))


# --- hitting times of the strict-saddle family against one dial (Theorems 8.5, 8.6) ----------------------------
def dial_rows(seed: int, base: tuple, key: str, values: tuple, seeds: int, optimizer: str) -> list[dict]:
    """Evaluations to reach ε = 1e-3 of a minimum from the stable manifold (x₂ = 40), one row per (value, start
    seed), with one dial of the family changed ('eps': the target ε itself); starts and perturbations come from the
    fixed streams 1000 + s and 2000 + s (numeric.chapter8.strict_saddle.sweep), so ``seed`` is unused."""
    if key == "eps":
        rows = []
        fam = SS.SaddleFamily(**dict(base))
        for tgt in values:
            for sd in range(seeds):
                x0 = SS.start_point(fam, np.random.default_rng(1000 + sd), 40.0)
                opt = SS.pgd_for_target(fam, tgt, x0) if optimizer == "pgd" else _cubic(fam)
                n = SS.hitting_time(fam, opt, x0, tgt, np.random.default_rng(2000 + sd))
                rows.append({"value": tgt, "seed": sd, "evaluations": n})
        return rows
    return SS.sweep(dict(base), key, list(values), seeds, 1e-3, optimizer, shelf_start=40.0)


def _cubic(fam):
    from numeric.optimizers import CubicNewton

    return CubicNewton(M=fam.rho)


def dial_cell(base: dict, key: str, values, seeds: int, optimizer: str) -> Cell:
    return cell(dial_rows, 0, cost=float(len(values) * seeds), base=tuple(sorted(base.items())), key=key,
                values=tuple(values), seeds=int(seeds), optimizer=optimizer)
