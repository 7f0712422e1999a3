"""§8.4.3 experiments: sample complexity of NTK regression and of a regularised network (Theorem 8.35),
and the minimum-norm NTK interpolant of Example 8.34 (dense), as sweep cells.

Moved verbatim from verify/claims/ntk_limits.py and prose_843.py (same streams, same numbers).
"""
from __future__ import annotations

import numpy as np

from numeric.chapter8 import ntk as nn
from numeric.chapter8 import ntk_sample as ns
from numeric.sweeps.core import compute, experiments

THRESHOLD = 0.5  # 'learn well': test mean squared error at most half the variance of y


def sample_complexity_cell(seed: int, scale: int):
    """Test MSE against n for NTK regression and a trained regularised ReLU network, and the n where it
    first drops below THRESHOLD, for several d: (ds, {'ntk': {d: …}, 'net': {d: …}})."""
    rng = np.random.default_rng(seed)
    if scale == 1:
        ds, seeds, k_pts, n_pts, steps = [8, 12, 16], 1, 7, 6, 1500
    else:
        # one draw per point: the check runs this on independent seeds and pools (the crossing's error
        # shows as the spread between seeds), so averaging draws inside a seed would only triple the cost
        ds, seeds, k_pts, n_pts, steps = [10, 14, 20, 28, 40], 1, 10, 9, 3000
    out = {"ntk": {}, "net": {}}
    for d in ds:
        ks = sorted({int(round(v)) for v in np.geomspace(d / 2, 4 * d * d, k_pts)})
        errs = [float(np.mean([ns.ntk_test_error(n, d, rng) for _ in range(seeds)])) for n in ks]
        out["ntk"][d] = (ks, errs, ns.sample_complexity(ks, errs, THRESHOLD))
        nn_ = sorted({int(round(v)) for v in np.geomspace(d / 2, 8 * d, n_pts)})
        res = [[ns.net_test_error(n, d, rng, steps=steps) for _ in range(seeds)] for n in nn_]
        errs = [float(np.mean([r[0] for r in rr])) for rr in res]
        regs = [float(np.mean([r[1] for r in rr])) for rr in res]
        out["net"][d] = (nn_, errs, ns.sample_complexity(nn_, errs, THRESHOLD), regs)
    return ds, out


def antipodal_free_cube(rng, n: int, d: int) -> np.ndarray:
    """n distinct points of {±1}ᵈ, no two antipodal (x and −x never both drawn): the data of the min-norm-dense
    reading (on the full cube, which holds every antipodal pair, ΦΦᵀ of a ReLU net is singular and the irrelevant
    share falls below 5% for d ≥ 13 in the infinite-width limit — second reader)."""
    seen, out = set(), []
    while len(out) < n:
        x = tuple(rng.choice([-1.0, 1.0], d))
        if x in seen or tuple(-v for v in x) in seen:
            continue
        seen.add(x)
        out.append(x)
    return np.array(out)


def dense_measure_cell(seed: int) -> tuple:
    """(d, n, m, residual, moving neurons, share of x₃…x_d) for three sizes; shared by the printed form and mutants."""
    out = []
    for d, n, m in ((6, 24, 32), (8, 40, 64), (10, 60, 64)):
        rng = np.random.default_rng(seed + 1000 * d)
        X = antipodal_free_cube(rng, n, d)
        y = X[:, 0] * X[:, 1]
        Phi = nn.init(m, d, rng, act="relu", symmetric=True).jacobian(X)
        dth = np.linalg.pinv(Phi) @ y
        D = dth.reshape(m, d)
        norms = np.linalg.norm(D, axis=1)
        out.append((d, n, m, float(np.linalg.norm(Phi @ dth - y)), int(np.sum(norms > 1e-8 * norms.max())),
                    float(np.sum(D[:, 2:] ** 2) / np.sum(D**2))))
    return tuple(out)


# --- accessors: values from this process, the cache, or computed (by the executor, if one is set) --------------
_COST = {  # relative cost per unit of scale, for scheduling the heaviest first
    "sample_complexity": 20.0,
    "dense_measure": 1.0,
}


cells, values = experiments(globals(), _COST)  # numeric.sweeps.core.experiments


def sample_complexity(seed: int, scale):
    return compute(cells("sample_complexity", [seed], scale=scale))[0]


def dense_measure(seed: int):
    return compute(cells("dense_measure", [seed]))[0]
