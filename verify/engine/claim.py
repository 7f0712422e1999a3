"""Claims, mutants, errata and the outcome of one check.

A Claim is one checkable statement of the chapter.  Its ``statement`` is a plain
value (a dataclass, a tuple of SymPy expressions, a dict of constants ...) that its
``check`` understands; a Mutant is the same kind of value, changed into a plausible
false variant.  The runner feeds the printed statement, the corrected statement of
an erratum and every mutant through the same ``check``: a check that refutes no
mutant has not shown that it can fail.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

STATUSES = ("verified", "erratum", "refuted", "inconclusive", "informal")
# How a verdict is known, strongest first (DESIGN.md "Strength"): symbolic for every
# dimension; exact arithmetic at listed sizes; floats with a rigorous bound; samples.
STRENGTHS = ("proved", "exact", "certified", "sampled")
RELATIONS = ("=", "<=", ">=")


def weakest(*strengths: str | None) -> str | None:
    """The weakest link of several strengths; None (undeclared) if any part is undeclared."""
    if not strengths or any(s is None for s in strengths):
        return None
    for s in strengths:
        if s not in STRENGTHS:
            raise ValueError(f"unknown strength {s!r} (one of {', '.join(STRENGTHS)})")
    return max(strengths, key=STRENGTHS.index)
KINDS = (
    "identity",
    "inequality",
    "high-probability",
    "asymptotic",
    "algorithmic",
    "definition",
    "informal",
)


@dataclass(frozen=True)
class Step:
    """One labelled step of a derivation, shown by ``verify show``.

    ``printed`` is the chapter's form (LaTeX or text), ``derived`` the SymPy object
    the symbolic layer produced for it, ``holds`` whether the two were proved equal
    (None when the step is commentary).
    """

    label: str
    text: str
    printed: str = ""
    derived: Any = None
    holds: bool | None = None


@dataclass(frozen=True)
class Fit:
    """A fitted exponent with a confidence interval, next to the theory's.

    ``relation`` says how the theory value reads: ``=`` (the exponent itself),
    ``<=`` (an upper bound on it, e.g. a worst-case degree) or ``>=``; ``seeds``
    are the independent seeds whose spread the interval pools.
    """

    quantity: str
    against: str
    exponent: float
    interval: tuple[float, float]
    theory: float | None = None
    relation: str = "="
    seeds: tuple[int, ...] = ()
    # filled by the judge when the verdict rests on part of the range (a tail, or the limit of the
    # local slopes): {"basis": ..., "exponent": ..., "interval": ...}; results.json then records that
    # exponent and interval, and the full-range fit beside them, so the verdict follows from the interval
    decided: dict = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"fit {self.quantity!r}: unknown relation {self.relation!r}")

    def as_json(self) -> dict:
        full = {"exponent": round(float(self.exponent), 6),
                "interval": [round(float(self.interval[0]), 6), round(float(self.interval[1]), 6)]}
        out = {"quantity": self.quantity, "against": self.against, **full, "theory": self.theory,
               "relation": self.relation, "seeds": list(self.seeds)}
        if self.decided:
            lo, hi = self.decided["interval"]
            out.update(exponent=round(float(self.decided["exponent"]), 6), interval=[round(lo, 6), round(hi, 6)],
                       basis=self.decided["basis"], full_range=full)
        return out


@dataclass
class Outcome:
    """What one run of a check on one statement found.

    ``holds`` is True (the statement was proved or survived the search), False
    (refuted: ``counterexample`` says where), or None (inconclusive).
    """

    holds: bool | None
    methods: list[str] = field(default_factory=list)
    examples: int = 0
    worst_margin: float | None = None
    counterexample: Any = None
    fits: list[Fit] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    # how strongly this outcome is known (one of STRENGTHS; None = undeclared) and,
    # for `exact`, the finite sizes or instances it covers ("d ∈ {2, 3}")
    strength: str | None = None
    sizes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        # SymPy's true/false are not Python's True/False: normalise once, here
        if self.holds is not None:
            self.holds = bool(self.holds)
        if self.strength is not None and self.strength not in STRENGTHS:
            raise ValueError(f"unknown strength {self.strength!r} (one of {', '.join(STRENGTHS)})")

    def merge(self, other: "Outcome") -> "Outcome":
        """Conjunction of two outcomes (both parts of one statement must hold)."""
        if self.holds is False or other.holds is False:
            holds = False
        elif self.holds is None or other.holds is None:
            holds = None
        else:
            holds = True
        margins = [m for m in (self.worst_margin, other.worst_margin) if m is not None]
        return Outcome(
            holds=holds,
            methods=list(dict.fromkeys(self.methods + other.methods)),
            examples=self.examples + other.examples,
            worst_margin=min(margins) if margins else None,
            counterexample=self.counterexample if self.counterexample is not None else other.counterexample,
            fits=self.fits + other.fits,
            steps=self.steps + other.steps,
            notes=self.notes + other.notes,
            figures=self.figures + other.figures,
            strength=weakest(self.strength, other.strength),
            sizes=list(dict.fromkeys(self.sizes + other.sizes)),
        )


def all_of(*outcomes: Outcome) -> Outcome:
    out = outcomes[0]
    for o in outcomes[1:]:
        out = out.merge(o)
    return out


@dataclass(frozen=True)
class Mutant:
    """A plausible false variant of a claim's statement; the check must refute it."""

    name: str
    statement: Any


@dataclass(frozen=True)
class Erratum:
    """The chapter's form is false: what it should say, and why."""

    printed: str
    corrected: str
    explanation: str
    corrected_statement: Any
    severity: str | None = None  # formula, hypothesis, edge-case, citation (the site guesses when absent)


Check = Callable[[Any, "Context"], Outcome]


@dataclass(frozen=True)
class Claim:
    id: str
    section: str
    title: str
    kind: str
    printed: str
    statement: Any
    check: Check
    mutants: tuple[Mutant, ...] = ()
    equations: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    erratum: Erratum | None = None
    informal_reason: str | None = None
    derivation: Callable[[], list[Step]] | None = None
    notes: tuple[str, ...] = ()
    expect: str | None = None  # expected verdict when it is not implied (e.g. "inconclusive")
    erratum_equations: tuple[str, ...] = ()  # the labels an erratum concerns (default: all)
    quantified: Any = None  # verify.engine.attacks.Quantified: the class the statement ranges over, attacked by the bank

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"claim {self.id}: unknown kind {self.kind!r}")
        if self.kind == "informal" and not self.informal_reason:
            raise ValueError(f"claim {self.id}: informal claims need a reason")
        if self.expect is not None and self.expect not in STATUSES:
            raise ValueError(f"claim {self.id}: unknown expected status {self.expect!r}")

    @property
    def expected_status(self) -> str:
        """The verdict the claim's author declared (what pytest compares against)."""
        if self.expect:
            return self.expect
        if self.kind == "informal":
            return "informal"
        return "erratum" if self.erratum else "verified"

    @property
    def marker(self) -> str:
        return "sec_" + self.section.replace(".", "_")
