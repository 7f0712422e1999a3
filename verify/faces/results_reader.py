"""Reading a results.json for lookups: found beside the project, validated, one-line errors.

``verify list`` and ``verify show`` read verdicts from a results.json. Given with
``--results``, a file that is missing, a directory or not a results document is an
error (exit 2). Defaulted, the file is the project's own results.json (beside
``verify/``, whatever the working directory), and a missing or broken one is a
one-line warning naming the file; lookups then show "not run".
"""
from __future__ import annotations

import json
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

SCHEMAS = (1, 2, 3)  # the results.json schemas this reader understands (verify.faces.results_json writes the newest)
MAX_BYTES = 64 * 2**20  # a results.json is about a megabyte; /dev/zero or a stray dump is not one

_STR, _NUM, _INT, _LIST, _DICT = (str,), (int, float), (int,), (list,), (dict,)
# Per claim entry: the type of each field a reader (show, list, the site) uses, when present and not null.
_FIELDS = {
    "id": _STR, "status": _STR, "section": _STR, "kind": _STR, "title": _STR, "printed": _STR,
    "strength": _STR, "own_strength": _STR, "error": _STR,
    "methods": _LIST, "notes": _LIST, "uses": _LIST, "equations": _LIST, "sizes": _LIST, "fits": _LIST,
    "figures": _LIST, "strength_limited_by": _LIST, "steps": _LIST, "attacks": _LIST,
    "examples": _INT, "worst_margin": _NUM, "seconds": _NUM,
    "mutants": _DICT, "erratum": _DICT,
}
_STR_LISTS = ("methods", "notes", "uses", "equations", "sizes", "strength_limited_by")
_NAMES = {str: "a string", int: "an integer", float: "a number", list: "a list", dict: "an object"}



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


def _type_name(x) -> str:
    return "null" if x is None else _NAMES.get(type(x), type(x).__name__)


def _check_claim(where: str, i: int, c: dict) -> None:
    cid = c["id"][:60]
    for name, types in _FIELDS.items():
        v = c.get(name)
        if v is None:
            continue
        if not isinstance(v, types) or isinstance(v, bool) and types in (_INT, _NUM):
            raise ResultsError(f"{where}: claim {cid!r} field {name!r} is {_type_name(v)}, not {_NAMES[types[0]]} "
                               "(hand-edited?)")
    for name in _STR_LISTS:
        if any(not isinstance(x, str) for x in c.get(name) or []):
            raise ResultsError(f"{where}: claim {cid!r} field {name!r} holds something other than strings")
    for name in ("fits", "steps", "attacks"):
        if any(not isinstance(x, dict) for x in c.get(name) or []):
            raise ResultsError(f"{where}: claim {cid!r} field {name!r} holds something other than objects")
    m = c.get("mutants")
    if m is not None:
        if any(not isinstance(m.get(k, 0), int) or isinstance(m.get(k, 0), bool) for k in ("total", "killed")) \
                or not isinstance(m.get("list", []), list) \
                or any(not (isinstance(x, dict) and isinstance(x.get("name"), str) and isinstance(x.get("killed"), bool))
                       for x in m.get("list", [])):
            raise ResultsError(f"{where}: claim {cid!r} field 'mutants' is not {{total, killed, list of {{name, killed}}}}")


def _check_tables(where: str, doc: dict) -> None:
    for table in ("equations", "objects"):
        t = doc.get(table)
        if t is None:
            continue
        if not isinstance(t, dict):
            raise ResultsError(f"{where}: {table!r} is {_type_name(t)}, not an object")
        for label, e in t.items():
            if not (isinstance(e, dict) and isinstance(e.get("status"), str) and isinstance(e.get("claims", []), list)
                    and all(isinstance(x, str) for x in e.get("claims", []))):
                raise ResultsError(f"{where}: {table} entry {label[:40]!r} is not {{status, claims}}")
    for key, types in (("profile", _STR), ("generated", _STR)):
        if doc.get(key) is not None and not isinstance(doc[key], types):
            raise ResultsError(f"{where}: {key!r} is {_type_name(doc[key])}, not a string")


def _read(p: Path) -> str:
    """The file's text: a regular file of sane size only (a FIFO would block for ever, /dev/zero never ends)."""
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as e:
        raise ResultsError(f"cannot read results file {str(p)!r}: {e.strerror or e}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ResultsError(f"results file {str(p)!r} is not a regular file")
        if st.st_size > MAX_BYTES:
            raise ResultsError(f"results file {str(p)!r} is {st.st_size // 2**20} MB: too big to be a results.json")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as e:
        raise ResultsError(f"cannot read results file {str(p)!r}: {e.strerror or e}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_BYTES:
        raise ResultsError(f"results file {str(p)!r} is too big to be a results.json")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ResultsError(f"cannot read results file {str(p)!r}: {e}") from None


def parse(p: Path) -> Stored:
    """Read and validate a results.json: every problem is one ResultsError line."""
    where = f"results file {str(p)!r}"
    if p.is_dir():
        raise ResultsError(f"{where} is a directory")
    if not p.exists():
        raise ResultsError(f"{where} does not exist")
    text = _read(p)
    try:
        doc = json.loads(text)
    except RecursionError:
        raise ResultsError(f"{where} is nested too deeply to be a results.json") from None
    except ValueError as e:
        raise ResultsError(f"{where} is not JSON ({' '.join(str(e).split())[:160]})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):
        raise ResultsError(f"{where} is not a results.json document (no list of claims)")
    return Stored(p, doc, validate(doc, where))


def validate(doc: dict, where: str) -> dict[str, dict]:
    """The claims of a results.json document by id, after checking its schema and the types of its fields."""
    schema = doc.get("schema")
    if schema is not None and (not isinstance(schema, int) or isinstance(schema, bool) or schema not in SCHEMAS):
        raise ResultsError(f"{where} has schema {str(schema)[:20]}; this verify reads schemas "
                           f"{', '.join(map(str, SCHEMAS))} (a newer verify wrote it?)")
    claims = {}
    for i, c in enumerate(doc["claims"]):
        if not (isinstance(c, dict) and isinstance(c.get("id"), str) and isinstance(c.get("status"), str)):
            raise ResultsError(f"{where}: claim entry {i} has no id and status")
        _check_claim(where, i, c)
        claims[c["id"]] = c
    _check_tables(where, doc)
    return claims


def precheck(p: Path) -> None:
    """For a reader with its own messages for a missing file or bad JSON (the site): the rest of ``parse``'s checks,
    the ones it lacks (a FIFO, /dev/zero, deep nesting, schema 99, hand-edited types)."""
    if not p.exists() or p.is_dir():
        return
    text = _read(p)
    try:
        doc = json.loads(text)
    except RecursionError:
        raise ResultsError(f"results file {str(p)!r} is nested too deeply to be a results.json") from None
    except ValueError:
        return
    if isinstance(doc, dict) and isinstance(doc.get("claims"), list):
        validate(doc, f"results file {str(p)!r}")


_parse = parse


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
