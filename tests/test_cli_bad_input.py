"""Bad input to the verify command: exit 2, one line on stderr, no traceback, no lost or half-written file.

Every case runs the command in a scratch directory that holds a copy of README.md,
pyproject.toml and a results.json of ours, and afterwards the directory must be exactly
as before: nothing overwritten, nothing left behind. Output paths are validated before
any work starts, so each case is quick even when it names a whole report run. The cases
run in-process (main()); a sample of them also as subprocesses, as a user would.
"""
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NINES = "8." + "9" * 10_000
OURS = {"schema": 1, "generated": "2026-01-01T00:00:00+00:00", "profile": "ci", "seed": 0, "versions": {},
        "claims": [{"id": "eq:8.8", "status": "verified"}, {"id": "eq:8.9", "status": "erratum"}],
        "equations": {}}


@pytest.fixture
def scratch(tmp_path):
    shutil.copy(ROOT / "README.md", tmp_path / "README.md")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "results.json").write_text(json.dumps(OURS))
    (tmp_path / "report.md").write_text("# nonconvex-verify report: Chapter 8\n")
    (tmp_path / "ro.json").write_text(json.dumps(OURS))
    (tmp_path / "ro.json").chmod(0o444)
    (tmp_path / "rodir").mkdir()
    (tmp_path / "rodir").chmod(0o555)
    (tmp_path / "adir").mkdir()
    (tmp_path / "empty.json").write_text("[]")
    (tmp_path / "ints.json").write_text('{"claims": [1, 2]}')
    (tmp_path / "str.json").write_text('{"claims": "all"}')
    (tmp_path / "garbage.json").write_text("not json at all {")
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00\x81garbage")
    (tmp_path / "afile").write_text("x")
    yield tmp_path
    (tmp_path / "rodir").chmod(0o755)
    (tmp_path / "ro.json").chmod(0o644)


def snapshot(d: Path) -> dict:
    return {str(p.relative_to(d)): (p.read_bytes() if p.is_file() else None, p.stat().st_mode)
            for p in sorted(d.rglob("*"))}


def verify(*args, cwd):
    p = subprocess.run([sys.executable, "-m", "verify.faces.cli", *args], capture_output=True, text=True, cwd=cwd,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    return p.returncode, p.stdout, p.stderr


CASES = {
    # labels and sections
    "huge label (show)": (["show", NINES], "too long"),
    "huge label (check)": (["check", NINES], "too long"),
    "huge label (list)": (["list", NINES], "too long"),
    "unknown equation": (["show", "eq:8.200"], "eq:8.20"),
    "unknown lemma": (["show", "lemma:8.99"], "lemma"),
    "empty label": (["show", ""], "empty label"),
    "blank label": (["show", "   "], "empty label"),
    "two labels on two lines": (["show", "8.8\n8.9"], "unknown label"),
    "misspelt claim id": (["show", "sec:8.3.1:pca-gradiant"], "sec:8.3.1:pca-gradient"),
    "unknown section (check)": (["check", "sec:9.9"], "unknown section"),
    "unknown section (list)": (["list", "sec:9.9"], "unknown section"),
    "neither kind nor label (list)": (["list", "identities"], "unknown label"),
    "unknown bare number (check)": (["check", "8.999"], "nearest"),
    "non-ascii label": (["show", "é∑8"], "unknown label"),
    # profiles and numbers
    "unknown profile (check)": (["check", "--profile", "fast", "eq:8.8"], "ci"),
    "unknown profile (report)": (["report", "--profile", "nonsense"], "report"),
    "--jobs 0": (["check", "--jobs", "0", "eq:8.8"], "positive"),
    "--jobs -3": (["check", "--jobs", "-3", "eq:8.8"], "positive"),
    "--jobs abc": (["check", "--jobs", "abc", "eq:8.8"], "positive"),
    "--jobs 0 (report)": (["report", "--jobs", "0"], "positive"),
    "negative seed": (["check", "--seed", "-1", "eq:8.8"], "--seed"),
    "huge seed": (["check", "--seed", "9" * 5000, "eq:8.8"], "--seed"),
    "unknown command": (["frobnicate"], "invalid choice"),
    "unknown option": (["check", "--frobnicate", "eq:8.8"], "unrecognized"),
    # output paths: refused before any work, nothing written
    "--json ''": (["check", "eq:8.8", "--json", ""], "empty output path"),
    "--json in /proc": (["check", "eq:8.8", "--json", "/proc/x"], "/proc"),
    "--json README.md": (["check", "eq:8.8", "--json", "README.md"], "not an output of verify"),
    "--json pyproject.toml": (["check", "eq:8.8", "--json", "pyproject.toml"], "--force"),
    "--json results.json after a subset run": (["check", "eq:8.8", "--json", "results.json"], "does not check"),
    "--json read-only file": (["check", "eq:8.8", "--json", "ro.json"], "read-only"),
    "--json in read-only directory": (["check", "eq:8.8", "--json", "rodir/r.json"], "not writable"),
    "--json in missing directory": (["check", "eq:8.8", "--json", "nodir/r.json"], "does not exist"),
    "--json is a directory": (["check", "eq:8.8", "--json", "adir"], "directory"),
    "report --out == --json": (["report", "--out", "x.md", "--json", "x.md"], "same file"),
    "report --out == --json, spelt apart": (["report", "--out", "x.md", "--json", "./adir/../x.md"], "same file"),
    "report --out README.md": (["report", "--out", "README.md", "--json", "r.json"], "not an output"),
    "report --out in missing directory": (["report", "--out", "/nonexistent/dir/R.md"], "does not exist"),
    "report --json read-only": (["report", "--out", "report.md", "--json", "ro.json"], "read-only"),
    "report --figures is a file": (["report", "--out", "new.md", "--json", "new.json", "--figures", "afile"],
                                   "not a directory"),
    "report --figures ''": (["report", "--out", "new.md", "--json", "new.json", "--figures", ""], "empty"),
    # results files
    "--results is a directory (list)": (["list", "--results", "adir"], "directory"),
    "--results is [] (list)": (["list", "--results", "empty.json"], "not a results.json"),
    "--results has claims [1, 2] (list)": (["list", "--results", "ints.json"], "claim entry 0"),
    "--results has claims 'all' (show)": (["show", "eq:8.8", "--results", "str.json"], "not a results.json"),
    "--results is garbage (list)": (["list", "--results", "garbage.json"], "not JSON"),
    "--results is binary (show)": (["show", "eq:8.8", "--results", "binary.json"], "cannot read"),
    "--results is missing (show)": (["show", "eq:8.8", "--results", "missing.json"], "does not exist"),
    "--results ''": (["list", "--results", ""], "empty results path"),
    # the commands and options added beside the hardening
    "site --out in an unwritable place": (["site", "--out", "/proc/verify-site"], "cannot write site"),
    "site --serve not a port": (["site", "--serve", "99999"], "not a port"),
    "cache with an unknown action": (["cache", "wipe"], "invalid choice"),
    "--scheduler neither local nor an address": (["check", "eq:8.8", "--scheduler", "garbage"], "--scheduler"),
    "--strength unknown": (["list", "--strength", "strong"], "unknown strength"),
}


def check_case(code, out, err, needle):
    assert code == 2, (code, out, err)
    assert "Traceback" not in err and err.startswith("verify: error:") and err.count("\n") == 1, err
    assert needle in err, err
    assert len(err) < 400


@pytest.mark.parametrize("args, needle", CASES.values(), ids=list(CASES))
def test_bad_input_is_one_line_exit_2_and_touches_nothing(args, needle, scratch, monkeypatch, capsys):
    from verify.faces.cli import main

    monkeypatch.chdir(scratch)
    before = snapshot(scratch)
    code = main(args)
    out, err = capsys.readouterr()
    check_case(code, out, err, needle)
    assert snapshot(scratch) == before  # no file lost, replaced or half-written, no temp file left


SAMPLE = ["huge label (show)", "--json in /proc", "--json README.md", "report --out == --json", "--jobs -3",
          "--results is a directory (list)", "--results is garbage (list)", "unknown section (check)"]


@pytest.mark.parametrize("name", SAMPLE)
def test_bad_input_in_a_subprocess(name, scratch):
    args, needle = CASES[name]
    before = snapshot(scratch)
    check_case(*verify(*args, cwd=scratch), needle)
    assert snapshot(scratch) == before


def test_the_battery_is_big_enough():
    assert len(CASES) >= 30


def test_force_overwrites_a_file_that_is_not_ours(scratch, monkeypatch, capsys):
    from verify.faces.cli import main

    monkeypatch.chdir(scratch)
    assert main(["check", "eq:8.8", "--json", "pyproject.toml", "--force"]) == 0
    assert json.loads((scratch / "pyproject.toml").read_text())["claims"][0]["id"] == "eq:8.8"


def test_a_previous_output_of_ours_covering_the_run_is_replaced(scratch, monkeypatch, capsys):
    from verify.faces.cli import main

    monkeypatch.chdir(scratch)
    assert main(["check", "eq:8.8", "eq:8.9", "--json", "results.json"]) == 0
    assert {c["id"] for c in json.loads((scratch / "results.json").read_text())["claims"]} == {"eq:8.8", "eq:8.9"}


def test_results_are_found_beside_the_project_from_any_directory(tmp_path):
    """From another directory the project's results.json is read (not ./results.json)."""
    code, out, err = verify("list", "8.3.1", cwd=tmp_path)
    assert code == 0 and err == "" and "not run" not in out


def test_a_broken_default_results_file_is_a_warning_naming_it(tmp_path, monkeypatch, capsys):
    from verify.faces import cli, results_reader as stored
    bad = tmp_path / "results.json"
    bad.write_text("[]")
    monkeypatch.setattr(stored, "default_path", lambda: bad)
    assert cli.main(["list", "8.3.1"]) == 0
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "warning" in err and str(bad) in err and "not run" in out


def test_pytest_reports_a_bad_profile_once_as_a_usage_error(tmp_path):
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--verify-profile",
                        "nonsense", str(ROOT / "tests" / "chapter8.verify")],
                       capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)},
                       timeout=120)
    text = p.stdout + p.stderr
    assert p.returncode == 4, text[-2000:]  # pytest's usage-error exit status
    assert "unknown profile 'nonsense'" in text and len(text.splitlines()) < 10


def test_an_unreachable_scheduler_is_one_line_exit_2(scratch, monkeypatch, capsys):
    """A --scheduler address nobody answers at: one line naming it, not a distributed traceback."""
    from verify.faces.cli import main

    monkeypatch.chdir(scratch)
    code = main(["check", "eq:8.8", "--no-cache", "--scheduler", "tcp://127.0.0.1:1"])
    out, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "cannot reach the Dask scheduler" in err
