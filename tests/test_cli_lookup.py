"""Lookups as a new user meets them: labels mean the same in every command, output is readable."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from verify.engine import registry
from verify.faces.cli import build_parser, main
from verify.engine.render import table

ROOT = Path(__file__).resolve().parents[1]


def ids_listed(capsys, *args):
    assert main(["list", *args]) == 0
    return [ln.split()[0] for ln in capsys.readouterr().out.splitlines()]


def test_a_bare_number_means_the_same_for_list_and_check(capsys):
    """8.3 is the objects numbered 8.3 (eq:8.3, thm:8.3, figure:8.3) in list, check and show; not section 8.3."""
    listed = ids_listed(capsys, "8.3")
    assert listed == [c.id for c in registry.select(["8.3"])]
    assert "eq:8.3" in listed and "lemma:8.17" not in listed
    assert main(["list", "8.3"]) == 0
    assert "sec:8.3" in capsys.readouterr().err  # the note says how to name the section


def test_a_section_is_named_with_its_prefix(capsys):
    listed = ids_listed(capsys, "sec:8.3")
    assert "lemma:8.17" in listed and "eq:8.8" in listed


def test_list_of_a_label_lists_its_claims(capsys):
    assert ids_listed(capsys, "eq:8.8") == ["eq:8.8"]


def test_list_of_a_kind(capsys):
    listed = ids_listed(capsys, "definition")
    assert listed and all(registry.get(i).kind == "definition" for i in listed)


def test_show_of_a_bare_number_prints_every_object_with_that_number(capsys):
    assert main(["show", "8.8"]) == 0
    out = capsys.readouterr().out
    assert "== eq:8.8" in out and "== remark:8.8" in out and "== figure:8.8" in out


def test_show_prints_a_continued_display_with_its_left_hand_side(capsys):
    assert main(["show", "eq:8.8"]) == 0
    assert r"printed: \frac{1}{2} \langle v, \nabla^2 g(x) v \rangle = 2\langle x, v" in capsys.readouterr().out


def test_show_never_prints_none_and_names_the_source_of_its_numbers(capsys):
    assert main(["show", "lemma:8.17"]) == 0
    out = capsys.readouterr().out
    assert "None" not in out and "verdict: verified [stored in " in out and "profile, seed" in out


def test_show_check_labels_printed_and_corrected_derivations_apart(capsys):
    assert main(["show", "eq:8.9", "--check"]) == 0
    out = capsys.readouterr().out
    assert "derivation, printed form:" in out and "derivation, corrected form:" in out
    assert "[checked now, ci profile, seed 0]" in out and "[stored in " in out


def test_tables_keep_numbers_whole():
    rows = [{"n": 8, "p": 8, "least-squares residual": 0.0015043268390867788, "x": 1e-17}, {"n": 3, "p": 3}]
    text = table(rows)
    assert "0.001504" in text and "1e-17" in text and "–" in text
    assert len(text.splitlines()) == 3


def test_help_gives_choices_and_defaults():
    for cmd in ("check", "report"):
        sub = build_parser()._subparsers._group_actions[0].choices[cmd]
        text = sub.format_help()
        assert "{ci,report,thorough}" in text and "(default: 0)" in text
        for opt in ("--profile", "--seed", "--json", "--jobs", "--force"):
            assert opt in text
    report = " ".join(build_parser()._subparsers._group_actions[0].choices["report"].format_help().split())
    assert "(default: REPORT.md)" in report and "--figures" in report and "beside --out" in report


def test_check_streams_its_lines_when_piped():
    """The first verdict arrives while later claims are still running (stdout is flushed per claim)."""
    p = subprocess.Popen([sys.executable, "-m", "verify.faces.cli", "check", "eq:8.8", "lemma:8.17"], cwd=ROOT,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True)
    try:
        first = p.stdout.readline()
        still_running = p.poll() is None
    finally:
        p.kill()
        p.wait()
    assert first.startswith("ok  eq:8.8") and still_running


def test_report_writes_figures_where_it_says(tmp_path, monkeypatch, capsys):
    """--figures puts the figures there, the report links them relative to itself, and the last line names the directory."""
    import verify.chapter8.figures as figures

    one = [c for c in registry.all_claims() if c.id == "eq:8.8"]
    monkeypatch.setattr(registry, "all_claims", lambda: one)
    monkeypatch.setattr(figures, "draw_all", lambda profile, seed: [("f.png", "a figure", b"\x89PNG fake")])
    (tmp_path / "out").mkdir()
    (tmp_path / "figs").mkdir()
    assert main(["report", "--profile", "ci", "--jobs", "1", "--out", str(tmp_path / "out" / "R.md"),
                 "--json", str(tmp_path / "out" / "r.json"), "--figures", str(tmp_path / "figs")]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / "figs" / "f.png").read_bytes() == b"\x89PNG fake"
    assert not (tmp_path / "out" / "figures").exists()
    assert "../figs/f.png" in (tmp_path / "out" / "R.md").read_text()
    assert f"1 figure(s) in {tmp_path / 'figs'}" in out
