#!/usr/bin/env python3
"""The project's two commands, each doing its own set-up (stdlib only).

    python3 tasks.py report   # regenerate REPORT.md, results.json, figures/
    python3 tasks.py test     # the whole test suite (the ci profile)
    python3 tasks.py bench    # the benchmarks (not part of the tests)
    python3 tasks.py site     # the web blueprint in site/ from results.json (--serve [PORT] serves it)

On first use (or when pyproject.toml changes) a virtualenv is made in .venv and
the project installed into it, editable.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def ensure_env() -> None:
    stamp = VENV / ".installed"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == want and PY.exists():
        return
    if not PY.exists():
        print("tasks: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("tasks: installing the project into .venv", flush=True)
    subprocess.run([str(PY), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-e", ".[bench]"],
                   cwd=ROOT, check=True)
    stamp.write_text(want)


def _workers(rest: list[str]) -> list[str]:
    """pytest-xdist: one worker per core (claims are independent items); groups keep a shared
    browser or Dask cluster on one worker.  Serial when asked for (-n 0, -p no:xdist) or on one core."""
    if any(a in ("-n", "--numprocesses", "no:xdist") or a.startswith(("-n", "--numprocesses=")) for a in rest):
        return []
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    return ["-n", str(cores), "--dist", "loadgroup"] if cores > 1 else []


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("report", "test", "bench", "site"):
        print("usage: python3 tasks.py report|test|bench|site [extra arguments]", file=sys.stderr)
        return 2
    cmd, rest = argv[0], argv[1:]
    ensure_env()
    if cmd == "report":
        args = [str(BIN / "verify"), "report", *rest]
    elif cmd == "site":
        args = [str(BIN / "verify"), "site", *rest]
    elif cmd == "test":
        args = [str(PY), "-m", "pytest", "-q", *_workers(rest), *rest]
    else:
        args = [str(PY), "benchmarks/run_all.py", *rest]
    return subprocess.call(args, cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
