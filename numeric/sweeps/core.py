"""Sweeps: an experiment declared once as a grid of cells, each a pure function of its parameters and a seed.

A ``Cell`` names a module-level function, its keyword parameters and a seed; its value
is plain data (arrays, records) and depends on nothing else, so it can be cached by
content (numeric.sweeps.cache) and computed anywhere: in this process, in a worker
process, or on a Dask worker.  ``compute`` returns the values of many cells in order;
the cells not in the cache go to the current executor (``use_executor``), or are
computed here one by one.
"""
from __future__ import annotations

import importlib
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from numeric.sweeps import blas, cache


@dataclass(frozen=True)
class Cell:
    fn: str  # "package.module:function"
    params: tuple[tuple[str, Any], ...]  # sorted keyword parameters (hashable, with a stable repr)
    seed: int
    profile: str = ""
    cost: float = 1.0  # a relative estimate, for scheduling the heaviest first

    def function(self) -> Callable:
        mod, _, name = self.fn.partition(":")
        return getattr(importlib.import_module(mod), name)

    @property
    def key(self) -> str:
        mod, _, name = self.fn.partition(":")
        return cache.key("cell", self.fn, (mod,), self.params, self.seed, self.profile)

    def run(self) -> Any:
        """The value, computed here on one BLAS thread (numeric.sweeps.blas: the same bits on any machine)."""
        fn = self.function()  # imported first, so the BLAS it loads is held to one thread too
        import mpmath

        with blas.one_thread(), mpmath.workdps(15):  # mpmath's global precision as a fresh process has it
            return fn(seed=self.seed, **dict(self.params))


def cell(fn: Callable, seed: int, profile: str = "", cost: float = 1.0, **params) -> Cell:
    return Cell(f"{fn.__module__}:{fn.__qualname__}", tuple(sorted(params.items())), int(seed), profile, cost)


def compute_cell(c: Cell) -> tuple[Any, float]:
    """The value of one cell, from the cache or computed (and stored); also the seconds it took here."""
    t0 = time.perf_counter()
    value = cache.load(c.key)
    if cache.is_miss(value):
        value = c.run()
        cache.store(c.key, value)
    return value, time.perf_counter() - t0


# --- executors ---------------------------------------------------------------------------------------------
_executor = None  # an object with map_cells(cells) -> list of values, or None (compute here)


@contextmanager
def use_executor(executor):
    """Route the cache misses of ``compute`` to ``executor`` (a verify.run.backends pool or Dask client wrapper)."""
    global _executor
    old, _executor = _executor, executor
    try:
        yield executor
    finally:
        _executor = old


_memo: dict[str, Any] = {}  # this process's values by key (what lru_cache did before; also under --no-cache)


def compute(cells: Sequence[Cell]) -> list[Any]:
    """The values of cells, in order: remembered or cached ones read, the others computed (by the executor, if set)."""
    values: list[Any] = [None] * len(cells)
    keys = [c.key for c in cells]
    todo = []
    for i, k in enumerate(keys):
        v = _memo.get(k, cache.MISS)
        if cache.is_miss(v):
            v = cache.load(k)
        if cache.is_miss(v):
            todo.append(i)
        else:
            values[i] = _memo[k] = v
    if todo and _executor is not None:
        for i, v in zip(todo, _executor.map_cells([cells[i] for i in todo])):
            values[i] = _memo[keys[i]] = v
    else:
        for i in todo:
            values[i] = _memo[keys[i]] = compute_cell(cells[i])[0]
    return values


def experiments(namespace: dict, costs: dict[str, float]) -> tuple[Callable, Callable]:
    """``(cells, values)`` for a sweep module whose experiments are its functions ``<name>_cell``.

    ``cells(name, seeds, **params)`` are the cells of one experiment at several seeds (what an
    executor computes ahead of the claims), costed ``costs[name]`` per unit of the profile's scale;
    ``values(name, seeds, **params)`` are their values in order, asked for in one request.
    """
    def cells_of(name: str, seeds, **params) -> list[Cell]:
        fn = namespace[f"{name}_cell"]
        return [cell(fn, s, cost=costs[name] * params.get("scale", 1), **params) for s in seeds]

    def values_of(name: str, seeds, **params) -> list[Any]:
        return compute(cells_of(name, seeds, **params))

    return cells_of, values_of
