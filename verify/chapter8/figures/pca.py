"""§8.3.1 figures: Figure 8.4 (the d = 1 PCA objective) and GD on a 2-D PCA landscape."""
from __future__ import annotations

import numpy as np

from verify.chapter8.figures import figure


@figure("fig-8.4-pca-d1.png", "Figure 8.4 reproduced: g(x) = ½(m − x²)² for d = 1 (m = 1); "
        "the two local minima ±√m are global, x = 0 is a local maximum.")
def fig_8_4(profile, seed):
    import matplotlib.pyplot as plt
    import sympy as sp

    from symbolic.chapter8 import pca
    from symbolic.explicit import evaluate

    xs, m = sp.symbols("x m", real=True)
    S = pca.SYMBOLS
    g1 = evaluate(pca.objective(), {S.M: sp.ImmutableMatrix([[m]]), S.x: sp.ImmutableMatrix([[xs]])}, 1)
    f = sp.lambdify((xs, m), g1, "numpy")
    x = np.linspace(-1.6, 1.6, 400)
    fig, ax = plt.subplots(figsize=(5, 3.2))
    ax.plot(x, f(x, 1.0), color="C0", label=r"$g(x)=\frac{1}{2}(m-x^2)^2$, $m=1$")
    ax.plot([-1, 1], [0, 0], "o", color="C2", label="local = global minima ±√m")
    ax.plot([0], [f(0.0, 1.0)], "s", color="C3", label="local maximum")
    ax.set_xlabel("x")
    ax.set_ylabel("g(x)")
    ax.legend(fontsize=8)
    return fig


@figure("pca-gd-landscape.png", "Gradient descent on the 2-D PCA landscape g(x) = ½‖M − xxᵀ‖² "
        "(M = diag(2, 1)): trajectories from random starts end at ±√λ₁u₁; "
        "the stationary points 0 and ±√λ₂u₂ are saddles.")
def fig_pca_landscape(profile, seed):
    import matplotlib.pyplot as plt

    from numeric.chapter8 import pca as npca
    from numeric.optimizers import GD

    Mm = np.diag([2.0, 1.0])
    f = npca.value()
    g1, g2 = np.meshgrid(np.linspace(-2, 2, 161), np.linspace(-2, 2, 161))
    pts = np.stack([g1.ravel(), g2.ravel()], axis=1)
    Z = f(np.broadcast_to(Mm, (len(pts), 2, 2)), pts).reshape(g1.shape)
    fig, ax = plt.subplots(figsize=(5, 4.4))
    cs = ax.contourf(g1, g2, np.log1p(Z), levels=30, cmap="viridis")
    fig.colorbar(cs, ax=ax, label="log(1 + g)")
    rng = np.random.default_rng(seed)
    prob = npca.problem(Mm)
    for _ in range(8):
        x0 = rng.uniform(-1.8, 1.8, size=2)
        xs = GD(step=0.05).run(prob, x0, max_iter=60, tol=0.0, keep_iterates=True).trace.iterates
        ax.plot(xs[:, 0], xs[:, 1], "-", color="white", lw=1)
        ax.plot(xs[-1, 0], xs[-1, 1], "o", color="white", ms=3)
    ax.plot([np.sqrt(2), -np.sqrt(2)], [0, 0], "*", color="gold", ms=12, label="global minima ±√λ₁u₁")
    ax.plot([0, 0, 0], [0, 1, -1], "x", color="red", ms=9, mew=2, label="saddles 0, ±√λ₂u₂")
    ax.set_aspect("equal")
    ax.legend(loc="lower left", fontsize=7)
    return fig
