"""§8.3.2: Lemma 8.17 and (8.15) for all incoherent pairs at once: the form the proofs need.

Lemma 8.17 (and the corrected (8.15), Lemma 8.17 times p) is a fixed-pair statement: for u, v chosen before Ω,
|⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩²| ≤ ε w.h.p. The proofs apply it in (8.23), (8.32) and (8.42) at pairs built from x, a
stationary point or local minimum of f, and f is built from Ω: there the bound is needed on one event of Ω for every
incoherent pair at once. Second reader T1 (2026-12-07) separated the two: d = 400, p = 1/20, μ = 1, ε = 1/10 — 600
fixed pairs over 3 masks all deviate by ≤ 0.0373, while on each mask the pair u = 1/√d, v = s/√d (s the signs of
sym(W/p − J)'s top eigenvector) deviates by 0.214, 0.215, 0.216 > ε.

The uniform form, checked here: with w = u∘v the deviation is the quadratic form wᵀ(W/p − J)w (SymPy, generic mask),
‖w‖² ≤ μ²/d (an exact sum-of-nonnegative-terms identity), so every incoherent pair deviates by at most
(μ²/d)‖sym(W/p − J)‖_op on the same Ω; and ‖sym(W/p − J)‖ ≤ C√(d/p) w.h.p. once p·d ≳ log d (sampled: its ratio to
√(d/p) at p·d = 2 log d over d, a pooled fit; and the failure rate of 'certificate ≤ ε' along p = log d/(dε²)). Hence
w.h.p., simultaneously for all incoherent u, v, the deviation is ≤ Cμ²/√(pd) ≤ ε at p ≥ C²μ⁴ log d/(dε²): the
lemma's p-scaling, so Theorem 8.14's rate is unaffected.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import sympy as sp

from numeric.chapter8 import mc_uniform_pairs as U
from numeric.stats import wilson_interval
from numeric.sweeps.core import compute
from verify.engine.claim import Erratum, Mutant, Outcome, Proof, Step
from verify.engine.rates import judge, n_seeds, pooled_fit
from verify.engine.registry import claim

DELTA = 0.1  # 'w.h.p.': failure rate at most δ (the §8.3.2 claims' δ)


@dataclass(frozen=True)
class UniformPairs:
    """What the proofs need from Lemma 8.17 at a pair (u, v) that may be built from Ω.

    quantifier: "all" — one w.h.p. event of Ω on which every incoherent pair (‖u‖, ‖v‖ ≤ 1, ‖·‖_∞ ≤ μ/√d) deviates by
    at most (μ²/d)‖sym(W/p − J)‖ ≤ Cμ²/√(pd) (≤ ε at p ≥ C²μ⁴ log d/(dε²)); "fixed" — the fixed-pair statement read
    at the pair the proof picks: wherever fixed pairs meet level ε w.h.p., so does a pair chosen after Ω.
    norm_bound: the bound on ‖u∘v‖² the certificate uses: "mu2/d" (true), "mu4/d2" (a mutant).
    times_p: (8.15)'s form (level pε for ⟨A, P_Ω(B)⟩ − p⟨A, B⟩): the same inequality divided by p.
    rate_d_power: the p-scaling claimed for the uniform form, p = Cμ⁴ log d/(d^k ε²): k = 1 (true), 2 (the fixed-pair
    rate, a mutant).
    """
    quantifier: str = "all"
    norm_bound: str = "mu2/d"
    times_p: bool = False
    rate_d_power: int = 1


def _whp(fails: int, n: int) -> bool | None:
    lo, hi = wilson_interval(fails, n)
    if hi <= 2 * DELTA and fails / n <= DELTA:
        return True
    if lo > DELTA:
        return False
    return None


# --- exact parts -------------------------------------------------------------------------------------------------
def identity_residual(d: int = 3) -> sp.Expr:
    """⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² − wᵀ(Ξ/p − J)w, w = u∘v, for a generic mask Ξ (symbols ξ_ij, not symmetric)."""
    u = sp.symbols(f"u0:{d}", real=True)
    v = sp.symbols(f"v0:{d}", real=True)
    p = sp.Symbol("p", positive=True)
    xi = sp.Matrix(d, d, lambda i, j: sp.Symbol(f"xi{i}{j}"))
    lhs = sum(xi[i, j] * u[i] * u[j] * v[i] * v[j] for i in range(d) for j in range(d)) / p \
        - sum(u[i] * v[i] for i in range(d)) ** 2
    w = sp.Matrix([u[i] * v[i] for i in range(d)])
    M = xi / p - sp.ones(d, d)
    return sp.expand(lhs - (w.T * M * w)[0, 0])


def norm_certificate(d: int = 4) -> sp.Expr:
    """μ²/d − ‖u∘v‖² − [Σ_i (μ²/d − u_i²)v_i² + (μ²/d)(1 − ‖v‖²)]: zero, so μ²/d − ‖u∘v‖² is a sum of terms that are
    ≥ 0 under ‖u‖_∞ ≤ μ/√d and ‖v‖ ≤ 1 (termwise, so the identity at one d is the identity at every d)."""
    u = sp.symbols(f"u0:{d}", real=True)
    v = sp.symbols(f"v0:{d}", real=True)
    mu = sp.Symbol("mu", positive=True)
    c = mu**2 / d
    w2 = sum(u[i] ** 2 * v[i] ** 2 for i in range(d))
    cert = sum((c - u[i] ** 2) * v[i] ** 2 for i in range(d)) + c * (1 - sum(vi**2 for vi in v))
    return sp.expand(c - w2 - cert)


def _norm_bound_step(which: str) -> tuple[bool, Step, Proof, dict | None]:
    """The bound on ‖u∘v‖² the certificate uses. True form: the identity. The mutant μ⁴/d²: u = v = 1/√d, μ = 1."""
    if which == "mu2/d":
        r = norm_certificate()
        ok = r == 0
        return ok, Step("‖u∘v‖² ≤ μ²/d", "μ²/d − ‖u∘v‖² = Σ(μ²/d − u_i²)v_i² + (μ²/d)(1 − ‖v‖²), every term ≥ 0 under "
                        "the hypotheses (SymPy: the difference expands to 0); attained at u = v = 1/√d, μ = 1",
                        derived=str(r), holds=ok), \
            Proof("symbolic", "μ²/d − ‖u∘v‖² minus the nonnegative terms", obj=r, size="termwise (every d)",
                  path="norm bound"), None
    d = 4
    w2 = sum(Fraction(1, d) ** 2 for _ in range(d))  # u = v = 1/√d: w_i = 1/d, ‖u‖_∞ = 1/√d (μ = 1), ‖u‖ = 1
    bound = Fraction(1, d * d)
    ok = w2 <= bound
    ce = None if ok else {"u = v": "1/√d · (1, …, 1)", "d": d, "mu": 1, "|u∘v|^2": str(w2), "claimed bound mu^4/d^2": str(bound)}
    return ok, Step("‖u∘v‖² ≤ μ⁴/d²", f"u = v = 1/√d, d = {d}, μ = 1: ‖u∘v‖² = {w2} against {bound}",
                    derived=str(w2), holds=ok), \
        Proof("exact", "‖u∘v‖² at the flat pair", obj=(str(w2), str(bound)), size=f"d = {d}", path="norm bound"), ce


def _reader_step(stmt: UniformPairs):
    """Second reader T1's instance, exact deviations at the constructed pairs."""
    r = compute([U.reader_instance_cell(0)])[0]
    rows, eps = r["rows"], Fraction(r["eps"])
    d, p = r["d"], Fraction(r["p"])
    n_fix = sum(x["n_fixed"] for x in rows)
    f_fix = sum(x["fixed_fail"] for x in rows)
    fixed_ok = _whp(f_fix, n_fix)  # the fixed-pair statement at (d, p, ε): holds on this sample
    adv_fail = sum(1 for x in rows if x["adv"] > eps)
    table = [{"|Ω|": x["|Omega|"], "Ω-built pair dev": f"{x['adv']} = {float(x['adv']):.6f}",
              "fixed pairs: max dev": f"{float(x['fixed_max']):.4f}", "fixed pairs: median": f"{float(x['fixed_median']):.4f}",
              "fixed pairs > ε": f"{x['fixed_fail']}/{x['n_fixed']}", "certificate (μ²/d)‖sym(W/p − J)‖": round(x["certificate"], 4),
              "v incoherent (|s_i| = 1)": x["incoherent"]} for x in rows]
    consistent = all(x["incoherent"] and float(x["adv"]) <= x["certificate"] + 1e-12 for x in rows)
    eps_rate = float(np.sqrt(np.log(d) / (float(p) * d)))  # the uniform form's ε at this p (C = 1, μ = 1)
    below_rate = all(x["certificate"] <= eps_rate for x in rows)
    if stmt.quantifier == "fixed":
        # premise: fixed pairs meet ε w.h.p. here; conclusion read at the pair the proof picks (after Ω)
        holds = False if adv_fail and _whp(adv_fail, len(rows)) is False and fixed_ok else (None if fixed_ok is not True else True)
        ce = None if holds else {"d": d, "p": str(p), "mu": 1, "eps": str(eps),
                                 "fixed pairs over eps": f"{f_fix}/{n_fix} (max {max(float(x['fixed_max']) for x in rows):.4f})",
                                 "pair built from Omega (u = 1/sqrt d, v = sign(top eigvec of sym(W/p - J))/sqrt d)":
                                     [str(x["adv"]) for x in rows],
                                 "over eps": f"{adv_fail}/{len(rows)} masks"}
        text = (f"d = {d}, p = {p}, μ = 1, ε = {eps}, independent mask (default_rng(0), the reader's draws): fixed pairs "
                f"exceed ε in {f_fix}/{n_fix} draws (w.h.p.: {fixed_ok}); the Ω-built pair in {adv_fail}/{len(rows)} masks")
    else:
        holds = consistent
        ce = None if holds else {"rows": table}
        text = (f"the reader's instance under the uniform form: every Ω-built deviation ≤ the certificate (an upper "
                f"bound on every incoherent pair): {consistent}; the form claims ε only down to √(log d/(pd)) = "
                f"{eps_rate:.3f} here (C = 1), and the certificate is below it: {below_rate}")
    return holds, Step("reader T1's Ω-built pair", text, derived=table, holds=holds), ce, n_fix + len(rows)


def _seed(ctx, name: str) -> int:
    """From the run's seed alone (not the claim's id): this claim and sec:8.3.2:eq-8.15-approx share the sweeps."""
    return zlib.crc32(f"{ctx.seed}|uniform-pairs|{name}".encode()) & 0x7FFFFFFF


def _rate_step(ctx):
    prof = ctx.profile
    seeds = [_seed(ctx, f"#{i}") for i in range(n_seeds(prof))]
    runs = compute([U.spectral_rate_cell(sd, prof.scale) for sd in seeds])
    # against √(d(1 − p)/p), the scale of ‖sym(W/p − J)‖ (entries of variance (1 − p)/p): against √(d/p) alone the
    # (1 − p) → 1 of p = 2 log d/d falling with d bends the curve up by ≈ 4% over d = 100 … 800 (a slope ≈ 0.02 that
    # the ≤ 0 bound excluded at some seeds); bounded either way, since √(1 − p) ≤ 1. The spectral edge approaches its
    # limit from below with a relative finite-size term ∝ d^(−2/3) (Tracy–Widom scale), declared here as the correction
    # (without it, ci seeds 0 and 7 read a slope 0.002–0.013 > 0 on d = 100 … 800 as a miss)
    fit, sf = pooled_fit("‖sym(W/p − J)‖·√(p/(d(1 − p))) at p·d = 2 log d (bounded ⟹ certificate O(μ²/√(pd)))", "d",
                         [(r["ds"], [m / np.sqrt(1 - 2 * np.log(d) / d) for d, (m, _) in zip(r["ds"], r["norm"])])
                          for r in runs], 0.0, "<=", seeds, resolution=0.1, correction=-2 / 3)
    j = judge(fit, sf)
    fails = sum(w["failures"] for r in runs for w in r["whp"])
    n = sum(w["trials"] for r in runs for w in r["whp"])
    whp = _whp(fails, n)
    holds = (j.holds is True and whp is True) if (j.holds is not None and whp is not None) else None
    if j.holds is False or whp is False:
        holds = False
    steps = [Step("‖sym(W/p − J)‖ = O(√(d/p))", f"ratio to √(d(1 − p)/p) at p·d = 2 log d over d = {runs[0]['ds']}, "
                  f"{len(seeds)} seeds: {j.reason}",
                  derived={"d": runs[0]["ds"], "mean ‖sym(W/p − J)‖·√(p/d) (seed 1)": [round(m, 4) for m, _ in runs[0]["norm"]],
                           "max ratio over seeds": [round(max(r["norm"][k][1] for r in runs), 4)
                                                    for k in range(len(runs[0]["ds"]))]}, holds=j.holds),
             Step("w.h.p. along the rate", f"certificate ‖sym(W/p − J)‖μ²/d > ε at p = μ⁴ log d/(dε²) (μ = 1, C = 1): "
                  f"{fails}/{n} masks (Wilson 95% {tuple(round(float(v), 3) for v in wilson_interval(fails, n))})",
                  derived=runs[0]["whp"], holds=whp)]
    return holds, steps, [fit], n


def _fixed_rate_outcome(ctx, steps, notes, proofs) -> Outcome:
    """The uniform form at the fixed-pair rate p = μ⁴ log d/(d²ε²) (C = 1, the constant the true form meets): the
    Ω-built pair (a lower bound on the sup) against ε, exactly per mask."""
    rows = compute([U.fixed_pair_rate_cell(_seed(ctx, "d2"))])[0]
    devs = [(r["d"], r["eps"], v) for r in rows for v in r["devs"]]
    fails = sum(1 for _, e, v in devs if v > Fraction(e).limit_denominator(1000))
    verdict = _whp(fails, len(devs))
    table = [{"d": r["d"], "eps": r["eps"], "p": r["p"], "p·d": r["p*d"], "Ω-built dev": [round(float(v), 4) for v in r["devs"]]}
             for r in rows]
    steps.append(Step("at p = μ⁴ log d/(d²ε²)", f"the Ω-built pair exceeds ε on {fails}/{len(devs)} masks (exact deviations)",
                      derived=table, holds=verdict))
    return Outcome(verdict, ["exact", "monte-carlo"], len(devs), None, None if verdict else table, steps=steps,
                   notes=notes + ["the Ω-built deviation is ≈ 1/√(pd) and p·d = log d/(dε²) at this rate, so its ratio to ε "
                                  "grows like √(d/log d): no constant C rescues the d² rate (lemma:8.17's adversary fit: "
                                  "D ∝ d^0.6 along it)"],
                   strength="sampled", proof=proofs, decided_by=["fixed-pair rate"])


def check_uniform(stmt: UniformPairs, ctx) -> Outcome:
    ident = identity_residual()
    ok_id = ident == 0
    steps = [Step("identity", "⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² = wᵀ(W/p − J)w with w = u∘v (SymPy, d = 3, generic "
                  "mask ξ_ij, not symmetric)", derived=str(ident), holds=ok_id)]
    proofs = [Proof("symbolic", "the deviation minus the quadratic form", obj=ident, size="d = 3, generic mask",
                    path="identity")]
    ok_nb, st_nb, pr_nb, ce_nb = _norm_bound_step(stmt.norm_bound)
    steps.append(st_nb)
    proofs.append(pr_nb)
    notes = ["|wᵀ(W/p − J)w| = |wᵀ sym(W/p − J) w| ≤ ‖sym(W/p − J)‖‖w‖² (Rayleigh), so with ‖w‖² ≤ μ²/d one event "
             "of Ω, ‖sym(W/p − J)‖ ≤ C√(d/p), bounds every incoherent pair by Cμ²/√(pd) at once"]
    if not (ok_id and ok_nb):
        return Outcome(False, ["symbolic", "exact"], 1, None, ce_nb or {"identity residual": str(ident)}, steps=steps,
                       notes=notes, strength="exact", sizes=["d = 4"], proof=proofs, decided_by=["norm bound"])
    h_r, st_r, ce_r, n_r = _reader_step(stmt)
    steps.append(st_r)
    if stmt.quantifier == "fixed":
        return Outcome(h_r, ["monte-carlo", "exact"], n_r, None, ce_r, steps=steps,
                       notes=notes + ["the fixed-pair statement holds at (d, p, ε) = (400, 1/20, 1/10) on these draws, and "
                                      "the pair the proofs would build from Ω breaks it on every mask: a fixed-pair "
                                      "w.h.p. bound says nothing about a pair chosen after Ω"],
                       strength="sampled", proof=proofs + [Proof("exact", "deviations at the Ω-built pairs, rationals",
                                                                 obj=ce_r, size="d = 400", path="reader instance")],
                       decided_by=["reader instance"])
    if stmt.rate_d_power == 2:
        return _fixed_rate_outcome(ctx, steps, notes, proofs)
    h_rate, st_rate, fits, n_rate = _rate_step(ctx)
    steps += st_rate
    holds = False if (h_r is False or h_rate is False) else (True if (h_r and h_rate) else None)
    notes.append("sampled: the spectral norm of the Bernoulli mask (independent entries, Definition 8.10); a proof would "
                 "need ‖W − pJ‖ ≤ C√(pd) w.h.p. for p·d ≳ log d (matrix Bernstein up to a √log d, Feige–Ofek / "
                 "Bandeira–van Handel without it); the identity and the norm bound are exact")
    if stmt.times_p:
        notes.append("(8.15)'s form: |⟨A, P_Ω(B)⟩ − p⟨A, B⟩| = p·|wᵀ(W/p − J)w| ≤ pε for all incoherent pairs at once")
    return Outcome(holds, ["symbolic", "exact", "monte-carlo", "sweep"], n_r + n_rate, None,
                   None if holds else (ce_r or "see steps"), fits=fits, steps=steps, notes=notes, strength="sampled",
                   proof=proofs, decided_by=["identity", "norm bound", "sweep"])


_UNIFORM_TEX = (r"\text{w.h.p. over } \Omega,\ \text{simultaneously for all } u, v \text{ with } \|u\|, \|v\| \leq 1,\ "
                r"\|u\|_\infty, \|v\|_\infty \leq \mu/\sqrt d:\ |\langle P_\Omega(uu^\top), vv^\top\rangle/p - \langle u, v\rangle^2| "
                r"= |w^\top(P_\Omega(J)/p - J)w| \leq \tfrac{\mu^2}{d}\|P_\Omega(J)/p - J\|_{op} \leq \tfrac{C\mu^2}{\sqrt{pd}} "
                r"\leq \epsilon \ (w = u\circ v) \text{ at } p \geq C^2\mu^4\log d/(d\epsilon^2),\ \epsilon \leq 1 \text{ (the spectral bound needs } pd \gtrsim \log d\text{)}")

claim(
    id="sec:8.3.2:lemma-8.17-uniform",
    section="8.3.2",
    kind="high-probability",
    title="Lemma 8.17 as the proofs use it: at pairs built from x, a stationary point of f (chosen after Ω)",
    printed=r"(8.23), (8.32), (8.42):\ x \text{ a stationary point / local minimum of } f \text{ (built from } \Omega),\ "
    r"|\langle P_\Omega(uu^\top), vv^\top\rangle/p - \langle u, v\rangle^2| \leq \epsilon \text{ at } u, v \text{ built from } x "
    r"\ (\text{by Lemma 8.17: for some fixed } u, v,\ \text{w.h.p.})",
    equations=["8.23", "8.32", "8.42"],
    statement=UniformPairs("fixed"),
    check=check_uniform,
    erratum=Erratum(
        printed=r"\text{Lemma 8.17 (for some } u, v \text{, w.h.p. over } \Omega) \text{ applied at } u, v \text{ chosen after } \Omega",
        corrected=_UNIFORM_TEX,
        explanation="severity: citation. Lemma 8.17 is true as printed, for a pair fixed before Ω (lemma:8.17), but "
        "(8.23), (8.32) and (8.42) apply it at pairs built from x, a stationary point or local minimum of f, which "
        "depends on Ω; a w.h.p. bound for each fixed pair says nothing about a pair chosen after Ω. Second reader T1: "
        "d = 400, p = 1/20, μ = 1, ε = 1/10, independent mask: 600 fixed pairs (3 masks × 200, u = 1/√d, v random "
        "signs/√d) deviate by ≤ 0.0373 (median 0.007), while on every mask the incoherent pair u = 1/√d, v = sign(top "
        "eigenvector of sym(W/p − J))/√d deviates by 8559/40000, 1719/8000, 2159/10000 (≈ 0.215) > ε. What the proofs "
        "need is true at the same p-scaling: with w = u∘v the deviation is wᵀ(W/p − J)w, ‖w‖² ≤ μ²/d, so on the one "
        "event ‖sym(W/p − J)‖ ≤ C√(d/p) every incoherent pair deviates by ≤ Cμ²/√(pd) ≤ ε at p ≥ C²μ⁴ log d/(dε²) "
        "(on the reader's masks the certificate is 0.306–0.312 ≥ 0.215). The conclusions of (8.23), (8.32), (8.42) "
        "need the uniform form AND the constants those steps carry (eq:8.23's (c² + c⁴)ε, eq:8.32's (8m² + 2)ε; "
        "sec:8.3.2:automatic-generalisation): at the same ε they fail (second reader U2: d = 4, z = ½𝟙, Ω = {(3, 3)}, "
        "p = 1/9, where the uniform level is exactly 81/128, ⟨z, ∇²g z⟩ = −5/3 at the PSD point (0, 0, 1/3, 0)); with "
        "them, and ε rescaled by a poly(μ) factor, Theorem 8.14's rate is unchanged.",
        corrected_statement=UniformPairs("all"),
        severity="citation",
    ),
    mutants=[Mutant("‖u∘v‖² ≤ μ⁴/d² (the certificate μ⁴‖W/p − J‖/d²)", UniformPairs(norm_bound="mu4/d2")),
             Mutant("the uniform form at the fixed-pair rate p = Cμ⁴ log d/(d²ε²)", UniformPairs(rate_d_power=2))],
    uses=["lemma:8.17", "eq:8.15", "def:8.10", "def:8.12"],
    notes=["second reader U2 (2026-12-08): CORRECTION-TOO-WEAK — the explanation said the steps' conclusions stand "
           "with the uniform form cited; at the same ε they do not (the constants must be carried, as "
           "sec:8.3.2:automatic-generalisation says); explanation corrected, the corrected statement (the uniform lemma) "
           "is unchanged and was not broken",
           "second reader T1 (2026-12-07): CORRECTION-TOO-WEAK on sec:8.3.2:eq-8.15-approx (fixed pair vs all pairs at "
           "once); the same quantifier gap is in every use of Lemma 8.17 at an Ω-dependent x ((8.23), (8.32), (8.42)): "
           "this claim carries it once, eq:8.23, eq:8.32, eq:8.42 and sec:8.3.2:eq-8.15-approx point here",
           "the printed reading (the fixed-pair level at the pair the proof builds) is refuted on the reader's draws, "
           "reproduced exactly (the same rng calls; deviations in rationals): the fixed-pair statement holds there "
           "(0/600 over ε) and the Ω-built pair breaks it on 3/3 masks",
           "lemma:8.17's check also reads the uniform reading along the printed rate (certificate fits in ε and d); this "
           "claim adds the exact identity and norm bound and the rate of ‖sym(W/p − J)‖ at p·d ∝ log d"],
)
