"""REPORT.md's sections that only this chapter has: its asymptotics, its approximations, its limits."""
from __future__ import annotations

from verify.chapter8.approximations import render as render_approximations
from verify.chapter8.asymptotics import render as render_asymptotics
from verify.chapter8.asymptotics import render_limits


def render(results: dict) -> str:
    """The O/Θ/Ω table, then the chapter's ≈ and 'roughly', then its → and lim."""
    return "\n".join([render_asymptotics(results), render_approximations(results), render_limits(results)])
