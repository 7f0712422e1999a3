"""The chapter's catalog: its 168 numbered equations and numbered objects, as printed.

Loaded once from verify/data/catalog.json (made by verify.build_catalog).  Also
resolves what a user types (``8.17``, ``(8.17)``, ``Lemma 8.17``, ``eq:8.17``) into ids,
with the nearest valid labels when it cannot.
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
    label: str
    id: str
    latex: str
    section: str
    line: int


@dataclass(frozen=True)
class CatalogObject:
    id: str
    kind: str
    number: str
    title: str
    statement: str
    section: str
    line: int


class UnknownLabel(ValueError):
    def __init__(self, label: str, suggestions: list[str]):
        self.label, self.suggestions = label, suggestions
        near = f"; nearest: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"unknown label {label!r}{near}")


class UnknownSection(ValueError):
    def __init__(self, section: str, suggestions: list[str]):
        self.section, self.suggestions = section, suggestions
        near = f"; valid sections include: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"unknown section {section!r}{near}")


@lru_cache(maxsize=None)
def _doc() -> dict:
    text = resources.files("verify").joinpath("data/catalog.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=None)
def equations() -> dict[str, Equation]:
    return {e["label"]: Equation(**e) for e in _doc()["equations"]}


@lru_cache(maxsize=None)
def objects() -> dict[str, CatalogObject]:
    return {o["id"]: CatalogObject(**o) for o in _doc()["objects"]}


@lru_cache(maxsize=None)
def sections() -> dict[str, str]:
    return {s["number"]: s["title"] for s in _doc()["sections"]}


def all_ids() -> list[str]:
    return [e.id for e in equations().values()] + list(objects())


def get(oid: str) -> Equation | CatalogObject:
    if oid.startswith("eq:"):
        return equations()[oid[3:]]
    return objects()[oid]


def section_of(oid: str) -> str:
    return get(oid).section


def is_section(s: str) -> bool:
    return s in sections()


_WORDS = {"eq": "eq", "equation": "eq", "definition": "def", "def": "def", "example": "example",
          "theorem": "thm", "thm": "thm", "lemma": "lemma", "remark": "remark", "observation": "obs",
          "obs": "obs", "figure": "figure", "fig": "figure", "footnote": "footnote"}


def resolve(label: str) -> list[str]:
    """User label → catalog ids (a bare number means every object with that number)."""
    raw = label.strip()
    s = raw.strip("()")
    ids = set(all_ids())
    if s in ids:
        return [s]
    m = re.fullmatch(r"(?:([A-Za-z]+)\s*[: ]\s*)?\(?(\d+(?:\.\d+)?)\)?", s)
    if m:
        word, num = m.groups()
        if word is None:
            found = [i for i in all_ids() if i.split(":", 1)[1] == num]
            if raw.startswith("("):
                found = [i for i in found if i.startswith("eq:")]
            if found:
                return found
        elif word.lower() in _WORDS:
            oid = f"{_WORDS[word.lower()]}:{num}"
            if oid in ids:
                return [oid]
    raise UnknownLabel(raw, _nearest(s))


def _nearest(s: str, n: int = 3) -> list[str]:
    ids = all_ids()
    num = s.split(":", 1)[-1]
    prefix = s.split(":", 1)[0] if ":" in s else None
    pool = [i for i in ids if prefix is None or i.startswith(prefix + ":")] or ids
    close = difflib.get_close_matches(s if prefix else f"eq:{num}", pool, n=n, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(num, [i.split(":", 1)[1] for i in pool], n=n, cutoff=0.3)
        close = [next(i for i in pool if i.split(":", 1)[1] == c) for c in close]
    return close


def parse_section(s: str) -> str:
    t = s.strip()
    for p in ("sec:", "§", "section "):
        if t.lower().startswith(p):
            t = t[len(p):].strip()
    if t in sections():
        return t
    raise UnknownSection(s, difflib.get_close_matches(t, list(sections()), n=3, cutoff=0.3) or list(sections())[:4])
