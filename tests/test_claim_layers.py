"""Claim modules hold statements, checks and mutants; experiments live in numeric/sweeps/.

An experiment here is a memoised function of a seed: before the sweep layer, claim modules kept
their data generators behind ``lru_cache`` (lost with the process, computed again by every
process that needed them, invisible to the executors).  Such a function belongs in a sweep,
where it is a cached cell an executor can schedule.  Checks that draw instances from the
statement under test (which mutants change) are part of checking and stay.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

CLAIMS = sorted((Path(__file__).resolve().parents[1] / "verify" / "claims").glob("*.py"))


def _memoised_seeded_functions(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        memo = any("cache" in ast.unparse(d) for d in node.decorator_list)
        args = [a.arg for a in node.args.args + node.args.kwonlyargs]
        if memo and any("seed" in a for a in args):
            found.append(f"{path.name}:{node.lineno} {node.name}({', '.join(args)})")
    return found


@pytest.mark.parametrize("path", CLAIMS, ids=lambda p: p.name)
def test_no_memoised_experiment_in_a_claim_module(path):
    found = _memoised_seeded_functions(path)
    assert not found, "experiments to move into numeric/sweeps/: " + "; ".join(found)


def test_the_scan_finds_a_memoised_experiment(tmp_path):
    p = tmp_path / "m.py"
    p.write_text("from functools import lru_cache\n@lru_cache(maxsize=None)\ndef runs(seed, scale):\n    return seed\n")
    assert _memoised_seeded_functions(p) == ["m.py:3 runs(seed, scale)"]
