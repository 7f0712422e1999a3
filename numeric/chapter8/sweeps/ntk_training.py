"""§8.4.2 small training experiments (the O(η²) remainder (8.136), initial residuals against n (8.155)),
as sweep cells.  Moved verbatim from verify/claims/ntk_training.py (same streams, same numbers).
"""
from __future__ import annotations

import numpy as np

from numeric.chapter8 import ntk as nn
from numeric.sweeps.core import compute, experiments
from numeric.chapter8.sweeps.ntk import lazy_data


def remainder_vs_eta_cell(seed: int):
    """‖f_{θ − ηb}(X) − (f_θ(X) − ηΦb)‖ at η ∈ [10⁻⁴, 10⁻³] (erf, m = 64): (etas, remainders)."""
    rng = np.random.default_rng(seed)
    X, y = lazy_data(rng)
    net = nn.init(64, X.shape[1], rng, "erf")
    r = net.f(X) - y
    b = net.grad_dot(X, r)
    # η → 0 is the asymptotic regime of O(η²). The remainder is η²‖v₂‖(1 + cη + dη² + …) with c, d of order 1 and
    # per network: the fit's asymptotic model η^b(1 + cη) absorbs c, and the dropped dη² biases its exponent by
    # O(η_max²). Up to η = 10⁻² that bias (−3·10⁻⁶, from the same model at the same seeds) was larger than the
    # model's interval, which is set by rounding (±2·10⁻⁶): ci seed 14 excluded 2. Up to 10⁻³ it is ~100× smaller,
    # below rounding; at 10⁻⁴ the remainder (~10⁻⁸) is still far above rounding (~10⁻¹⁶ on f ~ 1)
    etas = np.geomspace(1e-4, 1e-3, 7)
    f0 = net.f(X)
    Phi_b = net.jvp(X, b)
    rem = [float(np.linalg.norm(net.with_theta(net.theta - e * b).f(X) - (f0 - e * Phi_b))) for e in etas]
    return etas, rem


def initial_residuals_cell(seed: int, scale: int):
    """‖ŷ⁰ − y‖ at init (erf, m = 256, 10 draws) against n: rows (n, mean of ‖ŷ⁰ − y‖, mean of ‖ŷ⁰ − y‖²).  The
    square's mean is exactly n·E(f_θ⁰(x) − y)² (linear in n, no finite-size bend); the norm's mean bends as n^½(1 − c/n)."""
    rng = np.random.default_rng(seed)
    ns = [4, 16, 64, 256] + ([1024] if scale > 1 else [])
    rows = []
    for n in ns:
        X = nn.sphere(n, 8, rng)
        y = rng.choice([-1.0, 1.0], n)
        vals = [float(np.linalg.norm(nn.init(256, 8, rng, "erf").f(X) - y)) for _ in range(10)]
        rows.append((n, float(np.mean(vals)), float(np.mean(np.square(vals)))))
    return rows


# --- accessors: values from this process, the cache, or computed (by the executor, if one is set) --------------
_COST = {  # relative cost per unit of scale, for scheduling the heaviest first
    "remainder_vs_eta": 1.0,
    "initial_residuals": 1.0,
}


cells, values = experiments(globals(), _COST)  # numeric.sweeps.core.experiments


def remainder_vs_eta(seed: int):
    return compute(cells("remainder_vs_eta", [seed]))[0]


def initial_residuals(seed: int, scale):
    return compute(cells("initial_residuals", [seed], scale=scale))[0]
