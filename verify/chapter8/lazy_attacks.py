"""Lazy training (sec:8.4.2:lazy-training) decided on one network of the adversary bank, at the chapter's widths.

A bank network (``numeric.adversaries.networks``) is a recipe: the chapter's (8.78) f_θ(x) = α(1/√m)Σⱼ aⱼσ(wⱼᵀx) with
(8.80)/(8.81) (σ 1-Lipschitz and C², aⱼ = ±1 fixed, θ = vec(W) trained), an initialisation (random: wⱼ ~ N(0, I_d),
f_θ⁰ ≠ 0; symmetric: paired neurons, f_θ⁰ ≡ 0), an output scale α and a data set (X, y).  The statement is about
m → ∞, so a member is read as its width family: the same recipe (activation, initialisation, seed, α, data) drawn
at the widths WIDTHS of the suite's lazy-training runs (64 … 4096), each trained by GD (8.134) θ ← θ − ηΦᵗᵀ(ŷᵗ − y)
with η = 0.9/τ² (τ² = λ_max(ΦΦᵀ) at θ⁰ of that width) for the same T steps at every width, and, from the same start,
the linearised model g_θ = f_θ⁰ + Φ⁰(θ − θ⁰) (8.55) trained by the same GD.  Read at every width:

- the relative movement ‖θᵀ − θ⁰‖/‖θ⁰‖ (the statement: ∝ m^(−1/2), ‖θ⁰‖ ∝ √m while the movement is Θ(1));
- the total movement ‖θᵀ − θ⁰‖ (Θ(1): it does not shrink, the mutant says it does);
- the kernel change ‖ΦᵀΦᵀᵀ − Φ⁰Φ⁰ᵀ‖₂/‖Φ⁰Φ⁰ᵀ‖₂ and the linearisation gap max_t ‖f_θᵗ(X) − g_θ_gᵗ(X)‖∞ ('optimizing
  L̂(f) is similar to optimizing L̂(g)');
- the distance max_t ‖θᵗ − θ⁰‖ in units of the radius σ/(4√nβ) of (8.142) ('does not leave B(θ⁰)': the ball grows
  like √m with the certified β = α sup|σ''| max‖x‖²/√m, the path does not).

Each is read by its least-squares slope in log m over the four widths, against the suite's resolution δ = 1/4 (the
check's): a quantity 'shrinks' when its slope is ≤ −δ, or when it is 0 at every width (a linear network: f = g, Φ
constant); the relative movement's slope must lie within δ of the claimed exponent.  Sampled: the weights are seeded
random draws and the runs are float64; one draw per width (the check pools seeds and fits with intervals; here the
bank gives many recipes instead).  A member with its own fixed start (W0) is widened with the random initialisation
(its seed, α and data).  Single-neuron models (the α·softplus neuron, the linear models Φ = I_n, the
lintanh neuron) have no width to grow: n/a.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from numeric.adversaries.netmodel import ACTS, Model, model

WIDTHS = (64, 256, 1024, 4096)
ETA = 0.9          # η = 0.9/τ², the step of the suite's lazy-training runs (numeric.chapter8.sweeps.ntk.lazy_cell)
T_CAP = 400        # the runs' step cap (lazy_cell)
DELTA = 0.25       # the resolution of a slope in log m (the check's pooled fits)
ZERO = 1e-10       # a quantity ≤ ZERO·scale at every width is 0 (exactly 0 in exact arithmetic: f linear in θ)


def _family_reason(net) -> str | None:
    """None when the member has a width to grow (m ≥ 2 neurons of (8.78)), else why it is n/a."""
    if net.m < 2:
        return (f"a fixed model with one neuron ({net.activation}, d = {net.d}): it has no width m to grow, and the "
                "statement is about m → ∞")
    return None


def _at_width(net, m: int) -> Model:
    """The member's recipe at width m: same activation, initialisation, seed, α and data (netmodel.model)."""
    from dataclasses import replace

    from numeric.adversaries.networks import Net, draw

    init = net.init
    if getattr(net, "W0", None) is not None:
        # a recipe with its own fixed start has no width-m analogue (θ⁰ = 0 at width m would move every neuron alike,
        # with ‖θ⁰‖ = 0): its family is drawn with the random initialisation wⱼ ~ N(0, I_d), aⱼ = ±1, its seed and data
        init = "random"
    W, a = draw(Net(net.activation, m, net.d, init, net.seed))
    base = model(replace(net, m=m, W0=None, a0=None) if hasattr(net, "W0") else Net(net.activation, m, net.d, init,
                                                                                         net.seed))
    return Model(net.activation, W, a, float(getattr(net, "alpha", 1.0)), base.X, base.y)


def _steps(M: Model):
    lam = np.linalg.eigvalsh(M.jac(M.W0) @ M.jac(M.W0).T)
    return float(lam[0]), float(lam[-1])


def _run(M: Model, eta: float, T: int) -> dict:
    """GD (8.134) on f and on its linearisation g from the same θ⁰: the numbers the decision reads."""
    sig, dsig = ACTS[M.act][0], ACTS[M.act][1]
    W0 = M.W0
    J0 = M.jac(W0)
    f0 = M.f(W0)
    W, th_g = W0.copy(), np.zeros(W0.size)
    gap, dist = 0.0, 0.0
    for _ in range(T + 1):
        Z = M.X @ W.T
        fW = (sig(Z) @ M.a) * M.c
        gW = f0 + J0 @ th_g
        if not (np.all(np.isfinite(fW)) and np.all(np.isfinite(gW))):
            return {"diverged": True}
        gap = max(gap, float(np.max(np.abs(fW - gW))))
        dist = max(dist, float(np.linalg.norm(W - W0)))
        r = fW - M.y
        W = W - eta * (((dsig(Z) * M.a * M.c) * r[:, None]).T @ M.X)
        th_g = th_g - eta * (J0.T @ (gW - M.y))
    K0 = J0 @ J0.T
    JT = M.jac(W)
    KT = JT @ JT.T
    return {"diverged": False, "rel": float(np.linalg.norm(W - W0) / np.linalg.norm(W0)),
            "total": float(np.linalg.norm(W - W0)), "kernel": float(np.linalg.norm(KT - K0, 2) / np.linalg.norm(K0, 2)),
            "gap": gap, "dist": dist, "loss_T": M.loss(W), "neuron": float(np.max(np.linalg.norm(W - W0, axis=1)))}


@lru_cache(maxsize=64)
def width_runs(net) -> dict:
    """The member's width family trained (cached per recipe: every statement reads the same runs)."""
    rows = []
    T = None
    for m in WIDTHS:
        M = _at_width(net, m)
        s2, t2 = _steps(M)
        eta = ETA / t2
        if T is None:  # T from the narrowest width, as the suite's runs: ⌈8 log(10³)/(9ησ²)⌉ capped at 400
            T = T_CAP if s2 <= 1e-12 * t2 else min(int(np.ceil(8 * np.log(1e3) / (9 * eta * s2))), T_CAP)
        out = _run(M, eta, T)
        beta = ACTS[M.act][3] * float(np.max(np.sum(M.X ** 2, axis=1))) * abs(M.c)
        R = np.sqrt(max(s2, 0.0)) / (4 * np.sqrt(M.n) * beta) if beta > 0 else np.inf
        out.update(m=m, sigma2=s2, tau2=t2, eta=eta, beta=beta, radius=R,
                   dist_over_R=(out.get("dist", np.nan) / R) if np.isfinite(R) and R > 0 else
                   (0.0 if beta == 0 else np.inf), f0=float(np.max(np.abs(M.f(M.W0)))))
        rows.append(out)
    return {"T": T, "rows": rows}


def _slope(ms, vals) -> float:
    return float(np.polyfit(np.log(ms), np.log(vals), 1)[0])


def _shrinks(name, ms, vals, scale) -> tuple[bool | None, str]:
    """(True: slope ≤ −δ or 0 at every width; False: slope > −δ; None: mixed zeros), and its description."""
    vals = np.asarray(vals, float)
    if np.all(vals <= ZERO * scale):
        return True, f"{name}: 0 at every width (≤ {ZERO:g}·scale)"
    if np.any(vals <= 0) or not np.all(np.isfinite(vals)):
        return None, f"{name}: {list(map(float, vals))} (not all positive and finite)"
    b = _slope(ms, vals)
    return b <= -DELTA, f"{name}: slope {b:.3f} in log m ({', '.join(f'{v:.3g}' for v in vals)})"


def decide_lazy_width(stmt, member, ctx):
    """The lazy-training statement (verify.chapter8.claims.ntk_training.Lazy) on one bank network's width family."""
    from verify.engine.claim import Outcome

    why = _family_reason(member.obj)
    if why:
        return Outcome(None, ["adversary bank"], 0, notes=[why])
    R = width_runs(member.obj)
    rows = R["rows"]
    if any(r["diverged"] for r in rows):
        bad = [r["m"] for r in rows if r["diverged"]]
        return Outcome(None, ["adversary bank"], 0, notes=[f"{member.name}: GD at η = 0.9/τ² diverged at m = {bad}"])
    ms = [r["m"] for r in rows]
    rel = [r["rel"] for r in rows]
    b_rel = _slope(ms, rel)
    b_tot = _slope(ms, [r["total"] for r in rows])
    yscale = 1.0 + max(r["f0"] for r in rows) + float(np.max(np.abs(model(member.obj).y)))
    parts = [("kernel change", [r["kernel"] for r in rows], 1.0),
             ("f–g gap", [r["gap"] for r in rows], yscale)]
    descr = []
    if all(r["sigma2"] > 1e-12 * r["tau2"] for r in rows):
        parts.append(("max_t ‖θᵗ − θ⁰‖ / (σ/(4√nβ))", [r["dist_over_R"] for r in rows], 1.0))
    else:  # rank Φ < n: σ = 0 and (8.142)'s radius is 0; the ball reading says nothing, the other quantities decide
        descr.append("σ_min(Φ) = 0 (rank Φ < n): the radius σ/(4√nβ) of (8.142) is 0, the ball reading is not read")
    decays = []
    for name, vals, sc in parts:
        d, txt = _shrinks(name, ms, vals, sc)
        decays.append(d)
        descr.append(txt)
    nums = {"widths": ms, "T": R["T"], "eta tau^2": ETA,
            "||theta^T - theta^0||/||theta^0||": [round(v, 6) for v in rel], "slope (relative)": round(b_rel, 3),
            "||theta^T - theta^0||": [round(r["total"], 5) for r in rows], "slope (total)": round(b_tot, 3),
            "final L": [float(f"{r['loss_T']:.3g}") for r in rows]}
    head = (f"{member.name}: widths {ms}, T = {R['T']} GD steps at η = 0.9/τ²; relative movement slope {b_rel:.3f} "
            f"(claimed {stmt.rel_power}, ±{DELTA}); total movement slope {b_tot:.3f}; " + "; ".join(descr))
    if stmt.lazy and abs(b_rel - stmt.rel_power) > DELTA:
        return Outcome(False, ["optimizer", "adversary bank"], len(rows), None,
                       dict(nums, reason=f"relative movement slope {b_rel:.3f} not within {DELTA} of {stmt.rel_power}"),
                       notes=[head], strength="sampled")
    if stmt.total_shrinks:  # the reading 'the parameters change less': the total movement shrinks with m
        ok = b_tot <= -DELTA
        return Outcome(ok, ["optimizer", "adversary bank"], len(rows), None,
                       None if ok else dict(nums, reason=f"total movement slope {b_tot:.3f} > −{DELTA}: Θ(1) in m"),
                       notes=[head], strength="sampled")
    if None in decays:
        return Outcome(None, ["adversary bank"], len(rows), notes=[head])
    lazy = all(decays) and b_rel <= -DELTA
    not_lazy = not any(decays) and b_rel > -DELTA
    holds = lazy if stmt.lazy else not_lazy
    if not lazy and not not_lazy:
        holds = None
    return Outcome(holds, ["optimizer", "adversary bank"], len(rows), None,
                   None if holds else dict(nums, decays=[d for d in decays]), notes=[head], strength="sampled")


# --- Figure 8.8 on the chapter's networks (§8.4.1's f = αf̄ with f̄ a bank network) ------------------------------------
ALPHAS = (30.0, 100.0, 300.0, 1000.0)  # the output scales α read (float64 resolves the α⁻² gaps at these)
GRID = 101                              # points of each segment (s = 0, 1/100, …, 1): the sup is sampled on the grid


@lru_cache(maxsize=64)
def fig88_gaps(net) -> dict:
    """sup over the region of |L̂(αf̄_θ) − L̂(αḡ_θ)|, L̂ = (1/n)Σ(·  − yᵢ)², at each α of ALPHAS, for f̄ the member's
    network at its own width and start (netmodel.model) with its own α set to 1, and ḡ its linearisation at θ⁰.  The regions generalise the
    toy's: 'shrinking' is the segment from θ⁰ to the minimum-norm minimiser of L̂(αḡ), θ⁰ + Φ̄⁺(y − αf̄_θ⁰)/α (the
    toy's [0, 1/α]); 'fixed' is the segment from θ⁰ to θ⁰ + Φ̄⁺(y − f̄_θ⁰) (the α = 1 minimiser: the toy's [0, 1])."""
    M = model(net)
    M.alpha = 1.0  # f̄ is the member's network without its own output scale: the figure's α is read over ALPHAS
    J0 = M.jac(M.W0)
    f0 = M.f(M.W0)
    P = np.linalg.pinv(J0)
    th0 = M.W0.ravel()
    out = {"shrinking": [], "fixed": [], "beta": float(M.beta()), "f0": float(np.max(np.abs(f0)))}
    ss = np.linspace(0.0, 1.0, GRID)
    for al in ALPHAS:
        for region, D in (("shrinking", P @ (M.y - al * f0) / al), ("fixed", P @ (M.y - f0))):
            worst = 0.0
            for s in ss:
                d = s * D
                fb = M.f((th0 + d).reshape(M.W0.shape))
                gb = f0 + J0 @ d
                gap = float(np.mean((al * fb - al * gb) * (al * fb + al * gb - 2 * M.y)))  # L̂(αf̄) − L̂(αḡ)
                worst = max(worst, abs(gap))
            out[region].append(worst)
    return out


def decide_fig88_net(stmt, member, ctx):
    """Figure 8.8's statement (verify.chapter8.claims.ntk_scaling.Fig88 parts) on one bank network f̄: per region,
    the slope of log sup|L̂(αf̄) − L̂(αḡ)| in log α over ALPHAS.  'better' (→ 0): slope ≤ −δ; not better (the
    'worse globally' of the caption): slope ≥ δ; a claimed rate k is read on networks as O(α^k) on the shrinking
    region (slope ≤ k + δ: Lemma 8.28 bounds |αf̄ − αḡ| by αβ̄‖Δθ‖²/2 = O(1/α) there; the toy attains k = −1, the
    symmetric initialisation's paired neurons cancel the second-order term and give α⁻²) and as Θ(α^k) on the fixed
    one (|slope − k| ≤ δ).  Sampled (a grid of 101 points per segment, float64)."""
    from verify.engine.claim import Outcome

    net = member.obj
    G = fig88_gaps(net)
    if G["beta"] == 0:
        return Outcome(None, ["adversary bank"], 0, notes=[f"{member.name}: β̄ = 0 (f̄ affine in θ, f̄ = ḡ): no "
                                                           "approximation error to compare (the figure's toy has β > 0)"])
    rows, bad = [], None
    for part in stmt:
        vals = G[part.region]
        if min(vals) <= 0:
            return Outcome(None, ["adversary bank"], 0, notes=[f"{member.name}: a zero gap on the {part.region} region"])
        b = _slope(ALPHAS, vals)
        better = b <= -DELTA
        worse = b >= DELTA
        ok = better if part.better else worse
        if part.rate is not None:  # O(α^k) on the shrinking region, Θ(α^k) on the fixed one, Θ when the part says so
            theta = part.region == "fixed" or getattr(part, "theta", False)
            ok = ok and (abs(b - part.rate) <= DELTA if theta else b <= part.rate + DELTA)
        rows.append(f"{part.region} region: sup gap {', '.join(f'{v:.3g}' for v in vals)} at α = "
                    f"{', '.join(f'{a:g}' for a in ALPHAS)}: slope {b:.3f} (claimed {'→ 0' if part.better else 'not → 0'}"
                    + (f", rate {part.rate}" + (" (Θ)" if getattr(part, "theta", False) else "")
                       if part.rate is not None else "") + f"): {ok}")
        if not ok and bad is None:
            bad = {"member": member.name, "region": part.region, "sup gaps": [float(f"{v:.6g}") for v in vals],
                   "alphas": list(ALPHAS), "slope in log alpha": round(b, 3), "claimed better": part.better,
                   "claimed rate": part.rate, "max |f0|": G["f0"]}
    return Outcome(bad is None, ["adversary bank"], len(ALPHAS) * GRID, None, bad, strength="sampled",
                   notes=[f"{member.name}: " + "; ".join(rows)])
