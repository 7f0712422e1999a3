"""The §8.3.2 optimizer sweep that Theorems 8.14 and 8.23 (and their mutants and figures) all read.

One cell = one instance (z, Ω) at (d, p·d) with its own seed, run by each optimizer of
``methods`` from its own random start (numeric.mc_recovery.run_instance).  The grid depends
on the profile's scale; ``variant`` selects the theorem's sweep ('main'), the coherent z = e₁
at the largest p·d ('coherent') or p·d = 1 ('pd1').  Every claim derives the sweep's seed
from the run's seed alone (``sweep_seed``), so all of them share the same cells.
"""
from __future__ import annotations

import zlib

from numeric import mc_recovery as mr

from .core import Cell, cell, cell_seed, compute


def grid(scale: int) -> dict:
    if scale == 1:
        return dict(ds=(60, 120), pds=(2, 4, 8, 16), n=3, cubic_max_d=60)
    return dict(ds=(250, 500, 1000, 2000), pds=(2, 3, 4, 6, 8, 12, 16, 24), n=6, cubic_max_d=250)


def sweep_seed(run_seed: int) -> int:
    return zlib.crc32(f"{run_seed}|mc-recovery".encode()) & 0x7FFFFFFF


def instance_cell(seed: int, d: int, pd: float, k: int, methods: tuple[str, ...], coherent: bool,
                  cubic: bool) -> tuple[mr.RunRecord, ...]:
    """The runs on one instance: a pure function of its arguments."""
    return tuple(mr.run_instance(seed, d, pd, k, methods, coherent=coherent, cubic=cubic))


def cells(run_seed: int, scale: int, variant: str = "main", profile: str = "") -> list[Cell]:
    g = grid(scale)
    seed = sweep_seed(run_seed)
    if variant == "main":
        pds, n, methods, coherent = g["pds"], g["n"], ("GD", "GD", "PGD", "cubic"), False
    elif variant in ("coherent", "pd1"):
        pds = (float(max(g["pds"])),) if variant == "coherent" else (1.0,)
        n, methods, coherent = max(3, g["n"] // 2), ("GD", "PGD"), variant == "coherent"
    else:
        raise ValueError(f"unknown variant {variant!r}")
    out = []
    for d in g["ds"]:
        for pd in pds:
            cubic = d <= g["cubic_max_d"] and pd >= 8
            for k in range(n):
                out.append(cell(instance_cell, cell_seed(seed, variant, d, pd, k), profile,
                                cost=float(d) * (len(methods) + 20 * cubic), d=d, pd=pd, k=k, methods=methods,
                                coherent=coherent, cubic=cubic))
    return out


def records(run_seed: int, scale: int, variant: str = "main", profile: str = "") -> tuple[mr.RunRecord, ...]:
    """Every run of the sweep, in grid order."""
    return tuple(r for rs in compute(cells(run_seed, scale, variant, profile)) for r in rs)


def plan(run_seed: int, scale: int, profile: str = "") -> list[Cell]:
    """All cells of the sweep's variants: what an executor can compute ahead of the claims."""
    return [c for v in ("main", "coherent", "pd1") for c in cells(run_seed, scale, v, profile)]
