"""The runner's verdict logic, on toy claims whose answers are known."""
import json

import sympy as sp

from verify.engine.claim import Claim, Erratum, Mutant, Outcome, Proof
from verify.engine.profiles import get_profile
from verify.run.claim_runner import run_claim

CI = get_profile("ci")


def threshold_check(c, ctx):
    """Statement: 'x² ≥ c for every x in [1, 2]' (true iff c ≤ 1)."""
    return Outcome(holds=c <= 1, methods=["symbolic (toy)"], examples=1, worst_margin=1 - c,
                   counterexample=None if c <= 1 else {"x": 1}, strength="proved",
                   proof=[Proof("symbolic", "1 − c, exactly", 1 - sp.nsimplify(c))])


def toy(**kw):
    base = dict(id="toy:1", section="8.2", title="toy", kind="inequality", printed="x^2 \\ge c",
                statement=0.5, check=threshold_check, mutants=(Mutant("c = 2", 2.0),))
    base.update(kw)
    return Claim(**base)


def test_verified_claim_with_killed_mutant_passes():
    ev = run_claim(toy(), CI)
    assert ev.status == "verified" and ev.killed == 1 and ev.matches_expectation


def test_false_claim_is_refuted_with_its_counterexample():
    ev = run_claim(toy(statement=3.0), CI)
    assert ev.status == "refuted"
    assert not ev.matches_expectation
    assert any("counterexample" in p for p in ev.problems())


def test_erratum_needs_the_corrected_form_proved():
    er = Erratum("c = 3", "c = 1", "too strong", corrected_statement=1.0)
    ev = run_claim(toy(statement=3.0, erratum=er), CI)
    assert ev.status == "erratum" and ev.matches_expectation
    bad = Erratum("c = 3", "c = 2", "still too strong", corrected_statement=2.0)
    assert run_claim(toy(statement=3.0, erratum=bad), CI).status == "refuted"


def test_stale_erratum_fails():
    er = Erratum("c = 0.5", "c = 0.4", "not needed", corrected_statement=0.4)
    ev = run_claim(toy(erratum=er), CI)
    assert ev.status == "verified" and not ev.matches_expectation


def test_surviving_mutant_fails_the_claim():
    ev = run_claim(toy(mutants=(Mutant("c = 0.9 (also true)", 0.9),)), CI)
    assert ev.status == "verified" and ev.killed == 0 and not ev.matches_expectation
    assert any("survived" in p for p in ev.problems())


def test_claim_without_mutants_fails():
    ev = run_claim(toy(mutants=()), CI)
    assert not ev.matches_expectation


def test_crashing_check_is_reported_not_raised():
    def boom(s, ctx):
        raise ZeroDivisionError("division by zero")

    ev = run_claim(toy(check=boom), CI)
    assert ev.status == "inconclusive" and "ZeroDivisionError" in ev.error


def test_evidence_json_is_deterministic_apart_from_time():
    a, b = run_claim(toy(), CI, seed=3).as_json(), run_claim(toy(), CI, seed=3).as_json()
    a.pop("seconds"), b.pop("seconds")
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
