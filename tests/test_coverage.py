"""The prose map: every paragraph entry sits in the chapter, names real claims, or says why it has none."""
from pathlib import Path

import pytest

from verify.chapter8 import coverage

from verify.engine import registry
from verify.faces.cli import main

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "chapter8-nonconvex-optimization.md"


@pytest.mark.skipif(not SEED.exists(), reason="the chapter (../shared/seed) is not beside the project")
def test_each_anchor_names_one_line_of_the_chapter():
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for p in coverage.PROSE:
        hits = [i for i, ln in enumerate(lines) if p.anchor in ln]
        assert len(hits) == 1, f"{p.anchor!r} is on {len(hits)} lines"
    assert len({p.anchor for p in coverage.PROSE}) == len(coverage.PROSE)


def test_covered_entries_name_registered_claims():
    claims = registry.load()
    for p in coverage.PROSE:
        for cid in p.claims:
            assert cid in claims, f"{p.anchor!r}: unknown claim {cid}"


def test_every_uncovered_entry_has_a_reason():
    assert coverage.uncovered(), "the list is not empty yet"
    for p in coverage.uncovered():
        assert len(p.reason.strip()) > 20, f"{p.anchor!r} has no reason"


def test_the_new_prose_claims_are_in_the_map():
    named = {c for p in coverage.PROSE for c in p.claims}
    for cid in ("sec:8.1:basic-idea", "sec:8.2.1:therefore", "sec:8.2.1:thm-8.5-readings",
                "sec:8.4:lemma-8.28-proof", "sec:8.4:small-learning-rate",
                "sec:8.4:spurious-minima", "sec:8.4.3:min-norm-dense"):
        assert cid in named


def test_verify_list_uncovered_prints_each_item_with_its_reason(capsys):
    assert main(["list", "--uncovered"]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    informal = coverage.informal_without_reading(registry.all_claims())
    assert len(out) == len(coverage.uncovered()) + len(informal)
    for line, c in zip(out[len(coverage.uncovered()):], informal):
        assert line.startswith(c.id) and c.informal_reason in line
    for line, p in zip(out, coverage.uncovered()):
        assert p.reason in line and line.startswith(f"§{p.section}")


def _prose_lines(text):
    """The chapter's prose lines that may carry an assertion: not displays, headings or numbered objects."""
    import re

    skip = re.compile(r"^(Theorem|Lemma|Definition|Remark|Example|Figure|Observation|Proof|¹|²|³|⁴|\*\*|Case|- \*Case|8\.)")
    for i, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if len(s) < 60 or s.startswith(("$$", "\\begin", "&")) or skip.match(s):
            continue
        yield i, s


@pytest.mark.skipif(not SEED.exists(), reason="the chapter (../shared/seed) is not beside the project")
def test_every_prose_line_of_the_chapter_is_in_the_map():
    anchors = [p.anchor for p in coverage.PROSE]
    missing = [(i, s[:60]) for i, s in _prose_lines(SEED.read_text(encoding="utf-8"))
               if not any(a in s for a in anchors)]
    assert missing == []


def test_every_informal_claim_is_read_precisely_or_says_why_not():
    claims = registry.load()
    informal = {c.id for c in claims.values() if c.kind == "informal"}
    assert informal <= set(coverage.READINGS), "an informal claim missing from coverage.READINGS"
    for cid, readings in coverage.READINGS.items():
        assert cid in claims
        for r in readings:
            assert r in claims and claims[r].kind != "informal", f"{cid}: {r} is not a checked reading"
        if not readings:
            assert claims[cid].informal_reason


def test_once_informal_claims_decided_by_their_readings_are_checked_and_share_their_checks():
    """thm:8.5 (false under every reading: an erratum) and footnote:2 (an erratum since the second reader R4: its
    bound in (8.70)'s role, over the ball, is not second order) are no longer informal; their checks call the
    reading claims' check functions (one logic, not two copies)."""
    import inspect

    claims = registry.load()
    assert not set(coverage.CHECKED_READINGS) & set(coverage.READINGS)
    for cid, readings in coverage.CHECKED_READINGS.items():
        c = claims[cid]
        assert c.kind != "informal" and c.mutants, cid
        for r in readings:
            assert claims[r].kind != "informal"
            assert claims[r].check.__name__ in inspect.getsource(c.check), f"{cid} does not call {r}'s check"
    assert claims["thm:8.5"].expected_status == "erratum"
    assert claims["footnote:2"].expected_status == "erratum"
