"""Seed robustness: run ``verify check --profile ci --seed S`` for several seeds and list
the claims whose verdict differs from the declared one (or whose mutants survive).

    python benchmarks/seed_sweep.py --seeds 0-9 [LABEL|SECTION ...] [--jobs N] [--keep DIR]

Each seed runs as its own subprocess and writes its results.json-style output to DIR
(a temporary directory unless --keep), so a sweep can be inspected afterwards. Exit
status 0 when every claim got its declared verdict for every seed, 1 otherwise.
Not part of the default test run: ten ci runs of a section take minutes.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def parse_seeds(text: str) -> list[int]:
    """``0-9`` or ``0,3,5`` or ``0-4,7`` -> sorted seeds."""
    out: set[int] = set()
    for part in text.split(","):
        lo, _, hi = part.strip().partition("-")
        out.update(range(int(lo), int(hi or lo) + 1))
    return sorted(out)


def run_seed(seed: int, labels: list[str], out: Path, jobs: int) -> dict:
    cmd = [sys.executable, "-m", "verify.cli", "check", "--profile", "ci", "--seed", str(seed),
           "--json", str(out), *labels]
    if jobs > 1:
        cmd += ["--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if p.returncode not in (0, 1) or not out.exists():
        raise SystemExit(f"seed {seed}: verify check failed (exit {p.returncode}): {p.stderr.strip()[-300:]}")
    return json.loads(out.read_text())


def deviations(doc: dict) -> dict[str, str]:
    """Claim id -> what went wrong (verdict differs from the declared one, or a mutant survived)."""
    bad = {}
    for c in doc["claims"]:
        why = []
        if c["status"] != c["expected"]:
            why.append(f"{c['status']} (expected {c['expected']})")
        survived = [m["name"] for m in c["mutants"]["list"] if not m["killed"]]
        if survived:
            why.append("mutant survived: " + "; ".join(survived))
        if why:
            bad[c["id"]] = ", ".join(why)
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("labels", nargs="*", help="labels or sections (default: every claim)")
    ap.add_argument("--seeds", default="0-9", help="seeds, e.g. 0-9 or 0,1,5 (default 0-9)")
    ap.add_argument("--jobs", type=int, default=1, help="worker processes per run (default 1)")
    ap.add_argument("--keep", help="directory for the per-seed JSON (default: a temporary one)")
    a = ap.parse_args(argv)
    seeds = parse_seeds(a.seeds)
    tmp = Path(a.keep) if a.keep else Path(tempfile.mkdtemp(prefix="seed-sweep-"))
    tmp.mkdir(parents=True, exist_ok=True)
    flaky: dict[str, dict[int, str]] = {}
    n_claims = 0
    for s in seeds:
        t0 = time.perf_counter()
        doc = run_seed(s, a.labels, tmp / f"seed{s}.json", a.jobs)
        n_claims = len(doc["claims"])
        bad = deviations(doc)
        for cid, why in bad.items():
            flaky.setdefault(cid, {})[s] = why
        print(f"seed {s}: {n_claims - len(bad)}/{n_claims} as declared ({time.perf_counter() - t0:.0f}s)"
              + (": " + ", ".join(sorted(bad)) if bad else ""), flush=True)
    print(f"\n{n_claims} claims x {len(seeds)} seeds ({a.seeds}); per-seed JSON in {tmp}")
    if not flaky:
        print("every claim got its declared verdict for every seed")
        return 0
    for cid, per in sorted(flaky.items()):
        print(f"  {cid}: " + "; ".join(f"seed {s}: {w}" for s, w in sorted(per.items())))
    return 1


if __name__ == "__main__":
    sys.exit(main())
