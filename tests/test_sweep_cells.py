"""The sweep cells moved out of the claim modules: each is a pure function whose cached value reads as the fresh one."""
from __future__ import annotations

import pickle

import numpy as np
import pytest

from numeric.sweeps import cache
from numeric.chapter8.sweeps import mc_lemmas, saddles
from numeric.sweeps.core import compute_cell
from verify.chapter8 import sweep_plans
from verify.engine.profiles import get_profile


@pytest.fixture(autouse=True)
def tmp_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VERIFY_NO_CACHE", raising=False)


def test_instance_levels_survive_pickling():
    """InstanceData keys its levels by id(x); a cached copy must find them by the unpickled arrays."""
    a, b, c = np.arange(3.0), np.ones(3), np.zeros(3)
    inst = mc_lemmas.InstanceData(3, 0.5, a, [(a, -1.0, "s", True)], [b], [(c, "z")], [], {id(a): "A", id(b): "B", id(c): "C"},
                                  {id(a): 1, id(b): 2, id(c): 3}, [0.0])
    back = pickle.loads(pickle.dumps(inst))
    assert back.lv823[id(back.stationary[0][0])] == "A" and back.lv823[id(back.pairing_zero[0])] == "B"
    assert back.lv832[id(back.psd[0][0])] == 3


def test_a_cached_cell_reads_as_the_fresh_one():
    for c in (mc_lemmas.scalar_sum_cell(5, 4, True), saddles.escape_cell(7, True)):
        fresh = c.run()
        first, _ = compute_cell(c)
        again, _ = compute_cell(c)
        assert not cache.is_miss(cache.load(c.key))
        assert pickle.dumps(fresh) == pickle.dumps(first) == pickle.dumps(again)


def test_the_plans_of_the_moved_experiments_cover_their_claims():
    ids = ["lemma:8.17", "remark:8.16", "figure:8.5", "sec:8.3.2:thm8.23-rates", "lemma:8.19",
           "sec:8.3.3:linear-networks", "sec:8.3.3:tensor-landscape", "sec:8.3.1:pca-rank-2",
           "sec:8.3.1:pca-reference-runs", "sec:8.2.1:saddle-escape", "sec:8.2.1:no-strict-saddle", "thm:8.5"]
    cells, waiting = sweep_plans.cells_for(ids, get_profile("ci"), 0)
    assert waiting == set(ids)
    assert len({c.key for c in cells}) == len(cells) > len(ids)
