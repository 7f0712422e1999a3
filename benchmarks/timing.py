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
    """Best seconds per call of each function, the rounds of all functions alternating.

    The order rotates from round to round: a function timed right after a heavy one runs on the
    caches and memory traffic that one left (at d = 50 the Hessian form measured 1.06–1.23× its
    hand-written peer when it always followed a slow einsum, 0.90–0.96× when it always preceded it).
    """
    best = [float("inf")] * len(fns)
    for r in range(repeat):
        for k in range(len(fns)):
            i = (k + r) % len(fns)
            best[i] = min(best[i], timeit.timeit(fns[i], number=number) / number)
    return best
