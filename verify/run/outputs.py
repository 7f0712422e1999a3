"""Output paths: validated before any work starts, written atomically (whole or absent).

A path is refused (one-line OutputError) when it is empty, a directory, in a missing
or read-only directory, read-only itself (judged by its mode bits too, so root is
refused as well), or an existing file that is not a previous output of ours (a
results.json or a report) unless ``force``; two outputs may not be the same file.
"""
from __future__ import annotations

import json
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
