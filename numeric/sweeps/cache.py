"""A content-addressed cache for sweep cells and claim evidence.

The key of an entry hashes what its value depends on: the source of the module that
computes it and of every project module that module imports (transitively, found by
parsing the import statements), the parameters, the seed, the profile, and the versions
of Python, NumPy, SciPy and SymPy.  Editing a module therefore invalidates exactly the
entries computed by code that imports it; nothing else needs to be declared.

Entries are pickles behind a SHA-256 checksum, written to a temporary file and renamed
into place (atomic, so concurrent writers of the same key are safe: both write the same
bytes).  An entry whose checksum or unpickling fails is deleted and recomputed, never
trusted.  The directory is ``$VERIFY_CACHE_DIR`` or ``.verify-cache/`` at the project
root; ``VERIFY_NO_CACHE=1`` turns reading and writing off.  The CLI's ``--no-cache`` runs on a
``private()`` directory instead (empty, removed afterwards), so a run's cells are still shared.
"""
from __future__ import annotations

import ast
import hashlib
import os
import pickle
import platform
import shutil
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]  # the project root (holds numeric/, symbolic/, verify/)
PACKAGES = ("numeric", "symbolic", "verify")
# where values are kept and how cells are dispatched: no value depends on them, so editing them keeps the cache
INFRASTRUCTURE = frozenset({"numeric.sweeps.cache", "numeric.sweeps.core"})
MAGIC = b"NCVC1\n"
_MISS = object()
MISS = _MISS  # what load returns for an absent or corrupt entry


_OFF = False  # set by ``off()`` for the tasks of a --no-cache run on a long-lived worker


def enabled() -> bool:
    return not _OFF and os.environ.get("VERIFY_NO_CACHE", "") in ("", "0")


class off:
    """Context manager: no reads or writes inside (used by tasks that a --no-cache run sends to workers)."""

    def __init__(self, really: bool = True):
        self.really = really

    def __enter__(self):
        global _OFF
        self.old, _OFF = _OFF, _OFF or self.really

    def __exit__(self, *exc):
        global _OFF
        _OFF = self.old


def directory() -> Path:
    return Path(os.environ.get("VERIFY_CACHE_DIR") or ROOT / ".verify-cache")


class private:
    """Context manager: a fresh, empty cache directory for this run, removed on exit.

    A --no-cache run on this machine uses it: the user's cache is neither read nor written,
    yet the run's own sweep cells are computed once and shared by the claims (and figures)
    that read them, as in a cold-cache run.  Worker processes started inside inherit it.
    """

    def __enter__(self):
        self.old = {k: os.environ.get(k) for k in ("VERIFY_CACHE_DIR", "VERIFY_NO_CACHE")}
        self.dir = tempfile.mkdtemp(prefix="verify-cache-")
        os.environ["VERIFY_CACHE_DIR"] = self.dir
        os.environ.pop("VERIFY_NO_CACHE", None)
        return Path(self.dir)

    def __exit__(self, *exc):
        for k, v in self.old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(self.dir, ignore_errors=True)


# --- keys ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _module_file(name: str) -> Path | None:
    parts = name.split(".")
    if parts[0] not in PACKAGES:
        return None
    base = ROOT.joinpath(*parts)
    for cand in (base.with_suffix(".py"), base / "__init__.py"):
        if cand.is_file():
            return cand
    return None


@lru_cache(maxsize=None)
def _imports(name: str, path: Path) -> frozenset[str]:
    """Project modules named by the import statements of one module (anywhere in it, also inside functions)."""
    pkg = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)  # `from pkg import submodule`
    found = set()
    for m in out:
        parts = m.split(".")
        for i in range(1, len(parts) + 1):  # a module and its parent packages
            if _module_file(".".join(parts[:i])) is not None:
                found.add(".".join(parts[:i]))
    return frozenset(found)


@lru_cache(maxsize=None)
def modules(module: str) -> dict[str, Path]:
    """``module`` and every project module it imports, transitively: {name: file}."""
    seen: dict[str, Path] = {}
    todo = [module]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        path = _module_file(name)
        if path is None or name in INFRASTRUCTURE:
            continue
        seen[name] = path
        todo.extend(_imports(name, path) - set(seen))
    return seen


@lru_cache(maxsize=None)
def source_digest(module: str) -> str:
    """SHA-256 of the sources of ``module`` and of every project module it imports, transitively."""
    seen = modules(module)
    h = hashlib.sha256()
    for name in sorted(seen):
        h.update(name.encode() + b"\0" + seen[name].read_bytes() + b"\0")
    return h.hexdigest()


@lru_cache(maxsize=None)
def versions() -> tuple[tuple[str, str], ...]:
    out = [("python", platform.python_version())]
    for pkg in ("numpy", "scipy", "sympy", "mpmath", "hypothesis"):
        try:
            out.append((pkg, metadata.version(pkg)))
        except metadata.PackageNotFoundError:  # pragma: no cover
            out.append((pkg, "absent"))
    return tuple(out)


def key(kind: str, name: str, modules: tuple[str, ...], params: Any, seed: int, profile: str) -> str:
    """The content address of one value: what computes it, on what, with which seed, profile and versions."""
    parts = [kind, name, *[source_digest(m) for m in modules], repr(params), str(seed), profile, repr(versions())]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


# --- storage ------------------------------------------------------------------------------------------
def _path(k: str) -> Path:
    return directory() / k[:2] / f"{k}.pkl"


def load(k: str) -> Any:
    """The value stored under k, or the sentinel MISS (absent, truncated or corrupt: a corrupt file is removed)."""
    if not enabled():
        return _MISS
    p = _path(k)
    try:
        blob = p.read_bytes()
    except OSError:
        return _MISS
    head, digest, payload = blob[: len(MAGIC)], blob[len(MAGIC): len(MAGIC) + 32], blob[len(MAGIC) + 32:]
    if head == MAGIC and len(digest) == 32 and hashlib.sha256(payload).digest() == digest:
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 - an unreadable entry is a miss
            pass
    try:
        p.unlink()
    except OSError:
        pass
    return _MISS


def store(k: str, value: Any) -> bool:
    """Write atomically (temp file + rename); False when caching is off or the value cannot be pickled."""
    if not enabled():
        return False
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - unpicklable values are simply not cached
        return False
    p = _path(k)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".tmp-", suffix=".pkl")
        with os.fdopen(fd, "wb") as f:
            f.write(MAGIC + hashlib.sha256(payload).digest() + payload)
        os.replace(tmp, p)
    except OSError:
        return False
    return True


def is_miss(value: Any) -> bool:
    return value is _MISS


def clear() -> int:
    """Remove every entry; returns how many there were."""
    d = directory()
    if not d.exists():
        return 0
    n = sum(1 for _ in d.rglob("*.pkl"))
    shutil.rmtree(d)
    return n
