"""Where claims and sweep cells run: worker processes or Dask distributed, with clean interrupts.

Both executors offer ``submit(fn, *args)`` (a future with ``result()``), ``as_completed``,
``map_cells`` (for numeric.sweeps.core.use_executor) and ``close``.

* ``Processes(jobs)``: forked workers, each in its own process group (a terminal's Ctrl-C
  reaches only the parent) and with PR_SET_PDEATHSIG, so a worker dies with its parent even
  when the parent is SIGKILLed.  On an interrupt the parent kills its workers at once instead
  of waiting for the running checks.
* ``DaskExecutor(address)``: a LocalCluster (``local``) or an existing scheduler
  (``tcp://host:port``); tasks are retried when a worker dies under them.
"""
from __future__ import annotations

import ctypes
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import as_completed as _as_completed

from numeric.sweeps import cache
from numeric.sweeps.core import Cell, compute_cell

PR_SET_PDEATHSIG = 1


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def _worker_init(parent: int, use_cache: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    os.setpgid(0, 0)  # out of the terminal's foreground process group
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    if not use_cache:
        os.environ["VERIFY_NO_CACHE"] = "1"


def _cell_task(c: Cell, use_cache: bool = True):
    with cache.off(not use_cache):
        return compute_cell(c)[0]


class Processes:
    def __init__(self, jobs: int, use_cache: bool = True):
        import multiprocessing as mp

        self.jobs, self.use_cache = jobs, use_cache
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork"),
                                        initializer=_worker_init, initargs=(os.getpid(), use_cache))

    def submit(self, fn, *args):
        return self.pool.submit(fn, *args)

    def as_completed(self, futures):
        return _as_completed(futures)

    def map_cells(self, cells):
        futs = [self.submit(_cell_task, c, self.use_cache) for c in cells]
        out = [f.result() for f in futs]
        for c, v in zip(cells, out):  # the workers stored them already; harmless when they share this cache
            cache.store(c.key, v)
        return out

    def pids(self) -> list[int]:
        """The workers' process ids (the pool's, and any child multiprocessing still knows of)."""
        import multiprocessing as mp

        pids = {p.pid for p in (self.pool._processes or {}).values()}
        return sorted(pids | {p.pid for p in mp.active_children()})

    def close(self, kill: bool = False) -> None:
        if kill:
            for pid in self.pids():
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.pool.shutdown(wait=False, cancel_futures=True)
        else:
            self.pool.shutdown(wait=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close(kill=exc_type is not None)


class SchedulerError(RuntimeError):
    """--scheduler names an address that does not answer (one-line message, exit 2)."""


class DaskExecutor:
    def __init__(self, address: str = "local", jobs: int | None = None, use_cache: bool = True, retries: int = 3):
        from distributed import Client, LocalCluster

        self.use_cache, self.retries, self.cluster = use_cache, retries, None
        if address == "local":
            # no dashboard, and the scheduler's HTTP routes on a free port: two local runs side by side
            # would otherwise both want :8787 (distributed warns and moves the second)
            self.cluster = LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True,
                                        dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"})
            self.client = Client(self.cluster)
        else:
            try:
                self.client = Client(address, timeout="10s")
            except (OSError, TimeoutError) as e:  # refused, unreachable, or no answer in time
                raise SchedulerError(f"cannot reach the Dask scheduler at {address}: "
                                     f"{' '.join(str(e).split())[:160]}") from None

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False, retries=self.retries)

    def as_completed(self, futures):
        from distributed import as_completed

        return as_completed(list(futures))

    def map_cells(self, cells):
        futs = [self.submit(_cell_task, c, self.use_cache) for c in cells]
        out = self.client.gather(futs)
        for c, v in zip(cells, out):  # remote workers may not share this cache directory
            cache.store(c.key, v)
        return out

    def close(self, kill: bool = False) -> None:
        try:
            self.client.close(timeout=2 if kill else 10)
        finally:
            if self.cluster is not None:
                self.cluster.close(timeout=2 if kill else 10)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close(kill=exc_type is not None)


def make(jobs: int | None, scheduler: str | None, use_cache: bool = True):
    """The executor for --jobs/--scheduler: Dask when a scheduler is named, else processes (None for one job)."""
    if scheduler:
        return DaskExecutor(scheduler, jobs, use_cache)
    jobs = default_jobs() if jobs is None else jobs
    return Processes(jobs, use_cache) if jobs > 1 else None
