"""Evidence: what checking one claim found, in the shape results.json records."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from verify.engine.claim import Claim, Fit, Outcome, Step
from verify.engine.strength import strength_problems


@dataclass
class MutantResult:
    name: str
    killed: bool
    detail: str = ""
    # the path(s) of the check that refuted it ("normal form", "component check", "generic: …",
    # "hypothesis search", "sweep (same fitted data)" ...), read from the refuting outcome
    killed_by: list[str] = field(default_factory=list)
    # claim (declared), premise / premise-hypothesis (a premise changed), resolution (theory ± δ of a fit)
    kind: str = "claim"
    strength: str | None = None  # how strongly the refutation is known
    on_proof_path: bool | None = None  # killed by the path that proves the claim (None: not killed, or n/a)


@dataclass
class Evidence:
    claim: Claim
    status: str
    printed: Outcome
    corrected: Outcome | None = None
    mutants: list[MutantResult] = field(default_factory=list)
    seconds: float = 0.0
    seed: int = 0
    profile: str = "ci"
    error: str | None = None
    attacks: list = field(default_factory=list)  # verify.engine.attacks.AttackResult
    notes: list[str] = field(default_factory=list)  # the runner's (e.g. why a rate verdict is inconclusive)
    strength_drop: dict | None = None  # {"from", "to", "mutants", "killed_by"}: mutants killed off the proof path
    premises: list = field(default_factory=list)  # the premises (claim.Premise) the statement's proof applies
    declared_problems: list = field(default_factory=list)  # strength problems of the declaration a drop replaced

    # -- views -------------------------------------------------------------
    @property
    def main(self) -> Outcome:
        """The outcome that carries the claim: the corrected form for an erratum."""
        return self.corrected if self.status == "erratum" and self.corrected else self.printed

    @property
    def methods(self) -> list[str]:
        ms = list(self.printed.methods)
        if self.corrected:
            ms += self.corrected.methods
        return list(dict.fromkeys(ms))

    @property
    def fits(self) -> list[Fit]:
        return self.main.fits

    @property
    def steps(self) -> list[Step]:
        return self.printed.steps + (self.corrected.steps if self.corrected else [])

    @property
    def strength(self) -> str | None:
        """How the verdict is known (the main outcome's weakest link); None for informal claims."""
        if self.status == "informal":
            return None
        return self.main.strength

    @property
    def sizes(self) -> list[str]:
        return list(self.main.sizes)

    @property
    def refutation_strength(self) -> str | None:
        """For an erratum: how the printed form is known to be false."""
        return self.printed.strength if self.status == "erratum" else None

    @property
    def killed(self) -> int:
        return sum(m.killed for m in self.mutants)

    @property
    def matches_expectation(self) -> bool:
        return not self.problems()

    def problems(self) -> list[str]:
        """Why this claim fails as a test item (empty when it passes)."""
        out = []
        if self.error:
            out.append(f"check raised: {self.error}")
        if self.status != self.claim.expected_status:
            out.append(f"verdict {self.status}, expected {self.claim.expected_status}")
            if self.status == "refuted" or (self.printed.holds is False and self.status != "erratum"):
                out.append(f"counterexample to the printed form: {self.printed.counterexample}")
            if self.corrected is not None and self.corrected.holds is not True:
                out.append(f"corrected form not verified: {self.corrected.counterexample}")
        q = getattr(self.claim, "quantified", None)
        if q is not None:
            from verify.engine.attacks import targets

            expect = {t: e for t, _s, e in targets(self.claim)}
            for a in self.attacks:
                if a.outcome == "broke" and expect.get(a.target, True) and a.target != "printed":
                    out.append(f"{a.target} falls to the bank member {a.member!r} ({a.cls}): {a.detail}")
                if a.outcome == "broke" and a.target == "printed" and self.claim.expected_status == "verified":
                    out.append(f"printed form falls to the bank member {a.member!r} ({a.cls}): {a.detail}")
            if not any(a.outcome != "n/a" for a in self.attacks):
                out.append(f"no member of the class {q.cls.name!r} could be decided: the attacks prove nothing")
        for m in self.mutants:
            if m.kind == "resolution-missing":
                out.append(f"fit without a usable resolution δ ({m.detail}): {m.name}")
            elif m.kind == "resolution" and not m.killed and self.status == "inconclusive":
                continue  # the verdict already says the sweep cannot reach its resolution
            elif m.kind == "premise-hypothesis" and not m.killed:
                continue  # the statement does not need this hypothesis: the changed one is true too
            elif not m.killed:
                out.append(f"mutant survived (the check cannot tell it from the claim): {m.name}")
        for p in self.premises:
            if p.uses and p.uses not in self.claim.uses:
                out.append(f"premise {p.atom} = {p.value} is backed by {p.uses}, which the claim does not use")
        if self.claim.kind != "informal" and not self.mutants:
            out.append("claim has no mutant: its check has not shown it can fail")
        if not self.error and self.status != "informal":
            out += self.declared_problems
            out += strength_problems(self.main, "verdict")
            if self.status == "erratum":
                out += strength_problems(self.printed, "refutation of the printed form")
        return out

    def as_json(self) -> dict[str, Any]:
        c = self.claim
        err = None
        if c.erratum is not None:
            err = {
                "printed": c.erratum.printed,
                "corrected": c.erratum.corrected,
                "explanation": c.erratum.explanation,
                "counterexample": _jsonable(self.printed.counterexample),
                "refutation_strength": self.printed.strength,
                "refutation_sizes": list(self.printed.sizes),
                "corrected_strength": self.corrected.strength if self.corrected else None,
                "corrected_sizes": list(self.corrected.sizes) if self.corrected else [],
            }
        main = self.main
        return {
            "id": c.id,
            "section": c.section,
            "kind": c.kind,
            "title": c.title,
            "equations": list(c.equations),
            "uses": list(c.uses),
            "status": self.status,
            "expected": c.expected_status,
            # own strength; results.build adds the effective one over the uses graph
            "strength": self.strength,
            "own_strength": self.strength,
            "sizes": self.sizes if self.status != "informal" else [],
            "methods": self.methods,
            "examples": int(self.printed.examples + (self.corrected.examples if self.corrected else 0)),
            "worst_margin": _num(main.worst_margin),
            "seconds": round(self.seconds, 3),
            "counterexample": _jsonable(self.printed.counterexample) if self.printed.holds is False else None,
            "erratum": err if self.status == "erratum" else None,
            "fits": [f.as_json() for f in self.fits],
            "mutants": {
                "total": len(self.mutants),
                "killed": self.killed,
                "list": [{"name": m.name, "killed": m.killed, "kind": m.kind, "killed_by": list(m.killed_by),
                          "on_proof_path": m.on_proof_path} for m in self.mutants],
            },
            "premises": [{"atom": p.atom, "value": str(p.value), "source": p.source} for p in self.premises],
            "strength_drop": self.strength_drop,
            "notes": list(c.notes) + main.notes + self.notes + ([c.informal_reason] if c.informal_reason else [])
            + ([f"declared inconclusive: {c.expect_reason}"] if c.expect_reason else []),
            "figures": main.figures,
            "error": self.error,
            "attacks": [a.as_json() for a in self.attacks],
            "class": ({"name": self.claim.quantified.cls.name, "kind": self.claim.quantified.cls.kind,
                       "hypotheses": list(self.claim.quantified.cls.hypotheses),
                       "shapes": list(self.claim.quantified.shapes)}
                      if getattr(self.claim, "quantified", None) is not None else None),
        }


def _num(x):
    if x is None:
        return None
    x = float(x)
    if x != x or x in (float("inf"), float("-inf")):
        return None
    return float(f"{x:.6g}")


def _jsonable(x):
    """Counterexamples are shown to people: keep them short, plain and stable."""
    if x is None:
        return None
    if isinstance(x, (str, int, bool)):
        return x
    if isinstance(x, float):
        return _num(x)
    if isinstance(x, dict):
        return {str(k): _jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_jsonable(v) for v in x]
    try:
        import numpy as np

        if isinstance(x, np.ndarray):
            return _jsonable(np.round(x, 6).tolist())
        if isinstance(x, np.generic):
            return _jsonable(x.item())
    except ImportError:  # pragma: no cover
        pass
    return str(x)
