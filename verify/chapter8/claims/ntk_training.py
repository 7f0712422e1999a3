"""§8.4.2 from (8.129): Theorem 8.33 and its proof sketch (8.129)–(8.165) checked on gradient-descent runs of the
two-layer network; lazy training against the width m and against the output scale α."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from numeric.chapter8 import ntk as nn
from numeric.chapter8 import ntk_train as tr
from numeric.chapter8.sweeps import ntk as E
from numeric.chapter8.sweeps import ntk_training as ST
from numeric.chapter8.sweeps.ntk import lazy_data, steps_needed
from symbolic.chapter8 import ntk as S
from symbolic.chapter8 import ntk_gd as G
from symbolic.chapter8 import ntk_generic as NG
from verify.engine.checks.generic import EntryIdentity, generic_too, vector_identity
from verify.engine.checks.identity import MatrixIdentity
from verify.engine.claim import Erratum, Mutant, Outcome, Step, all_of
from verify.engine.registry import claim
from verify.engine.falsify import search
from verify.chapter8.claims.ntk_basics import DATA_FULL, _NOT_FULL, MinNorm, _check_825, _decide_minnorm
from verify.engine.rates import combine, describe, judge, n_seeds, rejudge
from verify.chapter8.claims.ntk_common import curves, phi_matrices, pooled_fit, show_matrix
from verify.chapter8.claims.ntk_common import c0_of, decide_gd
from numeric.adversaries import Class
from verify.engine.arguments import argument
from verify.chapter8.claims.ntk_classes import MODEL_ANY, MODEL_LAZY, decide_lazy
from verify.engine.attacks import Quantified, Reading
from verify.chapter8 import ntk_steps as NS

SEC = "8.4.2"
EPS = 1e-4  # the ε of Theorem 8.33 in the runs
C0 = 1 / 8  # the runs' cell parameter (their regime flag) only; _check_833 recomputes the regime with c₀ = 1/(32C) (ntk_common.c0_of)


def proof_rate(step: float, s2: float) -> float:
    """The contraction the corrected proof gives: σ_min(Φᵗ) ≥ 3σ/4 ⟹ ‖I − ηΦᵗΦᵗᵀ‖ ≤ 1 − η(3σ/4)²."""
    return 1 - step * 9 * s2 / 16


# --- the experiments: numeric.chapter8.sweeps.ntk (cached cells; every claim and mutant reads the same runs) ---------------------------
def theorem_runs(seed: int, scale: int):
    return E.theorem_runs(seed, scale, EPS, C0)


def lazy_runs(seed: int, scale: int):
    return E.lazy_runs(seed, scale)


def alpha_runs(seed: int, scale: int):
    return E.alpha_runs(seed, scale)


def _seed(ctx, name):
    """A seed shared by every claim that reads the same experiment (ctx.seed_for would differ per claim)."""
    return E.experiment_seed(ctx.seed, name)


def _seeds(ctx, name, k=None):
    """Independent seeds of a shared experiment for a pooled fit (the first is ``_seed``; how many: ``n_seeds``)."""
    k = k or n_seeds(ctx.profile)
    return [_seed(ctx, name)] + [_seed(ctx, f"{name}#{i}") for i in range(1, k)]


# --- Theorem 8.33 ---------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Theorem833:
    eta_factor: float = 0.9  # η = eta_factor/τ²
    T_uses: str = "sigma"  # T = ⌈8 log(L̂⁰/ε)/(9η·s)⌉ with s = σ² (or τ², a mutant)
    log_power: float = 1.0  # T = O(log(1/ε)^log_power/(ησ²))
    residual_hyp: bool = False  # the corrected form: ‖ŷ⁰ − y‖₂ ≤ C√n is a hypothesis
    update: str = "half"  # "half": θ − η(Φᵗ)ᵀr (GD on ½Σ(f − y)²); "lhat": θ − η(2/n)(Φᵗ)ᵀr (GD on L̂, the corrected (8.133))
    T_over_n: bool = False  # T = O(n·log(L̂⁰/ε)/(ησ²)) (the form for GD on L̂)


LINEAR_MEMBERS = tuple(f"linear model Φ = I_n, n = {n}, y = 2·1" for n in (4, 16, 64, 256))


def _linear_833(stmt: Theorem833, ctx) -> Outcome:
    """The second reader's linear models (Φ = I_n, β = 0, f_θ⁰ ≡ 0, y = 2·1) decided by the statement's update and T."""
    from numeric.adversaries import BANK, members

    members("network")
    outs = [(nm, _decide_833(stmt, BANK[nm], ctx)) for nm in LINEAR_MEMBERS]
    holds = all(o.holds for _, o in outs)
    return Outcome(holds, ["optimizer", "adversary bank"], len(outs), None,
                   None if holds else {nm: o.counterexample for nm, o in outs if not o.holds},
                   steps=[Step(nm, "linear model Φ = I_n inside every regime", derived="; ".join(o.notes), holds=o.holds)
                          for nm, o in outs], strength="sampled")


def _check_833(stmt: Theorem833, ctx) -> Outcome:
    X, y, rows, big = theorem_runs(_seed(ctx, "thm"), ctx.profile.scale)
    table, ok, any_regime = [], True, False
    for r in rows:
        run = r["f"] if stmt.eta_factor <= 1 else big
        if stmt.eta_factor > 1 and r is not rows[-1]:
            continue
        s = r["s2"] if stmt.T_uses == "sigma" else r["t2"]
        step = stmt.eta_factor / r["t2"]
        T = steps_needed(step, s, r["L0"], EPS)
        T = min(T, len(run.loss) - 1)
        L_T = float(run.loss[T])
        q = proof_rate(r["eta"], r["s2"])
        rate_ok = bool(np.all(run.residual <= q ** np.arange(len(run.residual)) * run.residual[0] * (1 + 1e-9)))
        radius = np.sqrt(r["s2"]) / (4 * np.sqrt(len(y)) * r["beta"])
        inside = float(run.dist.max()) <= radius
        regime = r["beta"] / r["s2"] * len(y) <= float(c0_of(np.sqrt(r["L0"])))  # c₀ = 1/(32C), C = ‖r⁰‖/√n
        table.append({"m": r["m"], "beta/sigma^2 * n": round(r["beta"] / r["s2"] * len(y), 4), "regime": regime,
                      "T": T, "L(f_theta^T)": L_T, "rate (1 - 9 eta sigma^2/16)^t holds": rate_ok,
                      "max ||theta^t - theta^0||": round(float(run.dist.max()), 4), "radius (8.142)": round(radius, 4)})
        ok &= L_T <= EPS  # the conclusion at the statement's T on every width (outside the regime: empirical)
        if regime:
            any_regime = True
            ok &= rate_ok and inside if stmt.eta_factor <= 1 else True
    holds = ok  # the regime itself is decided on the bank members (linear models; α-scaled nets in the attacks)
    rate = _eps_rate_833(stmt, ctx, X, y)
    return all_of(_linear_833(stmt, ctx), Outcome(holds, ["optimizer"], len(table), None, None if holds else {"runs": table},
                  steps=[Step("runs", "GD (8.134) on the erf network, pair data, symmetric init", derived=table,
                               holds=holds)],
                   notes=[f"regime rows: β·n/σ² ≤ c₀ = 1/(32C) with C = ‖r⁰‖/√n of the run (eq:8.162 (ii) inside (8.142)); "
                          f"the runs' cell flag used c₀ = 1/8 and is recomputed here; ε = {EPS}; "
                          "T = ⌈8 log(L̂⁰/ε)/(9ησ²)⌉ = O(log(1/ε)/(ησ²)); η = 0.9/τ²",
                          "in the regime β/σ² ≤ c₀/n: L̂(f_θᵀ) ≤ ε, the residual obeys the corrected rate (8.150)–(8.151) at "
                          "every step and the trajectory stays inside the radius (8.142); outside it (smaller m) the "
                          "runs converge too — the condition is sufficient, far from necessary",
                          "empirical evidence on one instance family, not a proof (the theorem's c₀ and 'sufficiently "
                          "small η' are existential); see Du et al. 2019 for a complete proof"], strength="sampled"), rate)


def _eps_rate_833(stmt: Theorem833, ctx, X, y) -> Outcome:
    """T against ε: the first step with L̂ ≤ ε, times ησ², against log(L̂⁰/ε), pooled over seeds (O(·): exponent ≤ 1)."""
    from numeric.chapter8.ntk_eps import steps_to_eps

    m = 1024 if ctx.profile.scale == 1 else 4096
    epss = tuple(10.0 ** -(k / 2) for k in range(4, 21))  # 1e-2 … 1e-10 every half decade: the same runs, read at 17 ε
    seeds = _seeds(ctx, "thm-eps")
    runs = [steps_to_eps(sd, m, tuple(map(tuple, X)), tuple(y), epss, stmt.eta_factor) for sd in seeds]
    if any(p is None for rs in runs for p in rs):
        return Outcome(False, ["optimizer", "sweep"], len(epss) * len(seeds), None,
                       {"eta": f"{stmt.eta_factor}/tau^2", "eps never reached": [e for e, p in zip(epss, runs[0]) if p is None]},
                       notes=[f"η = {stmt.eta_factor}/τ²: L̂ never reaches every ε of the sweep"], strength="sampled")
    fit, sf = pooled_fit("first GD step T with L̂(f_θᵀ) ≤ ε, times ησ²", "log(L̂⁰/ε)",
                         [([a for a, _ in rs], [b for _, b in rs]) for rs in runs], stmt.log_power, "<=", seeds,
                         resolution=0.1)
    j = judge(fit, sf)
    return Outcome(j.holds, ["optimizer", "sweep", "fit"], len(epss) * len(seeds), None,
                   None if j.holds else {"fitted exponent": [fit.exponent, fit.interval]}, fits=[fit],
                   notes=[f"ε sweep (1e-2 … 1e-10 every half decade, m = {m}, one run per seed read at every ε): " + describe(fit, sf) +
                          "; " + j.reason + ". T = O(log(1/ε)/(ησ²)) reads as exponent ≤ 1"], strength="sampled")


# --- the class of networks the §8.4.2 statements speak of, and the argument that breaks them -----------------------------
NETS = Class("two-layer networks (8.78), α-scaled (§8.4.1), with their data", "network", (),
             "every bank network; Theorem 8.33's regime (rank Φ = n, β·n/σ² ≤ c₀ = 1/(32C) = 1/64) is decided per member")
NETS_RES = Class("… with ‖ŷ⁰ − y‖₂ ≤ 2√n", "network", ("‖ŷ⁰ − y‖₂ ≤ 2√n",),
                 "the corrected forms' extra hypothesis: the initial residual is O(√n) (e.g. f_θ⁰ ≡ 0, |yᵢ| ≤ 2)")
argument("large-initial-output",
         "β/σ² ≤ c₀/n is reached by the output scaling f = αf̄ of §8.4.1 (β/σ² = β̄/(ασ̄²)) while ‖ŷ⁰ − y‖ grows like "
         "α when f̄_θ⁰ ≠ 0: the displacement needed, ‖Φ⁺(y − f_θ⁰)‖ ≈ ‖f̄_θ⁰‖/σ̄, and the radius σ/(4√nβ) = σ̄/(4√nβ̄) "
         "do not scale with α, so the trajectory leaves the ball (8.142); with f ≥ 0 > y (α·softplus) no θ fits at all",
         members=["α·softplus neuron, α = 100, θ⁰ = 0, y = −1", "α·softplus neuron, α = 10000, θ⁰ = 0, y = −1",
                  "(8.78) erf, m = 64, random init, α = 1000"],
         shapes=("gd-converges", "initial-residual"))


def _decide_833(stmt, member, ctx):
    return decide_gd(stmt, member, ctx, "converges")


def _decide_154(stmt, member, ctx):
    return decide_gd(stmt, member, ctx, "residual")


def _decide_164(stmt, member, ctx):
    return decide_gd(stmt, member, ctx, "radius")


# --- the proof's steps (8.142)–(8.158) on the same bank networks (verify.chapter8.ntk_steps) -------------------------------
def _decide_150(stmt, member, ctx):
    return NS.decide_8150(stmt, member, ctx, rate=_rate)


def _and_bank(out: Outcome, stmt, ctx, decide, what: str) -> Outcome:
    """The check's own outcome and the bank's (the latter only when some member decides the form)."""
    bank = _bank_steps(stmt, ctx, decide, what)
    return out if bank.holds is None else all_of(out, bank)


def _bank_steps(stmt, ctx, decide, what: str) -> Outcome:
    """A step decided on every bank network inside Theorem 8.33's regime (the attacks' decision, run by the check too,
    so that its mutants meet the bank); members outside the regime or the form's class are n/a and skipped."""
    from numeric.adversaries import members

    outs = [(m.name, decide(stmt, m, ctx)) for m in members("network")]
    dec = [(nm, o) for nm, o in outs if o.holds is not None]
    if not dec:  # no member decides this form (a trend in m, say): the bank adds nothing to the check
        return Outcome(None, ["adversary bank"], 0, notes=[f"no bank network decides this form ({what})"])
    holds = all(o.holds for _, o in dec)
    strengths = {o.strength for _, o in dec}
    return Outcome(holds, ["adversary bank"], len(dec), None,
                   None if holds else {nm: o.counterexample for nm, o in dec if not o.holds},
                   steps=[Step(nm, what, derived="; ".join(map(str, o.notes))[:400], holds=o.holds) for nm, o in dec],
                   strength="sampled" if "sampled" in strengths or not strengths else min(strengths))


claim(
    id="thm:8.33",
    section=SEC,
    kind="algorithmic",
    title="For β/σ² ≤ c₀/n and small η, L̂(f_θᵀ) ≤ ε after T = O(log(1/ε)/(ησ²)) GD steps",
    printed=r"\exists c_0 \in (0, 1): \frac{\beta}{\sigma^2} \leq \frac{c_0}{n},\ \eta \text{ small} \implies "
            r"\hat{L}(f_{\theta^T}) \leq \epsilon \text{ after } T = O\left(\frac{\log 1/\epsilon}{\eta \sigma^2}\right)",
    equations=["8.152"],
    statement=Theorem833(),
    check=_check_833,
    mutants=[Mutant("GD on L̂ itself (θ − η(2/n)Φᵀr, the corrected (8.133)) with T = O(log(L̂⁰/ε)/(ησ²))",
                    Theorem833(residual_hyp=True, update="lhat")),
             Mutant("T = O(log(1/ε)/(ητ²))", Theorem833(T_uses="tau")),
             Mutant("η = 2.2/τ² (not small)", Theorem833(eta_factor=2.2)),
             Mutant("T = O(√log(1/ε)/(ησ²))", Theorem833(log_power=0.5))],
    uses=["eq:8.128", "eq:8.150", "eq:8.165", "lemma:8.25", "lemma:8.28"],
    erratum=Erratum(
        printed=r"\exists c_0: \frac{\beta}{\sigma^2} \leq \frac{c_0}{n},\ \eta \text{ small} \implies \hat{L}(f_{\theta^T}) "
                r"\leq \epsilon,\ T = O\left(\frac{\log 1/\epsilon}{\eta\sigma^2}\right)",
        corrected=r"\text{for GD } \theta^{t+1} = \theta^t - \eta(\Phi^t)^\top(\hat{y}^t - \vec{y}) \text{ (GD on } "
                  r"\tfrac12\sum_i (f_\theta(x^{(i)}) - y^{(i)})^2\text{), if moreover } \|\hat{y}^0 - \vec{y}\|_2 \leq C\sqrt{n} "
                  r"\text{ (e.g. } f_{\theta^0} \equiv 0 \text{ by the symmetric initialisation and } |y^{(i)}| \leq C\text{), then with } "
                  r"c_0 = \frac{1}{32C}\text{: } \frac{\beta}{\sigma^2} \leq \frac{c_0}{n},\ \eta \leq \frac{1}{2\tau^2} \implies "
                  r"\hat{L}(f_{\theta^T}) \leq \epsilon \text{ after } T = O\left(\frac{\log(\hat{L}^0/\epsilon)}{\eta\sigma^2}\right)"
                  r"\text{ (GD on } \hat{L} \text{ itself, step } \eta\tfrac{2}{n}(\Phi^t)^\top r\text{: } T = O\left(\frac{n\log(\hat{L}^0/"
                  r"\epsilon)}{\eta\sigma^2}\right)\text{)}",
        explanation="the proof uses ‖ŷ⁰ − y‖ = O(√n) ((8.155): 'each element of ŷ is of order 1') but the theorem does not "
                    "assume it, and β/σ² → 0 alone does not give it: scaling f = αf̄ (§8.4.1) makes β/σ² = O(1/α) while "
                    "the residual grows like α. The one-neuron α·softplus(θx) with θ⁰ = 0, x = 1, y = −1 has β/σ² = 1/α "
                    "≤ c₀/n for every c₀ once α ≥ 1/c₀, yet f ≥ 0 > y, so L̂(f_θ) ≥ 1 for every θ and no ε < 1 is ever "
                    "reached (bank members α = 10², 10⁴: L̂(f_θᵀ) = 51, 2.8·10⁵). The correction needs the initial residual "
                    "bounded by C√n (the symmetric initialisation (8.55) gives f_θ⁰ ≡ 0), with c₀ depending on C "
                    "(Oymak–Soltanolkotabi: the trajectory stays within 8‖r⁰‖/σ ≤ 8C√n/σ of θ⁰ (eq:8.162 (ii)), inside "
                    "(8.142) when β·n/σ² ≤ c₀ = 1/(32C), solved in SymPy by ntk_common.c0_of); the checks read C = 2, "
                    "c₀ = 1/64, η = 0.5/τ², T = 2·⌈8 log(L̂⁰/ε)/(9ησ²)⌉. The update must be named: with the corrected "
                    "(8.133) gradient (2/n)Φᵀr the contraction per step is 1 − 2ησ²/n and T grows like n (second reader: "
                    "Φ = I_n, y = 2·1, η = 1/(2τ²), ε = 10⁻³ needs 15, 65, 264, 1060 steps at n = 4, 16, 64, 256); the "
                    "bound T = O(log(L̂⁰/ε)/(ησ²)) is for θ − η(Φᵗ)ᵀr, the step the proof (8.134)–(8.150) analyses",
        corrected_statement=Theorem833(residual_hyp=True),
    ),
    quantified=Quantified(NETS, _decide_833, shapes=("gd-converges", "initial-residual"), corrected_cls=NETS_RES,
                          readings=(Reading("GD on L̂ itself (θ − η(2/n)Φᵀr) with T = O(n·log(L̂⁰/ε)/(ησ²))",
                                            Theorem833(residual_hyp=True, update="lhat", T_over_n=True), cls=NETS_RES),)),
    notes=["severity: hypothesis",
           "the check also decides the second reader's linear models Φ = I_n (n = 4 … 256, bank members) with the "
           "statement's update and T: θ − ηΦᵀr reaches ε at the proof's T at every n; the step (2/n)Φᵀr with the same "
           "T (a mutant) does not (L̂ stays ≈ 3 at n = 256); with T = O(n·log/(ησ²)) (a reading) it does",
           "attacked by every bank network (numeric.adversaries.networks): inside the regime β·n/σ² ≤ c₀ = 1/64 the α-scaled "
           "softplus neurons break the printed form; the α = 10³ erf net with random init (f_θ⁰ = Θ(α)) still converges "
           "(the printed conclusion holds there although (8.164)'s radius fails); the corrected form's class (‖ŷ⁰ − y‖ "
           "≤ 2√n) admits the symmetric α = 10³ erf net, where GD reaches ε at the proof's T inside the ball",
           "a proof would need Du et al. 2019's argument with explicit constants: λ_min(ΦΦᵀ) ≥ ½λ_min(K∞) w.h.p."
           " (eq:8.96), β = O(1/√m) (eq:8.102), and an induction over t keeping θᵗ in the ball (8.142) so that "
           "the contraction eq:8.150 applies at every step"],
)


# --- (8.129)–(8.135) ------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class JacobianAt:
    at: str = "theta_t"  # Φᵗ is the Jacobian at θᵗ (a mutant: the Jacobian at θ⁰)


@lru_cache(maxsize=None)
def _sympy_jacobian(m: int, d: int):
    net = S.network(m, d)
    f = net.f(act=S.activation("erf"))
    grad = sp.Matrix([sp.diff(f, t) for t in net.theta])
    return sp.lambdify((net.theta, list(net.a), list(net.x)), grad, modules=["scipy", "numpy"])


def _check_8129(stmt: JacobianAt, ctx) -> Outcome:
    rng = ctx.rng("8.129")
    m, d, n = 3, 2, 4
    net0 = nn.init(m, d, rng, "erf")
    X = rng.standard_normal((n, d))
    y = rng.standard_normal(n)
    run = tr.train(net0, X, y, 0.2, 5, "f")
    thT = run.theta
    fn = _sympy_jacobian(m, d)
    sym = np.array([np.asarray(fn(list(thT), list(net0.a), list(x)), float).ravel() for x in X])
    used = net0.with_theta(thT).jacobian(X) if stmt.at == "theta_t" else net0.jacobian(X)
    err = float(np.max(np.abs(sym - used)))
    ok = err < 1e-12 and used.shape == (n, m * d)
    return Outcome(ok, ["symbolic", "sweep"], 1, -err, None if ok else {"max |Phi^t(SymPy) - used|": err},
                   notes=["Φᵗ ∈ ℝⁿˣᵖ: the rows ∇f_θᵗ(xᵢ)ᵀ at the current iterate (lambdified from SymPy, m = 3, d = 2, "
                          "after 5 GD steps), p = md"], strength="sampled")


claim(
    id="eq:8.129",
    section=SEC,
    kind="definition",
    title="Φᵗ = [∇f_θᵗ(x⁽ⁱ⁾)ᵀ]ᵢ ∈ ℝⁿˣᵖ",
    printed=r"\Phi^t = \begin{bmatrix} \nabla f_{\theta^t}(x^{(1)})^\top \\ \vdots \\ \nabla f_{\theta^t}(x^{(n)})^\top "
            r"\end{bmatrix} \in \mathbb{R}^{n \times p}",
    equations=["8.129"],
    statement=JacobianAt("theta_t"),
    check=_check_8129,
    mutants=[Mutant("Φᵗ = Φ⁰", JacobianAt("theta_0"))],
    uses=["eq:8.61"],
    notes=["sampled at one size; a proof for every (m, d) would need the gradient of (8.78) with indexed symbols"
           " (as for eq:8.61), evaluated at any θᵗ"],
)


# --- (8.130)–(8.141) at symbolic n, p (beside the checks at n = 3, p = 2) ------------------------------------
def _generic_8130(stmt):
    """Coordinate θ_q of ∇L̂, derived at symbolic n, against coef·Σᵢ(fᵢ − yᵢ)∂_q fᵢ."""
    coef = stmt.coef / NG.n if stmt.over_n else stmt.coef
    return EntryIdentity(NG.loss_gradient_coordinate(), NG.printed_8_130_coordinate(coef), "(8.130) coordinate q")


def _generic_8133(stmt):
    """Coordinate q of ∇L̂ against coef·((Φᵗ)ᵀ(ŷᵗ − y))_q = coef·Σᵢ Φᵗ_iq (ŷᵢ − yᵢ), Φᵗ_iq = ∂_q fᵢ, ŷᵢ = fᵢ."""
    i, f, t = NG.i, NG.F, NG.t_coord
    coef = stmt.coef / NG.n if stmt.over_n else stmt.coef
    rhs = coef * sp.Sum(sp.Derivative(f(i, t), t) * (f(i, t) - NG.y[i, 0]), (i, 0, NG.n - 1))
    return EntryIdentity(NG.loss_gradient_coordinate(), rhs, "(8.134) coordinate q")


def _generic_8131(stmt):
    """Σᵢ rᵢ φᵢ = sign·Φᵀr at symbolic n, p, tested against a free u ∈ ℝᵖ: Σᵢ Σₖ rᵢ Φᵢₖ uₖ = sign·uᵀΦᵀr."""
    Phi, r, u = sp.MatrixSymbol("Phi", G.n, G.p), sp.MatrixSymbol("r", G.n, 1), sp.MatrixSymbol("u", G.p, 1)
    i, k = NG.i, NG.k
    lhs = sp.Sum(sp.Sum(r[i, 0] * Phi[i, k] * u[k, 0], (k, 0, G.p - 1)), (i, 0, G.n - 1))
    return MatrixIdentity(lhs, stmt.sign * (u.T * Phi.T * r), symbols=(Phi, r, u), explicit_d=3,
                          label="(8.132) at symbolic n, p")


def _generic_8138(stmt):
    s_ = G.syms()
    builders = dict(G.steps_8_138(s_))
    if stmt.flip:
        builders["8.141"] = lambda: (s_.I + eta * s_.Phit * s_.Phit.T) * (s_.yhat - s_.y)
    ref = builders["8.138"]()
    syms_ = (s_.Phit, s_.yhat, s_.y)
    return [vector_identity(builders[lab](), ref, syms_, label=f"({lab}) by the trace normal form")
            for lab in ("8.139", "8.140", "8.141")]


@dataclass(frozen=True)
class Grad130:
    coef: sp.Expr = sp.Integer(1)  # ∇L̂(f) = coef·Σᵢ(f(xᵢ) − yᵢ)∇f(xᵢ)
    over_n: bool = False  # the coefficient is coef/n (n = 3 in the concrete check, symbolic in the generic one)


def _check_8130(stmt: Grad130, ctx) -> Outcome:
    derived, printed, th, ys, fs = G.empirical_loss_gradient(3, 2)
    coef = stmt.coef / 3 if stmt.over_n else stmt.coef
    diff = sp.simplify(derived - coef * printed)
    ok = diff == sp.zeros(*diff.shape)
    ce = None
    if not ok:
        ce = {"n": 3, "derived (1/n)Σ(f−y)² gradient": "(2/3)·Σ(f_i − y_i)∇f_i",
              "printed": f"{coef}·Σ(f_i − y_i)∇f_i", "difference, first coordinate": str(diff[0])[:200]}
    return Outcome(ok, ["symbolic"], 1, 0.0 if ok else None, ce,
                   steps=[Step("∇L̂(f_θ)", "L̂ = (1/n)Σ(fᵢ(θ) − yᵢ)², fᵢ undefined functions, n = 3", derived=derived.T),
                          Step("derived − printed", "", derived=diff.T, holds=ok)],
                   notes=["with n = 2 the factor 2/n is 1 and the printed form happens to be right: n = 3 is used"], strength="exact", sizes=["n = 3, p = 2"])


claim(
    id="eq:8.130",
    section=SEC,
    kind="identity",
    title="∇L̂(f_θᵗ) = Σᵢ(f_θᵗ(x⁽ⁱ⁾) − y⁽ⁱ⁾)∇f_θᵗ(x⁽ⁱ⁾)",
    printed=r"\nabla \hat{L}(f_{\theta^t}) = \sum_{i=1}^n \left( f_{\theta^t}(x^{(i)}) - y^{(i)} \right) \nabla f_{\theta^t}(x^{(i)})",
    equations=["8.130"],
    statement=Grad130(sp.Integer(1)),
    check=generic_too(_check_8130, _generic_8130),
    erratum=Erratum(
        printed=r"\nabla \hat{L}(f_{\theta^t}) = \sum_{i=1}^n (f_{\theta^t}(x^{(i)}) - y^{(i)}) \nabla f_{\theta^t}(x^{(i)})",
        corrected=r"\nabla \hat{L}(f_{\theta^t}) = \frac{2}{n}\sum_{i=1}^n (f_{\theta^t}(x^{(i)}) - y^{(i)}) "
                  r"\nabla f_{\theta^t}(x^{(i)}) = \frac{2}{n}(\Phi^t)^\top(\hat{y}^t - \vec{y})",
        explanation="L̂ is defined with 1/n (8.59) and the square loss of (8.63) has no ½, so the chain rule gives 2/n; "
                    "the printed sum is the gradient of ½Σ(f − y)² = (n/2)L̂. The analysis that follows is unaffected "
                    "if η is read as the step on ½Σ(f − y)² (rate nη/2 on L̂), which is how the runs here take it",
        corrected_statement=Grad130(sp.Integer(2), over_n=True),
    ),
    mutants=[Mutant("coefficient 1/n", Grad130(sp.Integer(1), over_n=True))],
    uses=["eq:8.59", "eq:8.63"],
)


@dataclass(frozen=True)
class Sum131:
    sign: int = 1  # Σᵢ rᵢ∇fᵢ = sign·(Φᵗ)ᵀr


def _check_8131(stmt: Sum131, ctx) -> Outcome:
    n, p = 3, 2
    Phi = sp.Matrix(n, p, lambda i, j: sp.Symbol(f"phi{i + 1}_{j + 1}", real=True))
    r = sp.Matrix(sp.symbols(f"r1:{n + 1}", real=True))
    lhs = sum((r[i] * Phi[i, :].T for i in range(n)), sp.zeros(p, 1))
    diff = sp.expand(lhs - stmt.sign * Phi.T * r)
    ok = diff == sp.zeros(p, 1)
    return Outcome(ok, ["symbolic"], 1, 0.0 if ok else None, None if ok else {"difference": str(diff.T)},
                   steps=[Step("(8.132)", "Σᵢ rᵢ φᵢ − (Φᵗ)ᵀr with rᵢ = ŷ⁽ⁱ⁾ᵗ − y⁽ⁱ⁾ (8.131)", derived=diff.T, holds=ok)],
                   notes=["the rewriting (8.130) → (8.131) → (8.132) is exact; the factor 2/n missing from (8.130) is "
                          "carried along (eq:8.130)"], strength="exact", sizes=["n = 3, p = 2"])


claim(
    id="eq:8.131",
    section=SEC,
    kind="identity",
    title="Σᵢ(ŷ⁽ⁱ⁾ᵗ − y⁽ⁱ⁾)∇f_θᵗ(x⁽ⁱ⁾) = (Φᵗ)ᵀ(ŷᵗ − y)",
    printed=r"= \sum_{i=1}^n \left(\hat{y}^{(i),t} - y^{(i)} \right) \nabla f_{\theta^t}(x^{(i)}) = (\Phi^t)^\top (\hat{y}^t - \vec{y})",
    equations=["8.131", "8.132"],
    statement=Sum131(1),
    check=generic_too(_check_8131, _generic_8131),
    mutants=[Mutant("(Φᵗ)ᵀ(y − ŷᵗ)", Sum131(-1))],
    uses=["eq:8.130", "eq:8.129"],
)


@dataclass(frozen=True)
class Update134:
    coef: sp.Expr = sp.Integer(1)  # θᵗ⁺¹ = θᵗ − η·coef·(Φᵗ)ᵀ(ŷᵗ − y), claimed equal to θᵗ − η∇L̂(f_θᵗ)
    over_n: bool = False  # the coefficient is coef/n


def _check_8133(stmt: Update134, ctx) -> Outcome:
    derived, printed, th, ys, fs = G.empirical_loss_gradient(3, 2)
    # printed (8.130) is Σ(f − y)∇f = (Φᵗ)ᵀ(ŷ − y); the update is θ − η∇L̂ = θ − η·derived
    coef = stmt.coef / 3 if stmt.over_n else stmt.coef
    diff = sp.simplify(derived - coef * printed)
    ok = diff == sp.zeros(*diff.shape)
    return Outcome(ok, ["symbolic"], 1, 0.0 if ok else None,
                   None if ok else {"n": 3, "eta*grad L(f)": "(2/3)·eta·(Phi^t)^T(yhat - y)",
                                    "printed (8.134)": f"{coef}·eta·(Phi^t)^T(yhat - y)"},
                   steps=[Step("(8.133)→(8.134)", "∇L̂(f_θᵗ) − coef·(Φᵗ)ᵀ(ŷᵗ − y), n = 3", derived=diff.T, holds=ok)],
                   notes=["(8.133) (the GD step) and (8.135) (bᵗ := (Φᵗ)ᵀ(ŷᵗ − y)) are definitions; (8.134) inherits "
                          "the missing 2/n of (8.130)"], strength="exact", sizes=["n = 3, p = 2"])


claim(
    id="eq:8.133",
    section=SEC,
    kind="identity",
    title="θᵗ⁺¹ = θᵗ − η∇L̂(f_θᵗ) = θᵗ − η(Φᵗ)ᵀ(ŷᵗ − y) = θᵗ − ηbᵗ",
    printed=r"\theta^{t+1} = \theta^t - \eta \nabla \hat{L}(f_{\theta^t}) = \theta^t - \eta (\Phi^t)^\top (\hat{y}^t - \vec{y}) "
            r"= \theta^t - \eta b^t",
    equations=["8.133", "8.134", "8.135"],
    statement=Update134(sp.Integer(1)),
    check=generic_too(_check_8133, _generic_8133),
    erratum=Erratum(
        printed=r"\theta^t - \eta \nabla \hat{L}(f_{\theta^t}) = \theta^t - \eta (\Phi^t)^\top (\hat{y}^t - \vec{y})",
        corrected=r"\theta^t - \eta \nabla \hat{L}(f_{\theta^t}) = \theta^t - \frac{2\eta}{n} (\Phi^t)^\top (\hat{y}^t - \vec{y})",
        explanation="the same factor as (8.130): with L̂ = (1/n)Σ(f − y)² the gradient step is (2η/n)(Φᵗ)ᵀ(ŷᵗ − y); "
                    "bᵗ and the recursion (8.138)–(8.141) are right for the printed update (GD on ½Σ(f − y)²)",
        corrected_statement=Update134(sp.Integer(2), over_n=True),
    ),
    erratum_equations=["8.134"],
    mutants=[Mutant("coefficient 1/n", Update134(sp.Integer(1), over_n=True))],
    uses=["eq:8.130", "eq:8.131"],
)


# --- (8.136)–(8.141) ----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Remainder:
    exponent: float = 2.0  # the dropped term is O(η^exponent)


def _check_8136(stmt: Remainder, ctx) -> Outcome:
    seeds = _seeds(ctx, "8.136")
    runs = ST.values("remainder_vs_eta", seeds)
    etas = runs[0][0]
    fit, sf = pooled_fit("‖f_θᵗ⁺¹(X) − f_θᵗ(X) + ηΦᵗbᵗ‖", "η", runs, stmt.exponent, "=", seeds, resolution=0.05)
    j = judge(fit, sf)
    holds = j.holds
    return Outcome(holds, ["sweep", "fit"], len(etas), None,
                   None if holds else {"fitted exponent": fit.exponent, "claimed": stmt.exponent}, fits=[fit],
                   notes=["erf network m = 64, n = 6: the Taylor remainder of one GD step is O(‖θᵗ⁺¹ − θᵗ‖²) = O(η²) "
                          f"(fitted {fit.exponent:.3f}) on the declared range η ∈ [10⁻⁴, 10⁻³], where the term after "
                          "the asymptotic model's correction (η²·(1 + cη)) is below rounding",
                          describe(fit, sf) + "; " + j.reason], strength="sampled")


claim(
    id="eq:8.136",
    section=SEC,
    kind="asymptotic",
    title="f_θᵗ⁺¹(x) = f_θᵗ(x) + ⟨∇f_θᵗ(x), −ηbᵗ⟩ + O(‖θᵗ⁺¹ − θᵗ‖²), the remainder O(η²)",
    printed=r"f_{\theta^{t+1}}(x^{(i)}) = f_{\theta^t}(x^{(i)}) + \left\langle \nabla f_{\theta^t}(x^{(i)}), -\eta b^t "
            r"\right\rangle + O(\|\theta^{t+1} - \theta^t\|_2^2)",
    equations=["8.136", "8.137"],
    statement=Remainder(2.0),
    check=_check_8136,
    mutants=[Mutant("remainder O(η)", Remainder(1.0))],
    uses=["eq:8.54", "eq:8.135"],
    notes=["the exponent is a fit; a proof would need Taylor's theorem with remainder ≤ (β/2)‖θᵗ⁺¹ − θᵗ‖² (Lemma"
           " 8.28) and θᵗ⁺¹ − θᵗ = −η(Φᵗ)ᵀbᵗ"],
)


@dataclass(frozen=True)
class Chain138:
    flip: bool = False  # a mutant: (I + ηΦᵗΦᵗᵀ) in (8.141)


def _check_8138(stmt: Chain138, ctx) -> Outcome:
    s = G.syms()
    builders = dict(G.steps_8_138(s))
    if stmt.flip:
        builders["8.141"] = lambda: (s.I + eta * s.Phit * s.Phit.T) * (s.yhat - s.y)
    ref = builders["8.138"]()
    steps, ok = [], True
    for lab in ("8.139", "8.140", "8.141"):
        diff = G.difference_generic(builders[lab](), ref)
        good = G.is_zero(diff)
        steps.append(Step(lab, "minus (8.138) − y (generic n, p)", derived=diff, holds=good))
        ok &= good
    return Outcome(ok, ["symbolic"], 3, 0.0 if ok else None,
                   None if ok else {"failing": [x.label for x in steps if not x.holds]}, steps=steps,
                   notes=["(8.138) is (8.137) without the remainder, vectorised; the identities are exact in the matrix "
                          "algebra, the recursion itself holds up to the O(η²) term of eq:8.136"], strength="proved")


eta = G.eta
claim(
    id="eq:8.138",
    section=SEC,
    kind="identity",
    title="ŷᵗ⁺¹ − y = (I − ηΦᵗ(Φᵗ)ᵀ)(ŷᵗ − y) (first order)",
    printed=r"\hat{y}^{t+1} = \hat{y}^t - \eta \Phi^t b^t = \hat{y}^t + \eta \Phi^t (\Phi^t)^\top (\vec{y} - \hat{y}^t),\ "
            r"\hat{y}^{t+1} - \vec{y} = \left(I - \eta \Phi^t (\Phi^t)^\top \right) (\hat{y}^t - \vec{y})",
    equations=["8.138", "8.139", "8.140", "8.141"],
    statement=Chain138(False),
    check=generic_too(_check_8138, _generic_8138),
    mutants=[Mutant("(I + ηΦᵗΦᵗᵀ)", Chain138(True))],
    uses=["eq:8.136"],
)


# --- (8.142)–(8.149) ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Radius142:
    sqrt_n: bool = True  # radius σ/(4√nβ) (a mutant: σ/(4β))


def _check_8142(stmt: Radius142, ctx) -> Outcome:
    rng = ctx.rng("8.142")
    outs = []
    # (a) the quadratic model fᵢ(θ) = φᵢᵀΔθ + (β/2)‖Δθ‖² attains ‖Φᵗ − Φ‖_F = √n β‖Δθ‖
    n, p, beta = 4, 7, 0.7
    Phi = rng.standard_normal((n, p))
    sig = float(np.linalg.svd(Phi, compute_uv=False)[-1])
    R = sig / (4 * (np.sqrt(n) if stmt.sqrt_n else 1.0) * beta)
    v = rng.standard_normal(p)
    v *= R / np.linalg.norm(v)
    PhiT = Phi + beta * np.outer(np.ones(n), v)  # ∇fᵢ(θ) = φᵢ + βΔθ
    gapF = float(np.linalg.norm(PhiT - Phi))
    outs.append(Outcome(gapF <= sig / 4 * (1 + 1e-12), ["example"], 1, float(sig / 4 - gapF),
                        None if gapF <= sig / 4 * (1 + 1e-12) else {"model": "f_i = phi_i^T dtheta + (beta/2)|dtheta|^2",
                                                                    "n": n, "||Phi^t - Phi||_F": gapF, "sigma/4": sig / 4},
                        notes=["‖Φᵗ − Φ‖²_F = Σᵢ‖∇fᵢ(θᵗ) − ∇fᵢ(θ⁰)‖² ≤ nβ²‖θᵗ − θ⁰‖² ≤ σ²/16; the quadratic model attains "
                               "the first inequality"], strength="sampled"))
    # (b) the erf network at the radius, random directions (loose)
    X, y, rows, _ = theorem_runs(_seed(ctx, "thm"), ctx.profile.scale)
    worst = np.inf
    for r in rows[:3]:
        net0 = r["net0"]
        Rn = np.sqrt(r["s2"]) / (4 * (np.sqrt(len(y)) if stmt.sqrt_n else 1.0) * r["beta"])
        J0 = net0.jacobian(X)
        for _ in range(3):
            u = rng.standard_normal(net0.p)
            u *= Rn / np.linalg.norm(u)
            worst = min(worst, np.sqrt(r["s2"]) / 4 - float(np.linalg.norm(net0.with_theta(net0.theta + u).jacobian(X) - J0)))
    outs.append(Outcome(worst >= 0, ["sweep"], 9, float(worst), strength="sampled"))
    return _and_bank(all_of(*outs), stmt, ctx, NS.decide_8142,
                     "‖Φ(θ) − Φ⁰‖_F on (8.142)'s ball (sphere directions, GD iterates)")


claim(
    id="eq:8.142",
    section=SEC,
    kind="inequality",
    title="‖θᵗ − θ⁰‖ ≤ σ/(4√nβ) ⟹ ‖Φᵗ − Φ‖_F ≤ σ/4",
    printed=r"\|\theta^t - \theta^0\|_2 \leq \sigma/(4\sqrt{n}\beta) \implies \|\Phi^t - \Phi\|_F \leq \frac{\sigma}{4}",
    equations=["8.142"],
    statement=Radius142(True),
    check=_check_8142,
    mutants=[Mutant("radius σ/(4β) (no √n)", Radius142(False))],
    uses=["lemma:8.28", "eq:8.129"],
    quantified=Quantified(NETS, NS.decide_8142, shapes=("gd-converges",)),
    notes=["attacks (verify.chapter8.ntk_steps): every bank network inside Theorem 8.33's regime, at points of (8.142)'s ball along adversarial directions and at the GD iterates (η = 0.5/τ²); held certified (√nβR = σ/4 with the certified β); the radius σ/(4β) falls to the α = 10³ erf/tanh nets",
           "sampled; a proof would need ‖∇fᵢ(θᵗ) − ∇fᵢ(θ⁰)‖ ≤ β‖θᵗ − θ⁰‖ (the definition of β) summed over the n"
           " rows, a two-line symbolic chain"],
)


@dataclass(frozen=True)
class Weyl143:
    factor: float = 0.75  # σ_min(Φᵗ) ≥ factor·σ when ‖Φᵗ − Φ‖ ≤ σ/4


def _check_8143(stmt: Weyl143, ctx) -> Outcome:
    @st.composite
    def inst(draw):
        Phi = draw(phi_matrices(full_rank=True, n_max=4, p_max=6))
        U, s, Vt = np.linalg.svd(Phi)
        n = Phi.shape[0]
        kind = draw(st.sampled_from(["worst", "random"]))
        if kind == "worst":
            E = -(s[-1] / 4) * np.outer(U[:, n - 1], Vt[n - 1])  # pushes the bottom singular value down by σ/4
        else:
            seed = draw(st.integers(0, 2**31 - 1))
            E = np.random.default_rng(seed).standard_normal(Phi.shape)
            E *= draw(st.floats(0.0, 1.0)) * (s[-1] / 4) / np.linalg.norm(E)
        return Phi, E

    def margin(i):
        Phi, E = i
        s = np.linalg.svd(Phi, compute_uv=False)[-1]
        return (np.linalg.svd(Phi + E, compute_uv=False)[-1] - stmt.factor * s) / s

    out = search(inst(), margin, ctx, name="8.143", tol=1e-9,
                 describe=lambda i: {"Phi": show_matrix(i[0]), "Phi^t - Phi": show_matrix(i[1])})
    out.notes.append("Weyl's inequality for singular values: σₙ(Φ + E) ≥ σₙ(Φ) − ‖E‖_op ≥ σ − ‖E‖_F ≥ 3σ/4; tight for "
                     "E = −(σ/4)uₙvₙᵀ")
    return _and_bank(out, stmt, ctx, NS.decide_8143, "σ_min(Φ(θ)) on (8.142)'s ball")


claim(
    id="eq:8.143",
    section=SEC,
    kind="inequality",
    title="σ_min(Φᵗ) ≥ 3σ/4",
    printed=r"\sigma_{\min}(\Phi^t) \geq 3\sigma/4",
    equations=["8.143"],
    statement=Weyl143(0.75),
    check=_check_8143,
    mutants=[Mutant("σ_min(Φᵗ) ≥ 7σ/8", Weyl143(0.875))],
    uses=["eq:8.142"],
    quantified=Quantified(NETS, NS.decide_8143, shapes=("gd-converges",)),
    notes=["attacks (verify.chapter8.ntk_steps): every bank network inside Theorem 8.33's regime, at points of (8.142)'s ball along adversarial directions and at the GD iterates (η = 0.5/τ²); held certified (Weyl + (8.142)); 7σ/8 falls to the α·softplus neuron (σ_min = 0.755σ at θ = −R)",
           "sampled by hypothesis; a proof would need Weyl's inequality for singular values (σₙ(Φ + E) ≥ σₙ(Φ) −"
           " ‖E‖_op, a cited theorem) and ‖E‖_op ≤ ‖E‖_F"],
)


@dataclass(frozen=True)
class Argument144:
    form: str = "quadratic"  # printed: σ_min(Φᵗ) = min xᵀΦᵗx, min xᵀΦx ≥ σ; corrected: min ‖(Φᵗ)ᵀu‖
    slack: float = 0.25  # the perturbation bound σ/4 (a mutant: 0)


def _check_8144(stmt: Argument144, ctx) -> Outcome:
    return _and_bank(_check_8144_matrices(stmt, ctx), stmt, ctx, NS.decide_8144, "the chain at (8.142)'s ball")


def _check_8144_matrices(stmt: Argument144, ctx) -> Outcome:
    if stmt.form == "quadratic":
        shape = G.shape_error(lambda s: s.y.T * s.Phit * s.y)  # xᵀΦᵗx with x ∈ ℝⁿ, Φᵗ ∈ ℝⁿˣᵖ
        A = sp.Matrix([[0, 1], [-1, 0]])  # square, not symmetric: σ_min(A) = 1, min xᵀAx = 0
        smin = min(sp.sqrt(e) for e in (A.T * A).eigenvals())
        x1, x2 = sp.symbols("x1 x2", real=True)
        quad = sp.expand((sp.Matrix([[x1, x2]]) * A * sp.Matrix([x1, x2]))[0])
        return Outcome(False, ["symbolic"], 2, None,
                       {"n x p (n = 2, p = 3)": f"x^T Phi^t x: ShapeError: {shape}",
                        "square A = [[0, 1], [-1, 0]]": {"sigma_min(A)": str(smin), "x^T A x": str(quad),
                                                         "min over |x| = 1": 0}},
                       steps=[Step("(8.144)", "xᵀΦᵗx for Φᵗ ∈ ℝⁿˣᵖ", holds=False),
                              Step("square case", "σ_min(A) = 1 but xᵀAx ≡ 0 for the rotation", derived=quad, holds=False)], strength="exact", sizes=["A = [[0, 1], [−1, 0]]"])

    def margin(i):
        Phi, E = i
        s = np.linalg.svd(Phi, compute_uv=False)[-1]
        # the corrected chain: σ_min(Φᵗ) = min_u ‖(Φᵗ)ᵀu‖ ≥ min_u ‖Φᵀu‖ − ‖E‖_op ≥ σ − slack·σ
        smin_t = np.linalg.svd(Phi + E, compute_uv=False)[-1]
        U = np.linalg.svd(Phi + E)[0]
        u = U[:, -1]
        chain1 = np.linalg.norm((Phi + E).T @ u) - smin_t  # = 0: the variational form
        chain2 = smin_t - (s - np.linalg.norm(E, 2))
        chain3 = (s - np.linalg.norm(E, 2)) - (1 - stmt.slack) * s
        return min(-abs(chain1), chain2, chain3) / s

    @st.composite
    def inst(draw):
        Phi = draw(phi_matrices(full_rank=True, n_max=4, p_max=6))
        U, s, Vt = np.linalg.svd(Phi)
        seed = draw(st.integers(0, 2**31 - 1))
        E = np.random.default_rng(seed).standard_normal(Phi.shape)
        E *= draw(st.sampled_from([1.0, 0.5, 0.1])) * (s[-1] / 4) / np.linalg.norm(E)
        return Phi, E

    out = search(inst(), margin, ctx, name="8.144", tol=1e-9,
                 describe=lambda i: {"Phi": show_matrix(i[0]), "E": show_matrix(i[1])})
    out.notes.append("corrected argument: σ_min(Φᵗ) = min_{‖u‖=1}‖(Φᵗ)ᵀu‖ ≥ min‖Φᵀu‖ − max‖(Φᵗ − Φ)ᵀu‖ ≥ σ − ‖Φᵗ − Φ‖_F "
                     "≥ 3σ/4 (u ∈ ℝⁿ)")
    return out


claim(
    id="eq:8.144",
    section=SEC,
    kind="inequality",
    title="The argument for (8.143): σ_min(Φᵗ) = min_{‖x‖=1} xᵀΦᵗx ≥ min xᵀ(Φᵗ − Φ)x + min xᵀΦx ≥ −σ/4 + σ",
    printed=r"\sigma_{\min}(\Phi^t) = \min_{\|x\|_2=1} x^\top \Phi^t x \geq \min_{\|x\|_2=1} x^\top (\Phi^t - \Phi)x + "
            r"\min_{\|x\|_2=1} x^\top \Phi x;\ x^\top (\Phi^t - \Phi)x \geq \ldots \geq -\|\Phi^t - \Phi\|_2 \geq -\sigma/4",
    equations=["8.144", "8.145", "8.146", "8.147", "8.148", "8.149"],
    statement=Argument144("quadratic"),
    check=_check_8144,
    erratum=Erratum(
        printed=r"\sigma_{\min}(\Phi^t) = \min_{\|x\|_2=1} x^\top \Phi^t x,\quad \min_{\|x\|_2=1} x^\top \Phi x \geq \sigma",
        corrected=r"\sigma_{\min}(\Phi^t) = \min_{\|u\|_2=1} \|(\Phi^t)^\top u\|_2 \geq \min_{\|u\|_2=1} \|\Phi^\top u\|_2 - "
                  r"\|\Phi^t - \Phi\|_{\text{op}} \geq \sigma - \sigma/4",
        explanation="Φᵗ is n×p with p ≫ n, so xᵀΦᵗx is undefined; even for a square matrix the smallest singular value is "
                    "not the minimum of the quadratic form (the rotation [[0, 1], [−1, 0]] has σ_min = 1 and xᵀAx ≡ 0), "
                    "and 'min xᵀΦx ≥ σ' fails the same way. The conclusion (8.143) is right, by Weyl's inequality; "
                    "(8.146)–(8.148) are valid bounds for a square matrix and (8.149) (‖Φᵗ − Φ‖_op ≤ ‖Φᵗ − Φ‖_F ≤ σ/4) "
                    "is what the corrected chain uses",
        corrected_statement=Argument144("norm"),
    ),
    erratum_equations=["8.144", "8.145", "8.146", "8.147", "8.148"],
    mutants=[Mutant("corrected chain without the σ/4 loss", Argument144("norm", 0.0))],
    uses=["eq:8.143", "eq:8.117"],
    quantified=Quantified(NETS, NS.decide_8144, shapes=("gd-converges",)),
    notes=["attacks (verify.chapter8.ntk_steps): every bank network inside Theorem 8.33's regime, at points of (8.142)'s ball along adversarial directions and at the GD iterates (η = 0.5/τ²); printed undefined on the wide nets (exact), equal to σ_min on the square symmetric ones; corrected chain held",
           "sampled; a proof of the corrected argument would need σₙ(Φᵗ) = min_{‖u‖=1}‖(Φᵗ)ᵀu‖ for n ≤ p "
           "(Courant–Fischer) and the triangle inequality"],
)


# --- (8.150)–(8.151) ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rate150:
    form: str = "printed"  # 'printed': 1 − 3ησ/4; 'corrected': 1 − η(3σ/4)²; 'full': 1 − ησ² (no loss)


def _rate(form, step, sig):
    return {"printed": 1 - 3 * step * sig / 4, "corrected": 1 - step * (3 * sig / 4) ** 2, "full": 1 - step * sig**2}[form]


def _check_8150(stmt: Rate150, ctx) -> Outcome:
    outs = []
    # exact: Φᵗ = Φ = diag(1, 1/2) (β = 0, a linear model), η = 1 = 1/τ²: ‖I − ηΦΦᵀ‖ = 3/4
    Phi = sp.diag(1, sp.Rational(1, 2))
    nrm = max(abs(e) for e in (sp.eye(2) - Phi * Phi.T).eigenvals())
    sig = sp.Rational(1, 2)
    bound = {"printed": 1 - sp.Rational(3, 4) * sig, "corrected": 1 - (sp.Rational(3, 4) * sig) ** 2, "full": 1 - sig**2}[stmt.form]
    ex_ok = bool(nrm <= bound)
    outs.append(Outcome(ex_ok, ["symbolic"], 1, None,
                        None if ex_ok else {"Phi^t = Phi": "diag(1, 1/2)", "eta": 1, "sigma": "1/2",
                                            "||I - eta Phi Phi^T||": str(nrm), "claimed bound": str(bound)}, strength="exact", sizes=["Φ = diag(1, 1/2), η = 1"]))
    if stmt.form != "printed":
        # hypothesis: Φᵗ = Φ + E with ‖E‖_F ≤ σ/4 (so σ_min(Φᵗ) ≥ 3σ/4) and η ≤ 1/‖Φᵗ‖²
        @st.composite
        def inst(draw):
            Phi_ = draw(phi_matrices(full_rank=True, n_max=4, p_max=6))
            U, s, Vt = np.linalg.svd(Phi_)
            n = Phi_.shape[0]
            E = -(s[-1] / 4) * np.outer(U[:, n - 1], Vt[n - 1]) if draw(st.booleans()) else \
                np.random.default_rng(draw(st.integers(0, 2**31 - 1))).standard_normal(Phi_.shape)
            E *= (s[-1] / 4) / max(np.linalg.norm(E), 1e-300)
            frac = draw(st.one_of(st.sampled_from([1.0, 0.5]), st.floats(1e-3, 1.0)))
            return Phi_, E, frac

        def margin(i):
            Phi_, E, frac = i
            Pt = Phi_ + E
            step = frac / np.linalg.norm(Pt, 2) ** 2
            sg = np.linalg.svd(Phi_, compute_uv=False)[-1]
            return _rate(stmt.form, step, sg) - np.linalg.norm(np.eye(Pt.shape[0]) - step * Pt @ Pt.T, 2)

        outs.append(search(inst(), margin, ctx, name="8.150", tol=1e-10,
                           describe=lambda i: {"Phi": show_matrix(i[0]), "E": show_matrix(i[1]), "eta*|Phi^t|^2": i[2]}))
    # the runs: the residual of nonlinear GD against the claimed rate (8.151)
    X, y, T, rows = lazy_runs(_seed(ctx, "lazy"), ctx.profile.scale)
    r = rows[min(3, len(rows) - 1)]["erf"]
    run = r["f"]
    q = _rate(stmt.form, r["eta"], np.sqrt(r["s2"]))
    ratio = float(np.max(run.residual / (abs(q) ** np.arange(len(run.residual)) * run.residual[0])))
    outs.append(Outcome(ratio <= 1 + 1e-9, ["optimizer"], len(run.residual), float(1 - ratio),
                        None if ratio <= 1 + 1e-9 else {"m": rows[min(3, len(rows) - 1)]["m"], "sigma^2": r["s2"],
                                                        "eta": r["eta"], "claimed rate": q,
                                                        "max_t ||r^t|| / (rate^t ||r^0||)": ratio},
                        notes=[f"GD on the erf network (n = 6, m = {rows[min(3, len(rows) - 1)]['m']}): "
                               f"max over t of ‖rᵗ‖/(rateᵗ‖r⁰‖) = {ratio:.3g} for the rate {q:.5f}"], strength="sampled"))
    return _and_bank(all_of(*outs), stmt, ctx, _decide_150, "‖I − ηΦᵗΦᵗᵀ‖ on (8.142)'s ball and ‖rᵗ‖ along GD inside it")


claim(
    id="eq:8.150",
    section=SEC,
    kind="inequality",
    title="‖I − ηΦᵗ(Φᵗ)ᵀ‖ ≤ 1 − 3ησ/4 and ‖ŷᵗ⁺¹ − y‖ ≤ (1 − 3ησ/4)ᵗ⁺¹‖ŷ⁰ − y‖",
    printed=r"\|I - \eta\Phi^t(\Phi^t)^\top\|_{\text{op}} \leq 1 - 3\eta\sigma/4,\quad \|\hat{y}^{t+1} - \bar{y}\|_2 \leq "
            r"(1 - 3\eta\sigma/4)^{t+1} \|\hat{y}^0 - \bar{y}\|_2",
    equations=["8.150", "8.151"],
    statement=Rate150("printed"),
    check=_check_8150,
    erratum=Erratum(
        printed=r"1 - 3\eta\sigma/4",
        corrected=r"1 - \eta(3\sigma/4)^2 = 1 - \tfrac{9}{16}\eta\sigma^2 \quad (\eta \leq 1/\sigma_{\max}(\Phi^t)^2)",
        explanation="'the same argument as (8.118)' with σ_min(Φᵗ) ≥ 3σ/4 gives 1 − η·σ_min(Φᵗ)² ≤ 1 − η(3σ/4)²: the "
                    "singular value enters squared. The printed 1 − 3ησ/4 has the wrong dimension (ησ² is scale-free, "
                    "ησ is not) and is false: Φᵗ = Φ = diag(1, 1/2), η = 1 gives ‖I − ηΦΦᵀ‖ = 3/4 > 1 − 3/8, and GD "
                    "on the erf network decays more slowly than (1 − 3ησ/4)ᵗ. (ȳ is the y⃗ of (8.108).)",
        corrected_statement=Rate150("corrected"),
    ),
    mutants=[Mutant("1 − ησ² (no loss from Φᵗ ≠ Φ)", Rate150("full"))],
    uses=["eq:8.143", "eq:8.118", "eq:8.141"],
    quantified=Quantified(NETS, _decide_150, shapes=("gd-converges",)),
    notes=["attacks (verify.chapter8.ntk_steps): every bank network inside Theorem 8.33's regime, at points of (8.142)'s ball along adversarial directions and at the GD iterates (η = 0.5/τ²); printed falls to linear Φ = diag(1, ½) (7/8 > 13/16); corrected held, (8.151) along GD inside the ball too",
           "caveat (second reader): (8.151) is stated for the first-order recursion (8.141); for the actual nonlinear GD "
           "the O(η²) remainder can push a single step above the bound when σ_min(Φᵗ) = 3σ/4 exactly (none found: scalar "
           "h = θ + (b/2)θ², b ≤ 0.24, η ≤ 0.9, max per-step ratio 0.998)",
           "sampled runs; a proof would need eq:8.143 at every t (hence an induction keeping θᵗ in the ball "
           "(8.142)), the contraction of eq:8.118 with σ² replaced by the bound on σ_min(Φᵗ)σ_min(Φ), and the "
           "step's second-order remainder (eq:8.136)"],
)


# --- (8.153), (8.163): Lemma 8.25 recalled ------------------------------------------------------------------------------------
claim(
    id="sec:8.4.2:lemma-8.25-recalled",
    section=SEC,
    kind="inequality",
    title="Lemma 8.25 recalled: ‖θ̂ − θ⁰‖ ≲ √n/σ",
    printed=r"\|\Delta\hat{\theta}\|_2 = \|\hat{\theta} - \theta^0\|_2 \lesssim \sqrt{n}/\sigma",
    equations=["8.153", "8.163"],
    statement=MinNorm(),
    check=_check_825,
    mutants=[Mutant("O(√n/σ²)", MinNorm(power=2.0))],
    uses=["lemma:8.25"],
    quantified=Quantified(DATA_FULL, _decide_minnorm, extra=_NOT_FULL),
    notes=["second reader R6 (2026-12-07): UNCOVERED-FALSE on the sentence that uses this bound (after (8.153)): 'the empirical "
           "minimizer is within σ/(4√nβ) of θ⁰'. θ̂ = θ⁰ + Φ⁺y (the statement checked here, Lemma 8.25's θ̂) minimises "
           "L̂(g_θ) only when f_θ⁰ ≡ 0 (Def. 8.24 / (8.63)); Theorem 8.33 does not assume it. α·softplus neuron "
           "(x = 1, y = −1, θ⁰ = 0, α = 100; σ = α/2, β = α/4, β/σ² = 1/α): the nearest (only) minimiser of L̂(g_θ) is "
           "at |(−1 − α log 2)/(α/2)| = 1.40629 (→ 2 log 2 as α → ∞) > σ/(4√nβ) = 1/2, and L̂(f_θ) has no minimiser "
           "(inf = 1, not attained). What holds: with f_θ⁰ ≡ 0, θ⁰ + Φ⁺y is a minimiser of L̂(g_θ) within ‖y‖/σ ≤ "
           "C√n/σ ≤ σ/(4√nβ) once βn/σ² ≤ 1/(4C); in general the minimiser of L̂(g_θ) nearest θ⁰ is θ⁰ + Φ⁺(y − ŷ⁰), "
           "within ‖y − ŷ⁰‖/σ, so the sentence needs ‖ŷ⁰ − y‖ ≤ C√n — thm:8.33's corrected hypothesis (eq:8.164's "
           "erratum carries it for the same paragraph). Same pattern as the 'nonzero-initial-output' argument "
           "(ntk_classes.py), which attacks the model-class claims (sec:8.4.1:alpha-training, sec:8.4.2:lazy-*); this "
           "claim is quantified over data sets, not models, so the argument is recorded here and not run",
           "the same statement and check as lemma:8.25",
           "beyond the exact instance the bound is sampled; a proof would need ‖Φ⁺‖_op = 1/σ_min(Φ) from the SVD"
           " and ‖y‖ ≤ √n·maxᵢ|yᵢ|, as for lemma:8.25",
           "attacks: lemma:8.25's (every Φ of rank n: Φ = X of every bank data set with n ≤ d and rank X = n, exact; "
           "the ≲ read with constant 1): Φ⁺y = Xᵀ(XXᵀ)⁻¹y, ΦΦ⁺y = y, ‖Φ⁺y‖² ≤ n·max|y|²/σ² with σ² certified; the "
           "rank-deficient members recorded not applicable; the mutant √n/σ² falls on the bank (σ² < 1 there)"],
)


# --- the sentence after (8.153): "the empirical minimizer is within σ/(4√nβ) of θ⁰" (second reader R6) ---------------
@dataclass(frozen=True)
class MinimiserInBall:
    residual_hyp: bool = False  # the corrected form: ‖ŷ⁰ − y‖ ≤ C√n and βn/σ² ≤ c₀ = c_num/C
    c_num: sp.Rational = sp.Rational(1, 4)  # c₀·C (a mutant: 1, too weak)


def _check_minimiser_ball(stmt: MinimiserInBall, ctx) -> Outcome:
    """Exact, scalar members (n = p = 1, θ⁰ = 0): f_θ = f₀ + σθ + (β/2)θ² or α·softplus(θ); g_θ = f₀ + σθ, so the
    minimiser of L̂(g_θ) is θ̂ = (y − f₀)/σ (unique), to be within σ/(4√nβ) of θ⁰."""
    half, rows, bad, steps = sp.Rational(1, 2), [], None, []
    a = sp.Integer(100)
    # (name, f₀ = f_θ⁰, σ, β, y); the α·softplus neuron of §8.4.1 (σ = α/2, β = sup|f''| = α/4)
    members = [("α·softplus, α = 100 (f_θ⁰ = α log 2)", a * sp.log(2), a * half, a / 4, sp.Integer(-1))]
    for C in (sp.Integer(1), sp.Integer(10), sp.Rational(1, 3)):  # boundary members of the corrected class
        for sgn in (1, -1):
            sig = sp.Integer(2)
            beta = stmt.c_num / C * sig**2  # βn/σ² = c₀ exactly (n = 1)
            members.append((f"f₀ + σθ + (β/2)θ², ‖ŷ⁰ − y‖ = C = {C}, βn/σ² = {stmt.c_num}/C", sp.Integer(3),
                            sig, beta, 3 + sgn * C))
    members.append(("α·softplus − α log 2, α = 4 (f_θ⁰ = 0)", sp.Integer(0), sp.Integer(2), sp.Integer(1), sp.Integer(-1)))
    for name, f0, sig, beta, y in members:
        C = sp.Abs(y - f0)  # n = 1: ‖ŷ⁰ − y‖/√n
        inside = bool(sp.simplify(beta / sig**2 - stmt.c_num / C) <= 0)
        if stmt.residual_hyp and not inside:
            rows.append(f"{name}: outside (βn/σ² = {beta / sig**2} > {stmt.c_num}/C, C = {sp.N(C, 6)})")
            continue
        dist, ball = sp.Abs((y - f0) / sig), sig / (4 * beta)
        ok = bool(sp.N(ball - dist, 30) >= 0) if dist.free_symbols == set() else False
        if sp.simplify(ball - dist) == 0:
            ok = True
        rows.append(f"{name}: |θ̂ − θ⁰| = {sp.N(dist, 8)} vs σ/(4√nβ) = {ball}")
        steps.append(Step(name, "σ/(4√nβ) − |θ̂ − θ⁰| ≥ 0", derived=sp.nsimplify(ball - dist) if not dist.has(sp.log)
                          else ball - dist, holds=ok))
        if not ok and bad is None:
            bad = {"member": name, "|argmin Lhat(g) - theta0|": str(sp.N(dist, 20)), "sigma/(4 sqrt(n) beta)": str(ball),
                   "beta n/sigma^2": str(beta / sig**2)}
    holds = bad is None
    return Outcome(holds, ["symbolic"], len(members), None, bad, steps=steps, notes=rows, strength="exact",
                   sizes=["n = p = 1, θ⁰ = 0"])


claim(
    id="sec:8.4.2:empirical-minimiser",
    section=SEC,
    kind="inequality",
    title="'the empirical minimizer is within σ/(4√nβ) of θ⁰' (after (8.153))",
    printed=r"\text{the empirical minimizer is within } \sigma/(4\sqrt{n}\beta) \text{ of } \theta^0",
    equations=[],
    statement=MinimiserInBall(),
    check=_check_minimiser_ball,
    mutants=[Mutant("corrected with c₀ = 1/C (βn/σ² ≤ 1/C)", MinimiserInBall(residual_hyp=True, c_num=sp.Integer(1)))],
    uses=["sec:8.4.2:lemma-8.25-recalled", "eq:8.107"],
    erratum=Erratum(
        printed=r"\text{the empirical minimizer is within } \sigma/(4\sqrt{n}\beta) \text{ of } \theta^0",
        corrected=r"\text{if } \|\hat{y}^0 - \vec{y}\|_2 \leq C\sqrt{n} \text{ and } \beta n/\sigma^2 \leq \tfrac{1}{4C}"
                  r"\text{: the minimizer of } \hat{L}(g_\theta) \text{ nearest } \theta^0\text{, } \theta^0 + "
                  r"\Phi^+(\vec{y} - \hat{y}^0)\text{, is within } \|\vec{y} - \hat{y}^0\|_2/\sigma \leq \sigma/(4\sqrt{n}\beta)"
                  r" \text{ (} \hat{y}^0 = 0 \text{ when } f_{\theta^0} \equiv 0\text{)}",
        explanation="θ̂ = θ⁰ + Φ⁺y of Lemma 8.25 minimises L̂(g_θ) only when f_θ⁰ ≡ 0, which Theorem 8.33 does not assume. "
                    "α·softplus neuron (x = 1, y = −1, θ⁰ = 0, α = 100; σ = α/2, β = α/4, β/σ² = 1/α ≤ c₀/n for "
                    "α ≥ 1/c₀): the only minimiser of L̂(g_θ) is at |(−1 − α log 2)/(α/2)| = 1.40629 (→ 2 log 2) > "
                    "σ/(4√nβ) = 1/2, and L̂(f_θ) has no minimiser (inf = 1, softplus > 0). With ‖ŷ⁰ − y‖ ≤ C√n the "
                    "distance is ≤ ‖ŷ⁰ − y‖/σ ≤ C√n/σ ≤ σ/(4√nβ) iff βn/σ² ≤ 1/(4C) (attained on the boundary members)",
        corrected_statement=MinimiserInBall(residual_hyp=True),
    ),
    notes=["severity: hypothesis",
           "second reader R6 (2026-12-07): UNCOVERED-FALSE ('lemma-8.25-recalled' sentence); this claim added with the "
           "reader's member as the exact refutation; the corrected form's constant 1/(4C) is attained (boundary "
           "members), so the mutant c₀ = 1/C fails there",
           "exact on scalar members (n = p = 1); a proof for every n, p would need ‖Φ⁺r‖ ≤ ‖r‖/σ (SVD) and "
           "ΦΦ⁺r = r for rank Φ = n, as for lemma:8.25"],
)


# --- (8.154)–(8.156) -----------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Induction154:
    n_power: float = 0.5  # ‖ŷᵗ − y‖ ≤ O(n^n_power)
    eta_factor: float = 0.9
    residual_hyp: bool = False  # the corrected form: ‖ŷ⁰ − y‖ ≤ C√n is Theorem 8.33's hypothesis, not a fact


def _check_8154(stmt: Induction154, ctx) -> Outcome:
    seeds = _seeds(ctx, "8.155")
    runs = ST.values("initial_residuals", seeds, scale=ctx.profile.scale)
    rows = runs[0]
    # the square, whose mean is exactly n·E(f_θ⁰(x) − y)²: the norm's mean bends as n^½(1 − c/n), and its pooled
    # interval (3 seeds) excluded ½ at ci seed 9; on the square the exponent 2·n_power is unbiased at every n
    fit, sf = pooled_fit("‖ŷ⁰ − y‖² (random init, m = 256)", "n", curves(runs, lambda r: r[0], lambda r: r[2]),
                         2 * stmt.n_power, "=", seeds, resolution=0.25)  # ±0.25 on ‖r‖², ±0.125 on ‖r‖
    j = judge(fit, sf)
    init_ok = j.holds is True
    X, y, T, lrows = lazy_runs(_seed(ctx, "lazy"), ctx.profile.scale)
    mono, worst_ratio = True, 0.0
    if stmt.eta_factor <= 1:
        for r in lrows:
            res = r["erf"]["f"].residual
            mono &= bool(np.all(np.diff(res) <= 1e-12))
            worst_ratio = max(worst_ratio, float(res.max() / res[0]))
    else:
        # one run with η above 2/τ²
        r = lrows[1]["erf"]
        run = tr.train(r["net0"], X, y, stmt.eta_factor / r["t2"], 60, "f")
        mono = bool(np.all(np.diff(run.residual) <= 1e-12))
        worst_ratio = float(run.residual.max() / run.residual[0])
    holds = init_ok and mono
    if not holds and j.holds is None and mono:
        holds = None
    return Outcome(holds, ["sweep", "fit", "optimizer"], len(rows) + len(lrows), None,
                   None if holds else {"fitted n-exponent of ||yhat^0 - y||^2": fit.exponent, "claimed": 2 * stmt.n_power,
                                       "monotone": mono, "max_t ||r^t||/||r^0||": worst_ratio},
                   fits=[fit],
                   notes=[f"(8.155): each f_θ⁰(xᵢ) = Θ(1), so ‖ŷ⁰ − y‖² ∝ n (fitted n^{fit.exponent:.3f}); (8.156): in "
                          f"every run (η = 0.9/τ²) the residual is non-increasing, max ‖rᵗ‖/‖r⁰‖ = {worst_ratio:.3f}",
                          describe(fit, sf) + "; " + j.reason], strength="sampled")


claim(
    id="eq:8.154",
    section=SEC,
    kind="inequality",
    title="‖ŷᵗ − y‖ ≤ O(√n) for all t (induction: (8.155) at t = 0, monotone decrease (8.156))",
    printed=r"\|\hat{y}^t - \bar{y}\|_2 \leq \mathcal{O}(\sqrt{n}),\quad \frac{1}{\sqrt{n}} \|\hat{y}^0 - \bar{y}\|_2 \leq O(1),\quad "
            r"\frac{1}{\sqrt{n}} \|\hat{y}^{t+1} - \bar{y}\|_2 \leq \frac{1}{\sqrt{n}} \|\hat{y}^t - \bar{y}\|_2",
    equations=["8.154", "8.155", "8.156"],
    statement=Induction154(),
    check=_check_8154,
    mutants=[Mutant("‖ŷ⁰ − y‖ = O(1)", Induction154(n_power=0.0)),
             Mutant("monotone also for η = 2.2/τ²", Induction154(eta_factor=2.2))],
    uses=["eq:8.150", "eq:8.141"],
    erratum=Erratum(
        printed=r"\frac{1}{\sqrt{n}} \|\hat{y}^0 - \bar{y}\|_2 \leq O(1) \text{ (because each element of } \hat{y} \text{ is of order 1)}",
        corrected=r"\text{under Theorem 8.33's corrected hypotheses } \|\hat{y}^0 - \vec{y}\|_2 \leq C\sqrt{n},\ "
                  r"\beta n/\sigma^2 \leq \tfrac{1}{32C},\ \text{GD (8.134) with } \eta \leq \tfrac{1}{2\tau^2}\text{: } "
                  r"\|\hat{y}^t - \vec{y}\|_2 \leq \|\hat{y}^0 - \vec{y}\|_2 \leq C\sqrt{n} \text{ for all } t \text{ (the "
                  r"first hypothesis holds for } f_{\theta^0} \equiv 0 \text{ with } |y^{(i)}| \leq C\text{; it is not implied "
                  r"by } \beta/\sigma^2 \leq c_0/n\text{, and for the unscaled (8.78) at random initialisation it holds only "
                  r"with a probability that stays below 1 as } m \to \infty\text{)}",
        explanation="the base case (8.155) is asserted ('each element of ŷ is of order 1') but Theorem 8.33's hypotheses do "
                    "not give it: under §8.4.1's output scaling f = αf̄ the regime β/σ² ≤ c₀/n holds while ‖ŷ⁰ − y‖ = "
                    "Θ(α) (α·softplus neuron, α = 100: ‖ŷ⁰ − y‖ = α log 2 + 1 = 70.3 > 2√n = 2; the α = 10³ erf net with "
                    "random init: 904). The induction step (8.156) is fine; the base case must be a hypothesis of the "
                    "theorem (see thm:8.33's correction). The correction needs the theorem's regime and step as well "
                    "(second reader V4): with only ‖ŷ⁰ − y‖ ≤ C√n, f = θ + θ²/128, x = 1, y = 1000 (C = 1000, βn/σ² = "
                    "1/64, η = 1/2) has residuals −1000 → 1453.125 → 2.65·10⁵ → … (exact fractions); inside "
                    "βn/σ² ≤ 1/(32C) it is monotone. The bank's check reads C = 2 (c₀ = 1/64) and η = 0.5/τ²",
        corrected_statement=Induction154(residual_hyp=True),
    ),
    quantified=Quantified(NETS, _decide_154,
                          shapes=("initial-residual",), corrected_cls=NETS_RES),
    notes=["severity: hypothesis",
           "second reader W2 (2026-12-08), UNSURE: is a step bounded by τ at θ⁰ alone enough once Φ moves? τ is (8.116)'s, "
           "at θ⁰; inside the regime ‖Φᵗ − Φ⁰‖_op ≤ β√n‖Δθᵗ‖ ≤ β√n·8C√n/σ ≤ σ/4 ≤ τ/4 along the run, so η‖Φᵗ‖² ≤ "
           "(1/(2τ²))(5τ/4)² < 1 and the contraction holds at every step (the induction of Theorem 8.33's corrected proof, "
           "which V4 re-derived)",
           "attacks: GD (η = 0.5/τ²) on every bank network inside Theorem 8.33's regime; the O(√n) read as ≤ 2√n",
           "fits and runs; a proof would need a high-probability bound on |f_{θ⁰}(xᵢ)| (Gaussian tails, union "
           "over n) for (8.155) and the contraction eq:8.150 for (8.156), then induction on t"],
)


# --- (8.157)–(8.162) ------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Linear157:
    trend: str = "bounded"  # sup_t (1/√n)‖ΦΔθᵗ − ŷᵗ‖ against m: 'bounded' (O(1), printed) or 'grows'
    centred: bool = False  # the corrected form: (1/√n)‖ΦΔθᵗ − (ŷᵗ − ŷ⁰)‖ (Lemma 8.28 bounds f − f_θ⁰ − ΦΔθ, not f − ΦΔθ)
    residual_hyp: bool = False  # the corrected form's class: ‖ŷ⁰ − y‖ ≤ C√n (thm:8.33's correction)
    const: float = 1.0  # Lemma 8.28's constant: |f − g| ≤ const·(β/2)‖Δθ‖² (a mutant: ½)
    eta_factor: float = 0.5  # GD's step η = eta_factor/τ²: 'for all t' needs thm:8.33's η ≤ 1/τ² (a mutant: 3)


def _check_8157(stmt: Linear157, ctx) -> Outcome:
    seeds = _seeds(ctx, "lazy")
    per_seed, bound_ok, phi_theta0 = [], True, 0.0
    for sd in seeds:
        X, y, T, rows = lazy_runs(sd, ctx.profile.scale)
        vals = []
        for r in rows:
            e = r["erf"]
            net0, run = e["net0"], e["f"]
            lin = net0.jvp(X, run.theta - net0.theta)  # ΦΔθᵀ (= Φθᵀ here: Φθ⁰ = 0 for the symmetric init)
            gap = float(np.linalg.norm(lin - (run.outputs[-1] - (run.outputs[0] if stmt.centred else 0.0)))
                        / np.sqrt(len(y)))
            vals.append((r["m"], gap))
            # Lemma 8.28 at θᵀ: |f − g| ≤ (β/2)‖Δθ‖² per input
            bound_ok &= gap <= stmt.const * e["beta"] / 2 * float(run.dist[-1]) ** 2 * (1 + 1e-9)
            phi_theta0 = max(phi_theta0, float(np.linalg.norm(net0.jvp(X, net0.theta))))
        per_seed.append(vals)
    vals = per_seed[0]
    fit, _ = pooled_fit("(1/√n)‖ΦΔθᵀ − ŷᵀ‖", "m", curves(per_seed, lambda v: v[0], lambda v: v[1]), 0.0, "<=", seeds,
                        resolution=0.1)
    # O(1) in m: the exponent is at most 0; 'grows' only when the whole interval is above 0
    trend = "grows" if fit.interval[0] > 0 else "bounded"
    holds = bound_ok and trend == stmt.trend
    return _and_bank(Outcome(holds, ["optimizer", "fit"], len(vals), None,
                   None if holds else {"fitted m-exponent": fit.exponent, "claimed": stmt.trend}, fits=[fit],
                   notes=["(8.157) is Lemma 8.28 at θᵗ: |f_θᵗ − g_θᵗ| ≤ (β/2)‖θᵗ − θ⁰‖² per input (checked at θᵀ) — "
                          "it presupposes θᵗ ∈ B_θ⁰, the conclusion (8.165) being proved (the chapter calls the step "
                          "heuristic); it is O(1), in fact it shrinks with m "
                          f"(fitted m^{fit.exponent:.2f})",
                          "the printed Φθᵗ stands for ΦΔθᵗ = Φ(θᵗ − θ⁰); the two agree only when Φθ⁰ = 0 (true for the "
                          f"symmetric initialisation used here: ‖Φθ⁰‖ = {phi_theta0:.1e}), see eq:8.158"], strength="sampled"),
                     stmt, ctx, NS.decide_8157, "(1/√n)‖ΦΔθᵗ − ŷᵗ‖ along GD and Lemma 8.28 on (8.142)'s ball")


claim(
    id="eq:8.157",
    section=SEC,
    kind="inequality",
    title="(1/√n)‖Φθᵗ − ŷᵗ‖ ≤ O(1) by Lemma 8.28",
    printed=r"\frac{1}{\sqrt{n}} \|\Phi\theta^t - \hat{y}^t\|_2 \leq O(1)",
    equations=["8.157"],
    statement=Linear157("bounded"),
    check=_check_8157,
    mutants=[Mutant("it grows with m", Linear157("grows")),
             Mutant("Lemma 8.28 with β/4: |ΦΔθ − (f_θ − f_θ⁰)|ᵢ ≤ (β/4)‖Δθ‖²",
                    Linear157(centred=True, residual_hyp=True, const=0.5)),
             Mutant("the corrected form with no step condition (GD at η = 3/τ²; second reader S3)",
                    Linear157(centred=True, residual_hyp=True, eta_factor=3.0))],
    uses=["lemma:8.28", "eq:8.154"],
    erratum=Erratum(
        printed=r"\frac{1}{\sqrt{n}} \|\Phi\theta^t - \hat{y}^t\|_2 \leq O(1)",
        corrected=r"\text{if } \|\hat{y}^0 - \vec{y}\|_2 \leq C\sqrt{n} \text{ and } \beta n/\sigma^2 \leq c_0 = \tfrac{1}{32C}"
                  r"\text{ (thm:8.33's corrected hypotheses): } \frac{1}{\sqrt{n}} \|\Phi\Delta\theta^t - (\hat{y}^t - "
                  r"\hat{y}^0)\|_2 \leq \frac{\beta}{2}\|\Delta\theta^t\|_2^2 \leq \frac{\beta}{2}\Big(\frac{8C\sqrt{n}}"
                  r"{\sigma}\Big)^2 \leq C \text{ for all } t \text{ of GD (8.134) with } \eta \leq 1/\tau^2 \text{ (thm:8.33's "
                  r"step; } \hat{y}^0 = 0 \text{ for the symmetric initialisation)}",
        explanation="Lemma 8.28 bounds f_θ − g_θ with g_θ = f_θ⁰ + ΦΔθ, i.e. ΦΔθᵗ − (ŷᵗ − ŷ⁰), not ΦΔθᵗ − ŷᵗ: the printed "
                    "quantity carries ŷ⁰ = f_θ⁰(X), which Theorem 8.33's regime does not bound. At t = 0 it is exactly "
                    "(1/√n)‖ŷ⁰‖: α·softplus neuron (α = 100, θ⁰ = 0) 69.3, (8.78) erf m = 64 random init α = 10³ 451.9 "
                    "(both inside β·n/σ² ≤ 1/64), against the O(1) read with thm:8.33's C = 2 (GD η = 0.5/τ²: maxₜ 144 "
                    "and 452.7). Centred at ŷ⁰ the step is Lemma 8.28 per input; the O(1) then needs ‖Δθᵗ‖ ≤ 8C√n/σ "
                    "(eq:8.162 (ii), which needs ‖ŷ⁰ − y‖ ≤ C√n): without that hypothesis the centred gap of the "
                    "random-init α = 10³ net reaches 3.73 > 2 along GD, where θᵗ leaves the ball (8.142) (a reading, known to fail)",
        corrected_statement=Linear157(centred=True, residual_hyp=True),
    ),
    quantified=Quantified(NETS, NS.decide_8157, shapes=("initial-residual", "gd-converges"), corrected_cls=NETS_RES,
                          readings=(Reading("centred at ŷ⁰ but without ‖ŷ⁰ − y‖ ≤ C√n", Linear157(centred=True),
                                            expect=False),)),
    notes=["second reader S3 (2026-12-07, on the corrected form): 'for all t' needs a step size — f = θ + θ²/100, x = y = 1, "
           "θ⁰ = 0 (C = 1, σ = 1, β = 1/50) with GD at η = 3 has centred gap 4.77 > C at t = 4 (exact fractions); the "
           "corrected form now names thm:8.33's η ≤ 1/τ², and η = 3/τ² is a mutant decided on the network bank",
           "second reader R6 (2026-12-07): FALSE-VERIFIED on the printed form (α·softplus neuron: (1/√n)‖Φθ⁰ − ŷ⁰‖ = α log 2; "
           "along GD max|f − g| = 250, 2176, 21349 at α = 10², 10³, 10⁴); already an erratum on this branch with "
           "the same member and correction (‖ŷ⁰ − y‖ ≤ C√n, c₀ = 1/(32C), centred at ŷ⁰, bound C) — the reader's "
           "correction and this one agree (the reader's ŷ⁰ + ΦΔθᵗ reading is the centred form); nothing changed",
           "severity: hypothesis",
           "attacks: GD (η = 0.5/τ², t ≤ min(4000, thm:8.33's T)) on every bank network inside Theorem 8.33's regime, "
           "the O(1) read as ≤ C = 2 (thm:8.33's C); Lemma 8.28's link also at the adversarial points of (8.142)'s ball",
           "second reader (R6, 2026-12-07): eq:8.157 false as printed on the α-softplus neuron (α log 2 at t = 0) and the "
           "random-init α-scaled erf net, correction ŷ⁰ + ΦΔθᵗ under ‖ŷ⁰ − y‖ ≤ C√n with constant C; found independently "
           "by the bank attack (wip/attacks-833), the same erratum",
           "sampled at θᵀ; a proof would need Lemma 8.28 at every θᵗ and θᵗ ∈ B_{θ⁰} for all t, i.e. the "
           "induction of thm:8.33's proof"],
)


@dataclass(frozen=True)
class Centre158:
    centre: str = "theta"  # printed: ȳ = Φθ̂; corrected: ȳ = ΦΔθ̂ = Φ(θ̂ − θ⁰)
    sign: int = -1  # (1/√n)‖Φ(θᵗ − θ̂)‖ = (1/√n)‖ΦΔθᵗ + sign·y‖


def _check_8158(stmt: Centre158, ctx) -> Outcome:
    rng = ctx.rng("8.158")
    X, y = lazy_data(rng)
    worst, ce = 0.0, None
    for symmetric in (False, True):
        net0 = nn.init(64, X.shape[1], rng, "erf", symmetric=symmetric)
        K0 = net0.ntk(X)
        dhat = net0.grad_dot(X, np.linalg.solve(K0, y))  # Δθ̂ = Φ⁺y
        theta_hat = net0.theta + dhat
        th_t = net0.theta + 0.3 * rng.standard_normal(net0.p) / np.sqrt(net0.m)
        Phi = lambda v: net0.jvp(X, v)  # noqa: E731
        lhs = float(np.linalg.norm(Phi(th_t - theta_hat)))
        if stmt.centre == "theta":
            rhs = float(np.linalg.norm(Phi(th_t) + stmt.sign * Phi(theta_hat)))  # ‖Φθᵗ − ȳ‖ with ȳ = Φθ̂
            ybar_gap = float(np.linalg.norm(Phi(theta_hat) - y))
        else:
            rhs = float(np.linalg.norm(Phi(th_t - net0.theta) + stmt.sign * y))
            ybar_gap = float(np.linalg.norm(Phi(dhat) - y))
        gap = max(abs(lhs - rhs), ybar_gap) / max(1.0, lhs)
        if gap > worst:
            worst = gap
            ce = {"initialisation": "symmetric" if symmetric else "independent a_i (8.81)",
                  "||Phi theta_hat - y|| (ybar = Phi theta_hat ?)" if stmt.centre == "theta" else "||Phi dtheta_hat - y||": ybar_gap,
                  "lhs": lhs, "rhs": rhs}
    ok = worst < 1e-9
    return _and_bank(Outcome(ok, ["sweep"], 2, -worst, None if ok else ce,
                             notes=["(8.159)–(8.161) are the triangle inequality; with ȳ = ΦΔθ̂ the chain bounds "
                                    "(1/√n)‖Φ(θᵗ − θ̂)‖ by (8.157) + (8.154) = O(1)"], strength="sampled"),
                     stmt, ctx, NS.decide_8158, "‖Φ(θᵗ − θ̂)‖ along GD, θ̂ = θ⁰ + Φ⁺y")


claim(
    id="eq:8.158",
    section=SEC,
    kind="identity",
    title="(1/√n)‖Φ(θᵗ − θ̂)‖ = (1/√n)‖Φθᵗ − ȳ‖ (ȳ = Φθ̂) ≤ … ≤ O(1)",
    printed=r"\frac{1}{\sqrt{n}} \|\Phi(\theta^t - \hat{\theta})\|_2 = \frac{1}{\sqrt{n}} \|\Phi\theta^t - \bar{y}\|_2 \quad "
            r"(\bar{y} = \Phi\hat{\theta}) \leq \ldots \leq O(1)",
    equations=["8.158", "8.159", "8.160", "8.161"],
    statement=Centre158("theta"),
    check=_check_8158,
    erratum=Erratum(
        printed=r"\bar{y} = \Phi\hat{\theta}",
        corrected=r"\bar{y} = \Phi\Delta\hat{\theta} = \Phi(\hat{\theta} - \theta^0),\ \text{so } \|\Phi(\theta^t - \hat{\theta})\|_2 "
                  r"= \|\Phi\Delta\theta^t - \bar{y}\|_2",
        explanation="Lemma 8.25 solves y = ΦΔθ̂ for the displacement Δθ̂ = θ̂ − θ⁰, so Φθ̂ = y + Φθ⁰; with θ⁰ ∼ N(0, I) "
                    "and independent signs aᵢ, Φθ⁰ ≠ 0 (for ReLU Φθ⁰ = f_θ⁰ by homogeneity). The identity holds when "
                    "Φθ⁰ = 0, e.g. for the symmetric initialisation (the two halves cancel). With θ read as Δθ the chain "
                    "(8.158)–(8.161) is right",
        corrected_statement=Centre158("delta"),
    ),
    erratum_equations=["8.158"],
    mutants=[Mutant("‖ΦΔθᵗ + y‖", Centre158("delta", sign=1))],
    uses=["eq:8.157", "lemma:8.25"],
    quantified=Quantified(NETS, NS.decide_8158, shapes=("gd-converges",)),
    notes=["attacks (verify.chapter8.ntk_steps): every bank network inside Theorem 8.33's regime, at points of (8.142)'s ball along adversarial directions and at the GD iterates (η = 0.5/τ²); printed ȳ = Φθ̂ = y falls to the random-init α = 10³ erf net (‖Φθ⁰‖ = 551); corrected held",
           "not an identity in the size: the printed chain is judged on a sweep of trained networks (sampled); "
           "a proof would need the bounds of Theorem 8.35's proof as exact inequalities",
           "sampled: a proof would follow θᵗ − θ̂ through the linear GD recursion (8.115) in closed form, (I − ηΦᵀΦ)ᵗ(θ⁰ − θ̂)"],
)


@dataclass(frozen=True)
class RowSpace162:
    project: bool = False  # printed: ‖θᵗ − θ̂‖ ≤ ‖Φ(θᵗ − θ̂)‖/σ; corrected: the row-space component only
    power: float = 1.0
    path_const: float | None = None  # corrected (ii): ‖θᵗ − θ⁰‖ ≤ path_const·‖ŷ⁰ − y‖/σ, so ‖θᵗ − θ̂‖ ≤ ‖Φ⁺y‖ + that
    regime_hyp: bool = True  # (ii) under thm:8.33's hypotheses (β·n/σ² ≤ c₀, so σ_min(Φˢ) ≥ σ/2 on the path)


PATH_MEMBERS = ("lintanh neuron f = 0.01θ + 0.99 tanh θ, θ⁰ = 0, y = 1.2", "(8.78) erf, m = 64, symmetric init, α = 1000",
                "(8.78) tanh, m = 128, symmetric init, α = 1000")


def _decide_162(stmt, member, ctx):
    if stmt.path_const is None:
        return _na_162("the printed row-space bound is decided on the runs (no path constant)")
    return decide_gd(stmt, member, ctx, "path")


def _na_162(why):
    return Outcome(None, ["adversary bank"], 0, notes=[why])


def _path_members(stmt, ctx) -> Outcome:
    """(ii) on bank members: the α-scaled nets inside thm:8.33's regime and the second reader's lintanh neuron
    (outside it: decided only when the statement drops the regime hypothesis)."""
    from numeric.adversaries import BANK, members

    members("network")
    outs = [(nm, _decide_162(stmt, BANK[nm], ctx)) for nm in PATH_MEMBERS]
    dec = [(nm, o) for nm, o in outs if o.holds is not None]
    holds = bool(dec) and all(o.holds for _, o in dec)
    return Outcome(holds, ["optimizer", "adversary bank"], len(dec), None,
                   None if holds else {nm: o.counterexample for nm, o in dec if not o.holds},
                   steps=[Step(nm, "GD η = 0.5/τ², 20000 steps", derived="; ".join(map(str, o.notes)),
                               holds=o.holds) for nm, o in outs], strength="sampled")


def _check_8162(stmt: RowSpace162, ctx) -> Outcome:
    X, y, T, rows = lazy_runs(_seed(ctx, "lazy"), ctx.profile.scale)
    worst, ce, k = np.inf, None, 0
    for r in rows:
        e = r["erf"]
        net0, run = e["net0"], e["f"]
        v = run.theta - (net0.theta + e["dhat"])  # θᵀ − θ̂
        Phiv = net0.jvp(X, v)
        sig = np.sqrt(e["s2"])
        if stmt.project:
            # the row-space component: Φᵀ(ΦΦᵀ)⁻¹Φv
            pv = net0.grad_dot(X, np.linalg.solve(net0.ntk(X), Phiv))
            lhs = float(np.linalg.norm(pv))
        else:
            lhs = float(np.linalg.norm(v))
        rhs = float(np.linalg.norm(Phiv)) / sig**stmt.power
        mrg = (rhs - lhs) / max(lhs, 1e-300)
        if stmt.path_const is not None:
            # (ii) the full distance, by the path length: ‖θᵗ − θ⁰‖ ≤ c‖r⁰‖/σ at every t, and the triangle inequality
            r0 = float(run.residual[0])
            cap = stmt.path_const * r0 / sig
            full = float(np.linalg.norm(v))
            dh = float(np.linalg.norm(e["dhat"]))
            m2 = min((cap - float(run.dist.max())) / cap, (dh + cap - full) / (dh + cap))
            if m2 < mrg:
                lhs, rhs = float(run.dist.max()), cap
            mrg = min(mrg, m2)
        k += 1
        if mrg < worst:
            worst = mrg
            ce = {"m": r["m"], "||theta^T - theta_hat||" if not stmt.project else "||P_row(theta^T - theta_hat)||": lhs,
                  "||Phi(theta^T - theta_hat)||/sigma^k": rhs, "k": stmt.power, "sigma": float(sig)}
    ok = worst >= -1e-9
    if stmt.project:
        # the corrected bound on arbitrary Φ (σ of any size) and arbitrary v
        @st.composite
        def inst(draw):
            Phi = draw(phi_matrices(full_rank=True, n_max=4, p_max=7))
            v = np.random.default_rng(draw(st.integers(0, 2**31 - 1))).standard_normal(Phi.shape[1])
            return Phi, v

        def margin(i):
            Phi, v = i
            sig = np.linalg.svd(Phi, compute_uv=False)[-1]
            pv = Phi.T @ np.linalg.solve(Phi @ Phi.T, Phi @ v)
            return (np.linalg.norm(Phi @ v) / sig**stmt.power - np.linalg.norm(pv)) / max(np.linalg.norm(pv), 1e-300)

        found = search(inst(), margin, ctx, name="8.162", tol=1e-9,
                       describe=lambda i: {"Phi": show_matrix(i[0]), "v": np.round(i[1], 6).tolist()})
        ok = ok and found.holds is True
        if found.holds is False:
            ce = found.counterexample
    runs = Outcome(ok, ["optimizer"], k, float(worst), None if ok else ce,
                   notes=["‖v‖ ≤ ‖Φv‖/σ holds only for v in the row space of Φ (p > n leaves a (p − n)-dimensional null "
                          "space where Φv = 0). Nonlinear GD moves along (Φᵗ)ᵀ(·), not Φᵀ(·), so θᵗ − θ̂ picks up a null-space "
                          "component; at the end of the runs it dominates",
                          "what remains true: the conclusion ‖θᵗ − θ̂‖ = O(√n/σ) (eq:8.164 checks ‖θᵗ − θ⁰‖ on the runs); "
                          "a proof bounds the null-space drift separately, e.g. by the path length Σ η‖(Φᵗ)ᵀrᵗ‖"], strength="sampled")
    if stmt.path_const is None:
        return runs
    return all_of(runs, _path_members(stmt, ctx))


claim(
    id="eq:8.162",
    section=SEC,
    kind="inequality",
    title="‖θᵗ − θ̂‖ ≤ (1/σ)‖Φ(θᵗ − θ̂)‖ ≤ O(√n/σ)",
    printed=r"\|\theta^t - \hat{\theta}\|_2 \leq \frac{1}{\sigma} \|\Phi(\theta^t - \hat{\theta})\|_2 \leq O(\sqrt{n}/\sigma)",
    equations=["8.162"],
    statement=RowSpace162(False),
    check=_check_8162,
    erratum=Erratum(
        printed=r"\|\theta^t - \hat{\theta}\|_2 \leq \frac{1}{\sigma} \|\Phi(\theta^t - \hat{\theta})\|_2",
        corrected=r"\text{(i) } \|P_{\text{row}(\Phi)}(\theta^t - \hat{\theta})\|_2 \leq \frac{1}{\sigma} \|\Phi(\theta^t - "
                  r"\hat{\theta})\|_2\text{; (ii) under Theorem 8.33's hypotheses (} \beta/\sigma^2 \leq c_0/n,\ "
                  r"\eta \leq 1/(2\tau^2)\text{, so } \sigma_{\min}(\Phi^s) \geq \sigma/2 \text{ on the path): } "
                  r"\|\theta^t - \hat{\theta}\|_2 \leq \|\Phi^+\vec{y}\|_2 + \|\theta^t - \theta^0\|_2 "
                  r"\leq \|\Phi^+\vec{y}\|_2 + \frac{8\|\hat{y}^0 - \vec{y}\|_2}{\sigma} = O(\sqrt{n}/\sigma) \text{ when } "
                  r"\|\hat{y}^0 - \vec{y}\|_2 \leq C\sqrt{n}",
        explanation="σ = σ_min(Φ) bounds ‖Φv‖ ≥ σ‖v‖ only on the row space of Φ (n-dimensional inside ℝᵖ); θᵗ − θ̂ "
                    "has a null-space component because the GD steps lie in the row spaces of the changing Φᵗ. On "
                    "the runs ‖θᵀ − θ̂‖ exceeds ‖Φ(θᵀ − θ̂)‖/σ. The projected bound (i) alone is too weak for (8.164), "
                    "which needs the full ‖θᵗ − θ̂‖ (second reader); (ii) bounds it by the path length: with σ_min(Φˢ) "
                    "≥ σ/2 on the path and a descent step ‖rₛ₊₁‖² ≤ ‖rₛ‖² − (η/2)‖(Φˢ)ᵀrₛ‖² (small η), "
                    "‖rₛ‖ − ‖rₛ₊₁‖ ≥ (η/4)‖(Φˢ)ᵀrₛ‖²/‖rₛ‖ ≥ (ησ/8)‖(Φˢ)ᵀrₛ‖, so Σₛ η‖(Φˢ)ᵀrₛ‖ ≤ 8‖r⁰‖/σ "
                    "(Oymak–Soltanolkotabi's 4‖r⁰‖/α with α = σ/2), without the condition number. The constant is 8, "
                    "not the 4 of the first correction (which the argument does not prove; gradient flow gives 2), and "
                    "σ_min(Φˢ) ≥ σ/2 on the path needs Theorem 8.33's regime: with only ‖r⁰‖ ≤ C√n the second reader's "
                    "f = 0.01θ + 0.99 tanh θ, θ⁰ = 0, y = 1.2 (σ = 1, β·n/σ² = 0.76) runs to θ ≈ 21 against 8·1.2 = 9.6 "
                    "(bank member; the reading without the regime is attacked and known to fail). With 8, (ii) fits "
                    "inside (8.142) when c₀ = 1/(32C) (thm:8.33)",
        corrected_statement=RowSpace162(True, path_const=8.0),
    ),
    quantified=Quantified(NETS, _decide_162, shapes=("gd-converges", "initial-residual"), corrected_cls=NETS_RES,
                          readings=(Reading("(ii) with ‖ŷ⁰ − y‖ ≤ C√n only (no β·n/σ² ≤ c₀)",
                                            RowSpace162(True, path_const=8.0, regime_hyp=False), expect=False,
                                            cls=NETS_RES),)),
    mutants=[Mutant("(ii) without thm:8.33's regime (only ‖ŷ⁰ − y‖ ≤ C√n)", RowSpace162(True, path_const=8.0, regime_hyp=False)),
             Mutant("row-space bound with 1/σ²", RowSpace162(True, 2.0)),
             Mutant("(ii) with ‖θᵗ − θ⁰‖ ≤ ¼‖ŷ⁰ − y‖/σ", RowSpace162(True, path_const=0.25))],
    uses=["eq:8.158", "eq:8.117"],
    notes=["severity: formula",
           "(ii) checked on the erf runs (n = 6, widths 64 … 4096, outside the regime: illustration) and decided on "
           "the bank's α = 10³ erf/tanh nets inside it: max_t ‖θᵗ − θ⁰‖ and ‖θᵀ − θ̂‖ against 8‖r⁰‖/σ and "
           "‖Φ⁺y‖ + 8‖r⁰‖/σ; with ‖r⁰‖ ≤ C√n (thm:8.33's corrected hypothesis) it is the O(√n/σ) that eq:8.164 uses",
           "a proof of the surviving conclusion would need a bound on the null-space drift of θᵗ − θ̂, e.g. the "
           "path length Σₜ η‖(Φᵗ)ᵀrᵗ‖ ≤ η·maxₜ‖Φᵗ‖_op·Σₜ‖rᵗ‖ with ‖rᵗ‖ geometric (eq:8.150)"],
)


# --- (8.164)–(8.165) ---------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Radius165:
    trend: str = "bounded"  # max_t ‖θᵗ − θ⁰‖ against m: 'bounded' (Θ(1) = O(√n/σ)) or 'shrinks' (a mutant)
    residual_hyp: bool = False  # the corrected form: under ‖ŷ⁰ − y‖ ≤ C√n


def _check_8165(stmt: Radius165, ctx) -> Outcome:
    seeds = _seeds(ctx, "thm")
    runs = [theorem_runs(sd, ctx.profile.scale) for sd in seeds]
    X, y = runs[0][0], runs[0][1]
    table, ok, per_seed = [], True, []
    for r in (r for _, _, rows, _ in runs for r in rows):
        run = r["f"]
        dmax = float(run.dist.max())
        thhat = float(np.linalg.norm(r["dhat"]))
        tri = float(np.linalg.norm(run.theta - (r["net0"].theta + r["dhat"])))
        sig = np.sqrt(r["s2"])
        n = len(y)
        radius = sig / (4 * np.sqrt(n) * r["beta"])
        bound = 2 * np.sqrt(n) / sig  # ‖θ̂ − θ⁰‖ + ‖θᵗ − θ̂‖ ≤ 2√n·max|y|/σ
        row = {"m": r["m"], "max_t ||theta^t - theta^0||": round(dmax, 4), "2 sqrt(n)/sigma": round(bound, 3),
               "radius (8.142)": round(radius, 3), "regime": r["regime"],
               "triangle (8.164)": bool(float(run.dist[-1]) <= thhat + tri + 1e-12)}
        table.append(row)
        ok &= row["triangle (8.164)"] and dmax <= bound
        if r["regime"]:
            ok &= dmax <= radius and bound <= radius
    fit, sf = pooled_fit("max_t ‖θᵗ − θ⁰‖", "m", curves([rows for _, _, rows, _ in runs], lambda r: r["m"],
                                                        lambda r: float(r["f"].dist.max())), 0.0, "=", seeds,
                       resolution=0.1)
    # Θ(1) in m: exponent 0 inside the interval; 'shrinks' when the whole interval is below 0
    j = judge(fit, sf)
    trend = "shrinks" if fit.interval[1] < 0 else "bounded" if j.holds else None
    holds = ok and trend == stmt.trend
    if ok and trend is None:
        holds = None if j.holds is None else False
    return Outcome(holds, ["optimizer", "fit"], len(table), None, None if holds else {"runs": table, "fit": fit.exponent},
                   fits=[fit], steps=[Step("runs", "pair data, erf, η = 0.9/τ²", derived=table, holds=ok)],
                   notes=["O(√n/σ) ≤ σ/(4√nβ) is β/σ² ≤ 1/(4n·C²) with C the constant of the O (C = 2 here): the regime "
                          "rows have the whole trajectory inside the radius (8.142), which grows like √m while "
                          "‖θᵗ − θ⁰‖ stays Θ(1)", describe(fit, sf) + "; " + j.reason], strength="sampled")


claim(
    id="eq:8.164",
    section=SEC,
    kind="inequality",
    title="‖θᵗ − θ⁰‖ ≤ ‖θ̂ − θ⁰‖ + ‖θᵗ − θ̂‖ ≤ O(√n/σ) ≤ σ/(4√nβ)",
    printed=r"\|\theta^t - \theta^0\|_2 \leq \|\hat{\theta} - \theta^0\|_2 + \|\theta^t - \hat{\theta}\|_2 \leq "
            r"O\left(\frac{\sqrt{n}}{\sigma}\right) \leq \frac{\sigma}{4\sqrt{n}\beta}",
    equations=["8.164", "8.165"],
    statement=Radius165("bounded"),
    check=_check_8165,
    mutants=[Mutant("‖θᵗ − θ⁰‖ shrinks with m", Radius165("shrinks"))],
    uses=["eq:8.162", "eq:8.163", "eq:8.142"],
    erratum=Erratum(
        printed=r"\|\theta^t - \theta^0\|_2 \leq O\left(\frac{\sqrt{n}}{\sigma}\right) \leq \frac{\sigma}{4\sqrt{n}\beta}",
        corrected=r"\text{under } \|\hat{y}^0 - \vec{y}\|_2 \leq C\sqrt{n} \text{ and } \beta/\sigma^2 \leq c_0(C)/n: "
                  r"\|\theta^t - \theta^0\|_2 \leq O\left(\frac{C\sqrt{n}}{\sigma}\right) \leq \frac{\sigma}{4\sqrt{n}\beta} "
                  r"\text{ for all } t",
        explanation="the O(√n/σ) inherits (8.154)'s base case: with ‖ŷ⁰ − y‖ = Θ(α) (output scaling f = αf̄ with "
                    "f̄_θ⁰ ≠ 0) the displacement ‖Φ⁺(y − f_θ⁰)‖ ≈ ‖f̄_θ⁰‖/σ̄ does not shrink while β/σ² = O(1/α) is in the "
                    "regime, so θᵗ leaves the ball (8.142): α·softplus neuron α = 100, max ‖θᵗ − θ⁰‖ = 2.76 > σ/(4√nβ) = "
                    "0.5; erf net m = 64, random init, α = 10³: 1.38 > 0.30. It needs the initial residual O(√n) as a "
                    "hypothesis (thm:8.33's correction)",
        corrected_statement=Radius165("bounded", residual_hyp=True),
    ),
    quantified=Quantified(NETS, _decide_164,
                          shapes=("initial-residual", "gd-converges"), corrected_cls=NETS_RES),
    notes=["severity: hypothesis",
           "attacks: GD (η = 0.5/τ²) on every bank network inside Theorem 8.33's regime, max_t ‖θᵗ − θ⁰‖ against "
           "σ/(4√nβ) with the certified β",
           "fits over m; a proof would need eq:8.162's corrected bound and the regime condition β/σ² ≤ c₀/n with"
           " the O(·)'s constant made explicit"],
)


# --- lazy training against m and against α ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Lazy:
    lazy: bool = True  # relative movement, kernel change, f–g gap and ReLU flips all decay with m
    rel_power: float = -0.5  # ‖θᵀ − θ⁰‖/‖θ⁰‖ ∝ m^rel_power and maxᵢ‖wᵢᵀ − wᵢ⁰‖ = O(m^rel_power) (Θ(1) movement, ‖θ⁰‖ ∝ √m)
    total_shrinks: bool = False  # the reading 'the parameters change less': the total ‖θᵀ − θ⁰‖ shrinks with m (false)


@lru_cache(maxsize=None)
def erf_slope_sup() -> sp.Expr:
    """sup_z |σ'(z)| for the chapter's erf activation σ = (√π/2)·erf (SymPy: σ' = exp(−z²), maximal at z = 0)."""
    return sp.maximum(sp.Abs(S.derivative("erf", 1)), S.z, sp.Reals)


def neuron_move_bound(X: np.ndarray, net0, run, L: float) -> float:
    """The per-run bound on maxᵢ‖wᵢᵀ − wᵢ⁰‖ from the GD update (8.134) on ½‖f_θ(X) − y‖² alone.

    f_θ(x) = (α/√m)Σᵢ aᵢσ(wᵢᵀx), so ∇_{wᵢ} = (α/√m)·aᵢ·Xᵀ(σ'(Xwᵢ) ∘ rᵗ) and ‖∇_{wᵢ}‖ ≤ (α/√m)|aᵢ|·L·‖X‖₂·‖rᵗ‖
    with L = sup|σ'|; summing the T steps, ‖wᵢᵀ − wᵢ⁰‖ ≤ η(α/√m)·maxᵢ|aᵢ|·L·‖X‖₂·Σ_{t<T}‖rᵗ‖ for every i."""
    steps = len(run.residual) - 1  # the residual is recorded at θ⁰ … θᵀ; the T steps use rᵗ, t < T
    return float(run.eta * net0.scale / np.sqrt(net0.m) * np.max(np.abs(net0.a)) * L * np.linalg.norm(X, 2)
                 * np.sum(run.residual[:steps]))


def _check_lazy(stmt: Lazy, ctx) -> Outcome:
    """The pooled sweep (_check_lazy_sweep) and the same statement on every bank network's width family
    (verify.chapter8.lazy_attacks, the attacks' decision: the mutants meet the bank too)."""
    from verify.chapter8.lazy_attacks import decide_lazy_width

    return _and_bank(_check_lazy_sweep(stmt, ctx), stmt, ctx, decide_lazy_width,
                     "lazy training on the member's width family (64 … 4096)")


def _check_lazy_sweep(stmt: Lazy, ctx) -> Outcome:
    seeds = _seeds(ctx, "lazy")
    runs = [lazy_runs(sd, ctx.profile.scale) for sd in seeds]
    X, y, T, rows = runs[0]
    ms = [r["m"] for r in rows]
    # maxᵢ‖wᵢᵀ − wᵢ⁰‖ is decided by a bound derived from the update, not by its own fitted exponent: the measured max
    # over m neurons of a bounded per-neuron factor nears its supremum slowly (like m^(−2/d), d = 8), so its slope
    # reads ≈ −0.47 at widths 64 … 4096 and 4 widths cannot separate that correction from b (ci seeds 9, 18, 19 left
    # the verdict; a declared s = −1/4 gave intervals like [−5, 4]). The chapter states no exponent for the max:
    # 'the parameters move Θ(1) while ‖θ⁰‖ ∝ √m, so every neuron moves O(1/√m)'. The bound holds on every run (checked),
    # and O(1/√m) is read as its exponent ≤ −1/2 (±δ: the −1/4 mutant refuted). Its finite-width correction is not
    # declared: with the declared c/√m the model's interval (e.g. [−1.26, 0.37], ci seed 1) held the −1/4 mutant at 6
    # of 20 seeds; the plain fit, whose correction the judge tests, decides at all 20.
    L = float(erf_slope_sup())
    bound_ok, worst, per_seed = True, 0.0, []
    for Xs, _, _, rs in runs:
        rows_b = []
        for r in rs:
            b = neuron_move_bound(Xs, r["erf"]["net0"], r["erf"]["f"], L)
            worst = max(worst, r["erf"]["neuron_move"] / b)
            bound_ok &= r["erf"]["neuron_move"] <= b * (1 + 1e-9)
            rows_b.append({**r, "neuron_bound": b})  # the cached rows are not modified
        per_seed.append(rows_b)
    q = {
        ("‖θᵀ − θ⁰‖/‖θ⁰‖ (erf)", stmt.rel_power, "="): lambda r: r["erf"]["rel_change"],
        ("bound η(α/√m)·max|aᵢ|·sup|σ'|·‖X‖₂·Σₜ‖rᵗ‖ ≥ maxᵢ‖wᵢᵀ − wᵢ⁰‖ (erf)", stmt.rel_power, "<="):
            lambda r: r["neuron_bound"],
        ("maxᵢ‖wᵢᵀ − wᵢ⁰‖ (erf, measured)", None, "="): lambda r: r["erf"]["neuron_move"],
        ("‖Φᵀ(Φᵀ)ᵀ − ΦΦᵀ‖/‖ΦΦᵀ‖ (erf)", None, "="): lambda r: r["erf"]["kernel_change"],
        ("max_t ‖f_θᵗ(X) − g_θᵗ(X)‖∞ (erf, same start)", None, "="): lambda r: r["erf"]["gap"],
        ("ReLU activation patterns changed (fraction)", -0.5, "="): lambda r: float(r["relu"]["f"].flips[-1]),
        ("‖θᵀ − θ⁰‖ (erf)", 0.0, "="): lambda r: float(r["erf"]["f"].dist[-1]),
    }
    # The finite-width form declared before the fit for the two fits whose theory value the verdict reads as an
    # exponent of a norm ratio: ‖θᵀ − θ⁰‖ = D(K_m) with the width-m kernel K_m = K∞ + O(1/√m) (a sum of m i.i.d.
    # neurons), and ‖θ⁰‖ = √(pm)·(1 + O(1/√m)), so both are C·m^b·(1 + c/√m + …), c per draw. Near-noiseless runs
    # made the plain log-log interval narrower than that bias (ci seed 19: m^-0.507 [-0.515, -0.500]; seed 12: the
    # total ‖θᵀ − θ⁰‖ at m^-0.010 [-0.019, -0.002]).
    bound_name = "bound η(α/√m)·max|aᵢ|·sup|σ'|·‖X‖₂·Σₜ‖rᵗ‖ ≥ maxᵢ‖wᵢᵀ − wᵢ⁰‖ (erf)"
    corrections = {"‖θᵀ − θ⁰‖/‖θ⁰‖ (erf)": -0.5, "‖θᵀ − θ⁰‖ (erf)": -0.5}
    fits, decays, reasons, rel = [], [], [], []
    for (name, theory, relation), get in q.items():
        f, sf = pooled_fit(name, "m", curves(per_seed, lambda r: r["m"], get), theory, relation, seeds,
                           resolution=0.35 if name.startswith("ReLU") else 0.25,  # ci seeds 0–19: 4 widths
                           correction=corrections.get(name))
        fits.append(f)
        if theory != 0.0:
            decays.append(f.interval[1] < 0)  # shrinks with m: the whole pooled interval below 0
        if name in ("‖θᵀ − θ⁰‖/‖θ⁰‖ (erf)", bound_name):
            rel.append(judge(f, sf))
        reasons.append(describe(f, sf))
    bound_reason = (f"maxᵢ‖wᵢᵀ − wᵢ⁰‖ ≤ the bound on every run ({len(runs)} seeds × {len(ms)} widths): {bound_ok} "
                    f"(largest ratio {worst:.3f}; sup|σ'| = {erf_slope_sup()} by SymPy)")
    dist_fit, dist_sf = fits[-1], sf
    jd = judge(dist_fit, dist_sf)
    rel_ok = combine(rel)
    if rel_ok is True and not bound_ok:  # a bound the runs break certifies nothing (a bug in its derivation)
        rel_ok = None
    if stmt.lazy and rel_ok is not True:  # the rate of the relative movement is part of the statement
        return Outcome(rel_ok, ["optimizer", "fit"], len(rows) * 3, None,
                       None if rel_ok else {"claimed power of m": stmt.rel_power, "fits": reasons[:2]}, fits=fits,
                       notes=[j.reason for j in rel] + [bound_reason], strength="sampled")
    if stmt.total_shrinks:  # the total displacement tends to ‖Φ⁺y‖ → √(yᵀK∞⁻¹y): it does not shrink
        # 'shrinks with m' is a rate, read at the fit's declared resolution δ: the exponent is ≤ −δ (the Θ(1) fit's
        # own −δ mutant, README "Rates and seeds"). An interval just below 0 (a finite-width bias of ~0.01 with
        # near-noiseless runs, ci seeds 9, 12, 15, 18) is not a decay the sweep claims to detect.
        js = rejudge(dist_fit, -float(dist_fit.resolution), "<=")
        shrinks = js.holds
        return Outcome(shrinks, ["optimizer", "fit"], len(rows), None,
                       None if shrinks else {"fitted m-exponent of ||theta^T - theta^0||": round(dist_fit.exponent, 3),
                                             "interval": dist_fit.interval}, fits=[dist_fit],
                       notes=["the total displacement is Θ(1) in m: " + reasons[-1],
                              f"shrinks with m (exponent ≤ −{dist_fit.resolution:g}): {js.reason}"], strength="sampled")
    lazy = all(decays) and jd.holds is True
    not_lazy = not any(decays)
    holds = lazy if stmt.lazy else not_lazy
    if not lazy and not not_lazy:
        holds = None
    return Outcome(holds, ["optimizer", "fit"], len(rows) * 3, None,
                   None if holds else {f.quantity: round(f.exponent, 3) for f in fits}, fits=fits,
                   notes=[f"n = 6, d = 8, {T} GD steps at η = 0.9/τ² from the symmetric initialisation, widths {ms}: the "
                          "parameters move Θ(1) in norm (the interpolant's √(yᵀK⁻¹y)) while ‖θ⁰‖ ∝ √m, so every neuron "
                          "moves O(1/√m); the kernel, the ReLU patterns and the gap between f and its linearisation "
                          "shrink with m — lazy training",
                          "the f–g gap and the kernel change decay faster than m^(−1/2) here: with the symmetric "
                          "initialisation the second-order terms of paired neurons cancel"] + reasons + [bound_reason,
                                                                                                      jd.reason],
                   strength="sampled")


def _decide_lazy_width(stmt, member, ctx):
    from verify.chapter8.lazy_attacks import decide_lazy_width

    return decide_lazy_width(stmt, member, ctx)


claim(
    id="sec:8.4.2:lazy-training",
    section=SEC,
    kind="asymptotic",
    title="Lazy training: per-neuron and relative parameter change, kernel, activation patterns and f − g shrink as m "
          "grows; the total ‖θ − θ⁰‖ stays O(√n/σ) (does not shrink with m)",
    printed=r"\text{optimizing } \hat{L}(f_\theta) \text{ is similar to optimizing } \hat{L}(g_\theta) \text{ and does not leave } "
            r"B(\theta^0)",
    statement=Lazy(True),
    check=_check_lazy,
    mutants=[Mutant("no laziness (nothing shrinks with m)", Lazy(False)),
             Mutant("the relative movement falls like 1/m", Lazy(True, rel_power=-1.0)),
             Mutant("'parameters change less': the total ‖θᵀ − θ⁰‖ shrinks with m", Lazy(True, total_shrinks=True))],
    quantified=Quantified(NETS, _decide_lazy_width),
    uses=["thm:8.33", "eq:8.102"],
    notes=["attacked by every bank network with a width to grow (verify.chapter8.lazy_attacks): the member's recipe "
           "(activation, random or symmetric initialisation, seed, α, data) drawn at m = 64, 256, 1024, 4096 and trained "
           "by GD (8.134), η = 0.9/τ², and its linearisation from the same start; read by slopes in log m against "
           "δ = 1/4: the relative movement ∝ m^(−1/2), the kernel change, the f–g gap and the path length in units of "
           "(8.142)'s radius σ/(4√nβ) shrink, the total movement does not. Held on every widenable member, random "
           "initialisation (f_θ⁰ ≠ 0) and α = 10³ included (the residual is Θ(α) there, the path Θ(1), the ball "
           "Θ(√m)); the identity network is lazy trivially (kernel change and gap 0 at every width); single-neuron "
           "models (α·softplus, Φ = I_n, lintanh) are n/a (no width). The three mutants fall on every widenable member",
           "second reader R6 (2026-12-07): LOOSE: 'the total ‖θ − θ⁰‖ stays Θ(√n/σ)' — only the upper half O(√n/σ) holds; the "
           "displacement is ≈ ‖Φ⁺r⁰‖ ∈ [‖r⁰‖/τ, ‖r⁰‖/σ] (exact member: Φ = [[1, 0], [1, δ]], y = (1, 1), f_θ⁰ = 0: "
           "min-norm displacement (1, 0), norm 1, while √n/σ = 2000.0 at δ = 10⁻³). The title said Θ; it now says O "
           "(and 'does not shrink with m', which is what the check tests: n and the data fixed, r⁰ ≠ 0)",
           "second reader R6 (2026-12-07): the sentence this claim's paragraph ends with, 'optimizing f_θ and optimization g_θ yields the "
           "same results under *any* regime', is false read literally: α·softplus neuron (x = 1, y = −1, θ⁰ = 0, α = 100, "
           "β/σ² = 1/α, inside β/σ² ≤ c₀/n), 20000 GD steps η = 0.5/σ²: L̂(g) → 0 at θ_g = −2(1 + α log 2)/α = −1.40629, "
           "while L̂(f) = 1.3667 and inf L̂(f) = 1 (softplus > 0, not attained). It holds only under thm:8.33's corrected "
           "hypotheses (‖ŷ⁰ − y‖ ≤ C√n, e.g. f_θ⁰ ≡ 0); the chapter presumably means 'in some regime'. This claim (and "
           "thm:8.33's erratum) is read with f_θ⁰ ≡ 0 (the check's symmetric initialisation)",
           "the reading 'the parameters change less' is precise only per neuron and relative to ‖θ⁰‖ ∝ √m: the total "
           "displacement ‖θᵀ − θ⁰‖ tends to ‖Φ⁺y‖ → √(yᵀK∞⁻¹y) and does not shrink (reviewer: 5.02, 4.70, 4.87 at 2m = "
           "50, 500, 5000); that reading is a mutant the check kills",
           "empirical fits; a proof would need thm:8.33's ingredients (the trajectory stays within O(√n/σ) of θ⁰"
           " while ‖θ⁰‖ ∝ √m, and ‖Φᵗ − Φ‖_F ≤ √n·β‖θᵗ − θ⁰‖) with probability over θ⁰"],
)


@dataclass(frozen=True)
class AlphaLazy:
    exponent: float = -1.0  # ‖θᵀ − θ⁰‖ ∝ α^exponent
    assumes: str = "printed"  # corrected: f̄_θ⁰ = 0 on the data, σ̄ > 0, β̄ < ∞
    # GD (8.134) with η = c/(α²τ̄²), τ̄² = λ_max(Φ̄Φ̄ᵀ) at θ⁰, for every c ∈ (0, c_max]; None: 'η ∝ 1/α²' with no
    # constant named (every c > 0). The printed form names no step: the suite's runs use c = 0.9.
    c_max: float | None = 0.9


LAZY_ASSUMES = "f̄_θ⁰ = 0, σ̄ > 0, β̄ < ∞"


def _linear_alpha_part(stmt: AlphaLazy) -> Outcome:
    """The chapter's own linear model ḡ_θ = θx of (8.75)/(8.77), (x, y) = (1, 1), θ⁰ = 0 (τ̄ = σ̄ = 1, f̄_θ⁰ = 0): GD
    (8.134) θ ← θ − ηα(αθ − 1) with η = c/α² is, in u = αθ, u ← u − c(u − 1) for every α, so u_t = 1 − (1 − c)^t
    (SymPy: the closed form solves the recursion) and sup_t‖θ_t − θ⁰‖ = sup_t|1 − (1 − c)^t|/α: exactly ∝ 1/α when
    |1 − c| ≤ 1, unbounded in t at every α when c > 2. Decided for the statement's largest c (c = 3 when it names
    none), exactly; the witness's iterates at α = 10, 100, 1000 in rationals."""
    from fractions import Fraction as Fr

    a_, c_, th_, t_ = sp.Symbol("alpha", positive=True), sp.Symbol("c", positive=True), sp.Symbol("theta"), \
        sp.Symbol("t", integer=True, nonnegative=True)
    step = sp.expand(a_ * (th_ - (c_ / a_**2) * a_ * (a_ * th_ - 1)))  # α·θ_{t+1} in terms of θ_t
    u = sp.Symbol("u")
    rec = sp.expand(step.subs(th_, u / a_))  # u_{t+1} as a function of u_t: no α left
    closed = 1 - (1 - c_) ** t_
    rec_ok = not rec.has(a_) and sp.simplify(rec.subs(u, closed) - (1 - (1 - c_) ** (t_ + 1))) == 0
    cw = sp.Integer(3) if stmt.c_max is None else sp.nsimplify(stmt.c_max)
    bounded = bool(sp.Abs(1 - cw) <= 1)
    rate_ok = stmt.exponent == -1.0  # sup_t|θ_t − θ⁰| = sup_t|u_t|/α, and sup_t|u_t| is free of α
    holds = rec_ok and bounded and rate_ok
    steps = [Step("GD (8.134) on αḡ = αθ, η = c/α², in u = αθ", "u_{t+1} = u_t − c(u_t − 1), free of α", derived=rec,
                  holds=rec_ok),
             Step("closed form", "u_t = 1 − (1 − c)^t", derived=closed, holds=rec_ok),
             Step(f"c = {cw}", "sup_t |u_t| < ∞ ⟺ |1 − c| ≤ 1", derived=sp.Abs(1 - cw), holds=bounded)]
    ce = None
    if not holds:
        ce = {"model": "θx, (x, y) = (1, 1), θ⁰ = 0 (σ̄ = τ̄ = 1, β̄ = 0, f̄_θ⁰ = 0)", "eta": f"{cw}/α²",
              "closed form": f"αθ_t = {sp.simplify(closed.subs(c_, cw))}", "claimed exponent": stmt.exponent}
        if not bounded:
            for al in (10, 100, 1000):
                th = Fr(0)
                eta = Fr(str(cw)) / al**2
                for _ in range(30):
                    th = th - eta * al * (al * th - 1)
                ce[f"alpha*theta_30 at alpha = {al}"] = str(al * th)
    return Outcome(holds, ["symbolic"], 1, None, ce, steps=steps,
                   notes=[f"linear part (the chapter's ḡ = θ): αθ_t = 1 − (1 − c)^t at every α (SymPy); "
                          f"c = {cw}: sup_t|αθ_t| {'≤ 2' if bounded else '= ∞'}"], strength="proved")


def _check_alpha(stmt: AlphaLazy, ctx) -> Outcome:
    seeds = _seeds(ctx, "alpha")
    runs = [alpha_runs(sd, ctx.profile.scale) for sd in seeds]
    rows, T = runs[0]
    by_seed = [r for r, _ in runs]

    def fit(name, key, theory, correction=None):
        return pooled_fit(name, "α", curves(by_seed, lambda r: r["alpha"], lambda r: r[key]), theory, "=", seeds,
                          resolution=0.05, correction=correction)

    # The distance's finite-α form, declared before the fit: ‖θᵗ − θ⁰‖ = (D/α)(1 + c/α² + …). The linearised run g
    # travels exactly D/α (η ∝ α⁻² makes α·(θ_g − θ⁰) the same recursion for every α), and f departs from g at
    # second order in the displacement, whose first (1/α) term cancels between the two copies of each neuron of the
    # symmetric initialisation — the same cancellation that makes the kernel change and the f–g gap fall like α⁻²
    # (fitted below). The plain power law reads that bend as an exponent −1.0007 ± 0.0006 (ci seeds 0–19 refuted
    # or not at random); a 1/α model is the wrong form and overshoots to −0.9997.
    fd, sfd = fit("max_t ‖θᵗ − θ⁰‖ for f = αf̄", "dist", stmt.exponent, correction=-2.0)
    fk, _ = fit("relative kernel change", "kernel_change", None)
    fg, _ = fit("max_t ‖f_θᵗ − g_θᵗ‖∞", "gap", None)
    fr, _ = fit("β/σ²", "beta_over_s2", -1.0)
    conv = all(r["final_loss"] < 1e-2 for rs in by_seed for r in rs)
    jd = judge(fd, sfd)
    holds = jd.holds if conv or jd.holds is False else None
    net = Outcome(holds, ["optimizer", "fit"], len(rows), None,
                  None if holds else {"fitted exponent": fd.exponent, "claimed": stmt.exponent}, fits=[fd, fk, fg, fr],
                  notes=[f"erf network m = 256, symmetric initialisation (f_θ⁰ = 0 so α does not scale the initial "
                         f"output), η = 0.9/τ²(α) ∝ α⁻², {T} steps: the runs reach the same loss for every α while the "
                         "distance travelled falls like 1/α — (8.73)'s β/σ² ∝ 1/α in action",
                         f"the relative kernel change (α^{fk.exponent:.2f}) and the f–g gap (α^{fg.exponent:.2f}) fall faster "
                         "than 1/α: with the symmetric initialisation the two copies of a neuron move in opposite "
                         "directions, so the first-order kernel change and the second-order Taylor term cancel in pairs",
                         "the distance is read on its declared finite-α form C·α^b·(1 + c/α²) (the 1/α term cancels "
                         "in the symmetric pairs; the linearised run travels exactly D/α)",
                         describe(fd, sfd) + "; " + jd.reason] + [f"α = {r['alpha']:g}: final L̂ = {r['final_loss']:.2e}" for r in rows], strength="sampled")
    return all_of(_linear_alpha_part(stmt), net)


claim(
    id="sec:8.4.1:alpha-training",
    section="8.4.1",
    kind="asymptotic",
    title="Training f = αf̄: the parameters move ∝ 1/α (lazy for large α)",
    printed=r"\frac{\beta}{\sigma^2} = \frac{\bar{\beta}}{\bar{\sigma}^2} \cdot \frac{1}{\alpha} \rightarrow 0 \text{ (trained)}",
    statement=AlphaLazy(-1.0),
    check=_check_alpha,
    erratum=Erratum(
        printed=r"\text{training } \alpha\bar{f}_\theta \text{ moves } \theta \text{ by } O(1/\alpha)",
        corrected=r"\text{training } \alpha\bar{f}_\theta \text{ moves } \theta \text{ by } O(1/\alpha) "
                  r"\text{ when } \bar{f}_{\theta^0} = 0 \text{ on the data}, \bar{\sigma} > 0, \bar{\beta} < \infty "
                  r"\text{ (locally), square loss, GD (8.134) with } \eta = \frac{c}{\alpha^2\bar{\tau}^2},\ "
                  r"c \in (0, 1] \text{ fixed } (\eta \leq 1/\tau^2 \text{ of (8.118)}, \tau = \alpha\bar{\tau}, "
                  r"\bar{\tau}^2 = \lambda_{\max}(\bar{\Phi}\bar{\Phi}^\top)),\ \alpha \geq \alpha_0(\bar{f}, "
                  r"\text{data}) \text{ (or gradient flow)}",
        explanation="severity: hypothesis. With f̄_θ⁰ ≠ 0 the scaled initial output αf̄_θ⁰ grows with α and training "
                    "must undo it: for f̄ = 1/2 + θ + θ²/10 (σ̄ = 1, β̄ = 1/5, so β/σ² = 0.2/α → 0) GD moves θ by ≈ 0.53 "
                    "at α = 10, 100 and 1000; with σ̄ = 0 (f̄ = θ²) GD never leaves θ⁰. The chapter's own runs use the "
                    "symmetric initialisation (f_θ⁰ ≡ 0), where the 1/α law holds. Second reader (independent): confirmed — "
                    "f̄ = xθ², θ⁰ = 1 travels 1 − α^{−1/2} → 1 exactly, and a random-init tanh net levels off at 0.418 "
                    "while its paired init gives α·distance → 11.74; the corrected form held on θ + 2θ², θ₁θ₂x, paired "
                    "nets and a deep linear θ₁θ₂θ₃x, and fails when a hypothesis goes: σ̄ = 0 (θ₁θ₂x from 0 never moves; "
                    "an n = 2 model moves by 1), a kink at θ⁰ (the correction is Θ(1/α)), a fixed η or η ∝ 1/α "
                    "(divergence for α ≥ 4, resp. 100), the logistic loss (unbounded movement) — so the step size and "
                    "the loss are in the correction too. Second reader R5 (2026-12-07): 'η ∝ 1/α²' names no constant, "
                    "and the constant decides — f̄ = θx, θ⁰ = 0, (x, y) = (1, 1) meets every other hypothesis and η = "
                    "3/α² gives αθ_t = 1 − (−2)^t exactly at every α (any c > 2 diverges): the step is now the chapter's "
                    "η ≤ 1/τ² of (8.118) with τ = ατ̄, i.e. η = c/(α²τ̄²) with a fixed c ∈ (0, 1]. Every fixed c < 2 "
                    "works once α ≥ α₀(c), but α₀ blows up as c → 2 (θ + 2θ², c = 1.9: a 2-cycle, residual 1.6 and 2.3 "
                    "at α = 10 and 100, converged at α = 1000; the local τ² at the minimiser, α²(1 + 4θ*)², exceeds "
                    "2/η until α ≳ 154)",
        corrected_statement=AlphaLazy(-1.0, LAZY_ASSUMES, c_max=1.0),
    ),
    quantified=Quantified(MODEL_ANY, decide_lazy, corrected_cls=MODEL_LAZY, shapes=("alpha-rate",)),
    # expected: erratum (implied). The printed form falls to the model bank (f̄_θ⁰ ≠ 0 moves θ by O(1); σ̄ = 0 never
    # leaves θ⁰: see the attacks); the corrected form's rate is verified on the declared form (1 + c/α²) at every ci
    # seed 0–19, ±δ refuted. It was declared inconclusive while the plain fit missed −1 by ~0.0007 (issue 19).
    mutants=[Mutant("the distance does not depend on α", AlphaLazy(0.0)),
             Mutant("the first correction: GD with η ∝ 1/α² (no constant named)", AlphaLazy(-1.0, LAZY_ASSUMES, c_max=None)),
             Mutant("η = 3/(α²τ̄²)", AlphaLazy(-1.0, LAZY_ASSUMES, c_max=3.0))],
    uses=["eq:8.73", "thm:8.33"],
    notes=["β̄ < ∞ (a global Lipschitz constant of ∇f̄) is sufficient, not necessary, for the corrected form: the "
           "argument only uses the Lipschitz constant of ∇f̄ on a fixed neighbourhood of θ⁰ (the trajectory stays "
           "within O(1/α) of it), so a locally Lipschitz gradient suffices, e.g. f̄ = θ₂·tanh(θ₁x) with θ₂⁰ ≠ 0 (second "
           "reader, WEAK; the statement is left as it is). σ̄ > 0 is necessary: f̄(x₁) = θ₁ + θ₂, f̄(x₂) = θ₁ + θ₂ + θ₂³ at "
           "θ⁰ = 0 (σ̄ = 0), y = (0, 1) has its nearest zero-loss point at θ₂ = α^(−1/3) ≫ 1/α (analytic, not run)",
           "second reader R5 (2026-12-07): CORRECTION-FALSE — 'GD with η ∝ 1/α²' names no constant; θx with η = "
           "3/α² has αθ_t = 1 − (−2)^t (exact, reproduced: αθ_30 = −1073741823 at α = 10, 100, 1000). The corrected "
           "form now fixes η = c/(α²τ̄²), c ∈ (0, 1], α ≥ α₀; θx, θ + 2θ² and 1/2 + θ + θ² joined the model bank, the "
           "first correction is a mutant the check kills exactly (the chapter's ḡ = θ: αθ_t = 1 − (1 − c)^t), and the "
           "attacks run GD at the statement's largest c (argument 'step-constant')",
           "sampled runs and fits; a proof would need the linear-model computation (for g_θ the interpolant "
           "reached is Φ⁺y/α, so ‖Δθ‖ ∝ 1/α) plus a bound on the f − g gap along the trajectory, as in Chizat et"
           " al. 2019's lazy-training theorem"],
)
