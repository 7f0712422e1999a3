"""Members, hypotheses and classes of the adversary bank, and the registry that holds them."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

_KINDS = ("fn1", "fn2", "activation", "data", "mask", "vector", "pair", "psd", "network", "start", "step", "model",
          "tensor", "cube", "regression")
_MODULES = ("functions", "activations", "data", "matrices", "pairs", "networks", "runs", "models", "tensors", "cube",
            "linnets")


@dataclass(frozen=True)
class HypothesisResult:
    """Whether one hypothesis holds for one member, how that is known, and the numbers that decided it."""

    holds: bool
    strength: str  # proved | exact | certified
    detail: str

    def __post_init__(self) -> None:  # SymPy's true/false are not Python's True/False
        object.__setattr__(self, "holds", bool(self.holds))


@dataclass(frozen=True)
class Hypothesis:
    """A checkable hypothesis of a kind (``"1-Lipschitz"`` of an activation)."""

    name: str
    kind: str
    check: Callable[[Any], HypothesisResult]
    meaning: str = ""


@dataclass(frozen=True)
class Member:
    """A named adversary: what it is, and what it typically breaks.  ``obj`` is kind-specific."""

    name: str
    kind: str
    obj: Any = field(compare=False, repr=False)
    what: str = ""
    breaks: str = ""


@dataclass(frozen=True)
class Class:
    """A kind plus hypotheses: the set a statement quantifies over."""

    name: str
    kind: str
    hypotheses: tuple[str, ...] = ()
    meaning: str = ""

    def test(self, member: Member) -> list[tuple[str, HypothesisResult]]:
        """Each hypothesis of the class, checked on ``member``."""
        if member.kind != self.kind:
            raise ValueError(f"{member.name} is a {member.kind}, not a {self.kind}")
        return [(h, hypothesis(self.kind, h).check(member.obj)) for h in self.hypotheses]

    def admits(self, member: Member) -> bool:
        return all(r.holds for _, r in checked(self, member))


BANK: dict[str, Member] = {}
HYPOTHESES: dict[tuple[str, str], Hypothesis] = {}


def member(name: str, kind: str, obj: Any, what: str, breaks: str) -> Member:
    if kind not in _KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if name in BANK:
        raise ValueError(f"bank member {name!r} declared twice")
    m = Member(name, kind, obj, what, breaks)
    BANK[name] = m
    return m


def hyp(kind: str, name: str, meaning: str = ""):
    """Register ``fn(obj) -> HypothesisResult`` as hypothesis ``name`` of ``kind``."""

    def deco(fn):
        HYPOTHESES[(kind, name)] = Hypothesis(name, kind, fn, meaning)
        return fn

    return deco


def hypothesis(kind: str, name: str) -> Hypothesis:
    _load()
    try:
        return HYPOTHESES[(kind, name)]
    except KeyError:
        raise KeyError(f"no hypothesis {name!r} for kind {kind!r}") from None


@lru_cache(maxsize=1)
def _load() -> None:
    for m in _MODULES:
        importlib.import_module(f"numeric.adversaries.{m}")


_CHECKED: dict[tuple[str, str, tuple[str, ...]], list] = {}


def checked(cls: Class, m: Member) -> list[tuple[str, HypothesisResult]]:
    """``cls.test(m)``, computed once per process."""
    key = (cls.kind, m.name, cls.hypotheses)
    if key not in _CHECKED:
        _CHECKED[key] = cls.test(m)
    return _CHECKED[key]


def kinds() -> tuple[str, ...]:
    return _KINDS


def members(kind: str | None = None) -> list[Member]:
    """Every member of a kind (all members when ``kind`` is None), in declaration order."""
    _load()
    return [m for m in BANK.values() if kind is None or m.kind == kind]


def admitted(cls: Class) -> list[Member]:
    """The bank's members of ``cls``: those of its kind whose hypotheses all hold."""
    return [m for m in members(cls.kind) if cls.admits(m)]
