"""Which claims read which sweeps: the cells an executor computes before those claims start.

A plan maps (profile, seed) to the cells of one sweep (numeric.sweeps); the executor spreads
the cells over its workers first, and the claims that read the sweep then find them cached.
"""
from __future__ import annotations

import zlib

from numeric.chapter8.sweeps import landscapes
from numeric.chapter8.sweeps import mc_lemmas
from numeric.chapter8.sweeps import mc_recovery
from numeric.chapter8.sweeps import ntk
from numeric.chapter8.sweeps import ntk_limits, ntk_width
from numeric.chapter8.sweeps import pca_runs
from numeric.chapter8.sweeps import saddles
from verify.engine.context import Context
from verify.engine.profiles import Profile
from verify.engine.rates import n_seeds, rate_seeds


def _theorem(profile, seed):
    from verify.chapter8.claims.ntk_training import C0, EPS

    return ntk.cells("theorem", ntk.experiment_seed(seed, "thm"), profile.scale, eps=EPS, c0=C0)


# §8.4.1 and §8.4.3: the seeds are the claims' own (the same expressions as in their checks)
def _width(claim_id, name, rate, **params):
    """The cells of ntk_width's experiment ``name`` at the pooled seeds ``rate`` of the claim ``claim_id``."""
    def plan(profile, seed):
        ctx = Context(profile, seed, claim_id)
        return ntk_width.cells(name, rate_seeds(ctx, rate), scale=profile.scale, **params)
    return plan


def _kernels(profile, seed):
    ctx = Context(profile, seed, "eq:8.93")
    return (ntk_width.cells("kernel_convergence", rate_seeds(ctx, "8.94"), scale=profile.scale)
            + ntk_width.cells("kernel_reference", [ctx.seed_for("8.93") % 1000], scale=profile.scale))


def _spectrum(profile, seed):
    ctx = Context(profile, seed, "eq:8.96")
    return ntk_width.cells("spectrum_sweep", [ctx.seed_for("8.96") % 1000], scale=profile.scale, trials=profile.trials)


def _sample_complexity(profile, seed):
    seeds = [zlib.crc32(f"{seed}|ntk|thm8.35#{i}".encode()) % 100_000 for i in range(n_seeds(profile))]
    return ntk_limits.cells("sample_complexity", seeds, scale=profile.scale)
def _variants(claim_id):
    """The statement of a claim and of each of its mutants (each may read its own cells)."""
    from verify.engine import registry
    c = registry.get(claim_id)
    return [c.statement] + [m.statement for m in c.mutants]


def _seeds(profile, seed, claim_id, name):
    """The streams a claim pools: ctx.seed_for(name), then name#1, name#2, ... (n_seeds in all)."""
    ctx = Context(profile, seed, claim_id)
    return [ctx.seed_for(name)] + [ctx.seed_for(f"{name}#{i}") for i in range(1, n_seeds(profile))]


def _lemma817(profile, seed):
    useeds, sc, tr = _seeds(profile, seed, "lemma:8.17", "lemma-8.17"), profile.scale, profile.trials
    out = []
    for st in _variants("lemma:8.17"):
        out.append(mc_lemmas.fixed_pairs_cell(useeds[0], sc, tr, not st.incoherent))
        out += [mc_lemmas.uniform_along_rate_cell(s, sc, st.d_power, st.eps_power) for s in useeds]
    out += [mc_lemmas.fixed_pair_fits_cell(s, sc, tr) for s in useeds]
    ctx = Context(profile, seed, "lemma:8.17")  # the p* fits pool as many seeds again, without the μ sweep
    out += [mc_lemmas.fixed_pair_fits_cell(ctx.seed_for(f"lemma-8.17#p*{i}"), sc, tr, mu=False) for i in range(len(useeds))]
    return out + [mc_lemmas.uniform_vs_pd_cell(s, sc) for s in useeds]


def _remark816(profile, seed):
    s = Context(profile, seed, "remark:8.16").seed_for("remark-8.16")
    return [mc_lemmas.scalar_sum_cell(s, profile.trials, st.normalised) for st in _variants("remark:8.16")]


def _eq815_approx(profile, seed):
    """(8.15)'s '≈ p⟨A, B⟩': its corrected form and its scaled mutant read remark:8.16's sweep at this claim's seed."""
    s = Context(profile, seed, "sec:8.3.2:eq-8.15-approx").seed_for("remark-8.16")
    return [mc_lemmas.scalar_sum_cell(s, profile.trials, True, scale) for scale in (1.0, 1000.0)]


def _thm823_rates(profile, seed):
    ctx = Context(profile, seed, "sec:8.3.2:thm8.23-rates")
    return [mc_lemmas.uniform_vs_pd_cell(ctx.seed_for(f"thm8.23-p#{i}"), profile.scale) for i in range(n_seeds(profile))]


def _figure85(profile, seed):
    from verify.chapter8.claims.mc_lemma817 import FIG85_PARTS, fig85_seeds

    return [mc_lemmas.forms_sweep_cell(s, profile.scale, profile.trials, FIG85_PARTS)
            for s in fig85_seeds(Context(profile, seed, "figure:8.5"))]


def _f_instances(profile, seed):
    return [mc_lemmas.f_instances_cell(mc_lemmas.f_instances_seed(seed), profile.scale)]


def _linear_networks(profile, seed):
    from verify.chapter8.claims.landscape_833 import net_sizes

    exact, sizes, n = net_sizes(profile)
    ctx = Context(profile, seed, "sec:8.3.3:linear-networks")
    return ([landscapes.net_landscape_cell(d) for d in exact]
            + [landscapes.net_runs_cell(ctx.seed_for(f"net-{d}"), d, n) for d in sizes])


def _tensor_landscape(profile, seed):
    from verify.chapter8.claims.landscape_833 import tensor_sizes

    sizes, n = tensor_sizes(profile)
    ctx = Context(profile, seed, "sec:8.3.3:tensor-landscape")
    comps = dict.fromkeys(st.components for st in _variants("sec:8.3.3:tensor-landscape"))
    return [landscapes.tensor_runs_cell(ctx.seed_for(f"tensor-{d}-{k}"), d, k, c, n) for c in comps for d, k in sizes]


def _pca_rank2(profile, seed):
    from verify.chapter8.claims.pca_rank2 import pca_sizes

    return [landscapes.pca_rank2_cell(d) for d in pca_sizes(profile)]


def _saddle_escape(profile, seed):
    from verify.chapter8.claims.saddle_strict import escape_trials

    ctx = Context(profile, seed, "sec:8.2.1:saddle-escape")
    perturbs = dict.fromkeys(st.perturb for st in _variants("sec:8.2.1:saddle-escape"))
    return [saddles.escape_cell(ctx.seed_for(f"escape-{k}"), p) for p in perturbs for k in range(escape_trials(profile))]


def _no_strict_saddle(profile, seed):
    from verify.chapter8.claims.saddle_strict import nss_eps

    ctx, eps_list = Context(profile, seed, "sec:8.2.1:no-strict-saddle"), nss_eps(profile)
    out = [saddles.nss_runs_cell(ctx.seed_for(f"nss-{e}"), st.function, e)
           for st in _variants("sec:8.2.1:no-strict-saddle") for e in eps_list]
    return out + [saddles.nss_rate_cell(ctx.seed_for("nss-starts"), "example-8.2", eps_list)]


def _pca_optimizers(profile, seed):
    from verify.chapter8.claims.pca_theorem import pca_runs_size

    cid = "sec:8.3.1:pca-reference-runs"
    (n, d), s = pca_runs_size(profile), Context(profile, seed, cid).seed_for("pca-runs")
    return [pca_runs.runs_cell(s, n, d, p) for p in dict.fromkeys(st.perturb for st in _variants(cid))]


def _thm85(profile, seed):
    from verify.chapter8.claims.saddle_strict import _BASE, dial_values

    vals, k = dial_values(profile), n_seeds(profile)
    return [saddles.dial_cell(_BASE, key, vals[key], k, opt) for opt, dials in
            (("pgd", ("beta", "alpha", "gamma", "d", "eps")), ("cubic", ("beta", "alpha", "d"))) for key in dials]


PLANS = [
    (frozenset({"thm:8.14", "thm:8.23"}), lambda profile, seed: mc_recovery.plan(seed, profile.scale, profile.name)),
    (frozenset({"thm:8.33", "eq:8.142", "eq:8.164"}), _theorem),
    (frozenset({"sec:8.4.2:lazy-training", "eq:8.150", "eq:8.154", "eq:8.157", "eq:8.162"}),
     lambda profile, seed: ntk.cells("lazy", ntk.experiment_seed(seed, "lazy"), profile.scale)),
    (frozenset({"thm:8.35"}), _sample_complexity),
    (frozenset({"eq:8.90"}), _width("eq:8.90", "lln_curve", "8.90")),
    (frozenset({"eq:8.78"}), _width("eq:8.78", "output_scale", "8.78", power=0.5)),
    (frozenset({"eq:8.93"}), _kernels),
    (frozenset({"eq:8.96"}), _spectrum),
    (frozenset({"lemma:8.17"}), _lemma817),
    (frozenset({"remark:8.16"}), _remark816),
    (frozenset({"sec:8.3.2:eq-8.15-approx"}), _eq815_approx),
    (frozenset({"sec:8.3.2:thm8.23-rates"}), _thm823_rates),
    (frozenset({"figure:8.5"}), _figure85),
    (frozenset({"lemma:8.19", "eq:8.23", "lemma:8.21", "eq:8.32"}), _f_instances),
    (frozenset({"sec:8.3.3:linear-networks"}), _linear_networks),
    (frozenset({"sec:8.3.3:tensor-landscape"}), _tensor_landscape),
    (frozenset({"sec:8.3.1:pca-rank-2"}), _pca_rank2),
    (frozenset({"sec:8.3.1:pca-reference-runs"}), _pca_optimizers),
    (frozenset({"sec:8.2.1:saddle-escape"}), _saddle_escape),
    (frozenset({"thm:8.5"}), _thm85),
    (frozenset({"sec:8.2.1:no-strict-saddle"}), _no_strict_saddle),
]


def cells_for(claim_ids, profile: Profile, seed: int):
    """The cells the given claims read (each once), and the ids of the claims that must wait for them."""
    ids = set(claim_ids)
    cells, waiting = {}, set()
    for readers, plan in PLANS:
        if readers & ids:
            waiting |= readers & ids
            for c in plan(profile, seed):
                cells[c.key] = c
    return list(cells.values()), waiting


def cells_by_claim(claim_ids, profile: Profile, seed: int) -> dict[str, list]:
    """For each given claim that reads a sweep, the cells it reads (each plan is drawn up once)."""
    ids = set(claim_ids)
    out: dict[str, list] = {}
    for readers, plan in PLANS:
        if readers & ids:
            cells = plan(profile, seed)
            for cid in readers & ids:
                out.setdefault(cid, []).extend(cells)
    return out
