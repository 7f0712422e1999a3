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
    return cache.entries() / "timings.json"


def last_seconds() -> dict[str, float]:
    """The last recorded seconds per claim: the cache's record of the last run, else the project's results.json."""
    out: dict[str, float] = {}
    for p in (cache.ROOT / "results.json", _timings_path()):
        try:
            if not p.is_file() or p.stat().st_size > 50_000_000:
                continue
            doc = json.loads(p.read_text())
            items = doc["claims"] if isinstance(doc, dict) and "claims" in doc else [
                {"id": k, "seconds": v} for k, v in doc.items()]
            out.update({c["id"]: float(c["seconds"]) for c in items})
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            continue
    return out


def _record_seconds(evs) -> None:
    """Best effort: the timings only order the next run's work, so a cache folder that refuses them costs a warning."""
    if not cache.enabled():
        return
    t = last_seconds()
    t.update({ev.claim.id: float(ev.seconds) for ev in evs if not getattr(ev, "cached", False)})
    try:
        from verify.run.outputs import OutputError, write_atomic

        if not cache.ready():
            return
        write_atomic(_timings_path(), json.dumps(t, indent=0, sort_keys=True) + "\n")
    except (OSError, OutputError) as e:
        cache.warn_once(f"timings:{_timings_path()}", f"cannot record the claims' seconds in "
                        f"{str(_timings_path())!r} ({getattr(e, 'strerror', None) or e}); going on")


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


def _lost(ex, fut) -> bool:
    """Whether ``fut`` failed because the process pool broke (a worker died: the OOM killer, a kill)."""
    from concurrent.futures.process import BrokenProcessPool

    return hasattr(ex, "restart") and isinstance(fut.exception(), BrokenProcessPool)


def _failed(claim, profile, seed, why: str):
    """Evidence of a claim whose check could not run to its end on a worker: an error, not a lost run."""
    from verify.engine.claim import Outcome
    from verify.engine.evidence import Evidence

    return Evidence(claim, "inconclusive", Outcome(holds=None), seed=seed, profile=profile.name, error=why)


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
    deaths: dict[tuple, int] = {}  # (kind, id) -> times a worker died while running it
    quarantine: list[tuple] = []  # (kind, obj) running when a worker died: rerun later, each alone in the pool

    def submit(kind, obj):
        if kind == "cell":
            pending[ex.submit(_cell_task, obj, use_cache)] = ("cell", obj)
        else:
            pending[ex.submit(_claim_task, obj.id, profile.name, seed, use_cache)] = ("claim", obj)

    def submit_claims(claims):
        for c in sorted(claims, key=heavy):
            submit("claim", c)

    def cell_done(obj, error: str | None) -> None:
        if error is not None:
            print(f"verify: sweep cell {obj.fn} (seed {obj.seed}) failed: {error}; its claims compute it themselves",
                  file=sys.stderr)
        ready = [cid for cid, ks in waits.items() if obj.key in ks and len(ks) == 1]
        for ks in waits.values():
            ks.discard(obj.key)
        submit_claims(by_id[cid] for cid in ready)  # released as soon as their own cells are in

    def claim_done(obj, result=None, error: str | None = None) -> None:
        if error is not None:
            finish(obj, _failed(obj, profile, seed, error))
            return
        cid, entry, fresh = result
        k = claim_key(obj, profile, seed)
        if fresh and cache.is_miss(cache.load(k)):  # a remote worker's cache is not this one
            cache.store(k, entry)
        ev = Cached(obj, entry)
        ev.cached = not fresh
        finish(obj, ev)

    def handle(fut, kind, obj) -> None:
        err = fut.exception()
        if kind == "cell":
            if err is None:
                cache.store(obj.key, fut.result())  # for this process, when the workers' cache is elsewhere
            cell_done(obj, None if err is None else f"{type(err).__name__}: {' '.join(str(err).split())[:200]}")
        elif err is not None:  # Dask gave up after its retries (KilledWorker), or the task itself broke
            claim_done(obj, error=f"the worker running it failed: {type(err).__name__}: "
                                  f"{' '.join(str(err).split())[:200]}")
        else:
            claim_done(obj, fut.result())

    def recover() -> None:
        """The pool broke: every unfinished task goes to a fresh pool; the ones that were running when a worker
        died are charged one death and rerun later each alone in the pool (so a bystander of the task that killed
        the worker is not blamed again), and a task charged twice is given up (an error in its evidence)."""
        lost = dict(pending)
        pending.clear()
        running = {f for f in lost if ex.was_running(f)}
        ex.restart()
        for fut, (kind, obj) in sorted(lost.items(), key=lambda kv: kv[1][0] != "cell"):
            if fut.done() and not _lost(ex, fut):  # finished before the break: keep its result
                handle(fut, kind, obj)
                continue
            name = obj.key if kind == "cell" else obj.id
            if fut in running:
                deaths[(kind, name)] = deaths.get((kind, name), 0) + 1
            if deaths.get((kind, name), 0) >= 2:
                why = "a worker process died while running it, twice (killed, or out of memory); not retried again"
                (cell_done(obj, why) if kind == "cell" else claim_done(obj, error=why))
            elif fut in running:
                quarantine.append((kind, obj))
            else:
                submit(kind, obj)

    for cl in sorted(cells.values(), key=lambda c: -c.cost):
        submit("cell", cl)
    submit_claims(c for c in todo if not waits.get(c.id))
    while pending or quarantine:
        if not pending:  # a suspect runs alone: if a worker dies now, it was this task
            submit(*quarantine.pop(0))
        done = _first_completed(ex, pending)
        if any(_lost(ex, f) for f in done):
            recover()
            continue
        for fut in done:
            handle(fut, *pending.pop(fut))


def _first_completed(ex, pending):
    if hasattr(ex, "client"):
        from distributed import wait
    else:
        from concurrent.futures import wait
    return wait(list(pending), return_when="FIRST_COMPLETED").done


def uses_closure(claims, all_claims) -> list:
    """The claims that ``claims`` use, transitively, from the registry (a use written as an equation label, eq:8.26,
    stands for the claims covering that equation), without ``claims`` themselves; in registry order."""
    by_id = {c.id: c for c in all_claims}
    covering: dict[str, list[str]] = {}
    for c in all_claims:
        for e in c.equations:
            covering.setdefault(f"eq:{e}", []).append(c.id)
    chosen = {c.id for c in claims}
    seen: set[str] = set()
    todo = [c.id for c in claims]
    while todo:
        cid = todo.pop()
        for use in by_id[cid].uses:
            for t in [use] if use in by_id else [x for x in covering.get(use, []) if x != cid]:
                if t not in seen and t not in chosen:
                    seen.add(t)
                    todo.append(t)
    return [c for c in all_claims if c.id in seen]
