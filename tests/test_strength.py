"""Strength of a verdict: declared by the checks, honest, propagated over the uses graph,
and shown by results.json (schema 2), REPORT.md, `verify list --strength`, `verify show`."""
import json

import pytest
from hypothesis import strategies as st

import sympy as sp

from verify.engine.claim import Claim, Erratum, Mutant, Outcome, Proof
from verify.faces.cli import main
from verify.engine.context import Context
from verify.faces.report_graph import mermaid
from verify.engine.profiles import get_profile
from verify.faces.report_markdown import strength_table
from verify.faces.results_json import build
from verify.run.claim_runner import run_claim
from verify.engine.falsify import search
from verify.engine.strength import effective_strengths, strength_problems

CI = get_profile("ci")


def toy(check, **kw):
    base = dict(id="toy:s", section="8.2", title="toy", kind="inequality", printed="x^2 \\ge c",
                statement=0.5, check=check, mutants=(Mutant("c = 2", 2.0),))
    base.update(kw)
    return Claim(**base)


def declared(strength, methods=("symbolic",), sizes=(), proof=None):
    """A toy check declaring ``strength``; by default it carries the object that strength needs."""
    if proof is None:
        kind = {"proved": "symbolic", "exact": "exact", "certified": "interval"}.get(strength)
        proof = [Proof(kind, "toy", sp.Integer(0))] if kind else []

    def check(c, ctx):
        return Outcome(holds=c <= 1, methods=list(methods), examples=1, worst_margin=1 - c,
                       strength=strength, sizes=list(sizes), proof=list(proof))
    return check


def test_undeclared_strength_fails_the_claim():
    ev = run_claim(toy(declared(None)), CI)
    assert ev.status == "verified" and not ev.matches_expectation
    assert any("strength undeclared" in p for p in ev.problems())


def test_proved_with_only_sampling_evidence_is_caught():
    ev = run_claim(toy(declared("proved", methods=("hypothesis", "sweep"), proof=())), CI)
    assert any("support only sampled" in p for p in ev.problems())


def test_strength_is_read_from_objects_not_method_names():
    # a float-only check relabelled proved (and given a rigorous-sounding method name) is caught
    relabel = declared("proved", methods=("symbolic", "normal form", "exact"), proof=())
    assert any("support only sampled" in p for p in run_claim(toy(relabel), CI).problems())
    # a float passed off as a proof object is not one either: floats are never exact
    floaty = declared("exact", sizes=["d = 2"], proof=[Proof("exact", "float residual", 1e-17)])
    assert any("support only sampled" in p for p in run_claim(toy(floaty), CI).problems())
    # the same objects under a plain method name are enough
    assert run_claim(toy(declared("proved", methods=("whatever",))), CI).matches_expectation
    ok = run_claim(toy(declared("sampled", methods=("hypothesis",))), CI)
    assert ok.matches_expectation and ok.strength == "sampled"


def test_exact_needs_its_sizes():
    assert any("sizes" in p for p in run_claim(toy(declared("exact")), CI).problems())
    ev = run_claim(toy(declared("exact", sizes=["d ∈ {2, 3}"])), CI)
    assert ev.matches_expectation and ev.sizes == ["d ∈ {2, 3}"]


def test_proved_at_listed_sizes_is_caught():
    ev = run_claim(toy(declared("proved", sizes=["d = 3"])), CI)
    assert any("finite sizes" in p for p in ev.problems())


def test_fits_are_sampled():
    from verify.engine.claim import Fit
    out = Outcome(True, ["symbolic"], strength="proved", fits=[Fit("err", "m", -0.5, (-0.6, -0.4))])
    assert any("fitted" in p for p in strength_problems(out))


def test_bad_strength_value_is_rejected():
    with pytest.raises(ValueError):
        Outcome(True, strength="certain")


def test_search_outcomes_are_sampled_both_ways():
    ctx = Context(profile=CI, seed=0, claim_id="t", variant="printed")
    assert search(st.floats(0, 1), lambda x: x, ctx).strength == "sampled"
    assert search(st.floats(0, 1), lambda x: 0.5 - x, ctx).strength == "sampled"


def test_normal_form_proof_is_proved_and_counterexample_exact():
    import sympy as sp
    from verify.engine.checks.identity import MatrixIdentity, check_matrix_identity
    d = sp.Symbol("d", integer=True, positive=True)
    x = sp.MatrixSymbol("x", d, 1)
    ctx = Context(profile=CI, seed=0, claim_id="t", variant="printed")
    good = check_matrix_identity(MatrixIdentity(x.T * x * 2, x.T * x + x.T * x, (x,), dim=d), ctx)
    assert good.holds and good.strength == "proved"
    bad = check_matrix_identity(MatrixIdentity(x.T * x * 3, x.T * x + x.T * x, (x,), dim=d), ctx)
    assert bad.holds is False and bad.strength == "exact" and bad.sizes


def test_entrywise_identities_are_exact_at_their_d():
    from verify.chapter8.checks.entrywise import EntrywiseIdentity, check_entrywise
    ctx = Context(profile=CI, seed=0, claim_id="t", variant="printed")
    out = check_entrywise(EntrywiseIdentity(build=lambda inst: (inst.W[0, 1] ** 2, inst.W[0, 1]), d=2), ctx)
    assert out.holds and out.strength == "exact" and out.sizes == ["d = 2"]


def test_erratum_carries_two_strengths():
    def check(c, ctx):
        if c > 1:  # refuted at an exact instance
            return Outcome(False, ["exact counterexample"], counterexample={"x": 1}, strength="exact", sizes=["x = 1"],
                           proof=[Proof("exact", "x = 1", sp.Integer(2))])
        return Outcome(True, ["symbolic"], strength="proved", proof=[Proof("symbolic", "0", sp.Integer(0))])
    er = Erratum("c = 3", "c = 1", "too strong", corrected_statement=1.0)
    ev = run_claim(toy(check, statement=3.0, erratum=er), CI)
    assert ev.status == "erratum" and ev.matches_expectation
    j = ev.as_json()
    assert j["strength"] == "proved"
    assert j["erratum"]["refutation_strength"] == "exact" and j["erratum"]["refutation_sizes"] == ["x = 1"]
    assert j["erratum"]["corrected_strength"] == "proved"


def _entry(cid, own, uses=(), status="verified"):
    return {"id": cid, "status": status, "uses": list(uses), "own_strength": own, "strength": own}


def test_a_theorem_is_as_strong_as_its_weakest_use():
    claims = [_entry("lemma:a", "proved"), _entry("lemma:b", "sampled", ["lemma:a"]),
              _entry("thm:t", "proved", ["lemma:a", "lemma:b"]), _entry("thm:u", "proved", ["lemma:a"])]
    eff = effective_strengths(claims)
    assert eff["thm:u"]["strength"] == "proved"
    assert eff["thm:t"]["strength"] == "sampled" and eff["thm:t"]["limited_by"] == ["lemma:b (sampled)"]


def test_propagation_is_transitive():
    claims = [_entry("a", "exact", ["b"]), _entry("b", "proved"), _entry("c", "proved", ["a"])]
    eff = effective_strengths(claims)
    assert eff["c"]["strength"] == "exact" and eff["a"]["strength"] == "exact" and eff["b"]["strength"] == "proved"


def test_informal_or_unchecked_uses_are_not_proofs():
    claims = [_entry("thm:i", None, status="informal"), _entry("thm:t", "proved", ["thm:i"]),
              _entry("thm:u", "proved", ["eq:9.9"])]
    eff = effective_strengths(claims)
    assert eff["thm:t"]["strength"] == "sampled" and eff["thm:u"]["strength"] == "sampled"
    assert eff["thm:i"]["strength"] is None


def test_a_definition_use_propagates_like_any_claim():
    claims = [_entry("def:d", "sampled"), _entry("thm:t", "proved", ["def:d"])]
    claims[0]["kind"] = "definition"
    eff = effective_strengths(claims)["thm:t"]
    assert eff["strength"] == "sampled" and eff["limited_by"] == ["def:d (sampled)"]


def test_a_cycle_in_uses_is_an_error_and_weakens():
    from verify.engine.strength import uses_cycles
    claims = [_entry("a", "proved", ["b"]), _entry("b", "proved", ["a"]), _entry("c", "proved", ["b"])]
    assert uses_cycles(claims) == [["a", "b"]]
    eff = effective_strengths(claims)
    assert eff["a"]["strength"] == "sampled" and any("cycle" in w for w in eff["a"]["limited_by"])
    assert eff["c"]["strength"] == "sampled"


def test_an_equation_label_use_resolves_to_its_covering_claims():
    claims = [_entry("lemma:l", "exact"), _entry("thm:t", "proved", ["eq:8.26"])]
    eqs = {"8.26": {"status": "verified", "claims": ["lemma:l"]}}
    assert effective_strengths(claims, eqs)["thm:t"]["strength"] == "exact"


def test_results_schema_2_and_report_table():
    ev = run_claim(toy(declared("exact", sizes=["d = 2"])), CI)
    doc = build([ev], "ci", 0)
    c = doc["claims"][0]
    assert doc["schema"] == 3 and c["strength"] == "exact" and c["own_strength"] == "exact"
    assert c["sizes"] == ["d = 2"] and c["strength_limited_by"] == []
    table = strength_table(doc["claims"])
    assert "| verified | 0 | 1 | 0 | 0 | 0 | 1 |" in table
    assert "class n_toy_s s_exact" in mermaid(doc["claims"])


def _results(tmp_path):
    p = tmp_path / "r.json"
    p.write_text(json.dumps({"schema": 2, "claims": [
        {"id": "eq:8.8", "status": "verified", "strength": "proved"},
        {"id": "thm:8.7", "status": "verified", "strength": "sampled"}]}))
    return p


def test_list_filters_by_strength(tmp_path, capsys):
    assert main(["list", "8.3.1", "--strength", "proved", "--results", str(_results(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert "eq:8.8" in out and "thm:8.7" not in out


def test_list_with_a_bad_strength_is_one_line_exit_2(tmp_path, capsys):
    assert main(["list", "--strength", "certain", "--results", str(_results(tmp_path))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown strength" in err
    assert main(["list", "--strength", "proved", "--results", str(tmp_path / "none.json")]) == 2


def test_show_prints_strength_and_sizes(tmp_path, capsys):
    # stored evidence first, then (--check) the fresh run's: both give the strength
    assert main(["show", "eq:8.8", "--check", "--results", str(_results(tmp_path))]) == 0
    assert "strength: proved" in capsys.readouterr().out


def test_report_shows_the_strength_table_and_each_claims_strength():
    from verify.faces.report_markdown import render
    er = Erratum("c = 3", "c = 1", "too strong", corrected_statement=1.0)

    def check(c, ctx):
        if c > 1:
            return Outcome(False, ["exact counterexample"], counterexample={"x": 1}, strength="exact", sizes=["x = 1"],
                           proof=[Proof("exact", "x = 1", sp.Integer(2))])
        return Outcome(True, ["symbolic"], strength="proved", proof=[Proof("symbolic", "0", sp.Integer(0))])
    evs = [run_claim(toy(check, statement=3.0, erratum=er), CI),
           run_claim(toy(declared("sampled", methods=("hypothesis",)), id="toy:t", uses=("toy:s",)), CI)]
    doc = build(evs, "ci", 0)
    md = render(doc)
    assert "| verdict × strength |" in md and "| erratum | 1 | 0 | 0 | 0 | 0 | 1 |" in md
    assert "- strength: **proved**; refutation of the printed form exact (x = 1)" in md
    assert "- strength: **sampled**" in md


def test_sizes_go_with_the_own_strength_when_a_use_limits_it():
    from verify.faces.report_markdown import strength_line
    c = {"status": "verified", "strength": "sampled", "own_strength": "exact", "sizes": ["d = 3"],
         "strength_limited_by": ["lemma:a (sampled)"]}
    assert strength_line(c) == "**sampled**; own check exact (d = 3), limited by lemma:a (sampled)"


def test_a_cycle_is_shown_by_results_json_and_the_report():
    from verify.faces.report_markdown import integrity_section
    evs = [run_claim(toy(declared("proved"), id="toy:a", uses=("toy:b",)), CI),
           run_claim(toy(declared("proved"), id="toy:b", uses=("toy:a",)), CI)]
    doc = build(evs, "ci", 0)
    assert doc["uses_cycles"] == [["toy:a", "toy:b"]]
    assert all(c["strength"] == "sampled" for c in doc["claims"])
    assert "cycles in `uses`" in integrity_section(doc) and "toy:a → toy:b → toy:a" in integrity_section(doc)
