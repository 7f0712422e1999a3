"""§8.1–8.2.1 figures: Figures 8.2 and 8.3 reproduced with the classified critical points, optimizer
trajectories around a strict saddle, degenerate critical points with their descent curves, and the
measured growth of the iteration counts (Theorems 8.5/8.6)."""
from __future__ import annotations

import numpy as np

from verify.chapter8.figures import figure

_MARK = {"minimum": ("*", "gold", 13), "strict saddle": ("X", "red", 10), "maximum": ("s", "white", 8)}


def _marker(p):
    if p.kind in _MARK:
        return _MARK[p.kind]
    return ("o", "magenta", 9)


@figure("fig-8.2-gd-trap.png", "Figure 8.2 reproduced: f(x) = x⁴ − 4x² + x. Gradient descent from the blue "
        "point x₀ = 2 stops at the red local minimum (≈ 1.347, f ≈ −2.619); the black global minimum "
        "(≈ −1.473, f ≈ −5.444) is not found. Critical points from the exact classifier.")
def fig_8_2(profile, seed):
    import matplotlib.pyplot as plt

    from numeric import classify as C
    from numeric.chapter8 import landscapes as NL
    from symbolic.chapter8 import landscapes as SL
    f, vs = SL.figure_8_2()
    L = C.critical_points(f, vs)
    D = NL.derivatives(f, vs)
    xs = np.linspace(-2.2, 2.3, 500)
    res, _ = NL.gd_run(f, vs, [SL.FIGURE_8_2_START], step=0.01, iters=400)
    path = res.trace.iterates[:, 0]
    fig, ax = plt.subplots(figsize=(5.5, 3.4))
    ax.plot(xs, D.value(xs[:, None]), color="0.3")
    ax.plot(path[:80], D.value(path[:80, None]), ".", color="C0", ms=5, alpha=0.7, label="GD iterates")
    ax.plot([path[0]], D.value(path[:1, None]), "o", color="blue", ms=9, label="start (blue)")
    mins = sorted(L.local_minima, key=lambda p: p.value)
    ax.plot([mins[0].x[0]], [mins[0].value], "o", color="black", ms=9, label="global minimum (black)")
    ax.plot([mins[1].x[0]], [mins[1].value], "o", color="red", ms=9, label="local minimum reached (red)")
    for p in L.of("maximum"):
        ax.plot([p.x[0]], [p.value], "s", color="0.5", ms=6, label="local maximum")
    ax.set_xlabel("x")
    ax.set_ylabel("f(x)")
    ax.legend(fontsize=7, loc="upper center")
    return fig


@figure("fig-8.3-strict-saddle.png", "Figure 8.3 reproduced: (x² − 1)² + (y² − 1)². Critical points found "
        "exactly and classified: four global minima (stars), four strict saddles (crosses, arrows along the "
        "most negative curvature λ_min = −4), one maximum (square).")
def fig_8_3(profile, seed):
    import matplotlib.pyplot as plt

    from numeric import classify as C
    from numeric.chapter8 import landscapes as NL
    from symbolic.chapter8 import landscapes as SL
    f, vs = SL.figure_8_3()
    L = C.critical_points(f, vs)
    D = NL.derivatives(f, vs)
    g = np.linspace(-1.8, 1.8, 201)
    G1, G2 = np.meshgrid(g, g)
    Z = D.value(np.stack([G1.ravel(), G2.ravel()], 1)).reshape(G1.shape)
    fig, ax = plt.subplots(figsize=(5, 4.4))
    cs = ax.contourf(G1, G2, np.log1p(Z), levels=30, cmap="viridis")
    fig.colorbar(cs, ax=ax, label="log(1 + f)")
    seen = set()
    for p in L.points:
        m, c, s = _marker(p)
        ax.plot(p.x[0], p.x[1], m, color=c, ms=s, mec="k", label=None if p.label in seen else p.label)
        seen.add(p.label)
        if p.kind == "strict saddle":
            ax.annotate("", p.x + 0.35 * p.direction, p.x, arrowprops=dict(arrowstyle="->", color="red"))
    ax.set_aspect("equal")
    ax.legend(loc="lower left", fontsize=7)
    return fig


@figure("saddle-trajectories.png", "Around the strict saddle (0, 1) of (x² − 1)² + (y² − 1)²: GD started on "
        "its stable manifold x = 0 converges to the saddle and stays; perturbed GD (same step) escapes to a "
        "minimum; cubic-regularised Newton leaves in a few steps. Also GD from a start just off the manifold.")
def fig_trajectories(profile, seed):
    import matplotlib.pyplot as plt

    from numeric.chapter8 import landscapes as NL
    from numeric.optimizers import GD, CubicNewton, PerturbedGD
    from symbolic.chapter8 import landscapes as SL
    f, vs = SL.figure_8_3()
    prob = NL.problem(f, vs)
    D = NL.derivatives(f, vs)
    g = np.linspace(-1.6, 1.6, 161)
    G1, G2 = np.meshgrid(g, g)
    Z = D.value(np.stack([G1.ravel(), G2.ravel()], 1)).reshape(G1.shape)
    fig, ax = plt.subplots(figsize=(6, 5.2))
    ax.contour(G1, G2, np.log1p(Z), levels=25, cmap="Greys", linewidths=0.6)
    x0 = np.array([0.0, 1.6])
    runs = [
        ("GD on the stable manifold", GD(step=0.02).run(prob, x0, max_iter=3000, tol=1e-12, keep_iterates=True), "C0"),
        ("GD from x = 1e-3", GD(step=0.02).run(prob, x0 + [1e-3, 0], max_iter=3000, tol=1e-12, keep_iterates=True), "C2"),
        ("perturbed GD", PerturbedGD(step=0.02, radius=0.05, g_thres=1e-3, t_thres=400, f_thres=1e-4).run(
            prob, x0, rng=np.random.default_rng(seed), max_iter=3000, tol=0.0, keep_iterates=True), "C3"),
        ("cubic Newton", CubicNewton(M=10.0).run(prob, x0 + [1e-6, 0], max_iter=200, tol=1e-12, keep_iterates=True),
         "C1"),
    ]
    for (name, r, c), lw, ls in zip(runs, (5, 1.4, 1.4, 1.4), ("-", "-", "--", "-")):
        it = r.trace.iterates
        ax.plot(it[:, 0], it[:, 1], ls, color=c, lw=lw, alpha=0.6 if lw > 2 else 1.0,
                label=f"{name} ({r.iterations} it., ends at {np.round(r.x, 3).tolist()})")
        ax.plot(it[-1, 0], it[-1, 1], "o", color=c, ms=5)
    ax.plot([0], [1], "X", color="red", ms=11, mec="k", label="strict saddle (0, 1)")
    ax.plot([1, -1], [1, 1], "*", color="gold", ms=13, mec="k", label="minima")
    ax.set_aspect("equal")
    ax.legend(fontsize=7, loc="lower left")
    return fig


@figure("degenerate-points.png", "Degenerate critical points (∇f = 0, ∇²f ⪰ 0 singular) decided by higher-order "
        "terms: the classifier's descent curves (red) for Example 8.2, x² − y⁴, the monkey saddle and Peano's "
        "(y − x²)(y − 2x²) — where every line through 0 is a local minimum and only the parabola descends — "
        "next to x⁴ + y⁴, a degenerate minimum.")
def fig_degenerate(profile, seed):
    import matplotlib.pyplot as plt
    import sympy as sp

    from numeric import classify as C
    from numeric.chapter8 import landscapes as NL
    from symbolic.chapter8 import landscapes as SL
    bank = SL.textbook()
    names = ["example-8.2", "x2-y4", "monkey", "peano", "x4+y4"]
    fig, axes = plt.subplots(1, len(names), figsize=(3.0 * len(names), 3.1))
    t = sp.Symbol("t", positive=True)
    g = np.linspace(-1, 1, 161)
    G1, G2 = np.meshgrid(g, g)
    for ax, name in zip(axes, names):
        f, vs = bank[name]
        (p,) = C.critical_points(f, vs).points
        D = NL.derivatives(f, vs)
        Z = D.value(np.stack([G1.ravel(), G2.ravel()], 1)).reshape(G1.shape)
        lim = np.max(np.abs(Z))
        ax.contourf(G1, G2, Z, levels=np.linspace(-lim, lim, 31), cmap="RdBu_r")
        ax.contour(G1, G2, Z, levels=[0], colors="k", linewidths=0.6)
        if p.higher is not None and p.higher.descent_curve is not None:
            cv = sp.lambdify(t, list(p.higher.descent_curve), "numpy")
            ts = np.linspace(0, 1, 200)
            pts = np.array([np.broadcast_to(np.asarray(c, float), ts.shape) for c in cv(ts)])
            inside = np.all(np.abs(pts) <= 1, axis=0)
            ax.plot(pts[0][inside], pts[1][inside], "-", color="red", lw=2)
        ax.set_xlim(-1, 1)
        ax.set_ylim(-1, 1)
        ax.plot(0, 0, "o", color="k", ms=5)
        ax.set_title(f"{name}\n{p.label}", fontsize=8)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
    return fig


@figure("saddle-iteration-growth.png", "Theorems 8.5/8.6 as experiments: iterations until ‖x − x*‖ ≤ ε "
        "on the strict-saddle family f = β(x₁² − 1)²/4 + αγ(√(1 + x₂²/γ²) − 1) + ½Σxᵢ², started on the saddle's "
        "stable manifold, as each dial grows (perturbed GD with Jin et al.'s parameters, and cubic-regularised "
        "Newton), with the fitted log-log slopes.")
def fig_growth(profile, seed):
    import matplotlib.pyplot as plt

    from numeric.chapter8 import strict_saddle as SS
    from numeric.stats import fit_power_law

    base = dict(d=10, alpha=0.5, beta=0.16, gamma=1.0)
    full = profile.scale > 1
    dials = [
        ("beta", [0.16, 0.08, 0.04, 0.02, 0.01] + ([0.005] if full else []), "1/β", True),
        ("alpha", [0.4, 0.2, 0.1, 0.05, 0.025] + ([0.0125] if full else []), "1/α", True),
        ("gamma", [1.0, 2.0, 4.0, 8.0, 16.0], "1/γ", True),
        ("d", [10, 30, 100, 300, 1000] + ([3000] if full else []), "d", False),
    ]
    fig, axes = plt.subplots(1, 4, figsize=(14, 3.4))
    for ax, (key, vals, label, inv) in zip(axes, dials):
        for opt, c in (("pgd", "C0"), ("cubic", "C1")):
            rows = SS.sweep(base, key, vals, 1, 1e-3, opt, shelf_start=40.0)
            xs = np.array([1 / r["value"] if inv else r["value"] for r in rows if r["evaluations"]])
            ys = np.array([r["evaluations"] for r in rows if r["evaluations"]], float)
            ax.loglog(xs, ys, "o", color=c)
            if len(set(ys)) > 1 and len(ys) >= 3:
                fit = fit_power_law(xs, ys)
                xx = np.geomspace(xs.min(), xs.max(), 50)
                ax.loglog(xx, fit.prefactor * xx**fit.exponent, "-", color=c,
                          label=f"{'perturbed GD' if opt == 'pgd' else 'cubic Newton'}: slope {fit.exponent:.2f}")
        ax.set_xlabel(label)
        ax.set_ylabel("iterations")
        ax.legend(fontsize=7)
    fig.tight_layout()
    return fig
