"""Reference optimizer runs on the matrix-completion f (Theorems 8.14/8.23): recovery and its phase transition.

For each (d, p·d) and each instance (z, Ω), several optimizers (GD, perturbed GD, cubic-regularised
Newton from numeric.optimizers) run from random starts x₀ ~ N(0, I/d).  A run *ends at a local
minimum* when it stopped on its gradient tolerance (or PGD's second-order test) with λ_min(∇²f) ≥ −tol;
the instance is *recovered* when every run ends within 10⁻³ of ±z.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numeric.chapter8 import masks
from numeric.chapter8 import matrix_completion as mc
from numeric.chapter8 import mc_landscape as ml
@dataclass(frozen=True)
class RunRecord:
    d: int
    pd: float
    instance: int
    method: str
    distance: float  # min ‖x − z‖, ‖x + z‖
    local_min: bool
    lambda_min: float
    cost: float
    coherence: float  # √d‖x‖_∞/‖x‖ of the end point
    iterations: int


def _instances(rng, ds, pds, n_instances: int, coherent: bool, mu: float):
    """(d, p·d, p, k, z, Ω) for each instance, drawn lazily from rng (callers may draw in between)."""
    for d in ds:
        for pd in pds:
            p = min(1.0, pd / d)
            for k in range(n_instances):
                z = mc.basis_vector(d) if coherent else mc.incoherent_unit_vector(d, mu, rng)
                yield d, pd, p, k, z, masks.bernoulli(d, p, rng)


def sweep(seed: int, ds, pds, n_instances: int, methods=("GD", "GD", "PGD", "cubic"), coherent: bool = False,
          mu: float = 2.0, max_iter: int = 3000, cubic_max_d: int = 400, cubic_min_pd: float = 0.0) -> list[RunRecord]:
    """Every instance of the grid from one stream, each run by ``methods`` from its own start x₀ ~ N(0, I/d)."""
    rng = np.random.default_rng(seed)
    out = []
    for d, pd, p, k, z, m in _instances(rng, ds, pds, n_instances, coherent, mu):
        cubic = d <= cubic_max_d and pd >= cubic_min_pd
        out += _runs(rng, mc.Objective(z, m), d, pd, p, k, methods, cubic, max_iter)
    return out


def _runs(rng, ob, d, pd, p, k, methods, cubic, max_iter) -> list[RunRecord]:
    """The runs on one instance; the GD restarts go together (gd_restarts), in the stream's order of draws."""
    runs, gd_starts = {}, {}
    for i, meth in enumerate(methods):
        if meth == "cubic" and not cubic:
            continue
        x0 = rng.standard_normal(d) / np.sqrt(d)
        if meth == "GD" and ob.mask.symmetric:  # GD draws nothing from rng: its restarts can run after the others
            gd_starts[i] = x0
        else:
            runs[i] = ml.run(meth, ob, x0, rng, max_iter=max_iter)
    if gd_starts:
        runs.update(zip(gd_starts, ml.gd_restarts(ob, np.array(list(gd_starts.values())), max_iter=max_iter)))
    return [_record(runs[i], ob, d, pd, p, k, methods[i]) for i in sorted(runs)]


def _record(r, ob, d, pd, p, k, meth) -> RunRecord:
    dist = ml.distance_to_pm(r.x, ob.z)
    if dist <= 1e-3:  # ±z is a global minimum (f = 0): a local minimum, no eigenvalue needed
        lam, lm = float("nan"), True
    else:
        lam = r.lambda_min if r.lambda_min is not None else ob.lambda_min(r.x)
        lm = bool(r.converged and lam >= -1e-7 * p)
    nx = np.linalg.norm(r.x)
    return RunRecord(d, pd, k, meth, dist, lm, float(lam), float(r.cost), mc.coherence(r.x) if nx > 0 else 0.0,
                     int(r.iterations))


def success_rates(records, d):
    """{pd: (recovered instances, instances)} for one d: recovered = every run within 1e-3 of ±z."""
    by = {}
    for r in records:
        if r.d != d:
            continue
        by.setdefault(r.pd, {}).setdefault(r.instance, []).append(r.distance <= 1e-3)
    return {pd: (sum(all(v) for v in inst.values()), len(inst)) for pd, inst in sorted(by.items())}


def threshold(rates: dict) -> float:
    """p·d at which the recovered fraction first reaches 1/2 (log-linear interpolation)."""
    pds = sorted(rates)
    fr = [rates[q][0] / rates[q][1] for q in pds]
    for i, f in enumerate(fr):
        if f >= 0.5:
            if i == 0:
                return float(pds[0])
            f0, q0, q1 = fr[i - 1], pds[i - 1], pds[i]
            t = (0.5 - f0) / (f - f0) if f > f0 else 1.0
            return float(np.exp(np.log(q0) + t * (np.log(q1) - np.log(q0))))
    return float("inf")


def exhibited_minima(seed: int, ds, pds, n_instances: int, coherent: bool = False, mu: float = 2.0):
    """Global minima of f far from ±z that exist by construction, per instance: (d, pd, k, distance or None).

    * a row i of Ω with no entry: f(z + e_i) = f(z) = 0, a global minimum at distance 1;
    * z = e₁ with (1, 1) ∉ Ω: P_Ω(e₁e₁ᵀ) = 0, so f(0) = 0: a global minimum at distance 1.
    """
    rng = np.random.default_rng(seed)
    out = []
    for d, pd, p, k, z, m in _instances(rng, ds, pds, n_instances, coherent, mu):
        ob = mc.Objective(z, m)
        cand = [z + mc.basis_vector(d, int(i)) for i in masks.empty_rows(m)[:1]]
        if coherent:
            cand.append(np.zeros(d))
        far = [ml.distance_to_pm(x, z) for x in cand if ob.value(x) <= 1e-14 and ml.distance_to_pm(x, z) > 1e-3]
        out.append((d, pd, k, far[0] if far else None))
    return out
