"""Which claims read which sweeps: the cells an executor computes before those claims start.

A plan maps (profile, seed) to the cells of one sweep (numeric.sweeps); the executor spreads
the cells over its workers first, and the claims that read the sweep then find them cached.
"""
from __future__ import annotations

from numeric.sweeps import mc_recovery

from .profiles import Profile

PLANS = [
    (frozenset({"thm:8.14", "thm:8.23"}), lambda profile, seed: mc_recovery.plan(seed, profile.scale, profile.name)),
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
