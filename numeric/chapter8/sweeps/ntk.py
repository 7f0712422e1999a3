"""The §8.4.2 training experiments (Theorem 8.33, lazy training against m and α), as sweep cells.

Each experiment is one cell per (seed, scale): a pure function of them, so it is computed once,
kept in the content-addressed cache (numeric.sweeps.cache), and shared by every claim, mutant
and figure that reads it; several seeds are several cells.  The values are plain records:
rows of numbers, arrays, the initial networks (numeric.chapter8.ntk.TwoLayer) and GD runs (numeric.chapter8.ntk_train.Run).
Moved here verbatim from verify/claims/ntk_training.py and ntk_width.py (same streams, same numbers).
"""
from __future__ import annotations

import zlib

import numpy as np

from numeric.chapter8 import ntk as nn
from numeric.chapter8 import ntk_train as tr
from numeric.sweeps.core import cell, compute


def experiment_seed(run_seed: int, name: str) -> int:
    """A seed shared by every claim that reads the same experiment (per-claim seeds would differ)."""
    return zlib.crc32(f"{run_seed}|ntk|{name}".encode()) % 100_000


def steps_needed(step: float, s: float, L0: float, eps: float) -> int:
    """T with exp(−(9/8)ηsT)·L̂⁰ ≤ ε: from ‖rᵀ‖ ≤ (1 − 9ηs/16)ᵀ‖r⁰‖ and L̂ = ‖r‖²/n."""
    return int(np.ceil(8 * np.log(L0 / eps) / (9 * step * s)))


def pair_data(d: int = 8):
    """Two unit inputs at cosine 0.8 and labels (1, −1): the residual sits on the slow eigenvector of K∞."""
    X = np.zeros((2, d))
    X[0, 0] = 1.0
    X[1, 0], X[1, 1] = 0.8, 0.6
    return X, np.array([1.0, -1.0])


def theorem_cell(seed: int, scale: int, eps: float, c0: float):
    """GD at several widths on the pair data (erf, symmetric init so f_{θ⁰} = 0), η = 0.9/τ², T = T_σ steps."""
    rng = np.random.default_rng(seed)
    X, y = pair_data()
    n = len(y)
    widths = [256, 1024, 4096, 16384] + ([65536, 262144] if scale > 1 else [])
    rows = []
    for m in widths:
        net0 = nn.init(m, X.shape[1], rng, "erf", symmetric=True)
        ev = np.linalg.eigvalsh(net0.ntk(X))
        s2, t2 = float(ev[0]), float(ev[-1])
        step = 0.9 / t2
        beta = net0.beta_certified(X)
        L0 = float(np.mean((net0.f(X) - y) ** 2))
        T = steps_needed(step, s2, L0, eps)
        run_f = tr.train(net0, X, y, step, T, "f")
        run_g = tr.train(net0, X, y, step, T, "g")
        # the minimum-norm interpolant of the linear model, Δθ̂ = Φᵀ(ΦΦᵀ)⁻¹y (without forming Φ)
        c = np.linalg.solve(net0.ntk(X), y)
        dhat = net0.grad_dot(X, c)
        netT = net0.with_theta(run_f.theta)
        sT = float(np.linalg.svd(netT.jacobian(X), compute_uv=False)[-1]) if m <= 16384 else \
            float(np.sqrt(np.linalg.eigvalsh(netT.ntk(X))[0]))
        PhiT_minus = float(np.linalg.norm(netT.jacobian(X) - net0.jacobian(X))) if m <= 16384 else None
        rows.append(dict(m=m, s2=s2, t2=t2, eta=step, beta=beta, T=T, L0=L0, f=run_f, g=run_g, dhat=dhat,
                         sigma_T=sT, PhiT_minus_F=PhiT_minus, net0=net0,
                         regime=beta / s2 <= c0 / n))
    # η above 2/τ² at the largest width (the 'sufficiently small η' of the theorem)
    last = rows[-1]
    big = tr.train(last["net0"], X, y, 2.2 / last["t2"], last["T"], "f")
    return X, y, rows, big


def lazy_data(rng):
    X = nn.sphere(6, 8, rng)
    y = rng.choice([-1.0, 1.0], 6)
    if abs(y.sum()) == 6:
        y[0] = -y[0]
    return X, y


def lazy_cell(seed: int, scale: int):
    """GD on f and on g, erf and ReLU, at widths 64 … 4096 (… 65536 in report), the same T for all widths."""
    rng = np.random.default_rng(seed)
    X, y = lazy_data(rng)
    widths = [64, 256, 1024, 4096] + ([16384, 65536] if scale > 1 else [])
    rows = []
    T = None
    for m in widths:
        out = {"m": m}
        for act in ("erf", "relu"):
            net0 = nn.init(m, X.shape[1], rng, act, symmetric=True)
            ev = np.linalg.eigvalsh(net0.ntk(X))
            s2, t2 = float(ev[0]), float(ev[-1])
            step = 0.9 / t2
            if T is None:
                T = min(steps_needed(step, s2, 1.0, 1e-3), 400)
            run_f = tr.train(net0, X, y, step, T, "f")
            run_g = tr.train(net0, X, y, step, T, "g") if act == "erf" else None
            netT = net0.with_theta(run_f.theta)
            K0, KT = net0.ntk(X), netT.ntk(X)
            move = np.linalg.norm((run_f.theta - net0.theta).reshape(net0.W.shape), axis=1)
            c = np.linalg.solve(K0, y)
            out[act] = dict(s2=s2, t2=t2, eta=step, f=run_f, g=run_g, net0=net0,
                            rel_change=float(np.linalg.norm(run_f.theta - net0.theta) / np.linalg.norm(net0.theta)),
                            neuron_move=float(move.max()),
                            kernel_change=float(np.linalg.norm(KT - K0, 2) / np.linalg.norm(K0, 2)),
                            gap=float(np.max(np.abs(run_f.outputs - run_g.outputs))) if run_g is not None else None,
                            dhat=net0.grad_dot(X, c), beta=net0.beta_certified(X) if act == "erf" else None)
        rows.append(out)
    return X, y, T, rows


def alpha_cell(seed: int, scale: int):
    """f = α f̄ (erf, m = 256, symmetric init) trained with η = 0.9/τ²(α) for several α."""
    rng = np.random.default_rng(seed)
    X, y = lazy_data(rng)
    m = 256
    base = nn.init(m, X.shape[1], rng, "erf", symmetric=True)
    alphas = [1.0, 4.0, 16.0, 64.0] + ([256.0, 1024.0] if scale > 1 else [])
    rows = []
    T = None
    for a in alphas:
        net0 = nn.TwoLayer(base.W, base.a, "erf", scale=a)
        ev = np.linalg.eigvalsh(net0.ntk(X))
        step = 0.9 / ev[-1]
        if T is None:
            T = min(steps_needed(step, ev[0], 1.0, 1e-3), 400)
        run_f = tr.train(net0, X, y, step, T, "f")
        run_g = tr.train(net0, X, y, step, T, "g")
        K0, KT = net0.ntk(X), net0.with_theta(run_f.theta).ntk(X)
        rows.append(dict(alpha=a, eta=step, f=run_f, g=run_g, dist=float(run_f.dist.max()),
                         kernel_change=float(np.linalg.norm(KT - K0, 2) / np.linalg.norm(K0, 2)),
                         gap=float(np.max(np.abs(run_f.outputs - run_g.outputs))),
                         beta_over_s2=net0.beta_certified(X) / ev[0], final_loss=float(run_f.loss[-1])))
    return rows, T


def beta_cell(seed: int, scale: int):
    """β (certified, sampled lower bound, difference quotient) against m, and the worst slack of (8.102) on pairs."""
    rng = np.random.default_rng(seed)
    n, d = 6, 5
    Xd = nn.sphere(n, d, rng)
    ms = [16, 64, 256, 1024, 4096] + ([16384, 65536] if scale > 1 else [])
    rows = []
    pair_worst = np.inf
    for m in ms:
        net = nn.init(m, d, rng, "erf")
        up = net.beta_certified(Xd)
        lo = nn.beta_lower(net, Xd, radius=3.0, rng=rng, samples=8 if scale == 1 else 32)
        dq = max(nn.difference_quotient(net, x) for x in Xd)
        # the Lipschitz inequality (8.102) with its explicit constant on random pairs θ, θ′
        for _ in range(4):
            th2 = net.theta + rng.standard_normal(net.p) * rng.choice([1e-3, 1e-1, 1.0])
            J1, J2 = net.jacobian(Xd), net.with_theta(th2).jacobian(Xd)
            lhs = float(np.max(np.linalg.norm(J1 - J2, axis=1)))
            pair_worst = min(pair_worst, up * np.linalg.norm(th2 - net.theta) - lhs)
        rows.append((m, up, lo, dq))
    return rows, pair_worst


def cells(name: str, seed: int, scale: int, **params):
    """The cell of one experiment ('theorem', 'lazy', 'alpha', 'beta') at a seed: what an executor computes ahead."""
    fn, cost = {"theorem": (theorem_cell, 10.0), "lazy": (lazy_cell, 10.0), "alpha": (alpha_cell, 2.0),
                "beta": (beta_cell, 1.0)}[name]
    return [cell(fn, seed, cost=cost * scale, scale=scale, **params)]


def theorem_runs(seed: int, scale: int, eps: float, c0: float):
    return compute(cells("theorem", seed, scale, eps=eps, c0=c0))[0]


def lazy_runs(seed: int, scale: int):
    return compute(cells("lazy", seed, scale))[0]


def alpha_runs(seed: int, scale: int):
    return compute(cells("alpha", seed, scale))[0]


def beta_sweep(seed: int, scale: int):
    return compute(cells("beta", seed, scale))[0]
