"""Every O/Θ/Ω/poly/≲/≪/≫ (and every → / lim) of the chapter, and how the suite accounts for it.

An asymptotic symbol hides a constant or a rate; a verdict on the statement around it
is only as good as what stands in for the symbol.  Each occurrence in the chapter is
mapped to one of:

- ``fit``: a fitted exponent (with its interval) of the claim named, against ``against``;
- ``constant``: the claim named proves the statement with an explicit constant;
- ``assumption``: the symbol sits in a hypothesis (nothing to check; the claim named
  states or tests the assumption);
- ``loose``: the statement is valid but loose, as the claim named explains.

``occurrences(text)`` finds the symbols in the chapter's text; tests/test_asymptotics.py
checks that the table below maps every one of them, so an occurrence added or missed
fails.  ``render(results)`` is the "Asymptotics" section of REPORT.md.
"""
from __future__ import annotations

import collections
import re
from dataclasses import dataclass

READINGS = ("fit", "constant", "assumption", "loose")

# the head of an asymptotic term: O( (not a letter before it), \mathcal{O}, \Theta, \Omega( (not the mask
# P_\Omega nor the misprint P(\Omega(A))), poly, \widetilde, and the hidden-constant relations ≲, ≪, ≫
_HEAD = re.compile(
    r"\\mathcal\{O\}"
    r"|(?<![A-Za-z\\_{])O(?=\s*(?:\\left)?\()"
    r"|\\Theta"
    r"|(?<!P_)(?<!P\()\\Omega(?=\s*(?:\\left)?\()"
    r"|\\text\{poly\}|(?<![A-Za-z\\])poly(?=\()"
    r"|\\widetilde"
    r"|\\lesssim|\\gg(?![a-z])|\\ll(?![a-z])"
)
_RELATIONS = ("\\lesssim", "\\gg", "\\ll")


def _argument(line: str, start: int) -> int:
    """End of the balanced ``(…)`` / ``\\left(…\\right)`` starting at or after ``start`` (else ``start``)."""
    m = re.match(r"\s*(?:\\left)?\(", line[start:])
    if not m:
        return start
    depth, p = 0, start
    while p < len(line):
        if line.startswith("\\left(", p):
            depth, p = depth + 1, p + 6
        elif line.startswith("\\right)", p):
            depth, p = depth - 1, p + 7
        elif line[p] == "(":
            depth, p = depth + 1, p + 1
        elif line[p] == ")":
            depth, p = depth - 1, p + 1
        else:
            p += 1
            continue
        if depth == 0:
            return p
    return len(line)


def occurrences(text: str) -> list[tuple[int, str]]:
    """(line number, printed term) of every asymptotic symbol; a relation ≲/≪/≫ is its own term."""
    found = []
    for i, line in enumerate(text.splitlines(), 1):
        for m in _HEAD.finditer(line):
            end = m.end() if m.group(0) in _RELATIONS else _argument(line, m.end())
            found.append((i, line[m.start():end]))
    return found


@dataclass(frozen=True)
class Entry:
    """One occurrence: ``where`` is ``eq:8.k`` (the display tagged (8.k)) or a snippet unique to its line."""

    where: str
    term: str
    reading: str
    claim: str | None
    note: str
    against: str | None = None  # for a fit: the variable of the fit to show

    def __post_init__(self) -> None:
        if self.reading not in READINGS:
            raise ValueError(f"{self.where}: unknown reading {self.reading!r}")
        if self.reading in ("fit", "constant", "loose") and not self.claim:
            raise ValueError(f"{self.where}: a {self.reading} needs the claim that carries it")


def line_of(where: str, text: str) -> int:
    """The line of the chapter an entry's ``where`` names (exactly one line must match)."""
    lines = text.splitlines()
    if re.fullmatch(r"eq:8\.\d+", where):
        needle = f"\\quad ({where[3:]})"
        hits = [i for i, ln in enumerate(lines, 1) if needle in ln and ln.rstrip().endswith(("$$", ")"))]
    else:
        hits = [i for i, ln in enumerate(lines, 1) if where in ln]
    if len(hits) != 1:
        raise LookupError(f"{where!r} names {len(hits)} lines of the chapter, not one")
    return hits[0]


_PS = r"\text{poly}"
_E = r"O(\epsilon)"
_SE = r"O(\sqrt{\epsilon})"
_SN = r"O(\sqrt{n}/\sigma)"
_LOG = r"O\left(\frac{\log 1/\epsilon}{\eta\sigma^2}\right)"
_C52 = ("eq:8.52 proves ‖x ∓ z‖² ≤ 200ε (‖x ∓ z‖ ≤ 14.2√ε) from |1 − ‖x‖²| ≤ 32ε and ⟨x, z⟩² ≥ 1 − 84ε (the "
        "constants the corrected lemmas carry; 162ε from the printed 65ε)")
_LOOSE_EXACT = "; loose: noiseless rank-1 completion recovers ±z exactly (thm:8.23's runs)"

TABLE: tuple[Entry, ...] = (
    # §8.2.1
    Entry("in time $\\text{poly}\\left(d, \\frac{1}{\\alpha}", _PS + r"\left(d, \frac{1}{\alpha}, \frac{1}{\beta}, \frac{1}{\gamma}, \frac{1}{\epsilon}\right)",
          "fit", "thm:8.5", "perturbed GD's iteration counts against 1/α, 1/β, d, 1/ε, each below Jin et al.'s degree "
          "(relation ≤), in the corrected form of the erratum (ℓ, ρ, f(x₀) − f* added); the precise readings of 'poly' and "
          "their counterexamples are sec:8.2.1:thm-8.5-readings"),
    Entry("up to δ -error in Euclidean distance in time", _PS + r"\left(\frac{1}{\delta}, \frac{1}{\tau_0}, d\right)",
          "fit", "thm:8.6", "perturbed GD's iterations against 1/τ₀, 1/δ, d, each below Jin et al.'s degree", "1/τ₀"),
    # §8.3.2
    Entry("i.e. $p \\gg \\frac{1}{d}$", r"\gg", "loose", "remark:8.11",
          "necessary, not sufficient: at p = 3/d rows go unobserved; every row is observed only from p ≈ log d/d on"),
    Entry("Theorem 8.14. Assume", _PS + r"(\mu, \log d)", "fit", "thm:8.14",
          "the recovery threshold (p·d)* grows polylogarithmically in d at fixed ε", "d"),
    Entry("Theorem 8.14. Assume", _SE, "constant", "eq:8.52", _C52 + _LOOSE_EXACT),
    Entry("Lemma 8.17. *Let", _PS + r"(\mu, \log d)", "fit", "lemma:8.17",
          "p* against μ (μ⁴ = poly(μ)), d and ε; the uniform reading by the certificate ‖W/p − J‖", "μ"),
    Entry("Theorem 8.23 (f has no bad", _PS + r"(\mu, \log d)", "fit", "thm:8.14",
          "the same hypothesis as Theorem 8.14", "d"),
    Entry("Theorem 8.23 (f has no bad", _SE, "constant", "eq:8.52", _C52 + _LOOSE_EXACT),
    Entry("eq:8.44", _E, "constant", "eq:8.44", "32ε printed next to it; loose: √32·ε suffices"),
    Entry("eq:8.45", _E, "constant", "eq:8.44", "|1 − ‖x‖²| ≤ 32ε"),
    Entry("eq:8.47", _E, "constant", "eq:8.48", "the O(ε) of (8.45) is 32ε"),
    Entry("eq:8.48", _E, "constant", "eq:8.48", "⟨x, z⟩² ≥ 1 − 65ε on ε ≤ 1/16"),
    Entry("Case 1: $\\langle x, z", _E, "constant", "eq:8.52", "⟨x, z⟩ ≥ 1 − 84ε (printed chain: 65ε)"),
    Entry("eq:8.51", _E, "constant", "eq:8.52", "‖x‖² ≤ 1 + 32ε"),
    Entry("eq:8.51", _E, "constant", "eq:8.52", "⟨x, z⟩ ≥ 1 − 84ε (printed chain: 65ε)"),
    Entry("eq:8.52", _E, "constant", "eq:8.52", "‖x − z‖² ≤ 200ε (printed chain: 162ε)"),
    Entry("Hence we conclude x is", _SE, "constant", "eq:8.52", _C52),
    Entry("Case 2: $\\langle x, z", _E, "constant", "eq:8.52", "−⟨x, z⟩ ≥ 1 − 84ε (printed chain: 65ε)"),
    Entry("Case 2: $\\langle x, z", _SE, "constant", "eq:8.52", "‖x + z‖² ≤ 200ε (printed chain: 162ε)"),
    # §8.4
    Entry("We further assume that $y^{(i)} = O(1)$", "O(1)", "assumption", "eq:8.63", "bounded labels"),
    Entry("We further assume that $y^{(i)} = O(1)$", r"O(\sqrt{n})", "assumption", "eq:8.63",
          "follows from y⁽ⁱ⁾ = O(1): ‖y‖₂ ≤ √n·maxᵢ|y⁽ⁱ⁾|"),
    Entry("eq:8.64", _SN, "constant", "lemma:8.25", "‖Δθ̂‖ ≤ ‖y‖₂/σ ≤ √n·max|yᵢ|/σ, attained"),
    Entry("eq:8.65", _SN, "constant", "remark:8.26", "radius √n·max|yᵢ|/σ holds the minimum-norm interpolant"),
    Entry("eq:8.67", r"O\left(\frac{1}{\sigma} \cdot \sqrt{n}\right)", "constant", "lemma:8.25", "‖Φ⁺‖·‖y‖ = ‖y‖/σ"),
    Entry("where the last inequality follows from the assumption", r"O(\sqrt{n})", "assumption", "eq:8.63",
          "the label assumption of §8.4"),
    Entry("eq:8.69", r"O(\beta \|\Delta\theta\|_2^2)", "constant", "lemma:8.28",
          "(β/2)‖Δθ‖², attained by the quadratic model; remark:8.29 fits the exponent 2 in ‖Δθ‖"),
    Entry("eq:8.70", r"O\left(\frac{\beta n}{\sigma^2}\right)", "constant", "lemma:8.28", "(β/2)·n·max|y|²/σ²"),
    Entry("eq:8.71", r"O(\beta \|\theta - \theta^0\|_2^2)", "constant", "sec:8.4:lemma-8.28-proof",
          "(β/2)‖θ − θ⁰‖² by the integral form of Taylor's theorem, exact on quadratics"),
    Entry("Once α becomes big enough", r"O(\beta n / \sigma^2)", "constant", "lemma:8.28",
          "(β/2)·n·max|y|²/σ², and β/σ² ∝ 1/α exactly (eq:8.73)"),
    Entry("there is a global minimum within radius", _SN, "constant", "lemma:8.25", "‖y‖₂/σ"),
    Entry("which is much smaller than the value of", "O(1)", "constant", "remark:8.31",
          "αḡ_θ = αθ ∈ [0, 1] on [0, 1/α]"),
    Entry("eq:8.83", r"\Theta(1)", "assumption", "eq:8.78", "inputs of order one"),
    Entry("We will assume $m \\rightarrow \\infty$ polynomially", r"\text{poly}(n, d)", "assumption", "eq:8.96",
          "the width; eq:8.96 measures the m₀ from which σ² > ½σ_min holds"),
    Entry("We will assume $m \\rightarrow \\infty$ polynomially", r"\Theta(1)", "assumption", "eq:8.78",
          "restates (8.83)"),
    Entry("We will assume $m \\rightarrow \\infty$ polynomially", r"\Theta(\sqrt{m})", "fit", "eq:8.78",
          "std of f_{θ⁰}(x) ∝ m⁰, i.e. the sum is Θ(√m)", "m"),
    Entry("We will assume $m \\rightarrow \\infty$ polynomially", r"\Theta(1)", "fit", "eq:8.78",
          "std of f_{θ⁰}(x) over initialisations against m: exponent 0", "m"),
    Entry("eq:8.91", "O(1)", "constant", "eq:8.90", "‖x‖²·E σ'(wᵀx)² ≤ ‖x‖² (|σ'| ≤ 1)"),
    Entry("eq:8.99", r"O \left(\frac{1}{m} \sum_{i=1}^m \|x\|_2^2 (w_i^{\top} x - w_i'^{\top} x)^2 \right)", "constant",
          "eq:8.99", "C = sup|σ''|², under the added hypothesis that σ'' is bounded (erratum)"),
    Entry("eq:8.100", r"O \left(\frac{1}{m} \sum_{i=1}^m \|w_i - w_i'\|_2^2 \right)", "constant", "eq:8.100",
          "C = sup|σ''|²·max‖x‖⁴ (Cauchy–Schwarz)"),
    Entry("eq:8.101", r"O \left(\frac{1}{m} \|\theta - \theta'\|_2^2 \right)", "constant", "eq:8.101",
          "(1/m)Σ‖wᵢ − w′ᵢ‖² = (1/m)‖θ − θ′‖² exactly"),
    Entry("The second line uses the assumption that", "O(1)", "assumption", "eq:8.99",
          "'σ′ is O(1)-Lipschitz' is not implied by (8.80): an added hypothesis (eq:8.99 erratum)"),
    Entry("eq:8.102", r"\lesssim", "constant", "eq:8.102", "β ≤ sup|σ''|·max‖x‖²/√m = √(2/e)/√m for erf, certified"),
    Entry("Thus, the Lipschitz parameter is", r"O(1/\sqrt{m})", "fit", "eq:8.102", "β against m: exponent −½", "m"),
    Entry("Thus, after $T = O", _LOG, "constant", "eq:8.128", "T = ⌈log(1/ε)/(ησ²)⌉ suffices, and is needed up to a factor"),
    Entry("Theorem 8.33. *There exists", _LOG.replace(r"\eta\sigma", r"\eta \sigma"), "constant", "eq:8.150",
          "with the corrected rate 1 − η(3σ/4)²: T = ⌈16 log(1/ε)/(9ησ²)⌉ (in the regime of (8.142); thm:8.33 runs it)"),
    Entry("eq:8.137", r"O(\|\theta^{t+1} - \theta^t\|_2^2)", "fit", "eq:8.136", "remainder against η: exponent 2", "η"),
    Entry("Since $O(\\|\\theta^{t+1}", r"O(\|\theta^{t+1} - \theta^t\|_2^2)", "fit", "eq:8.136", "as (8.137)", "η"),
    Entry("Since $O(\\|\\theta^{t+1}", r"O(\eta^2)", "fit", "eq:8.136", "remainder against η: exponent 2", "η"),
    Entry("Since $O(\\|\\theta^{t+1}", r"O(\|\theta^{t+1} - \theta^t\|_2^2)", "fit", "eq:8.136", "as (8.137)", "η"),
    Entry("So, as desired, we see exponential decay", _LOG, "constant", "eq:8.150",
          "T = ⌈16 log(1/ε)/(9ησ²)⌉ with the corrected rate"),
    Entry("eq:8.153", r"\lesssim", "constant", "sec:8.4.2:lemma-8.25-recalled", "‖θ̂ − θ⁰‖ ≤ ‖y‖₂/σ"),
    Entry("eventually, $\\sqrt{n}/\\sigma \\ll", r"\ll", "constant", "eq:8.164",
          "√n·C/σ ≤ σ/(4√nβ) iff β/σ² ≤ 1/(4nC²)"),
    Entry("eq:8.154", r"\mathcal{O}(\sqrt{n})", "fit", "eq:8.154", "‖ŷ⁰ − y‖ against n: exponent ½; then non-increasing", "n"),
    Entry("eq:8.155", "O(1)", "fit", "eq:8.154", "(1/√n)‖ŷ⁰ − y‖: exponent ½ in ‖·‖", "n"),
    Entry("eq:8.156", "O(1)", "fit", "eq:8.154", "non-increasing residual in every run", "n"),
    Entry("our assumption that $\\frac{\\beta}{\\sigma^2} \\lesssim", r"\lesssim", "assumption", "thm:8.33",
          "the theorem's hypothesis β/σ² ≤ c₀/n (c₀ = 1/8 in its runs)"),
    Entry("eq:8.157", "O(1)", "fit", "eq:8.157", "(1/√n)‖ΦΔθᵗ − ŷᵗ‖ shrinks with m (relation ≤)", "m"),
    Entry("is $O(1)$.", "O(1)", "constant", "eq:8.158", "(8.157) + (8.154) by the triangle inequality"),
    Entry("eq:8.161", "O(1)", "constant", "eq:8.158", "(8.157) + (8.154)"),
    Entry("eq:8.162", _SN, "constant", "eq:8.162", "in the row space of Φ only (erratum): ‖P_row(θᵗ − θ̂)‖ ≤ ‖Φ(θᵗ − θ̂)‖/σ"),
    Entry("eq:8.163", _SN, "constant", "lemma:8.25", "‖y‖₂/σ"),
    Entry("If $\\beta/\\sigma^2 \\ll 1/n$", r"\ll", "assumption", "thm:8.33", "the regime β/σ² ≤ c₀/n"),
    Entry("eq:8.165", r"O\left(\frac{\sqrt{n}}{\sigma}\right)", "fit", "eq:8.164",
          "max_t ‖θᵗ − θ⁰‖ against m: exponent 0 while the radius σ/(4√nβ) grows like √m", "m"),
    Entry("Theorem 8.35. *The kernel method", r"\Omega(d^2)", "constant", "sec:8.4.3:thm-8.35-kernel-bound",
          "error ≤ ½ needs n ≥ d(d − 1)/4 for any predictor in span{K∞(·, xⱼ)} (Bessel + permutation invariance); "
          "thm:8.35 fits the sample size of NTK regression against d"),
    Entry("Theorem 8.35. *The kernel method", "O(d)", "fit", "thm:8.35",
          "samples for test MSE ≤ ½, regularised network, against d", "d"),
)


def _fit_cell(entry: Entry, claims: dict) -> str:
    c = claims.get(entry.claim)
    if c is None:
        return "not in results.json"
    fits = c.get("fits") or []
    if entry.against:
        fits = [f for f in fits if f["against"] == entry.against] or fits
    if not fits:
        return "no fit recorded"
    f = fits[0]
    rel = f.get("relation", "=")
    seeds = f.get("seeds") or []
    tail = f", seeds {','.join(map(str, seeds))}" if seeds else ""
    return (f"{f['quantity']} ∝ {f['against']}^{f['exponent']:.3f} [{f['interval'][0]:.3f}, {f['interval'][1]:.3f}]"
            f" (theory {rel} {f['theory']}{tail})")


def render(results: dict) -> str:
    """The table of the "Asymptotics" section of REPORT.md: one row per occurrence, in chapter order
    (verify.faces.report_markdown.asymptotics_section adds the approximate phrases and the limits under it)."""
    claims = {c["id"]: c for c in results.get("claims", [])}
    counts = collections.Counter(e.reading for e in TABLE)
    out = ["## Asymptotics\n",
           "Every O, Θ, Ω, poly, ≲, ≪ and ≫ of the chapter (" + str(len(TABLE)) + " occurrences: "
           + ", ".join(f"{counts[r]} {r}" for r in READINGS)
           + "), with what stands in for it: a fitted exponent, a proved explicit constant, an assumption, "
           "or a valid-but-loose bound (`verify.chapter8.asymptotics`).\n",
           "| where | printed | reading | claim | evidence |", "|---|---|---|---|---|"]
    for e in TABLE:
        where = f"({e.where[3:]})" if e.where.startswith("eq:") else e.where.replace("|", "\\|").replace("$", "")
        status = claims.get(e.claim, {}).get("status") if e.claim else None
        claim = f"{e.claim} ({status})" if status else (e.claim or "–")
        ev = e.note if e.reading != "fit" else f"{_fit_cell(e, claims)}; {e.note}"
        out.append(f"| {where} | `{e.term}` | {e.reading} | {claim} | {ev.replace('|', '∣')} |")
    out.append("")
    return "\n".join(out)


# --- limits: every → and lim of the chapter -----------------------------------------------------------------------
_LIMIT = re.compile(r"\\rightarrow|\\lim(?![a-z])")
_R = r"\rightarrow"


def limit_occurrences(text: str) -> list[tuple[int, str]]:
    return [(i, m.group(0)) for i, line in enumerate(text.splitlines(), 1) for m in _LIMIT.finditer(line)]


LIMITS: tuple[Entry, ...] = (
    Entry("there are two notable cases (with specific parameterization", _R, "constant", "eq:8.73",
          "β/σ² = (β̄/σ̄²)/α exactly (α-scaling); ∝ m^(−1/2) for the wide network (eq:8.103)"),
    Entry("eq:8.73", _R, "constant", "eq:8.73", "β/σ² = (β̄/σ̄²)·α⁻¹ exactly"),
    Entry("eq:8.73", _R, "constant", "eq:8.73", "α → ∞"),
    Entry("which is closer to θ^0 as", _R, "constant", "remark:8.31", "argmin L̂(αḡ) = 1/α exactly"),
    Entry("We visualize these functions in Figure 8.8", _R, "constant", "figure:8.8",
          "on [0, 1/α] the gap is αβθ² ≤ β/α, derived exactly"),
    Entry("Figure 8.8: The approximation", _R, "constant", "figure:8.8", "as above (the caption)"),
    Entry("We will assume $m \\rightarrow \\infty$ polynomially", _R, "assumption", "eq:8.96",
          "the width grows; eq:8.96 measures from which m the spectrum bound holds"),
    Entry("eq:8.90", _R, "fit", "eq:8.90", "(1/m)Σσ'(wᵢᵀx)² → Eσ'(wᵀx)²: deviation ∝ m^(−1/2)", "m"),
    Entry("eq:8.90", _R, "fit", "eq:8.90", "m → ∞", "m"),
    Entry("eq:8.93", _R, "fit", "eq:8.93", "ΦΦᵀ → K∞: ‖ΦΦᵀ − K∞‖_op ∝ m^(−1/2)", "m"),
    Entry("(8.93) implies that as", _R, "fit", "eq:8.93", "as (8.93)", "m"),
    Entry("eq:8.94", r"\lim", "fit", "eq:8.93", "the limit exists: closed forms for erf and ReLU, error ∝ m^(−1/2)", "m"),
    Entry("eq:8.94", _R, "fit", "eq:8.93", "m → ∞", "m"),
    Entry("so the spectrum of the matrix should also converge", _R, "fit", "eq:8.93",
          "ΦΦᵀ → K∞ in operator norm, hence the spectrum (Weyl); eq:8.96 for σ", "m"),
    Entry("Now what about β ?", _R, "fit", "eq:8.102", "β ∝ m^(−1/2) (certified constant √(2/e)·max‖x‖²)", "m"),
    Entry("Now what about β ?", _R, "fit", "eq:8.102", "m → ∞", "m"),
    Entry("eq:8.103", _R, "fit", "eq:8.103", "β/σ² ∝ m^(−1/2) (with 1/σ_min, erratum)", "m"),
    Entry("eq:8.103", _R, "fit", "eq:8.103", "m → ∞", "m"),
    Entry("Since $O(\\|\\theta^{t+1}", _R, "fit", "eq:8.136", "the dropped remainder ∝ η²", "η"),
    Entry("Thus, when $\\beta/\\sigma^2 \\rightarrow 0$", _R, "constant", "eq:8.164",
          "√n·C/σ ≤ σ/(4√nβ) as soon as β/σ² ≤ 1/(4nC²)"),
)


def render_limits(results: dict) -> str:
    claims = {c["id"]: c for c in results.get("claims", [])}
    out = ["### Limits\n", f"Every → and lim of the chapter ({len(LIMITS)} occurrences), with what stands in for it.\n",
           "| where | reading | claim | evidence |", "|---|---|---|---|"]
    for e in LIMITS:
        where = f"({e.where[3:]})" if e.where.startswith("eq:") else e.where.replace("|", "\\|").replace("$", "")
        status = claims.get(e.claim, {}).get("status")
        claim = f"{e.claim} ({status})" if status else e.claim
        ev = e.note if e.reading != "fit" else f"{_fit_cell(e, claims)}; {e.note}"
        out.append(f"| {where} | {e.reading} | {claim} | {ev.replace('|', '∣')} |")
    out.append("")
    return "\n".join(out)
