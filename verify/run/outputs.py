"""Output paths: validated before any work starts, written atomically (whole or absent), several as one set.

``write_set`` writes REPORT.md, results.json and the figures as a set (staged, a journal, the renames):
a kill leaves the old set or the new one.  Figures follow the rule of ``--json``: a PNG verify did not
write (no mark inside it, not linked by a report of ours) is replaced only with ``force``.

A path is refused (one-line OutputError) when it is empty, a directory, in a missing
or read-only directory, read-only itself (judged by its mode bits too, so root is
refused as well), or an existing file that is not a previous output of ours (a
results.json or a report) unless ``force``; two outputs may not be the same file.
"""
from __future__ import annotations

import json
import struct
import zlib
import os
import stat
import tempfile
from pathlib import Path


class OutputError(ValueError):
    """An output path that cannot be written (one-line message)."""


def _show(p) -> str:
    s = " ".join(str(p).split())
    return repr(s if len(s) <= 120 else s[:100] + "…")


def _no_write_bits(p: Path) -> bool:
    try:
        return not (p.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    except OSError:
        return False


def _probe(parent: Path) -> None:
    """Create and remove a temp file in ``parent``: the only sure test that it takes files (/proc, a full disk)."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=".verify-probe.", dir=parent)
    except OSError as e:
        raise OutputError(f"cannot write in {_show(parent)}: {e.strerror or e}") from None
    os.close(fd)
    os.unlink(tmp)


def is_our_output(p: Path) -> bool:
    """Whether an existing file is something ``verify`` wrote: a results.json document or a report."""
    try:
        with open(p, "rb") as fh:
            head = fh.read(200)
    except OSError:
        return False
    if head.startswith(b"# nonconvex-verify report"):
        return True
    if head.lstrip().startswith(b"{"):
        try:
            doc = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return isinstance(doc, dict) and "schema" in doc and isinstance(doc.get("claims"), list) and "generated" in doc
    return False


def check_writable(path: str | os.PathLike, force: bool = True) -> Path:
    """Refuse a path we cannot or should not write (see the module docstring); return it as a Path.

    ``force=True`` (the default, for internal writes) skips the "not ours" test.
    """
    if str(path).strip() == "":
        raise OutputError("empty output path")
    p = Path(path)
    parent = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise OutputError(f"cannot write {_show(p)}: it is a directory")
    if not parent.is_dir():
        raise OutputError(f"cannot write {_show(p)}: directory {_show(parent)} does not exist")
    if not os.access(parent, os.W_OK) or _no_write_bits(parent):
        raise OutputError(f"cannot write {_show(p)}: directory {_show(parent)} is not writable")
    if p.exists() or p.is_symlink():
        if not p.is_file():
            raise OutputError(f"cannot write {_show(p)}: not a regular file")
        if not os.access(p, os.W_OK) or _no_write_bits(p):
            raise OutputError(f"cannot write {_show(p)}: file is read-only")
        if not force and not is_our_output(p):
            raise OutputError(f"refusing to overwrite {_show(p)}: it is not an output of verify (use --force)")
    _probe(parent)
    return p


def check_outputs(paths: dict[str, str | os.PathLike | None], force: bool = False) -> dict[str, Path]:
    """Validate several named outputs (``{"--out": ..., "--json": ...}``) before any work: each writable, all distinct."""
    out: dict[str, Path] = {}
    seen: dict[str, str] = {}
    for name, path in paths.items():
        if path is None:
            continue
        p = check_writable(path, force=force)
        key = os.path.realpath(p)
        if key in seen:
            raise OutputError(f"{seen[key]} and {name} name the same file {_show(p)}")
        seen[key] = name
        out[name] = p
    return out


def write_atomic(path: str | os.PathLike, data: str | bytes) -> None:
    p = check_writable(path)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", dir=p.parent or ".")
    try:
        with os.fdopen(fd, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is for reading
        os.replace(tmp, p)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


# --- figures: ours by a mark inside the PNG ---------------------------------------------------------------------
PNG_SIG = b"\x89PNG\r\n\x1a\n"
PNG_MARK = b"nonconvex-verify\x00figure"  # a tEXt chunk (keyword, NUL, text): "verify drew this"


def _chunks(data: bytes):
    i = len(PNG_SIG)
    while i + 8 <= len(data):
        (n,) = struct.unpack(">I", data[i:i + 4])
        yield data[i + 4:i + 8], data[i + 8:i + 8 + n], i
        i += 12 + n


def mark_png(data: bytes) -> bytes:
    """The PNG with a tEXt chunk saying verify drew it (after IHDR); other bytes unchanged.  Idempotent."""
    if not data.startswith(PNG_SIG) or is_marked_png(data):
        return data
    for kind, body, at in _chunks(data):
        if kind == b"IHDR":
            end = at + 12 + len(body)
            chunk = struct.pack(">I", len(PNG_MARK)) + b"tEXt" + PNG_MARK + \
                struct.pack(">I", zlib.crc32(b"tEXt" + PNG_MARK) & 0xFFFFFFFF)
            return data[:end] + chunk + data[end:]
    return data


def is_marked_png(data: bytes) -> bool:
    return data.startswith(PNG_SIG) and any(k == b"tEXt" and b == PNG_MARK for k, b, _ in _chunks(data[:4096]))


def figure_is_ours(p: Path, reports: list[Path] = ()) -> bool:
    """A PNG verify wrote: it carries the mark, or (figures written before the mark) a report of ours links it."""
    try:
        with open(p, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    if is_marked_png(head):
        return True
    for r in reports:
        try:
            if is_our_output(r) and Path(os.path.relpath(p, r.parent)).as_posix() in r.read_text(encoding="utf-8"):
                return True
        except (OSError, ValueError):
            continue
    return False


def check_figures(d: Path, names, force: bool = False, reports: list[Path] = ()) -> None:
    """Refuse (before any work) to replace a PNG in ``d`` that verify did not write, unless ``force``."""
    if force or not d.is_dir():
        return
    for name in names:
        p = d / name
        if p.is_symlink() or (p.exists() and not p.is_file()):
            raise OutputError(f"cannot write figure {_show(p)}: not a regular file")
        if p.exists() and not figure_is_ours(p, reports):
            raise OutputError(f"refusing to overwrite {_show(p)}: it is not a figure verify drew (use --force, "
                              f"or another --figures)")


# --- a set of outputs: the old set or the new one, never a mix ----------------------------------------------------
JOURNAL = ".verify-commit.json"


def _stage(p: Path, data: str | bytes) -> Path:
    fd, tmp = tempfile.mkstemp(prefix=f".verify-staged.{p.name}.", dir=p.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data if isinstance(data, bytes) else data.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return Path(tmp)


def finish_pending(dirs) -> int:
    """Complete a set that a kill interrupted between its renames (roll forward from its journal); returns how many
    files it moved into place.  Called before a new set is written to the same folders."""
    moved = 0
    for d in {Path(x).resolve() for x in dirs}:
        j = d / JOURNAL
        try:
            pairs = json.loads(j.read_text(encoding="utf-8"))["rename"]
        except (OSError, ValueError, KeyError, TypeError):
            continue
        for tmp, target in pairs:
            if os.path.exists(tmp):
                os.replace(tmp, target)
                moved += 1
        try:
            j.unlink()
        except OSError:
            pass
    return moved


def write_set(files: dict[Path, str | bytes]) -> None:
    """Write several outputs as one: each is staged beside its target (the slow part, the disk filling up, happen
    here, and a failure leaves every target as it was), then a journal naming the renames is written atomically,
    the renames done, the journal removed.  A kill during the renames leaves the journal, and the next run's
    ``finish_pending`` completes them: a reader finds the old set or the new one."""
    targets = [check_writable(p) for p in files]
    home = targets[0].parent
    finish_pending({t.parent for t in targets})
    staged: list[tuple[Path, Path]] = []
    try:
        for t, data in zip(targets, files.values()):
            staged.append((_stage(t, data), t))
        write_atomic(home / JOURNAL, json.dumps({"rename": [[str(s.resolve()), str(t.resolve())] for s, t in staged]}))
    except BaseException:
        for s, _ in staged:
            try:
                os.unlink(s)
            except OSError:
                pass
        raise
    try:
        for s, t in staged:
            os.replace(s, t)
    finally:  # interrupted between two renames: finish them from the journal now (idempotent)
        finish_pending([home])
