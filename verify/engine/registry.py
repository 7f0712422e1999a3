"""The registry of claims: one place that pytest, the report and the CLI read.

Claims are declared in the modules of the active text's claims package (``verify.engine.text``) with :func:`claim`; the
registry imports those modules on first use (nothing runs at import beyond
building the Claim objects).
"""
from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Iterable

from verify.engine import catalog
from verify.engine.claim import Claim

_CLAIMS: dict[str, Claim] = {}
_MODULES: dict[str, str] = {}  # claim id -> the module that declared it (part of its cache key)
_LOADED = False


def claim(**fields) -> Claim:
    """Declare a claim (keyword arguments of :class:`Claim`) and register it."""
    for key in ("mutants", "equations", "uses", "notes", "erratum_equations"):
        if key in fields:
            fields[key] = tuple(fields[key])
    c = Claim(**fields)
    if c.id in _CLAIMS:
        raise ValueError(f"claim id {c.id!r} declared twice")
    _CLAIMS[c.id] = c
    _MODULES[c.id] = sys._getframe(1).f_globals.get("__name__", "")
    return c


def module_of(claim_id: str) -> str:
    return _MODULES.get(claim_id, "")


def load() -> dict[str, Claim]:
    """Import every module of the active text's claims package once; return the claims by id."""
    global _LOADED
    if not _LOADED:
        from verify.engine.text import active

        pkg = importlib.import_module(active().claims)
        for mod in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda m: m.name):
            importlib.import_module(f"{pkg.__name__}.{mod.name}")
        _LOADED = True
        _validate()
    return _CLAIMS


def _validate() -> None:
    known_eq = set(catalog.equations())
    for c in _CLAIMS.values():
        for label in c.equations:
            if label not in known_eq:
                raise ValueError(f"claim {c.id}: unknown equation label {label!r}")
        if not catalog.is_section(c.section):
            raise ValueError(f"claim {c.id}: unknown section {c.section!r}")


class NoClaim(ValueError):
    """A valid label that no claim covers yet."""


def all_claims() -> list[Claim]:
    return sorted(load().values(), key=sort_key)


def get(claim_id: str) -> Claim:
    return load()[claim_id]


def _line(cid: str) -> float | None:
    try:
        return float(catalog.get(cid).line)
    except KeyError:
        return None


def sort_key(c: Claim) -> tuple:
    """Chapter order: by section, then by where the claim's text sits in the chapter.

    A numbered object or equation sits at its line; a descriptive claim (``sec:…``)
    right after the first equation it covers, else after the last thing it uses.
    """
    sec = tuple(int(p) for p in c.section.split("."))
    pos = _line(c.id)
    if pos is None and c.equations:
        pos = _line(f"eq:{c.equations[0]}")
    if pos is None:
        lines = [ln for ln in (_line(u) for u in c.uses) if ln is not None]
        pos = max(lines) + 0.5 if lines else 0.0
    return (sec, pos, c.id)


def used_by(claim_id: str) -> list[str]:
    return sorted(c.id for c in load().values() if claim_id in c.uses)


def select(selectors: Iterable[str], claims=None) -> list[Claim]:
    """Claims named by labels or sections (``8.8``, ``eq:8.8``, ``8.3.1``, ``sec:8.2:gd-update``).

    ``claims`` defaults to the registry; ``verify.faces.claims_index.claims()`` (same attributes, no
    claim module imported) gives the same selection for lookups.
    Raises catalog.UnknownLabel / catalog.UnknownSection with a one-line message.
    """
    claims = all_claims() if claims is None else list(claims)
    selectors = list(selectors)
    if not selectors:
        return claims
    chosen: dict[str, Claim] = {}
    for sel in selectors:
        for c in _select_one(sel, claims):
            chosen[c.id] = c
    return sorted(chosen.values(), key=sort_key)


def looks_like_section(sel: str) -> bool:
    """``sec:8.3``, ``§8.3`` or a three-part number; a bare ``8.3`` is equation (8.3)."""
    return sel.startswith(("sec:", "§")) or sel.count(".") == 2 and ":" not in sel


def _select_one(sel: str, claims: list[Claim]) -> list[Claim]:
    by_id = {c.id: c for c in claims}
    if sel in by_id:
        return [by_id[sel]]
    if looks_like_section(sel):
        sec = catalog.parse_section(sel)
        return [c for c in claims if c.section == sec or c.section.startswith(sec + ".")]
    ids = catalog.resolve(sel)  # raises UnknownLabel
    found = [c for c in claims if c.id in ids or any(f"eq:{e}" in ids for e in c.equations)]
    if not found:
        raise NoClaim(f"no claim covers {sel!r} yet (its status is unchecked)")
    return found
