"""Shared helpers of the §8.4 claims (no claims here): matrix strategies, fits, cached experiments."""
from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from numeric.stats import SeedFit, judge_exponent

from verify.engine.rates import pooled_fit  # noqa: F401  (the claims' fit)

SECTION = "8.4"


def orthogonal(rng: np.random.Generator, k: int) -> np.ndarray:
    Q, R = np.linalg.qr(rng.standard_normal((k, k)))
    return Q * np.sign(np.diag(R))


def matrix_from_svd(svals, n: int, p: int, rng: np.random.Generator) -> np.ndarray:
    """An n×p matrix (n ≤ p) with the given n singular values and Haar singular vectors."""
    U, V = orthogonal(rng, n), orthogonal(rng, p)
    S = np.zeros((n, p))
    S[np.arange(n), np.arange(n)] = svals
    return U @ S @ V.T


@st.composite
def phi_matrices(draw, full_rank: bool = True, n_max: int = 4, p_max: int = 6, wide_only: bool = True):
    """Φ ∈ ℝ^{n×p} with a spectrum drawn on purpose: repeated, clustered, tiny, huge singular values.

    ``wide_only``: n ≤ p (the overparametrised setting of Lemma 8.25); otherwise p < n also occurs.
    ``full_rank``: all n singular values > 0.
    """
    n = draw(st.integers(1, n_max))
    lo_p = n if wide_only else 1
    p = draw(st.integers(lo_p, max(lo_p, p_max)))
    k = min(n, p)
    kind = draw(st.sampled_from(["generic", "repeated", "tiny", "huge", "clustered"]))
    base = draw(st.lists(st.floats(0.05, 3.0), min_size=k, max_size=k))
    if kind == "repeated":
        base = [base[0]] * k
    elif kind == "tiny":
        base[-1] = draw(st.floats(1e-3, 1e-2))
    elif kind == "huge":
        base = [b * draw(st.sampled_from([10.0, 100.0])) for b in base]
    elif kind == "clustered":
        base = [base[0] * (1 + 1e-3 * i) for i in range(k)]
    if not full_rank and k > 1 and draw(st.booleans()):
        base[-1] = 0.0
    seed = draw(st.integers(0, 2**31 - 1))
    rng = np.random.default_rng(seed)
    U, V = orthogonal(rng, n), orthogonal(rng, p)
    S = np.zeros((n, p))
    S[np.arange(k), np.arange(k)] = sorted(base, reverse=True)
    return U @ S @ V.T


def show_matrix(M: np.ndarray, digits: int = 6):
    return np.round(np.asarray(M, float), digits).tolist()


def curves(runs, x_of, y_of) -> list[tuple[list, list]]:
    """One (x, y) curve per seed's rows: ``x_of(row)``, ``y_of(row)``."""
    return [([x_of(r) for r in rows], [y_of(r) for r in rows]) for rows in runs]


def agrees(sf: SeedFit, value: float, relation: str = "=") -> bool:
    """The pooled interval is consistent with ``value`` in the sense of ``relation`` (no widening)."""
    return judge_exponent(sf, value, relation).holds is True


def excludes(sf: SeedFit, value: float, relation: str = "=") -> bool:
    """The pooled interval excludes ``value`` by more than the finite range explains."""
    return judge_exponent(sf, value, relation).holds is False


def exact_svals(Phi: sp.Matrix) -> list:
    """Exact singular values² of a rational n×p (n ≤ p) matrix: the eigenvalues of ΦΦᵀ."""
    return sorted((Phi * Phi.T).eigenvals(multiple=True), key=lambda e: float(e))


def rational_orthogonal(a: int, b: int) -> sp.Matrix:
    """A rotation with rational entries from the Pythagorean triple of (a, b)."""
    c2 = a * a + b * b
    c, s = sp.Rational(a * a - b * b, c2), sp.Rational(2 * a * b, c2)
    return sp.Matrix([[c, -s], [s, c]])


def scale_sizes(base: list[int], scale: int, extra: list[int]) -> list[int]:
    """Width grids: ``base`` in ci; base + extra once the profile scales up."""
    return list(base) + (list(extra) if scale > 1 else [])


# --- the adversary bank's networks against §8.4.2's statements (decides shared by thm:8.33, eq:8.154, eq:8.164,
# figure:8.6, figure:8.7; numbers from numeric.adversaries.netmodel) ------------------------------------------------------
C_RES = 2.0        # the O(√n) of (8.154)/(8.155) made explicit: ‖ŷ − y‖ ≤ C√n with C = 2
PATH_CONST = 8     # eq:8.162 (ii): ‖θᵗ − θ⁰‖ ≤ 8‖ŷ⁰ − y‖/σ (path length with σ_min(Φˢ) ≥ σ/2, descent (η/2)‖Φᵀr‖²)


def c0_of(C):
    """The largest c₀ with PATH_CONST·C√n/σ ≤ σ/(4√nβ) (eq:8.162 (ii) inside the ball (8.142)) when β·n/σ² ≤ c₀,
    solved in SymPy: c₀ = 1/(32C)."""
    c0, Cs, n, s = sp.symbols("c_0 C n sigma", positive=True)
    beta = c0 * s**2 / n
    sol = sp.solve(sp.Eq(PATH_CONST * Cs * sp.sqrt(n) / s, s / (4 * sp.sqrt(n) * beta)), c0)
    return sp.nsimplify(sol[0].subs(Cs, sp.nsimplify(C)))


C0_EXPR = c0_of(sp.Symbol("C", positive=True))  # 1/(32C)
C0_REGIME = float(c0_of(C_RES))  # β·n/σ² ≤ c₀ = 1/64 at C = 2 (thm:8.33's corrected constant in the checks)
EPS_833 = 1e-4


def _regime(net):
    """None when the member is inside Theorem 8.33's hypotheses (rank n, β n/σ² ≤ c₀), else the reason it is not."""
    from numeric.adversaries.netmodel import summary

    s = summary(net)
    if not s["rank_n"]:
        return s, "σ_min(Φ) = 0: rank(Φ) < n, outside Lemma 8.25's hypotheses"
    if s["beta_n_over_sigma2"] > C0_REGIME:
        return s, f"β·n/σ² = {s['beta_n_over_sigma2']:.3g} > c₀ = 1/(32C) = 1/64: outside Theorem 8.33's regime"
    return s, None


def _na(reason):
    from verify.engine.claim import Outcome

    return Outcome(None, ["adversary bank"], 0, notes=[reason])


def _residual_excluded(stmt, s):
    if getattr(stmt, "residual_hyp", False) and s["r0"] > C_RES * s["n"] ** 0.5:
        return f"‖ŷ⁰ − y‖ = {s['r0']:.4g} > 2√n: outside the corrected form's hypothesis"
    return None


def decide_gd(stmt, member, ctx, what: str):
    """Decide a §8.4.2 statement about GD (8.134) on one bank network, with η = 0.5/τ² and the corrected proof's T.

    what: "converges" (thm:8.33: L̂(f_θᵀ) ≤ ε at T = 2·⌈8 log(L̂⁰/ε)/(9ησ²)⌉), "residual" ((8.154): ‖ŷᵗ − y‖ ≤ 2√n
    at every t, non-increasing), "radius" ((8.164): ‖θᵗ − θ⁰‖ ≤ σ/(4√nβ) at every t)."""
    import numpy as np

    from numeric.adversaries.netmodel import gd_run
    from verify.engine.claim import Outcome

    s, why = _regime(member.obj)
    if why and getattr(stmt, "regime_hyp", True):
        return _na(why)
    why = _residual_excluded(stmt, s)
    if why:
        return _na(why)
    n = s["n"]
    update = getattr(stmt, "update", "half")  # "half": θ − ηΦᵀr (GD on ½Σ(f − y)²); "lhat": θ − η(2/n)Φᵀr (on L̂)
    T_scaled = getattr(stmt, "T_over_n", False)  # T = O(n·log(L̂⁰/ε)/(ησ²)) for the step on L̂
    if what == "path":
        g = gd_run(member.obj, slack=1e6, cap=20_000)  # ‘for every t’: 20000 steps, far past the proof's T
    else:
        g = gd_run(member.obj, step_scale=(2 / n if update == "lhat" else 1.0), T_with_step=T_scaled)
    nums = {"beta n/sigma^2": round(s["beta_n_over_sigma2"], 5), "||y^0 - y||": round(s["r0"], 4),
            "2 sqrt(n)": round(C_RES * n ** 0.5, 4), "eta tau^2": 0.5, "T": g["T"],
            "update": "theta - eta Phi^T r" if update == "half" else "theta - eta (2/n) Phi^T r"}
    if what == "converges":
        LT = float(g["losses"][-1])
        nums.update({"L(f_theta^T)": LT, "eps": EPS_833, "min_t L over the run": float(np.min(g["losses"]))})
        ok = LT <= EPS_833
    elif what == "residual":
        res = g["res"]
        mono = bool(np.all(np.diff(res) <= 1e-12 * max(res[0], 1.0)))
        nums.update({"max_t ||y^t - y||": float(res.max()), "non-increasing": mono})
        ok = mono and float(res.max()) <= C_RES * n ** 0.5
    elif what == "path":
        cap = getattr(stmt, "path_const", PATH_CONST) * s["r0"] / s["sigma"]
        nums.update({"max_t ||theta^t - theta^0||": float(g["dist"].max()), "c ||y^0 - y||/sigma": cap,
                     "final L": float(g["losses"][-1])})
        ok = float(g["dist"].max()) <= cap * (1 + 1e-12)
    elif what == "radius":
        # β = 0 (a linear model): Φ is constant and (8.142)'s ball is all of ℝᵖ
        radius = s["sigma"] / (4 * n ** 0.5 * s["beta"]) if s["beta"] > 0 else float("inf")
        nums.update({"max_t ||theta^t - theta^0||": float(g["dist"].max()), "sigma/(4 sqrt(n) beta)": radius})
        ok = float(g["dist"].max()) <= radius
    else:
        raise ValueError(what)
    return Outcome(ok, ["optimizer", "adversary bank"], int(g["T"]), None, None if ok else nums,
                   notes=[f"{member.name}: " + ", ".join(f"{k} = {v}" for k, v in nums.items())], strength="sampled")


def decide_interpolant(stmt, member, ctx):
    """Figure 8.7 on one bank network: at θ̂ = θ⁰ + Φ⁺(y − f_θ⁰) (L̂(g_θ̂) = 0), is L̂(f_θ̂) ≈ 0?  '≈ 0' read as
    L̂(f_θ̂) ≤ (c₀C²/2)² = (1/32)² at c₀ = 1/(32C), C = 2, the Lemma 8.28 bound ((β/2)‖Δθ̂‖²)² at the regime's worst case (‖Δθ̂‖ ≤ C√n/σ)."""
    import numpy as np

    from numeric.adversaries.netmodel import model
    from verify.engine.claim import Outcome

    s, why = _regime(member.obj)
    if why:
        return _na(why)
    M = model(member.obj)
    J = M.jac(M.W0)
    dth = np.linalg.pinv(J) @ (M.y - M.f(M.W0))
    W = M.W0 + dth.reshape(M.W0.shape)
    Lf = M.loss(W)
    Lg = float(np.sum((M.f(M.W0) + J @ dth - M.y) ** 2) / M.n)
    thr = (C0_REGIME * C_RES**2 / 2) ** 2
    ok = Lg < 1e-18 * max(1.0, s["r0"] ** 2) + 1e-20 and Lf <= thr
    nums = {"L(g_thetahat)": Lg, "L(f_thetahat)": Lf, "threshold (c0 C^2/2)^2": thr, "||dthetahat||": float(np.linalg.norm(dth)),
            "||y^0 - y||": round(s["r0"], 4)}
    return Outcome(ok, ["adversary bank"], 1, None, None if ok else nums,
                   notes=[f"{member.name}: " + ", ".join(f"{k} = {v:.4g}" for k, v in nums.items())], strength="sampled")


def decide_convex_ball(stmt, member, ctx):
    """Figure 8.6 on one bank network (f_θ⁰ ≡ 0).  Printed: a ball around θ⁰ where L̂(f_θ) is convex and that holds a
    global minimum — refuted by a direction v with vᵀ∇²L̂(f_θ⁰)v < 0 (then L̂(f_θ) is convex on no neighbourhood of θ⁰).
    Corrected (``linearised=True``): on B = B(θ⁰, ‖Φ⁺y‖), L̂(g_θ) is convex and attains 0 at θ̂ ∈ B, and
    |f_θ(xᵢ) − g_θ(xᵢ)| ≤ (β/2)‖θ − θ⁰‖² at θ̂, along v and at random points of B."""
    import numpy as np

    from numeric.adversaries.netmodel import model, summary
    from verify.engine.claim import Outcome

    M = model(member.obj)
    s = summary(member.obj)
    hyps = getattr(stmt, "hyps", True)  # the corrected form's f_θ⁰ ≡ 0 and rank Φ = n (n/a outside them)
    if not s["rank_n"] and (hyps or not getattr(stmt, "linearised", False)):
        return _na("σ_min(Φ) = 0: rank Φ < n, outside the corrected form's hypothesis")
    if hyps and getattr(stmt, "linearised", False) and float(np.max(np.abs(M.f(M.W0)))) > 1e-12 * (1 + float(np.max(np.abs(M.y)))):
        return _na("f_θ⁰ ≢ 0: outside the corrected form's hypothesis")
    lam, v = M.hess_min()
    mv = M.hess_matvec(M.W0)
    q = float(v @ mv(v))  # the certificate: the Rayleigh quotient recomputed by the matvec
    if not getattr(stmt, "linearised", False):
        ok = not (q < -1e-9)
        nums = {"m": M.m, "lambda_min(Hess L(f) at theta0)": lam, "v^T H v": q}
        return Outcome(ok, ["adversary bank", "Hessian"], 1, None, None if ok else nums,
                       notes=[f"{member.name}: λ_min(∇²L̂(f_θ⁰)) = {lam:.4g} (vᵀHv = {q:.4g})"], strength="sampled")
    J = M.jac(M.W0)
    f0 = M.f(M.W0)
    dth = np.linalg.pinv(J) @ (M.y - f0)  # the nearest zero of L̂(g) when there is one
    R = float(np.linalg.norm(np.linalg.pinv(J) @ M.y))  # the stated radius ‖Φ⁺y‖
    Lg = float(np.sum((f0 + J @ dth - M.y) ** 2) / M.n)
    if float(np.linalg.norm(dth)) > R * (1 + 1e-9) + 1e-12:  # no zero of L̂(g) in B: the nearest is outside
        nums = {"m": M.m, "radius ||Phi^+ y||": R, "||Phi^+(y - f0)||": float(np.linalg.norm(dth)),
                "L(g) at theta0": float(np.sum((f0 - M.y) ** 2) / M.n)}
        return Outcome(False, ["adversary bank"], 1, None, nums, strength="sampled",
                       notes=[f"{member.name}: the zeros of L̂(g) lie at distance ≥ {np.linalg.norm(dth):.4g} > ‖Φ⁺y‖ = {R:.4g}"])
    beta = s["beta"]
    rng = np.random.default_rng(ctx.seed_for("ball") if hasattr(ctx, "seed_for") else 0)
    pts = [dth, R * v / np.linalg.norm(v), -R * v / np.linalg.norm(v)]
    for _ in range(16):
        u = rng.standard_normal(dth.size)
        pts.append(u / np.linalg.norm(u) * R * rng.uniform() ** (1 / dth.size))
    worst = 0.0
    for p in pts:
        gap = np.abs(M.f(M.W0 + p.reshape(M.W0.shape)) - (f0 + J @ p))
        g_ = float(np.max(gap))
        worst = max(worst, g_ / (beta / 2 * float(p @ p)) if beta > 0 else (0.0 if g_ <= 1e-12 else np.inf))
    ok = Lg <= 1e-20 + 1e-16 * float(M.y @ M.y) and worst <= 1 + 1e-9
    nums = {"m": M.m, "radius ||Phi^+ y||": R, "L(g) at thetahat": Lg, "max |f - g|/((beta/2)||dtheta||^2)": worst}
    return Outcome(ok, ["adversary bank"], len(pts), None, None if ok else nums,
                   notes=[f"{member.name}: L̂(g) convex (Hessian (2/n)ΦᵀΦ ⪰ 0), L̂(g_θ̂) = {Lg:.2e} at ‖Δθ̂‖ = {R:.4g}; "
                          f"max |f − g|/((β/2)‖Δθ‖²) = {worst:.3g} ≤ 1 over {len(pts)} points of B, though "
                          f"λ_min(∇²L̂(f_θ⁰)) = {lam:.3g} < 0"], strength="sampled")
