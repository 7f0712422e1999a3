"""§8.3.2 figures: Lemma 8.17's concentration, the recovery phase transition, the O(√ε) check, Figure 8.5.

Each figure reuses the cached sweeps of the claims (same seeds), so drawing after `verify report`
costs nothing extra.
"""
from __future__ import annotations


import numpy as np

from verify.chapter8.figures import figure


def _ctx(profile, seed, claim_id):
    from verify.engine.context import Context

    return Context(profile=profile, seed=seed, claim_id=claim_id)


@figure("mc-concentration.png", "Lemma 8.17. Left: failure rate of |⟨P_Ω(uuᵀ), uuᵀ⟩/p − 1| > ε (ε = 0.2, fixed "
        "incoherent u, μ = 2) against p for several d; p* falls like d^-2 (fixed pair). Right: the deviation that "
        "Ω-dependent incoherent vectors (dense/sparse subgraphs) attain, against p·d, next to the same sets on a fresh "
        "Ω and the spectral certificate ‖W/p − J‖μ²/d: the uniform reading needs p ∝ 1/(dε²).")
def fig_concentration(profile, seed):
    import matplotlib.pyplot as plt

    from numeric.chapter8 import matrix_completion as mc
    from numeric.chapter8 import mc_concentration as cc
    from numeric.chapter8.sweeps import mc_lemmas as S
    from numeric.sweeps.core import compute

    from verify.chapter8.claims import mc_lemma817 as L

    rng = np.random.default_rng(seed)
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 3.8))
    for d in (100, 200, 400, 800):
        u = mc.incoherent_unit_vector(d, L.MU, rng)
        grid = cc.grid_around(cc.theory_p_fixed_pair(u, u, 0.2), 1 / 16, 16, 40)
        fc = cc.failure_curve(u, u, 0.2, grid, max(40, profile.trials), rng)
        a.semilogx(fc.p, fc.rate(), label=f"d = {d}")
    a.axhline(L.DELTA, color="gray", ls=":", lw=1)
    a.set_xlabel("p")
    a.set_ylabel("failure rate (ε = 0.2)")
    a.legend(fontsize=8)
    a.set_title("fixed pair", fontsize=9)
    s = _ctx(profile, seed, "lemma:8.17").seed_for("lemma-8.17")
    d, pds, D, Dfix, cert, fu = compute([S.uniform_vs_pd_cell(s, profile.scale)])[0]
    b.loglog(pds, D, "o-", label=f"Ω-dependent u (fit (pd)^{fu.exponent:.2f})")
    b.loglog(pds, np.maximum(Dfix, 1e-4), "s--", label="same S, fresh Ω (fixed pair)")
    b.loglog(pds, cert, "k:", label="certificate ‖W/p − J‖μ²/d")
    b.set_xlabel("p·d")
    b.set_ylabel("deviation")
    b.set_title(f"uniform over incoherent pairs (d = {d})", fontsize=9)
    b.legend(fontsize=8)
    fig.tight_layout()
    return fig


def _sweep(profile, seed):
    from numeric.chapter8.sweeps import mc_recovery as S
    return S.records(seed, profile.scale, "main", profile.name), S.grid(profile.scale)


@figure("mc-phase-transition.png", "Theorem 8.14 by optimizer runs: fraction of instances (z incoherent, μ = 2) where "
        "GD, perturbed GD and cubic Newton all end within 10⁻³ of ±z, against p·d; dotted: 2 log d, the regime taken "
        "for poly(μ, log d)/ε².")
def fig_phase(profile, seed):
    import matplotlib.pyplot as plt

    from numeric.chapter8 import mc_recovery as mr
    recs, g = _sweep(profile, seed)
    fig, ax = plt.subplots(figsize=(5.5, 3.8))
    for i, d in enumerate(g["ds"]):
        rates = mr.success_rates(recs, d)
        pds = sorted(rates)
        ax.semilogx(pds, [rates[q][0] / rates[q][1] for q in pds], "o-", color=f"C{i}", label=f"d = {d}")
        ax.axvline(2 * np.log(d), color=f"C{i}", ls=":", lw=1)
    ax.set_xlabel("p·d")
    ax.set_ylabel("recovered fraction")
    ax.legend(fontsize=8)
    return fig


@figure("mc-sqrt-eps.png", "Theorem 8.23's O(√ε): distance to ±z of every local minimum found (optimizer runs) "
        "against ε = (p·d)^-1/2, with the corrected chain's bound √(162ε). Above the threshold the minima are ±z to "
        "the optimizers' tolerance: the bound holds with room (exact recovery); below it, non-identifiable instances "
        "have far minima.")
def fig_sqrt_eps(profile, seed):
    import matplotlib.pyplot as plt

    recs, g = _sweep(profile, seed)
    fig, ax = plt.subplots(figsize=(5.5, 3.8))
    for i, d in enumerate(g["ds"]):
        rs = [r for r in recs if r.d == d and r.local_min]
        eps = np.array([r.pd ** -0.5 for r in rs])
        dist = np.maximum([r.distance for r in rs], 1e-12)
        ax.loglog(eps * (1 + 0.02 * i), dist, "o", ms=3, color=f"C{i}", alpha=0.6, label=f"d = {d}")
    e = np.geomspace(min(g["pds"]) ** -0.5 * 1.05, max(g["pds"]) ** -0.5 * 0.95, 50)
    ax.loglog(e, np.sqrt(162 * e), "k--", label="√(162ε) (eq:8.52)")
    ax.set_xlabel("ε = (p·d)^-1/2")
    ax.set_ylabel("distance of local minimum to ±z")
    ax.legend(fontsize=8)
    return fig


@figure("mc-fig-8.5.png", "Figure 8.5 reproduced. Left: g(x) = (x² − 1)²/4 and f = g + ε cos(2πx/h) (ε = 0.01, "
        "h = 0.05): |f − g| ≤ ε everywhere, yet f has dozens of spurious local minima. Right: for matrix completion the "
        "gradient and Hessian forms of f/p approach those of g like (p/(1 − p))^-1/2 (fixed incoherent x, v).")
def fig_85(profile, seed):
    import matplotlib.pyplot as plt
    import sympy as sp

    from numeric.chapter8.sweeps import mc_lemmas as S
    from numeric.sweeps.core import compute

    from verify.chapter8.claims import mc_lemma817 as L

    g1, f1 = L.pair_15(L.SampledPCA())
    F, G = sp.lambdify(L._xs, f1, "numpy"), sp.lambdify(L._xs, g1, "numpy")
    xs = np.linspace(-1.5, 1.5, 3000)
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 3.8))
    a.plot(xs, G(xs), label="g", lw=2)
    a.plot(xs, F(xs), label="f = g + ε cos(2πx/h)", lw=0.8)
    a.set_ylim(-0.05, 0.6)
    a.set_xlabel("x")
    a.legend(fontsize=8)
    s = _ctx(profile, seed, "figure:8.5").seed_for("figure-8.5")
    d, ps, dg, dh, f1_, f2_ = compute([S.forms_sweep_cell(s, profile.scale, profile.trials, L.FIG85_PARTS)])[0]
    odds = ps / (1 - ps)
    b.loglog(odds, dg, "o-", label=f"|⟨v,∇f⟩/p − ⟨v,∇g⟩| (slope {f1_.exponent:.2f})")
    b.loglog(odds, dh, "s-", label=f"|⟨v,∇²f v⟩/p − ⟨v,∇²g v⟩| (slope {f2_.exponent:.2f})")
    b.set_xlabel("p/(1 − p)")
    b.set_ylabel(f"mean deviation (d = {d})")
    b.legend(fontsize=8)
    fig.tight_layout()
    return fig
