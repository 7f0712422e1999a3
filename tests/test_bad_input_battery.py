"""The bad-input battery, part II (issue 22): hostile cases that act on the process, run as a user runs them.

Each case is a subprocess (pipes, locales, /dev/full, FIFOs, signals, environment variables and
schedulers are process-level), and each ends as the contract says: exit 2 with one line on stderr
naming the problem, or 130 on an interrupt, with no traceback, and nothing lost (the scratch
folder is as before, or holds the outputs the run owed).  Two cases that need a disk that fills
up after the work use a small mock in-process (no tmpfs is needed).  ``CASES`` is the table of the
one-line cases; the others are tests of their own below.  Every case takes seconds: lookups import
no claim, and the checks named are cheap (eq:8.8) or refused before any work.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
OURS = {"schema": 2, "generated": "2026-01-01T00:00:00+00:00", "profile": "ci", "seed": 0, "versions": {},
        "claims": [{"id": "eq:8.8", "status": "verified"}, {"id": "eq:8.9", "status": "erratum"}],
        "equations": {}}


def _doc(**claim):
    return {**OURS, "claims": [{"id": "eq:8.8", "status": "verified", **claim}]}


@pytest.fixture
def scratch(tmp_path):
    d = tmp_path / "work"
    d.mkdir()
    (d / "results.json").write_text(json.dumps(OURS))
    (d / "thesis.tex").write_text("\\documentclass{book}\n")
    (d / "schema99.json").write_text(json.dumps({**OURS, "schema": 99}))
    (d / "schema-str.json").write_text(json.dumps({**OURS, "schema": "2"}))
    (d / "deep.json").write_text("[" * 200_000 + "]" * 200_000)
    (d / "deep-claims.json").write_text('{"claims": ' + "[" * 100_000 + "]" * 100_000 + "}")
    (d / "mutants-str.json").write_text(json.dumps(_doc(mutants="all of them")))
    (d / "methods-int.json").write_text(json.dumps(_doc(methods=3)))
    (d / "fits-str.json").write_text(json.dumps(_doc(fits=["-0.5"])))
    (d / "examples-str.json").write_text(json.dumps(_doc(examples="500")))
    (d / "notes-obj.json").write_text(json.dumps(_doc(notes=[{"a": 1}])))
    (d / "killed-str.json").write_text(json.dumps(_doc(mutants={"total": 1, "killed": "1", "list": []})))
    (d / "equations-list.json").write_text(json.dumps({**OURS, "equations": ["8.1"]}))
    os.mkfifo(d / "fifo.json")
    return d


def snapshot(d: Path) -> dict:
    return {str(p.relative_to(d)): (p.read_bytes() if p.is_file() and not p.is_fifo() else None)
            for p in sorted(d.rglob("*"))}


def env_for(cache: Path, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERIFY_", "HYPOTHESIS_"))}
    return {**env, "PYTHONPATH": str(ROOT), "VERIFY_CACHE_DIR": str(cache), **extra}


def verify(*args, cwd, env=None, timeout=120, **kw):
    p = subprocess.run([sys.executable, "-m", "verify.faces.cli", *args], capture_output=True, text=True, cwd=cwd,
                       env=env or env_for(Path(cwd).parent / "cache"), timeout=timeout, **kw)
    return p.returncode, p.stdout, p.stderr


def one_line(code, err, needle, want=2, notes=False):
    """Exit ``want``, one error line holding ``needle``, no traceback (``notes``: warnings and notes may precede it)."""
    assert code == want, (code, err)
    lines = err.splitlines()
    if notes:
        assert all(ln.startswith(("verify: warning:", "verify: note:")) for ln in lines[:-1]), err
        lines = lines[-1:]
    assert "Traceback" not in err and len(lines) == 1 and lines[0].startswith("verify: error:"), err
    assert needle in err, err


# the one-line cases: arguments, and a needle the message must hold
CASES = {
    "list ''": (["list", ""], "empty label"),
    "list '  '": (["list", "  "], "empty label"),
    "--results is a FIFO (list)": (["list", "--results", "fifo.json"], "not a regular file"),
    "--results is a FIFO (show)": (["show", "8.8", "--results", "fifo.json"], "not a regular file"),
    "--results /dev/zero (list)": (["list", "--results", "/dev/zero"], "not a regular file"),
    "--results /dev/zero (site)": (["site", "--out", "s", "--results", "/dev/zero"], "not a regular file"),
    "--results deeply nested (list)": (["list", "--results", "deep.json"], "nested too deeply"),
    "--results deeply nested claims (show)": (["show", "8.8", "--results", "deep-claims.json"], "nested too deeply"),
    "--results schema 99 (list)": (["list", "--results", "schema99.json"], "schema 99"),
    "--results schema 99 (show)": (["show", "8.8", "--results", "schema99.json"], "schema 99"),
    "--results schema 99 (site)": (["site", "--out", "s", "--results", "schema99.json"], "schema 99"),
    "--results schema '2' (list)": (["list", "--results", "schema-str.json"], "schema 2"),
    "mutants is a string (show)": (["show", "8.8", "--results", "mutants-str.json"], "'mutants'"),
    "mutants is a string (site)": (["site", "--out", "s", "--results", "mutants-str.json"], "'mutants'"),
    "methods is a number (show)": (["show", "8.8", "--results", "methods-int.json"], "'methods'"),
    "fits hold strings (show)": (["show", "8.8", "--results", "fits-str.json"], "'fits'"),
    "examples is a string (site)": (["site", "--out", "s", "--results", "examples-str.json"], "'examples'"),
    "notes hold objects (show)": (["show", "8.8", "--results", "notes-obj.json"], "'notes'"),
    "killed is a string (list)": (["list", "--results", "killed-str.json"], "'mutants'"),
    "equations is a list (site)": (["site", "--out", "s", "--results", "equations-list.json"], "'equations'"),
    "--scheduler tcp://": (["check", "eq:8.8", "--no-cache", "--scheduler", "tcp://"], "tcp://host:8786"),
    "--scheduler tls:// without a port": (["check", "eq:8.8", "--no-cache", "--scheduler", "tls://localhost"],
                                          "tcp://host:8786"),
    "--scheduler inproc://": (["check", "eq:8.8", "--no-cache", "--scheduler", "inproc://10.0.0.1/1/1"], "inproc"),
    "--scheduler tcp:// bad port": (["check", "eq:8.8", "--no-cache", "--scheduler", "tcp://127.0.0.1:99999"],
                                    "tcp://host:8786"),
    "--scheduler tls:// nobody there": (["check", "eq:8.8", "--no-cache", "--scheduler", "tls://127.0.0.1:1"],
                                        "cannot reach the Dask scheduler"),
    "--scheduler ws:// nobody there": (["check", "eq:8.8", "--no-cache", "--scheduler", "ws://127.0.0.1:1"],
                                       "cannot reach the Dask scheduler"),
    "cache clear on a folder of user files": (["cache", "clear"], "not a verify cache"),
    "site --out a folder of user files": (["site", "--out", "."], "something other than a site"),
}


def _env_of(args, scratch) -> dict:
    return {"VERIFY_CACHE_DIR": str(scratch if args[:2] == ["cache", "clear"] else scratch.parent / "cache"),
            "VERIFY_SCHEDULER_TIMEOUT": "3"}


@pytest.mark.parametrize("args, needle", CASES.values(), ids=list(CASES))
def test_one_line_exit_2_and_nothing_touched(args, needle, scratch, monkeypatch, capsys):
    """In-process (main()), as tests/test_cli_bad_input.py does; the process-level sample follows."""
    from verify.faces.cli import main

    monkeypatch.chdir(scratch)
    for k, v in _env_of(args, scratch).items():
        monkeypatch.setenv(k, v)
    before = snapshot(scratch)
    code = main(args)
    out, err = capsys.readouterr()
    one_line(code, err, needle)
    assert snapshot(scratch) == before


# as whole processes: the cases that could hang or exhaust memory if they regressed, and a few others
PROCESS = ["--results is a FIFO (list)", "--results /dev/zero (site)", "--results deeply nested (list)",
           "--results schema 99 (show)", "mutants is a string (site)", "--scheduler tls:// nobody there",
           "--scheduler inproc://", "cache clear on a folder of user files", "list ''"]


@pytest.mark.parametrize("name", PROCESS)
def test_one_line_exit_2_as_a_process(name, scratch):
    args, needle = CASES[name]
    before = snapshot(scratch)
    code, out, err = verify(*args, cwd=scratch, env={**env_for(scratch.parent / "cache"), **_env_of(args, scratch)},
                            timeout=90)
    one_line(code, err, needle)
    assert snapshot(scratch) == before


def _closed_stdout(args, cwd, env=None):
    """The command with its stdout a pipe whose reader has gone (what `… | head` becomes once head exits)."""
    r, w = os.pipe()
    os.close(r)
    try:
        p = subprocess.run([sys.executable, "-m", "verify.faces.cli", *args], stdout=w, stderr=subprocess.PIPE,
                           text=True, cwd=cwd, env=env or env_for(Path(cwd).parent / "cache"), timeout=120)
    finally:
        os.close(w)
    return p.returncode, p.stderr


@pytest.mark.parametrize("args", [["show", "8.8"], ["list", "--uncovered"], ["list"]], ids=" ".join)
def test_a_reader_that_left_early_is_no_error(args, scratch):
    """`verify show 8.8 | head -1`: the reader went away; no traceback, no message, the command's own status."""
    code, err = _closed_stdout(args, scratch)
    assert code == 0 and err == "", err


def test_a_reader_that_left_early_loses_no_output(scratch):
    """`verify check eq:8.3 --json r.json | head -1`: the verdicts have no reader, the results file is still written."""
    code, err = _closed_stdout(["check", "eq:8.3", "--json", "r.json"], scratch)
    assert code == 0 and "Traceback" not in err, err
    assert [c["id"] for c in json.loads((scratch / "r.json").read_text())["claims"]] == ["eq:8.3"]


@pytest.mark.parametrize("args", [["list"], ["show", "8.8"]], ids=" ".join)
def test_stdout_on_a_full_device_is_one_line(args, scratch):
    with open("/dev/full", "w") as full:
        p = subprocess.run([sys.executable, "-m", "verify.faces.cli", *args], stdout=full, stderr=subprocess.PIPE,
                           text=True, cwd=scratch, env=env_for(scratch.parent / "cache"), timeout=120)
    one_line(p.returncode, p.stderr, "No space left on device")


@pytest.mark.parametrize("how", [{"PYTHONIOENCODING": "ascii"},
                                 {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}],
                         ids=["PYTHONIOENCODING=ascii", "LC_ALL=C"])
@pytest.mark.parametrize("args", [["show", "8.8"], ["list", "--uncovered"], ["show", "eq:8.999"]], ids=" ".join)
def test_an_ascii_only_stdout_gets_escapes_not_a_traceback(how, args, scratch):
    env = {k: v for k, v in env_for(scratch.parent / "cache", **how).items() if k not in ("LC_CTYPE",)}
    code, out, err = verify(*args, cwd=scratch, env=env)
    assert "Traceback" not in err and "UnicodeEncodeError" not in err, err
    out.encode("ascii")  # what reached the terminal is ASCII
    if args[-1] == "eq:8.999":
        one_line(code, err, "eq:8")
    else:
        assert code == 0 and out


class _Silent(threading.Thread):
    """A TCP service that is not Dask: it accepts and says nothing (a database, a web server waiting for a request)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.conns = []

    def run(self):
        try:
            while True:
                self.conns.append(self.sock.accept()[0])
        except OSError:
            pass

    def close(self):
        for c in self.conns:
            c.close()
        self.sock.close()


@pytest.mark.parametrize("talks", [False, True], ids=["silent", "talks HTTP"])
def test_a_tcp_service_that_is_not_dask_is_one_line_within_the_timeout(talks, scratch):
    srv = _Silent()
    if talks:  # one that answers at once, with something else than a Dask handshake
        def run():
            try:
                while True:
                    c = srv.sock.accept()[0]
                    c.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")
                    srv.conns.append(c)
            except OSError:
                pass
        srv.run = run
    srv.start()
    try:
        code, out, err = verify("check", "eq:8.8", "--no-cache", "--scheduler", f"tcp://127.0.0.1:{srv.port}",
                                cwd=scratch, env=env_for(scratch.parent / "cache", VERIFY_SCHEDULER_TIMEOUT="2"),
                                timeout=90)  # a guard against a hang, not a speed test
    finally:
        srv.close()
    one_line(code, err, "is not a Dask scheduler" if talks else "does not answer as a Dask scheduler")


def test_verify_seed_abc_is_one_pytest_usage_error(tmp_path):
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--co",
                        str(ROOT / "tests" / "chapter8.verify")], capture_output=True, text=True, cwd=tmp_path,
                       env={**env_for(tmp_path / "cache"), "VERIFY_SEED": "abc"}, timeout=120)
    text = p.stdout + p.stderr
    assert p.returncode == 4 and "Traceback" not in text, text[-2000:]
    assert "$VERIFY_SEED: must be an integer in [0, 2³²), not 'abc'" in text and len(text.strip().splitlines()) <= 3


@pytest.mark.parametrize("seed", ["-1", "4294967296", "1e3", "9" * 5000])
def test_the_plugin_refuses_the_seeds_the_cli_refuses(seed, tmp_path):
    from verify.faces.cli import main

    assert main(["check", "eq:8.8", "--seed", seed]) == 2
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--co", "--verify-seed", seed,
                        str(ROOT / "tests" / "chapter8.verify")], capture_output=True, text=True, cwd=tmp_path,
                       env=env_for(tmp_path / "cache"), timeout=120)
    assert p.returncode == 4 and "--verify-seed: must be an integer" in p.stdout + p.stderr


def test_the_plugin_named_twice_is_registered_once(tmp_path):
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "verify.faces.pytest_plugin",
                        "-p", "verify.faces.pytest_plugin", "--co", str(ROOT / "tests" / "chapter8.verify") + "::eq:8.8"],
                       capture_output=True, text=True, cwd=tmp_path, env=env_for(tmp_path / "cache"), timeout=120)
    text = p.stdout + p.stderr
    assert p.returncode == 0 and "INTERNALERROR" not in text and "already registered" not in text, text[-2000:]
    assert "1 test collected" in text


HYPOTHESIS_RUN = """
import sys
from verify.faces.cli import cache_hypothesis_home
cache_hypothesis_home(use_cache=sys.argv[1] == "cache")
from hypothesis import given, settings, strategies as st

@settings(max_examples=50)  # the defaults: a database, local constants; a failure is saved to the database
@given(st.integers(), st.text())
def t(n, s):
    assert n < 10

try:
    t()
except AssertionError:
    pass
"""


@pytest.mark.parametrize("use_cache", ["cache", "no-cache"])
def test_no_hypothesis_folder_is_left_in_the_working_directory(use_cache, scratch):
    """hypothesis writes .hypothesis/ (its constants cache, its examples) in the current directory by default:
    a `verify check` in a user's folder left about 120 files there.  Its home is the cache now (or, under
    --no-cache, a temporary folder removed at exit)."""
    cache = scratch.parent / "cache"
    before = snapshot(scratch)
    p = subprocess.run([sys.executable, "-c", HYPOTHESIS_RUN, use_cache], capture_output=True, text=True, cwd=scratch,
                       env=env_for(cache), timeout=120)
    assert p.returncode == 0, p.stderr
    assert snapshot(scratch) == before and not (scratch / ".hypothesis").exists()
    if use_cache == "cache":
        assert any((cache / "v2" / "hypothesis").rglob("*")), "hypothesis' files went to the cache"
    else:
        assert not cache.exists(), "--no-cache writes nothing of the user's"


def test_jobs_beyond_the_bound_are_capped_with_one_line(scratch):
    code, out, err = verify("check", "eq:8.1", "--jobs", "999999", "--no-cache", cwd=scratch)
    assert code == 0 and "Traceback" not in err, err
    assert err.count("\n") == 1 and "--jobs 999999 capped at" in err


def test_json_on_a_disk_that_fills_up_after_the_work_is_one_line_and_the_old_file_stays(scratch, monkeypatch, capsys):
    """A full disk when --json is written, after every check ran: exit 2, one line, results.json as it was."""
    from verify.faces.cli import main
    from verify.run import outputs

    monkeypatch.chdir(scratch)
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(scratch.parent / "cache"))
    before = snapshot(scratch)
    real = os.fdopen

    def full(fd, mode="r", *a, **k):  # the disk is full for results.json (its temp file), not for the cache
        fh = real(fd, mode, *a, **k)
        if "w" in mode and ".results.json." in os.readlink(f"/proc/self/fd/{fd}"):
            def write(_data):
                raise OSError(errno.ENOSPC, "No space left on device")
            fh.write = write
        return fh

    monkeypatch.setattr(outputs.os, "fdopen", full)
    code = main(["check", "eq:8.1", "eq:8.3", "--json", "results.json", "--force"])  # cheap, and eq:8.3 uses only eq:8.1
    out, err = capsys.readouterr()
    one_line(code, err, "No space left on device", notes=True)
    assert "ok  eq:8.3" in out  # the verdicts were printed before the write
    assert snapshot(scratch) == before  # the old file whole, no temp file left


def test_a_report_on_a_disk_that_fills_up_keeps_the_old_set(scratch, monkeypatch, capsys):
    """REPORT.md, results.json and the figures are one set: a write that fails leaves every old file whole."""
    from verify.faces import report_writer
    from verify.engine.profiles import get_profile
    from verify.run import outputs

    (scratch / "REPORT.md").write_text("# nonconvex-verify report: old\n")
    (scratch / "figures").mkdir()
    before = snapshot(scratch)
    calls = []
    real = outputs._stage

    def stage(p, data):
        calls.append(p.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(p, data)

    monkeypatch.setattr(outputs, "_stage", stage)
    from verify.engine import registry
    from verify.run.claim_runner import run_claim

    evs = [run_claim(registry.get("eq:8.8"), get_profile("ci"))]
    draw = lambda profile, seed: iter([("x.png", "a figure", b"\x89PNG\r\n\x1a\n" + b"\0" * 30)])  # noqa: E731
    with pytest.raises(outputs.OutputError, match="No space left on device"):
        report_writer._write(get_profile("ci"), 0, scratch / "REPORT.md", scratch / "results.json", evs, draw,
                             scratch / "figures")
    assert snapshot(scratch) == before


def test_a_foreign_png_in_the_figures_folder_is_refused_without_force(scratch):
    from verify.faces.cli import _figure_names

    name = _figure_names()[0]
    (scratch / "figures").mkdir()
    (scratch / "figures" / name).write_bytes(b"\x89PNG\r\n\x1a\n my own drawing")
    before = snapshot(scratch)
    code, out, err = verify("report", "--out", "R.md", "--json", "r.json", cwd=scratch)
    one_line(code, err, "not a figure verify drew")
    code, out, err = verify("report", "--out", "R.md", "--json", "r.json", "--figures", "figures", cwd=scratch)
    one_line(code, err, "--force")
    assert snapshot(scratch) == before


def test_site_serve_on_a_taken_port_fails_before_building(scratch):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        code, out, err = verify("site", "--out", "newsite", "--results", "results.json", "--serve", str(port),
                                cwd=scratch)
    one_line(code, err, f"cannot serve on 127.0.0.1:{port}")
    assert not (scratch / "newsite").exists() and "wrote" not in out


def test_site_out_is_replaced_only_when_it_is_a_site_verify_built(scratch, tmp_path):
    from verify.faces.site.build import is_our_site

    d = scratch / "s"
    d.mkdir()
    (d / "search-index.js").write_text("var x;")  # enough for the old rule
    (d / "notes.txt").write_text("mine")
    assert not is_our_site(d)
    (d / "notes.txt").unlink()
    assert is_our_site(d)  # a site built before the mark: only the site's own kinds of files
    (d / ".verify-site").write_text('["search-index.js", ".verify-site", "data"]')
    (d / "old-page.html").write_text("a page an older build wrote")
    (d / "data").mkdir()  # listed by the mark
    assert is_our_site(d)
    (d / "data2").mkdir()
    assert not is_our_site(d)


def test_a_scheduler_without_workers_is_one_line_within_the_timeout(scratch):
    pytest.importorskip("distributed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    dask = str(Path(sys.executable).parent / "dask")
    sched = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                             cwd=scratch.parent, start_new_session=True, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, env=env_for(scratch.parent / "cache"))
    try:
        import time

        for _ in range(300):  # until it listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        code, out, err = verify("check", "eq:8.8", "--no-cache", "--scheduler", f"tcp://127.0.0.1:{port}",
                                cwd=scratch, env=env_for(scratch.parent / "cache", VERIFY_SCHEDULER_TIMEOUT="2"),
                                timeout=90)
    finally:
        os.killpg(sched.pid, 15)
        sched.wait(30)
    one_line(code, err, "has no workers")


def test_the_battery_size():
    """The one-line table and the process-level tests above: the issue's every case is here."""
    process_level = [n for n in globals() if n.startswith("test_") and n not in ("test_the_battery_size",
                                                                                  "test_one_line_exit_2_and_nothing_touched")]
    assert len(CASES) >= 28 and len(process_level) >= 16
