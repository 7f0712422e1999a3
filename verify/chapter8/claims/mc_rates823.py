"""§8.3.2: the rates of Theorems 8.14/8.23 where they can be seen — in the proof's own chain.

Noiseless rank-1 completion recovers ±z exactly once p is past the threshold (thm:8.14's runs end at
distance ~1e-8 from ±z whatever p is), so the O(√ε) of the theorems is not a property of f's landscape
that a sweep over p could show. It is the slack of the proof: the chain (Lemma 8.19, Lemma 8.21,
(8.42)–(8.43) paired with z, Cauchy–Schwarz) admits points at distance √(Cε)(1 + O(ε)) from ±z, and ε
itself is the concentration error of Lemma 8.17 at the sampling rate p.

The constant C depends on the levels the lemmas are read at. With the chapter's printed levels (Lemma 8.19
at ε, Lemma 8.21 at 1/3 − ε/3, |⟨x, z⟩|·|1 − ‖x‖²| ≤ ε/2) C = 3/2; but Lemma 8.19 is false at level ε (its
erratum: the level is (c² + c⁴)ε, 20ε for ‖x‖ ≤ 2), and with the corrected levels (Lemma 8.19 at 20ε, Lemma
8.21 at 1/3 − 5ε/3 from eq:8.32's correction, (8.43) at K(‖x‖)ε/2 = 4ε for ‖x‖ ≤ 1 from eq:8.42's) C = 24.
The exponents (ε^(1/2), (p·d)^(−1/4)) are the same for both.

  * ε-rate: sup of min‖x ∓ z‖ over the premises, at ε = 10⁻², …, 10⁻¹⁰, in 50-digit mpmath; the local
    exponent of that sup in ε tends to 1/2 (O(√ε), and no better from this chain); sup²/ε tends to C.
  * p-rate: ε(p) = the spectral certificate ‖W/p − J‖μ²/d of Lemma 8.17 (an upper bound on the
    concentration error for every incoherent pair) on sampled masks, so the chain's bound is
    √(Cε(p)) ∝ (p·d/(1 − p))^(−1/4), fitted over seeds.
"""
from __future__ import annotations

from dataclasses import dataclass

import mpmath as mp
import numpy as np

from numeric.chapter8.sweeps import mc_lemmas as S
from numeric.sweeps.core import compute

from verify.engine.claim import Mutant, Outcome, Step, all_of
from verify.engine.rates import describe, judge, n_seeds, pooled_fit
from verify.engine.registry import claim

EPSS = [mp.mpf(10) ** (-k) for k in range(2, 11)]


# the lemma levels the chain reads, as functions of s = ‖x‖² (numpy, for the grid) and their values just below s = 1
# (where the sup sits; exact, for the 50-digit root): a(s)ε in Lemma 8.19 (⟨x, z⟩² ≥ ‖x‖⁴ − a(s)ε), b in Lemma 8.21
# (‖x‖² ≥ 1/3 − bε), k(s)ε in (8.43) (|⟨x, z⟩|·|1 − ‖x‖²| ≤ k(s)ε)
def _a_corrected(s):
    c2 = np.maximum(4.0, s)  # c = max(2, ‖x‖): (c² + c⁴)ε, eq:8.23's correction carried into Lemma 8.19
    return c2 + c2 * c2


def _k_corrected(s):
    r = np.sqrt(s)  # eq:8.42's K(r) = max(2, 1 + r)²(1 + max(1, r)²), halved in (8.43)
    return np.maximum(2.0, 1 + r) ** 2 * (1 + np.maximum(1.0, r) ** 2) / 2


LEVELS = {
    # the chapter's printed levels (Lemma 8.19 at ε is false as printed: lemma:8.19's erratum)
    "printed": dict(a=lambda s: np.ones_like(s), b=mp.mpf(1) / 3, k=lambda s: np.full_like(s, 0.5),
                    a1=mp.mpf(1), k1=mp.mpf(1) / 2),
    # the corrected levels: Lemma 8.19 at (c² + c⁴)ε (20ε for ‖x‖ ≤ 2), Lemma 8.21 at 1/3 − 5ε/3 (eq:8.32's
    # correction), (8.43) at K(‖x‖)ε/2 (eq:8.42's correction; 4ε for ‖x‖ ≤ 1)
    "corrected": dict(a=_a_corrected, b=mp.mpf(5) / 3, k=_k_corrected, a1=mp.mpf(20), k1=mp.mpf(4)),
}


def chain_sup(eps, levels: str = "printed") -> mp.mpf:
    """sup of ‖x‖² + 1 − 2|⟨x, z⟩| = min‖x ∓ z‖² over s = ‖x‖², u = |⟨x, z⟩| with u² ≥ s² − a(s)ε (Lemma 8.19),
    s ≥ 1/3 − bε (Lemma 8.21), u|1 − s| ≤ k(s)ε ((8.42)–(8.43) paired with z), u² ≤ s (Cauchy–Schwarz).

    At fixed s the objective falls with u, so u = √(s² − aε) (its least value, 0 when s² ≤ aε); near s = 1 the
    objective falls with s, so the sup sits on √(s² − aε)(1 − s) = kε, the root below 1 (found at 50 digits). A dense
    grid over the whole range of s confirms nothing else is feasible and larger.
    """
    mp.mp.dps = 50
    L = LEVELS[levels]
    eps = mp.mpf(eps)
    a1, k1 = L["a1"], L["k1"]
    root = mp.findroot(lambda s: mp.sqrt(s * s - a1 * eps) * (1 - s) - k1 * eps, 1 - k1 * eps)
    best = root + 1 - 2 * mp.sqrt(root * root - a1 * eps)
    # the grid: every feasible s (float64 is enough to see that no other region competes)
    e = float(eps)
    s = np.linspace(max(float(mp.mpf(1) / 3 - L["b"] * eps), 0.0), 3.0, 200_001)
    u = np.sqrt(np.maximum(s * s - L["a"](s) * e, 0.0))
    ok = (u * np.abs(1 - s) <= L["k"](s) * e) & (u * u <= s + 1e-15)
    grid = float(np.max(s[ok] + 1 - 2 * u[ok])) if ok.any() else -np.inf
    return max(best, mp.mpf(grid))


@dataclass(frozen=True)
class Rates823:
    eps_power: float = 0.5  # min‖x ∓ z‖ = O(ε^eps_power) from the chain
    p_power: float = -0.25  # the chain's bound at ε = ε(p): O((p·d)^p_power)
    levels: str = "corrected"  # the lemma levels the chain reads (LEVELS)
    constant: float | None = 24.0  # lim sup²/ε: the chain gives √(constant·ε)(1 + O(ε)); None: not claimed


def _eps_part(stmt: Rates823) -> Outcome:
    dist = [mp.sqrt(chain_sup(e, stmt.levels)) for e in EPSS]
    local = [float(mp.log(dist[k + 1] / dist[k]) / mp.log(EPSS[k + 1] / EPSS[k])) for k in range(len(EPSS) - 1)]
    const = [float(d / mp.sqrt(e)) for d, e in zip(dist, EPSS)]
    c2 = [d * d / e for d, e in zip(dist, EPSS)]  # sup²/ε, converging like C + O(ε)
    # the local exponent converges (geometrically: its steps shrink by ~10 per decade); the limit is within the
    # last step of the last value. O(ε^a) holds iff the limit is ≥ a.
    last, step = local[-1], abs(local[-1] - local[-2])
    if stmt.eps_power <= last - step:
        holds = True
    elif stmt.eps_power > last + step:
        holds = False
    else:
        holds = True if abs(stmt.eps_power - last) <= step else None
    # the constant: sup²/ε at the smallest ε is within its last change (×1.1, the O(ε) tail shrinks 10× per decade)
    # of the limit
    c_last, c_step = c2[-1], abs(c2[-1] - c2[-2])
    c_ok = None if stmt.constant is None else bool(abs(c_last - stmt.constant) <= 1.1 * c_step + mp.mpf(10) ** -30)
    ce = None
    if holds is not True:
        ce = {"claimed power of eps": stmt.eps_power, "local exponents": local}
    if c_ok is False:
        holds = False
        ce = {**(ce or {}), "claimed lim sup^2/eps": stmt.constant, "sup^2/eps at 1e-10": float(c_last),
              "levels": stmt.levels}
    return Outcome(holds, ["mpmath", "sweep"], len(EPSS), None, ce,
                   steps=[Step("chain at finite ε", f"sup min‖x ∓ z‖ over the chain's premises ({stmt.levels} lemma "
                               "levels), 50 digits",
                               derived={"eps": [f"1e-{k}" for k in range(2, 11)],
                                        "sup/sqrt(eps)": [round(c, 8) for c in const],
                                        "sup^2/eps": [round(float(c), 8) for c in c2],
                                        "local exponent": [round(v, 8) for v in local]}, holds=holds)],
                   notes=[f"the chain at the {stmt.levels} lemma levels admits points at distance √({float(c_last):.4f}ε)"
                          f"(1 + O(ε)) from ±z (sup/√ε = {const[-1]:.6f} at ε = 1e-10): the O(√ε) of Theorems 8.14/8.23 is "
                          f"what this chain can give (local exponent {last:.8f} at the smallest ε), and its constant is "
                          f"√{float(c_last):.2f}, not the 200 of eq:8.52 (loose)"],
                   strength="sampled")


def _p_part(stmt: Rates823, ctx) -> Outcome:
    k = n_seeds(ctx.profile)
    seeds = [ctx.seed_for(f"thm8.23-p#{i}") for i in range(k)]
    runs = compute([S.uniform_vs_pd_cell(sd, ctx.profile.scale) for sd in seeds])
    # the chain's bound at the concentration error the certificate gives: √(Cε) (C = 24 at the corrected levels; the
    # constant does not move the exponent)
    C = stmt.constant or 1.0
    curves = [([x / (1 - x / r[0]) for x in r[1]], [float(np.sqrt(C * c)) for c in r[4]]) for r in runs]
    fit, sf = pooled_fit(f"the chain's distance bound √({C:g}ε(p)), ε(p) = certificate ‖W/p − J‖μ²/d", "p·d/(1 − p)",
                         curves, stmt.p_power, "<=", seeds, resolution=0.05)
    j = judge(fit, sf)
    return Outcome(j.holds, ["sweep", "fit"], sum(len(c[0]) for c in curves), None,
                   None if j.holds else {"fitted exponent": [fit.exponent, fit.interval], "claimed": stmt.p_power},
                   fits=[fit], notes=[f"p-rate (d = {runs[0][0]}): " + describe(fit, sf) + "; " + j.reason +
                                      ". O((p·d)^k) reads as exponent ≤ k"], strength="sampled")


def _check(stmt: Rates823, ctx) -> Outcome:
    out = all_of(_eps_part(stmt), _p_part(stmt, ctx))
    if stmt.levels != "printed":
        e = EPSS[-1]
        c_printed = float(chain_sup(e, "printed") / e)
        out.notes.append(f"at the chapter's printed lemma levels the same chain gives √({c_printed:.4f}ε), i.e. √(3ε/2): "
                         "that constant rests on Lemma 8.19 at level ε, which is false as printed (lemma:8.19's erratum), "
                         f"and on the printed (8.42)–(8.43); with the corrected levels it is √({stmt.constant:g}ε)")
    out.notes.append("noiseless completion: past the threshold every local minimum the optimizers find is ±z to their "
                     "tolerance whatever p is (thm:8.14, thm:8.23), so the O(√ε) cannot be seen in f's landscape; it is "
                     "the proof's slack, measured here in the chain itself and, through Lemma 8.17's certificate, in p")
    return out


claim(
    id="sec:8.3.2:thm8.23-rates",
    section="8.3.2",
    kind="asymptotic",
    title="The O(√ε) of Theorems 8.14/8.23 and its p-rate, in the proof's chain: √(24ε) at the corrected lemma levels "
          "(√(3ε/2) at the printed ones), ∝ (p·d)^(−1/4)",
    printed=r"p = \frac{\text{poly}(\mu, \log d)}{d\epsilon^2} \implies \text{all local minima of } f "
            r"\text{ are } O(\sqrt\epsilon)\text{-close to } \pm z",
    statement=Rates823(),
    check=_check,
    mutants=[Mutant("O(ε)-close from the chain", Rates823(eps_power=1.0)),
             Mutant("O(ε^(3/4))-close from the chain", Rates823(eps_power=0.75)),
             Mutant("the bound falls like (p·d)^(−1/2)", Rates823(p_power=-0.5)),
             Mutant("√(3ε/2) from the chain at the corrected lemma levels", Rates823(constant=1.5)),
             Mutant("√(24ε) from the chain at the printed lemma levels", Rates823(levels="printed"))],
    uses=["thm:8.23", "thm:8.14", "lemma:8.17", "lemma:8.19", "lemma:8.21", "eq:8.42", "eq:8.43", "eq:8.52"],
    notes=["ε in the chain is the error of Lemma 8.17; the chapter ties it to p by p = poly(μ, log d)/(dε²), i.e. "
           "ε ∝ (p·d)^(−1/2) up to logarithms, so O(√ε) = O((p·d)^(−1/4))",
           "what the rates rest on: the chain's premises are Lemma 8.19 (⟨x, z⟩² ≥ ‖x‖⁴ − 20ε, its corrected level for "
           "‖x‖ ≤ 2), Lemma 8.21 (‖x‖² ≥ 1/3 − 5ε/3, from eq:8.32's correction), (8.42)–(8.43) paired with z "
           "(|⟨x, z⟩|·|1 − ‖x‖²| ≤ K(‖x‖)ε/2, 4ε for ‖x‖ ≤ 1, eq:8.42's correction) and Cauchy–Schwarz, each at an x that "
           "is incoherent (‖x‖_∞ ≤ μ/√d or 2μ/√d): the chain bounds the distance of incoherent second-order stationary "
           "points, and the chapter never shows that a local minimum of the unregularised f is incoherent (Ge et al. add "
           "a regulariser; see eq:8.39's notes). The p-rate further rests on Lemma 8.17's uniform reading (its spectral "
           "certificate). The exponents ε^(1/2) and (p·d)^(−1/4) are the same at the printed and corrected levels; only "
           "the constant moves (3/2 → 24)",
           "second reader R3 (2026-12-07): UNSURE — the √(3ε/2) needs the printed ε-level lemmas, and Lemma 8.19 is false "
           "at level ε; with the corrected constants it is about √(24ε). Changed: the chain now reads the corrected levels "
           "(constant 24, checked as sup²/ε → 24 at 50 digits), the printed-level √(3ε/2) is a note and two mutants "
           "(√(3ε/2) at the corrected levels; 24 at the printed ones), the premises are in 'uses'",
           "the constants are checked at 50 digits and the p-rate is a sampled fit; a proof would need the"
           " limit of the chain's supremum as ε → 0 in closed form (a one-variable asymptotic expansion: (k + a)ε with "
           "k = 4, a = 20) and, for the p-rate, the spectral bound ‖W/p − J‖ ∝ √(d/p) w.h.p."],
)
