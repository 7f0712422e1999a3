"""§8.4.1's statements as statements about classes: every σ meeting (8.80), every model f̄ ("an arbitrary net").

The decide functions below settle a statement on one bank member (numeric/adversaries): an activation
(σ and its derivatives derived by SymPy), a data set, a parametric model.  K∞ of (8.93) for a general σ
is E_w[σ'(wᵀx)σ'(wᵀx')]⟨x, x'⟩, computed by 2-D Gauss–Hermite quadrature on the pair's Gaussian
(wᵀx, wᵀx') (exactly a²XXᵀ for an affine σ = az + b, by SymPy).  Arguments: "(8.80) allows an
affine σ" (K∞ = a²XXᵀ has rank ≤ d), "(8.80) does not bound σ''" (β = ∞ at every width), "f̄_θ⁰ ≠ 0"
and "σ̄ = 0" (the α-scaling's hidden premises).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import sympy as sp

from numeric.adversaries import Class, admitted
from numeric.adversaries.activations import z
from numeric.adversaries.core import hypothesis
from numeric.adversaries.models import x as mx
from verify.engine.arguments import argument
from verify.engine.claim import Outcome

C880 = Class("activation (8.80)", "activation", ("1-Lipschitz", "C²"),
             "σ 1-Lipschitz and twice differentiable, as (8.80) assumes")
C880_S2 = Class("activation (8.80) with sup|σ''| < ∞", "activation", ("1-Lipschitz", "C²", "σ'' bounded"))
C880_S2_NA = Class("activation (8.80), sup|σ''| < ∞, non-affine", "activation",
                   ("1-Lipschitz", "C²", "σ'' bounded", "non-affine"))
C880_NA = Class("activation (8.80), non-affine", "activation", ("1-Lipschitz", "C²", "non-affine"))
DATA_NONPAR = Class("inputs ‖x‖ = Θ(1), no two parallel", "data", ("‖x‖ = Θ(1)", "no two inputs parallel"))
DATA_ANY = Class("inputs ‖x‖ = Θ(1)", "data", ("‖x‖ = Θ(1)",))
MODEL_ANY = Class("a model f̄_θ ('an arbitrary neural net')", "model", ())
MODEL_OK = Class("a model with σ̄ > 0 and β̄ < ∞", "model", ("σ̄ > 0", "β̄ < ∞"))
MODEL_LAZY = Class("a model with σ̄ > 0, β̄ < ∞ and f̄_θ⁰ = 0 on the data", "model",
                   ("σ̄ > 0", "β̄ < ∞", "f̄_θ⁰ = 0 on the data"))

argument("affine-activation", "(8.80) admits an affine σ = az + b: then σ'' ≡ 0, β = 0 and K∞ = a²XXᵀ has rank ≤ d, "
         "so K∞ is singular whenever n > d however the inputs are placed", ["σ = z (identity)", "σ = z/2 + 1/3 (affine)",
                                                                              "σ = 0 (constant)"], ["full-rank", "width-rate"])
argument("unbounded-sigma2", "(8.80) does not bound σ'': σ = ∫₀ᶻ cos t² dt is 1-Lipschitz and C∞ with σ'' = −2z sin z², "
         "so ∇f_θ is not Lipschitz at any width (β = ∞)", ["σ = ∫₀ᶻ cos t² dt (Fresnel)"], ["width-rate", "full-rank"])
argument("nonzero-initial-output", "f̄_θ⁰ ≠ 0 on the data: αf̄_θ⁰ grows with α and must be undone by training, so θ "
         "moves O(1) however large α is, the linearised model's global minimum lies Θ(1) (not O(√n/σ) = O(1/α)) "
         "from θ⁰ and |αf̄ − αḡ| there grows like α (1/2 + θ + θ²: no θ reaches the label at all once α > 4)",
         ["1/2 + θ + θ²/10 (f̄_θ⁰ ≠ 0)", "1/2 + θ + θ² (f̄_θ⁰ ≠ 0, no zero-loss point)",
          "θ₂ tanh(θ₁x) (both layers trained)"],
         ["alpha-rate", "initial-output"])
argument("step-constant", "'GD with η ∝ 1/α²' names no constant, and the constant decides: on the linear θx GD (8.134) "
         "with η = c/α² gives αθ_t = 1 − (1 − c)^t at every α, unbounded for c > 2 (c = 3: 1 − (−2)^t); and c near "
         "2 needs a large α₀ on curved models (θ + 2θ², c = 1.9: a 2-cycle at α = 10 and 100)",
         ["θx (linear; the chapter's ḡ of (8.75))", "θ + 2θ² (Remark 8.31's toy, β = 2)"], ["alpha-rate"])
argument("degenerate-features", "σ̄ = σ_min(Φ̄) = 0: the scaling β/σ² = (β̄/σ̄²)/α is 0/0 at every α and gradient descent "
         "from θ⁰ never moves", ["θ² at θ⁰ = 0"], ["alpha-rate"])


# --- K∞ for a bank activation on a bank data set ------------------------------------------------------------------------
_GH = np.polynomial.hermite_e.hermegauss(80)  # nodes/weights for E over N(0, 1)


@lru_cache(maxsize=None)
def _dsigma(sig: sp.Expr):
    d1 = sp.diff(sig, z)
    return sp.lambdify(z, d1, modules=["scipy", "numpy"]), d1


def kinf(sig: sp.Expr, X) -> tuple[np.ndarray, str]:
    """K∞ = E[σ'(wᵀx)σ'(wᵀx')]⟨x, x'⟩ with w ~ N(0, I): exact for affine σ, else 80×80 Gauss–Hermite."""
    Xf = np.array([[float(v) for v in r] for r in X])
    f, d1 = _dsigma(sig)
    if sp.diff(sig, z, 2) == 0:  # affine: σ' ≡ a, K∞ = a²XXᵀ exactly
        a = sp.nsimplify(d1)
        Xs = sp.Matrix(X)
        return np.array((a**2 * Xs * Xs.T).tolist(), dtype=float), f"affine σ: K∞ = {a**2}·XXᵀ exactly"
    t, wt = _GH
    wt = wt / wt.sum()
    n = len(Xf)
    K = np.zeros((n, n))
    for i in range(n):
        for j in range(i, n):
            G = np.array([[Xf[i] @ Xf[i], Xf[i] @ Xf[j]], [Xf[i] @ Xf[j], Xf[j] @ Xf[j]]])
            L = np.linalg.cholesky(G + 1e-300 * np.eye(2)) if np.linalg.det(G) > 1e-14 * np.trace(G) ** 2 else None
            if L is None:  # parallel pair: u' = c·u
                c = (Xf[i] @ Xf[j]) / (Xf[i] @ Xf[i])
                u = np.sqrt(Xf[i] @ Xf[i]) * t
                e = float(np.sum(wt * f(u) * f(c * u)))
            else:
                U, V = np.meshgrid(t, t, indexing="ij")
                u = L[0, 0] * U
                v = L[1, 0] * U + L[1, 1] * V
                e = float(np.sum(np.outer(wt, wt) * np.broadcast_to(f(u), u.shape) * np.broadcast_to(f(v), v.shape)))
            K[i, j] = K[j, i] = e * (Xf[i] @ Xf[j])
    return K, "80×80 Gauss–Hermite quadrature"


def _rank_decision(K: np.ndarray, how: str, exact: bool):
    ev = np.linalg.eigvalsh(K)
    lam_min, lam_max = float(ev[0]), float(max(ev[-1], 0.0))
    full = lam_max > 0 and lam_min > 1e-9 * lam_max
    return full, f"λ_min(K∞) = {lam_min:.3g}, λ_max = {lam_max:.3g} ({how})", lam_min


def decide_full_rank(stmt, member, ctx) -> Outcome:
    """(8.95) on one activation: K∞ full rank on every data set of the statement's class."""
    sig = member.obj
    data_cls = DATA_ANY if stmt.inputs == "distinct" else DATA_NONPAR
    worst = None
    for dm in admitted(data_cls):
        K, how = kinf(sig, dm.obj["X"])
        full, detail, lam = _rank_decision(K, how, exact=how.startswith("affine"))
        if not full:
            return Outcome(False, ["adversary bank"], 1, lam, {"activation": member.name, "data": dm.name,
                                                               "K_inf": detail}, strength="sampled")
        worst = detail if worst is None else worst
    return Outcome(True, ["adversary bank"], 1, None, notes=[f"full rank on every data set of '{data_cls.name}'"],
                   strength="sampled")


def decide_beta_rate(stmt, member, ctx) -> Outcome:
    """(8.102) on one activation: β = sup_θ ‖∇²_θ f‖ = sup|σ''|·max‖x‖²/√m (block-diagonal Hessian, attained)."""
    sig = member.obj
    s2 = hypothesis("activation", "σ'' bounded").check(sig)
    if not s2.holds:
        return Outcome(False, ["adversary bank"], 1, None, {"activation": member.name, "beta": "∞ at every width m",
                                                           "why": s2.detail}, strength=s2.strength)
    if sp.simplify(sp.diff(sig, z, 2)) == 0:
        return Outcome(True, ["adversary bank"], 1, None, notes=["σ'' ≡ 0: β = 0 at every width"], strength="proved")
    ok = stmt.exponent >= -0.5
    return Outcome(ok, ["adversary bank"], 1, None,
                   None if ok else {"activation": member.name, "beta": "sup|σ''|·max‖x‖²·m^(-1/2) exactly",
                                    "claimed exponent": stmt.exponent},
                   notes=[f"sup|σ''| finite ({s2.detail[:80]}): β = sup|σ''|·max‖x‖²/√m, exponent −1/2"],
                   strength=s2.strength)


def _kinf_on_chapter_data(member):
    """σ_min(K∞) > 0 decided for one activation on the chapter's data (n > d, no two inputs parallel): the data
    member, whether K∞ has full rank, the decision's text and λ_min (exact for an affine σ)."""
    dm = next(m for m in admitted(DATA_NONPAR) if m.name == "n > d, no pair parallel")
    K, how = kinf(member.obj, dm.obj["X"])
    full, detail, lam = _rank_decision(K, how, exact=how.startswith("affine"))
    return dm, full, detail, lam


def decide_kinf_pd(stmt, member, ctx) -> Outcome:
    """(8.96) on one activation: σ_min(K∞) > 0 on the chapter's data (n > d, no two inputs parallel), which
    '> ½σ_min(K∞)' presupposes (with σ_min(K∞) = 0 the strict inequality reads 0 > 0 for an affine σ, where ΦΦᵀ =
    a²XXᵀ exactly at every width)."""
    dm, full, detail, lam = _kinf_on_chapter_data(member)
    if not full:
        return Outcome(False, ["adversary bank"], 1, lam, {"activation": member.name, "data": dm.name,
                                                           "sigma_min(K_inf)": detail,
                                                           "why": "λ_min(ΦΦᵀ) > ½λ_min(K∞) = 0 fails: ΦΦᵀ is singular too"},
                       strength="sampled")
    return Outcome(True, ["adversary bank"], 1, lam, notes=[detail], strength="sampled")


def decide_ratio(stmt, member, ctx) -> Outcome:
    """(8.103) on one activation: β/σ² ≈ m^(−1/2)/σ_min needs β < ∞ and σ_min(K∞) > 0 on the chapter's data (n > d)."""
    b = decide_beta_rate(type("B", (), {"exponent": -0.5})(), member, ctx)
    if b.holds is False:
        return Outcome(False, ["adversary bank"], 1, None, {"activation": member.name, **(b.counterexample or {})},
                       strength=b.strength)
    dm, full, detail, lam = _kinf_on_chapter_data(member)
    if not full:
        return Outcome(False, ["adversary bank"], 1, lam, {"activation": member.name, "data": dm.name,
                                                           "sigma_min(K_inf)": detail,
                                                           "beta/sigma^2": "0/0: σ_min(K∞) = 0 (and β ∝ sup|σ''|)"},
                       strength="sampled")
    return Outcome(True, ["adversary bank"], 1, lam, notes=[f"β = sup|σ''|R²/√m and {detail}: β/σ² → "
                                                             "sup|σ''|R²/(√m·σ_min)"], strength="sampled")


# --- models ---------------------------------------------------------------------------------------------------------------
def decide_scaling(stmt, member, ctx) -> Outcome:
    """(8.73) on one model: σ = ασ̄ and β = αβ̄ always; β/σ² = (β̄/σ̄²)/α → 0 needs σ̄ > 0 and β̄ < ∞; the use the
    chapter makes of it (``stmt.use``: Lemma 8.28's approximation 'very good' where Lemma 8.25 puts the global minimum,
    within O(√n/σ) = O(1/α) of θ⁰) is decided exactly by :func:`linearised_use`."""
    checks = {h: hypothesis("model", h).check(member.obj) for h in ("σ̄ > 0", "β̄ < ∞")}
    bad = {h: r.detail for h, r in checks.items() if not r.holds}
    if bad:
        why = "σ̄ = 0: β/σ² = (αβ̄)/(α·0)² is undefined at every α" if "σ̄ > 0" in bad else \
            "β̄ = ∞: β = αβ̄ = ∞ at every α, so β/σ² does not tend to 0"
        return Outcome(False, ["adversary bank"], 1, None, {"model": member.name, "why": why, **bad}, strength="proved")
    if getattr(stmt, "use", False):
        ok, info = linearised_use(member.obj)
        if not ok:
            return Outcome(False, ["adversary bank", "symbolic"], 1, None, {"model": member.name, **info},
                           strength="proved")
        return Outcome(True, ["adversary bank", "symbolic"], 1, None,
                       notes=["σ̄ > 0 and β̄ < ∞: β/σ² = (β̄/σ̄²)/α exactly; " + info["summary"]], strength="proved")
    return Outcome(True, ["adversary bank"], 1, None, notes=["σ̄ > 0 and β̄ < ∞: β/σ² = (β̄/σ̄²)/α exactly"],
                   strength="proved")


def linearised_use(model) -> tuple[bool, dict]:
    """The use of (8.73) on one model f = αf̄ (SymPy, α symbolic): Lemma 8.25's global minimum of the linearised loss,
    θ_lin = θ⁰ + Φ̄⁺(y/α − f̄_θ⁰) (min-norm: Φ = αΦ̄, residual y − αf̄_θ⁰), must lie within O(√n/σ) = O(1/α) of θ⁰
    (α‖θ_lin − θ⁰‖ bounded), and the approximation |αf̄ − αḡ| there must tend to 0 ('becomes very good').
    Both are limits as α → ∞, taken exactly. With f̄_θ⁰ ≠ 0 the first is ≈ α‖Φ̄⁺f̄_θ⁰‖ → ∞."""
    a_ = sp.Symbol("alpha", positive=True)
    F = model.features()
    y = sp.Matrix([yi for _, yi in model.data])
    at = dict(zip(model.theta, model.theta0))
    f0 = sp.Matrix([model.f.subs(at).subs(mx, xi) for xi, _ in model.data])
    d = F.T * (F * F.T).inv() * (y / a_ - f0)  # θ_lin − θ⁰ (min-norm)
    lim_rad = sp.limit(sp.simplify(a_ * sp.sqrt(sum(e**2 for e in d))), a_, sp.oo)
    sub = {t: t0 + di for t, t0, di in zip(model.theta, model.theta0, d)}
    errs = []
    for i, (xi, _) in enumerate(model.data):
        g = f0[i] + sum(F[i, j] * d[j] for j in range(len(model.theta)))
        errs.append(sp.limit(a_ * sp.Abs(model.f.subs(mx, xi).subs(sub) - g), a_, sp.oo))
    ok = lim_rad.is_finite is True and all(e == 0 for e in errs)
    info = {"alpha*||theta_lin - theta0|| as alpha -> oo": str(lim_rad),
            "|alpha fbar - alpha gbar| at theta_lin as alpha -> oo": [str(e) for e in errs],
            "fbar(theta0) on the data": [str(v) for v in f0]}
    if len(model.theta) == 1 and len(model.data) == 1 and model.f.is_polynomial(*model.theta):
        (xi, yi), = model.data
        lo = sp.minimum(model.f.subs(mx, xi), model.theta[0], sp.S.Reals)
        if lo.is_finite and lo > 0:  # y/α < min f̄ once α > y/min f̄: no zero-loss point, inf L̂ = (α·min f̄ − y)²
            info["min fbar"] = str(lo)
            info["inf_theta Lhat(alpha fbar) at alpha = 10, 100, 1000"] = [
                str((al * lo - yi) ** 2) if al * lo > yi else "0" for al in (10, 100, 1000)]
    info["summary"] = f"α‖θ_lin − θ⁰‖ → {lim_rad} and |αf̄ − αḡ| at θ_lin → {[str(e) for e in errs]} as α → ∞ (SymPy)"
    return ok, info


def _gd_displacement(model, alpha: float, c: float, steps: int = 4000) -> tuple[float, float]:
    """GD (8.134) on ½Σ(αf̄_θ(xᵢ) − yᵢ)² from θ⁰ with η = c/(α²τ̄²), τ̄² = λ_max(Φ̄Φ̄ᵀ) at θ⁰ (the chapter's η ≤ 1/τ²
    of (8.118) is c ≤ 1, τ = ατ̄); returns (sup_t ‖θ_t − θ⁰‖, final loss); sup = ∞ when the run diverges."""
    th = model.theta
    f = sp.lambdify([mx, *th], model.f, "numpy")
    g = [sp.lambdify([mx, *th], sp.diff(model.f, t), "numpy") for t in th]
    t0 = np.array([float(v) for v in model.theta0])
    X = np.array([float(a) for a, _ in model.data])
    Y = np.array([float(b) for _, b in model.data])
    Phi = np.array([[gi(xi, *t0) for gi in g] for xi in X], dtype=float)
    tau2 = float(np.linalg.eigvalsh(Phi @ Phi.T).max())
    eta = c / (alpha**2 * (tau2 if tau2 > 0 else 1.0))  # τ̄ = 0: ∇f̄_θ⁰ = 0 and GD does not move whatever η is
    t = t0.copy()
    sup = 0.0
    for _ in range(steps):
        r = alpha * np.array([f(xi, *t) for xi in X]) - Y
        grad = alpha * np.array([[gi(xi, *t) for gi in g] for xi in X]).T @ r
        t = t - eta * grad
        if not np.all(np.isfinite(t)) or np.linalg.norm(t - t0) > 1e6:
            return float("inf"), float("inf")
        sup = max(sup, float(np.linalg.norm(t - t0)))
    r = alpha * np.array([f(xi, *t) for xi in X]) - Y
    return sup, float(0.5 * r @ r)


def decide_lazy(stmt, member, ctx) -> Outcome:
    """'Training αf̄ moves θ ∝ α^k' on one model: GD at α = 10, 100, 1000 with the statement's step constant, the slope
    of log sup_t‖θ_t − θ⁰‖ in log α."""
    alphas = [10.0, 100.0, 1000.0]
    # η = c/(α²τ̄²): the statement's largest c (None: 'η ∝ 1/α²' with no constant named, so c = 3 is one of them)
    c = 3.0 if stmt.c_max is None else float(stmt.c_max)
    runs = [_gd_displacement(member.obj, a, c) for a in alphas]
    d = np.array([r[0] for r in runs])
    if not np.all(np.isfinite(d)):
        return Outcome(False, ["adversary bank", "optimizer"], 3, None,
                       {"model": member.name, "eta": f"{c:g}/(α²τ̄²)", "sup_t ||theta_t - theta0||": d.tolist(),
                        "why": "GD diverges"}, strength="sampled")
    if np.any(d <= 0):
        return Outcome(False, ["adversary bank", "optimizer"], 3, None,
                       {"model": member.name, "displacement": d.tolist(), "why": "GD does not leave θ⁰"},
                       strength="sampled")
    slope = float(np.polyfit(np.log(alphas), np.log(d), 1)[0])
    ok = abs(slope - stmt.exponent) <= 0.15
    return Outcome(ok, ["adversary bank", "optimizer"], 3, None,
                   None if ok else {"model": member.name, "alpha": alphas, "displacement": np.round(d, 6).tolist(),
                                    "slope": round(slope, 3), "claimed": stmt.exponent,
                                    "final losses": [round(r[1], 6) for r in runs]},
                   notes=[f"sup_t ‖θ_t − θ⁰‖ at α = 10, 100, 1000 (η = {c:g}/(α²τ̄²)): {np.round(d, 5).tolist()}, "
                          f"slope {slope:.3f}"],
                   strength="sampled")


# --- (8.78): the output scale at initialisation, on every σ of (8.80) ----------------------------------------------------
C880_NZ = Class("activation (8.80), σ ≢ 0", "activation", ("1-Lipschitz", "C²", "σ ≢ 0"),
                "(8.80) and σ not the zero function: what f_θ⁰(x) = Θ(1) needs (E σ(wᵀx)² > 0)")
argument("zero-activation", "(8.80) admits σ ≡ 0 (0-Lipschitz, C∞): the output f_θ⁰ ≡ 0 at every width, so it is not "
         "Θ(1), and every gradient and kernel is 0", ["σ = 0 (constant)"], ["output-scale", "full-rank"])


def second_moment(sig: sp.Expr) -> tuple[float, str]:
    """E σ(z)², z ~ N(0, 1) (wᵀx with ‖x‖ = 1): exactly 0 for σ ≡ 0 (SymPy), else 80-node Gauss–Hermite."""
    if sp.simplify(sig) == 0:
        return 0.0, "σ ≡ 0: E σ² = 0 exactly"
    t, wt = _GH
    v = np.broadcast_to(np.asarray(sp.lambdify(z, sig, modules=["scipy", "numpy"])(t), dtype=float), t.shape)
    return float(np.sum(wt / wt.sum() * v**2)), "80-node Gauss–Hermite"


def decide_output_scale(stmt, member, ctx) -> Outcome:
    """(8.78) on one activation: with aᵢ = ±1 (8.81) and wᵢ ~ N(0, I) i.i.d., E f_θ⁰(x)² = m^(1 − 2s)·E σ(wᵀx)² for the
    output scaling m^(−s) (independent neurons, aᵢ² = 1, E aᵢaⱼ = 0), so f_θ⁰(x) = Θ(1) iff s = 1/2 and E σ² > 0."""
    ms, how = second_moment(member.obj)
    if ms <= 0:
        return Outcome(False, ["adversary bank"], 1, 0.0,
                       {"activation": member.name, "E sigma(w^T x)^2": 0, "why": "f_θ⁰ ≡ 0 at every width m: not Θ(1)"},
                       strength="exact")
    if getattr(stmt, "signs", "iid") != "iid":  # one fixed pattern aᵢ = +1: E f² = m^(1−2s)(E σ² + (m − 1)(E σ)²)
        t, wt = _GH
        v = np.broadcast_to(np.asarray(sp.lambdify(z, member.obj, modules=["scipy", "numpy"])(t), dtype=float), t.shape)
        mean = float(np.sum(wt / wt.sum() * v))
        if abs(mean) > 1e-9:
            return Outcome(False, ["adversary bank"], 1, None,
                           {"activation": member.name, "signs": "aᵢ = +1 for every i", "E sigma(w^T x)": round(mean, 9),
                            "E f^2": f"m^{1 - 2 * stmt.scaling:g}·({ms:.6g} + (m − 1)·{mean**2:.6g}): grows like m"},
                           strength="sampled")
    ok = stmt.scaling == 0.5
    return Outcome(ok, ["adversary bank"], 1, None,
                   None if ok else {"activation": member.name, "E f^2": f"m^{1 - 2 * stmt.scaling:g}·{ms:.4g}"},
                   notes=[f"E f_θ⁰(x)² = E σ(wᵀx)² = {ms:.4g} at every m ({how}, ‖x‖ = 1): Θ(1) in distribution"],
                   strength="sampled")
