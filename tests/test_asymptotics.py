"""The asymptotics table maps every O/Θ/Ω/poly/≲/≪/≫ of the chapter, each to evidence that exists."""
import collections
from pathlib import Path

import pytest

from verify.chapter8 import asymptotics as A
from verify.engine import registry
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "chapter8-nonconvex-optimization.md"
needs_chapter = pytest.mark.skipif(not SEED.exists(), reason="the chapter (../shared/seed) is not beside the project")


def test_extractor_finds_each_kind_of_symbol_and_skips_the_mask():
    text = ("a $O(\\sqrt{\\epsilon})$ b $\\mathcal{O}(\\sqrt{n})$ c $\\Theta(1)$ d $\\Omega(d^2)$\n"
            "$P_\\Omega(M)$ and $P(\\Omega(A))$ and $\\text{poly}(\\mu, \\log d)$ $x \\lesssim y$ $p \\gg 1$ $a \\ll b$\n"
            "$O\\left(\\frac{1}{\\sigma} (a)\\right)$ and BigO(x) and $\\log d$")
    found = A.occurrences(text)
    assert [t for _, t in found] == [
        r"O(\sqrt{\epsilon})", r"\mathcal{O}(\sqrt{n})", r"\Theta(1)", r"\Omega(d^2)",
        r"\text{poly}(\mu, \log d)", r"\lesssim", r"\gg", r"\ll", r"O\left(\frac{1}{\sigma} (a)\right)"]
    assert [ln for ln, _ in found] == [1, 1, 1, 1, 2, 2, 2, 2, 3]


@needs_chapter
def test_every_occurrence_in_the_chapter_is_mapped_once():
    text = SEED.read_text(encoding="utf-8")
    in_chapter = collections.Counter(A.occurrences(text))
    in_table = collections.Counter((A.line_of(e.where, text), e.term) for e in A.TABLE)
    assert in_chapter - in_table == collections.Counter(), "occurrences without an entry"
    assert in_table - in_chapter == collections.Counter(), "entries that match no occurrence"
    assert sum(in_chapter.values()) == len(A.TABLE) >= 60


@needs_chapter
def test_a_missing_entry_fails_the_count():
    text = SEED.read_text(encoding="utf-8")
    table = collections.Counter((A.line_of(e.where, text), e.term) for e in A.TABLE[1:])
    assert collections.Counter(A.occurrences(text)) != table


def test_every_entry_names_a_registered_claim_and_a_reading():
    claims = registry.load()
    for e in A.TABLE:
        assert e.reading in A.READINGS and e.note
        if e.claim is not None:
            assert e.claim in claims, f"{e.where}: unknown claim {e.claim}"


def test_unknown_reading_is_rejected():
    with pytest.raises(ValueError):
        A.Entry("x", "O(1)", "vibes", "eq:8.44", "n")
    with pytest.raises(ValueError):
        A.Entry("x", "O(1)", "fit", None, "a fit without a claim")


def test_render_shows_each_row_with_the_fit_interval_from_results():
    results = {"claims": [{"id": "eq:8.102", "status": "verified", "fits": [
        {"quantity": "β", "against": "m", "exponent": -0.5, "interval": [-0.51, -0.49], "theory": -0.5,
         "relation": "=", "seeds": [0, 1, 2]}]}]}
    md = A.render(results)
    assert md.startswith("## Asymptotics")
    own = md.split("### Approximate phrases")[0]
    rows = [ln for ln in own.splitlines() if ln.startswith("| ") and not ln.startswith("| where | printed")]
    assert len(rows) == len(A.TABLE)
    assert "β ∝ m^-0.500 [-0.510, -0.490] (theory = -0.5, seeds 0,1,2)" in md
    assert "eq:8.102 (verified)" in md


def test_report_has_the_asymptotics_section():
    from verify.faces.report_markdown import render as render_report

    results = {"profile": "ci", "seed": 0, "versions": {}, "claims": [], "equations": {}}
    md = render_report(results)
    assert "## Asymptotics" in md and md.index("## Asymptotics") < md.index("## Dependency graph")


@needs_chapter
def test_every_limit_of_the_chapter_is_mapped_once():
    text = SEED.read_text(encoding="utf-8")
    in_chapter = collections.Counter(A.limit_occurrences(text))
    in_table = collections.Counter((A.line_of(e.where, text), e.term) for e in A.LIMITS)
    assert in_chapter == in_table and len(A.LIMITS) >= 20
    claims = registry.load()
    assert all(e.claim in claims for e in A.LIMITS)


def test_limits_rendered_in_the_section():
    from verify.faces.report_markdown import asymptotics_section

    md = asymptotics_section({"claims": []})
    rows = [r for r in md.split("### Limits")[1].splitlines() if r.startswith("| ") and not r.startswith("| where")]
    assert len(rows) == len(A.LIMITS) and any("eq:8.93" in r for r in rows)


RESULTS = Path(__file__).resolve().parents[1] / "results.json"


@pytest.mark.skipif(not RESULTS.exists(), reason="no results.json yet")
def test_each_fit_entry_has_a_fit_against_its_variable_in_results():
    import json

    claims = {c["id"]: c for c in json.loads(RESULTS.read_text())["claims"]}
    for e in A.TABLE + A.LIMITS:
        if e.reading != "fit" or e.claim not in claims:  # a claim newer than results.json is checked next report
            continue
        against = [f["against"] for f in claims[e.claim]["fits"]]
        assert against, f"{e.where}: {e.claim} has no fit"
        assert e.against is None or e.against in against, f"{e.where}: no fit of {e.claim} against {e.against}"
