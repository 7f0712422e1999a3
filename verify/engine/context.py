"""The context a check runs in: profile, seed, random streams, progress log."""
from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from verify.engine.profiles import Profile


@dataclass
class Context:
    profile: Profile
    seed: int = 0
    claim_id: str = ""
    variant: str = "printed"  # "printed", "corrected" or "mutant:<name>"
    log: Callable[[str], None] = field(default=lambda msg: None)

    def seed_for(self, name: str = "") -> int:
        """A stable 32-bit seed for (seed, claim, name): same inputs, same stream.

        The variant is left out on purpose: a mutant is searched over the same
        instances as the printed statement, so the two are comparable.
        """
        key = f"{self.seed}|{self.claim_id}|{name}".encode()
        return zlib.crc32(key) & 0x7FFFFFFF

    def rng(self, name: str = "") -> np.random.Generator:
        return np.random.default_rng(self.seed_for(name))

    def shared_rng(self, name: str) -> np.random.Generator:
        """A stream of (seed, name) alone, the same for every claim: for instances that several claims share through a
        module-level cache keyed by the seed.  With ``rng`` there, the instances depended on which claim filled the
        cache first, i.e. on the order claims ran in a process (two cold reports, one worker and two, differed)."""
        return np.random.default_rng(zlib.crc32(f"{self.seed}|shared|{name}".encode()) & 0x7FFFFFFF)

    @property
    def is_mutant(self) -> bool:
        return self.variant.startswith("mutant:")
