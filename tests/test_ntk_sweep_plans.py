"""The §8.4 sweep plans name the cells their claims read: a plan that drifted from its claim (another seed name,
another parameter) would have an executor compute cells nobody reads while the claims compute theirs serially."""
import pytest

from numeric.sweeps import core
from verify.engine import registry
from verify.chapter8 import sweep_plans
from verify.engine.context import Context
from verify.engine.profiles import PROFILES


class _Stop(Exception):
    pass


@pytest.mark.parametrize("claim_id", ["thm:8.35", "eq:8.90", "eq:8.78", "eq:8.93", "eq:8.96"])
@pytest.mark.parametrize("profile", ["ci", "report"])
def test_the_plan_holds_the_cells_the_claim_reads_first(claim_id, profile, monkeypatch):
    """The claim's first request for sweep values (made before any is computed) is in its plan."""
    prof = PROFILES[profile]
    planned = {c.key for c in sweep_plans.cells_for([claim_id], prof, 0)[0]}
    asked = []

    def record(cells):
        asked.extend(cells)
        raise _Stop  # stop before computing anything: the request is what is tested

    for mod in ("ntk_width", "ntk_limits"):
        monkeypatch.setattr(f"numeric.chapter8.sweeps.{mod}.compute", record)
    monkeypatch.setattr(core, "compute", record)
    c = registry.get(claim_id)
    with pytest.raises(_Stop):
        c.check(c.statement, Context(prof, 0, claim_id))
    assert asked and {a.key for a in asked} <= planned
    pooled = claim_id in ("thm:8.35", "eq:8.90", "eq:8.78")
    assert not pooled or len(asked) >= 3  # every pooled seed in one request
