"""How fast an interrupted run stops: SIGINT to the process group (a terminal's Ctrl-C), SIGINT and SIGTERM
to the verify process alone, on worker processes and on a Dask LocalCluster.

The contract (issue 22) is exit 130 within 3 s, no traceback, no worker left, private caches removed;
tests/test_executors.py checks everything but the time, which is measured here (a shared, loaded
machine makes a wall-clock assertion flaky).  Reported, not asserted.

    python benchmarks/bench_interrupt.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ["thm:8.14", "sec:8.4.2:lazy-training", "lemma:8.19"]


def once(sig: int, group: bool, extra: list[str]) -> tuple[float, int, int, list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": tmp, "VERIFY_CACHE_DIR": str(Path(tmp) / "cache")}
        p = subprocess.Popen([sys.executable, "-m", "verify.faces.cli", "check", *CLAIMS, "--no-cache", "--jobs", "2",
                              *extra], env=env, cwd=tmp, start_new_session=True, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        t0 = time.time()
        while time.time() - t0 < 120 and len(psutil.Process(p.pid).children(recursive=True)) < 2:
            time.sleep(0.1)
        time.sleep(2.0)
        kids = psutil.Process(p.pid).children(recursive=True)
        t0 = time.perf_counter()
        (os.killpg if group else os.kill)(p.pid, sig)
        rc = p.wait(60)
        dt = time.perf_counter() - t0
        _, alive = psutil.wait_procs(kids, timeout=5)
        left = [x for x in os.listdir(tmp) if x != "cache"]
        return dt, rc, len([a for a in alive if a.status() != psutil.STATUS_ZOMBIE]), left


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="time how an interrupted verify run stops")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args(argv)
    cases = [("Ctrl-C (SIGINT to the group), processes", signal.SIGINT, True, []),
             ("SIGINT to the process alone, processes", signal.SIGINT, False, []),
             ("SIGTERM to the process alone, processes", signal.SIGTERM, False, []),
             ("SIGINT to the process alone, Dask local", signal.SIGINT, False, ["--scheduler", "local"]),
             ("SIGTERM to the process alone, Dask local", signal.SIGTERM, False, ["--scheduler", "local"])]
    print(f"{'case':<44} {'median s':>9} {'max s':>7}  exit  orphans  left in TMPDIR   (target: 130 within 3 s)")
    for name, sig, group, extra in cases:
        got = [once(sig, group, extra) for _ in range(a.runs)]
        ts = [g[0] for g in got]
        print(f"{name:<44} {statistics.median(ts):9.2f} {max(ts):7.2f}  {sorted({g[1] for g in got})}  "
              f"{sum(g[2] for g in got):7d}  {sorted({x for g in got for x in g[3]}) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
