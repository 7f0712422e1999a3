"""The content-addressed cache of sweep cells and claim evidence: keys, storage, and results identical to fresh runs."""
from __future__ import annotations

import json
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
