"""Every ≈ and approximate phrase of the chapter ('roughly', 'sufficiently small', 'typically', …), each with
the precise reading the suite checks and the claim that checks it.

``occurrences(text)`` finds them; tests/test_approximations.py checks that the table maps each one, so a
missing occurrence fails.  ``render(results)`` is a subsection of REPORT.md's "Asymptotics" section, the
verdict of each reading taken from results.json.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from verify.chapter8.asymptotics import line_of

_PHRASE = re.compile(r"\\approx|≈|\b(?:roughly|sufficient small|sufficiently small|big enough|very good|typically|"
                     r"in some sense|heuristically)\b")


def occurrences(text: str) -> list[tuple[int, str]]:
    return [(i, m.group(0)) for i, line in enumerate(text.splitlines(), 1) for m in _PHRASE.finditer(line)]


@dataclass(frozen=True)
class Approx:
    where: str  # eq:8.k or a snippet unique to the line
    term: str  # the matched phrase
    reading: str  # the precise statement the claims check
    claims: tuple[str, ...]


_MC = "with the 1/p of (8.15): ⟨v, ∇f(x)⟩/p and ⟨v, ∇²f(x)v⟩/p are within ε of g's forms w.h.p. (Lemma 8.17)"

TABLE: tuple[Approx, ...] = (
    Approx("empirically gradient descent/stochastic gradient descent typically", "typically",
           "every one of 5 random initialisations of the erf network at m = 256 ≫ n reaches L̂ ≤ 10⁻³; not at m = 1",
           ("sec:8.1:obs-3-reading",)),
    Approx("number of observations is roughly", "roughly",
           "|Ω| ∼ Binomial(d², p): mean pd², relative spread 1/√(pd²)", ("remark:8.11", "def:8.10")),
    Approx("for some sufficient small constant", "sufficient small", "ε ≤ 1/16, the proof's own condition (8.40)",
           ("eq:8.40", "thm:8.23")),
    Approx("Thus, we would like to claim that", r"\approx", "|f(x)/p − g(x)| ≤ ½(1 + m²)²ε at x/m incoherent (m = "
           "max(1, ‖x‖)), not at spiky x; even uniform ε-closeness is not enough: an ε-close f can have other minima",
           ("remark:8.15", "figure:8.5")),
    Approx("Thus, we would like to claim that", r"\approx", _MC, ("figure:8.5", "lemma:8.17")),
    Approx("Thus, we would like to claim that", r"\approx", _MC, ("figure:8.5", "lemma:8.17")),
    Approx("eq:8.13", r"\approx", "defined by (8.14): |Σ_Ω T_ij − pΣ T_ij| < ε w.h.p.", ("remark:8.16",)),
    Approx("where we use \\approx to mean that", r"\approx", "the definition (8.14)", ("remark:8.16",)),
    Approx("eq:8.15", r"\approx", "for A = uuᵀ, B = vvᵀ incoherent: |⟨P_Ω(A), B⟩/p − ⟨A, B⟩| ≤ ε w.h.p. (Lemma 8.17); "
           "not 'for any A, B' (false at A = B = J)", ("lemma:8.17", "eq:8.15", "sec:8.3.2:eq-8.15-approx")),
    Approx("eq:8.23", r"\approx", "|⟨x, ∇g(x)⟩ − ⟨x, ∇f(x)⟩/p| ≤ 2(c² + c⁴)ε, c = max(2, ‖x‖) (erratum: the printed ±ε "
           "drops the scale; carried into Lemma 8.19, (8.24), (8.25))", ("eq:8.23",)),
    Approx("When $\\theta \\approx \\theta^0$", r"\approx", "|f_θ(x) − g_θ(x)| ≤ (β/2)‖θ − θ⁰‖²",
           ("lemma:8.28", "sec:8.4:lemma-8.28-proof")),
    Approx("eq:8.58", r"\approx", "|ℓ(f_θ(x), y) − ℓ(g_θ(x), y)| ≤ Lip(ℓ)·(β/2)‖Δθ‖²; the right side is convex in θ",
           ("eq:8.58", "lemma:8.28")),
    Approx("1. Accurate approximation:", r"\approx", "|f_θ − g_θ| ≤ (β/2)·n·max|y|²/σ² on B(θ⁰)", ("lemma:8.28",)),
    Approx("1. Accurate approximation:", r"\approx", "L̂(f_θ) − L̂(g_θ) → 0 with the bound above", ("lemma:8.28", "figure:8.7")),
    Approx("2. It suffices to optimize in", r"\approx", "L̂(g_θ̂) = 0 exactly at θ̂ = θ⁰ + Φ⁺y (rank Φ = n)",
           ("lemma:8.25", "remark:8.26")),
    Approx("2. It suffices to optimize in", r"\approx", "L̂(f_θ̂) ≤ ((β/2)‖Δθ̂‖²)² → 0 as m grows (fitted)", ("figure:8.7",)),
    Approx("Figure 8.7: Here,", r"\approx", "L̂(g_θ̂) = 0 exactly", ("figure:8.7",)),
    Approx("Figure 8.7: Here,", r"\approx", "L̂(f_θ̂) → 0 as m grows", ("figure:8.7",)),
    Approx("Once α becomes big enough", "big enough", "β/σ² = (β̄/σ̄²)/α exactly, so β/σ² ≤ c₀/n once α ≥ nβ̄/(c₀σ̄²)",
           ("eq:8.73", "thm:8.33")),
    Approx("Once α becomes big enough", "very good", "|f − g| ≤ (β/2)·n·max|y|²/σ², which falls like 1/α when f̄_θ⁰ = 0 on the data (with f̄_θ⁰ ≠ 0 the error at Lemma 8.25's minimiser grows like α: erratum eq:8.73)",
           ("lemma:8.28", "eq:8.73", "sec:8.4.1:alpha-training")),
    Approx("which is much smaller than the value of", r"\approx", "αḡ_θ = αθ ∈ [0, 1] on [0, 1/α]", ("remark:8.31",)),
    Approx("Why do we use the $1/\\sqrt{m}$ scaling?", r"\approx", "'≈ 1' is false for the erf σ (odd, |σ| ≤ √π/2, E σ = 0); what is used is E σ(wᵀx)² = 0.365 (‖x‖ = 1) > 0, σ ≢ 0 (erratum eq:8.78)",
           ("eq:8.78",)),
    Approx("so the spectrum of the matrix should also converge", "in some sense",
           "λ_min(ΦΦᵀ) → λ_min(K∞) (erratum (8.96): σ vs σ²), m₀ measured", ("eq:8.96",)),
    Approx("The first line follows from the fact that", r"\approx", "the constant ‖x‖⁴ of Cauchy–Schwarz, order one under (8.83)",
           ("eq:8.100",)),
    Approx("eq:8.103", r"\approx", "√m·β/σ² → √(2/e)/σ_min: the power of σ_min is 1 (erratum)", ("eq:8.103",)),
    Approx("Theorem 8.33. *There exists", "sufficiently small", "η ≤ 1/σ_max(Φᵗ)² along the run (corrected (8.150)); "
           "η = 0.9/τ² in the runs", ("eq:8.150", "thm:8.33")),
    Approx("we heuristically argue that since the empirical minimizer", "heuristically",
           "the trajectory stays inside the radius (8.142) on the runs; the printed step (8.162) holds only in Φ's row "
           "space (erratum)", ("eq:8.164", "eq:8.162")),
    Approx("Furthermore, the minimum ℓ_2 -norm solution is typically dense", "typically",
           "every neuron moves and x₃…x_d carry ≥ 10% of ‖ΔW‖² in the minimum-norm NTK interpolant of Example 8.34",
           ("sec:8.4.3:min-norm-dense",)),
)


def render(results: dict) -> str:
    status = {c["id"]: c["status"] for c in results.get("claims", [])}
    out = ["### Approximate phrases\n",
           f"Every ≈ and approximate phrase of the chapter ({len(TABLE)} occurrences), with the precise reading that "
           "is checked (`verify.chapter8.approximations`).\n",
           "| where | printed | precise reading | claims |", "|---|---|---|---|"]
    for a in TABLE:
        where = f"({a.where[3:]})" if a.where.startswith("eq:") else a.where.replace("|", "\\|").replace("$", "")
        cl = ", ".join(f"{c} ({status[c]})" if c in status else c for c in a.claims)
        out.append(f"| {where} | `{a.term}` | {a.reading.replace('|', '∣')} | {cl} |")
    out.append("")
    return "\n".join(out)


def lines(text: str) -> list[tuple[int, str]]:
    """(line, phrase) of every table entry (line_of raises when a ``where`` names no single line)."""
    return [(line_of(a.where, text), a.term) for a in TABLE]
