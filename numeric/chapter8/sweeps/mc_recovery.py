"""The §8.3.2 optimizer sweep that Theorems 8.14 and 8.23 (and their mutants and figures) all read.

One cell = one variant at one seed: the theorem's grid ('main'), the coherent z = e₁ at the
largest p·d ('coherent') or p·d = 1 ('pd1'), each instance (z, Ω) run by several optimizers
(numeric.chapter8.mc_recovery.sweep).  The grid depends on the profile's scale.  Every claim derives the
sweep's seed from the run's seed alone (``sweep_seed``), so all of them share the same cells;
more seeds are more cells.  (Cells per instance, with a stream each, were tried: they change the
numbers, and in the report profile 2 of 108 in-regime checks of thm:8.14 then hit their
iteration budget near 10⁻³ of ±z, a verdict that moves with the stream.)
"""
from __future__ import annotations

import zlib

from numeric.chapter8 import mc_recovery as mr
from numeric.sweeps.core import Cell, cell, compute


def grid(scale: int) -> dict:
    if scale == 1:
        return dict(ds=(60, 120), pds=(2, 4, 8, 16), n=3, cubic_max_d=60)
    return dict(ds=(250, 500, 1000, 2000), pds=(2, 3, 4, 6, 8, 12, 16, 24), n=6, cubic_max_d=250)


def sweep_seed(run_seed: int) -> int:
    return zlib.crc32(f"{run_seed}|mc-recovery".encode()) & 0x7FFFFFFF


def runs_cell(seed: int, ds: tuple, pds: tuple, n: int, methods: tuple, coherent: bool, cubic_max_d: int,
              cubic_min_pd: float) -> tuple[mr.RunRecord, ...]:
    """Every instance of a grid from one stream (numeric.chapter8.mc_recovery.sweep): a pure function of its arguments."""
    return tuple(mr.sweep(seed, ds, pds, n, methods=methods, coherent=coherent, cubic_max_d=cubic_max_d,
                          cubic_min_pd=cubic_min_pd))


def variant(name: str, scale: int) -> dict:
    """The grid of one variant: 'main', 'coherent' (z = e₁ at the largest p·d) or 'pd1' (p·d = 1)."""
    g = grid(scale)
    if name == "main":
        pds, n, methods, coherent = g["pds"], g["n"], ("GD", "GD", "PGD", "cubic"), False
    elif name == "half":  # the theorem's grid with half the instances: the extra seeds of the threshold fit
        pds, n, methods, coherent = g["pds"], max(3, g["n"] // 2), ("GD", "GD", "PGD", "cubic"), False
    elif name in ("coherent", "pd1"):
        pds = (float(max(g["pds"])),) if name == "coherent" else (1.0,)
        n, methods, coherent = max(3, g["n"] // 2), ("GD", "PGD"), name == "coherent"
    else:
        raise ValueError(f"unknown variant {name!r}")
    return dict(ds=tuple(g["ds"]), pds=tuple(pds), n=n, methods=methods, coherent=coherent,
                cubic_max_d=g["cubic_max_d"], cubic_min_pd=8)


def cells(run_seed: int, scale: int, name: str = "main", profile: str = "") -> list[Cell]:
    """One cell per variant and seed: a variant's instances share one stream (the claims' numbers always have)."""
    return cells_at(sweep_seed(run_seed), scale, name, profile)


def cells_at(stream_seed: int, scale: int, name: str = "main", profile: str = "") -> list[Cell]:
    """The cell of a variant on an explicit stream (an independent seed of a fit)."""
    v = variant(name, scale)
    return [cell(runs_cell, stream_seed, profile, cost=float(sum(v["ds"]) * len(v["pds"]) * v["n"]), **v)]


def records(run_seed: int, scale: int, name: str = "main", profile: str = "") -> tuple[mr.RunRecord, ...]:
    """Every run of the sweep, in grid order."""
    return tuple(r for rs in compute(cells(run_seed, scale, name, profile)) for r in rs)


def records_at(stream_seed: int, scale: int, name: str = "main", profile: str = "") -> tuple[mr.RunRecord, ...]:
    return tuple(r for rs in compute(cells_at(stream_seed, scale, name, profile)) for r in rs)


def extra_seed(run_seed: int, i: int) -> int:
    """The stream of the i-th extra seed of the threshold fit (thm:8.14, report profile)."""
    return zlib.crc32(f"{run_seed}|mc-recovery#{i}".encode()) & 0x7FFFFFFF


def plan(run_seed: int, scale: int, profile: str = "") -> list[Cell]:
    """All cells of the sweep's variants: what an executor can compute ahead of the claims."""
    out = [c for v in ("main", "coherent", "pd1") for c in cells(run_seed, scale, v, profile)]
    if len(grid(scale)["ds"]) >= 3:  # the threshold fit's two extra seeds (thm:8.14)
        out += [c for i in (1, 2) for c in cells_at(extra_seed(run_seed, i), scale, "half", profile)]
    return out
