"""Every ≈ and approximate phrase of the chapter has a precise reading and claims that check it."""
import collections
from pathlib import Path

import pytest

from verify.chapter8 import approximations as A
from verify.engine import registry
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "chapter8-nonconvex-optimization.md"


def test_the_extractor_finds_each_phrase():
    text = "a $f \\approx g$ b ≈ c\nroughly, sufficiently small, big enough, very good, typically, in some sense, heuristically"
    assert [t for _, t in A.occurrences(text)] == [
        "\\approx", "≈", "roughly", "sufficiently small", "big enough", "very good", "typically", "in some sense",
        "heuristically"]


@pytest.mark.skipif(not SEED.exists(), reason="the chapter (../shared/seed) is not beside the project")
def test_every_approximate_phrase_of_the_chapter_is_mapped_once():
    text = SEED.read_text(encoding="utf-8")
    assert collections.Counter(A.occurrences(text)) == collections.Counter(A.lines(text))
    assert len(A.TABLE) >= 28


def test_each_reading_names_registered_claims():
    claims = registry.load()
    for a in A.TABLE:
        assert a.reading and a.claims
        for c in a.claims:
            assert c in claims, f"{a.where}: unknown claim {c}"


def test_rendered_under_the_asymptotics_section():
    from verify.faces.report_markdown import asymptotics_section

    md = asymptotics_section({"claims": [{"id": "eq:8.103", "status": "erratum", "fits": []}]})
    assert "### Approximate phrases" in md and "eq:8.103 (erratum)" in md
    rows = md.split("### Approximate phrases")[1].split("### Limits")[0].splitlines()
    assert sum(r.startswith("| ") and not r.startswith("| where | printed") for r in rows) == len(A.TABLE)
