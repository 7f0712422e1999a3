"""Run every benchmark script in this folder, one after the other (python3 tasks.py bench)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    names = argv or sorted(p.name for p in HERE.glob("bench_*.py"))
    rc = 0
    for name in names:
        print(f"== {name}", flush=True)
        rc |= subprocess.call([sys.executable, str(HERE / name)], cwd=HERE.parent)
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
