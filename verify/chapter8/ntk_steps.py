"""The steps (8.142)–(8.161) of Theorem 8.33's proof decided on one network of the adversary bank.

Every decision reads the chapter's own network (8.78) with (8.80)/(8.81) — f_θ(x) = α(1/√m)Σⱼ aⱼσ(wⱼᵀx), θ = vec(W)
trained, aⱼ = ±1 fixed, σ 1-Lipschitz and C² — at the bank's widths and data (``numeric.adversaries.netmodel``), inside
Theorem 8.33's regime (rank Φ = n, β·n/σ² ≤ c₀ = 1/64; members outside it are n/a, as for thm:8.33's attacks).

Two kinds of point θ are examined: the points the step's supposition (8.142) admits — ‖θ − θ⁰‖ ≤ R = σ/(4√nβ) —
reached along the adversarial directions below (each scaled to the sphere of radius R, where the steps are tightest),
and the gradient-descent iterates (8.134) with η = 0.5/τ² (while they stay in the ball, for the steps that suppose it).

Adversarial directions (θ is vec(W); ∇²fᵢ is block diagonal, block j = c·aⱼσ''(wⱼᵀxᵢ)xᵢxᵢᵀ, c = α/√m):
- "Frobenius": the top eigenvector of Σᵢ(∇²fᵢ)², the direction u maximising ‖DΦ[u]‖_F (block by block, d×d eigenproblems);
- "σ_min": minus the gradient of σ_min(Φ) at θ⁰ (uᵀΣᵢ(u_L)ᵢ∇²fᵢv_R, the derivative of the smallest singular value),
  and a few projected steps of that descent on the sphere;
- the single-neuron directions e_j ⊗ x̂ of the largest |σ''| and a handful of seeded random directions.
The float evaluations are sampled (they search for a breaking point); a "held" rests on the certified chain where one
exists (β is the certified sup of ‖∇²fᵢ‖_op, so ‖Φ(θ) − Φ(θ⁰)‖_F ≤ √nβ‖θ − θ⁰‖ for every θ: a proof, not a sample).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from numeric.adversaries.netmodel import ACTS, model, summary

ETA_FACTOR = 0.5   # η = 0.5/τ², the step of thm:8.33's attacks (ntk_common.decide_gd)
TOL = 1e-9         # relative float slack of a sampled comparison (the margins decided are ≥ 10⁻³ relative)


def radius(s) -> float:
    """R = σ/(4√nβ) of (8.142) (∞ when β = 0: Φ is constant)."""
    return np.inf if s["beta"] == 0 else s["sigma"] / (4 * np.sqrt(s["n"]) * s["beta"])


def _D2(M, W):
    return ACTS[M.act][2](M.X @ W.T) * M.a * M.c  # (n, m): c·aⱼσ''(wⱼᵀxᵢ)


def frobenius_direction(M, W) -> np.ndarray:
    """argmax_{‖u‖=1} ‖DΦ[u]‖_F = top eigenvector of Σᵢ(∇²fᵢ)² (block diagonal: one d×d block per neuron)."""
    D2 = _D2(M, W)
    nx = np.sum(M.X ** 2, axis=1)
    best, arg = -1.0, None
    for j in range(M.m):
        B = (M.X.T * (D2[:, j] ** 2 * nx)) @ M.X
        lam, U = np.linalg.eigh(B)
        if lam[-1] > best:
            best, arg = lam[-1], (j, U[:, -1])
    u = np.zeros_like(W)
    u[arg[0]] = arg[1]
    return u.ravel()


def smin_gradient(M, W) -> np.ndarray:
    """∇_θ σ_min(Φ(θ)) = Σᵢ (u_L)ᵢ ∇²fᵢ v_R (u_L, v_R the smallest singular pair of Φ, n ≤ p)."""
    J = M.jac(W)
    U, s, Vt = np.linalg.svd(J, full_matrices=False)
    uL, vR = U[:, -1], Vt[-1].reshape(W.shape)
    D2 = _D2(M, W)  # (n, m)
    # Σᵢ uLᵢ·c aⱼσ''ᵢⱼ·xᵢ(xᵢᵀvⱼ): block j
    proj = M.X @ vR.T  # (n, m): xᵢᵀvⱼ
    G = ((D2 * proj) * uL[:, None]).T @ M.X  # (m, d)
    return G.ravel()


@lru_cache(maxsize=64)
def ball_points(net, scale: float = 1.0) -> tuple:
    """Points θ⁰ + scale·R·u on the sphere of (8.142) along the adversarial directions (module docstring)."""
    M = model(net)
    s = summary(net)
    R = radius(s)
    if not np.isfinite(R):
        R = 1.0  # β = 0: Φ constant, any radius; one unit sphere stands for all
    W0 = M.W0
    p = W0.size
    dirs = []
    u = frobenius_direction(M, W0)
    dirs += [("Frobenius", u), ("−Frobenius", -u)]
    g = smin_gradient(M, W0)
    if np.linalg.norm(g) > 0:
        v = -g / np.linalg.norm(g)
        dirs.append(("−∇σ_min", v))
        # projected descent of σ_min on the sphere of radius scale·R (a few steps)
        th = W0.ravel() + scale * R * v
        for _ in range(8):
            gg = smin_gradient(M, th.reshape(W0.shape))
            if np.linalg.norm(gg) == 0:
                break
            step = th - W0.ravel() - 0.5 * scale * R * gg / np.linalg.norm(gg)
            th = W0.ravel() + scale * R * step / np.linalg.norm(step)
        dirs.append(("σ_min descent on the sphere", (th - W0.ravel()) / (scale * R)))
    rng = np.random.default_rng(8142)
    for k in range(4):
        r = rng.standard_normal(p)
        dirs.append((f"random {k}", r / np.linalg.norm(r)))
    return tuple((name, W0 + (scale * R * d).reshape(W0.shape)) for name, d in dirs)


T_MAX = 4000      # GD steps examined (the proof's T = 2·⌈8 log(L̂⁰/ε)/(9ησ²)⌉ of thm:8.33's attacks, capped here)
N_ITER = 40       # iterates examined per run (every ⌈T/40⌉ steps, t = 0 and t = T included)


@lru_cache(maxsize=64)
def gd_path(net, eta_factor: float = ETA_FACTOR) -> dict:
    """GD (8.134) θ ← θ − η(Φᵗ)ᵀ(ŷᵗ − y), η = eta_factor/τ² (0.5 by default; thm:8.33 needs η ≤ 1/τ²), for T = min(T_MAX, thm:8.33's T) steps: the residual norms
    ‖ŷᵗ − y‖ and distances ‖θᵗ − θ⁰‖ at every t, and the iterates Wᵗ at N_ITER + 1 times."""
    from numeric.adversaries.netmodel import gd_run

    M = model(net)
    s = summary(net)
    eta = eta_factor / s["tau"] ** 2
    T = min(T_MAX, int(gd_run(net)["T"]))
    every = max(1, -(-T // N_ITER))
    W = M.W0.copy()
    iters, res, dist = [], [], []
    for t in range(T + 1):
        r = M.f(W) - M.y
        if not np.all(np.isfinite(r)):
            break
        res.append(float(np.linalg.norm(r)))
        dist.append(float(np.linalg.norm(W - M.W0)))
        if t % every == 0 or t == T:
            iters.append((t, W.copy()))
        S = ACTS[M.act][1](M.X @ W.T) * M.a * M.c
        W = W - eta * ((S * r[:, None]).T @ M.X)
    return {"eta": eta, "T": T, "iters": tuple(iters), "res": np.array(res), "dist": np.array(dist)}


def in_ball(net, scale: float = 1.0):
    """The examined points of (8.142)'s ball of radius scale·R: the adversarial sphere points, then the GD iterates
    that lie inside it (label, W)."""
    M = model(net)
    if summary(net)["beta"] == 0:  # Φ(θ) = Φ(θ⁰) for every θ (exactly: f is linear in θ): one point stands for the ball
        return [("θ⁰ (β = 0: Φ constant on ℝᵖ)", M.W0)]
    R = scale * radius(summary(net))
    g = gd_path(net)
    pts = list(ball_points(net, scale))
    pts += [(f"GD t = {t}", W) for t, W in g["iters"] if float(np.linalg.norm(W - M.W0)) <= R]
    return pts


# --- the decisions ---------------------------------------------------------------------------------------------------
def _out(holds, member, nums, notes, strength="sampled", examples=1):
    from verify.engine.claim import Outcome

    nums = {k: float(v) if isinstance(v, np.floating) else v for k, v in nums.items()}  # plain floats in the records
    return Outcome(holds, ["adversary bank"], examples, None, None if holds in (True, None) else nums,
                   notes=[f"{member.name}: " + ", ".join(f"{k} = {_fmt(v)}" for k, v in nums.items())]
                   + [n for n in notes if n], strength=strength)


def _fmt(v):
    return f"{v:.6g}" if isinstance(v, float) else str(v)


def _gate(member):
    """(summary, model, None) inside Theorem 8.33's regime, else an n/a Outcome (as thm:8.33's attacks)."""
    from verify.chapter8.claims.ntk_common import _na, _regime

    s, why = _regime(member.obj)
    if why:
        return None, None, _na(why)
    return s, model(member.obj), None


def decide_8142(stmt, member, ctx):
    """(8.142): ‖θ − θ⁰‖ ≤ R_stmt ⟹ ‖Φ(θ) − Φ(θ⁰)‖_F ≤ σ/4, R_stmt = σ/(4√nβ) (``sqrt_n``) or σ/(4β).

    Held: certified by ‖Φ(θ) − Φ⁰‖_F² = Σᵢ‖∇fᵢ(θ) − ∇fᵢ(θ⁰)‖² ≤ nβ²‖θ − θ⁰‖² (β the certified sup ‖∇²fᵢ‖_op) when
    √nβR_stmt ≤ σ/4.  Broken: a sampled point of the ball (sphere directions, GD iterates) with ‖ΔΦ‖_F > σ/4."""
    s, M, na = _gate(member)
    if na:
        return na
    n, sig, beta = s["n"], s["sigma"], s["beta"]
    if beta == 0:
        return _out(True, member, {"beta": 0.0}, ["β = 0: Φ(θ) = Φ(θ⁰) for every θ (exact)"], "exact")
    scale = 1.0 if stmt.sqrt_n else float(np.sqrt(n))
    R = scale * radius(s)
    J0 = M.jac(M.W0)
    worst, where = -1.0, None
    for lab, W in in_ball(member.obj, scale):
        g = float(np.linalg.norm(M.jac(W) - J0))
        if g > worst:
            worst, where = g, lab
    nums = {"n": n, "sigma": sig, "beta": beta, "radius": R, "max ||Phi(theta) - Phi(theta0)||_F": worst,
            "at": where, "sigma/4": sig / 4}
    if worst > sig / 4 * (1 + TOL):
        return _out(False, member, nums, [])
    chain = np.sqrt(n) * beta * R
    if chain <= sig / 4 * (1 + 1e-12):
        return _out(True, member, nums, [f"certified: √nβ·R = {chain:.6g} ≤ σ/4 (the Lipschitz chain, every θ of the "
                                         "ball); the sampled maximum is below it"], "certified")
    return _out(None, member, nums, [f"√nβ·R = {chain:.6g} > σ/4: the chain does not prove it and the search found no "
                                     "break"])


def decide_8143(stmt, member, ctx):
    """(8.143): σ_min(Φ(θ)) ≥ factor·σ on (8.142)'s ball.  Held (factor ≤ 3/4): certified by Weyl, σ_min(Φ + E) ≥
    σ − ‖E‖_op ≥ σ − ‖E‖_F ≥ σ − √nβR = 3σ/4.  Broken: a point of the ball with σ_min(Φ(θ)) < factor·σ."""
    s, M, na = _gate(member)
    if na:
        return na
    sig = s["sigma"]
    worst, where = np.inf, None
    for lab, W in in_ball(member.obj):
        v = float(np.linalg.svd(M.jac(W), compute_uv=False)[-1])
        if v < worst:
            worst, where = v, lab
    nums = {"sigma": sig, "radius": radius(s), "min sigma_min(Phi(theta))/sigma": worst / sig, "at": where,
            "claimed factor": stmt.factor}
    if worst < stmt.factor * sig * (1 - TOL):
        return _out(False, member, nums, [])
    if stmt.factor <= 0.75:
        return _out(True, member, nums, ["certified: Weyl σₙ(Φ + E) ≥ σ − ‖E‖_op and ‖E‖_F ≤ √nβ‖Δθ‖ ≤ σ/4 on the "
                                         "ball (8.142)"], "certified")
    return _out(None, member, nums, ["above 3/4 the chain proves nothing; no break found"])


def decide_8144(stmt, member, ctx):
    """(8.144)–(8.149).  Printed: σ_min(Φᵗ) = min_{‖x‖=1} xᵀΦᵗx — undefined unless Φᵗ is square (n = p), and then
    compared with λ_min((Φᵗ + Φᵗᵀ)/2).  Corrected: σ_min(Φᵗ) = min_u‖(Φᵗ)ᵀu‖ ≥ σ − ‖Φᵗ − Φ‖_op ≥ (1 − slack)σ, each
    link evaluated at the points of the ball."""
    s, M, na = _gate(member)
    if na:
        return na
    sig = s["sigma"]
    J0 = M.jac(M.W0)
    n, p = J0.shape
    pts = in_ball(member.obj)
    if stmt.form == "quadratic":
        if n != p:
            return _out(False, member, {"Phi^t": f"{n} x {p}", "x^T Phi^t x": f"undefined (x ∈ ℝ^{n}, Φᵗx needs x ∈ ℝ^{p})"},
                        [], "exact")
        worst, nums = 0.0, {}
        for lab, W in pts:
            J = M.jac(W)
            q = float(np.linalg.eigvalsh((J + J.T) / 2)[0])
            v = float(np.linalg.svd(J, compute_uv=False)[-1])
            if abs(q - v) >= worst:
                worst, nums = abs(q - v), {"at": lab, "sigma_min": v, "min x^T Phi x": q}
        if worst > TOL * max(sig, 1.0):
            return _out(False, member, nums, [])
        return _out(True, member, {"n = p": n, "max |sigma_min - min x^T Phi x|": worst},
                    ["Φᵗ square and symmetric positive on this member: the quadratic form equals σ_min"])
    bad, worst = None, np.inf
    for lab, W in pts:
        J = M.jac(W)
        U, sv, _ = np.linalg.svd(J, full_matrices=False)
        smin = float(sv[-1])
        E = J - J0
        Eop = float(np.linalg.norm(E, 2))
        links = {"||(Phi^t)^T u_min|| - sigma_min": float(np.linalg.norm(J.T @ U[:, -1])) - smin,
                 "sigma_min(Phi^t) - (sigma - ||E||_op)": smin - (sig - Eop),
                 "(sigma - ||E||_op) - (1 - slack) sigma": (sig - Eop) - (1 - stmt.slack) * sig}
        m = min(-abs(links["||(Phi^t)^T u_min|| - sigma_min"]), links["sigma_min(Phi^t) - (sigma - ||E||_op)"],
                links["(sigma - ||E||_op) - (1 - slack) sigma"]) / sig
        if m < worst:
            worst, bad = m, dict(links, at=lab, sigma=sig)
    if worst < -TOL:
        return _out(False, member, bad, [])
    cert = stmt.slack >= 0.25
    return _out(True, member, {"worst relative link margin": worst},
                ["each link of the corrected chain at every examined point of the ball; the links are Courant–Fischer, "
                 "Weyl and (8.142)'s certified ‖E‖_op ≤ ‖E‖_F ≤ σ/4" if cert else ""], "certified" if cert else "sampled")


def decide_8150(stmt, member, ctx, rate=None):
    """(8.150)–(8.151) with η = 0.5/τ²: ‖I − ηΦᵗΦᵗᵀ‖_op ≤ rate at the points of (8.142)'s ball (where the step supposes
    θᵗ), and ‖ŷᵗ − y‖ ≤ rateᵗ‖ŷ⁰ − y‖ along GD (8.134) while θᵗ stays in the ball."""
    s, M, na = _gate(member)
    if na:
        return na
    sig = s["sigma"]
    g = gd_path(member.obj)
    eta = g["eta"]
    q = rate(stmt.form, eta, sig)
    worst, bad = -np.inf, None
    for lab, W in in_ball(member.obj):
        J = M.jac(W)
        lam = np.linalg.eigvalsh(J @ J.T)
        nrm = float(max(abs(1 - eta * lam[0]), abs(1 - eta * lam[-1])))
        if nrm - q > worst:
            worst, bad = nrm - q, {"at": lab, "eta": eta, "sigma": sig, "||I - eta Phi^t Phi^t^T||": nrm,
                                   "claimed rate": q, "eta sigma_max(Phi^t)^2": float(eta * lam[-1])}
    if worst > 1e-12:
        return _out(False, member, bad, ["it fails for every smaller η too: 1 − ησ_min(Φᵗ)² > 1 − 3ησ/4 ⟺ σ_min(Φᵗ)² < 3σ/4"
                                         if stmt.form == "printed" else ""])
    R = radius(s)
    res, dist = g["res"], g["dist"]
    inside = int(np.argmax(dist > R)) if np.any(dist > R) else len(dist)
    t = np.arange(inside)
    ratio = float(np.max(res[:inside] / (q ** t * res[0]))) if res[0] > 0 and inside else 0.0
    nums = {"eta": eta, "sigma": sig, "rate": q, "max (||I - eta Phi Phi^T|| - rate) on the ball": worst,
            "GD steps inside the ball": inside, "max_t ||r^t||/(rate^t ||r^0||)": ratio}
    if ratio > 1 + TOL:
        return _out(False, member, nums, [])
    return _out(True, member, nums, [], examples=inside)


def decide_8157(stmt, member, ctx):
    """(8.157) along GD: (1/√n)‖ΦΔθᵗ − ŷᵗ‖ ≤ C (printed, the O(1) read with thm:8.33's C = 2) or, centred,
    (1/√n)‖ΦΔθᵗ − (ŷᵗ − ŷ⁰)‖ ≤ C; and its reason, Lemma 8.28: |ΦΔθ − (f_θ − f_θ⁰)|ᵢ ≤ const·(β/2)‖Δθ‖², at every GD
    iterate and at the points of (8.142)'s ball (any θ there may be a θᵗ).  Φθᵗ is read as ΦΔθᵗ (eq:8.158)."""
    from verify.chapter8.claims.ntk_common import C_RES, _na, _residual_excluded

    s, M, na = _gate(member)
    if na:
        return na
    if stmt.trend != "bounded":
        return _na("a trend in the width m: decided by the check's fit on the runs, not on one member")
    why = _residual_excluded(stmt, s)
    if why:
        return _na(why)
    n, beta = s["n"], s["beta"]
    J0 = M.jac(M.W0)
    f0 = M.f(M.W0)
    g = gd_path(member.obj, getattr(stmt, "eta_factor", ETA_FACTOR))
    worst_gap, worst_lem, nums = 0.0, -np.inf, {}
    for lab, W in [(f"GD t = {t}", W) for t, W in g["iters"]] + list(ball_points(member.obj)):
        d = (W - M.W0).ravel()
        lin = J0 @ d
        ft = M.f(W)
        rem = float(np.max(np.abs(lin - (ft - f0))))
        bound = stmt.const * beta / 2 * float(d @ d)
        lem = rem - bound * (1 + TOL) - 1e-12 * (1 + float(np.max(np.abs(ft))))
        if lem > worst_lem:
            worst_lem, where_lem = lem, (lab, rem, bound)
        if lab.startswith("GD"):
            gap = float(np.linalg.norm(lin - (ft - f0 if stmt.centred else ft))) / np.sqrt(n)
            if gap > worst_gap:
                worst_gap, where_gap = gap, lab
    nums = {"max_t (1/sqrt n)||Phi dtheta^t - " + ("(y^t - y^0)||" if stmt.centred else "y^t||"): worst_gap,
            "at": where_gap if worst_gap > 0 else "-", "C": C_RES, "||f_theta0||/sqrt n": float(np.linalg.norm(f0)) / np.sqrt(n),
            "Lemma 8.28: max |Phi dtheta - (f - f0)|_i": where_lem[1], "const (beta/2)||dtheta||^2": where_lem[2],
            "Lemma 8.28 worst at": where_lem[0]}
    ok = worst_gap <= C_RES and worst_lem <= 0
    return _out(ok, member, nums, [], examples=len(g["iters"]))


def decide_8158(stmt, member, ctx):
    """(8.158) along GD with θ̂ = θ⁰ + Φ⁺y (Lemma 8.25: y = ΦΔθ̂): ‖Φ(θᵗ − θ̂)‖ = ‖Φθᵗ − ȳ‖ with ȳ = Φθ̂ the label
    vector y of (8.154) (printed), or ‖ΦΔθᵗ + sign·y‖ with ȳ = ΦΔθ̂ (corrected; sign = −1)."""
    s, M, na = _gate(member)
    if na:
        return na
    J0 = M.jac(M.W0)
    th0 = M.W0.ravel()
    dhat = np.linalg.pinv(J0) @ M.y
    thhat = th0 + dhat
    scale = float(np.linalg.norm(J0, 2)) * (float(np.linalg.norm(th0)) + float(np.linalg.norm(dhat))) + float(np.linalg.norm(M.y))
    ybar = J0 @ thhat if stmt.centre == "theta" else J0 @ dhat
    ybar_gap = float(np.linalg.norm(ybar - M.y))
    worst, nums = ybar_gap, {"||ybar - y|| (ybar = " + ("Phi theta_hat" if stmt.centre == "theta" else "Phi dtheta_hat") + ")":
                             ybar_gap, "||Phi theta0||": float(np.linalg.norm(J0 @ th0))}
    for t, W in gd_path(member.obj)["iters"]:
        th = W.ravel()
        lhs = float(np.linalg.norm(J0 @ (th - thhat)))
        rhs = float(np.linalg.norm(J0 @ th - M.y)) if stmt.centre == "theta" else \
            float(np.linalg.norm(J0 @ (th - th0) + stmt.sign * M.y))
        if abs(lhs - rhs) > worst:
            worst, nums = abs(lhs - rhs), dict(nums, t=t, lhs=lhs, rhs=rhs)
    ok = worst <= 1e-9 * scale
    return _out(ok, member, dict(nums, tolerance=1e-9 * scale), [], examples=len(gd_path(member.obj)["iters"]))
