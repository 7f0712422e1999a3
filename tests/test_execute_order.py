"""The executor's order of work: a claim starts as soon as its own sweep cells are in, and a cell that
fails stops nothing (its claims compute it themselves and report the error).

A one-thread in-process executor runs the tasks first in, first out; the cells are stand-ins
(their keys are real, their values come from ``fake_cell_task``), the claims are real ci checks.
"""
from __future__ import annotations

import queue
import threading
from concurrent.futures import Future

import pytest

from numeric.chapter8.sweeps import mc_recovery as S
from numeric.sweeps.core import cell

RELEASED = threading.Event()  # set when eq:8.40, the reader of cell A, is submitted


def _cell(seed, cost):
    return cell(S.runs_cell, seed, "ci", cost=cost, ds=(24,), pds=(6.0,), n=1, methods=("GD",), coherent=False,
                cubic_max_d=0, cubic_min_pd=8)


A, B, C = _cell(101, 3.0), _cell(102, 2.0), _cell(103, 1.0)


def fake_cell_task(c, use_cache=True):
    if c.seed == B.seed:  # B is still running when A's reader must already be on its way
        RELEASED.wait(10)
        return "B"
    if c.seed == C.seed:
        raise RuntimeError("a broken sweep cell")
    return "A"


class OneThread:
    """submit(fn, *args) → a Future; one worker thread runs the tasks in submission order."""

    def __init__(self):
        self.log, self.q = [], queue.Queue()
        threading.Thread(target=self._work, daemon=True).start()

    @staticmethod
    def _name(fn, args):
        return f"cell {args[0].seed}" if fn is fake_cell_task else args[0]

    def submit(self, fn, *args):
        f = Future()
        self.log.append(("submit", self._name(fn, args)))
        if args and args[0] == "eq:8.40":
            RELEASED.set()
        self.q.put((f, fn, args))
        return f

    def _work(self):
        while True:
            f, fn, args = self.q.get()
            try:
                f.set_result(fn(*args))
            except Exception as e:  # noqa: BLE001
                f.set_exception(e)
            self.log.append(("done", self._name(fn, args)))


def test_a_claim_starts_when_its_own_cells_are_in_and_a_failed_cell_stops_nothing(tmp_path, monkeypatch, capsys):
    from verify.run import orchestrate as execute, backends as executors
    from verify.engine import registry
    from verify.chapter8 import sweep_plans
    from verify.engine.profiles import get_profile

    monkeypatch.setenv("VERIFY_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("VERIFY_NO_CACHE", raising=False)
    monkeypatch.setattr(executors, "_cell_task", fake_cell_task)
    monkeypatch.setattr(sweep_plans, "PLANS", [(frozenset({"eq:8.40"}), lambda p, s: [A]),
                                               (frozenset({"eq:8.42"}), lambda p, s: [B]),
                                               (frozenset({"eq:8.44"}), lambda p, s: [C])])
    RELEASED.clear()
    ex, done = OneThread(), {}
    todo = [registry.get(c) for c in ("eq:8.40", "eq:8.42", "eq:8.44")]
    execute._run_on(ex, todo, get_profile("ci"), 0, True, lambda c, ev: done.setdefault(c.id, ev))

    log = ex.log
    assert log.index(("submit", "eq:8.40")) < log.index(("done", f"cell {B.seed}")), log
    assert log.index(("submit", "eq:8.42")) > log.index(("done", f"cell {B.seed}")), log
    assert {cid: ev.status for cid, ev in done.items()} == {c.id: c.expected_status for c in todo}
    err = capsys.readouterr().err
    assert "a broken sweep cell" in err and "its claims compute it themselves" in err


@pytest.fixture(autouse=True)
def _no_stale_event():
    yield
    RELEASED.set()  # never leave a waiting stand-in behind
