"""Lookup speed: whole ``verify`` commands as subprocesses, interpreter start included.

Target (issue 12): ``verify list``, ``verify show LABEL`` and an unknown label each
≤ 1 s wall on 2 cores. Each command is timed in alternation with a bare
``python -c pass`` (the interpreter's own start) and keeps its median; the report
gives the absolute wall time and its ratio to the interpreter start, and also the
slow path (``show --check``, which imports the claims and runs a check) for scale.
Reported, not asserted: the machine is shared.

    python benchmarks/bench_lookup.py [--runs N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
TARGET = 1.0

COMMANDS = {
    "verify list": ["list"],
    "verify list 8.3.1": ["list", "8.3.1"],
    "verify show 8.8": ["show", "8.8"],
    "verify show lemma:8.17": ["show", "lemma:8.17"],
    "unknown label (show 8.999)": ["show", "8.999"],
    "unknown label (check eq:8.200)": ["check", "eq:8.200"],
}
SLOW = {"verify show eq:8.8 --check (imports claims, runs the check)": ["show", "eq:8.8", "--check"]}


def wall(args: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(args, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="time verify lookups as whole processes")
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args(argv)
    base_cmd = [sys.executable, "-c", "pass"]
    wall([sys.executable, "-m", "verify.faces.cli", "list"])  # warm the file cache (and the claim index)
    print(f"{'command':<62} {'median s':>9} {'max s':>7} {'/ python start':>15}  target ≤ {TARGET:.0f} s")
    worst = 0.0
    for name, args in {**COMMANDS, **SLOW}.items():
        cmd = [sys.executable, "-m", "verify.faces.cli", *args]
        runs = a.runs if name in COMMANDS else 1
        ts, bs = [], []
        for _ in range(runs):  # alternate with the bare interpreter so a slow spell hits both
            ts.append(wall(cmd))
            bs.append(wall(base_cmd))
        med, base = statistics.median(ts), statistics.median(bs)
        ok = "" if name in SLOW else ("  ok" if med <= TARGET else "  OVER")
        if name in COMMANDS:
            worst = max(worst, med)
        print(f"{name:<62} {med:9.3f} {max(ts):7.3f} {med / base:14.1f}×{ok}")
    print(f"slowest lookup: {worst:.3f} s (target {TARGET:.0f} s); python start {base:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
