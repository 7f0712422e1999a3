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
    from numeric.sweeps import blas

    for _, put in blas._loaded():  # one BLAS thread in a worker, whatever its parent loaded NumPy with
        put(1)


def _tracked(mark: str, fn, *args):
    """Run a task, with a mark on disk while it runs: after a worker dies, the marks name what was running."""
    try:
        open(mark, "w").close()
    except OSError:
        pass
    try:
        return fn(*args)
    finally:
        try:
            os.unlink(mark)
        except OSError:
            pass


def _cell_task(c: Cell, use_cache: bool = True):
    with cache.off(not use_cache):
        return compute_cell(c)[0]


class Processes:
    def __init__(self, jobs: int, use_cache: bool = True):
        import tempfile

        self.jobs, self.use_cache = jobs, use_cache
        self.marks = tempfile.mkdtemp(prefix="verify-running-")
        self._n = 0
        self.pool = self._pool()

    def _pool(self):
        import multiprocessing as mp

        return ProcessPoolExecutor(max_workers=self.jobs, mp_context=mp.get_context("fork"),
                                   initializer=_worker_init, initargs=(os.getpid(), self.use_cache))

    def submit(self, fn, *args):
        self._n += 1
        mark = os.path.join(self.marks, str(self._n))
        fut = self.pool.submit(_tracked, mark, fn, *args)
        fut.verify_mark = mark
        return fut

    def was_running(self, fut) -> bool:
        """Whether the task of ``fut`` had started and not finished (its worker died under it, or beside it)."""
        return os.path.exists(getattr(fut, "verify_mark", ""))

    def restart(self) -> None:
        """A fresh pool after a worker died (the old one is broken: its other workers are stopped too)."""
        self._kill()
        self.pool.shutdown(wait=False, cancel_futures=True)
        for name in os.listdir(self.marks):
            try:
                os.unlink(os.path.join(self.marks, name))
            except OSError:
                pass
        self.pool = self._pool()

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

    def _kill(self) -> None:
        for pid in self.pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def close(self, kill: bool = False) -> None:
        import shutil

        try:
            if kill:
                self._kill()
                self.pool.shutdown(wait=False, cancel_futures=True)
            else:
                self.pool.shutdown(wait=True)
        finally:
            shutil.rmtree(self.marks, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.close(kill=exc_type is not None)


def kill_children() -> None:
    """SIGKILL every process this one started, but multiprocessing's resource tracker: it ends by itself when we
    do, and killed it is relaunched and prints tracebacks about the semaphores it lost."""
    try:
        import psutil
        from multiprocessing import resource_tracker

        keep = getattr(resource_tracker._resource_tracker, "_pid", None)
        for k in psutil.Process().children(recursive=True):
            if k.pid == keep:
                continue
            try:
                k.kill()
            except psutil.Error:
                pass
    except Exception:  # noqa: BLE001 - best effort: psutil missing, or the process table changed under us
        pass


def _quiet_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with its stderr on /dev/null (it is inherited at its start).

    A LocalCluster's processes use semaphores the tracker removes at our exit; after an interrupt (we exit at
    once, without the cluster's slow close) it removes them as it should, but warns about each on stderr
    after our last line.  It stays silent, and still cleans up."""
    from multiprocessing import resource_tracker

    if getattr(resource_tracker._resource_tracker, "_pid", None) is not None:
        return
    saved = os.dup(2)
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 2)
        os.close(fd)
        resource_tracker.ensure_running()
    except OSError:
        pass
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class SchedulerError(RuntimeError):
    """--scheduler names an address that does not answer as a Dask scheduler (one-line message, exit 2)."""


def scheduler_timeout() -> float:
    """Seconds allowed for each step of reaching a scheduler (connect, handshake, a first worker): $VERIFY_SCHEDULER_TIMEOUT or 10."""
    try:
        t = float(os.environ.get("VERIFY_SCHEDULER_TIMEOUT", "10"))
    except ValueError:
        t = 10.0
    return t if 0 < t < 3600 else 10.0


def _host_port(address: str) -> tuple[str, int]:
    rest = address.split("://", 1)[1]
    host, sep, port = rest.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise SchedulerError(f"--scheduler {address[:80]!r} is not an address like tcp://host:8786")
    return host, int(port)


def probe(address: str, timeout: float) -> None:
    """Before distributed sees a tcp:// address: something listens there and speaks first, as a Dask server does
    (its handshake is a msgpack frame count, a little-endian uint64).  A silent service (a web server, a database)
    would otherwise hold the client's handshake for minutes."""
    import socket
    import struct

    host, port = _host_port(address)
    try:
        with socket.create_connection((host, port), timeout=timeout) as sk:
            sk.settimeout(timeout)
            head = b""
            while len(head) < 8:
                got = sk.recv(8 - len(head))
                if not got:
                    break
                head += got
    except socket.timeout:
        raise SchedulerError(f"{address} does not answer as a Dask scheduler (no handshake in {timeout:g} s)") from None
    except OSError as e:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {e.strerror or e}") from None
    if len(head) < 8 or not 0 < struct.unpack("<Q", head)[0] < 1000:
        raise SchedulerError(f"{address} is not a Dask scheduler (it answered {head[:8]!r})")


class DaskExecutor:
    def __init__(self, address: str = "local", jobs: int | None = None, use_cache: bool = True, retries: int = 3):
        self.use_cache, self.retries, self.cluster, self.client = use_cache, retries, None, None
        t = scheduler_timeout()
        self.scratch = None
        if address == "local":
            import tempfile

            from distributed import Client, LocalCluster

            # the workers' scratch space is ours to remove (distributed leaves dask-scratch-space/ in $TMPDIR)
            import dask

            _quiet_resource_tracker()
            self.scratch = tempfile.mkdtemp(prefix="verify-dask-")
            cache._PRIVATE.append(self.scratch)
            # no dashboard, and the scheduler's HTTP routes on a free port: two local runs side by side
            # would otherwise both want :8787 (distributed warns and moves the second)
            with dask.config.set({"temporary-directory": self.scratch}):
                self.cluster = LocalCluster(n_workers=jobs or default_jobs(), threads_per_worker=1, processes=True,
                                            dashboard_address=None, scheduler_kwargs={"dashboard_address": ":0"},
                                            local_directory=self.scratch)
            self.client = Client(self.cluster, timeout=f"{t}s")
            return
        scheme = address.split("://", 1)[0]
        if scheme == "inproc":
            raise SchedulerError(f"--scheduler {address[:80]!r}: an inproc:// scheduler lives inside one process; "
                                 "give tcp://host:port or 'local'")
        if scheme in ("tcp", "ws", "wss", "tls"):
            _host_port(address)
        if scheme == "tcp":
            probe(address, t)
        self.client = self._connect(address, t)
        try:
            self.client.wait_for_workers(1, timeout=t)
        except Exception:  # noqa: BLE001 - distributed raises TimeoutError (of several modules)
            self.close(kill=True)
            raise SchedulerError(f"the Dask scheduler at {address} has no workers (waited {t:g} s; "
                                 f"start some with: dask worker {address})") from None

    @staticmethod
    def _connect(address: str, t: float):
        """A Client within ``t`` seconds, whatever the other end does; every failure is one SchedulerError line."""
        import threading

        from distributed import Client

        box: dict = {}

        def connect():
            try:
                box["client"] = Client(address, timeout=f"{t}s")
            except BaseException as e:  # noqa: BLE001 - reported below as one line
                box["error"] = e

        th = threading.Thread(target=connect, daemon=True)
        th.start()
        th.join(t + 2)
        if "client" in box:
            return box["client"]
        e = box.get("error")
        why = "no answer in time" if e is None else f"{type(e).__name__}: {' '.join(str(e).split())[:160]}"
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {why}")

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

    def _kill_local(self) -> None:
        """An interrupted local run: its worker processes are killed now (an orderly close takes seconds)."""
        kill_children()

    def close(self, kill: bool = False) -> None:
        import logging
        import shutil

        if kill:  # an interrupted run: distributed's complaints about the workers we killed are not news
            for name in ("distributed", "tornado", "asyncio"):
                logging.getLogger(name).setLevel(logging.CRITICAL)
            if self.cluster is not None:
                self._kill_local()
        try:
            for part in (self.client, self.cluster):
                if part is None:
                    continue
                try:
                    part.close(timeout=1 if kill else 10)
                except Exception:  # noqa: BLE001 - best effort: a dead scheduler or killed workers time out
                    pass
        finally:
            if self.scratch:
                shutil.rmtree(self.scratch, ignore_errors=True)
                if self.scratch in cache._PRIVATE:
                    cache._PRIVATE.remove(self.scratch)

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
