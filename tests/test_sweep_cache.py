"""The content-addressed cache of sweep cells and claim evidence: keys, storage, and results identical to fresh runs."""
from __future__ import annotations

import json
from pathlib import Path
import multiprocessing as mp
import pickle

import numpy as np
import pytest

from numeric.sweeps import cache
from numeric.chapter8.sweeps import mc_recovery as S
from numeric.sweeps.core import cell, compute, compute_cell


@pytest.fixture(autouse=True)
def tmp_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VERIFY_NO_CACHE", raising=False)
    return tmp_path / "cache"


def _small_cell(seed=3):
    return cell(S.runs_cell, seed, "ci", ds=(30,), pds=(8.0,), n=1, methods=("GD", "PGD"), coherent=False,
                cubic_max_d=0, cubic_min_pd=8)


def test_a_cached_cell_is_bit_identical_to_a_fresh_one():
    c = _small_cell()
    fresh = c.run()
    first, _ = compute_cell(c)  # computes and stores
    again, _ = compute_cell(c)  # reads
    assert cache.load(c.key) is not None and not cache.is_miss(cache.load(c.key))
    assert pickle.dumps(fresh) == pickle.dumps(first) == pickle.dumps(again)


def test_cells_are_pure_functions_of_params_and_seed():
    assert pickle.dumps(_small_cell(3).run()) == pickle.dumps(_small_cell(3).run())
    assert pickle.dumps(_small_cell(3).run()) != pickle.dumps(_small_cell(4).run())


def test_the_key_covers_params_seed_profile_and_the_imported_sources():
    base = _small_cell()
    other = [cell(S.runs_cell, 4, "ci", **dict(base.params)), cell(S.runs_cell, 3, "report", **dict(base.params)),
             cell(S.runs_cell, 3, "ci", **{**dict(base.params), "ds": (31,)})]
    assert len({base.key, *(o.key for o in other)}) == 4
    mods = cache.modules("numeric.chapter8.sweeps.mc_recovery")
    # the optimizer code the cell runs is part of its key; unrelated modules are not
    assert {"numeric.chapter8.mc_recovery", "numeric.chapter8.mc_landscape", "numeric.chapter8.matrix_completion", "numeric.chapter8.masks"} <= set(mods)
    assert any(m.startswith("numeric.optimizers") for m in mods)
    assert not any(m.startswith("verify") for m in mods)
    assert "verify.engine.claim" in cache.modules("verify.chapter8.claims.mc_recovery")


def test_a_changed_source_changes_the_key(monkeypatch):
    k0 = _small_cell().key
    real = cache.modules("numeric.chapter8.sweeps.mc_recovery")
    cache.source_digest.cache_clear()
    orig_read = type(real["numeric.chapter8.masks"]).read_bytes

    def edited(self):
        data = orig_read(self)
        return data + b"\n# edited\n" if self.name == "masks.py" else data

    monkeypatch.setattr(type(real["numeric.chapter8.masks"]), "read_bytes", edited)
    try:
        assert _small_cell().key != k0
    finally:
        monkeypatch.undo()
        cache.source_digest.cache_clear()
    assert _small_cell().key == k0


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_a_corrupt_entry_is_recomputed_not_trusted(damage):
    c = _small_cell()
    good, _ = compute_cell(c)
    path = cache._path(c.key)
    blob = path.read_bytes()
    bad = {"truncate": blob[: len(blob) // 2], "flip": blob[:-1] + bytes([blob[-1] ^ 1]), "garbage": b"not a cache entry",
           "empty": b""}[damage]
    path.write_bytes(bad)
    assert cache.is_miss(cache.load(c.key))
    assert not path.exists()
    again, _ = compute_cell(c)
    assert pickle.dumps(again) == pickle.dumps(good)
    assert path.read_bytes() == blob


def _writer(args):
    k, i = args
    for _ in range(20):
        cache.store(k, {"value": np.arange(10_000.0), "writer": 0})
    return cache.load(k)["value"].sum()


def test_concurrent_writers_leave_a_valid_entry():
    k = cache.key("test", "concurrent", (), (), 0, "ci")
    with mp.get_context("fork").Pool(4) as pool:
        sums = pool.map(_writer, [(k, i) for i in range(8)])
    assert set(sums) == {np.arange(10_000.0).sum()}
    assert not list(cache.directory().rglob(".tmp-*")), "no temporary file left behind"


def test_no_cache_reads_and_writes_nothing(monkeypatch, tmp_cache):
    monkeypatch.setenv("VERIFY_NO_CACHE", "1")
    compute([_small_cell()])
    assert not tmp_cache.exists()
    with cache.off():
        assert not cache.enabled()


def test_a_no_cache_run_shares_its_cells_in_a_private_directory_it_then_removes(tmp_cache):
    """--no-cache is a cold run: a cell is computed once and read by the next reader, then all is gone."""
    import os

    c = _small_cell()
    with cache.private() as d:
        assert d != tmp_cache and cache.directory() == d and not any(d.iterdir())
        first, _ = compute_cell(c)
        assert not cache.is_miss(cache.load(c.key)), "the run's second reader finds the cell"
    assert not d.exists() and not tmp_cache.exists()
    assert os.environ["VERIFY_CACHE_DIR"] == str(tmp_cache)
    assert pickle.dumps(first) == pickle.dumps(c.run())


def test_claim_evidence_from_the_cache_equals_a_fresh_run():
    from verify.run import evidence_cache
    from verify.engine import registry
    from verify.engine.profiles import get_profile
    from verify.run.claim_runner import run_claim

    prof = get_profile("ci")
    for cid in ("eq:8.40", "eq:8.42"):
        c = registry.get(cid)
        fresh = run_claim(c, prof, 0).as_json()
        first = evidence_cache.run_claim(c, prof, 0)
        hit = evidence_cache.lookup(c, prof, 0)
        full = evidence_cache.lookup(c, prof, 0, full=True)
        assert hit is not None and full is not None
        strip = lambda d: {k: v for k, v in d.items() if k not in ("seconds", "steps")}  # noqa: E731
        assert strip(hit.as_json()) == strip(fresh) == strip(first.as_json()) == strip(full.as_json())
        # the cached record carries the derivation steps the site shows, as a fresh run renders them
        from verify.engine.steps import with_steps
        assert hit.as_json()["steps"] == with_steps(run_claim(c, prof, 0))["steps"]
        assert [s.label for s in full.steps] == [s.label for s in run_claim(c, prof, 0).steps]
        # another seed or profile is another entry
        assert evidence_cache.lookup(c, prof, 1) is None
        assert evidence_cache.lookup(c, get_profile("report"), 0) is None


def test_cli_cache_clear_and_no_cache(tmp_cache, tmp_path, capsys):
    from verify.faces.cli import main

    out = tmp_path / "r.json"
    assert main(["check", "eq:8.40", "--jobs", "1", "--no-cache", "--json", str(out)]) == 0
    assert not tmp_cache.exists()
    assert main(["check", "eq:8.40", "--jobs", "1"]) == 0
    assert any(tmp_cache.rglob("*.pkl"))
    capsys.readouterr()
    assert main(["cache", "clear"]) == 0
    assert "removed" in capsys.readouterr().out
    assert not any(tmp_cache.rglob("*.pkl")) if tmp_cache.exists() else True
    doc = json.loads(out.read_text())
    assert doc["claims"][0]["id"] == "eq:8.40"


@pytest.mark.parametrize("bad", ["0", "-3", "two"])
def test_bad_jobs_is_a_usage_error(bad, capsys):
    from verify.faces.cli import main

    assert main(["check", "eq:8.40", "--jobs", bad]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--jobs" in err


def test_bad_scheduler_is_a_usage_error(capsys):
    from verify.faces.cli import main

    assert main(["check", "eq:8.40", "--scheduler", "somewhere"]) == 2
    assert "--scheduler" in capsys.readouterr().err


def test_editing_one_claim_module_invalidates_only_the_claims_that_import_it(monkeypatch):
    """After an edit of verify/claims/mc_theorem.py, its claims (and the claims importing it) get new keys; others keep theirs."""
    from pathlib import Path

    from verify.run import evidence_cache

    from verify.engine import registry
    from verify.engine.profiles import get_profile

    prof = get_profile("ci")
    claims = registry.all_claims()
    before = {c.id: evidence_cache.claim_key(c, prof, 0) for c in claims}
    read = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes",
                        lambda self: read(self) + (b"\n# edited\n" if self.name == "mc_theorem.py" else b""))
    cache.source_digest.cache_clear()
    try:
        after = {c.id: evidence_cache.claim_key(c, prof, 0) for c in claims}
    finally:
        monkeypatch.undo()
        cache.source_digest.cache_clear()
    changed = {cid for cid in before if before[cid] != after[cid]}
    importers = {m for m in {registry.module_of(c.id) for c in claims}
                 if "verify.chapter8.claims.mc_theorem" in cache.modules(m)}
    assert changed == {c.id for c in claims if registry.module_of(c.id) in importers}
    assert "eq:8.40" in changed and "thm:8.33" not in changed and "eq:8.8" not in changed
    assert len(changed) < len(claims) / 4


def test_show_reads_the_derivation_back_from_the_cache(tmp_cache, tmp_path, capsys):
    from verify.faces.cli import main

    empty = tmp_path / "results.json"
    empty.write_text('{"schema": 2, "claims": []}')
    assert main(["show", "eq:8.40", "--check", "--results", str(empty)]) == 0
    first = capsys.readouterr().out
    assert any(tmp_cache.rglob("*.pkl"))
    assert main(["show", "eq:8.40", "--check", "--results", str(empty)]) == 0
    assert capsys.readouterr().out == first and "derivation" in first


# --- the cache owns only what it wrote (issue 22) -------------------------------------------------------------------
def test_entries_live_under_a_tag_in_a_versioned_folder(tmp_cache):
    c = _small_cell()
    compute_cell(c)
    assert (tmp_cache / "CACHEDIR.TAG").read_bytes().startswith(b"Signature: 8a477f597d28d172789f06886806bc55")
    assert cache._path(c.key).is_relative_to(tmp_cache / f"v{cache.LAYOUT}")
    assert {p.name for p in tmp_cache.iterdir()} == {"CACHEDIR.TAG", f"v{cache.LAYOUT}"}


def test_clear_deletes_entries_and_nothing_else(tmp_cache, capsys):
    """A cache folder someone also keeps files in: `cache clear` removes the entries, the files stay."""
    from verify.faces.cli import main

    k = cache.key("test", "clear", (), (), 0, "ci")
    assert cache.store(k, {"x": 1})
    (tmp_cache / "thesis.tex").write_text("\\chapter{mine}")
    (tmp_cache / "sub").mkdir()
    (tmp_cache / "sub" / "data.csv").write_text("1,2\n")
    (tmp_cache / "ab").mkdir()  # two hex digits, like an old entry folder, but holding a user's file
    (tmp_cache / "ab" / "notes.txt").write_text("mine")
    assert main(["cache", "clear"]) == 0
    assert "removed 1 cache entries" in capsys.readouterr().out
    left = sorted(str(p.relative_to(tmp_cache)) for p in tmp_cache.rglob("*"))
    assert left == ["CACHEDIR.TAG", "ab", "ab/notes.txt", "sub", "sub/data.csv", "thesis.tex"]
    assert cache.is_miss(cache.load(k))


@pytest.mark.parametrize("where", ["user folder", "cwd"])
def test_clear_refuses_a_folder_that_is_not_a_verify_cache(where, tmp_path, monkeypatch, capsys):
    from verify.faces.cli import main

    d = tmp_path / "home"
    d.mkdir()
    (d / "thesis.tex").write_text("x")
    (d / "sub").mkdir()
    (d / "sub" / "data.csv").write_text("1")
    if where == "cwd":
        monkeypatch.chdir(d)
        monkeypatch.setenv("VERIFY_CACHE_DIR", ".")
    else:
        monkeypatch.setenv("VERIFY_CACHE_DIR", str(d))
    before = sorted(p.relative_to(d) for p in d.rglob("*"))
    assert main(["cache", "clear"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a verify cache" in err
    assert sorted(p.relative_to(d) for p in d.rglob("*")) == before


def test_a_folder_of_user_files_is_never_written_as_a_cache(tmp_path, monkeypatch, capsys):
    d = tmp_path / "home"
    d.mkdir()
    (d / "thesis.tex").write_text("x")
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(d))
    assert not cache.store(cache.key("test", "foreign", (), (), 0, "ci"), 1)
    assert [p.name for p in d.iterdir()] == ["thesis.tex"]
    assert "holds files verify did not write" in capsys.readouterr().err


def test_an_old_untagged_cache_is_still_cleared(tmp_cache):
    (tmp_cache / "ab").mkdir(parents=True)
    (tmp_cache / "ab" / ("ab" + "0" * 62 + ".pkl")).write_bytes(b"old")
    (tmp_cache / "timings.json").write_text("{}")
    assert cache.is_ours(tmp_cache)
    assert cache.clear() == 1 and not any(tmp_cache.iterdir())


def test_a_failed_write_leaves_no_temp_file(tmp_cache, monkeypatch):
    k = cache.key("test", "tmp", (), (), 0, "ci")
    cache.store(k, 0)  # the folders exist

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cache.os, "replace", boom)
    assert not cache.store(k, {"big": 1})
    monkeypatch.undo()
    assert not [p for p in tmp_cache.rglob(".tmp-*")]


@pytest.mark.parametrize("empty", [True, False])
def test_an_entry_that_became_a_folder_is_repaired_or_skipped(empty, tmp_cache, capsys):
    c = _small_cell()
    assert cache.ready()  # a cache in use, in which one entry became a folder
    p = cache._path(c.key)
    p.mkdir(parents=True)
    if not empty:
        (p / "inside").write_text("x")
    value, _ = compute_cell(c)  # a miss, computed, and stored when the folder could go
    assert pickle.dumps(value) == pickle.dumps(c.run())
    if empty:
        assert p.is_file() and not cache.is_miss(cache.load(c.key))
    else:
        assert p.is_dir() and (p / "inside").exists() and "is a folder" in capsys.readouterr().err


def test_an_entry_of_another_layout_is_a_miss_not_a_crash(tmp_cache):
    """A valid checksum around a value of the wrong shape (an old layout): the claim runs again."""
    from verify.engine import registry
    from verify.engine.profiles import get_profile
    from verify.run import evidence_cache

    c, prof = registry.get("eq:8.1"), get_profile("ci")
    k = evidence_cache.claim_key(c, prof, 0)
    for bad in ({"json": {"status": "verified"}, "problems": []}, ["json"], {"json": {}, "problems": "none"},
                {"json": {"status": "verified", "seconds": 1, "mutants": {"killed": 1, "list": []}}, "problems": [],
                 "state": ("verified",)}):
        cache.store(k, bad)
        assert evidence_cache.lookup(c, prof, 0) is None and evidence_cache.lookup(c, prof, 0, full=True) is None
    ev = evidence_cache.run_claim(c, prof, 0)
    assert ev.status == c.expected_status and evidence_cache.lookup(c, prof, 0) is not None


def test_the_entry_layout_is_part_of_the_key(monkeypatch):
    from verify.engine import registry
    from verify.engine.profiles import get_profile
    from verify.run import evidence_cache

    c, prof = registry.get("eq:8.1"), get_profile("ci")
    k = evidence_cache.claim_key(c, prof, 0)
    monkeypatch.setattr(evidence_cache, "ENTRY_LAYOUT", evidence_cache.ENTRY_LAYOUT + 1)
    assert evidence_cache.claim_key(c, prof, 0) != k


@pytest.mark.parametrize("how", ["cache is a file", "timings.json is a folder", "cache under /proc"])
def test_a_cache_that_cannot_be_written_costs_a_warning_not_the_run(how, tmp_path, monkeypatch, capsys):
    """check --json still writes its results when the cache folder refuses every write (issue 22: the run was lost)."""
    from verify.faces.cli import main

    if how == "cache is a file":
        d = tmp_path / "cachefile"
        d.write_text("x")
    elif how == "timings.json is a folder":
        d = tmp_path / "cache"
        monkeypatch.setenv("VERIFY_CACHE_DIR", str(d))
        assert cache.store(cache.key("t", "t", (), (), 0, "ci"), 1)
        (d / f"v{cache.LAYOUT}" / "timings.json").mkdir()
    else:
        d = Path("/proc/verify-cache")
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(d))
    out = tmp_path / "r.json"
    assert main(["check", "eq:8.1", "--jobs", "1", "--json", str(out)]) == 0
    cap = capsys.readouterr()
    assert json.loads(out.read_text())["claims"][0]["id"] == "eq:8.1"
    assert cap.err.count("\n") == 1 and cap.err.startswith("verify: warning: cannot")
