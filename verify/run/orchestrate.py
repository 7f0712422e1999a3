"""Run claims through the evidence cache on an executor (processes or Dask), heaviest first.

Order of work: claims found in the cache are done at once; the cells of the sweeps that the
remaining claims read go first (largest cost first) so every worker is busy with them, then the
claims that read no sweep (heaviest first by the last recorded seconds), and each claim that
reads a sweep as soon as its own cells are in.  A cell that fails is not fatal: the claims that
read it compute it themselves, and their evidence carries the error.  ``use_cache=False`` (--no-cache) runs on a private,
empty cache that is removed afterwards: a cold run that reads and writes nothing of the user's.  Results come back in the claims' order and are the
same as a serial run's (each claim and cell is a pure function of its inputs and the seed).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from numeric.sweeps import cache

from verify.run import evidence_cache

from verify.engine import registry
from verify.engine.steps import with_steps
from verify.engine.profiles import Profile, get_profile


def _claim_task(claim_id: str, profile_name: str, seed: int, use_cache: bool):
    """One claim on a worker: (id, cache entry) where the entry is what evidence_cache keeps."""
    import warnings

    from verify.run.claim_runner import run_claim

    with cache.off(not use_cache), warnings.catch_warnings():
        # On a Dask worker, distributed's own threads draw from the global `random` module while a
        # hypothesis search runs, and hypothesis then warns that the strategy used `random`.  None
        # does: the searches are derandomised and draw from hypothesis' own source (the Dask run's
        # results equal the serial run's, tests/test_executors.py).
        warnings.filterwarnings("ignore", message="Do not use the `random` module inside strategies")
        claim, profile = registry.get(claim_id), get_profile(profile_name)
        hit = evidence_cache.lookup(claim, profile, seed)
        if hit is not None:
            return claim_id, {"json": hit.as_json(), "problems": hit.problems()}, False
        ev = run_claim(claim, profile, seed)
        evidence_cache.keep(ev, profile, seed)
        return claim_id, {"json": with_steps(ev), "problems": ev.problems()}, ev.error is None


def _timings_path() -> Path:
    return cache.directory() / "timings.json"


def last_seconds() -> dict[str, float]:
    """The last recorded seconds per claim: the cache's record of the last run, else the project's results.json."""
    out: dict[str, float] = {}
    for p in (cache.ROOT / "results.json", _timings_path()):
        try:
            doc = json.loads(p.read_text())
            items = doc["claims"] if isinstance(doc, dict) and "claims" in doc else [
                {"id": k, "seconds": v} for k, v in doc.items()]
            out.update({c["id"]: float(c["seconds"]) for c in items})
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return out


def _record_seconds(evs) -> None:
    if not cache.enabled():
        return
    t = last_seconds()
    t.update({ev.claim.id: float(ev.seconds) for ev in evs if not getattr(ev, "cached", False)})
    try:
        from verify.run.outputs import write_atomic

        _timings_path().parent.mkdir(parents=True, exist_ok=True)
        write_atomic(_timings_path(), json.dumps(t, indent=0, sort_keys=True) + "\n")
    except OSError:
        pass


def run_all(claims, profile: Profile, seed: int = 0, jobs: int | None = None, scheduler: str | None = None,
            use_cache: bool = True, progress=None) -> list:
    from verify.run import backends as executors
    if not use_cache and not _remote(scheduler):  # --no-cache: a private cache, so the run's cells are shared
        with cache.private():
            return run_all(claims, profile, seed, jobs, scheduler, True, progress)
    claims = list(claims)
    n = len(claims)
    done: dict[str, object] = {}
    i = 0

    def finish(c, ev):
        nonlocal i
        done[c.id] = ev
        if progress:
            progress(c, ev, i, n)
        i += 1

    with cache.off(not use_cache):
        todo = []
        for c in claims:
            hit = evidence_cache.lookup(c, profile, seed) if use_cache else None
            if hit is None:
                todo.append(c)
            else:
                finish(c, hit)
        if not todo:
            return [done[c.id] for c in claims]
        jobs = executors.default_jobs() if jobs is None else jobs
        ex = executors.make(min(jobs, len(todo)) if not scheduler else jobs, scheduler, use_cache)
        if ex is None:
            for c in todo:
                if progress:
                    progress(c, None, i, n)
                ev = evidence_cache.run_claim(c, profile, seed) if use_cache else _fresh(c, profile, seed)
                finish(c, ev)
        else:
            with ex:
                _run_on(ex, todo, profile, seed, use_cache, finish)
        evs = [done[c.id] for c in claims]
        _record_seconds(evs)
    return evs


def _remote(scheduler: str | None) -> bool:
    """A scheduler elsewhere: its workers have their own caches, which --no-cache must not read."""
    return bool(scheduler) and scheduler != "local"


def _fresh(c, profile, seed):
    from verify.run.claim_runner import run_claim

    return run_claim(c, profile, seed)


def _run_on(ex, todo, profile, seed, use_cache, finish) -> None:
    from verify.engine.text import active
    from verify.run.backends import _cell_task
    from verify.run.evidence_cache import Cached, claim_key

    sweep_plans = active().hook(active().sweep_plans)

    by_id = {c.id: c for c in todo}
    secs = last_seconds()
    heavy = lambda c: -secs.get(c.id, 1.0)  # noqa: E731
    needs = sweep_plans.cells_by_claim(by_id, profile, seed) if sweep_plans else {}
    cells = {c.key: c for cs in needs.values() for c in cs}
    # without a cache (a remote --no-cache run) cells cannot be shared: each claim computes its own
    cells = {k: c for k, c in cells.items() if cache.is_miss(cache.load(k))} if use_cache else {}
    waits = {cid: {c.key for c in cs} & cells.keys() for cid, cs in needs.items()}  # a claim waits for its own cells
    pending = {}

    def submit_claims(claims):
        for c in sorted(claims, key=heavy):
            pending[ex.submit(_claim_task, c.id, profile.name, seed, use_cache)] = ("claim", c)

    for cl in sorted(cells.values(), key=lambda c: -c.cost):
        pending[ex.submit(_cell_task, cl, use_cache)] = ("cell", cl)
    submit_claims(c for c in todo if not waits.get(c.id))
    while pending:
        for fut in _first_completed(ex, pending):
            kind, obj = pending.pop(fut)
            if kind == "cell":
                try:
                    cache.store(obj.key, fut.result())  # for this process, when the workers' cache is elsewhere
                except Exception as e:  # noqa: BLE001 - the claims that read it compute it and report the error
                    print(f"verify: sweep cell {obj.fn} (seed {obj.seed}) failed: {type(e).__name__}: {e}; "
                          "its claims compute it themselves", file=sys.stderr)
                ready = [cid for cid, ks in waits.items() if obj.key in ks and len(ks) == 1]
                for ks in waits.values():
                    ks.discard(obj.key)
                submit_claims(by_id[cid] for cid in ready)  # released as soon as their own cells are in
                continue
            cid, entry, fresh = fut.result()
            k = claim_key(obj, profile, seed)
            if fresh and cache.is_miss(cache.load(k)):  # a remote worker's cache is not this one
                cache.store(k, entry)
            ev = Cached(obj, entry)
            ev.cached = not fresh
            finish(obj, ev)


def _first_completed(ex, pending):
    if hasattr(ex, "client"):
        from distributed import wait
    else:
        from concurrent.futures import wait
    return wait(list(pending), return_when="FIRST_COMPLETED").done
