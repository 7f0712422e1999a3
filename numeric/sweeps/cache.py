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
root, marked by a CACHEDIR.TAG, with the entries in a subfolder named by the storage layout
(``v2/``); ``clear`` removes only those (see "storage" below).  Writing is best effort: a
folder that refuses a write gives one warning and the run goes on uncached.
``VERIFY_NO_CACHE=1`` turns reading and writing off.  The CLI's ``--no-cache`` runs on a
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
INFRASTRUCTURE = frozenset({"numeric.sweeps.cache", "numeric.sweeps.core", "numeric.sweeps.blas"})
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
        _PRIVATE.append(self.dir)
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
        if self.dir in _PRIVATE:
            _PRIVATE.remove(self.dir)


_PRIVATE: list[str] = []  # the private directories of the runs in progress (an interrupt removes them)


def remove_private() -> None:
    """Remove every private cache directory now (the hard stop of an interrupted run)."""
    for d in list(_PRIVATE):
        shutil.rmtree(d, ignore_errors=True)


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


def named_imports(name: str, path: Path) -> set[str]:
    """Every module named by the import statements of module ``name`` at ``path`` (anywhere in it, also inside
    functions; relative imports resolved; ``from pkg import x`` names both ``pkg`` and ``pkg.x``), unfiltered.
    The cache keys on it, and tests/test_layers.py checks the direction of imports with it."""
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
    return out


@lru_cache(maxsize=None)
def _imports(name: str, path: Path) -> frozenset[str]:
    """Project modules named by the import statements of one module (anywhere in it, also inside functions)."""
    out = named_imports(name, path)
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
# The cache owns only what it wrote.  ``directory()`` is marked by a CACHEDIR.TAG (the standard that backup
# tools honour) and the entries live in a subfolder named by the storage layout's version, ``v2/``; ``clear``
# removes the versioned subfolders and nothing else, and refuses a folder that does not carry the tag.
# A folder that already holds files and no tag (``VERIFY_CACHE_DIR=.``, a home directory) is never
# written: the run goes on without a cache, with one warning.
LAYOUT = 2  # bump when the entry format on disk changes: old entries are then simply not read
TAG_NAME = "CACHEDIR.TAG"
TAG = (b"Signature: 8a477f597d28d172789f06886806bc55\n"
       b"# This file is a cache directory tag created by nonconvex-verify (verify cache clear empties it).\n"
       b"# For information about cache directory tags see https://bford.info/cachedir/\n")


class NotACache(ValueError):
    """A folder named as the cache that verify did not make (one-line message)."""


def _is_hex2(name: str) -> bool:
    return len(name) == 2 and all(ch in "0123456789abcdef" for ch in name)


def _legacy(d: Path) -> bool:
    """A cache of the layout before the tag: only two-hex-digit folders of *.pkl files and a timings.json."""
    try:
        items = list(d.iterdir())
    except OSError:
        return False
    if not items:
        return False
    for it in items:
        if it.name == "timings.json" and it.is_file():
            continue
        if not (_is_hex2(it.name) and it.is_dir() and not it.is_symlink()):
            return False
        if any(not (f.is_file() and f.name.endswith(".pkl")) for f in it.iterdir()):
            return False
    return True


def is_ours(d: Path | None = None) -> bool:
    """Whether ``d`` (default: the cache directory) is a verify cache: tagged, or of the old untagged layout."""
    d = directory() if d is None else Path(d)
    tag = d / TAG_NAME
    try:
        if tag.is_file() and tag.read_bytes()[:43] == TAG[:43]:
            return True
    except OSError:
        return False
    return _legacy(d)


def entries() -> Path:
    """The folder of this layout's entries (and of the run's timings) inside the cache directory."""
    return directory() / f"v{LAYOUT}"


_warned: set[str] = set()


def warn_once(what: str, message: str) -> None:
    import sys

    if what not in _warned:
        _warned.add(what)
        print(f"verify: warning: {' '.join(message.split())}", file=sys.stderr)


def ready() -> bool:
    """Make the cache directory ours if it is new or empty (tag + versioned folder); False when it is not usable."""
    d = directory()
    try:
        if not d.exists():
            d.mkdir(parents=True, exist_ok=True)
        tag = d / TAG_NAME
        if not tag.is_file():
            # the tag is the first thing a writer puts in a new folder (in place, exclusively: no temp file a
            # concurrent first writer could mistake for a user's file), so a folder with files is foreign only
            # when the tag is still absent after listing it
            if any(d.iterdir()) and not tag.is_file() and not _legacy(d):
                warn_once(f"foreign:{d}", f"the cache folder {str(d)!r} holds files verify did not write and no "
                          f"{TAG_NAME}: not caching there (set VERIFY_CACHE_DIR to an empty or new folder)")
                return False
            try:
                fd = os.open(tag, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:  # another writer made the folder ours first
                pass
            else:
                with os.fdopen(fd, "wb") as f:
                    f.write(TAG)
        entries().mkdir(exist_ok=True)
        return True
    except OSError as e:
        warn_once(f"write:{d}", f"cannot write the cache in {str(d)!r} ({e.strerror or e}); going on without it")
        return False


def _path(k: str) -> Path:
    return entries() / k[:2] / f"{k}.pkl"


def load(k: str) -> Any:
    """The value stored under k, or the sentinel MISS (absent, truncated or corrupt: a corrupt file is removed)."""
    if not enabled():
        return _MISS
    p = _path(k)
    try:
        blob = p.read_bytes()
    except OSError:  # absent, unreadable, or a folder (store repairs or skips that)
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


def _write_file(p: Path, data: bytes) -> None:
    """Write atomically (temp file + rename); the temp file never outlives a failure."""
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=".tmp-", suffix=".pkl")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def store(k: str, value: Any) -> bool:
    """Write atomically, best effort: False when caching is off, the value cannot be pickled or the disk refuses."""
    if not enabled():
        return False
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - unpicklable values are simply not cached
        return False
    if not ready():
        return False
    p = _path(k)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        if p.is_dir() and not p.is_symlink():  # an entry that became a folder: repaired when empty, else skipped
            try:
                p.rmdir()
            except OSError:
                warn_once(f"dir:{p}", f"cache entry {str(p)!r} is a folder that is not empty; not replacing it")
                return False
        _write_file(p, MAGIC + hashlib.sha256(payload).digest() + payload)
    except OSError as e:
        warn_once(f"write:{directory()}", f"cannot write the cache in {str(directory())!r} "
                  f"({e.strerror or e}); going on without it")
        return False
    return True


def is_miss(value: Any) -> bool:
    return value is _MISS


def clear() -> int:
    """Remove every entry of every layout (and the run timings); nothing else.  Returns how many entries there were.

    Raises NotACache for a folder that verify did not make (no CACHEDIR.TAG and not the old layout).
    """
    d = directory()
    if not d.exists():
        return 0
    if not d.is_dir():
        raise NotACache(f"the cache path {str(d)!r} is not a folder; nothing removed")
    if not is_ours(d):
        raise NotACache(f"{str(d)!r} is not a verify cache (no {TAG_NAME}): refusing to delete anything in it")
    n = 0
    for it in sorted(d.iterdir()):
        versioned = it.name[:1] == "v" and it.name[1:].isdigit()
        if it.is_symlink() or not it.is_dir() or not (versioned or _is_hex2(it.name)):
            continue
        if not versioned and any(not (f.is_file() and f.name.endswith(".pkl")) for f in it.iterdir()):
            continue  # a two-hex-digit folder of the old layout holds only entries; this one holds something else
        n += sum(1 for _ in it.rglob("*.pkl") if not _.name.startswith(".tmp-"))
        shutil.rmtree(it)
    try:
        (d / "timings.json").unlink()  # the old layout kept it at the top
    except OSError:
        pass
    return n


def hypothesis_home() -> str:
    """Where hypothesis keeps its own files (its constants cache, charmaps) for this process and its workers.

    Hypothesis writes ``.hypothesis/`` in the current directory by default: a user's folder is not ours to
    fill.  Unless $HYPOTHESIS_STORAGE_DIRECTORY names a place, it is a folder inside the cache (kept, it only
    saves work) or, when the cache cannot be written, a temporary folder removed at exit.
    """
    import atexit

    where = os.environ.get("HYPOTHESIS_STORAGE_DIRECTORY")
    if not where:
        if enabled() and ready():
            where = str(entries() / "hypothesis")
        else:
            where = tempfile.mkdtemp(prefix="verify-hypothesis-")
            _PRIVATE.append(where)
            atexit.register(shutil.rmtree, where, True)
        os.environ["HYPOTHESIS_STORAGE_DIRECTORY"] = where
    try:
        from hypothesis.configuration import set_hypothesis_home_dir

        set_hypothesis_home_dir(where)
    except ImportError:  # pragma: no cover
        pass
    return where
