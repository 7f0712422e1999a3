"""§8.4 figures: Figures 8.6–8.8 reproduced, kernel convergence and β against m, lazy training, sample complexity.

The numbers come from the same cached experiments the claims read (same seeds), so a figure shows what the
verdict was based on.
"""
from __future__ import annotations

import zlib

import numpy as np

from verify.chapter8.figures import figure


def _ctx(profile, seed, claim_id):
    from verify.engine.context import Context

    return Context(profile=profile, seed=seed, claim_id=claim_id)


def _loglog_fit(ax, xs, ys, color, label, theory=None, marker="o", ms=6):
    from numeric.stats import fit_power_law

    f = fit_power_law(xs, ys)
    xx = np.geomspace(min(xs), max(xs), 50)
    ax.loglog(xs, ys, marker, color=color, ms=ms, mfc="none" if marker != "o" else color)
    th = f" (theory {theory:g})" if theory is not None else ""
    ax.loglog(xx, f.prefactor * xx**f.exponent, "-", color=color, lw=1,
              label=f"{label}: slope {f.exponent:.2f} [{f.interval[0]:.2f}, {f.interval[1]:.2f}]{th}")
    return f


@figure("ntk-fig-8.6-8.7.png", "Figures 8.6 and 8.7 made concrete. Left: the toy loss L̂(αf̄) of Remark 8.31 (α = 8, β = 1) is "
        "convex on a ball around θ⁰ = 0 (shaded) that holds the global minimum. Right: an erf network (m = 32, n = 6, "
        "symmetric initialisation) along the segment from θ⁰ to θ̂ = θ⁰ + Φ⁺y: L̂(g) reaches 0 at θ̂ and L̂(f) nearly does.")
def fig_86_87(profile, seed):
    import matplotlib.pyplot as plt
    import sympy as sp

    from numeric.chapter8 import ntk as nn
    from symbolic.chapter8 import ntk_toy as T
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 3.6))
    a, b = 8, 1
    L = sp.lambdify(T.theta, T.loss(T.fbar(), a).subs(T.beta, b))
    L2 = sp.lambdify(T.theta, sp.diff(T.loss(T.fbar(), a).subs(T.beta, b), T.theta, 2))
    th = np.linspace(-1.3, 0.4, 600)
    a1.plot(th, L(th), color="C0", label=r"$\hat L(\alpha\bar f_\theta)$, $\alpha=8$, $\beta=1$")
    star = (-1 + np.sqrt(1 + 4 * b / a)) / (2 * b)
    a1.axvspan(-star, star, color="C2", alpha=0.2, label="ball around θ⁰ (convex, holds θ*)")
    conv = th[L2(th) < 0]
    a1.plot(conv, np.zeros_like(conv) - 0.05, "|", color="C3", ms=4, label="L̂'' < 0")
    a1.plot([star], [0], "*", color="gold", ms=12, label="global minimum θ*")
    a1.set_ylim(-0.2, 2.0)
    a1.set_xlabel("θ")
    a1.legend(fontsize=7)
    rng = np.random.default_rng(seed)
    X = nn.sphere(6, 5, rng)
    y = rng.choice([-1.0, 1.0], 6)
    net = nn.init(32, 5, rng, "erf", symmetric=True)
    Phi = net.jacobian(X)
    dth = np.linalg.lstsq(Phi, y, rcond=None)[0]
    ts = np.linspace(-0.5, 1.5, 81)
    Lf = [np.mean((net.with_theta(net.theta + t * dth).f(X) - y) ** 2) for t in ts]
    Lg = [np.mean((nn.linearised_outputs(net, X, net.theta + t * dth) - y) ** 2) for t in ts]
    a2.plot(ts, Lf, color="C0", label=r"$\hat L(f_\theta)$")
    a2.plot(ts, Lg, "--", color="C1", label=r"$\hat L(g_\theta)$")
    a2.axvline(1.0, color="gray", lw=0.8)
    a2.set_xlabel(r"$\theta = \theta^0 + t\,\Phi^+ y$")
    a2.set_title(f"at θ̂: L̂(g) = {Lg[60]:.1e}, L̂(f) = {Lf[60]:.1e}", fontsize=9)
    a2.legend(fontsize=8)
    return fig


@figure("ntk-fig-8.8.png", "Figure 8.8 reproduced (toy model, β = 1): L̂(αf̄) (solid) and L̂(αḡ) (dashed) for α = 1, 2, 4, 8 "
        "against αθ, with [0, 1/α] shaded (in this variable L̂(αḡ) = (1 − αθ)² is one curve for every α); right: the largest gap |L̂(αf̄) − L̂(αḡ)| on [0, 1/α] falls like 1/α, on the "
        "fixed [0, 1] it grows like α² (exact from SymPy).")
def fig_88(profile, seed):
    import matplotlib.pyplot as plt
    import sympy as sp

    from symbolic.chapter8 import ntk_toy as T
    Lf = sp.lambdify((T.theta, T.alpha), T.loss(T.fbar(), T.alpha).subs(T.beta, 1))
    Lg = sp.lambdify((T.theta, T.alpha), T.loss(T.gbar(), T.alpha))
    gap = sp.lambdify((T.theta, T.alpha), T.loss_gap().subs(T.beta, 1))
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(10, 3.6))
    u = np.linspace(-0.6, 1.6, 400)
    for i, a in enumerate([1, 2, 4, 8]):
        a1.plot(u, Lf(u / a, a), color=f"C{i}", label=f"α = {a}")
        a1.plot(u, Lg(u / a, a), "--", color=f"C{i}")
    a1.axvspan(0, 1, color="gray", alpha=0.15)
    a1.set_ylim(0, 2.5)
    a1.set_xlabel("αθ  (θ ∈ [0, 1/α] is αθ ∈ [0, 1])")
    a1.set_ylabel("loss")
    a1.legend(fontsize=8)
    alphas = np.geomspace(4, 1024, 12)
    loc = [np.max(np.abs(gap(np.linspace(0, 1 / a, 400), a))) for a in alphas]
    glob = [np.max(np.abs(gap(np.linspace(0, 1, 400), a))) for a in alphas]
    _loglog_fit(a2, alphas, loc, "C0", "sup on [0, 1/α]", -1)
    _loglog_fit(a2, alphas, glob, "C3", "sup on [0, 1]", 2)
    a2.set_xlabel("α")
    a2.set_ylabel("sup |L̂(αf̄) − L̂(αḡ)|")
    a2.legend(fontsize=7)
    return fig


@figure("ntk-kernel-beta.png", "Width m against: ‖ΦΦᵀ − K∞‖_op for one random network (erf and ReLU; K∞ in closed form), "
        "the Lipschitz constant β of θ ↦ ∇f_θ(x) (certified sup|σ''|·max‖x‖²/√m and a sampled lower bound), and "
        "the failure rate of λ_min(ΦΦᵀ) > ½λ_min(K∞) ((8.96)). Lines are least-squares fits on log-log axes.")
def fig_kernel_beta(profile, seed):
    import matplotlib.pyplot as plt

    from numeric.chapter8.sweeps import ntk_width as SW
    from verify.chapter8.claims import ntk_width as W

    fig, (a1, a2, a3) = plt.subplots(1, 3, figsize=(14, 3.8))
    _, conv = SW.kernel_convergence(_ctx(profile, seed, "eq:8.93").seed_for("8.94") % 1000, profile.scale)
    for i, (act, rows) in enumerate(conv.items()):
        _loglog_fit(a1, [r[0] for r in rows], [r[1] for r in rows], f"C{i}", act, -0.5)
    a1.set_xlabel("m")
    a1.set_ylabel("‖ΦΦᵀ − K∞‖_op")
    a1.legend(fontsize=7)
    rows, _ = W._beta_sweep(_ctx(profile, seed, "eq:8.102").seed_for("8.102") % 1000, profile.scale)
    _loglog_fit(a2, [r[0] for r in rows], [r[1] for r in rows], "C3", "certified β", -0.5, marker="s", ms=11)
    _loglog_fit(a2, [r[0] for r in rows], [r[2] for r in rows], "C2", "sampled lower bound", -0.5)
    a2.set_title("the sup of |σ''| is attained: lower bound ≈ certificate", fontsize=8)
    a2.set_xlabel("m")
    a2.set_ylabel("β")
    a2.legend(fontsize=7)
    n, d, lam_inf, srows = SW.spectrum_sweep(_ctx(profile, seed, "eq:8.96").seed_for("8.96") % 1000, profile.scale,
                                            profile.trials)
    ms = [r[0] for r in srows]
    rate = [np.mean([v <= 0.5 * lam_inf for v in r[1]]) for r in srows]
    a3.semilogx(ms, rate, "o-", color="C0", label="P(λ_min(ΦΦᵀ) ≤ ½λ_min(K∞))")
    rate1 = [np.mean([v <= lam_inf for v in r[1]]) for r in srows]
    a3.semilogx(ms, rate1, "s--", color="C3", label="P(λ_min(ΦΦᵀ) ≤ λ_min(K∞))")
    a3.set_xlabel("m")
    a3.set_ylabel(f"failure rate ({len(srows[0][1])} trials)")
    a3.set_title(f"n = {n}, d = {d}, erf", fontsize=9)
    a3.legend(fontsize=7)
    return fig


@figure("ntk-lazy-training.png", "Gradient descent (8.134) on the erf network from the symmetric initialisation, several "
        "widths. Left: residual ‖ŷᵗ − y‖ against t with the corrected proof rate (1 − 9ησ²/16)ᵗ (dotted) and the printed "
        "(1 − 3ησ/4)ᵗ (dash-dot, violated). Middle: what changes during training, against m, with fitted slopes. Right: "
        "f = αf̄ trained for several α: distance travelled and f–g gap ∝ 1/α.")
def fig_lazy(profile, seed):
    import matplotlib.pyplot as plt

    from verify.chapter8.claims import ntk_training as TR

    fig, (a1, a2, a3) = plt.subplots(1, 3, figsize=(15, 4))
    X, y, T, rows = TR.lazy_runs(zlib.crc32(f"{seed}|ntk|lazy".encode()) % 100_000, profile.scale)
    for i, r in enumerate(rows):
        e = r["erf"]
        res = e["f"].residual
        t = np.arange(len(res))
        a1.semilogy(t, res, color=f"C{i}", label=f"m = {r['m']}")
        if i == len(rows) - 1:
            a1.semilogy(t, res[0] * TR.proof_rate(e["eta"], e["s2"]) ** t, ":", color="k", label="(1 − 9ησ²/16)ᵗ")
            a1.semilogy(t, res[0] * abs(1 - 3 * e["eta"] * np.sqrt(e["s2"]) / 4) ** t, "-.", color="gray",
                        label="printed (1 − 3ησ/4)ᵗ")
    a1.set_xlabel("t")
    a1.set_ylabel("‖ŷᵗ − y‖")
    a1.set_ylim(1e-6, 10)
    a1.legend(fontsize=7)
    ms = [r["m"] for r in rows]
    _loglog_fit(a2, ms, [r["erf"]["rel_change"] for r in rows], "C0", "‖θᵀ − θ⁰‖/‖θ⁰‖", -0.5)
    _loglog_fit(a2, ms, [r["erf"]["kernel_change"] for r in rows], "C1", "relative kernel change")
    _loglog_fit(a2, ms, [r["erf"]["gap"] for r in rows], "C2", "max_t |f − g|")
    _loglog_fit(a2, ms, [r["relu"]["f"].flips[-1] + 1e-12 for r in rows], "C3", "ReLU patterns flipped", -0.5)
    a2.set_xlabel("m")
    a2.legend(fontsize=6)
    arows, _ = TR.alpha_runs(zlib.crc32(f"{seed}|ntk|alpha".encode()) % 100_000, profile.scale)
    al = [r["alpha"] for r in arows]
    _loglog_fit(a3, al, [r["dist"] for r in arows], "C0", "max_t ‖θᵗ − θ⁰‖", -1)
    _loglog_fit(a3, al, [r["gap"] for r in arows], "C2", "max_t |f − g|")
    _loglog_fit(a3, al, [r["kernel_change"] for r in arows], "C1", "relative kernel change")
    a3.set_xlabel("α  (f = αf̄, m = 256)")
    a3.legend(fontsize=6)
    return fig


@figure("ntk-sample-complexity.png", "Theorem 8.35 as an experiment, y = x₁x₂ on {±1}ᵈ. Left and middle: test MSE against n "
        "for NTK regression (ReLU K∞) and for the Σ|uⱼ|‖wⱼ‖-regularised ReLU network (trained by GD with the equivalent "
        "weight decay). Right: the n where the test MSE first reaches ½, against d, with fitted slopes (theory 2 and 1); "
        "inset: the neurons of a trained network, direction (w₁, w₂)/‖w‖ (on the unit circle when a neuron ignores x₃…x_d) "
        "with area ∝ its share |uⱼ|‖wⱼ‖ of the regulariser and colour the sign of uⱼ, next to the 4 neurons of (8.166) (stars).")
def fig_sample(profile, seed):
    import matplotlib.pyplot as plt

    from numeric.chapter8 import ntk_sample as ns
    from numeric.chapter8.sweeps import ntk_limits as LI
    ds, out = LI.sample_complexity(zlib.crc32(f"{seed}|ntk|thm8.35".encode()) % 100_000, profile.scale)
    fig, (a1, a2, a3) = plt.subplots(1, 3, figsize=(15, 4))
    for i, d in enumerate(ds):
        ks, errs, _ = out["ntk"][d]
        a1.semilogx(ks, errs, "o-", color=f"C{i}", label=f"d = {d}")
        nn_, errs2, _, _ = out["net"][d]
        a2.semilogx(nn_, errs2, "o-", color=f"C{i}", label=f"d = {d}")
    for a, title in ((a1, "NTK regression"), (a2, "regularised ReLU network")):
        a.axhline(LI.THRESHOLD, color="gray", lw=0.8)
        a.set_xlabel("n")
        a.set_ylabel("test MSE")
        a.set_title(title, fontsize=9)
        a.legend(fontsize=7)
    for key, col, th in (("ntk", "C0", 2), ("net", "C3", 1)):
        pts = [(d, out[key][d][2]) for d in ds if out[key][d][2] is not None]
        if len(pts) >= 3:
            _loglog_fit(a3, [p[0] for p in pts], [p[1] for p in pts], col, key, th)
    a3.set_xlabel("d")
    a3.set_ylabel("n for test MSE ≤ ½")
    a3.legend(fontsize=7, loc="upper left")
    ins = a3.inset_axes([0.6, 0.06, 0.38, 0.38])
    rng = np.random.default_rng(seed)
    d = ds[0]
    Xtr, ytr = ns.hypercube(8 * d, d, rng)
    W, u = ns.train_regularised(Xtr, ytr, 64, 1e-3, rng)
    nw = np.linalg.norm(W, axis=1)
    mass = np.abs(u) * nw  # each neuron's share of Σ|uⱼ|‖wⱼ‖
    dirs = W[:, :2] / nw[:, None]  # on the unit circle iff the neuron only looks at x₁, x₂
    ins.scatter(dirs[:, 0], dirs[:, 1], s=300 * mass / mass.max(), c=np.sign(u), cmap="coolwarm", alpha=0.7)
    W4, u4 = ns.four_neurons()
    d4 = W4 / np.linalg.norm(W4, axis=1, keepdims=True)
    ins.scatter(d4[:, 0], d4[:, 1], marker="*", s=90, color="gold", edgecolor="k", lw=0.5)
    ins.add_patch(plt.Circle((0, 0), 1, fill=False, lw=0.5, color="gray"))
    ins.set_xlim(-1.2, 1.2)
    ins.set_ylim(-1.2, 1.2)
    ins.set_aspect("equal")
    ins.set_xticks([])
    ins.set_yticks([])
    ins.set_title(f"(w₁, w₂)/‖w‖, size ∝ |u|‖w‖ (d = {d})", fontsize=6)
    return fig
