"""The verify command as a person uses it: lookups, checks, reports, and bad input."""
import json
import os
import subprocess
import sys

import pytest

from verify.faces.cli import main


def run(*args, cwd=None):
    """Run the CLI in a subprocess (exit code, stdout, stderr), as a terminal user would."""
    p = subprocess.run([sys.executable, "-m", "verify.faces.cli", *args], capture_output=True, text=True, cwd=cwd,
                       env={**os.environ, "PYTHONPATH": os.getcwd()})
    return p.returncode, p.stdout, p.stderr


@pytest.mark.parametrize(
    "args, needle",
    [
        (["show", "eq:8.200"], "eq:8.20"),  # nearest labels suggested
        (["show", "lemma:8.99"], "lemma"),
        (["check", "sec:9.9"], "8."),
        (["check", "--profile", "fast", "eq:8.8"], "ci"),
        (["report", "--out", "/nonexistent/dir/R.md"], "does not exist"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, needle, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("verify: error:")
    assert needle in err


def test_unknown_label_in_a_subprocess_has_no_traceback():
    code, out, err = run("show", "8.999")
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_list_shows_claims_of_a_section(capsys):
    assert main(["list", "8.3.1"]) == 0
    out = capsys.readouterr().out
    assert "eq:8.8" in out and "thm:8.7" in out and "lemma:8.18" not in out


def test_show_prints_printed_form_derivation_and_verdict(capsys):
    assert main(["show", "8.8", "--check"]) == 0
    out = capsys.readouterr().out
    assert "printed:" in out and "derivation" in out and "verdict: verified [checked now, ci profile, seed 0]" in out
    assert "used by:" in out and "eq:8.9" in out


def test_show_reads_stored_evidence_and_runs_nothing_without_check(capsys):
    assert main(["show", "eq:8.8"]) == 0
    out = capsys.readouterr().out
    assert "verdict: verified [stored in " in out and "checked now" not in out
    assert "derivation [stored in " in out  # the steps results.json stores, not a fresh run


def test_show_accepts_a_claim_id(capsys):
    """Claims about in-text formulas have ids like sec:8.3.1:pca-gradient; show finds them."""
    assert main(["show", "sec:8.3.1:pca-gradient"]) == 0
    out = capsys.readouterr().out
    assert "-- claim sec:8.3.1:pca-gradient" in out and "verdict: erratum" in out


def test_show_suggests_claim_ids_for_a_misspelt_one(capsys):
    assert main(["show", "sec:8.3.1:pca-gradiant"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sec:8.3.1:pca-gradient" in err


def test_show_latex(capsys):
    assert main(["show", "eq:8.9", "--latex", "--check"]) == 0
    out = capsys.readouterr().out
    assert "verdict: erratum" in out and r"\langle v, x \rangle" in out and "v^\\top M v" in out


def test_check_writes_json_atomically(tmp_path, capsys):
    out = tmp_path / "r.json"
    assert main(["check", "eq:8.8", "eq:8.9", "--json", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert doc["schema"] == 3 and {c["id"] for c in doc["claims"]} == {"eq:8.8", "eq:8.9"}
    assert len(doc["equations"]) == 168
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left behind


def test_failed_write_leaves_no_half_written_file(tmp_path, capsys):
    target = tmp_path / "ro"
    target.mkdir()
    target.chmod(0o500)
    try:  # refused by its mode bits, even when running as root
        assert main(["check", "eq:8.8", "--json", str(target / "r.json")]) == 2
        assert list(target.iterdir()) == []
    finally:
        target.chmod(0o700)


def test_parallel_run_gives_the_same_results(tmp_path, capsys):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["check", "eq:8.8", "eq:8.9", "remark:8.8", "--json", str(a)]) == 0
    assert main(["check", "eq:8.8", "eq:8.9", "remark:8.8", "--jobs", "2", "--json", str(b)]) == 0
    da, db = json.loads(a.read_text()), json.loads(b.read_text())
    for d in (da, db):
        d.pop("generated")
        for c in d["claims"]:
            c.pop("seconds")
    assert da == db
