"""Claim evidence by content address (numeric.sweeps.cache): run a claim once per code, profile, seed and versions.

The key hashes the module that declares the claim, the modules of its check and statements
(each with every project module it imports), the runner and the evidence format.  The entry
holds the results.json record, the problems, and (when it pickles) the Evidence itself, so
``verify show`` gets the derivation steps back too.  Evidence whose check raised is not kept.
"""
from __future__ import annotations

from numeric.sweeps import cache

from verify.engine import registry
from verify.engine.claim import Claim
from verify.engine.evidence import Evidence
from verify.engine.profiles import Profile


# The layout of an entry (the keys of the dict, the order of ``state``): part of every key, so entries written
# in another layout are never read.  Bump it with any change to ``keep``/``lookup`` below.
ENTRY_LAYOUT = 4  # 3: the state carries the attacks; 4: and the runner's notes, strength drop, premises
_STATE_LEN = 8


def claim_key(claim: Claim, profile: Profile, seed: int) -> str:
    mods = {registry.module_of(claim.id), getattr(claim.check, "__module__", ""), type(claim.statement).__module__,
            "verify.run.claim_runner", "verify.engine.evidence", "verify.faces.results_json", "verify.engine.steps"}
    mods |= {type(m.statement).__module__ for m in claim.mutants}
    if claim.erratum is not None:
        mods.add(type(claim.erratum.corrected_statement).__module__)
    mods = tuple(sorted(m for m in mods if m.split(".")[0] in cache.PACKAGES))
    return cache.key("claim", claim.id, mods, (profile.max_examples, profile.sweep, profile.trials, profile.scale,
                                               ("entry-layout", ENTRY_LAYOUT)), seed, profile.name)


def _valid(entry) -> bool:
    """An entry of this layout: a damaged or foreign one (valid checksum, wrong shape) is a miss, never a crash."""
    if not (isinstance(entry, dict) and isinstance(entry.get("json"), dict) and isinstance(entry.get("problems"), list)):
        return False
    j = entry["json"]
    mut = j.get("mutants")
    if not (isinstance(j.get("status"), str) and isinstance(j.get("seconds"), (int, float)) and isinstance(mut, dict)
            and isinstance(mut.get("killed"), int) and isinstance(mut.get("list"), list)):
        return False
    state = entry.get("state")
    return state is None or (isinstance(state, tuple) and len(state) == _STATE_LEN)


class Cached:
    """Evidence as the cache returns it: the parts the report and the CLI read (like runner.Summary)."""

    def __init__(self, claim: Claim, entry: dict):
        self.claim, self._data, self._problems = claim, entry["json"], entry["problems"]
        self.status = self._data["status"]
        self.seconds = self._data["seconds"]
        self.killed = self._data["mutants"]["killed"]
        self.mutants = self._data["mutants"]["list"]
        self.cached = True

    def as_json(self) -> dict:
        return self._data

    def problems(self) -> list[str]:
        return self._problems

    @property
    def matches_expectation(self) -> bool:
        return not self._problems


def lookup(claim: Claim, profile: Profile, seed: int, full: bool = False):
    """The cached evidence of a claim (an Evidence when ``full`` and it was kept whole, else Cached) or None."""
    entry = cache.load(claim_key(claim, profile, seed))
    if cache.is_miss(entry) or not _valid(entry):
        return None
    if full:
        state = entry.get("state")
        if state is None:
            return None
        status, printed, corrected, mutants, seconds, error, attacks, extra = state
        ev = Evidence(claim, status, printed, corrected, mutants, seconds, seed, profile.name, error, attacks=attacks)
        ev.notes, ev.strength_drop, ev.premises, ev.declared_problems = extra
        return ev
    return Cached(claim, entry)


def keep(ev: Evidence, profile: Profile, seed: int) -> None:
    if ev.error is not None or not isinstance(ev, Evidence):
        return
    k = claim_key(ev.claim, profile, seed)
    from verify.engine.steps import with_steps  # the derivation steps travel with the record (the site shows them)

    entry = {"json": with_steps(ev), "problems": ev.problems()}
    state = (ev.status, ev.printed, ev.corrected, ev.mutants, ev.seconds, ev.error, ev.attacks,
             (ev.notes, ev.strength_drop, ev.premises, ev.declared_problems))
    if not cache.store(k, {**entry, "state": state}):
        cache.store(k, entry)


def run_claim(claim: Claim, profile: Profile, seed: int = 0, full: bool = False):
    """runner.run_claim through the cache: the stored evidence if there is one, else a fresh run that is then kept."""
    from verify.run.claim_runner import run_claim as fresh

    hit = lookup(claim, profile, seed, full=full)
    if hit is not None:
        return hit
    ev = fresh(claim, profile, seed)
    keep(ev, profile, seed)
    return ev
