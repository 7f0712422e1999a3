"""benchmarks/seeds.py: seeds parse, a stable claim passes at every seed, bad input is one line and exit 2."""
import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("seeds", Path(__file__).parents[1] / "benchmarks" / "seeds.py")
seeds = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(seeds)


def test_seed_ranges_and_lists():
    assert seeds.parse_seeds("0-4") == [0, 1, 2, 3, 4]
    assert seeds.parse_seeds("0,3,7") == [0, 3, 7]
    assert seeds.parse_seeds("1-2,9") == [1, 2, 9]
    with pytest.raises(ValueError):
        seeds.parse_seeds(",")


def test_a_claim_with_its_declared_verdict_at_every_seed_exits_0(capsys):
    assert seeds.main(["--seeds", "0-1", "eq:8.101"]) == 0
    out = capsys.readouterr().out
    assert "seed 0" in out and "seed 1" in out and "0 with a verdict other than the declared one" in out


def test_bad_input_is_one_line_and_exit_2(capsys):
    assert seeds.main(["--seeds", "x", "eq:8.101"]) == 2
    assert seeds.main(["no-such-label:1"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("seeds: ") for line in err)
