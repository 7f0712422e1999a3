"""A second text runs through the same engine and faces: list, show, check, report, site.

``tests/fixtures/minitext`` is five statements about squares with its own catalog and claims.
Each face runs in a fresh process with ``VERIFY_TEXT=minitext``; afterwards the process
reports which modules it imported, and none may belong to chapter 8: whatever the engine
assumed about chapter 8 has to come through the text's hooks.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CHAPTER = ("verify.chapter8", "numeric.chapter8", "symbolic.chapter8")

_RUN = """
import sys
from verify.faces.cli import main
try:
    rc = main(sys.argv[1:])
except SystemExit as e:
    rc = e.code
bad = sorted(m for m in sys.modules if m.startswith({chapter!r}))
print("CHAPTER8-MODULES", bad, file=sys.stderr)
sys.exit(rc)
"""


def face(*args, tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "VERIFY_TEXT": "minitext", "PYTHONPATH": os.pathsep.join([str(FIXTURES), str(ROOT)]),
           "VERIFY_CACHE_DIR": str(tmp / "cache")}
    p = subprocess.run([sys.executable, "-c", _RUN.format(chapter=CHAPTER), *args], cwd=tmp, env=env,
                       capture_output=True, text=True, timeout=300)
    assert "CHAPTER8-MODULES []" in p.stderr, p.stderr[-2000:]
    return p


@pytest.fixture(scope="module")
def tmp(tmp_path_factory):
    return tmp_path_factory.mktemp("minitext")


def test_list_shows_the_texts_claims(tmp):
    p = face("list", tmp=tmp)
    assert p.returncode == 0, p.stderr
    ids = [ln.split()[0] for ln in p.stdout.splitlines() if ln.strip()]
    assert ids == ["eq:1.1", "eq:1.2", "lemma:1.3", "lemma:1.5", "remark:1.6"]


def test_show_resolves_the_texts_labels(tmp):
    p = face("show", "1.2", tmp=tmp)
    assert p.returncode == 0, p.stderr
    assert "(x + y)^2 = x^2 + y^2" in p.stdout
    bad = face("show", "8.8", tmp=tmp)  # chapter 8's labels mean nothing here
    assert bad.returncode == 2 and "unknown label" in bad.stderr


def test_check_and_report_give_the_declared_verdicts(tmp):
    p = face("check", "--json", str(tmp / "check.json"), tmp=tmp)
    assert p.returncode == 0, p.stdout + p.stderr
    r = face("report", "--profile", "ci", "--out", str(tmp / "REPORT.md"), "--json", str(tmp / "results.json"),
             tmp=tmp)
    assert r.returncode == 0, r.stdout + r.stderr
    doc = json.loads((tmp / "results.json").read_text())
    status = {c["id"]: c["status"] for c in doc["claims"]}
    assert status == {"eq:1.1": "verified", "eq:1.2": "erratum", "lemma:1.3": "verified",
                      "lemma:1.5": "verified", "remark:1.6": "informal"}
    by = {c["id"]: c for c in doc["claims"]}
    assert all(c["mutants"]["killed"] == c["mutants"]["total"] for c in doc["claims"])
    assert by["eq:1.1"]["strength"] == "proved" and by["lemma:1.3"]["strength"] == "sampled"
    assert set(doc["equations"]) == {"1.1", "1.2", "1.4"}
    report = (tmp / "REPORT.md").read_text()
    assert "Chapter 1, Squares" in report and "eq:1.2" in report


def test_site_builds_from_the_texts_results(tmp):
    if not (tmp / "results.json").exists():
        test_check_and_report_give_the_declared_verdicts(tmp)
    p = face("site", "--out", str(tmp / "site"), "--results", str(tmp / "results.json"), tmp=tmp)
    assert p.returncode == 0, p.stdout + p.stderr
    front = (tmp / "site" / "index.html").read_text()
    assert "Squares" in front and "eq:1.2" in front
    assert (tmp / "site" / "errata.html").exists()
