"""§8.3.2, the sampling model and what it can identify: Definitions 8.9, 8.10, 8.12, Remarks 8.11, 8.13."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from numeric.chapter8 import masks
from numeric.chapter8 import matrix_completion as mc
from numeric.stats import wilson_interval
from symbolic.chapter8.matrix_completion import Instance, P, reduce_mask

from symbolic import trace_normal_form as TNF

from verify.engine.checks.generic import generic_too
from verify.engine.checks.identity import MatrixIdentity
from verify.engine.claim import Erratum, Mutant, Outcome, Step, all_of
from verify.engine.registry import claim
from verify.engine.attacks import Quantified
from verify.engine.claim import Proof
from numeric.adversaries import Class
from verify.engine.falsify import search


# --- Definition 8.9: P_Ω ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Projection:
    """An implementation of P_Ω: (mask, A) -> matrix; the check compares it with the definition."""

    apply: Callable
    name: str


def _check_def_89(stmt: Projection, ctx) -> Outcome:
    rng = ctx.rng("def-8.9")
    worst, ce, n = 0.0, None, 0
    for sym in (True, False):
        for _ in range(10):
            d = int(rng.integers(2, 12))
            m = masks.bernoulli(d, float(rng.uniform(0.1, 0.9)), rng, symmetric=sym)
            A = rng.standard_normal((d, d))
            W = m.dense()
            got = np.asarray(stmt.apply(m, A), dtype=float)
            # the definition, entry by entry: keep A_ij on Ω, zero elsewhere
            err = max(float(np.max(np.abs(got[W == 1] - A[W == 1]), initial=0.0)),
                      float(np.max(np.abs(got[W == 0]), initial=0.0)))
            n += 1
            if err > worst:
                worst = err
                if err > 1e-12 and ce is None:
                    ce = {"d": d, "Omega": W.astype(int).tolist(), "max |P(A) - definition|": err}
    # the symbolic P (used by every entrywise identity) is the same operator
    I = Instance(2, symmetric_mask=False)
    sym_ok = all(sp.simplify(e - w * a) == 0 for e, w, a in zip(P(I.W, I.M), I.W, I.M))
    return Outcome(ce is None and sym_ok, ["sweep", "symbolic"], n, -worst, ce,
                   notes=[f"{stmt.name}: compared with 'keep A_ij for (i, j) ∈ Ω, zero the rest' on {n} random masks "
                          "(symmetric and independent); symbolic.chapter8.matrix_completion.P is W∘A with ω ∈ {0, 1}"], strength="sampled")


claim(
    id="def:8.9",
    section="8.3.2",
    kind="definition",
    title="P_Ω zeroes every entry outside Ω",
    printed=r"P_\Omega(M) \text{ is the matrix obtained by zeroing out every entry outside } \Omega",
    statement=Projection(lambda m, A: m.P(A), "numeric.chapter8.masks.Mask.P"),
    check=_check_def_89,
    mutants=[
        Mutant("zero the entries inside Ω", Projection(lambda m, A: A - m.P(A), "complement")),
        Mutant("rescaled by 1/p (the inverse-propensity estimator, not P_Ω)", Projection(lambda m, A: m.P(A) / m.p, "P/p")),
    ],
    notes=["checked on the implementation every numeric claim uses, and on the symbolic W∘A",
           "sampled on 20 masks for the numeric projector; a proof for the definition itself would need nothing "
           "beyond W∘A with ω ∈ {0, 1}, so what is sampled is only that numeric.chapter8.masks implements it (a code "
           "property, no proof possible short of verifying the code)"],
)


# --- Definition 8.10: every entry is in Ω with probability p ----------------------------------------
@dataclass(frozen=True)
class Sampler:
    draw: Callable  # (d, p, rng) -> Mask
    name: str
    # 'independent': entries (unordered pairs, symmetric model) included independently, each with probability p — the
    # model Lemma 8.17 and Theorem 8.14 use; 'marginals': only P(entry ∈ Ω) = p, as Definition 8.10 is printed
    model: str = "independent"


def _all_or_nothing(d, p, rng):
    """Ω = every entry with probability p, Ω = ∅ otherwise: each entry is in Ω with probability exactly p (it meets
    Definition 8.10 as printed), and no two entries are independent."""
    return masks.full(d) if rng.random() < p else masks.from_coordinates(d, p, [], [], symmetric=True)


def _marginals_break_817() -> tuple[bool, list, dict, list]:
    """Exact: under the all-or-nothing model (which meets the printed definition) Lemma 8.17's deviation at flat
    u = v = 𝟙/√d is |Ω|/(pd²) − 1 ∈ {1/p − 1, −1} with probability 1, so no ε < 1 holds at any p ≤ 1/2."""
    d, p = 16, sp.Rational(1, 4)
    devs = {}
    for name, size in (("Ω = all (probability p)", d * d), ("Ω = ∅ (probability 1 − p)", 0)):
        devs[name] = sp.Rational(size, d * d) / p - 1  # ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² with u = v = 𝟙/√d
    worst = min(abs(v) for v in devs.values())
    ok = worst < 1  # the lemma at some ε < 1 would need |dev| < 1 with high probability
    steps = [Step("all-or-nothing Ω (each entry in Ω with probability exactly p)", f"d = {d}, p = {p}, u = v = 𝟙/√d: "
                  + "; ".join(f"{k}: deviation {v}" for k, v in devs.items()), derived=worst, holds=ok)]
    ce = None if ok else {"model": "Ω = all entries with probability p, else ∅", "d": d, "p": str(p),
                          "deviations": {k: str(v) for k, v in devs.items()}, "smallest |deviation|": str(worst)}
    proof = [Proof("exact", "Lemma 8.17's deviation under the all-or-nothing model, both outcomes", worst,
                   size=f"d = {d}, p = {p}", path="the printed definition's model")]
    return ok, steps, ce, proof


def _fixed_count(d, p, rng):
    """Each row observes exactly ⌈pd⌉ consecutive entries: right average, wrong law."""
    k = int(np.ceil(p * d))
    r = np.repeat(np.arange(d), k)
    c = (r + np.tile(np.arange(k), d)) % d
    return masks.from_coordinates(d, p, r, c, symmetric=False)


def _check_def_810(stmt: Sampler, ctx) -> Outcome:
    if stmt.model == "marginals":  # the printed definition admits a model on which Lemma 8.17 fails
        ok, steps, ce, proof = _marginals_break_817()
        return Outcome(ok, ["exact rational arithmetic"], 2, None, ce, steps=steps, strength="exact", proof=proof,
                       sizes=["d = 16, p = 1/4"])
    rng = ctx.rng("def-8.10")
    d, p, n = 12, 0.3, 60 * ctx.profile.scale
    counts = np.zeros((d, d))
    pair = 0  # (0,1) and (2,3) both observed: independence of two entries
    sizes = []  # observed cells on and above the diagonal: Binomial(d(d + 1)/2, p) when they are independent
    for _ in range(n):
        W = stmt.draw(d, p, rng).dense()
        counts += W
        pair += int(W[0, 1] * W[2, 3])
        sizes.append(float(np.triu(W).sum()))
    # every entry: its count is Binomial(n, p); a Bonferroni-corrected Wilson interval per entry
    conf = 1 - 0.01 / (d * d)
    bad = [(i, j, int(counts[i, j])) for i in range(d) for j in range(d)
           if not (lambda lo_hi: lo_hi[0] <= p <= lo_hi[1])(wilson_interval(int(counts[i, j]), n, conf))]
    lo, hi = wilson_interval(pair, n, 0.999)
    # the spread of |Ω|: (n − 1)s²/(Np(1 − p)) ~ χ²(n − 1) under independence (two-sided, level 10⁻⁴); the
    # all-or-nothing model has N times the variance, a fixed count none
    from scipy.stats import chi2

    N = d * (d + 1) // 2
    stat = (n - 1) * float(np.var(sizes, ddof=1)) / (N * p * (1 - p))
    spread_ok = chi2.ppf(5e-5, n - 1) <= stat <= chi2.ppf(1 - 5e-5, n - 1)
    indep = lo <= p * p <= hi and spread_ok
    holds = not bad and indep
    ce = None if holds else {"entries whose frequency excludes p": bad[:5], "pair frequency": pair / n, "p^2": p * p,
                             "χ² statistic of |Ω|'s spread (df n − 1)": round(stat, 3), "df": n - 1}
    return Outcome(holds, ["sweep"], n, None, ce,
                   notes=[f"{stmt.name}: d = {d}, p = {p}, {n} masks; each entry's frequency in a 99%-family Wilson "
                          "interval around p, P((0,1), (2,3) ∈ Ω) = p² and |Ω|'s spread binomial (χ², independence)"], strength="sampled")


claim(
    id="def:8.10",
    section="8.3.2",
    kind="definition",
    title="Matrix completion: every entry is observed with probability p — independently (the lemmas need it)",
    printed=r"\text{every entry of } M \text{ is included in } \Omega \text{ with probability } p",
    statement=Sampler(lambda d, p, rng: masks.bernoulli(d, p, rng, symmetric=True), "numeric.chapter8.masks.bernoulli "
                      "(symmetric)", model="marginals"),
    check=_check_def_810,
    erratum=Erratum(
        printed="every entry of M is included in Ω with probability p",
        corrected="every entry of M (every unordered pair {i, j}, so that a symmetric M is observed symmetrically) is "
        "included in Ω with probability p, independently of the others",
        explanation="severity: hypothesis. Lemma 8.17 and Theorem 8.14 need the entries to be included independently; "
        "the printed definition fixes only each entry's probability. The all-or-nothing model (Ω = every entry with "
        "probability p, Ω = ∅ otherwise) meets it exactly, and at d = 16, p = 1/4, u = v = 𝟙/√d Lemma 8.17's deviation "
        "is 3 or −1 with probability 1 (exact), so the lemma fails for every ε < 1; with probability 1 − p the objective "
        "(8.11) is identically 0 and Theorem 8.14 fails too (second reader V3, 2026-12-08). The suite's masks were "
        "always drawn independently (numeric.chapter8.masks.bernoulli), so lemma:8.17, thm:8.14 and the rest of §8.3.2 "
        "are decided under the corrected definition",
        corrected_statement=Sampler(lambda d, p, rng: masks.bernoulli(d, p, rng, symmetric=True),
                                    "numeric.chapter8.masks.bernoulli (symmetric)"),
    ),
    mutants=[
        Mutant("a fixed number ⌈pd⌉ of entries per row (right mean, wrong law)", Sampler(_fixed_count, "fixed count per row")),
        Mutant("probability p² per entry", Sampler(lambda d, p, rng: masks.bernoulli(d, p * p, rng), "Bernoulli(p²)")),
        Mutant("the all-or-nothing model (right marginals, not independent)", Sampler(_all_or_nothing, "all or nothing")),
    ],
    uses=["def:8.9"],
    notes=["the chapter does not say whether Ω is symmetric; the symmetric model (each unordered pair with "
           "probability p, so a symmetric M is observed symmetrically) is used throughout, the independent model is "
           "tested in tests/test_masks.py; (8.16)'s erratum shows where the two differ",
           "the printed form is refuted exactly (two outcomes of the all-or-nothing model); the corrected form is "
           "sampled: entry frequencies of 60 drawn masks; a proof would need to read numeric.chapter8.masks.bernoulli's "
           "code (one uniform draw per unordered pair compared with p), since a statement about a random "
           "generator's output admits no proof from samples"],
)


# --- Remark 8.11: identifiability needs p ≫ 1/d --------------------------------------------------------
@dataclass(frozen=True)
class Identifiability:
    exponent: float = 1.0  # at p = c·d^(−exponent), recovery is impossible w.h.p.
    c: float = 1.0


def _check_remark_811(stmt: Identifiability, ctx) -> Outcome:
    rng = ctx.rng("remark-8.11")
    d = 400 * ctx.profile.scale
    n = 2 * ctx.profile.trials
    p = stmt.c * d ** (-stmt.exponent)
    witnessed = 0
    ex = None
    for _ in range(n):
        m = masks.bernoulli(d, p, rng)
        empty = masks.empty_rows(m)
        if empty.size:
            witnessed += 1
            if ex is None:  # a continuum of global minima: f(z + t e_i) = 0 for every t
                z = mc.incoherent_unit_vector(d, 1.5, rng)
                ob = mc.Objective(z, m)
                i = int(empty[0])
                vals = [ob.value(z + t * mc.basis_vector(d, i)) for t in (0.0, 0.5, -3.0)]
                ex = {"d": d, "p": p, "empty row": i, "f(z + t e_i) for t = 0, 0.5, -3": vals}
    lo, hi = wilson_interval(witnessed, n)
    holds = lo > 0.5
    # the sharper threshold: at p = 3/d (pd² = 3d > d, so 'p ≫ 1/d' in the remark's counting sense) rows are still empty
    m3 = masks.bernoulli(d, 3.0 / d, rng)
    return Outcome(holds, ["sweep", "exact"], n, None, None if holds else {"p": p, "witnessed": witnessed, "of": n},
                   steps=[Step("witness", "a row of Ω with no entry leaves x_i free: f(z + t e_i) = f(z) = 0", derived=ex)],
                   notes=[f"at p = {stmt.c}·d^-{stmt.exponent} (d = {d}): {witnessed}/{n} masks have an unobserved row "
                          f"(Wilson 95% [{lo:.2f}, {hi:.2f}]); such a row makes z + t e_i a global minimum for every t",
                          f"the counting p ≫ 1/d is necessary, not sufficient: at p = 3/d (pd² = 3d > d) a mask still had "
                          f"{masks.empty_rows(m3).size} empty rows (≈ d e^(-pd) = {d * np.exp(-3):.0f} expected); every row is "
                          "observed only from p ≈ log d / d on (coupon collector), and Theorem 8.14 asks for more"], strength="sampled")


MASKS_811 = Class("masks of the bank", "mask", (), "a fixed Ω (any p): the remark's counting is about its entries")


def _decide_811(stmt: Identifiability, mm, ctx) -> Outcome:
    """The remark's deterministic part on one bank mask: an index i observed in no entry (row i and column i of Ω
    empty) leaves x_i free, f(z + t·e_i) = f(z) = 0 for every t (f = ½Σ_Ω (z_iz_j − x_ix_j)², symbolic in t), at every
    unit z of the bank at the mask's d: z is not identifiable. Masks observing every index: not applicable (the remark
    is a necessity). The rate (p = d^(−exponent) leaves an index unobserved w.h.p.) is the check's, sampled."""
    from numeric.adversaries import members
    from numeric.adversaries.core import checked

    W = mm.obj
    d = W.rows
    free = [i for i in range(d) if all(W[i, j] == 0 and W[j, i] == 0 for j in range(d))]
    if not free:
        return Outcome(None, ["symbolic"], 0, notes=[f"{mm.name}: every index is observed (no free coordinate)"])
    unit = Class("unit z", "vector", ("unit norm",))
    zs = [zm for zm in members("vector") if len(zm.obj) == d and all(r.holds for _, r in checked(unit, zm))]
    if not zs:
        return Outcome(None, ["symbolic"], 0, notes=[f"no unit z of the bank at d = {d}"])
    t = sp.Symbol("t", real=True)
    bad, rows = [], []
    for zm in zs:
        z = sp.Matrix(zm.obj)
        for i in free:
            x = z + t * sp.eye(d)[:, i]
            f = sp.expand(sum(W[a, b] * (z[a] * z[b] - x[a] * x[b]) ** 2 for a in range(d) for b in range(d)) / 2)
            rows.append((zm.name, i + 1, f))
            if f != 0:
                bad.append({"z": zm.name, "i": i + 1, "f(z + t e_i)": str(f)})
    holds = not bad
    return Outcome(holds, ["symbolic"], len(rows), None, bad[0] if bad else None,
                   steps=[Step("free coordinate", f"f(z + t·e_i) for the unobserved indices {[i + 1 for i in free]}",
                               derived=[r[2] for r in rows], holds=holds)],
                   notes=[f"{mm.name}: indices {[i + 1 for i in free]} observed in no entry; f(z + t·e_i) ≡ 0 in t at "
                          f"{len(zs)} unit z: a line of global minima through z, so z is not identifiable (the rate part "
                          "of the remark stays sampled in the check)"],
                   strength="proved" if holds else "exact", sizes=[f"d = {d}: {mm.name}"],
                   proof=[Proof("symbolic", "f(z + t e_i) expands to 0 in t", obj=[r[2] for r in rows],
                                path="adversary bank (masks)")])


claim(
    id="remark:8.11",
    section="8.3.2",
    kind="high-probability",
    title="Identifiability needs pd² > d, i.e. p ≫ 1/d",
    printed=r"\text{for identifiability we need } pd^2 > d, \text{ i.e. } p \gg \tfrac1d",
    statement=Identifiability(1.0, 1.0),
    check=_check_remark_811,
    mutants=[Mutant("p = d^(-1/2) is still not identifiable", Identifiability(0.5, 1.0))],
    uses=["def:8.10"],
    quantified=Quantified(MASKS_811, _decide_811),
    notes=["loose: p ≫ 1/d is necessary, not sufficient; the real threshold is p ≳ log d/d (coupon collector: every "
           "index must be observed in its row or column, and the observation graph connected and non-bipartite on supp "
           "z). A second reader: d = 4000, pd = 4.15: in 66% of draws some index is unobserved (z_i, hence M, not "
           "identifiable); pd = 3: 100%; pd = 2 log d: 0%; d = 1000, pd = 3: 91%",
           "checked as a necessity: at p = 1/d recovery is impossible w.h.p. (an unobserved row), with an exact witness",
           "sampled: masks at p = 1/d; a proof would need P(some row unobserved) ≥ 1 − (1 − (1 − p)^d)^d → 1 − "
           "e^{−d e^{−pd}} at p = 1/d (independent rows in the independent model; a union/second-moment bound in"
           " the symmetric one), plus the exact witness that an empty row makes z + t eᵢ a global minimum"],
)


# --- Definition 8.12: incoherence ---------------------------------------------------------------------
@dataclass(frozen=True)
class Incoherence:
    mu_floor: float = 1.0  # every unit vector has √d‖z‖_∞ ≥ mu_floor (so μ < 1 is impossible)


def _unit(draw_list):
    v = np.asarray(draw_list, float)
    n = np.linalg.norm(v)
    return v / n if n > 1e-6 else np.eye(v.size)[0]


def _check_def_812(stmt: Incoherence, ctx) -> Outcome:
    special = st.sampled_from([np.ones(4) / 2, np.array([1.0, 0, 0, 0]), np.array([1.0, -1, 1, -1]) / 2])
    strat = st.one_of(special, st.integers(2, 9).flatmap(
        lambda n: st.lists(st.floats(-1, 1), min_size=n, max_size=n)).map(_unit))
    floor = search(strat, lambda u: np.sqrt(u.size) * np.max(np.abs(u)) - stmt.mu_floor, ctx, name="def-8.12",
                   tol=1e-12, describe=lambda u: {"z": u.tolist(), "sqrt(d)|z|_inf": float(np.sqrt(u.size) * np.abs(u).max())})
    rng = ctx.rng("def-8.12-sampler")
    samp_ok = all(mc.coherence(mc.incoherent_unit_vector(d, mu, rng)) <= mu + 1e-9
                  for d in (10, 100, 1000) for mu in (1.0, 1.5, 3.0))
    e1 = mc.coherence(mc.basis_vector(100))
    sampler = Outcome(samp_ok and abs(e1 - 10.0) < 1e-12, ["sweep"], 9,
                      notes=["the samplers produce unit z with √d‖z‖_∞ ≤ μ for μ ∈ {1, 1.5, 3}; e₁ has μ = √d "
                             "(the coherent vector of Remark 8.13)"], strength="sampled")
    return all_of(floor, sampler)


claim(
    id="def:8.12",
    section="8.3.2",
    kind="definition",
    title="Incoherence ‖z‖_∞ ≤ μ/√d (and μ ≥ 1 necessarily)",
    printed=r"\|z\|_2 = 1,\ \|z\|_\infty \leq \frac{\mu}{\sqrt d}",
    statement=Incoherence(1.0),
    check=_check_def_812,
    mutants=[Mutant("some unit vector has √d‖z‖_∞ < 1.05", Incoherence(1.05))],
    notes=["non-vacuous content: ‖z‖² ≤ d‖z‖_∞² forces μ ≥ 1 (equality for the flat ±1/√d), and μ = √d is the "
           "largest (e₁); the chapter's 'μ a constant or log d' is the regime of Theorem 8.14",
           "sampled for the samplers; a proof of the mathematical content (μ ≥ 1 from ‖z‖² ≤ d‖z‖_∞², μ ≤ √d) would need "
           "only that inequality with symbolic d, and the samplers' incoherence is a property of their code, "
           "which samples cannot prove"],
)


# --- Remark 8.13: z = e₁ ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class CornerUnobserved:
    corner_observed: bool = False  # the printed remark: ω₁₁ = 0


def _check_remark_813(stmt: CornerUnobserved, ctx) -> Outcome:
    d = 3
    I = Instance(d, symmetric_mask=True)
    e1 = sp.Matrix([1, 0, 0])
    w11 = I.W[0, 0]
    sub = {w11: 1 if stmt.corner_observed else 0}
    W = I.W.subs(sub)
    c = sp.Symbol("c", real=True)

    def f_of(Mm, x):
        R = W.multiply_elementwise(Mm - x * x.T)
        return reduce_mask(sp.Rational(1, 2) * sum(r**2 for r in R), W)

    same_obs = sp.expand(f_of(e1 * e1.T, I.x) - f_of(sp.zeros(d, d), I.x))
    line = sp.expand(f_of(e1 * e1.T, c * e1))
    steps = [Step("same observation", "f_{M=e₁e₁ᵀ}(x) − f_{M=0}(x), symbolic mask with ω₁₁ fixed", derived=same_obs,
                  holds=same_obs == 0),
             Step("a line of global minima", "f(c·e₁) for every c", derived=line, holds=line == 0)]
    holds_sym = same_obs == 0 and line == 0
    # numbers: GD on a random mask with the corner removed does not find ±e₁
    rng = ctx.rng("remark-8.13")
    dn = 60
    m = masks.bernoulli(dn, 0.3, rng)
    keep = ~((m.rows == 0) & (m.cols == 0)) if not stmt.corner_observed else np.ones(m.nnz, bool)
    m2 = m.with_entries(keep)
    if stmt.corner_observed and not ((m2.rows == 0) & (m2.cols == 0)).any():
        m2 = masks.from_coordinates(dn, m.p, np.r_[m2.rows, 0], np.r_[m2.cols, 0], True)
    ob = mc.Objective(mc.basis_vector(dn), m2)
    from numeric.chapter8 import mc_landscape as ml
    errs = []
    for k in range(5):
        x0 = rng.standard_normal(dn) / np.sqrt(dn)
        r = ml.run("GD", ob, x0, rng, max_iter=3000)
        errs.append(float(np.linalg.norm(np.outer(r.x, r.x) - np.outer(ob.z, ob.z))))
    num = Outcome(min(errs) > 0.5, ["optimizer"], len(errs), None,
                  None if min(errs) > 0.5 else {"‖xxᵀ − e₁e₁ᵀ‖ after GD": errs},
                  notes=[f"GD from 5 random starts on f with z = e₁, d = {dn}, p = 0.3, ω₁₁ = "
                         f"{1 if stmt.corner_observed else 0}: ‖xxᵀ − e₁e₁ᵀ‖_F = {np.round(errs, 3).tolist()}"], strength="sampled")
    sym = Outcome(holds_sym, ["symbolic (entrywise, d = 3)"], 1, None,
                  None if holds_sym else {"f_M - f_0": str(same_obs), "f(c e1)": str(line)}, steps=steps, strength="exact", sizes=["d = 3"])
    return all_of(sym, num)


def _generic_813(stmt: CornerUnobserved):
    """At every d, with the hypothesis P_Ω(e₁e₁ᵀ) = 0 (i.e. W₁₁ = 0, a rewrite rule of the normal form):
    f_{M = e₁e₁ᵀ}(x) = f_{M = 0}(x) for every x (the observations cannot tell M from 0), and f(c·e₁) = 0 for every c."""
    if stmt.corner_observed:
        return None  # with (1, 1) ∈ Ω the two objectives differ: the d = 3 check shows where
    d = sp.Symbol("d", integer=True, positive=True)
    W, e, x = sp.MatrixSymbol("W", d, d), sp.MatrixSymbol("e", d, 1), sp.MatrixSymbol("x", d, 1)
    c = sp.Symbol("c", real=True)

    def f(M, X):
        return sp.Rational(1, 2) * TNF.frob2(TNF.P(W, M - X * X.T))

    kw = dict(symmetric=(W,), masks=(W,), mask_zero=((W, e),), explicit_d=3)
    return [MatrixIdentity(f(e * e.T, x), f(sp.ZeroMatrix(d, d), x), symbols=(e, x), label="f_{e₁e₁ᵀ} = f_0, every d", **kw),
            MatrixIdentity(f(e * e.T, c * e), sp.Integer(0), symbols=(e,), label="f(c·e₁) = 0, every d", **kw)]


claim(
    id="remark:8.13",
    section="8.3.2",
    kind="identity",
    title="z = e₁: without the corner, M = e₁e₁ᵀ cannot be recovered",
    printed=r"z = e_1,\ M = e_1e_1^\top: \text{ no way to recover } M \text{ without observing the top-left corner}",
    statement=CornerUnobserved(False),
    check=generic_too(_check_remark_813, _generic_813),
    mutants=[Mutant("the same with the corner observed", CornerUnobserved(True))],
    uses=["def:8.12", "eq:8.12"],
    notes=["proved at every d: with P_Ω(e₁e₁ᵀ) = 0 as a rewrite rule, f is the same function for M = e₁e₁ᵀ and "
           "M = 0, and f(c·e₁) = 0 for every c (trace normal form, and components at d = 3 under W₁₁ = 0); the GD "
           "runs illustrate it",
           "exactly what fails: with (1,1) ∉ Ω, P_Ω(e₁e₁ᵀ) = 0 = P_Ω(0), so f is the same function for M = e₁e₁ᵀ and "
           "M = 0 (and any M = c e₁e₁ᵀ); every c·e₁ (c = 0 included) is a global minimum (f = 0). f is not constant "
           "along x₁ in general, only where x_j = 0 for every observed (1, j)",
           "e₁ has μ = √d, so Theorem 8.14's p = poly(μ, log d)/(dε²) ≥ 1: the theorem asks for every entry", "sampled through its GD runs; the exact part (d = 3: f does not see M₁₁ when the corner is unobserved) is the proof of non-recovery, and would need the entrywise argument to hold at every d"],
)
