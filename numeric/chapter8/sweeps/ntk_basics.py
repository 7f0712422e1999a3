"""§8.4.1 experiments (Lemma 8.28, (8.29), footnote 2 and its
precise reading (prose_relu), Figure 8.7, the α-scaling (8.73)), as sweep cells.

Each is a pure function of (seed, parameters) returning plain data, computed once per key and kept in the
content-addressed cache (numeric.sweeps.cache); the claims in verify/claims/ntk_basics.py, ntk_scaling.py
and prose_relu.py read them through the accessors below.  Moved verbatim from those modules (same streams, same numbers).
"""
from __future__ import annotations

import numpy as np

from numeric.chapter8 import ntk as nn
from numeric.sweeps.core import compute, experiments


def network_828_samples_cell(seed: int, scale: int):
    """|f_θ − g_θ| on 6 inputs at random θ at distances R ∈ {0.3 … 30} from θ⁰ (erf, m = 64·scale), with β: rows (R, gap, β)."""
    rng = np.random.default_rng(seed)
    m, d, n = 64 * scale, 4, 6
    net = nn.init(m, d, rng, "erf")
    X = nn.sphere(n, d, rng)
    beta = net.beta_certified(X)
    f0 = net.f(X)
    rows = []
    for R in (0.3, 1.0, 3.0, 10.0, 30.0):
        for _ in range(8):
            v = rng.standard_normal(net.p)
            v *= R / np.linalg.norm(v)
            th = net.theta + v
            gap = np.abs(net.with_theta(th).f(X) - nn.linearised_outputs(net, X, th, f0))
            rows.append((R, float(np.max(gap)), beta))
    return rows


def remainder_curve_cell(seed: int):
    """max |f_θ − g_θ| along one random ray from θ⁰ (erf, m = 32) at ‖Δθ‖ ∈ [10⁻³, 10⁻¹]: (ts, gaps)."""
    rng = np.random.default_rng(seed)
    net = nn.init(32, 3, rng, "erf")
    X = nn.sphere(3, 3, rng)
    v = rng.standard_normal(net.p)
    v /= np.linalg.norm(v)
    ts = np.geomspace(1e-3, 1e-1, 9)
    f0 = net.f(X)
    gaps = [float(np.max(np.abs(net.with_theta(net.theta + t * v).f(X) - nn.linearised_outputs(net, X, net.theta + t * v, f0))))
            for t in ts]
    return ts, gaps


def relu_holder_cell(seed: int, scale: int):
    """the mean of max ‖∇f_θ(x) − ∇f_{θ⁰}(x)‖ at ‖θ − θ⁰‖ = 1 for ReLU networks, against m: rows (m, mean)."""
    rng = np.random.default_rng(seed)
    d, n, R = 4, 4, 1.0
    X = nn.sphere(n, d, rng)
    ms = [64, 256, 1024, 4096] + ([16384, 65536] if scale > 1 else [])
    out = []
    for m in ms:
        vals = []
        for _ in range(4):
            net = nn.init(m, d, rng, "relu")
            v = rng.standard_normal(net.p)
            v *= R / np.linalg.norm(v)
            J0 = net.jacobian(X)
            J1 = net.with_theta(net.theta + v).jacobian(X)
            vals.append(float(np.max(np.linalg.norm(J1 - J0, axis=1))))
        out.append((m, float(np.mean(vals))))
    return out


def interpolant_curve_cell(seed: int, scale: int):
    """L̂ of f and of g at the minimum-norm interpolant θ⁰ + Φ⁺y, and the bound (β/2·‖Δθ‖²)², against m."""
    rng = np.random.default_rng(seed)
    n, d = 6, 5
    X = nn.sphere(n, d, rng)
    y = rng.choice([-1.0, 1.0], n)
    ms = [64, 256, 1024, 4096] + ([16384, 65536] if scale > 1 else [])
    T_ = 3 if scale == 1 else 6
    rows = []
    for m in ms:
        Ls, Lg, bounds = [], [], []
        for _ in range(T_):
            net = nn.init(m, d, rng, "erf", symmetric=True)
            Phi = net.jacobian(X)
            dth = np.linalg.lstsq(Phi, y, rcond=None)[0]  # Φ⁺y (min norm)
            th = net.theta + dth
            Ls.append(float(np.mean((net.with_theta(th).f(X) - y) ** 2)))
            Lg.append(float(np.mean((nn.linearised_outputs(net, X, th) - y) ** 2)))
            beta = net.beta_certified(X)
            bounds.append((beta / 2 * float(dth @ dth)) ** 2)
        rows.append((m, float(np.mean(Ls)), float(np.max(Lg)), float(np.mean(bounds)), min(b - l for b, l in zip(bounds, Ls))))
    return rows


def alpha_sweep_cell(seed: int):
    """σ_min(Φ), β and β/σ² of f = αf̄ (erf, m = 64) for α ∈ {¼ … 64}: rows, and σ, β at α = 1."""
    rng = np.random.default_rng(seed)
    n, d, m = 5, 4, 64
    Xd = nn.sphere(n, d, rng)
    net = nn.init(m, d, rng, "erf")
    rows = []
    for a in (0.25, 1.0, 4.0, 16.0, 64.0):
        na = nn.TwoLayer(net.W, net.a, "erf", scale=a)
        sig = nn.sigma_min(na.jacobian(Xd))
        b = na.beta_certified(Xd)
        rows.append((a, sig, b, b / sig**2))
    sig0, b0 = rows[1][1], rows[1][2]
    return rows, sig0, b0


def relu_gap(net0, x, dth):
    """(|f_θ(x) − g_θ(x)|, the flip sum (1/√m)Σ|δᵢ|1[|uᵢ| ≤ |δᵢ|]) at θ = θ⁰ + Δθ."""
    X = x[None]
    f = float(net0.with_theta(net0.theta + dth).f(X)[0])
    g = float(net0.f(X)[0] + net0.jvp(X, dth)[0])
    u = net0.W @ x
    dl = dth.reshape(net0.W.shape) @ x
    flips = float(np.sum(np.abs(dl) * (np.abs(u) <= np.abs(dl))) / np.sqrt(net0.m))
    return abs(f - g), flips


def relu_expected_gaps_cell(seed: int, d: int, m: int, draws: int):
    """|f_θ(x) − g_θ(x)| over ``draws`` ReLU initialisations at ‖Δθ‖ ∈ {0.1, 1}, every Δwᵢ along x: rows (‖Δθ‖, gaps).
    The stream is prose_relu's: x first, then per ‖Δθ‖ the direction and the networks."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(d)
    x /= np.linalg.norm(x)
    out = []
    for r in (0.1, 1.0):
        # the worst direction: every Δwᵢ along x, so that Σ(Δwᵢᵀx)² = ‖Δθ‖²‖x‖² (Cauchy–Schwarz tight)
        dth = np.outer(rng.standard_normal(m), x).ravel()
        dth *= r / np.linalg.norm(dth)
        gaps = np.array([relu_gap(nn.init(m, d, rng, act="relu"), x, dth)[0] for _ in range(draws)])
        out.append((r, gaps))
    return out


# --- accessors: values from this process, the cache, or computed (by the executor, if one is set) --------------
_COST = {  # relative cost per unit of scale, for scheduling the heaviest first
    "network_828_samples": 1.0,
    "remainder_curve": 1.0,
    "relu_holder": 1.0,
    "interpolant_curve": 1.0,
    "alpha_sweep": 1.0,
    "relu_expected_gaps": 1.0,
}


cells, values = experiments(globals(), _COST)  # numeric.sweeps.core.experiments


def network_828_samples(seed: int, scale):
    return compute(cells("network_828_samples", [seed], scale=scale))[0]


def remainder_curve(seed: int):
    return compute(cells("remainder_curve", [seed]))[0]


def relu_holder(seed: int, scale):
    return compute(cells("relu_holder", [seed], scale=scale))[0]


def interpolant_curve(seed: int, scale):
    return compute(cells("interpolant_curve", [seed], scale=scale))[0]


def alpha_sweep(seed: int):
    return compute(cells("alpha_sweep", [seed]))[0]


def relu_expected_gaps(seed: int, d: int, m: int, draws: int):
    return compute(cells("relu_expected_gaps", [seed], d=d, m=m, draws=draws))[0]
