"""Footnote 2 given a precise reading: for the ReLU network (8.78) the linearisation error is controlled by the
neurons whose sign flips, and is second order in Δθ with the 1/√m of (8.102) in expectation over the
initialisation — the 'modified notion of Lipschitzness' — though not for every initialisation.

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
from verify.engine.claim import Mutant, Outcome, Step
from verify.engine.registry import claim


@dataclass(frozen=True)
class ReluGap:
    """``kind``: 'flips' — |f − g| ≤ (1/√m)Σᵢ|δᵢ|·1[|uᵢ| ≤ |δᵢ|] for every initialisation; 'expected' — the mean of
    |f − g| over initialisations is ≤ c·‖x‖‖Δθ‖²/√m (c = √(2/π)); 'every-init' — that second-order bound holds for
    every initialisation; 'linear' — f = g (no flip term)."""

    kind: str = "flips"
    c: float = float(np.sqrt(2 / np.pi))
    m_power: float = 0.5  # the bound's rate 1/m^power


def _check(stmt: ReluGap, ctx) -> Outcome:
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
    title="Footnote 2, read precisely: for ReLU, |f − g| ≤ flips' sum, and E|f − g| ≤ √(2/π)‖x‖‖Δθ‖²/√m",
    printed=r"\text{A relu function is continuous almost everywhere, so we can make some minor fixes and still use some "
    r"modified notion of Lipschitzness to derive an upper bound.}",
    statement=ReluGap("flips"),
    check=_check,
    uses=["footnote:2", "remark:8.30", "lemma:8.28", "eq:8.102"],
    quantified=Quantified(DATA_ANY, decide_relu),
    mutants=[
        Mutant("a ReLU network equals its linearisation (no flip term)", ReluGap("linear")),
        Mutant("the smooth second-order bound √(2/π)‖Δθ‖²/√m for every initialisation", ReluGap("every-init")),
        Mutant("the expected gap with a constant 16× smaller, √(2/π)/16", ReluGap("expected", c=float(np.sqrt(2 / np.pi)) / 16)),
    ],
    notes=["readings of 'a modified notion of Lipschitzness': (a) ∇f is Lipschitz — false for ReLU (remark:8.30); "
           "(b) a second-order bound |f − g| ≤ C‖Δθ‖²/√m for every initialisation — false (a neuron on the kink "
           "gives a first-order gap, mutant 2); (c) the exact flip bound for every initialisation, and (d) the "
           "second-order bound in expectation over the Gaussian initialisation for Δθ chosen independently of it — "
           "both true; (d) is its own claim, sec:8.4:relu-expected-gap",
           "the printed claim is 'we can derive an upper bound': reading (c)/(d) is that bound",
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
           "loose (factor 2): per neuron E[(|δ| − |u|)₊] ≤ δ²/(√(2π)‖x‖) since ∫_{−δ}^{δ}(δ − |u|)φ(u/s)/s du ≤ "
           "δ²/(√(2π)s), so the sharp constant is 1/√(2π), not √(2/π) (second reader: ratio → 0.3989 as δ → 0, 0.2448 at "
           "δ = 3). Only for Δθ independent of θ⁰: Δθ̂ = Φ⁺y and GD iterates depend on θ⁰, so this bound does not serve "
           "Lemma 8.28's sup over B_θ⁰",
           "Δθ drawn independently of θ⁰ (a training trajectory depends on θ⁰: this is the 'technical fix' the "
           "footnote leaves out); with every Δwᵢ along x (the worst direction) the bound is about 4× the observed "
           "mean at ‖Δθ‖ = 0.1 (a flip happens on one side of the kink only, and the error is |δ|/2 on average; 7× at ‖Δθ‖ = 1), so the constant "
           "cannot be lowered 16-fold nor the rate raised to 1/m (mutants)",
           "sampled over initialisations; a proof would need the Gaussian small-ball bound P(|wᵢᵀx| ≤ t) ≤ "
           "√(2/π)·t/‖x‖, the per-neuron gap |aᵢ||Δwᵢᵀx|/√m that only a flip (|wᵢᵀx| ≤ |Δwᵢᵀx|) allows, and "
           "Cauchy–Schwarz over the m neurons — each step symbolic, the chain not yet encoded"],
)
