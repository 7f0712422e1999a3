"""A text's catalog: its numbered equations and numbered objects, as printed.

Loaded lazily, once, from the active text's catalog.json (``verify.engine.text``; each text ships its own, made by ``verify.engine.build_catalog``).
Equations and environments share numbers (equation (8.17) is not Lemma 8.17), so ids
carry a prefix (``eq:8.17``, ``lemma:8.17``). ``resolve`` turns what a user types
(``8.17``, ``(8.17)``, ``Lemma 8.17``, ``eq:8.17``) into ids, and names the nearest
valid labels when it cannot. Stdlib only.
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Equation:
    """A numbered display: ``latex`` is the printed body without its ``\\quad (8.k)`` tag."""

    label: str
    id: str
    latex: str
    section: str
    line: int
    lhs: str = ""  # for a display that continues a chain (``= …``), the chain's left-hand side

    @property
    def printed(self) -> str:
        """The display as a statement: a continuation gets its left-hand side back (eq:8.8 is "½⟨v, ∇²g v⟩ = …")."""
        return f"{self.lhs} {self.latex}" if self.lhs else self.latex


@dataclass(frozen=True)
class CatalogObject:
    """A numbered environment, observation, figure or footnote, with its printed statement."""

    id: str
    kind: str
    number: str
    title: str
    statement: str
    section: str
    line: int


class UnknownLabel(ValueError):
    """A label that names nothing in the chapter; the message is one line with suggestions."""

    def __init__(self, label: str, suggestions: list[str]):
        self.label, self.suggestions = label, list(suggestions)
        near = f"; nearest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"unknown label {_clip(label)!r}{near}")


class UnknownSection(ValueError):
    """A section that is not in the chapter; the message is one line with the nearest ones."""

    def __init__(self, section: str, suggestions: list[str]):
        self.section, self.suggestions = section, list(suggestions)
        near = f"; nearest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"unknown section {_clip(section)!r}{near}")


def _one_line(s: str) -> str:
    return " ".join(str(s).split())


def _clip(s: str, n: int = 60) -> str:
    """One line, at most ``n`` characters: what an error message echoes of user input."""
    s = _one_line(s)
    return s if len(s) <= n else s[: n - 1] + "…"


@lru_cache(maxsize=None)
def _doc() -> dict:
    from verify.engine.text import active

    text = (active().data / "catalog.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def _equations() -> dict[str, Equation]:
    return {e["label"]: Equation(**e) for e in _doc()["equations"]}


@lru_cache(maxsize=None)
def _objects() -> dict[str, CatalogObject]:
    return {o["id"]: CatalogObject(**o) for o in _doc()["objects"]}


@lru_cache(maxsize=None)
def _sections() -> dict[str, str]:
    return {s["number"]: s["title"] for s in _doc()["sections"]}


def equations() -> dict[str, Equation]:
    """Label ("8.5") -> Equation, in numeric order (a copy: mutate freely)."""
    return dict(_equations())


def objects() -> dict[str, CatalogObject]:
    """Id ("lemma:8.17") -> CatalogObject, in printed order."""
    return dict(_objects())


def sections() -> dict[str, str]:
    """Section number ("8.3.1") -> title, in printed order."""
    return dict(_sections())


@lru_cache(maxsize=None)
def _all_ids() -> tuple[str, ...]:
    return tuple(e.id for e in _equations().values()) + tuple(_objects())


def all_ids() -> list[str]:
    """Every id: the equations in numeric order, then the objects in printed order."""
    return list(_all_ids())


def get(oid: str) -> Equation | CatalogObject:
    """The equation or object with this id; KeyError if there is none."""
    if oid.startswith("eq:") and oid[3:] in _equations():
        return _equations()[oid[3:]]
    if oid in _objects():
        return _objects()[oid]
    raise KeyError(oid)


def section_of(oid: str) -> str:
    return get(oid).section


def is_section(s: str) -> bool:
    """Whether ``s`` is exactly a section number of the chapter ("8.3.1")."""
    return s in _sections()


# What users type before a number, and the id prefix it means.
_WORDS = {
    "eq": "eq", "eqn": "eq", "equation": "eq",
    "def": "def", "defn": "def", "definition": "def",
    "ex": "example", "example": "example",
    "thm": "thm", "theorem": "thm",
    "lem": "lemma", "lemma": "lemma",
    "rem": "remark", "remark": "remark",
    "obs": "obs", "observation": "obs",
    "fig": "figure", "figure": "figure",
    "fn": "footnote", "footnote": "footnote",
}
_TYPED = re.compile(r"(?:([A-Za-z]+)\s*[.:]?\s*)?(\()?\s*(\d+(?:\.\d+)?)\s*(\))?")


def _number_of(oid: str) -> str:
    return oid.split(":", 1)[1]


def resolve(label: str) -> list[str]:
    """User label -> catalog ids.

    ``eq:8.17`` -> [eq:8.17]; ``(8.17)`` -> [eq:8.17]; ``Lemma 8.17`` -> [lemma:8.17];
    a bare ``8.17`` -> every id with that number, equation first. Raises UnknownLabel
    (one line, with the nearest ids) when nothing matches.
    """
    raw = _one_line(label)
    if raw in _all_ids():
        return [raw]
    guess, num, prefix = raw.lower(), None, None
    if ":" in guess:
        prefix, num = guess.split(":", 1)
    m = _TYPED.fullmatch(raw)
    if m and bool(m.group(2)) == bool(m.group(4)):
        word, parens, num = m.group(1), m.group(2), m.group(3)
        if word is None:
            found = [i for i in _all_ids() if _number_of(i) == num and (not parens or i.startswith("eq:"))]
            if found:
                return found
            guess, prefix = f"eq:{num}", "eq" if parens else None
        elif word.lower() in _WORDS:
            prefix = _WORDS[word.lower()]
            guess = f"{prefix}:{num}"
            if guess in _all_ids():
                return [guess]
    if prefix not in _WORDS.values():
        prefix = None
    raise UnknownLabel(raw, _nearest(guess, num, prefix))


def _key(num: str) -> int | None:
    """A number's position on its own scale: 8.17 -> 17, obs 2 -> 2 (None if not a number)."""
    m = re.fullmatch(r"(?:\d+\.)?(\d{1,9})", num.strip())  # more digits is no number of the chapter
    return int(m.group(1)) if m else None


def _nearest(guess: str, num: str | None, prefix: str | None, n: int = 6) -> list[str]:
    """Suggestions for a failed lookup: an adjacent number of the same kind first (8.16 ->
    8.17), then spelling neighbours (difflib over all ids), ids with the same number under
    another prefix, and the numerically closest ids of the same kind."""
    ids = _all_ids()
    spelled = difflib.get_close_matches(guess, ids, n=3, cutoff=0.6)
    same_number: list[str] = []
    closest: list[str] = []
    k = _key(num) if num is not None else None
    if num is not None:
        same_number = [i for i in ids if _number_of(i) == num]
    if k is not None:
        kind = [i for i in ids if i.startswith(f"{prefix or 'eq'}:") and _key(_number_of(i)) is not None
                and ("." in _number_of(i)) == ("." in num)]
        closest = sorted(kind, key=lambda i: (abs(_key(_number_of(i)) - k), _key(_number_of(i))))[:2]
    adjacent = [i for i in closest if abs(_key(_number_of(i)) - k) <= 1]
    seen: list[str] = []
    for i in adjacent + spelled + same_number + closest:
        if i not in seen and i != guess:
            seen.append(i)
    return seen[:n]


_SECTION_PREFIXES = ("sec:", "sec.", "section", "sec", "§")


def parse_section(s: str) -> str:
    """``8.3.1``, ``sec:8.3.1``, ``§8.3.1`` or ``Section 8.3.1`` -> "8.3.1"; else UnknownSection."""
    t = _one_line(s)
    for p in _SECTION_PREFIXES:
        if t.lower().startswith(p):
            t = t[len(p):].strip()
            break
    if t in _sections():
        return t
    valid = list(_sections())
    near = difflib.get_close_matches(t, valid, n=3, cutoff=0.5)
    # the enclosing sections of what was typed (8.3.9 -> 8.3), when they exist
    parts = t.split(".")
    near += [".".join(parts[:j]) for j in range(len(parts) - 1, 1, -1) if ".".join(parts[:j]) in _sections()]
    seen = list(dict.fromkeys(near)) or [v for v in valid if v.count(".") == 1]
    raise UnknownSection(s, seen[:4])
