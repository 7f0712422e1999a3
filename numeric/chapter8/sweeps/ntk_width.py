"""§8.4.1, example 2 experiments: output scale, the law of large numbers (8.90), K∞ and its Monte Carlo
convergence (8.93), random data sets (8.95), the spectrum of ΦΦᵀ against m (8.96), β/σ² (8.103), as sweep cells.

Pure functions of (seed, parameters) returning plain data, cached by content and shared by claims, mutants and
figures.  Moved verbatim from verify/claims/ntk_width.py (same streams, same numbers).
"""
from __future__ import annotations

import numpy as np

from numeric.chapter8 import kernels as K
from numeric.chapter8 import ntk as nn
from numeric.sweeps.core import compute, experiments


def output_scale_cell(seed: int, scale: int, power: float):
    """The spread (std over draws) of the output at init, scaled by m^(½ − power), against m; and E σ(g)²."""
    rng = np.random.default_rng(seed)
    d = 4
    x = nn.sphere(1, d, rng)
    ms = [16, 64, 256, 1024, 4096] + ([16384, 65536] if scale > 1 else [])
    T_ = 200 if scale == 1 else 150  # per seed; the check pools 3 seeds
    rows = []
    for m in ms:
        vals = []
        for _ in range(T_):
            net = nn.init(m, d, rng, "erf")
            vals.append(float(net.f(x)[0]) * np.sqrt(m) / m**power)  # the output with scaling m^(−power)
        rows.append((m, float(np.std(vals))))
    mean_sq = float(np.mean(nn.act_fn("erf", 0)(rng.standard_normal(200_000)) ** 2))
    return rows, mean_sq


def lln_curve_cell(seed: int, scale: int):
    """Monte Carlo (1/m)Σσ'(wᵢᵀx)² at ‖x‖² ∈ {¼, 1, 4} against m: {‖x‖²: rows (m, draws)}."""
    rng = np.random.default_rng(seed)
    d = 5
    xs = [nn.sphere(1, d, rng)[0] * r for r in (0.5, 1.0, 2.0)]
    ms = [100, 1000, 10_000, 100_000] + ([1_000_000] if scale > 1 else [])
    T_ = 10 if scale == 1 else 20  # per seed; the check pools 3 seeds
    out = {}
    for x in xs:
        rows = []
        for m in ms:
            rows.append((m, [K.mean_square_mc(x, m, "erf", rng) for _ in range(T_)]))
        out[float(x @ x)] = rows
    return out


def kernel_reference_cell(seed: int, scale: int):
    """Quadrature values at pairs (x, x′) of different norms and angles (incl. parallel and antipodal)."""
    rng = np.random.default_rng(seed)
    d = 4
    pairs = []
    for _ in range(4 if scale == 1 else 10):
        a, b = rng.standard_normal(d), rng.standard_normal(d)
        pairs.append((a * rng.uniform(0.3, 1.5) / np.linalg.norm(a), b * rng.uniform(0.3, 1.5) / np.linalg.norm(b)))
    e = np.eye(d)
    pairs += [(e[0], 2 * e[0]), (e[0], -e[0]), (e[0], np.cos(0.05) * e[0] + np.sin(0.05) * e[1])]
    out = []
    for x, xp in pairs:
        out.append((x, xp, K.kinf_quadrature(x, xp, "erf"), K.kinf_quadrature(x, xp, "relu")))
    return out


def kernel_convergence_cell(seed: int, scale: int):
    """‖ΦΦᵀ − K∞‖_op (mean over draws) against m, erf and ReLU, on 6 unit inputs: (X, {act: rows})."""
    rng = np.random.default_rng(seed)
    Xd = nn.sphere(6, 4, rng)
    ms = [64, 256, 1024, 4096, 16384] + ([65536, 262144] if scale > 1 else [])
    T_ = 8 if scale == 1 else 16
    out = {}
    for act in ("erf", "relu"):
        Kinf = K.kinf(Xd, act)
        rows = []
        for m in ms:
            errs = [float(np.linalg.norm(K.kinf_monte_carlo(Xd, m, act, rng) - Kinf, 2)) for _ in range(T_)]
            rows.append((m, float(np.mean(errs))))
        out[act] = rows
    return Xd, out


def random_datasets_cell(seed: int, scale: int):
    """λ_min(K∞) and λ_min/λ_max on random data sets (erf, ReLU), and on near-parallel inputs."""
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(30 * scale):
        n = int(rng.integers(2, 12))
        d = int(rng.integers(2, 7))
        Xd = rng.standard_normal((n, d)) * rng.uniform(0.5, 2.0, (n, 1))
        for act in ("erf", "relu"):
            ev = np.linalg.eigvalsh(K.kinf(Xd, act))
            rows.append((act, n, d, float(ev[0]), float(ev[0] / ev[-1])))
    near = []
    for ang in (1e-1, 3e-2, 1e-2, 3e-3):
        x1 = np.array([1.0, 0.0, 0.0])
        x2 = np.array([np.cos(ang), np.sin(ang), 0.0])
        Xd = np.stack([x1, x2, np.array([0.3, 0.4, 0.866])])
        near.append((ang, float(np.linalg.eigvalsh(K.kinf(Xd, "erf"))[0]), float(np.linalg.eigvalsh(K.kinf(Xd, "relu"))[0])))
    return rows, near


def spectrum_sweep_cell(seed: int, scale: int, trials: int):
    """λ_min(ΦΦᵀ) over ``trials`` random networks against m, with λ_min(K∞): (n, d, λ_min(K∞), rows)."""
    rng = np.random.default_rng(seed)
    n, d = 12, 6
    Xd = nn.sphere(n, d, rng)
    lam_inf = float(np.linalg.eigvalsh(K.kinf(Xd, "erf"))[0])
    ms = [1, 4, 16, 64, 256, 1024, 4096, 16384] + ([65536] if scale > 1 else [])
    rows = []
    for m in ms:
        lams = [float(np.linalg.eigvalsh(nn.init(m, d, rng, "erf").ntk(Xd))[0]) for _ in range(trials)]
        rows.append((m, lams))
    return n, d, lam_inf, rows


def ratio_sweep_cell(seed: int, scale: int):
    """β/σ² on data sets whose σ_min(K∞) shrinks (two inputs at a shrinking angle), and against m."""
    rng = np.random.default_rng(seed)
    m = 4096 * scale
    d = 3
    base = np.eye(3)
    by_angle = []
    for ang in (0.8, 0.4, 0.2, 0.1, 0.05):
        Xd = np.stack([base[0], np.cos(ang) * base[0] + np.sin(ang) * base[1], base[2]])
        lam_inf = float(np.linalg.eigvalsh(K.kinf(Xd, "erf"))[0])
        vals = []
        for _ in range(3):
            net = nn.init(m, d, rng, "erf")
            vals.append(net.beta_certified(Xd) / float(np.linalg.eigvalsh(net.ntk(Xd))[0]))
        by_angle.append((ang, lam_inf, float(np.mean(vals)) * np.sqrt(m)))
    Xd = np.stack([base[0], np.cos(0.4) * base[0] + np.sin(0.4) * base[1], base[2]])
    by_m = []
    for mm in [256, 1024, 4096, 16384] + ([65536] if scale > 1 else []):
        vals = []
        for _ in range(3):
            net = nn.init(mm, d, rng, "erf")
            vals.append(net.beta_certified(Xd) / float(np.linalg.eigvalsh(net.ntk(Xd))[0]))
        by_m.append((mm, float(np.mean(vals))))
    return by_angle, by_m


# --- accessors: values from this process, the cache, or computed (by the executor, if one is set) --------------
_COST = {  # relative cost per unit of scale, for scheduling the heaviest first
    "output_scale": 1.0,
    "lln_curve": 4.0,
    "kernel_reference": 1.0,
    "kernel_convergence": 2.0,
    "random_datasets": 1.0,
    "spectrum_sweep": 2.0,
    "ratio_sweep": 1.0,
}


cells, values = experiments(globals(), _COST)  # numeric.sweeps.core.experiments


def output_scale(seed: int, scale, power):
    return compute(cells("output_scale", [seed], scale=scale, power=power))[0]


def lln_curve(seed: int, scale):
    return compute(cells("lln_curve", [seed], scale=scale))[0]


def kernel_reference(seed: int, scale):
    return compute(cells("kernel_reference", [seed], scale=scale))[0]


def kernel_convergence(seed: int, scale):
    return compute(cells("kernel_convergence", [seed], scale=scale))[0]


def random_datasets(seed: int, scale):
    return compute(cells("random_datasets", [seed], scale=scale))[0]


def spectrum_sweep(seed: int, scale, trials):
    return compute(cells("spectrum_sweep", [seed], scale=scale, trials=trials))[0]


def ratio_sweep(seed: int, scale):
    return compute(cells("ratio_sweep", [seed], scale=scale))[0]
