"""§8.3.2, concentration: Remark 8.16 ((8.13)–(8.14)), Lemma 8.17, Remark 8.15 and Figure 8.5.

Lemma 8.17 is read two ways, and both are checked:
  * fixed pair (the literal reading: u, v chosen before Ω): a Monte Carlo failure rate at the
    printed rate p = μ⁴ log d/(dε²), and the p* at which the failure rate falls below δ, fitted
    against d and ε: p* ∝ d^-2 ε^-2, so for a fixed pair the printed 1/(dε²) is loose by a factor d;
  * uniform (what the proofs use: Lemmas 8.19/8.21 apply it at x, a stationary point of f, which
    depends on Ω): u = 1_S/√k with S a dense (or sparse) subgraph of Ω is incoherent with μ = √(d/k)
    and attains deviation ∝ (pd)^(-1/2); along the printed rate the deviation stays O(ε), along
    p ∝ 1/(dε) or p ∝ 1/(d²ε²) it does not.  A certificate: |dev| ≤ ‖W/p − J‖·‖u∘v‖² ≤ ‖W/p − J‖μ²/d
    for every incoherent pair at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import comb

import numpy as np
import sympy as sp

from numeric.stats import wilson_interval
from numeric.chapter8.sweeps import mc_lemmas as S
from numeric.sweeps.core import compute
from numeric.chapter8.sweeps.mc_lemmas import DELTA, MU  # the sweeps' μ and δ are the claim's
from symbolic.chapter8.matrix_completion import Instance, reduce_mask

from numeric.adversaries import Class, admitted
from verify.engine.attacks import Quantified, Reading
from verify.engine.claim import Erratum, Mutant, Outcome, Proof, Step, all_of
from verify.engine.rates import judge, n_seeds, pooled_fit
from verify.engine.registry import claim
from verify.chapter8.claims.mc_uniform_pairs import UniformPairs, check_uniform


def _whp(fails: int, n: int, delta: float = DELTA) -> bool | None:
    lo, hi = wilson_interval(fails, n)
    if hi <= 2 * delta and fails / n <= delta:
        return True
    if lo > delta:
        return False
    return None


@dataclass(frozen=True)
class Lemma817:
    d_power: float = 1.0  # p = μ⁴ log d / (d^d_power ε^eps_power)
    eps_power: float = 2.0
    incoherent: bool = True
    eps_scale: Fraction = Fraction(1)  # the conclusion |dev| ≤ eps_scale·ε (a mutant: a smaller ε constant)


# --- the attack: every pair of the bank, the exact law of the deviation over Ω ------------------------------------
PAIRS = Class("admissible pairs (μ = 2)", "pair", ("in the unit ball", "incoherent (μ = 2)"),
              "u, v of Lemma 8.17: ‖u‖₂, ‖v‖₂ ≤ 1, ‖u‖∞, ‖v‖∞ ≤ μ/√d")
PAIRS_BALL = Class("pairs in the unit ball", "pair", ("in the unit ball",), "‖u‖₂, ‖v‖₂ ≤ 1, no incoherence")
P_GRID = tuple(Fraction(x) for x in ("1/20", "1/10", "1/8", "1/5", "1/3", "1/2", "3/4"))
DELTA_Q = Fraction(DELTA).limit_denominator(1000)  # 'w.h.p.' = failure probability ≤ δ = 1/10 (the claim's)


def _mu2(stmt: Lemma817, m) -> Fraction:
    """μ² in the rate: the pair's own incoherence d·max(‖u‖∞², ‖v‖∞²) (the smallest μ at which the lemma covers the
    pair, so the smallest p: the most demanding reading); without incoherence (the mutant) μ = 2 for every pair."""
    if not stmt.incoherent:
        return Fraction(4)
    u, v = m.obj
    t = sp.nsimplify(len(u) * max(max(x * x for x in u), max(x * x for x in v)))
    return Fraction(int(t.p), int(t.q))


def _decide_817(stmt: Lemma817, m, ctx) -> Outcome:
    """Lemma 8.17 for the fixed pair (u, v) = the member, decided on the exact law of dev over Ω.

    Reading (the literal one: u, v fixed before Ω): Ω symmetric Bernoulli(p); poly(μ, log d) = 2μ⁴/δ (Chebyshev's
    constant, no log), μ the pair's own incoherence; 'w.h.p.' = P_Ω(|dev| > ε) ≤ δ = 1/10.  For each p of a grid the
    rate gives ε (ε² = poly/(d^k p)), and P(|dev| > ε) is computed exactly from the law of dev (a convolution of
    binomials, numeric.chapter8.mc_pair_law): the statement holds on the pair iff it is ≤ δ at every p.  A single mask
    with |dev| > ε is a bad event, not a counterexample: the bank's masks of the pair's d are evaluated too and each
    is reported with its own probability, but only the exact failure probability decides.  The uniform reading (u, v
    chosen after Ω) is the check's sweep, not this decide."""
    from numeric.chapter8 import mc_exact_steps as XS
    from numeric.chapter8 import mc_pair_law as L
    from numeric.adversaries import members

    u, v = m.obj
    w = L.rational_w(u, v)
    if w is None:
        return Outcome(None, ["exact rational arithmetic"], 0, notes=[f"{m.name}: u∘v not rational"])
    d, mu2 = len(w), _mu2(stmt, m)
    poly = 2 * mu2 * mu2 / DELTA_Q
    dk = d ** int(stmt.d_power)
    s2 = Fraction(stmt.eps_scale) ** 2
    rows, ce, worst, cheb_bad = [], None, None, 0

    def level2(p):  # (the allowed level)² at rate p
        e = poly / (dk * p)  # ε^eps_power
        return s2 * (e if int(stmt.eps_power) == 2 else e * e)

    for p in P_GRID:
        b2 = level2(p)
        fail, top = L.failure(w, p, b2)
        cheb = L.variance(w, p) / b2 if b2 else None
        if cheb is not None and fail > cheb:
            cheb_bad += 1  # Chebyshev is a theorem: an exact probability above it is a defect of the computation
        rows.append({"p": str(p), "eps^2 (allowed)": float(b2), "P(|dev| > eps)": float(fail), "max |dev|": float(top),
                     "Chebyshev bound": None if cheb is None else float(cheb)})
        margin = DELTA_Q - fail
        worst = margin if worst is None else min(worst, margin)
        if fail > DELTA_Q and ce is None:
            ce = {"pair": m.name, "d": d, "p": str(p), "mu^2 in the rate": str(mu2), "poly = 2mu^4/delta": str(poly),
                  "allowed level^2": str(b2), "P(|dev| > level) (exact)": str(fail), "P (float)": float(fail),
                  "delta": str(DELTA_Q)}
    if cheb_bad:
        return Outcome(None, ["exact rational arithmetic"], len(rows), notes=[f"{cheb_bad} exact probabilities above "
                                                                               "Chebyshev's bound: law MISMATCH"])
    bad = []  # the bank's masks of this d: one Ω each, at its own p = |Ω|/d² (a bad event is reported, not decisive)
    for mk in members("mask"):
        if mk.obj.rows != d:
            continue
        M = XS.from_matrix(mk.obj, mk.name)
        dev = L.dev_on_mask(w, mk.obj.tolist(), M.p)
        b2 = level2(M.p)
        if dev * dev > b2:
            fail, _ = L.failure(w, M.p, b2)
            pm = L.mask_probability(mk.obj.tolist(), M.p)
            bad.append(f"{mk.name}: |dev| = {abs(dev)} > level {float(b2) ** 0.5:.3f} at p = {M.p} (a bad event of "
                       f"probability {'n/a (asymmetric)' if pm is None else f'{float(pm):.2e}'}; P(|dev| > level) = "
                       f"{float(fail):.3g} {'≤' if fail <= DELTA_Q else '>'} δ)")
    notes = [f"{m.name}: exact P(|dev| > ε) at p ∈ {{{', '.join(map(str, P_GRID))}}}, largest "
             f"{max(r['P(|dev| > eps)'] for r in rows):.3g} (δ = {DELTA_Q}); μ² = {mu2}, poly = 2μ⁴/δ = {poly}"]
    if bad:
        notes.append("bank masks with |dev| > ε (bad events, not counterexamples): " + "; ".join(bad))
    return Outcome(ce is None, ["exact rational arithmetic", "exact law of dev over Ω"], len(rows),
                   None if worst is None else float(worst), ce, notes=notes, strength="exact",
                   steps=[Step("exact law", f"P_Ω(|dev(u, v)| > ε) at the rate, {m.name}", derived=rows,
                               holds=ce is None)],
                   sizes=[f"d = {d}"],
                   proof=[] if ce is None else [Proof("exact", f"P_Ω(|dev| > ε) = {ce['P(|dev| > level) (exact)']} > δ "
                                                      f"for the fixed pair {m.name!r} at p = {ce['p']}",
                                                      worst, size=f"d = {d}", path="exact law of dev")])


def _bank_817(stmt: Lemma817, ctx) -> Outcome:
    """The decide on every pair of the statement's class (the mutants meet the bank here)."""
    cls = PAIRS if stmt.incoherent else PAIRS_BALL
    outs = [_decide_817(stmt, m, ctx) for m in admitted(cls)]
    return all_of(*outs)


def _check_817(stmt: Lemma817, ctx) -> Outcome:
    prof = ctx.profile
    seed = ctx.seed_for("lemma-8.17")
    steps, notes, fits = [], [], []
    # A. fixed pairs at the printed rate
    rows = compute([S.fixed_pairs_cell(seed, prof.scale, prof.trials, not stmt.incoherent)])[0]
    verdicts = [_whp(k, n) for (_, _, _, _, k, n) in rows]
    worst = max(rows, key=lambda r: r[4])
    holds_a = False if False in verdicts else (None if None in verdicts else True)
    steps.append(Step("fixed pairs", "failure rate of |⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩²| > ε at p = log d/(dε²), μ = 2",
                      derived=[{"d": d, "eps": e, "p": round(p, 4), "pair": nm, "failures": k, "trials": n}
                               for d, e, p, nm, k, n in rows], holds=holds_a))
    ce = None
    if holds_a is False:
        d, e, p, nm, k, n = worst
        ce = {"reading": "fixed pair", "d": d, "eps": e, "p": p, "pair": nm, "failures": k, "of": n}
    # B. uniform: along the statement's rate the sup over incoherent pairs of the Ω-dependent deviation must be
    # O(ε) (exponent in ε at least 1) and must not grow with d at fixed ε (exponent in d at most 0). The spectral
    # certificate bounds the sup from above, so it can verify; the greedy adversary bounds it from below, so it
    # can only refute. Both are pooled over 3 (ci) / 5 (report) independent seeds. The adversary's fits are declared
    # refutes_only: a consistent lower bound verifies nothing, so their ±δ mutants test nothing the verdict rests on (the
    # certificate's fits carry them); at the report profile, seed 0, D's ε-fit is curved (its asymptotic model's
    # interval [0.74, 1.24]) and its 0.9 mutant survived, which made the verdict inconclusive for no reason of its own.
    useeds = [seed] + [ctx.seed_for(f"lemma-8.17#{i}") for i in range(1, n_seeds(prof))]
    uruns = compute([S.uniform_along_rate_cell(sd, prof.scale, stmt.d_power, stmt.eps_power) for sd in useeds])
    (epss, De, Ce), (ds, Dd, Cd, eps0) = uruns[0]
    along = "along the rate"
    fce, sfce = pooled_fit(f"certificate ‖W/p − J‖μ²/d {along} (upper bound on the sup)", "ε",
                           [(e, c_) for (e, _, c_), _ in uruns], 1.0, ">=", useeds, resolution=0.3)
    fcd, sfcd = pooled_fit(f"certificate ‖W/p − J‖μ²/d {along}, ε fixed (upper bound on the sup)", "d",
                           [(d_, c_) for _, (d_, _, c_, _) in uruns], 0.0, "<=", useeds, resolution=0.1)
    fe, sfe = pooled_fit(f"adversarial deviation D(Ω) {along} (lower bound on the sup)", "ε",
                         [(e, D_) for (e, D_, _), _ in uruns], 1.0, ">=", useeds, resolution=0.1, refutes_only=True)
    fd, sfd = pooled_fit(f"adversarial deviation D(Ω) {along}, ε fixed (lower bound on the sup)", "d",
                         [(d_, D_) for _, (d_, D_, _, _) in uruns], 0.0, "<=", useeds, resolution=0.15,
                         refutes_only=True)
    j_cert = [judge(fce, sfce), judge(fcd, sfcd)]
    j_adv = [judge(fe, sfe), judge(fd, sfd)]
    refuted_b = any(j.holds is False for j in j_adv)  # the lower bound already breaks O(ε) or grows with d
    verified_b = all(j.holds is True for j in j_cert)  # the upper bound is O(ε) and does not grow with d
    holds_b = False if refuted_b else True if verified_b else None
    fits += [fce, fcd, fe, fd]
    steps.append(Step("uniform", f"sup over incoherent pairs (μ = {MU}) of the Ω-dependent deviation along "
                      f"p = log d/(d^{stmt.d_power} ε^{stmt.eps_power}), {len(useeds)} seeds: certificate (upper bound) "
                      f"in ε: {j_cert[0].reason}; in d: {j_cert[1].reason}; adversary (lower bound) in ε: "
                      f"{j_adv[0].reason}; in d: {j_adv[1].reason}",
                      derived={"eps": np.round(epss, 4).tolist(), "D": np.round(De, 4).tolist(),
                               "certificate": np.round(Ce, 4).tolist(), "d": ds,
                               "D at eps=%.3f" % eps0: np.round(Dd, 4).tolist(),
                               "certificate at eps=%.3f" % eps0: np.round(Cd, 4).tolist()}, holds=holds_b))
    if holds_b is False and ce is None:
        ce = {"reading": "uniform (u, v chosen after Ω)",
              "D/eps along the rate": (np.asarray(De) / np.asarray(epss)).round(3).tolist(), "eps": np.round(epss, 4).tolist(),
              "exponent of D in eps": [round(fe.exponent, 3), [round(v, 3) for v in fe.interval]],
              "exponent of D in d": [round(fd.exponent, 3), [round(v, 3) for v in fd.interval]]}
    if holds_a is False or holds_b is False:
        holds = False
    elif holds_a is None or holds_b is None:
        holds = None
    else:
        holds = True
    if stmt == Lemma817():
        # fits for the report: the fixed-pair p* and the uniform deviation against p·d
        # the d and ε fits of p* pool twice the seeds (the extra ones without the μ sweep): p* is read from the few
        # largest deviations, and Bernstein's range term bends p*(ε), so 3 seeds left intervals wider than δ
        pseeds = useeds + [ctx.seed_for(f"lemma-8.17#p*{i}") for i in range(len(useeds))]
        fps = compute([S.fixed_pair_fits_cell(sd, prof.scale, prof.trials) for sd in useeds]
                      + [S.fixed_pair_fits_cell(sd, prof.scale, prof.trials, mu=False) for sd in pseeds[len(useeds):]])
        # the printed p = poly/(dε²) is a sufficient rate: the p* needed is at most ∝ 1/d (exponent ≤ −1) and
        # grows at most like ε^(−2) as ε → 0 (exponent ≥ −2); p* is located per seed, so the crossing's error
        # is in the spread between seeds
        f1, _ = pooled_fit("p* (fixed pair, failure ≤ 0.1)", "d", [fp["d"][:2] for fp in fps], -1.0, "<=", pseeds,
                            resolution=0.1)
        f2, _ = pooled_fit("p* (fixed pair, failure ≤ 0.1)", "ε", [fp["eps"][:2] for fp in fps], -2.0, ">=", pseeds,
                            resolution=0.5)
        f3, _ = pooled_fit("p* (fixed pair u = 1_S/√k, k = d/μ²)", "μ", [fp["mu"][:2] for fp in fps[:len(useeds)]],
                           None, "=", useeds)
        fits += [f1, f2, f3]
        notes.append(f"μ: for the extremal incoherent u (every entry at μ/√d) p* ∝ μ^{f3.exponent:.2f} "
                     f"([{f3.interval[0]:.2f}, {f3.interval[1]:.2f}]), the μ⁴ of Var ≤ 2μ⁴/(pd²): poly(μ) = μ⁴")
        pdruns = compute([S.uniform_vs_pd_cell(sd, prof.scale) for sd in useeds])
        d, pds, D, Dfix, cert, _ = pdruns[0]
        # sup ≥ D and sup ≤ certificate: the sup's exponent in p·d is ≥ D's and ≤ the certificate's, −1/2 between;
        # D is a lower bound, so its fit can refute (an exponent above −1/2) but its consistency verifies nothing
        # (refutes_only: at ci seed 7 its asymptotic model's interval held the −0.4 mutant)
        fu, _ = pooled_fit("Ω-dependent deviation D (lower bound on the sup)", "p·d", [(r[1], r[2]) for r in pdruns],
                           -0.5, "<=", useeds, resolution=0.1, refutes_only=True)
        # ‖W/p − J‖ ≈ 2√(d(1 − p)/p): against p·d/(1 − p) the certificate's exponent is −1/2 without the (1 − p) bend
        fc_, _ = pooled_fit("certificate ‖W/p − J‖μ²/d (upper bound on the sup)", "p·d/(1 − p)",
                            [([x / (1 - x / r[0]) for x in r[1]], r[4]) for r in pdruns], None, "=", useeds)
        fits += [fu, fc_]
        notes += [
            f"fixed pair: p* ∝ d^{f1.exponent:.2f} (95% [{f1.interval[0]:.2f}, {f1.interval[1]:.2f}]) and "
            f"ε^{f2.exponent:.2f} ([{f2.interval[0]:.2f}, {f2.interval[1]:.2f}]): for u, v fixed before Ω, "
            "p ∝ μ⁴/(d²ε²) suffices (Var = 2‖u∘v‖⁴/p ≤ 2μ⁴/(pd²)); the printed 1/(dε²) is loose by a factor d",
            f"uniform: D(Ω) ∝ (pd)^{fu.exponent:.2f} ([{fu.interval[0]:.2f}, {fu.interval[1]:.2f}]) at d = {d}: "
            f"D = {np.round(D, 3).tolist()} for pd = {pds}, while the same sets S on a fresh Ω give "
            f"{np.round(Dfix, 3).tolist()}; so sup over incoherent pairs needs p ∝ 1/(dε²), the printed rate, which "
            "is tight (the greedy adversary's slope is steeper than −1/2 because it saturates at small p·d; the "
            "certificate, an upper bound on the sup, has slope ≈ −1/2, steeper where the (1 − p) of ‖W/p − J‖ ≈ 2√(d(1 − p)/p) "
            "matters)",
            f"certificate ‖W/p − J‖μ²/d (holds for all incoherent pairs at once) = {np.round(cert, 3).tolist()} "
            "(≈ 2μ²/√(pd)): the uniform reading is true at p = C μ⁴/(dε²) with C ≈ 4 once ‖W/p − J‖ ≤ 2√(d/p)(1 + o(1))",
            "the proofs of Lemmas 8.19 and 8.21 and of Theorem 8.23 apply the lemma at x, which depends on Ω: "
            "they need the uniform reading; the printed statement (for some u, v) is ambiguous between the two",
            "second reader T1 (2026-12-07): the lemma holds as printed for a fixed pair (the verdict stands); its use at "
            "an Ω-dependent x is sec:8.3.2:lemma-8.17-uniform (erratum, severity citation: a fixed pair deviates ≤ "
            "0.0373 where a pair built from Ω deviates 0.215; the uniform form holds at the same p-scaling)",
        ]
    notes.append("uniform half: the verdict comes from the spectral certificate, an upper bound on the sup over every "
                 "incoherent pair for the sampled Ω, read against ε (exponent ≥ 1) and d (exponent ≤ 0) on intervals "
                 "pooled over seeds; the greedy adversary is a lower bound on the sup, so it can refute (and does, for "
                 "the p ∝ 1/(dε) and p ∝ 1/(d²ε²) mutants) but not verify. Strength: sampled (random Ω, a finite grid)")
    notes.append("bank: every pair of the statement's class (numeric/adversaries/pairs.py) decided on the exact law of "
                 "dev over Ω (fixed-pair reading, poly = 2μ⁴/δ, μ the pair's own incoherence, δ = 1/10); see _decide_817")
    sampled = Outcome(holds, ["monte-carlo", "sweep"], sum(r[5] for r in rows), None, ce, fits=fits, steps=steps,
                      notes=notes, strength="sampled")
    return all_of(sampled, _bank_817(stmt, ctx))


claim(
    id="lemma:8.17",
    section="8.3.2",
    kind="high-probability",
    title="Concentration: |⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩²| ≤ ε w.h.p. at p = poly(μ, log d)/(dε²)",
    printed=r"p = \frac{\text{poly}(\mu, \log d)}{d\epsilon^2},\ A = uu^\top, B = vv^\top,\ \|u\|_2, \|v\|_2 \leq 1,\ "
    r"\|u\|_\infty, \|v\|_\infty \leq \mu/\sqrt d \implies |\langle P_\Omega(A), B\rangle/p - \langle A, B\rangle| \leq \epsilon \text{ w.h.p.}",
    statement=Lemma817(),
    check=_check_817,
    mutants=[
        Mutant("p = poly/(dε) suffices", Lemma817(eps_power=1.0)),
        Mutant("p = poly/(d²ε²) suffices (the fixed-pair rate)", Lemma817(d_power=2.0)),
        Mutant("no incoherence (u = v = e₁)", Lemma817(incoherent=False)),
        Mutant("|dev| ≤ ε/4 at the same rate (a smaller ε constant)", Lemma817(eps_scale=Fraction(1, 4))),
    ],
    uses=["def:8.9", "def:8.10", "def:8.12", "eq:8.15"],
    quantified=Quantified(PAIRS, lambda st, m, ctx: _decide_817(st, m, ctx),
                          readings=(Reading("without incoherence: μ = 2 in the rate for every pair in the unit ball",
                                            Lemma817(incoherent=False), expect=False, cls=PAIRS_BALL),)),
    notes=["read with Definition 8.10's corrected model (entries, or unordered pairs, included independently with probability p), the one every mask here is drawn from; under the definition as printed (only each entry's probability fixed) the all-or-nothing model refutes it — def:8.10's erratum (second reader V3, 2026-12-08)",
           "poly(μ, log d) = log d in the fixed-pair sweep (a smaller poly than the lemma allows, so a stronger "
           "test), μ = 2, grid points with p < 1; 'w.h.p.' = failure rate ≤ 0.1 with a Wilson interval below 0.2",
           "sampled: failure rates over drawn Ω; a proof would need, for a fixed pair, Bernstein's inequality "
           "with Var ≤ 2μ⁴/(pd²), and for the uniform reading a spectral-norm bound ‖W/p − J‖ ≤ C√(d/p) for the "
           "Bernoulli mask (e.g. matrix Bernstein, or Feige–Ofek for p ≳ log d/d)",
           "attacks (issue 18): every admissible pair of the bank (numeric/adversaries/pairs.py: flat, spiky at the "
           "cap, Hadamard-orthogonal, antiparallel, disjoint, short; d = 4, 8, 16), u, v fixed before Ω: the exact law "
           "of dev over the symmetric Bernoulli(p) mask, P(|dev| > ε) at p ∈ {1/20, …, 3/4} with ε² = poly/(dp), "
           "poly = 2μ⁴/δ (μ the pair's own incoherence, δ = 1/10), against δ. Chebyshev proves this reading for every "
           "pair (P ≤ δ(1 − p)/d), so the decide is a certificate on the bank and the exact probabilities are checked "
           "against the bound; a bank mask with |dev| > ε is reported as a bad event with its probability, never as a "
           "counterexample. The mutants ε/4 (e₁ at d = 4: P = p = 1/8 > δ at p = 1/8) and 'no incoherence' (e₁ at "
           "d = 64 with μ = 2 in the rate: P = 1/8) fall on this path; the rate mutants (d², ε¹) are uniform-reading "
           "mutants (for a fixed pair p ∝ 1/(d²ε²) suffices) and fall on the sweep"],
)


# --- Remark 8.16: (8.13)–(8.14) -----------------------------------------------------------------------------
@dataclass(frozen=True)
class ScalarSum:
    normalised: bool = True  # T = (uuᵀ)∘(vvᵀ) with unit incoherent u, v; False: any T, here T_ij = 1 (T = J)
    scale: float = 1.0  # T multiplied by this factor


MASKS_815 = Class("masks of the bank (p = |Ω|/d²)", "mask", (),
                  "a fixed Ω with its observed fraction as p (numeric.chapter8.mc_exact_steps.from_matrix)")


def _decide_approx(stmt, mm, ctx) -> Outcome:
    """(8.14)/(8.15)'s '≈' on one bank mask, exactly (p = |Ω|/d², T = A∘B, dev_T = Σ_Ω T_ij − pΣT_ij):

    * 'for any A, B' (remark:8.16 printed, ScalarSum(False); eq-8.15-approx printed, InnerApprox('any')), read at the
      level ε of Lemma 8.17 on this Ω: A = B = M for every PSD matrix of the bank at the mask's d, and A = B = J;
      refuted where |dev_T| > ε̄ = ‖E_s‖_F μ²/d (μ = 2), an upper bound on the level; held only if every dev_T = 0;
    * the normalised T = (uuᵀ)∘(vvᵀ) (the corrections): every pair u, v of unit μ-incoherent vectors of the bank at the
      mask's d: dev_T = p·dev(u, v) exactly, so |dev_T| ≤ pε at every level ε at which Lemma 8.17 holds (held);
      scaled by c (a mutant), refuted where c·|dev(u, v)| > ε̄;
    * A = B = e₁e₁ᵀ (unit, coherent; level pε): refuted where |W₁₁ − p| > pε̄.
    The rate (w.h.p. at p = poly(μ, log d)/(dε²)) is not a statement about one mask: it stays sampled in the check."""
    from fractions import Fraction as F

    from numeric.adversaries import members
    from numeric.adversaries.core import checked as hyp_checked

    # the uniform corrected form (UniformPairs): on one mask its content is the normalised pairs' — every bank pair's
    # dev_T = p·dev(u, v) at the mask's own Lemma 8.17 level, which is already the sup over all pairs on that Ω
    if isinstance(stmt, InnerApprox):
        pair = stmt.pair
    elif isinstance(stmt, UniformPairs):
        pair = "incoherent"
    else:
        pair = "incoherent" if stmt.normalised else "any"
    scale = sp.nsimplify(getattr(stmt, "scale", 1))
    W = mm.obj
    d = W.rows
    p = sp.Rational(sum(W), d * d)
    if p == 0:
        return Outcome(None, ["exact"], 0, notes=[f"{mm.name}: Ω empty (p = 0)"])
    Es = (W + W.T) / (2 * p) - sp.ones(d, d)
    eb2 = sum(v**2 for v in Es) * 16 / (d * d)  # ε̄², μ = 2

    def dev(T):
        return scale * (sum(W[i, j] * T[i, j] for i in range(d) for j in range(d)) - p * sum(T))

    rows, bad, undecided = [], [], []
    if pair == "any":
        # T = A∘B for coherent A = B: the spikes E_kk, the pair E_12 + E_21, J, every PSD matrix of the bank at this d;
        # 'any' includes c·T (A = B = √c·M): a T with dev_T ≠ 0 is scaled by the least power of 10 past ε̄
        E = lambda i, j: sp.Matrix(d, d, lambda a, b: 1 if (a, b) == (i, j) else 0)  # noqa: E731
        mats = [(f"A = B = E_{k + 1}{k + 1}", E(k, k)) for k in range(d)] + [("A = B = E_12 + E_21", E(0, 1) + E(1, 0)),
                                                                         ("A = B = J", sp.ones(d, d))]
        mats += [(f"A = B = {pm.name}", pm.obj.multiply_elementwise(pm.obj)) for pm in members("psd") if pm.obj.rows == d]
        for name, T in mats:
            v = dev(T)
            rows.append((name, v))
            if v == 0:
                continue
            c = 1
            while (c * v) ** 2 <= eb2:
                c *= 10
            bad.append({"mask": mm.name, "p": str(p), "A = B": f"√{c}·{name[8:]}" if c > 1 else name[8:],
                        "dev_T": str(c * v), "eps_bar": str(sp.sqrt(eb2)), "|dev_T| > eps_bar >= the lemma's level": True})
    elif pair == "e1":
        v = dev(sp.diag(*([1] + [0] * (d - 1))))
        rows.append(("A = B = e₁e₁ᵀ", v))
        if v**2 > p**2 * eb2:
            bad.append({"mask": mm.name, "p": str(p), "T": "E11", "dev": str(v), "p^2 eps_bar^2": str(p**2 * eb2)})
        elif v != 0:
            undecided.append("e₁e₁ᵀ")
    else:
        cls = Class("unit μ-incoherent", "vector", ("unit norm", "incoherent (μ = 2)"))
        vs = [zm for zm in members("vector") if len(zm.obj) == d and all(r.holds for _, r in hyp_checked(cls, zm))]
        if not vs:
            return Outcome(None, ["exact"], 0, notes=[f"no unit μ-incoherent vector of the bank at d = {d}"])
        for um in vs:
            for vm in vs:
                u, w = sp.Matrix(um.obj), sp.Matrix(vm.obj)
                T = (u * u.T).multiply_elementwise(w * w.T)
                v = sp.nsimplify(sp.expand(dev(T)))
                lem = sp.nsimplify(sp.expand(sum(W[i, j] * T[i, j] for i in range(d) for j in range(d)) / p
                                             - (u.T * w)[0] ** 2))  # Lemma 8.17's dev(u, v)
                if sp.simplify(v - scale * p * lem) != 0:
                    return Outcome(None, ["exact"], 0, notes=[f"identity dev_T = p·dev(u, v) failed at {um.name}"])
                rows.append((f"u = {um.name}, v = {vm.name}", v))
                if scale > 1 and (scale * lem) ** 2 > eb2:
                    bad.append({"mask": mm.name, "p": str(p), "u": um.name, "v": vm.name, "dev(u, v)": str(lem),
                                "scale": str(scale), "eps_bar^2": str(eb2)})
                elif scale > 1 and lem != 0:
                    undecided.append(f"{um.name}, {vm.name}")
    holds = False if bad else (True if not undecided else None)
    return Outcome(holds, ["exact"], len(rows), None, bad[0] if bad else None,
                   steps=[Step("dev_T", f"Σ_Ω T − pΣT on {mm.name} (p = {p}), exact", derived=[r[1] for r in rows],
                               holds=holds)],
                   notes=[f"{mm.name} (p = {p}), {pair}: {len(rows)} T; refuted against ε̄ at {len(bad)}, "
                          f"neither at {len(undecided)}" + ("; normalised T: dev_T = p·dev(u, v) exactly, so ≤ pε at every "
                                                            "level of Lemma 8.17 on Ω" if pair == "incoherent" else "")
                          + "; the rate (w.h.p. at p = poly/(dε²)) stays sampled"],
                   strength="exact", sizes=[f"d = {d}: {mm.name}"],
                   proof=[Proof("exact", "dev_T in rationals against ε̄", obj=[str(r[1]) for r in rows], size=f"d = {d}",
                                path="adversary bank (masks)")] if bad else [],
                   decided_by=["adversary bank (masks)"] if bad else [])


def _approx_bank(stmt, out: Outcome, ctx) -> Outcome:
    """The check's own pass over the mask bank (the attack's decide): a break is merged, so mutants meet it."""
    from numeric.adversaries import admitted

    hit = next((o for o in (_decide_approx(stmt, mm, ctx) for mm in admitted(MASKS_815)) if o.holds is False), None)
    return all_of(out, hit) if hit is not None else out


def _check_816(stmt: ScalarSum, ctx) -> Outcome:
    rows, fails, n = compute([S.scalar_sum_cell(ctx.seed_for("remark-8.16"), ctx.profile.trials, stmt.normalised,
                                                stmt.scale)])[0]
    verdict = _whp(fails, n)
    return _approx_bank(stmt, Outcome(verdict, ["monte-carlo"], n, None, None if verdict else rows,
                   steps=[Step("(8.14)", "|Σ_Ω T_ij − pΣT_ij| < ε at p = log d/(dε²)", derived=rows, holds=verdict)],
                   notes=["(8.14) is Lemma 8.17 multiplied by p: |Σ_Ω T − pΣT| = p·|Σ_Ω T/p − ΣT| ≤ pε ≤ ε (< ε for p < 1), so it "
                          "holds whenever the lemma does, and is weaker by the factor 1/p",
                          "T must be normalised (T = A∘B with ‖u‖, ‖v‖ ≤ 1 and incoherent): for T_ij = 1 the gap has "
                          "standard deviation ≈ d√(2p)"], strength="sampled"), ctx)


claim(
    id="remark:8.16",
    section="8.3.2",
    kind="high-probability",
    title="Scalar concentration: Σ_Ω T_ij ≈ p Σ T_ij within ε",
    printed=r"\Big|\sum_{(i,j)\in\Omega} T_{ij} - p\sum_{(i,j)} T_{ij}\Big| < \epsilon \text{ w.h.p. (for any matrices } A, B)",
    equations=["8.13", "8.14"],
    statement=ScalarSum(False),
    check=_check_816,
    erratum=Erratum(
        printed=r"\text{for any } T:\ \Big|\sum_{(i,j)\in\Omega} T_{ij} - p\sum_{(i,j)} T_{ij}\Big| < \epsilon \text{ w.h.p.}",
        corrected=r"T = (uu^\top)\circ(vv^\top),\ \|u\|, \|v\| \leq 1,\ \|u\|_\infty, \|v\|_\infty \leq \mu/\sqrt d:\ "
        r"\Big|\sum_{\Omega} T_{ij} - p\sum T_{ij}\Big| \leq p\epsilon \leq \epsilon \text{ (} < \epsilon \text{ for } p < 1\text{) w.h.p. (Lemma 8.17 times } p)",
        explanation="severity: hypothesis. The deviation Σ_Ω T − pΣT has standard deviation √(p(1 − p)ΣT_ij²), unbounded "
        "over T, so no absolute level ε holds 'for any A, B': T = J (all ones) gives a gap of order d√p (the reviewer saw "
        "medians 260 and 551 at d = 2000, p = 0.05 and 0.2; T = e₁1ᵀ gave |dev| > 0.1 in 98% of draws). Scalar "
        "concentration at level ε needs T small: Bernstein gives |dev| ≲ √(2pΣT_ij² log(1/δ)) + max|T_ij| log(1/δ), "
        "which is what Lemma 8.17's T = (uuᵀ)∘(vvᵀ) with unit incoherent u, v provides (ΣT_ij² ≤ μ⁴/d², max|T_ij| ≤ "
        "μ⁴/d²). Later use (Lemma 8.17 and its steps) is of that normalised form, so nothing downstream breaks.",
        corrected_statement=ScalarSum(True),
    ),
    mutants=[Mutant("normalised T scaled by 1000 (‖u‖ = ‖v‖ ≈ 5.6)", ScalarSum(True, 1000.0))],
    uses=["lemma:8.17"],
    quantified=Quantified(MASKS_815, _decide_approx, corrected_cls=MASKS_815),
    notes=["(8.13) defines '≈' by (8.14); the remark says 'for any matrices A and B', refuted at T = J; the corrected "
           "form is the T of Lemma 8.17",
           "sampled: Monte Carlo over Ω; a proof would need Lemma 8.17 (itself only sampled) and then the one-"
           "line rescaling |Σ_Ω T − pΣT| = p·|Σ_Ω T/p − ΣT|"],
)


# --- (8.15)'s "≈ p⟨A, B⟩ for any matrices A and B" ----------------------------------------------------------
@dataclass(frozen=True)
class InnerApprox:
    """⟨A, P_Ω(B)⟩ ≈ p⟨A, B⟩ in the sense of (8.14): |⟨A, P_Ω(B)⟩ − p⟨A, B⟩| < level w.h.p.

    pair: "any" (the printed 'for any A, B', decided at A = B = J), "incoherent" (A = uuᵀ, B = vvᵀ, unit incoherent
    u, v: Lemma 8.17 times p, level pε), "e1" (A = B = e₁e₁ᵀ, unit but not incoherent, level pε); scale multiplies T.
    """
    pair: str = "any"
    scale: float = 1.0


# the reader's instance: A = B = J, d = 100, an independent Bernoulli(p) mask; ⟨J, P_Ω(J)⟩ = |Ω| ~ Bin(d², p)
_J_CASES = ((100, Fraction(1, 2)), (100, Fraction(1, 20)))


def _prob_dev_below_one(N: int, p: Fraction) -> Fraction:
    """P(|Bin(N, p) − Np| < 1) for Np an integer: only k = Np, exactly."""
    k = int(N * p)
    assert k == N * p
    return Fraction(comb(N, k)) * p**k * (1 - p) ** (N - k)


def _check_815_approx(stmt: InnerApprox, ctx) -> Outcome:
    if isinstance(stmt, UniformPairs):  # the corrected form for all incoherent pairs at once (mc_uniform_pairs)
        return check_uniform(stmt, ctx)
    out = _check_815_approx_own(stmt, ctx)
    return out if stmt.pair == "incoherent" else _approx_bank(stmt, out, ctx)  # 'incoherent': _check_816 ran the bank


def _check_815_approx_own(stmt: InnerApprox, ctx) -> Outcome:
    if stmt.pair == "incoherent":  # the normalised T = (uuᵀ)∘(vvᵀ): remark:8.16's corrected form, the same sweep
        return _check_816(ScalarSum(True, stmt.scale), ctx)
    if stmt.pair == "e1":  # T = E₁₁: Σ_Ω T − pΣT = W₁₁ − p ∈ {1 − p, −p}, both > pε for every ε < 1 and p ≤ 1/2
        p, eps = Fraction(1, 20), Fraction(1, 2)
        devs = (1 - p, -p)
        holds = all(abs(v) <= p * eps for v in devs)
        return Outcome(holds, ["exact"], 1, None, None if holds else
                       {"T": "E11", "p": str(p), "eps": str(eps), "deviations": [str(v) for v in devs],
                        "level p*eps": str(p * eps)},
                       steps=[Step("T = E₁₁", "|W₁₁ − p| ≤ pε with probability 1?", derived=[str(v) for v in devs],
                                   holds=holds)],
                       strength="exact", sizes=["T = E₁₁, p = 1/20, ε = 1/2"],
                       proof=[Proof("exact", "both values of W₁₁ − p exceed pε", obj=[str(v) for v in devs],
                                    size="T = E₁₁", path="exact deviation")], decided_by=["exact deviation"])
    # "any": A = B = J, so ⟨J, P_Ω(J)⟩ − p⟨J, J⟩ = |Ω| − pd², an integer minus the integer pd²: below any ε ≤ 1 in
    # absolute value only when |Ω| = pd² exactly, which has the binomial probability (exact rational)
    rows, holds = [], True
    for d, p in _J_CASES:
        ok = _prob_dev_below_one(d * d, p)
        rows.append({"d": d, "p": str(p), "P(|dev| < eps) for every eps <= 1": float(ok)})
        holds = holds and ok >= 1 - DELTA  # 'w.h.p.' at the claim's δ
    return Outcome(holds, ["exact"], len(rows), None, None if holds else rows,
                   steps=[Step("A = B = J", "P(|⟨J, P_Ω(J)⟩ − p⟨J, J⟩| < ε) = P(|Ω| = pd²) (independent mask, ε ≤ 1)",
                               derived=rows, holds=holds)],
                   notes=["decided exactly: the deviation |Ω| − pd² is an integer, so |dev| < ε ≤ 1 forces |Ω| = pd², of "
                          "probability C(d², pd²)p^(pd²)(1 − p)^(d² − pd²), computed in rationals"],
                   strength="exact", sizes=[f"A = B = J, d = {d}, p = {p}" for d, p in _J_CASES],
                   proof=[Proof("exact", "binomial probability of |Ω| = pd², a rational below 1/10",
                                obj=[(d, str(p), _prob_dev_below_one(d * d, p) < Fraction(1, 10)) for d, p in _J_CASES],
                                size="d = 100",
                                path="exact deviation")], decided_by=["exact deviation"])


claim(
    id="sec:8.3.2:eq-8.15-approx",
    section="8.3.2",
    kind="high-probability",
    title="(8.15)'s second half: ⟨A, P_Ω(B)⟩ ≈ p⟨A, B⟩ 'for any matrices A and B'",
    printed=r"\text{for any matrices } A, B:\ \langle A, P_\Omega(B)\rangle = \sum_{(i,j)\in\Omega} A_{ij}B_{ij} "
    r"\approx p\langle A, B\rangle \ \text{(} \approx \text{ as in (8.14): within } \epsilon \text{ w.h.p.)}",
    equations=["8.15"],
    statement=InnerApprox("any"),
    check=_check_815_approx,
    erratum=Erratum(
        printed=r"\text{for any } A, B:\ |\langle A, P_\Omega(B)\rangle - p\langle A, B\rangle| < \epsilon \text{ w.h.p.}",
        corrected=r"\text{w.h.p. over } \Omega, \text{ simultaneously for all } A = uu^\top, B = vv^\top,\ \|u\|, \|v\| \leq 1,\ "
        r"\|u\|_\infty, \|v\|_\infty \leq \mu/\sqrt d:\ |\langle A, P_\Omega(B)\rangle - p\langle A, B\rangle| "
        r"= p|w^\top(P_\Omega(J)/p - J)w| \leq \tfrac{p\mu^2}{d}\|P_\Omega(J)/p - J\|_{op} \leq p\epsilon\ (w = u\circ v) "
        r"\text{ at } p \geq C\mu^4\log d/(d\epsilon^2),\ \epsilon \leq 1",
        explanation="severity: hypothesis. ⟨A, P_Ω(B)⟩ − p⟨A, B⟩ = Σ_Ω T_ij − pΣT_ij with T = A∘B, the sum of (8.13): "
        "the same statement remark:8.16's erratum refutes, here inside (8.15). Exact instance (second reader R3): "
        "A = B = J, d = 100, independent mask: the deviation |Ω| − pd² is an integer, so |dev| < ε ≤ 1 needs |Ω| = pd², "
        "of probability 0.00798 at p = 1/2 and 0.0183 at p = 1/20: it fails with probability > 98%. An absolute "
        "level needs T normalised, which is Lemma 8.17's A = uuᵀ, B = vvᵀ with unit incoherent u, v (level pε after "
        "multiplying the lemma by p); the proofs use (8.15) only in that form. The proofs use it at pairs built from x, "
        "which depends on Ω, so the level must hold for all incoherent pairs on one event of Ω (second reader T1): with "
        "w = u∘v the gap is p·wᵀ(W/p − J)w and ‖w‖² ≤ μ²/d, so ‖W/p − J‖ ≤ C√(d/p) bounds every pair by pCμ²/√(pd) ≤ pε "
        "at the same p-scaling (sec:8.3.2:lemma-8.17-uniform); the earlier fixed-pair correction is a mutant, broken at "
        "d = 400, p = 1/20, ε = 1/10 by the pair v = sign(top eigenvector of sym(W/p − J))/√d (gap/p ≈ 0.215 on 3/3 "
        "masks, fixed pairs ≤ 0.0373).",
        corrected_statement=UniformPairs(times_p=True),
    ),
    mutants=[Mutant("the earlier correction: Lemma 8.17 times p for a fixed pair, read at a pair built from Ω "
                    "(second reader T1)", UniformPairs("fixed", times_p=True)),
             Mutant("normalised T scaled by 1000 (‖u‖ = ‖v‖ ≈ 5.6)", InnerApprox("incoherent", 1000.0)),
             Mutant("unit but not incoherent: A = B = e₁e₁ᵀ", InnerApprox("e1"))],
    uses=["eq:8.15", "remark:8.16", "lemma:8.17", "sec:8.3.2:lemma-8.17-uniform"],
    quantified=Quantified(MASKS_815, _decide_approx, corrected_cls=MASKS_815),
    notes=["second reader T1 (2026-12-07): CORRECTION-TOO-WEAK — the fixed-pair correction does not cover the Ω-dependent "
           "x at which the proofs use (8.15); the corrected form is now the uniform statement (all incoherent pairs on "
           "one event of Ω, checked in sec:8.3.2:lemma-8.17-uniform's check), the old correction a mutant killed by the "
           "reader's Ω-built pair (0.213975, 0.214875, 0.2159 > ε = 0.1, exact)",
           "second reader U1 (2026-12-07): the uniform form needs ε ≤ 1 (or p ≥ C·max(μ⁴/ε², log d)/d): the spectral "
           "bound ‖P_Ω(J) − pJ‖ ≤ C√(pd) needs pd ≳ log d, which p ≥ Cμ⁴ log d/(dε²) does not give when ε ≫ μ² "
           "(μ² = d/2, ε = d^{5/4}); added to the corrected form (the checks run at ε ≤ 1/10)",
           "second reader R3 (2026-12-07): UNCOVERED-FALSE — eq:8.15 covered only the equality, while the display's "
           "'≈ p⟨A, B⟩ for any matrices A and B' is remark:8.16's refuted statement; this claim covers it (printed "
           "refuted exactly at A = B = J, d = 100; corrected form = remark:8.16's, same sweep)",
           "the corrected form is sampled (the spectral norm of the mask over d); the identity and ‖u∘v‖² ≤ μ²/d are "
           "exact; a proof would need ‖W − pJ‖ ≤ C√(pd) w.h.p. for p·d ≳ log d"],
)


# --- Remark 8.15: f is a sampled g; matching values is not enough -------------------------------------------
@dataclass(frozen=True)
class SampledPCA:
    expectation_factor: str = "p"  # E_Ω f = factor·g, E_Ω⟨v, ∇f⟩ = factor·⟨v, ∇g⟩, E_Ω⟨v, ∇²f v⟩ = factor·⟨v, ∇²g v⟩
    wavelength: float = 0.05  # the 1-D pair: f = g + ε cos(2πx/h)
    amplitude: float = 1.0  # in units of ε
    # which x 'f/p ≈ g' is claimed at: "incoherent" (x/m incoherent, m = max(1, ‖x‖): ‖x‖_∞ ≤ mμ/√d) or "all"
    value_class: str = "incoherent"
    # the level: "pairs" = ½(1 + m²)²ε (the three Lemma 8.17 pairs), "one" = ε (the bare '≈' of (8.14))
    value_level: str = "pairs"


EPS_15 = 0.01
_xs = sp.Symbol("x", real=True)
G1 = (_xs**2 - 1) ** 2 / 4  # a 1-D g with minima ±1 (the PCA objective at d = 1, m = 1, up to the factor ½)


def pair_15(stmt: SampledPCA):
    return G1, G1 + stmt.amplitude * EPS_15 * sp.cos(2 * sp.pi * _xs / stmt.wavelength)


def spurious_minima(f, g, lo=-1.5, hi=1.5, n=3001):
    """Local minima of f on [lo, hi] (refined to 30 digits) that are not within 0.1 of a local minimum of g."""
    import mpmath

    fp, fpp = sp.diff(f, _xs), sp.diff(f, _xs, 2)
    F = sp.lambdify(_xs, f, "numpy")
    xs = np.linspace(lo, hi, n)
    ys = F(xs)
    g_min = [r for r in sp.solve(sp.diff(g, _xs), _xs) if r.is_real and sp.diff(g, _xs, 2).subs(_xs, r) > 0]
    out = []
    for i in range(1, n - 1):
        if ys[i] < ys[i - 1] and ys[i] <= ys[i + 1]:
            fm = sp.lambdify(_xs, fp, "mpmath")
            with mpmath.workdps(30):
                x0 = mpmath.findroot(fm, (mpmath.mpf(xs[i - 1]), mpmath.mpf(xs[i + 1])), solver="illinois")
            x0 = sp.Float(x0, 30)
            curv = float(fpp.subs(_xs, x0))
            if curv > 0 and all(abs(float(x0) - float(r)) > 0.1 for r in g_min):
                out.append((float(x0), curv))
    return out, [float(r) for r in g_min]


# -- the value comparison f/p ≈ g on instances, exactly ------------------------------------------------------------
# f/p − g = ½[dev(z, z) − 2dev(z, x) + dev(x, x)], dev(u, v) = ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² = q(u∘v); with
# m² = max(1, ‖x‖²): dev(z, x) = m²dev(z, x/m), dev(x, x) = m⁴dev(x/m, x/m). When x/m is incoherent (‖x‖_∞ ≤ mμ/√d)
# the three pairs are Lemma 8.17's, so |f/p − g| ≤ ½(1 + m²)²ε. The lemma's level on Ω is at most
# ε̄ = ‖E_s‖_F μ²/d (E_s = (W + Wᵀ)/(2p) − J; |wᵀE_s w| ≤ ‖E_s‖‖w‖², ‖u∘v‖² ≤ ‖u‖²‖v‖_∞² ≤ μ²/d), an exact rational
# bound on its square: a point with |f/p − g| > K·ε̄ refutes 'f/p ≈ g at level Kε' on that Ω whatever ε the lemma has.
MU_15 = 1  # z flat: its incoherence is exactly μ = 1 (Definition 8.12)


def _value_instances():
    """(name, Mask, z, points): the reader's mask and two symmetric Bernoulli masks, flat z, d = 100."""
    import random

    from numeric.chapter8.mc_exact_steps import IVec, Mask, bernoulli

    d = 100
    z = IVec([1] * d, 10)
    rng = random.Random(3)  # second reader R3's independent mask: |Ω| = 486, (1, 1) ∉ Ω
    W1 = np.array([[1 if rng.random() < 0.05 else 0 for _ in range(d)] for _ in range(d)], dtype=np.int64)
    m1 = Mask(W1, Fraction(1, 20), "independent Bernoulli(1/20), random.Random(3) (second reader R3)")
    m2 = bernoulli(d, Fraction(3, 4), np.random.default_rng(15), "symmetric Bernoulli(3/4), default_rng(15)")
    m3 = bernoulli(d, Fraction(1, 4), np.random.default_rng(16), "symmetric Bernoulli(1/4), default_rng(16)")
    srng = np.random.default_rng(17)
    s = IVec([int(v) for v in srng.choice([-1, 1], d)], 10)  # a flat sign vector, ‖s‖ = 1
    half = IVec([1 if i < d // 2 else 0 for i in range(d)], 10)  # a coherent block, ‖·‖_∞ = μ/√d
    inc = [("0", z.scale(0)), ("z", z), ("−z", z.scale(-1)), ("z/2", z.scale(Fraction(1, 2))),
           ("2z", z.scale(2)), ("s/2", s.scale(Fraction(1, 2))), ("s", s), ("3s/2", s.scale(Fraction(3, 2))),
           ("(z + s)/2", (z + s).scale(Fraction(1, 2))), ("z − s", z - s), ("1_S/√d, |S| = d/2", half)]

    def spike(k, a):
        return IVec([a if i == k else 0 for i in range(d)])

    out = []
    for m, spikes in ((m1, [("3e₁", spike(0, 3))]), (m2, None), (m3, None)):
        if spikes is None:  # a spike of norm 10 on an unobserved diagonal entry (k, k)
            k = next(i for i in range(d) if m.W[i, i] == 0)
            spikes = [(f"10e_{k + 1}", spike(k, 10))]
        out.append((m.name, m, z, inc + spikes))
    return out


def _frob2_Es(m) -> Fraction:
    """‖E_s‖_F², E_s = (W + Wᵀ)/(2p) − J, exact."""
    W2 = m.W + m.W.T
    vals, counts = np.unique(W2, return_counts=True)
    return sum((Fraction(int(v), 2) / m.p - 1) ** 2 * int(c) for v, c in zip(vals, counts))


def _value_part(stmt: SampledPCA, instances=None, size: str = "d = 100, 3 masks") -> Outcome:
    """The value comparison on (name, Mask, z, points[, μ²]) instances (default: the d = 100 ones); μ² is z's own
    incoherence d‖z‖²_∞ (1 for the flat z), the μ of the admissibility test and of ε̄."""
    rows, refuted, undecided, checked, worst = [], [], [], 0, Fraction(0)
    for inst in (_value_instances() if instances is None else instances):
        name, m, z, points = inst[:4]
        mu2 = inst[4] if len(inst) > 4 else Fraction(MU_15**2)
        d, p = m.d, m.p
        eb2 = _frob2_Es(m) * mu2 * mu2 / (d * d)  # ε̄², ε̄ ≥ the lemma's level on this Ω
        zz = z * z
        Qzz = m.q(zz)
        for label, x in points:
            s2 = x.dot(x)
            m2 = max(Fraction(1), s2)
            admissible = x.max_sq() <= m2 * mu2 / d
            if stmt.value_class == "incoherent" and not admissible:
                continue
            zx, xx = z * x, x * x
            f = (m.form_W(zz) - 2 * m.form_W(zx) + m.form_W(xx)) / 2
            g = (z.dot(z) ** 2 - 2 * z.dot(x) ** 2 + s2**2) / 2
            # f directly: ½Σ_Ω (z_iz_j − x_ix_j)², entry by entry (not through the forms)
            R = np.outer(z.num, z.num) * (x.den * x.den) - np.outer(x.num, x.num) * (z.den * z.den)
            f_direct = Fraction(int((m.W * R * R).sum()), 2 * (z.den * x.den) ** 4)
            D = f / p - g
            ident = D == (Qzz - 2 * m.q(zx) + m.q(xx)) / 2 and f == f_direct
            K = (1 + m2) ** 2 / 2 if stmt.value_level == "pairs" else Fraction(1)
            K2 = K * K
            row = {"mask": name, "x": label, "f/p": float(f / p), "g": float(g), "|f/p - g|": float(abs(D)),
                   "K": float(K), "eps_bar": float(eb2) ** 0.5, "x/m incoherent": admissible}
            checked += 1
            if not ident:
                raise AssertionError(f"f/p − g is not the sum of the three deviations at {label} on {name}")
            # verified at this point: the three pairs are the lemma's (x/m incoherent) and |f/p − g| ≤ K·ε_pairs, where
            # ε_pairs (their largest |dev|) is at most the lemma's level ε; refuted: |f/p − g| > K·ε̄ ≥ K·ε
            if admissible:
                e_pairs = max(abs(Qzz), abs(m.q(zx)) / m2, abs(m.q(xx)) / (m2 * m2))
                row["eps_pairs"] = float(e_pairs)
                if abs(D) <= K * e_pairs:
                    row["verified"] = True
                    worst = max(worst, abs(D) / (K * e_pairs)) if e_pairs else worst
                else:
                    undecided.append(row)
            elif D == 0:  # f/p = g here (Ω full): below K·ε at every level
                row["verified"] = True
            else:
                undecided.append(row)
            if D * D > K2 * eb2:  # above K times an upper bound on the lemma's level: refuted on this Ω
                refuted.append({**row, "refuted against eps_bar": True})
            rows.append(row)
    holds = False if refuted else (True if not undecided else None)
    return Outcome(holds, ["exact"], checked, None,
                   None if holds else (refuted[:3] or {"undecided (neither verified nor refuted)": undecided[:3]}),
                   steps=[Step("f/p vs g", f"|f/p − g| against K·ε ({size}, exact rationals); ε̄ = ‖E_s‖_F μ²/d",
                               derived=rows, holds=holds)],
                   notes=[f"f/p − g = ½[dev(z, z) − 2dev(z, x) + dev(x, x)] checked exactly ({checked} points, {size}); "
                          f"at x/m incoherent |f/p − g| ≤ ½(1 + m²)²ε_pairs (largest ratio {float(worst):.3f})"
                          + ("; spikes (3e₁ on the reader's mask: f/p = 0.486, g = 40.91) exceed K·ε̄" if instances is None
                             else f"; refuted against K·ε̄ at {len(refuted)} point(s), neither at {len(undecided)}")],
                   strength="exact", sizes=[size],
                   proof=[Proof("exact", "f/p − g and the Lemma 8.17 pairs in rationals", size=size,
                                obj=[(r["x"], bool(r["x/m incoherent"])) for r in rows[:12]], path="exact values")],
                   decided_by=["exact values"])


def _bank_value_instances(mm) -> list:
    """(name, Mask, z, points, μ²) for a bank mask: every rational unit z of the bank at the mask's d (μ² = d‖z‖²_∞, its
    own incoherence), points 0, ±z, z/2, 2z, and the coherent spikes 3e_k (k = 1 … d)."""
    from numeric.adversaries import members
    from numeric.adversaries.core import checked as hyp_checked
    from numeric.chapter8.mc_exact_steps import IVec, from_matrix

    m = from_matrix(mm.obj, f"{mm.name} (p = |Ω|/d²)")
    d = m.d
    unit = Class("unit z", "vector", ("unit norm",))
    out = []
    for zm in members("vector"):
        zs = [sp.sympify(v) for v in zm.obj]
        if len(zs) != d or not all(v.is_Rational for v in zs) or not all(r.holds for _, r in hyp_checked(unit, zm)):
            continue
        z = IVec.of([Fraction(int(v.p), int(v.q)) for v in zs])
        pts = [("0", z.scale(0)), ("z", z), ("−z", z.scale(-1)), ("z/2", z.scale(Fraction(1, 2))), ("2z", z.scale(2))]
        pts += [(f"3e_{k + 1}", IVec([3 if i == k else 0 for i in range(d)])) for k in range(d)]
        out.append((f"{mm.name} (p = {m.p}), z = {zm.name}", m, z, pts, z.max_sq() * d))
    return out


def _decide_815_value(stmt: SampledPCA, mm, ctx) -> Outcome:
    """The value comparison of remark:8.15 (f/p against g, at the statement's class of x and level) on one bank mask,
    exactly: the identity f/p − g = ½[dev(z, z) − 2dev(z, x) + dev(x, x)] at every point, the bound against the level
    at the three pairs (proves it for every ε at which Lemma 8.17 holds on Ω), a refutation against ε̄ = ‖E_s‖_F μ²/d
    (≥ the lemma's level). The expectation identities and the 1-D pair are not about masks: the check decides them."""
    insts = _bank_value_instances(mm)
    if not insts:
        return Outcome(None, ["exact"], 0, notes=[f"no rational unit z of the bank at d = {mm.obj.rows}"])
    out = _value_part(stmt, insts, size=f"d = {mm.obj.rows}, {mm.name}")
    if out.holds is None:
        out.notes.append("not decided: a point outside the class whose gap is below K·ε̄ (ε̄ is only an upper bound on "
                         "the level)")
    return out


def _gradient_instance() -> dict:
    """Second reader R3's instance for '∇f ≈ ∇g': d = 100, flat z, x = z/2, symmetric Bernoulli(1/20) mask from
    random.Random(1); the gradient −(P_Ω(R) + P_Ω(R)ᵀ)x (eq:8.16's correction), exact."""
    import random

    d, p = 100, Fraction(1, 20)
    rng = random.Random(1)
    W = np.zeros((d, d), dtype=np.int64)
    for i in range(d):
        for j in range(i, d):
            W[i, j] = W[j, i] = 1 if rng.random() < 0.05 else 0
    # z = 1/10, x = 1/20 entrywise: R_ij = 1/100 − 1/400 = 3/400 everywhere
    R = Fraction(3, 400)
    deg = W.sum(axis=1)
    gf = [-2 * R * int(k) * Fraction(1, 20) for k in deg]
    gg = -2 * R * d * Fraction(1, 20)  # every entry of ∇g = −2Rx·d
    n2 = lambda v: sum(t * t for t in v)  # noqa: E731
    return {"|Omega|": int(W.sum()), "|grad g|^2": str(n2([gg] * d)), "|grad f - grad g|^2": float(n2([a - gg for a in gf])),
            "|grad f/p - grad g|^2": float(n2([a / p - gg for a in gf]))}


def _check_815(stmt: SampledPCA, ctx) -> Outcome:
    # (a) E_Ω f = p·g, E_Ω⟨v, ∇f⟩ = p⟨v, ∇g⟩, E_Ω⟨v, ∇²f v⟩ = p⟨v, ∇²g v⟩ exactly: each is linear in every ω after
    # ω² = ω, so the expectation replaces ω by p
    I = Instance(3, symmetric_mask=True, rank_one=True)
    p = sp.Symbol("p", positive=True)
    factor = {"p": p, "1": sp.Integer(1), "p2": p**2}[stmt.expectation_factor]
    Ep = {w: p for w in I.W.free_symbols}
    gfun = lambda x: sp.Rational(1, 2) * sum(e**2 for e in (I.M - x * x.T))  # noqa: E731
    gt = sp.expand(gfun(I.x + I.t * I.v))
    gpoly = sp.Poly(gt, I.t)
    pairs = {"f": (reduce_mask(I.f(), I.W), gfun(I.x)),
             "<v, grad f>": (I.taylor(1), gpoly.coeff_monomial(I.t)),
             "<v, Hess f v>": (2 * I.taylor(2), 2 * gpoly.coeff_monomial(I.t**2))}
    diffs = {k: sp.expand(fk.xreplace(Ep) - factor * gk) for k, (fk, gk) in pairs.items()}
    exp_ok = all(v == 0 for v in diffs.values())
    # (b) |f − g| ≤ ε everywhere, yet f has local minima that g lacks
    g1, f1 = pair_15(stmt)
    sup = float(sp.Abs(f1 - g1).subs(_xs, 0))  # |ε·amp·cos| attains its max at x = 0
    close = sup <= EPS_15 + 1e-15
    spur, gmins = spurious_minima(f1, g1)
    pair_ok = close and len(spur) > 0
    # (c) the value comparison f/p ≈ g: for which x, at which level
    val = _value_part(stmt)
    # the check's own pass over the mask bank (the attack's decide), so that the mutants meet it
    from numeric.adversaries import admitted

    hit = next((o for o in (_decide_815_value(stmt, mm, ctx) for mm in admitted(MASKS_815)) if o.holds is False), None)
    holds = exp_ok and pair_ok and val.holds is True and hit is None
    if not exp_ok or not pair_ok:
        ce = {"E - factor*(g-form)": {k: str(v)[:160] for k, v in diffs.items() if v != 0},
              "sup|f-g|": sup, "spurious minima of f": len(spur)}
    else:
        ce = val.counterexample if val.counterexample is not None else (hit.counterexample if hit else None)
    steps = [Step("E_Ω f, ∇f, ∇²f", f"E(f, ⟨v, ∇f⟩, ⟨v, ∇²f v⟩) − {stmt.expectation_factor}·(the same of g) at d = 3 "
                  "(ω ↦ p after ω² = ω)", derived=diffs, holds=exp_ok),
             Step("pair", f"f = g + {stmt.amplitude}·ε·cos(2πx/{stmt.wavelength}), g = (x² − 1)²/4, ε = {EPS_15}",
                  derived={"sup|f - g|": sup, "local minima of g": gmins, "spurious local minima of f": len(spur),
                           "first": spur[:3]}, holds=pair_ok)] + val.steps
    if stmt.expectation_factor == "1":
        steps.append(Step("∇f vs ∇g", "second reader R3's instance (x = z/2, d = 100, p = 1/20): ∇f is as far from ∇g "
                          "as 0 is; ∇f/p is near it", derived=_gradient_instance(), holds=None))
    return Outcome(holds, ["symbolic", "mpmath", "exact"], 1 + val.examples, None, None if holds else ce, steps=steps,
                   notes=["'f ≈ g', '∇f ≈ ∇g', '∇²f ≈ ∇²g' need the factor p: E_Ω f = p·g, E_Ω⟨v, ∇f⟩ = p⟨v, ∇g⟩, "
                          "E_Ω⟨v, ∇²f v⟩ = p⟨v, ∇²g v⟩ exactly (symmetric Ω), so f/p, ∇f/p, ∇²f/p are the sampled g, ∇g, ∇²g",
                          f"a concrete pair: |f − g| ≤ ε = {EPS_15} everywhere and f has {len(spur)} spurious local minima on "
                          "[−1.5, 1.5] (f'' > 0 at each, 30-digit roots), g only ±1"] + val.notes
                   + [("mask bank: the value comparison broken on " + hit.sizes[0]) if hit else
                      "mask bank: the value comparison held or n/a on every bank mask (exact)"],
                   strength="sampled", proof=list(hit.proof) if hit else [],
                   decided_by=(["adversary bank (masks)"] + (["derivation step"] if val.holds is False or not exp_ok
                                                             or not pair_ok else [])) if hit else [])


claim(
    id="remark:8.15",
    section="8.3.2",
    kind="identity",
    title="f is a sampled g; |f − g| ≤ ε does not keep spurious minima away",
    printed=r"f(x) \approx g(x) = \tfrac12\|M - xx^\top\|_F^2;\ \text{a small margin between } f \text{ and } g "
    r"\text{ could create spurious local minima};\ \text{we need } \nabla f(x) \approx \nabla g(x),\ "
    r"\nabla^2 f(x) \approx \nabla^2 g(x)",
    statement=SampledPCA(expectation_factor="1", value_class="all", value_level="one"),
    check=_check_815,
    erratum=Erratum(
        printed=r"f(x) \approx g(x);\ \nabla f(x) \approx \nabla g(x),\ \nabla^2 f(x) \approx \nabla^2 g(x)",
        corrected=r"\mathbb E_\Omega f = p\,g,\ \mathbb E_\Omega \nabla f = p\nabla g,\ \mathbb E_\Omega \nabla^2 f = p\nabla^2 g;"
        r"\ \text{for } x \text{ with } \|x\|_\infty \leq m\mu/\sqrt d,\ m = \max(1, \|x\|):\ |f(x)/p - g(x)| \leq "
        r"\tfrac12(1 + m^2)^2\epsilon \text{ whenever Lemma 8.17 holds at level } \epsilon \text{ (w.h.p. at } "
        r"p = \text{poly}(\mu, \log d)/(d\epsilon^2));\ \nabla f/p \approx \nabla g,\ \nabla^2 f/p \approx \nabla^2 g "
        r"\text{ in the forms of (8.23), (8.32), (8.42) for incoherent } x;\ \text{a small margin between } f/p "
        r"\text{ and } g \text{ could still create spurious local minima}",
        explanation="severity: formula. E_Ω f(x) = p·g(x) exactly (symmetric Bernoulli Ω: f is linear in each ω after "
        "ω² = ω), so f ≈ p·g, not g, and |f − g| → g(x) as p → 0 (the reviewer: d = 500, flat z, p = 0.05: f(0) = 0.025 "
        "against g(0) = 0.5, f(0)/p = 0.499). The same factor is missing from '∇f ≈ ∇g' and '∇²f ≈ ∇²g' (second reader "
        "R3: E⟨v, ∇f⟩ = p⟨v, ∇g⟩; at d = 100, p = 1/20, x = z/2: ‖∇f − ∇g‖² = 0.504 against ‖∇g‖² = 9/16, "
        "‖∇f/p − ∇g‖² = 0.112). And f/p ≈ g holds only for incoherent x (second reader R3: x = 3e₁, d = 100, flat z, "
        "(1, 1) ∉ Ω: f/p = 0.486, g = 40.91): f/p − g = ½[dev(z, z) − 2dev(z, x) + dev(x, x)] is a sum of Lemma 8.17 "
        "deviations only when x/m is incoherent. The comparison the section makes, (8.23), (8.32) and Lemma 8.17, "
        "divides by p at incoherent x, so the proofs are unaffected; the point of the remark (ε-closeness in value "
        "cannot rule out spurious minima) stands for f/p and g.",
        corrected_statement=SampledPCA(),
    ),
    mutants=[
        Mutant("a wiggle of wavelength 2 creates spurious minima", SampledPCA(wavelength=2.0)),
        Mutant("amplitude 2ε keeps |f − g| ≤ ε", SampledPCA(amplitude=2.0)),
        Mutant("the old correction: f/p ≈ g (within ε) at every x", SampledPCA(value_class="all", value_level="one")),
        Mutant("|f/p − g| ≤ ½(1 + m²)²ε at every x (no incoherence)", SampledPCA(value_class="all")),
        Mutant("E_Ω f = p²·g (and the forms)", SampledPCA(expectation_factor="p2")),
    ],
    uses=["eq:8.12", "def:8.10", "lemma:8.17", "eq:8.16", "eq:8.17"],
    quantified=Quantified(MASKS_815, _decide_815_value, corrected_cls=MASKS_815),
    notes=["second reader R3 (2026-12-07): CORRECTION-FALSE + UNCOVERED-FALSE — the remark's '∇f ≈ ∇g', '∇²f ≈ ∇²g' "
           "miss the same factor p (now in the printed form, decided by E⟨v, ∇f⟩ = p⟨v, ∇g⟩ and E⟨v, ∇²f v⟩ = "
           "p⟨v, ∇²g v⟩, symbolic at d = 3); the old correction 'f/p ≈ g' for every x fails at x = 3e₁ (now a mutant, "
           "killed exactly on the reader's mask); the corrected form restricts x (x/m incoherent) and states the level "
           "½(1 + m²)²ε, checked exactly at d = 100 on 3 masks",
           "not proved for every d: the remark compares one sampled objective f with g (a random mask, a margin"
           " ε), so there is no identity in the dimension to generalise; a proof would need a statement "
           "quantified over masks",
           "sampled: the spurious minima of the example pair are located with mpmath floats; a proof would bracket each by sign changes of f′ in exact or interval arithmetic (verify.engine.checks.interval)"],
)


# --- Figure 8.5: values close vs landscapes close; the forms of ∇f, ∇²f concentrate --------------------------
@dataclass(frozen=True)
class FormsConcentrate:
    exponent: float = -0.5  # mean |⟨v, ∇f⟩/p − ⟨v, ∇g⟩| and the Hessian form ∝ p^exponent (fixed x, v)


# The two fits of Figure 8.5 are unbiased Monte Carlo slopes (mean −0.502 over 60 seeds, sd = the reported se), so a
# 95% interval excludes −1/2 at 1 fit in 20 by design: over ci seeds 0–19 × 2 fits the claim was refuted at two
# seeds by chance. The claim declares its confidence instead: 99.9% per fit (family-wise ≥ 99.8% over the two,
# Bonferroni), and pools twice the seeds at half the masks each (the same cost), so that the wider quantile still
# leaves the intervals narrower than δ = 0.35 and the ±δ mutants refuted.
FIG85_CONFIDENCE = 0.999
FIG85_PARTS = 2  # seeds per n_seeds, each with 1/FIG85_PARTS of the masks per p


def fig85_seeds(ctx) -> list[int]:
    k = FIG85_PARTS * n_seeds(ctx.profile)
    return [ctx.seed_for("figure-8.5")] + [ctx.seed_for(f"figure-8.5#{i}") for i in range(1, k)]


def _check_fig85(stmt: FormsConcentrate, ctx) -> Outcome:
    pair = _check_815(SampledPCA(), ctx)
    fseeds = fig85_seeds(ctx)
    fruns = compute([S.forms_sweep_cell(sd, ctx.profile.scale, ctx.profile.trials, FIG85_PARTS) for sd in fseeds])
    d, ps = fruns[0][0], fruns[0][1]
    odds = [list(r[1] / (1 - r[1])) for r in fruns]
    f1, s1 = pooled_fit("mean |⟨v,∇f⟩/p − ⟨v,∇g⟩|", "p/(1 − p)", [(o, r[2]) for o, r in zip(odds, fruns)],
                        stmt.exponent, "=", fseeds, resolution=0.35, confidence=FIG85_CONFIDENCE)
    f2, s2 = pooled_fit("mean |⟨v,∇²f v⟩/p − ⟨v,∇²g v⟩|", "p/(1 − p)", [(o, r[3]) for o, r in zip(odds, fruns)],
                        stmt.exponent, "=", fseeds, resolution=0.35, confidence=FIG85_CONFIDENCE)
    j1, j2 = judge(f1, s1), judge(f2, s2)
    ok = False if False in (j1.holds, j2.holds) else None if None in (j1.holds, j2.holds) else True
    conc = Outcome(ok, ["monte-carlo"], len(ps) * len(fseeds), None,
                   None if ok else {"gradient-form exponent": [f1.exponent, f1.interval],
                                    "Hessian-form exponent": [f2.exponent, f2.interval], "claimed": stmt.exponent},
                   fits=[f1, f2],
                   notes=[f"d = {d}, fixed incoherent x, v, {len(fseeds)} seeds: the gradient and Hessian forms of f/p "
                          f"approach those of g as (p/(1 − p))^{f1.exponent:.2f} and ^{f2.exponent:.2f} (theory −1/2 for "
                          f"fixed x, v: variance ∝ (1 − p)/p), {100 * FIG85_CONFIDENCE:g}% intervals per fit (family-wise "
                          f"≥ {100 * (1 - 2 * (1 - FIG85_CONFIDENCE)):g}% over the two): gradient {j1.reason}; "
                          f"Hessian {j2.reason}"],
                   figures=["mc-fig-8.5.png"], strength="sampled")
    return all_of(Outcome(pair.holds, pair.methods, 1, steps=pair.steps, strength=pair.strength, sizes=pair.sizes), conc)


claim(
    id="figure:8.5",
    section="8.3.2",
    kind="asymptotic",
    title="Figure 8.5: f within ε of g can have other minima; the landscapes are compared through ∇ and ∇² forms",
    printed=r"\text{Even if } f(x), g(x) \text{ are no more than } \epsilon \text{ apart \dots the local minima of } f "
    r"\text{ may look dramatically different}",
    statement=FormsConcentrate(-0.5),
    check=_check_fig85,
    mutants=[Mutant("the forms concentrate as 1/p", FormsConcentrate(-1.0))],
    uses=["remark:8.15", "lemma:8.17", "eq:8.16", "eq:8.17"],
    notes=["drawn in verify/figures/mc.py (the 1-D pair and the concentration of the forms)",
           "the caption's 'f(x), g(x) no more than ε apart' is about the illustrative 1-D pair; for the chapter's f the "
           "comparison is f/p against g (E_Ω f = p·g, remark:8.15's erratum), which is what the forms here divide by",
           "sampled: the −½ rates are fits over Ω; a proof would need the variance identity Var(⟨P_Ω(A), B⟩/p) ="
           " ((1 − p)/p)ΣA_ij²B_ij² for fixed A, B (independent Bernoulli entries) and Chebyshev, exact for the "
           "gradient and Hessian forms at fixed x, v"],
)
