"""Drive a margin function with hypothesis and turn what it finds into an Outcome.

A property is written as ``margin(instance) -> float``: non-negative when the
statement holds on that instance (the slack of an inequality, minus the residual
of an identity).  Hypothesis is steered towards the smallest margin with
``target`` and, on a failure, shrinks the instance; the last failing call is the
shrunk counterexample.

Whatever it finds is ``sampled``: a search over examples proves nothing for the
instances it did not draw, and a float64 counterexample is an observation (the
mpmath re-check makes it a more precise one, not a rigorous one).
"""
from __future__ import annotations

import math
from typing import Any, Callable

from hypothesis import Verbosity, given, seed, target
from hypothesis import strategies as st

from verify.engine.claim import Outcome
from verify.engine.context import Context


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
    recheck: Callable[[Any], Any] | None = None,
    borderline: float = 1e-6,
) -> Outcome:
    """Search for an instance with margin < -tol; return holds/worst margin/counterexample.

    ``recheck(instance)`` recomputes the margin in high precision (mpmath); it is
    consulted for a borderline failure (|margin| < ``borderline``) before anything is
    called refuted, and its verdict replaces the float64 one.
    """
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
        if recheck is not None and -borderline < m < -tol:
            m = float(recheck(instance))
            state["rechecked"] = state.get("rechecked", 0) + 1
        state["worst"] = min(state["worst"], m)
        target(-m if math.isfinite(m) else -1e300, label="negative margin")
        if m < -tol:
            state["fail"] = instance
            state["fail_margin"] = m
            raise _Refuted(f"margin {m:.3g}")

    try:
        prop()
    except _Refuted:
        methods = ["hypothesis"] + (["mpmath"] if state.get("rechecked") else [])
        return Outcome(
            holds=False,
            methods=methods,
            examples=state["n"],
            worst_margin=state["fail_margin"],
            counterexample=describe(state["fail"]),
            strength="sampled",
            decided_by=["hypothesis search"],
        )
    worst = state["worst"] if math.isfinite(state["worst"]) else None
    methods = ["hypothesis"] + (["mpmath"] if state.get("rechecked") else [])
    notes = [f"{state['rechecked']} borderline example(s) re-checked at high precision"] if state.get("rechecked") else []
    return Outcome(holds=True, methods=methods, examples=state["n"], worst_margin=worst, notes=notes,
                   strength="sampled", decided_by=["hypothesis search"])
