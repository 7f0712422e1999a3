"""Executors: processes and Dask give the serial run's results; interrupts and killed workers lose nothing and leave nothing.

Kept short (well under a minute): cheap claims, small sweep cells, a 2-worker LocalCluster,
a real ``dask scheduler`` with two ``dask worker`` processes on loopback, and the CLI under
SIGINT / SIGKILL with worker processes running.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from numeric.sweeps import cache
from numeric.chapter8.sweeps import mc_recovery as S
from numeric.sweeps.core import cell

# one xdist worker builds the module fixture and runs its tests (tasks.py test: --dist loadgroup)
pytestmark = pytest.mark.xdist_group("dask")

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ("eq:8.40", "eq:8.42", "eq:8.44")
psutil = pytest.importorskip("psutil")
pytest.importorskip("distributed")


@pytest.fixture(autouse=True)
def tmp_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VERIFY_NO_CACHE", raising=False)
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))


def _cells():
    return [cell(S.runs_cell, s, "ci", ds=(24,), pds=(6.0,), n=1, methods=("GD",), coherent=False, cubic_max_d=0,
                 cubic_min_pd=8) for s in range(3)]


def _strip(evs):
    return [{k: v for k, v in ev.as_json().items() if k not in ("seconds", "steps")} for ev in evs]


@pytest.fixture(scope="module")
def serial():
    from verify.engine import registry
    from verify.engine.profiles import get_profile
    from verify.run.claim_runner import run_claim

    prof = get_profile("ci")
    return _strip([run_claim(registry.get(c), prof, 0) for c in CLAIMS]), [c.run() for c in _cells()]


def _run(monkeypatch, **kw):
    """run_all on the subset, with eq:8.44 made to wait for a small sweep (as thm:8.14 waits for its sweep)."""
    from verify.run import orchestrate as execute
    from verify.engine import registry
    from verify.chapter8 import sweep_plans
    from verify.engine.profiles import get_profile

    monkeypatch.setattr(sweep_plans, "PLANS", [(frozenset({"eq:8.44"}), lambda profile, seed: _cells())])
    evs = execute.run_all([registry.get(c) for c in CLAIMS], get_profile("ci"), 0, use_cache=True, **kw)
    cells = [cache.load(c.key) for c in _cells()]
    assert not any(cache.is_miss(v) for v in cells), "the sweep's cells were computed ahead of the claims"
    return _strip(evs), cells


def _same_cells(a, b):
    import pickle

    return [pickle.dumps(x) for x in a] == [pickle.dumps(x) for x in b]


def test_processes_give_the_serial_results(monkeypatch, serial):
    evs, cells = _run(monkeypatch, jobs=2)
    assert evs == serial[0] and _same_cells(cells, serial[1])


def test_dask_local_cluster_gives_the_serial_results(monkeypatch, serial):
    evs, cells = _run(monkeypatch, jobs=2, scheduler="local")
    assert evs == serial[0] and _same_cells(cells, serial[1])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dask_cluster(tmp_path):
    """A real `dask scheduler` and two `dask worker` processes on loopback, stopped afterwards."""
    from distributed import Client

    dask = str(Path(sys.executable).parent / "dask")
    addr = f"tcp://127.0.0.1:{_free_port()}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", addr.rsplit(":", 1)[1],
                               "--no-dashboard"], env=env, cwd=tmp_path, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    for _ in range(2):
        procs.append(subprocess.Popen([dask, "worker", addr, "--nthreads", "1", "--host", "127.0.0.1",
                                       "--no-dashboard", "--death-timeout", "30"], env=env, cwd=tmp_path,
                                      start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    try:
        with Client(addr, timeout=30) as c:
            c.wait_for_workers(2, timeout=60)
        yield addr
    finally:
        for p in reversed(procs):
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for p in procs:
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait()


def test_a_real_dask_cluster_gives_the_serial_results_and_survives_a_killed_worker(monkeypatch, serial, dask_cluster,
                                                                                  tmp_path):
    evs, cells = _run(monkeypatch, jobs=2, scheduler=dask_cluster)
    assert evs == serial[0] and _same_cells(cells, serial[1])

    from verify.run.backends import DaskExecutor

    marks = tmp_path / "marks"
    marks.mkdir()

    def slow(n):  # a closure: sent by value, so the workers need not import this test module
        import os as _os
        import time as _time

        (marks / f"{_os.getpid()}-{_time.time_ns()}").write_text(str(n))
        _time.sleep(3)
        return n * n

    with DaskExecutor(dask_cluster) as ex:
        fut = ex.submit(slow, 7)
        t0 = time.time()
        while not any(marks.iterdir()) and time.time() - t0 < 30:
            time.sleep(0.05)
        victim = int(next(marks.iterdir()).name.split("-")[0])
        os.kill(victim, signal.SIGKILL)  # the worker dies in the middle of the task
        assert fut.result(timeout=60) == 49  # retried elsewhere: no result lost
        assert len(list(marks.iterdir())) >= 2


def _start_check(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "VERIFY_NO_CACHE": "1", "PYTHONFAULTHANDLER": "1"}
    p = subprocess.Popen([sys.executable, "-m", "verify.faces.cli", "check", "thm:8.14", "sec:8.4.2:lazy-training",
                          "lemma:8.19", "--jobs", "2"], cwd=tmp_path, env=env, start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t0 = time.time()
    kids = []
    while time.time() - t0 < 60 and len(kids) < 2:
        kids = psutil.Process(p.pid).children(recursive=True)
        time.sleep(0.1)
    assert len(kids) >= 2, "the pool's workers started"
    time.sleep(1.0)  # both busy with a check
    return p, kids


def _gone(procs, timeout):
    gone, alive = psutil.wait_procs(procs, timeout=timeout)
    return not [q for q in alive if q.status() != psutil.STATUS_ZOMBIE]


def test_ctrl_c_exits_within_3_seconds_and_stops_the_workers(tmp_path):
    p, kids = _start_check(tmp_path)
    os.killpg(p.pid, signal.SIGINT)  # what a terminal's Ctrl-C does: the foreground process group
    try:  # a guard against a hang, not a speed test (the run stops hard GRACE s after the signal; the time is
        rc = p.wait(30)  # measured by benchmarks/bench_interrupt.py, not asserted on a shared machine)
    except subprocess.TimeoutExpired:  # show where it hangs (faulthandler dumps the stacks on SIGABRT)
        os.kill(p.pid, signal.SIGABRT)
        p.wait(10)
        pytest.fail("no exit 30 s after SIGINT; stacks:\n" + p.stderr.read().decode()[-6000:])
    assert rc == 130
    assert p.stderr.read().decode().strip().splitlines()[-1] == "verify: interrupted"
    assert _gone(kids, 3)


def test_no_worker_outlives_a_killed_parent(tmp_path):
    p, kids = _start_check(tmp_path)
    assert all(os.getpgid(k.pid) != os.getpgid(p.pid) for k in kids), "the workers are out of the terminal's group"
    p.kill()  # SIGKILL: no chance to clean up
    p.wait(10)
    assert _gone(kids, 3)


# --- issue 22: a dead worker, SIGTERM, an interrupt that reaches the process alone -----------------------------------
CHEAP = ("eq:8.1", "eq:8.3", "eq:8.10")


def _dies(marks: Path, always: bool):
    """A run_claim that kills its own worker process (SIGKILL, as the OOM killer does) on eq:8.3: once, or always."""
    from verify.run import claim_runner

    real = claim_runner.run_claim

    def run_claim(claim, profile, seed=0, **kw):
        if claim.id == "eq:8.3":
            mark = marks / f"died-{len(list(marks.iterdir()))}"
            if always or not any(marks.iterdir()):
                mark.write_text(str(os.getpid()))
                os.kill(os.getpid(), signal.SIGKILL)
        return real(claim, profile, seed, **kw)

    return run_claim


@pytest.mark.parametrize("always", [False, True], ids=["dies once", "dies every time"])
def test_a_dead_pool_worker_is_retried_once_then_reported(always, monkeypatch, tmp_path):
    """A worker killed under a claim: the claim runs again on a fresh pool; a second death is an error in its
    evidence, and the run still ends with every claim (the others as a serial run gives them)."""
    from verify.engine import registry
    from verify.engine.profiles import get_profile
    from verify.run import claim_runner, orchestrate

    prof = get_profile("ci")
    serial = _strip([claim_runner.run_claim(registry.get(c), prof, 0) for c in CHEAP])
    marks = tmp_path / "marks"
    marks.mkdir()
    monkeypatch.setattr(claim_runner, "run_claim", _dies(marks, always))  # the forked workers inherit it
    evs = orchestrate.run_all([registry.get(c) for c in CHEAP], prof, 0, jobs=2, use_cache=False)
    assert [ev.claim.id for ev in evs] == list(CHEAP)
    got = _strip(evs)
    if not always:
        assert got == serial and len(list(marks.iterdir())) == 1
    else:
        assert len(list(marks.iterdir())) == 2, "tried twice, not more"
        assert got[0] == serial[0] and got[2] == serial[2]
        assert "worker process died while running it, twice" in evs[1].as_json()["error"]
        assert not evs[1].matches_expectation


def _start(tmp_path, *extra):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONFAULTHANDLER": "1", "TMPDIR": str(tmp_path),
           "VERIFY_CACHE_DIR": str(tmp_path / "cache")}
    p = subprocess.Popen([sys.executable, "-m", "verify.faces.cli", "check", "thm:8.14", "sec:8.4.2:lazy-training",
                          "lemma:8.19", "--no-cache", *extra], cwd=tmp_path, env=env, start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    t0 = time.time()
    kids = []
    while time.time() - t0 < 120 and len(kids) < 2:
        kids = psutil.Process(p.pid).children(recursive=True)
        time.sleep(0.1)
    assert len(kids) >= 2, "the workers started"
    t0 = time.time()
    while time.time() - t0 < 60 and not list(tmp_path.glob("verify-cache-*")):
        time.sleep(0.1)
    time.sleep(1.0)
    kids = psutil.Process(p.pid).children(recursive=True)
    return p, kids


@pytest.mark.parametrize("sig, extra", [(signal.SIGTERM, ("--jobs", "2")), (signal.SIGINT, ("--jobs", "2")),
                                        (signal.SIGTERM, ("--jobs", "2", "--scheduler", "local")),
                                        (signal.SIGINT, ("--jobs", "2", "--scheduler", "local"))],
                         ids=["SIGTERM processes", "SIGINT to the process alone", "SIGTERM dask local",
                              "SIGINT to the process alone, dask local"])
def test_a_signal_to_the_process_alone_stops_the_run_and_leaves_nothing(sig, extra, tmp_path):
    """SIGTERM, or SIGINT sent to the verify process only (not its group): exit 130, one line, no traceback, no
    worker left, the --no-cache run's private cache and Dask's scratch space removed from $TMPDIR."""
    p, kids = _start(tmp_path, *extra)
    assert list(tmp_path.glob("verify-cache-*")), "the --no-cache run's private cache is in $TMPDIR"
    os.kill(p.pid, sig)
    try:
        rc = p.wait(30)  # a guard against a hang; not a speed test
    except subprocess.TimeoutExpired:
        os.kill(p.pid, signal.SIGABRT)
        p.wait(10)
        pytest.fail("no exit 30 s after the signal; stacks:\n" + p.stderr.read().decode()[-6000:])
    err = p.stderr.read().decode()
    assert rc == 130 and "Traceback" not in err, err[-3000:]
    assert err.strip().splitlines()[-1] == "verify: interrupted"
    assert _gone(kids, 10)
    assert sorted(x.name for x in tmp_path.iterdir() if x.name != "cache") == [], list(tmp_path.iterdir())
