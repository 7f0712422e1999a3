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


# The kinds of object that can decide a verdict (strength.supported): a symbolic proof for every size
# (a normal form, a Gröbner reduction, a SymPy simplification to 0, a coefficient certificate), exact
# arithmetic at a finite size or instance, a rigorous floating-point enclosure, or samples.
PROOF_KINDS = ("symbolic", "exact", "interval", "sample")


@dataclass(frozen=True)
class Proof:
    """An object that decided an outcome: what the strength is read from (never from method names).

    ``kind`` is one of PROOF_KINDS; ``obj`` the object itself (a SymPy expression that reduced to 0 or
    to a nonzero value, an exact certificate, an interval enclosure ...); ``size`` the finite size it
    covers, for ``exact``. ``path`` names the part of the check that produced it ("normal form",
    "component check", ...): results.json records it as the path that killed a mutant.
    """

    kind: str
    what: str
    obj: Any = None
    size: str = ""
    path: str = ""

    def __post_init__(self) -> None:
        if self.kind not in PROOF_KINDS:
            raise ValueError(f"unknown proof kind {self.kind!r} (one of {', '.join(PROOF_KINDS)})")


PREMISE_SOURCES = ("hypothesis", "derived", "checked-on-instance")


@dataclass(frozen=True)
class Premise:
    """A fact a proof applies: ``atom`` (a normal-form atom such as ⟨vᵀ v⟩) equals ``value``.

    ``source`` says why it may be applied:
    - ``hypothesis``: an assumption of the statement itself (v is a unit vector); the component check
      draws its instance on it (and verifies it there), the normal form rewrites with it;
    - ``derived`` / ``checked-on-instance``: a consequence of the other hypotheses; it is never imposed:
      the component check must show it holds on its instance (reduce it to 0 modulo the structural
      hypotheses), else the proof fails;
    - ``uses:<claim id>``: proved by another claim, which must be in the claim's ``uses`` (its
      strength propagates); imposed on both checks.
    Every premise gets a mutant (its value changed) that the check must refute: a premise whose change
    does not break the proof was not used by it.
    """

    atom: str
    value: Any
    source: str = "checked-on-instance"

    def __post_init__(self) -> None:
        if self.source not in PREMISE_SOURCES and not self.source.startswith("uses:"):
            raise ValueError(f"premise {self.atom}: unknown source {self.source!r} "
                             f"(one of {', '.join(PREMISE_SOURCES)}, uses:<claim id>)")

    @property
    def uses(self) -> str | None:
        return self.source[5:] if self.source.startswith("uses:") else None


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
    # the smallest error in the exponent this fit claims to detect: the runner re-judges the same fitted
    # data with theory ± resolution (the side(s) the relation makes false) and those mutants must be refuted
    resolution: float | None = None
    # the range of x the verdict is read on, declared by the claim before the fit (x ≥ range_from)
    range_from: float | None = None
    # the confidence of ``interval``, declared by the claim (a claim with several fits may declare a family-wise one)
    confidence: float = 0.95
    # the pooled fit behind this Fit (numeric.stats.SeedFit), for re-judging the same data; not recorded
    sf: Any = field(default=None, compare=False, repr=False)
    # filled by the judge when the verdict rests on part of the range (a tail, or the limit of the
    # local slopes): {"basis": ..., "exponent": ..., "interval": ...}; results.json then records that
    # exponent and interval, and the full-range fit beside them, so the verdict follows from the interval
    decided: dict = field(default_factory=dict, compare=False)
    # the verdict reads this fit only to refute (e.g. a lower bound on a sup the claim bounds from above): its theory
    # value being consistent verifies nothing, so it gets no ±δ resolution mutants (the fit that verifies carries them)
    refutes_only: bool = False

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise ValueError(f"fit {self.quantity!r}: unknown relation {self.relation!r}")

    def as_json(self) -> dict:
        full = {"exponent": round(float(self.exponent), 6),
                "interval": [round(float(self.interval[0]), 6), round(float(self.interval[1]), 6)]}
        out = {"quantity": self.quantity, "against": self.against, **full, "theory": self.theory,
               "relation": self.relation, "seeds": list(self.seeds), "resolution": self.resolution}
        if self.range_from is not None:
            out["range_from"] = self.range_from
        if self.confidence != 0.95:
            out["confidence"] = self.confidence
        if self.refutes_only:
            out["refutes_only"] = True
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
    # the objects that decided this outcome (strength.supported reads the strength they can carry)
    proof: list[Proof] = field(default_factory=list)
    # the part(s) of the check that decided it ("normal form", "component check", "generic: …",
    # "hypothesis search", "sweep"); for a refuted mutant: the path that killed it
    decided_by: list[str] = field(default_factory=list)
    # the (strength, sizes) this outcome has without its proof path: what a proved verdict drops to when a
    # mutant is killed only outside that path (generic_too: the concrete check's)
    fallback: tuple | None = None

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
        strength, sizes = weakest(self.strength, other.strength), list(dict.fromkeys(self.sizes + other.sizes))
        refuters = [o for o in (self, other) if o.holds is False and o.strength is not None and o.proof]
        if holds is False and refuters:  # a refutation is as strong as its strongest counterexample (with its object)
            best = min(refuters, key=lambda o: STRENGTHS.index(o.strength))
            strength, sizes = best.strength, list(best.sizes)
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
            strength=strength,
            sizes=sizes,
            proof=self.proof + other.proof,
            decided_by=list(dict.fromkeys(self.decided_by + other.decided_by)),
            fallback=_weaker_fallback(self, other),
        )


def _weaker_fallback(a: "Outcome", b: "Outcome"):
    fa = a.fallback or (a.strength, a.sizes)
    fb = b.fallback or (b.strength, b.sizes)
    if a.fallback is None and b.fallback is None:
        return None
    try:
        s = weakest(fa[0], fb[0])
    except ValueError:
        return None
    return (s, list(dict.fromkeys(list(fa[1]) + list(fb[1]))))


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
    premise: Any = None  # for a premise mutant: the Premise whose value it changed


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
    # the labels an erratum concerns (default: all); ("prose",): the erratum is on a sentence beside the claim's
    # equations, none of which is itself wrong (they keep their own colour on the site)
    erratum_equations: tuple[str, ...] = ()
    quantified: Any = None  # verify.engine.attacks.Quantified: the class the statement ranges over, attacked by the bank
    # why the declared verdict is inconclusive when a rate cannot reach its resolution (shown in the report)
    expect_reason: str | None = None

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
