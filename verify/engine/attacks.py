"""Class-quantified statements, and the attacks of the adversary bank on them.

A claim whose statement says "for every f / σ / data set / mask / network / start / step in some
class" declares ``quantified=Quantified(cls, decide, readings, shapes)``: the class as an object
(``numeric.adversaries.Class``: a kind and hypotheses checked on each member), and ``decide(statement,
member, ctx) -> Outcome`` deciding the statement on one member (holds True: it survives; False: the
member breaks it, ``counterexample`` holding the numbers; None: not applicable).  The runner attacks
the printed form, the corrected form and every reading with every admitted member of the class,
and with the members of every argument of the same shape (:mod:`verify.engine.arguments`).

An attack that breaks the printed form makes a "verified" claim refuted; one that breaks the
corrected form or a reading is a failure of the suite, whatever the check said.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from numeric.adversaries import Class, Member, members
from numeric.adversaries.core import checked
from verify.engine.claim import Outcome
from verify.engine.context import Context
from verify.engine.lazy import force


@dataclass(frozen=True)
class Reading:
    """A precise reading of the statement (a concretised form), attacked like the printed one.

    ``cls`` narrows the class for this reading (default: the claim's class)."""

    name: str
    statement: Any
    expect: bool = True  # False: the reading is known to fail (a documented erratum of the reading)
    cls: Class | None = None


@dataclass(frozen=True)
class Quantified:
    cls: Class
    decide: Callable[[Any, Member, Context], Outcome]
    readings: tuple[Reading, ...] = ()
    shapes: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()  # bank members of this kind to try even when the class does not admit them (n/a if not)
    corrected_cls: Class | None = None  # the corrected form's class when the correction adds hypotheses


@dataclass(frozen=True)
class AttackResult:
    member: str
    cls: str
    target: str        # "printed" | "corrected" | "reading: <name>"
    outcome: str       # "held" | "broke" | "n/a"
    detail: str
    argument: str | None = None

    def as_json(self) -> dict:
        out = {"member": self.member, "class": self.cls, "target": self.target, "outcome": self.outcome,
               "detail": self.detail}
        if self.argument:
            out["argument"] = self.argument
        return out


def _detail(o: Outcome) -> str:
    if o.holds is False:
        return f"broken: {o.counterexample}"
    if o.notes:
        return "; ".join(str(n) for n in o.notes)[:300]
    return "held" if o.holds else "not applicable"


def targets(claim) -> list[tuple[str, Any, bool]]:
    """(target, statement, expected to hold) for the printed form, the corrected form and the readings."""
    return [(t, s, e) for t, s, e, _c in _targets(claim)]


def _targets(claim) -> list[tuple[str, Any, bool, Class]]:
    q = claim.quantified
    out = [("printed", claim.statement, claim.erratum is None, q.cls)]
    if claim.erratum is not None:
        out.append(("corrected", claim.erratum.corrected_statement, True, q.corrected_cls or q.cls))
    out += [(f"reading: {r.name}", r.statement, r.expect, r.cls or q.cls) for r in q.readings]
    return out


def attack(claim, profile, seed: int, log=lambda m: None) -> list[AttackResult]:
    """Every admitted member of the claim's class (and of the arguments of its shapes) against every target."""
    from verify.engine.arguments import for_shapes

    q = claim.quantified
    if q is None:
        return []
    plan: list[tuple[Member, str | None]] = [(m, None) for m in members(q.cls.kind)]
    by_arg = {}
    for a in for_shapes(q.shapes):
        for name in a.members:
            by_arg.setdefault(name, a.id)
    plan = [(m, by_arg.get(m.name)) for m, _ in plan]
    out: list[AttackResult] = []
    for target, stmt, _expect, cls in _targets(claim):
        st = force(stmt)
        for m, arg in plan:
            hyps = checked(cls, m)
            failing = [f"{h}: {r.detail}" for h, r in hyps if not r.holds]
            if failing:
                if arg or m.name in q.extra:
                    out.append(AttackResult(m.name, cls.name, target, "n/a",
                                            "not a member of the class: " + "; ".join(failing)[:300], arg))
                continue
            ctx = Context(profile=profile, seed=seed, claim_id=claim.id, variant=f"attack:{m.name}:{target}", log=log)
            try:
                o = q.decide(st, m, ctx)
            except Exception as exc:  # noqa: BLE001 — a crashing decision is recorded, never silently dropped
                out.append(AttackResult(m.name, cls.name, target, "n/a", f"decide raised {type(exc).__name__}: {exc}",
                                        arg))
                continue
            verdict = {True: "held", False: "broke", None: "n/a"}[o.holds]
            out.append(AttackResult(m.name, cls.name, target, verdict, _detail(o), arg))
    return out


def broken(results: list[AttackResult], target_prefix: str) -> list[AttackResult]:
    return [r for r in results if r.outcome == "broke" and r.target.startswith(target_prefix)]


__all__ = ["AttackResult", "Quantified", "Reading", "attack", "broken", "targets", "field"]


def decide_on_bank(cls: Class, decide: Callable[[Member], Outcome], row: Callable[[Member, Outcome], str]
                   ) -> tuple[bool, list[str], dict | None]:
    """A claim's own check run over every admitted member of its class with the attack's decide, so that its mutants
    meet the bank on the proof path: (every decided member held, one row per decided member, the first
    counterexample). Members the decide cannot settle (holds None) are skipped."""
    from numeric.adversaries import admitted

    ok, rows, ce = True, [], None
    for m in admitted(cls):
        o = decide(m)
        if o.holds is None:
            continue
        rows.append(row(m, o))
        if o.holds is False and ce is None:
            ok, ce = False, o.counterexample
    return ok, rows, ce
