"""Timing helpers shared by the benchmark scripts.

Speed is reported as ratios against a baseline measured in the same run.  On a noisy
shared machine a slow spell that falls on one method and not the other skews a ratio,
so methods compared with each other are timed in alternation and each keeps its best.
"""
from __future__ import annotations

import timeit


def best_of(fn, number: int = 3, repeat: int = 7) -> float:
    """Best seconds per call of fn over `repeat` rounds of `number` calls."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number


def best_of_interleaved(fns, number: int = 3, repeat: int = 15) -> list[float]:
    """Best seconds per call of each function, the rounds of all functions alternating."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            best[i] = min(best[i], timeit.timeit(fn, number=number) / number)
    return best
