"""The committed results.json: every rate verdict follows from the interval it records.

A fit that carries a theory value is part of its claim's verdict, so a verified claim's
theory value lies inside the recorded interval (on the right side of it, for a bound
``<=``/``>=``); the interval is the full range's or, when the judge needed the asymptotic
part of the range, that part's (``basis`` names it, ``full_range`` keeps the other).
Every fit pools at least 3 seeds. A fit that only describes (no verdict rests on it)
has no theory value.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

RESULTS = Path(__file__).resolve().parents[1] / "results.json"


def _fits():
    doc = json.loads(RESULTS.read_text(encoding="utf-8"))
    return [(c, f) for c in doc["claims"] for f in c.get("fits") or []]


def _consistent(f) -> bool:
    lo, hi = f["interval"]
    th, rel = f["theory"], f.get("relation", "=")
    return {"=": lo <= th <= hi, "<=": lo <= th, ">=": th <= hi}[rel]


@pytest.mark.parametrize("c,f", _fits(), ids=lambda x: x["id"] if "status" in x else x["quantity"][:30])
def test_a_verified_rate_lies_in_the_interval_it_records(c, f):
    assert len(f["seeds"]) >= 3, "a fitted exponent pools at least 3 seeds"
    if c["status"] == "verified" and f.get("theory") is not None:
        assert _consistent(f), f"{c['id']}: theory {f['relation']} {f['theory']} vs interval {f['interval']}"
    if f.get("basis"):
        assert f["full_range"]["interval"] != f["interval"]


def test_the_consistency_rule_reads_bounds_in_their_sense():
    assert _consistent({"interval": [0.8, 0.9], "theory": 4.0, "relation": "<="})  # degree bound far above
    assert not _consistent({"interval": [0.8, 0.9], "theory": 0.5, "relation": "<="})
    assert _consistent({"interval": [1.1, 1.3], "theory": 1.0, "relation": ">="})
    assert not _consistent({"interval": [-0.31, -0.26], "theory": -0.25, "relation": "="})
