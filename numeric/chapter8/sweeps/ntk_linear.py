"""§8.4.2 experiments on the linearised model (footnote 4's online GD, the iteration count (8.128)), as sweep cells.

Moved verbatim from verify/claims/ntk_linear.py (same streams, same numbers).
"""
from __future__ import annotations

import numpy as np

from numeric.chapter8 import ntk as nn
from numeric.sweeps.core import compute, experiments


def _sig_tau(Phi):
    ev = np.linalg.eigvalsh(Phi @ Phi.T)
    return float(ev[0]), float(ev[-1])


def online_runs_cell(seed: int, relinearise: bool):
    """The largest gap between GD on L̂(f) and online GD on L̂(gᵗ) over 40 steps (erf, m = 32): (gap, steps)."""
    rng = np.random.default_rng(seed)
    n, d, m = 5, 3, 32
    Xd = nn.sphere(n, d, rng)
    y = rng.choice([-1.0, 1.0], n)
    net0 = nn.init(m, d, rng, "erf")
    step, T_ = 0.5, 40
    th_gd = net0.theta.copy()
    th_on = net0.theta.copy()
    worst = 0.0
    for t in range(T_):
        # GD on L̂(f) = (1/n)Σ(f − y)²
        net = net0.with_theta(th_gd)
        th_gd = th_gd - step * 2 / n * net.grad_dot(Xd, net.f(Xd) - y)
        # online GD: receive L̂(gᵗ), take one gradient step on it at the current point
        anchor = net0.with_theta(th_on if relinearise else net0.theta)
        g_at = nn.linearised_outputs(anchor, Xd, th_on)
        th_on = th_on - step * 2 / n * anchor.grad_dot(Xd, g_at - y)
        worst = max(worst, float(np.linalg.norm(th_gd - th_on)))
    return worst, T_


def iterations_vs_eps_cell(seed: int, scale: int):
    """The fewest GD steps with ‖ŷᵀ − y‖ ≤ ε‖ŷ⁰ − y‖, times ησ², against log(1/ε), on a random full-rank Φ with
    the worst residual (along the bottom singular vector, where (1 − ησ²) is the exact contraction)."""
    rng = np.random.default_rng(seed)
    n, p = (4, 8) if scale == 1 else (8, 16)
    Phi = rng.standard_normal((n, p)) / np.sqrt(p)
    s2, t2 = _sig_tau(Phi)
    step = 0.5 / t2
    A = np.eye(n) - step * Phi @ Phi.T
    r = np.linalg.svd(Phi)[0][:, -1] + 1e-3 * rng.standard_normal(n)
    r0 = float(np.linalg.norm(r))
    epss = np.geomspace(1e-1, 1e-12, 6 if scale == 1 else 12)
    out, t = [], 0
    for eps in epss:
        while np.linalg.norm(r) > eps * r0:
            r, t = A @ r, t + 1
        out.append((float(np.log(1 / eps)), t * step * s2))
    return out


# --- accessors: values from this process, the cache, or computed (by the executor, if one is set) --------------
_COST = {  # relative cost per unit of scale, for scheduling the heaviest first
    "online_runs": 1.0,
    "iterations_vs_eps": 1.0,
}


cells, values = experiments(globals(), _COST)  # numeric.sweeps.core.experiments


def online_runs(seed: int, relinearise):
    return compute(cells("online_runs", [seed], relinearise=relinearise))[0]


def iterations_vs_eps(seed: int, scale):
    return compute(cells("iterations_vs_eps", [seed], scale=scale))[0]
