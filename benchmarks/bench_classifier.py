"""The classifier on a bank of 21 functions (issue 20): seconds per function, cold, one subprocess each.

    python benchmarks/bench_classifier.py [--src DIR] [--json OUT] [--against BASE.json] [--only NAME ...]
    python benchmarks/bench_classifier.py --base DIR [--rounds 2]     # before/after, interleaved

``--src`` imports the classifier from another checkout (e.g. ``git archive`` of the base commit
unpacked in /tmp) so the same bank is timed before and after a change; ``--against`` prints the
ratios new/old per function.  ``--base DIR`` times this checkout and DIR function by function, the
two alternating (the order rotating from round to round), and keeps each one's best of ``--rounds``:
on a shared machine a slow spell then falls on both sides instead of skewing one.  Each function runs in a fresh interpreter (no warm caches), under a
wall-clock limit (``--limit``, default 200 s): a function that hits it is reported as such.
Nothing here is asserted; the numbers are for the commit message and the report.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name -> SymPy source of (f, variables); evaluated with x, y, z, u1.. in scope
BANK = {
    "himmelblau": "(x**2 + y - 11)**2 + (x + y**2 - 7)**2, (x, y)",
    "rosenbrock": "(1 - x)**2 + 100*(y - x**2)**2, (x, y)",
    "six-hump camel": "4*x**2 - R(21, 10)*x**4 + x**6/3 + x*y - 4*y**2 + 4*y**4, (x, y)",
    "double well": "(x**2 - 1)**2 + y**2, (x, y)",
    "figure 8.3": "(x**2 - 1)**2 + (y**2 - 1)**2, (x, y)",
    "monkey saddle": "x**3 - 3*x*y**2, (x, y)",
    "peano": "(y - x**2)*(y - 2*x**2), (x, y)",
    "x4+y4": "x**4 + y**4, (x, y)",
    "x2-y4": "x**2 - y**4, (x, y)",
    "circle of minima": "(x**2 + y**2 - 1)**2, (x, y)",
    "circle of maxima": "-(x**2 + y**2 - 1)**2, (x, y)",
    "circle in space": "(x**2 + y**2 - 1)**2 + z**2, (x, y, z)",
    "saddle circle": "z*(x**2 + y**2 - 1), (x, y, z)",
    "cross of minima": "x**2*y**2, (x, y)",
    "cone of minima": "(x**2 + y**2 - z**2)**2, (x, y, z)",
    "flat cubic circle": "(x**2 + y**2 - 1)**3, (x, y)",
    "motzkin": "x**4*y**2 + x**2*y**4 - 3*x**2*y**2 + 1, (x, y)",
    "pca (3,2,1)": "PCA((3, 2, 1))",
    "pca (2,2,1)": "PCA((2, 2, 1))",
    "matrix factorisation diag(2,1)": "MF()",
    "circle of minima, quartic": "(x**2 + y**2 - 1)**4, (x, y)",
}

CHILD = r'''
import sys, time, json
sys.path.insert(0, {src!r})
import sympy as sp
from sympy import Rational as R
x, y, z = sp.symbols("x y z", real=True)
def PCA(lam):
    try:  # this checkout's layout, or a baseline from before the layout move
        from symbolic.chapter8 import landscapes as SL
    except ImportError:
        from symbolic import landscapes as SL
    Q = SL.rational_orthogonal(3)
    return SL.pca_explicit(Q * sp.diag(*lam) * Q.T)
def MF():
    u1, u2, v1, v2 = sp.symbols("u1 u2 v1 v2", real=True)
    M = sp.diag(2, 1)
    E = M - sp.Matrix([u1, u2]) * sp.Matrix([[v1, v2]])
    return sum(e**2 for e in E), (u1, u2, v1, v2)
f, vs = {expr}
from numeric import classify as C
t = time.perf_counter()
L = C.critical_points(f, vs)
dt = time.perf_counter() - t
print(json.dumps({{"seconds": dt, "method": L.method, "lines": L.summary(), "complete": L.complete}}))
'''


def run_one(name: str, src: str, limit: float) -> dict:
    code = CHILD.format(src=src, expr=BANK[name])
    t = time.perf_counter()
    try:
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=limit, cwd=src)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "error": f"over {limit:.0f} s"}
    if p.returncode:
        return {"seconds": None, "error": p.stderr.strip().splitlines()[-1] if p.stderr.strip() else f"rc {p.returncode}"}
    out = json.loads(p.stdout.strip().splitlines()[-1])
    out["wall"] = time.perf_counter() - t
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", default=str(HERE.parent))
    ap.add_argument("--json")
    ap.add_argument("--against")
    ap.add_argument("--limit", type=float, default=200.0)
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--base")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args(argv)
    if a.base:
        return interleaved(a)
    base = json.loads(Path(a.against).read_text()) if a.against else {}
    res = {}
    for name in a.only or BANK:
        r = run_one(name, a.src, a.limit)
        res[name] = r
        s = r.get("seconds")
        old = base.get(name, {}).get("seconds")
        ratio = f"{s / old:6.2f}×" if s and old else "      "
        print(f"{name:32s} {('%.2f s' % s) if s is not None else r['error']:>14s} {ratio} "
              f"{(' (was %.2f s)' % old) if old else ''}", flush=True)
        if a.verbose and "lines" in r:
            for line in r["lines"]:
                print("      " + line)
    if base:
        both = [n for n in res if res[n].get("seconds") and base.get(n, {}).get("seconds")]
        tot_new = sum(res[n]["seconds"] for n in both)
        tot_old = sum(base[n]["seconds"] for n in both)
        print(f"total over {len(both)} functions timed in both: {tot_new:.1f} s against {tot_old:.1f} s "
              f"({tot_new / tot_old:.2f}×)")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1))
    return 0


def interleaved(a) -> int:
    res, tot = {}, [0.0, 0.0]
    for name in a.only or BANK:
        best = [None, None]
        for r in range(a.rounds):
            for k in ((0, 1) if r % 2 == 0 else (1, 0)):
                out = run_one(name, a.src if k == 0 else a.base, a.limit)
                s = out.get("seconds")
                if s is not None and (best[k] is None or s < best[k]):
                    best[k] = s
        res[name] = {"new": best[0], "old": best[1]}
        ratio = f"{best[0] / best[1]:5.2f}×" if best[0] and best[1] else "  —  "
        fmt = lambda v: f"{v:7.2f} s" if v is not None else "  limit"  # noqa: E731
        print(f"{name:32s} new {fmt(best[0])}   old {fmt(best[1])}   {ratio}", flush=True)
        if best[0] and best[1]:
            tot[0] += best[0]
            tot[1] += best[1]
    print(f"total: new {tot[0]:.1f} s, old {tot[1]:.1f} s ({tot[0] / tot[1]:.2f}×)")
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
