"""Which claims read which sweeps: the cells an executor computes before those claims start.

A plan maps (profile, seed) to the cells of one sweep (numeric.sweeps); the executor spreads
the cells over its workers first, and the claims that read the sweep then find them cached.
"""
from __future__ import annotations

import zlib

from numeric.sweeps import mc_recovery
from numeric.sweeps import ntk
from numeric.sweeps import ntk_limits, ntk_width

from .context import Context
from .profiles import Profile
from .rates import n_seeds, rate_seeds


def _theorem(profile, seed):
    from .claims.ntk_training import C0, EPS

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
