"""Drive a margin function with hypothesis and turn what it finds into an Outcome.

A property is written as ``margin(instance) -> float``: non-negative when the
statement holds on that instance (the slack of an inequality, minus the residual
of an identity).  Hypothesis is steered towards the smallest margin with
``target`` and, on a failure, shrinks the instance; the last failing call is the
shrunk counterexample.
"""
from __future__ import annotations

import math
from typing import Any, Callable

from hypothesis import Verbosity, given, seed, target
from hypothesis import strategies as st

from .claim import Outcome
from .context import Context


class _Refuted(AssertionError):
    pass


def search(
    strategy: st.SearchStrategy,
    margin: Callable[[Any], float],
    ctx: Context,
    *,
    name: str = "search",
    tol: float = 1e-9,
    max_examples: int | None = None,
    describe: Callable[[Any], Any] = repr,
) -> Outcome:
    """Search for an instance with margin < -tol; return holds/worst margin/counterexample."""
    state: dict[str, Any] = {"n": 0, "worst": math.inf, "fail": None, "fail_margin": None}
    overrides = {"verbosity": Verbosity.quiet}
    if max_examples is not None:
        overrides["max_examples"] = max_examples

    @ctx.profile.hypothesis_settings(**overrides)
    @seed(ctx.seed_for(name))
    @given(strategy)
    def prop(instance):
        m = float(margin(instance))
        state["n"] += 1
        if math.isnan(m):
            m = -math.inf
        state["worst"] = min(state["worst"], m)
        target(-m if math.isfinite(m) else -1e300, label="negative margin")
        if m < -tol:
            state["fail"] = instance
            state["fail_margin"] = m
            raise _Refuted(f"margin {m:.3g}")

    try:
        prop()
    except _Refuted:
        return Outcome(
            holds=False,
            methods=["hypothesis"],
            examples=state["n"],
            worst_margin=state["fail_margin"],
            counterexample=describe(state["fail"]),
        )
    worst = state["worst"] if math.isfinite(state["worst"]) else None
    return Outcome(holds=True, methods=["hypothesis"], examples=state["n"], worst_margin=worst)
