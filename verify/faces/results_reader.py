"""Reading a results.json for lookups: found beside the project, validated, one-line errors.

``verify list`` and ``verify show`` read verdicts from a results.json. Given with
``--results``, a file that is missing, a directory or not a results document is an
error (exit 2). Defaulted, the file is the project's own results.json (beside
``verify/``, whatever the working directory), and a missing or broken one is a
one-line warning naming the file; lookups then show "not run".
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path



class ResultsError(ValueError):
    """A results file that cannot be used (one-line message)."""


@dataclass
class Stored:
    path: Path | None = None
    doc: dict = field(default_factory=dict)
    claims: dict[str, dict] = field(default_factory=dict)

    @property
    def profile(self) -> str:
        return str(self.doc.get("profile", "?"))

    @property
    def seed(self):
        return self.doc.get("seed", "?")

    def status(self, cid: str) -> str:
        return self.claims.get(cid, {}).get("status", "not run")


def default_path() -> Path:
    from verify.engine.text import active

    return active().root / "results.json"


def _parse(p: Path) -> Stored:
    if p.is_dir():
        raise ResultsError(f"results file {str(p)!r} is a directory")
    if not p.exists():
        raise ResultsError(f"results file {str(p)!r} does not exist")
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise ResultsError(f"cannot read results file {str(p)!r}: {getattr(e, 'strerror', None) or e}") from None
    except ValueError as e:
        raise ResultsError(f"results file {str(p)!r} is not JSON ({' '.join(str(e).split())})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):
        raise ResultsError(f"results file {str(p)!r} is not a results.json document (no list of claims)")
    claims = {}
    for i, c in enumerate(doc["claims"]):
        if not (isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("status"), str)):
            raise ResultsError(f"results file {str(p)!r}: claim entry {i} has no id and status")
        claims[c["id"]] = c
    return Stored(p, doc, claims)


def load(path: str | None, warn=None) -> Stored:
    """The results named by ``--results`` (errors are ResultsError), or the project's (errors are warnings)."""
    if path is not None:
        if str(path).strip() == "":
            raise ResultsError("empty results path")
        return _parse(Path(path))
    p = default_path()
    try:
        return _parse(p)
    except ResultsError as e:
        print(f"verify: warning: {e}; every claim shows 'not run'", file=warn or sys.stderr)
        return Stored(None)
