"""A small generated index of the claims, so that lookups need not import them.

The registry (the claim modules) stays the one source of truth. This module keeps a
JSON snapshot of what ``verify list`` and ``verify show`` print about each claim (id,
section, kind, title, printed form, equations, uses, erratum text, mutant names), in
chapter order, stamped with a fingerprint of the sources it was made from (the claim
modules, the Claim type, the registry and the catalog). When the fingerprint no longer
matches, the index is rebuilt from the registry (slow once) and rewritten when the
package directory is writable. Stdlib only: importing it costs nothing.

    python -m verify.faces.claims_index      # rebuild the active text's claims_index.json
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ENGINE = Path(__file__).resolve().parents[1] / "engine"


def _text():
    from verify.engine.text import active

    return active()


def index_path() -> Path:
    """The active text's index: ``claims_index.json`` in its data folder."""
    return _text().data / "claims_index.json"
VERSION = 1


@dataclass(frozen=True)
class ClaimInfo:
    """What a lookup shows of a claim; attribute names match :class:`verify.engine.claim.Claim`."""

    id: str
    section: str
    kind: str
    title: str
    printed: str
    equations: tuple[str, ...] = ()
    uses: tuple[str, ...] = ()
    expected_status: str = "verified"
    erratum: dict | None = None  # {"printed", "corrected", "explanation"}
    mutants: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    def as_json(self) -> dict:
        d = dict(self.__dict__)
        for k in ("equations", "uses", "mutants", "notes"):
            d[k] = list(d[k])
        return d

    @classmethod
    def from_json(cls, d: dict) -> "ClaimInfo":
        d = dict(d)
        for k in ("equations", "uses", "mutants", "notes"):
            d[k] = tuple(d.get(k, ()))
        return cls(**d)


def _sources() -> list[Path]:
    import importlib.util

    spec = importlib.util.find_spec(_text().claims)
    claims_dir = Path(next(iter(spec.submodule_search_locations)))
    files = sorted(claims_dir.rglob("*.py"))
    return files + [ENGINE / "claim.py", ENGINE / "registry.py", _text().data / "catalog.json"]


def fingerprint() -> str:
    """sha256 over the sources the index is made from (their paths and bytes)."""
    h = hashlib.sha256(f"index v{VERSION}".encode())
    for p in _sources():
        h.update(p.name.encode() + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


def info_of(c) -> ClaimInfo:
    """A registry Claim as a ClaimInfo."""
    err = None
    if c.erratum is not None:
        err = {"printed": c.erratum.printed, "corrected": c.erratum.corrected, "explanation": c.erratum.explanation}
    return ClaimInfo(
        id=c.id, section=c.section, kind=c.kind, title=c.title, printed=c.printed,
        equations=tuple(c.equations), uses=tuple(c.uses), expected_status=c.expected_status,
        erratum=err, mutants=tuple(m.name for m in c.mutants),
        notes=tuple(c.notes) + ((c.informal_reason,) if c.informal_reason else ()),
    )


def build() -> dict:
    """The index document, made from the registry (imports every claim module)."""
    from verify.engine import registry
    return {"version": VERSION, "fingerprint": fingerprint(),
            "claims": [info_of(c).as_json() for c in registry.all_claims()]}


def write(doc: dict, path: Path | None = None) -> None:
    from verify.run.outputs import write_atomic  # atomic, readable by all (the index ships with the project)

    write_atomic(index_path() if path is None else path, json.dumps(doc, indent=1, ensure_ascii=False) + "\n")


def _read() -> dict | None:
    try:
        doc = json.loads(index_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(doc, dict) or doc.get("version") != VERSION or not isinstance(doc.get("claims"), list):
        return None
    return doc


@lru_cache(maxsize=None)
def claims() -> tuple[ClaimInfo, ...]:
    """Every claim in chapter order, from the index when it is fresh, else from the registry."""
    doc = _read()
    if doc is None or doc.get("fingerprint") != fingerprint():
        doc = build()
        try:
            write(doc)
        except OSError:  # a read-only install: serve the fresh index without caching it
            pass
    return tuple(ClaimInfo.from_json(d) for d in doc["claims"])


def by_id() -> dict[str, ClaimInfo]:
    return {c.id: c for c in claims()}


def used_by(claim_id: str) -> list[str]:
    return sorted(c.id for c in claims() if claim_id in c.uses)


if __name__ == "__main__":  # pragma: no cover
    d = build()
    write(d)
    print(f"wrote {index_path()} ({len(d['claims'])} claims)")  # noqa: T201
