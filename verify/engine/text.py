"""The text a run checks: its catalog, its claims and its own hooks, found by name.

The engine, the runner and the faces work on one text at a time, the *active* one: the
module named by ``$VERIFY_TEXT`` (default ``verify.chapter8``), whose ``TEXT`` attribute
is a :class:`Text`.  Nothing outside a text's package imports it by name: it is loaded
here with importlib, and its hooks are ``"module:attribute"`` strings resolved on first
use, so ``verify list`` and ``verify show`` import no claim module.  A second text
(``tests/fixtures/minitext``) runs through the same engine and faces this way.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT = "verify.chapter8"


@dataclass(frozen=True)
class Text:
    """A text and what the engine needs of it.  Every hook is optional.

    ``data`` holds ``catalog.json`` (see :mod:`verify.engine.catalog`), the text as
    Markdown (``source``) and ``claims_index.json`` (made by ``verify.faces.claims_index``).
    """

    name: str                       # short name ("chapter8")
    title: str                      # how the faces name it ("Chapter 8, Nonconvex Optimization")
    data: Path                      # the folder with catalog.json, the source and claims_index.json
    claims: str                     # the package whose modules declare the claims
    root: Path                      # where its results.json, REPORT.md and figures/ live by default
    source: str = "chapter.md"      # the text as printed, in ``data``
    figures: str | None = None      # module with ``draw_all(out, results, profile, seed)``, ``_load``, ``_FIGURES``
    sweep_plans: str | None = None  # module with ``cells_by_claim(claims, profile, seed)``
    uncovered: str | None = None    # "module:function" -> the prose no claim checks
    readings: str | None = None     # "module:function(claims)" -> informal claims without a precise reading
    report_sections: str | None = None  # "module:function(results) -> markdown" appended to REPORT.md
    seed_source: Path | None = None  # the text as printed outside the package (compared by the tests)
    # printed fragment -> editorial note: a sentence broken as printed (no mathematical claim), marked [sic] on the site
    editorial_notes: tuple[tuple[str, str], ...] = ()

    def hook(self, spec: str | None):
        """The object a ``"module:attribute"`` (or ``"module"``) hook names; None when the hook is unset."""
        if not spec:
            return None
        mod, _, attr = spec.partition(":")
        m = importlib.import_module(mod)
        return getattr(m, attr) if attr else m

    def read_source(self) -> str:
        return (self.data / self.source).read_text(encoding="utf-8")


def active_name() -> str:
    return os.environ.get("VERIFY_TEXT") or DEFAULT


@lru_cache(maxsize=None)
def _load(name: str) -> Text:
    try:
        mod = importlib.import_module(name)
    except ImportError as e:
        raise ValueError(f"VERIFY_TEXT={name!r}: cannot import it ({e})") from None
    text = getattr(mod, "TEXT", None)
    if not isinstance(text, Text):
        raise ValueError(f"VERIFY_TEXT={name!r} has no TEXT (a verify.engine.text.Text)")
    return text


def active() -> Text:
    """The text this process checks (``$VERIFY_TEXT``, default ``verify.chapter8``)."""
    return _load(active_name())
