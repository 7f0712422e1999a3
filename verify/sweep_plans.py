"""Which claims read which sweeps: the cells an executor computes before those claims start.

A plan maps (profile, seed) to the cells of one sweep (numeric.sweeps); the executor spreads
the cells over its workers first, and the claims that read the sweep then find them cached.
"""
from __future__ import annotations

from numeric.sweeps import mc_recovery
from numeric.sweeps import ntk

from .profiles import Profile


def _theorem(profile, seed):
    from .claims.ntk_training import C0, EPS

    return ntk.cells("theorem", ntk.experiment_seed(seed, "thm"), profile.scale, eps=EPS, c0=C0)


PLANS = [
    (frozenset({"thm:8.14", "thm:8.23"}), lambda profile, seed: mc_recovery.plan(seed, profile.scale, profile.name)),
    (frozenset({"thm:8.33", "eq:8.142", "eq:8.164"}), _theorem),
    (frozenset({"sec:8.4.2:lazy-training", "eq:8.150", "eq:8.154", "eq:8.157", "eq:8.162"}),
     lambda profile, seed: ntk.cells("lazy", ntk.experiment_seed(seed, "lazy"), profile.scale)),
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
