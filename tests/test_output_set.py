"""REPORT.md, results.json and the figures are written as one set (verify.run.outputs.write_set), and figures
follow the ownership rule of --json: a kill leaves the old set or the new one, a foreign PNG is refused."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from verify.run import outputs

ROOT = Path(__file__).resolve().parents[1]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + b"\x00" * 13 + b"\x00\x00\x00\x00" + b"\x00\x00\x00\x00IEND\xaeB`\x82"


def _set(d: Path, tag: str) -> dict:
    return {d / "REPORT.md": f"# nonconvex-verify report {tag}\n", d / "results.json": f'{{"tag": "{tag}"}}\n',
            d / "figures" / "a.png": outputs.mark_png(PNG + tag.encode())}


def _read(d: Path) -> set:
    return {(d / "REPORT.md").read_text().split()[-1], (d / "results.json").read_text().split('"')[-2],
            (d / "figures" / "a.png").read_bytes()[-3:].decode()}


def test_a_set_replaces_a_set(tmp_path):
    (tmp_path / "figures").mkdir()
    outputs.write_set(_set(tmp_path, "old"))
    outputs.write_set(_set(tmp_path, "new"))
    assert _read(tmp_path) == {"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["REPORT.md", "figures", "results.json"]


def test_a_kill_between_two_renames_is_finished_from_the_journal(tmp_path):
    """The renames run in a child that is SIGKILLed after the first: a reader then sees a mix, until the next
    write of the set (or finish_pending) completes it from the journal: the new set, whole."""
    (tmp_path / "figures").mkdir()
    outputs.write_set(_set(tmp_path, "old"))
    code = f"""
import os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from verify.run import outputs
import tests.test_output_set as t
real, n = os.replace, []
def replace(a, b):
    real(a, b)
    n.append(1)
    if len(n) == 2:  # the journal, then the first output
        os.kill(os.getpid(), signal.SIGKILL)
outputs.os.replace = replace
outputs.write_set(t._set(Path({str(tmp_path)!r}), "new"))
"""
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == -9, p.stderr
    assert _read(tmp_path) == {"old", "new"}, "the kill came between the renames"
    assert (tmp_path / outputs.JOURNAL).exists()
    assert outputs.finish_pending([tmp_path]) == 2
    assert _read(tmp_path) == {"new"} and not (tmp_path / outputs.JOURNAL).exists()
    assert not [p for p in tmp_path.rglob(".verify-staged.*")]


def test_an_interrupt_between_two_renames_finishes_them(tmp_path, monkeypatch):
    (tmp_path / "figures").mkdir()
    outputs.write_set(_set(tmp_path, "old"))
    real, n = os.replace, []

    def replace(a, b):
        real(a, b)
        n.append(1)
        if len(n) == 2:  # the journal, then the first output
            raise KeyboardInterrupt

    monkeypatch.setattr(outputs.os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        outputs.write_set(_set(tmp_path, "new"))
    assert _read(tmp_path) == {"new"}


def test_figures_are_marked_and_recognised():
    marked = outputs.mark_png(PNG)
    assert outputs.is_marked_png(marked) and not outputs.is_marked_png(PNG)
    assert outputs.mark_png(marked) == marked
    assert marked.replace(b"\x00\x00\x00\x19tEXtnonconvex-verify\x00figure", b"")[:len(PNG) - 12] == PNG[:len(PNG) - 12]


def test_a_png_verify_did_not_draw_is_refused_without_force(tmp_path):
    (tmp_path / "a.png").write_bytes(PNG)
    with pytest.raises(outputs.OutputError, match="not a figure verify drew"):
        outputs.check_figures(tmp_path, ["a.png"])
    outputs.check_figures(tmp_path, ["a.png"], force=True)
    (tmp_path / "a.png").write_bytes(outputs.mark_png(PNG))
    outputs.check_figures(tmp_path, ["a.png"])
    # figures drawn before the mark: a report of ours that links them vouches for them
    (tmp_path / "b.png").write_bytes(PNG)
    report = tmp_path / "REPORT.md"
    report.write_text("# nonconvex-verify report\n![b](b.png)\n")
    outputs.check_figures(tmp_path, ["b.png"], reports=[report])
