"""Footnote 2 given a precise reading: for the ReLU network (8.78) the linearisation error is controlled by the
neurons whose sign flips, and is second order in Δθ with the 1/√m of (8.102) in expectation over the
initialisation — the 'modified notion of Lipschitzness' — though not for every initialisation, and only for Δθ
chosen independently of θ⁰: over the ball (Lemma 8.28's (8.70) role) the gap is Θ(‖x‖r^(4/3)m^(−1/6)) (kind 'sup').

Per neuron, relu(u + δ) − relu(u) − 1[u > 0]δ vanishes unless the sign flips, and then has size ≤ |δ|; a flip
needs |u| ≤ |δ|.  With u = wᵢ⁰ᵀx ∼ N(0, ‖x‖²) and δ = Δwᵢᵀx fixed, P(|u| ≤ |δ|) ≤ 2|δ|/(√(2π)‖x‖), so
E|f_θ(x) − g_θ(x)| ≤ √(2/π)·‖x‖·‖Δθ‖²/√m.  The network is numeric.chapter8.ntk.TwoLayer (act 'relu', σ'(0) = 0).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numeric.chapter8 import ntk as N
from numeric.chapter8.sweeps import ntk_basics as SB
from verify.chapter8.claims.ntk_classes import DATA_ANY
from verify.chapter8.relu_attacks import decide_relu
from verify.engine.attacks import Quantified, Reading
from verify.engine.claim import Erratum, Mutant, Outcome, Step
from verify.engine.registry import claim


@dataclass(frozen=True)
class ReluGap:
    """``kind``: 'flips' — |f − g| ≤ (1/√m)Σᵢ|δᵢ|·1[|uᵢ| ≤ |δᵢ|] for every initialisation; 'expected' — the mean of
    |f − g| over initialisations is ≤ c·‖x‖‖Δθ‖²/√m (c = √(2/π)); 'every-init' — that second-order bound holds for
    every initialisation; 'linear' — f = g (no flip term)."""

    kind: str = "flips"
    c: float = float(np.sqrt(2 / np.pi))
    m_power: float = 0.5  # the bound's rate 1/m^power
    r_power: float = 2.0  # 'sup' only: E_θ⁰ sup_{‖Δθ‖≤r} |f − g| ≤ c·‖x‖·r^r_power/m^m_power (the (8.70) role)


# the corrected uniform bound's constant: (3/2)·2^(−1/3)·(2π)^(−1/6) (split at ε, optimised; _check_sup's proof)
SUP_C = 1.5 * 2 ** (-1 / 3) * (2 * np.pi) ** (-1 / 6)


def _sup_gap(z: np.ndarray, R: float, m: int) -> tuple[float, int]:
    """sup_{‖Δθ‖≤r} |f_θ(x) − g_θ(x)| for the symmetric ReLU net (8.78) (W trained, a fixed), exact given the
    pre-activations z = w_jᵀx of the m/2 distinct neurons, R = r‖x‖: per neuron e_j = relu(z + δ) − relu(z) − 1[z > 0]δ
    = (|δ| − |z|)₊ ≥ 0 when it flips, else 0, so the a = +1 half alone makes f − g ≥ 0 largest; with Σδ_j² ≤ R²
    the best is δ_j = R/√k against the k smallest |z_j| (Cauchy–Schwarz): (1/√m)·max_k (R√k − Σ_{i≤k}|z|₍ᵢ₎)."""
    zs = np.sort(np.abs(z))
    k = np.arange(1, len(zs) + 1)
    val = R * np.sqrt(k) - np.cumsum(zs)
    i = int(np.argmax(val))
    return max(float(val[i]), 0.0) / np.sqrt(m), i + 1


def _check_sup(stmt: ReluGap, ctx) -> Outcome:
    """Mean over symmetric initialisations of the exact sup over the ball, against c‖x‖r^p/m^q; the formula is tied to
    the network at the maximising Δθ (evaluated by numeric.chapter8.ntk, with the flip bound) on a few draws."""
    rng = ctx.rng("relu-sup")
    d = 5
    x = rng.standard_normal(d)
    x /= np.linalg.norm(x)
    widths = (10**2, 10**3, 10**4) if ctx.profile.scale == 1 else (10**2, 10**3, 10**4, 10**5)
    draws = 200  # per (m, r): the 99% interval is ≈ ±3% of the mean at m ≥ 10³, far from both bounds
    rows, bad, worst, tie = [], None, np.inf, 0.0
    for m in widths:
        for r in (0.1, 1.0, 3.0):
            sups = []
            for k in range(draws):
                net0 = N.init(m, d, rng, act="relu", symmetric=True)
                z = net0.W[: m // 2] @ x
                sup, kk = _sup_gap(z, r, m)
                sups.append(sup)
                if k == 0 and m <= 10**3:  # build the maximiser and evaluate the network there
                    pos = np.where(net0.a > 0)[0]
                    idx = pos[np.argsort(np.abs(net0.W[pos] @ x))[:kk]]
                    D = np.zeros_like(net0.W)
                    D[idx] = -np.sign(net0.W[idx] @ x)[:, None] * (r / np.sqrt(kk)) * x[None, :]
                    gap, flips = SB.relu_gap(net0, x, D.ravel())
                    tie = max(tie, abs(gap - sup), max(gap - flips, 0.0))
            sups = np.array(sups)
            mean, se = float(sups.mean()), float(sups.std(ddof=1) / np.sqrt(draws))
            bound = stmt.c * r**stmt.r_power / m**stmt.m_power
            lo, hi = mean - 2.58 * se, mean + 2.58 * se
            worst = min(worst, bound - hi)
            rows.append(f"m = {m}, r = {r}: E sup |f − g| ≈ {mean:.4g} ± {2.58 * se:.2g}, ·m^(1/6)/r^(4/3) = "
                        f"{mean * m ** (1 / 6) / r ** (4 / 3):.3f}; bound {bound:.4g}")
            if lo > bound and bad is None:
                bad = {"m": m, "r": r, "E sup |f - g|": mean, "99% CI": [lo, hi], "bound": bound}
    holds = (None if (bad is None and worst < 0) else bad is None) and tie < 1e-9
    steps = [Step("per neuron", "e_j = relu(z + δ) − relu(z) − 1[z > 0]δ = (|δ| − |z|)₊ ≥ 0 on a flip, else 0; "
                  "the a = +1 half moved against its k smallest |z_j| by R/√k is the maximiser (exact per draw)"),
             Step("upper bound (proof)", "for every ε > 0: Σ(t_j − |z_j|)₊ ≤ R√N_ε + R²/(4ε) ((t − ε)₊ ≤ t²/(4ε)), "
                  "E√N_ε ≤ √(M·2ε/(√(2π)‖x‖)) (Gaussian small ball), optimised at ε ∝ (R²/√M)^(2/3): "
                  f"E sup ≤ {SUP_C:.4f}·‖x‖·r^(4/3)·m^(−1/6) (asymptotically ≈ 0.438, half of it)"),
             Step("network tie", f"|f − g| at the constructed Δθ equals the formula and obeys the flip bound: max "
                  f"discrepancy {tie:.1e}", holds=tie < 1e-9),
             Step("check", "; ".join(rows), holds=holds)]
    return Outcome(holds, ["sweep"], draws * len(rows), float(worst), bad, steps=steps, strength="sampled",
                   sizes=[f"m ∈ {widths}, r ∈ {{0.1, 1, 3}}, {draws} initialisations each, d = {d}"])


def _check(stmt: ReluGap, ctx) -> Outcome:
    if stmt.kind == "sup":
        return _check_sup(stmt, ctx)
    rng = ctx.rng("relu-gap")
    d, m = 5, 100
    x = rng.standard_normal(d)
    x /= np.linalg.norm(x)
    rows, bad, worst, n = [], None, np.inf, 0
    if stmt.kind in ("flips", "linear", "every-init"):
        cases = []
        for k in range(ctx.profile.max_examples):
            net0 = N.init(m, d, rng, act="relu")
            r = 10.0 ** rng.uniform(-4, 0.5)
            dth = rng.standard_normal(m * d)
            dth *= r / np.linalg.norm(dth)
            cases.append((net0, dth))
        # an initialisation with a neuron on the kink: u₁ = 10⁻⁹, Δθ along x in that neuron only
        net0 = N.init(m, d, rng, act="relu")
        W = net0.W.copy()
        W[0] -= (W[0] @ x - 1e-9) * x
        dth = np.zeros(m * d)
        dth[:d] = -1e-4 * x
        cases.append((N.TwoLayer(W, net0.a, "relu"), dth))
        for net0, dth in cases:
            gap, flips = SB.relu_gap(net0, x, dth)
            nd = float(np.linalg.norm(dth))
            bound = {"flips": flips, "linear": 0.0, "every-init": stmt.c * nd**2 / m**stmt.m_power}[stmt.kind]
            margin = bound - gap + 1e-12
            n += 1
            if margin < worst:
                worst = margin
                if margin < 0:
                    bad = {"|f - g|": gap, "bound": bound, "‖Δθ‖": nd}
        rows.append(f"{n} (initialisation, Δθ) pairs, m = {m}, d = {d}, one with a neuron on the kink; smallest margin "
                    f"{worst:.3g}")
        holds = bad is None
    else:
        draws = 20 * ctx.profile.trials
        for r, gaps in SB.relu_expected_gaps(ctx.seed_for("relu-gap"), d=d, m=m, draws=draws):
            mean, se = float(gaps.mean()), float(gaps.std(ddof=1) / np.sqrt(draws))
            bound = stmt.c * r**2 / m**stmt.m_power
            hi, lo = mean + 2.58 * se, mean - 2.58 * se
            rows.append(f"‖Δθ‖ = {r}: mean |f − g| = {mean:.3g}, 99% CI [{lo:.3g}, {hi:.3g}] over {draws} "
                        f"initialisations (Δwᵢ ∥ x); bound {bound:.3g}")
            worst = min(worst, bound - hi)
            n += draws
            if lo > bound and bad is None:
                bad = {"‖Δθ‖": r, "mean |f - g|": mean, "99% CI": [lo, hi], "bound": bound}
        holds = None if (bad is None and worst < 0) else bad is None
    steps = [Step("per neuron", "relu(u + δ) − relu(u) − 1[u > 0]δ = 0 without a sign flip, else |·| ≤ |δ|; a flip needs "
                  "|u| ≤ |δ|"), Step("check", "; ".join(rows), holds=holds)]
    return Outcome(holds, ["sweep"], n, float(worst), bad, steps=steps, strength="sampled",
                   sizes=[f"m = {m}, d = {d}"])


claim(
    id="sec:8.4:relu-modified-lipschitz",
    section="8.4",
    kind="inequality",
    title="Footnote 2 in (8.70)'s role: for ReLU, E_θ⁰ sup over the ball ‖Δθ‖ ≤ r of |f − g| is Θ(‖x‖r^(4/3)m^(−1/6)), "
          "not second order",
    printed=r"\text{A relu function is continuous almost everywhere, so we can make some minor fixes and still use some "
    r"modified notion of Lipschitzness to derive an upper bound.}",
    statement=ReluGap("sup", r_power=2.0, m_power=0.5),
    check=_check,
    erratum=Erratum(
        printed=r"\text{(in the role of (8.69)–(8.70)) } \mathbb{E}_{\theta^0} \sup_{\|\Delta\theta\|_2 \leq r} "
                r"|f_\theta(x) - g_\theta(x)| \leq \sqrt{2/\pi}\, \|x\|_2\, r^2/\sqrt{m}",
        corrected=r"\mathbb{E}_{\theta^0} \sup_{\|\Delta\theta\|_2 \leq r} |f_\theta(x) - g_\theta(x)| \leq "
                  r"\tfrac{3}{2}\, 2^{-1/3} (2\pi)^{-1/6}\, \|x\|_2\, r^{4/3} m^{-1/6} \approx 0.877\, \|x\|_2\, "
                  r"r^{4/3} m^{-1/6} \text{ (sharp up to the constant; still } \to 0 \text{ as } m \to \infty\text{, "
                  r"not second order in } r\text{)}",
        explanation="Remark 8.30's 'technical fix' must give Lemma 8.28's conclusion (8.70), a bound for every θ in the "
                    "ball, and §8.4.2 uses it at iterates that depend on θ⁰. For ReLU the sup over the ball is exact per "
                    "initialisation: e_j = (|δ_j| − |z_j|)₊ on a flip, so the a = +1 neurons with the k smallest |w_jᵀx| "
                    "moved by r/√k give (1/√m)·max_k(r‖x‖√k − Σ_{i≤k}|z|₍ᵢ₎) (second reader R4; the check builds that "
                    "Δθ and evaluates the network). Its mean is ≈ 0.438·‖x‖r^(4/3)m^(−1/6): 0.094 at m = 10⁴, r = 1, "
                    "12× the second-order √(2/π)r²/√m = 0.008, and the ratio grows like m^(1/3). Upper bound: split at "
                    "ε, Σ(t_j − |z_j|)₊ ≤ R√N_ε + R²/(4ε), E N_ε ≤ M·2ε/(√(2π)‖x‖), optimise ε. The second-order bound "
                    "in expectation holds only for Δθ chosen independently of θ⁰ (sec:8.4:relu-expected-gap)",
        corrected_statement=ReluGap("sup", c=SUP_C, r_power=4 / 3, m_power=1 / 6),
        severity="formula",
    ),
    uses=["footnote:2", "remark:8.30", "lemma:8.28", "eq:8.102"],
    quantified=Quantified(DATA_ANY, decide_relu),
    mutants=[
        Mutant("a ReLU network equals its linearisation (no flip term)", ReluGap("linear")),
        Mutant("the smooth second-order bound √(2/π)‖Δθ‖²/√m for every initialisation", ReluGap("every-init")),
        Mutant("the expected gap with a constant 16× smaller, √(2/π)/16", ReluGap("expected", c=float(np.sqrt(2 / np.pi)) / 16)),
        Mutant("the uniform bound with constant 0.3 (below the asymptotic 0.438)", ReluGap("sup", c=0.3, r_power=4 / 3, m_power=1 / 6)),
        Mutant("the uniform bound at rate m^(−1/4)", ReluGap("sup", c=SUP_C, r_power=4 / 3, m_power=0.25)),
    ],
    notes=["second reader (2026-12-07, R4): CORRECTION-TOO-WEAK — reading (d) (Δθ independent of θ⁰) does not give "
           "(8.70), which bounds |f − g| for every θ in the ball; the uniform version E sup ≤ C r²/√m is false for "
           "every C (ratio 2.3 → 55 for m = 10² → 10⁶). The claim now reads the footnote in (8.70)'s role and is an "
           "erratum: printed = the second-order uniform bound (refuted: exact sup per draw, mean over draws), "
           "corrected = E sup ≤ 0.877‖x‖r^(4/3)m^(−1/6) (proved by the split at ε; the check samples the mean at "
           "m ≤ 10⁴ (10⁵ at report) and r ∈ {0.1, 1, 3}); constant 0.3 and rate m^(−1/4) are mutants it kills",
           "readings of 'a modified notion of Lipschitzness': (a) ∇f is Lipschitz — false for ReLU (remark:8.30); "
           "(b) a second-order bound |f − g| ≤ C‖Δθ‖²/√m for every initialisation — false (a neuron on the kink "
           "gives a first-order gap, mutant 2); (c) the exact flip bound for every initialisation, and (d) the "
           "second-order bound in expectation over the Gaussian initialisation for Δθ chosen independently of it — "
           "both true; (d) is its own claim, sec:8.4:relu-expected-gap",
           "the printed claim is 'we can derive an upper bound'; before R4 reading (c)/(d) was taken as that bound, "
           "but the bound has to play (8.70)'s role (every θ in the ball), which (d) does not: see the erratum",
           "attacks (verify.chapter8.relu_attacks): every input x of every bank data set with ‖x‖ = Θ(1), Δθ in one "
           "neuron along ±x (‖Δθ‖ = t‖x‖, t ∈ {10⁻³, 10⁻¹, 1, 3}), initialisations with u = w⁰ᵀx on the kink, inside, on "
           "the edge of and outside the flip region: the flip bound held exactly on every member; the mutants "
           "'f = g' and 'second order for every initialisation' fall exactly (u = 0, δ = t‖x‖²: √m|f − g| = δ, first "
           "order)",
           "sampled over initialisations; a proof would need the Gaussian small-ball bound P(|wᵢᵀx| ≤ t) ≤ "
           "√(2/π)·t/‖x‖, the per-neuron gap |aᵢ||Δwᵢᵀx|/√m that only a flip (|wᵢᵀx| ≤ |Δwᵢᵀx|) allows, and "
           "Cauchy–Schwarz over the m neurons — each step symbolic, the chain not yet encoded"],
)

claim(
    id="sec:8.4:relu-expected-gap",
    section="8.4",
    kind="inequality",
    title="ReLU linearisation gap in expectation over θ⁰: E|f_θ(x) − g_θ(x)| ≤ √(2/π)·‖x‖·‖Δθ‖²/√m",
    printed=r"\mathbb{E}_{\theta^0} |f_\theta(x) - g_\theta(x)| \leq \sqrt{2/\pi}\, \|x\|_2 \|\Delta\theta\|_2^2 / \sqrt{m}",
    statement=ReluGap("expected"),
    check=_check,
    uses=["sec:8.4:relu-modified-lipschitz"],
    quantified=Quantified(DATA_ANY, decide_relu, readings=(
        Reading("the sharp constant 1/(2√(2π)) = √(2/π)/4 (one side of the kink flips)",
                ReluGap("expected", c=float(1 / (2 * np.sqrt(2 * np.pi))))),)),
    mutants=[Mutant("constant 16× smaller, √(2/π)/16", ReluGap("expected", c=float(np.sqrt(2 / np.pi)) / 16)),
             Mutant("rate 1/m instead of 1/√m", ReluGap("expected", m_power=1.0))],
    notes=["attacks (verify.chapter8.relu_attacks.decide_expected): every input x of every bank data set with ‖x‖ = "
           "Θ(1): E|r| = ∫₀^|δ|(|δ| − u)φ_‖x‖(u)du in closed form (SymPy, checked by differentiation) ≤ δ²/(2√(2π)‖x‖), "
           "so E|f − g| ≤ ‖x‖‖Δθ‖²/(2√(2π)√m) for every m, x and Δθ independent of θ⁰ — the printed bound with c = √(2/π) "
           "held on every member, a quarter of it attained as ‖Δθ‖ → 0 (one neuron along x); the mutants c/16 and "
           "rate 1/m (at m = 100) fall at that Δθ (50-digit evaluation of the closed form); so the sharp constant of "
           "this bound is 1/(2√(2π)) = √(2/π)/4 ≈ 0.1995 (a reading, held on all), not the 1/√(2π) of the note below: "
           "a flip happens on one side of the kink only (δ > 0: −δ < u ≤ 0), which halves E[(|δ| − |u|)₊]",
           "second reader (2026-12-07, R4): LOOSE — holds; the printed √(2/π) is not sharp. R4 put the sharp "
           "constant at 1/√(2π); the per-neuron closed form above (and a 10⁷-sample check, 0.1994 at δ = 0.1) gives "
           "1/(2√(2π)): the flip is one-sided. It is the fixed-Δθ bound only: over the ball (Δθ chosen after θ⁰) the "
           "gap is Θ(r^(4/3)m^(−1/6)) (sec:8.4:relu-modified-lipschitz's erratum)",
           "loose (factor 4, the closed form above; an earlier reading integrated over both sides of the kink and got 2). "
           "Only for Δθ independent of θ⁰: Δθ̂ = Φ⁺y and GD iterates depend on θ⁰, so this bound does not serve "
           "Lemma 8.28's sup over B_θ⁰",
           "Δθ drawn independently of θ⁰ (a training trajectory depends on θ⁰: this is the 'technical fix' the "
           "footnote leaves out); with every Δwᵢ along x (the worst direction) the bound is about 4× the observed "
           "mean at ‖Δθ‖ = 0.1 (a flip happens on one side of the kink only, and the error is |δ|/2 on average; 7× at ‖Δθ‖ = 1), so the constant "
           "cannot be lowered 16-fold nor the rate raised to 1/m (mutants)",
           "sampled over initialisations; a proof would need the Gaussian small-ball bound P(|wᵢᵀx| ≤ t) ≤ "
           "√(2/π)·t/‖x‖, the per-neuron gap |aᵢ||Δwᵢᵀx|/√m that only a flip (|wᵢᵀx| ≤ |Δwᵢᵀx|) allows, and "
           "Cauchy–Schwarz over the m neurons — each step symbolic, the chain not yet encoded"],
)
