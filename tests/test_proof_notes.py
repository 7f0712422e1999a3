"""Issue 9: where a claim cannot rise above `proved`, its notes say what a proof would need
(or why no proof exists). Static: reads the committed results.json; a claim absent there,
or without `own_strength` (older schema), is skipped, not failed."""
import json
import re
from pathlib import Path

import pytest

RESULTS = Path(__file__).resolve().parent.parent / "results.json"
# "a proof would need …", "a proof for every d would need …", "a proof of X would combine …",
# "no proof possible: …", "cannot be proved …"
MARKER = re.compile(r"\bproof\b.{0,80}?\bwould\b|\bno proof\b|\bcannot be proved\b", re.IGNORECASE | re.DOTALL)


def has_proof_note(notes) -> bool:
    """True when one note names what a proof would need, or why none exists."""
    return any(MARKER.search(str(n)) for n in notes or ())


def below_proved():
    if not RESULTS.exists():
        return []
    claims = json.loads(RESULTS.read_text(encoding="utf-8")).get("claims", [])
    return [c for c in claims if c.get("own_strength") not in (None, "proved")]


def test_marker_matches_the_phrasings_in_use():
    assert has_proof_note(["sampled: a proof would need a bound on the tail"])
    assert has_proof_note(["No proof possible: one random draw"])
    assert has_proof_note(["exact at d = 3; a proof for every d would need indexed symbols"])
    assert not has_proof_note(["checked at d = 3", "sampled over 50 seeds", "a proof of (8.71)"])


@pytest.mark.parametrize("claim", below_proved(), ids=lambda c: c["id"])
def test_claim_below_proved_says_what_a_proof_would_need(claim):
    assert has_proof_note(claim.get("notes")), (
        f"{claim['id']} is {claim['own_strength']} and no note says what a proof would need")


def test_no_verified_claim_records_a_violation_as_its_worst_margin():
    """A margin is slack: ≥ 0 where the statement holds (within floating-point rounding, which the site shows as
    "0 (to rounding)").  pca-reference-runs recorded −(worst distance) instead of the slack to its 1e-4 tolerance, so a
    verified claim showed a negative margin (issue 21)."""
    from verify.faces.site.pages import ROUNDING

    claims = json.loads(RESULTS.read_text(encoding="utf-8")).get("claims", []) if RESULTS.exists() else []
    bad = [(c["id"], c["worst_margin"]) for c in claims
           if c.get("status") == "verified" and c.get("worst_margin") is not None and c["worst_margin"] < -ROUNDING]
    assert not bad, bad
