"""Turn a claim into Evidence: check the printed form, the correction, the mutants."""
from __future__ import annotations

import time
import traceback
from typing import Callable, Iterable

from .claim import Claim, Outcome
from .context import Context
from .evidence import Evidence, MutantResult
from .lazy import force
from .profiles import Profile


def _run(claim: Claim, statement, profile: Profile, seed: int, variant: str, log) -> Outcome:
    ctx = Context(profile=profile, seed=seed, claim_id=claim.id, variant=variant, log=log)
    out = claim.check(force(statement), ctx)  # a lazy statement is built here, on first use
    if not isinstance(out, Outcome):
        raise TypeError(f"check of {claim.id} returned {type(out).__name__}, not Outcome")
    return out


def run_claim(
    claim: Claim,
    profile: Profile,
    seed: int = 0,
    log: Callable[[str], None] = lambda m: None,
) -> Evidence:
    t0 = time.perf_counter()
    try:
        printed = _run(claim, claim.statement, profile, seed, "printed", log)
        corrected = None
        if claim.kind == "informal":
            status = "informal"
        elif printed.holds is True:
            status = "verified"
        elif printed.holds is None:
            status = "inconclusive"
        elif claim.erratum is not None:
            corrected = _run(claim, claim.erratum.corrected_statement, profile, seed, "corrected", log)
            status = "erratum" if corrected.holds is True else "refuted"
        else:
            status = "refuted"
        mutants = []
        for m in claim.mutants:
            mo = _run(claim, m.statement, profile, seed, f"mutant:{m.name}", log)
            mutants.append(MutantResult(m.name, killed=mo.holds is False, detail=str(mo.counterexample)))
        ev = Evidence(claim, status, printed, corrected, mutants, seed=seed, profile=profile.name)
    except Exception as exc:  # a crashing check is a finding, not a crash of the tool
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        ev = Evidence(claim, "inconclusive", Outcome(holds=None), seed=seed, profile=profile.name, error=tb)
    ev.seconds = time.perf_counter() - t0
    return ev


def run_claims(
    claims: Iterable[Claim],
    profile: Profile,
    seed: int = 0,
    progress: Callable[[Claim, Evidence | None, int, int], None] | None = None,
) -> list[Evidence]:
    claims = list(claims)
    out = []
    for i, c in enumerate(claims):
        if progress:
            progress(c, None, i, len(claims))
        ev = run_claim(c, profile, seed)
        out.append(ev)
        if progress:
            progress(c, ev, i, len(claims))
    return out


class Summary:
    """Evidence as it comes back from a worker process: its JSON and its verdict.

    Offers the part of Evidence that the report and the CLI read, so a parallel run
    and a serial one are used the same way.
    """

    def __init__(self, claim: Claim, data: dict, problems: list[str]):
        self.claim, self._data, self._problems = claim, data, problems
        self.status = data["status"]
        self.seconds = data["seconds"]
        self.killed = data["mutants"]["killed"]
        self.mutants = data["mutants"]["list"]

    def as_json(self) -> dict:
        return self._data

    def problems(self) -> list[str]:
        return self._problems

    @property
    def matches_expectation(self) -> bool:
        return not self._problems


def _worker(args):
    claim_id, profile_name, seed = args
    from . import registry
    from .profiles import get_profile

    ev = run_claim(registry.get(claim_id), get_profile(profile_name), seed)
    from .site.steps import with_steps  # the derivation steps travel with the JSON (for the site)

    return claim_id, with_steps(ev), ev.problems()


def run_claims_parallel(claims, profile: Profile, seed: int = 0, jobs: int = 2, progress=None) -> list:
    """Run claims in ``jobs`` processes; results in the claims' order, identical to a serial run."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed

    claims = list(claims)
    by_id = {c.id: c for c in claims}
    done: dict[str, Summary] = {}
    # heaviest first keeps both cores busy to the end; order of results is restored below
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork")) as pool:
        futs = {pool.submit(_worker, (c.id, profile.name, seed)): c.id for c in claims}
        for i, fut in enumerate(as_completed(futs)):
            cid, data, problems = fut.result()
            done[cid] = Summary(by_id[cid], data, problems)
            if progress:
                progress(by_id[cid], done[cid], i, len(claims))
    return [done[c.id] for c in claims]
