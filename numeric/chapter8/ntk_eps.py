"""Theorem 8.33's T = O(log(1/ε)/(ησ²)) as an ε sweep: one GD run per seed, read at many ε.

GD (8.134) on the two-layer erf network from the symmetric initialisation (f_θ⁰ = 0), η = factor/τ²;
the run is long enough for the smallest ε by the corrected proof's rate, and T(ε) is the first step
with L̂(f_θᵗ) ≤ ε. Returned per ε: (log(L̂⁰/ε), T(ε)·ησ²), which the theorem says grow in proportion.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from numeric.chapter8 import ntk as nn
from numeric.chapter8 import ntk_train as tr
@lru_cache(maxsize=None)
def steps_to_eps(seed: int, m: int, X_key: tuple, y_key: tuple, epss: tuple, factor: float = 0.9,
                 max_steps: int = 200_000) -> tuple:
    """((log(L̂⁰/ε), T(ε)·ησ²) for each ε reached, in order; None for an ε never reached)."""
    X, y = np.array(X_key, float), np.array(y_key, float)
    rng = np.random.default_rng(seed)
    net0 = nn.init(m, X.shape[1], rng, "erf", symmetric=True)
    ev = np.linalg.eigvalsh(net0.ntk(X))
    s2, t2 = float(ev[0]), float(ev[-1])
    step = factor / t2
    L0 = float(np.mean((net0.f(X) - y) ** 2))
    # the corrected proof's T for the smallest ε (σ_min(Φᵗ) ≥ 3σ/4), with room
    T = int(min(max_steps, 2 * np.ceil(8 * np.log(L0 / min(epss)) / (9 * step * s2)) + 10))
    loss = np.asarray(tr.train(net0, X, y, step, T, "f").loss)
    out = []
    for eps in epss:
        hit = np.nonzero(loss <= eps)[0]
        out.append(None if hit.size == 0 else (float(np.log(L0 / eps)), float(hit[0] * step * s2)))
    return tuple(out)
