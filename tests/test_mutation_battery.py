"""A mutation battery for the engine (issue 19): every kind of false proof it must catch.

- premise mutants: a premise changed must make the proof fail; a typed-in premise the
  hypotheses do not imply fails the component check; a premise backed by a claim the
  claim does not use is a problem; atom_subs without a source are refused;
- proof-path mutants: a generic part that restates a fixed lemma instead of the claim
  cannot carry `proved` (the strength drops, results.json says which path killed what);
- a keyword relabel: a float-only check relabelled `proved` (tried on eq:8.129) fails;
- a non-square `orthogonal=` is refused;
- rate mutants: theory ± δ on the same fitted data are refuted, and a fit whose
  resolution the sweep cannot reach makes the verdict inconclusive.
"""
import dataclasses

import numpy as np
import pytest
import sympy as sp
from sympy import MatrixSymbol

from verify.engine.checks.generic import generic_too
from verify.engine.checks.identity import MatrixIdentity, check_matrix_identity
from verify.engine.claim import Claim, Mutant, Outcome, Premise
from verify.engine.context import Context
from verify.engine.profiles import get_profile
from verify.engine.rates import judge, pooled_fit
from verify.run.claim_runner import run_claim

CI = get_profile("ci")
d = sp.Symbol("d", integer=True, positive=True)
x = MatrixSymbol("x", d, 1)
v = MatrixSymbol("v", d, 1)
ctx = Context(profile=CI, seed=0, claim_id="battery", variant="printed")


def claim(statement, check, mutants=(), **kw):
    base = dict(id="toy:battery", section="8.2", title="toy", kind="identity", printed="toy",
                statement=statement, check=check, mutants=tuple(mutants))
    base.update(kw)
    return Claim(**base)


# -- premises ---------------------------------------------------------------------------------------------------
def unit_identity(value=1):
    """(vᵀv)²·xᵀx = xᵀx for a unit vector v (the premise is a hypothesis of the statement)."""
    return MatrixIdentity((v.T * v) * (v.T * v) * (x.T * x), x.T * x, (x, v), dim=d,
                          atom_subs=(Premise("⟨vᵀ v⟩", sp.Integer(value), "hypothesis"),), label="unit")


def test_a_premise_mutant_is_added_and_killed():
    ev = run_claim(claim(unit_identity(), check_matrix_identity, [Mutant("xᵀx = 2xᵀx", dataclasses.replace(
        unit_identity(), rhs=2 * x.T * x))]), CI)
    assert ev.status == "verified" and ev.strength == "proved", ev.problems()
    prem = [m for m in ev.mutants if m.kind.startswith("premise")]
    assert len(prem) == 1 and prem[0].killed and prem[0].killed_by, prem
    assert ev.matches_expectation, ev.problems()
    j = ev.as_json()
    assert j["premises"] == [{"atom": "⟨vᵀ v⟩", "value": "1", "source": "hypothesis"}]
    assert all(m["killed_by"] for m in j["mutants"]["list"])


def test_an_unused_premise_survives_its_mutant():
    # xᵀx + vᵀv = xᵀx + vᵀv does not need ‖v‖ = 1 from lemma:unit: changing it does not break the proof
    st = MatrixIdentity(x.T * x + v.T * v, x.T * x + v.T * v, (x, v), dim=d,
                        atom_subs=(Premise("⟨vᵀ v⟩", sp.Integer(1), "uses:lemma:unit"),), label="unused")
    ev = run_claim(claim(st, check_matrix_identity, [Mutant("2xᵀx", dataclasses.replace(st, rhs=2 * x.T * x))],
                         uses=("lemma:unit",)), CI)
    assert any("mutant survived" in p and "premise" in p for p in ev.problems())
    # the same as a hypothesis of the statement: the changed statement is true too, which is no failure
    hyp = dataclasses.replace(st, atom_subs=(Premise("⟨vᵀ v⟩", sp.Integer(1), "hypothesis"),))
    ev = run_claim(claim(hyp, check_matrix_identity, [Mutant("2xᵀx", dataclasses.replace(hyp, rhs=2 * x.T * x))]), CI)
    assert [m.kind for m in ev.mutants if not m.killed] == ["premise-hypothesis"] and ev.matches_expectation


def test_a_typed_in_premise_is_checked_not_imposed():
    # 2‖x‖² = 1 "follows" from a typed ‖x‖² = ½, which nothing implies: the component check must refuse it
    st = MatrixIdentity(2 * (x.T * x), sp.Integer(1), (x,), dim=d,
                        atom_subs=(Premise("⟨xᵀ x⟩", sp.Rational(1, 2), "checked-on-instance"),), label="typed")
    out = check_matrix_identity(st, ctx)
    assert out.holds is False and "premise" in out.counterexample
    assert out.decided_by == ["component check (premise)"]


def test_a_premise_backed_by_a_claim_must_be_a_use():
    st = MatrixIdentity((v.T * v) * (x.T * x), x.T * x, (x, v), dim=d,
                        atom_subs=(Premise("⟨vᵀ v⟩", sp.Integer(1), "uses:lemma:unit"),), label="uses")
    mut = [Mutant("2xᵀx", dataclasses.replace(st, rhs=2 * x.T * x))]
    bad = run_claim(claim(st, check_matrix_identity, mut), CI)
    assert any("does not use" in p for p in bad.problems())
    good = run_claim(claim(st, check_matrix_identity, mut, uses=("lemma:unit",)), CI)
    assert not any("does not use" in p for p in good.problems())


def test_atom_subs_without_a_source_are_refused():
    with pytest.raises(ValueError, match="Premise"):
        MatrixIdentity(x.T * x, x.T * x, (x,), dim=d, atom_subs=(("⟨xᵀ x⟩", sp.Integer(1)),))
    with pytest.raises(ValueError, match="source"):
        Premise("⟨xᵀ x⟩", 1, "typed")


# -- proof-path mutants -----------------------------------------------------------------------------------------
def _sampled(c, ctx):
    """A concrete check by floats: 2‖x‖² = c‖x‖² on random x (sampled)."""
    xs = ctx.rng("toy").standard_normal((20, 3))
    n2 = (xs ** 2).sum(axis=1)
    ok = bool(np.all(np.abs(2 * n2 - c * n2) < 1e-9))
    return Outcome(ok, ["sweep"], 20, None, None if ok else {"c": c}, strength="sampled")


def restating(c):
    return MatrixIdentity(2 * (x.T * x), c * (x.T * x), (x,), dim=d, label="restates")


def fixed_lemma(c):
    return MatrixIdentity(2 * (x.T * x), x.T * x + x.T * x, (x,), dim=d, label="a fixed lemma")


@pytest.mark.parametrize("generic", [fixed_lemma, lambda c: fixed_lemma(c) if c == 2 else None])
def test_a_generic_part_that_restates_a_fixed_lemma_cannot_carry_proved(generic):
    ev = run_claim(claim(sp.Integer(2), generic_too(_sampled, generic), [Mutant("c = 3", sp.Integer(3))]), CI)
    assert ev.status == "verified" and ev.mutants[0].killed
    assert ev.mutants[0].on_proof_path is False and "generic: normal form" not in ev.mutants[0].killed_by
    assert ev.strength == "sampled" and ev.strength_drop["from"] == "proved"
    assert ev.as_json()["strength_drop"]["to"] == "sampled"


def test_a_generic_part_that_restates_the_claim_keeps_proved():
    ev = run_claim(claim(sp.Integer(2), generic_too(_sampled, restating), [Mutant("c = 3", sp.Integer(3))]), CI)
    assert ev.strength == "proved" and ev.strength_drop is None and ev.matches_expectation, ev.problems()
    m = ev.as_json()["mutants"]["list"][0]
    assert m["on_proof_path"] is True and "generic: normal form" in m["killed_by"]


def test_a_mutant_killed_only_by_sampling_drops_a_proved_claim():
    def check(c, ctx):
        if c == 2:
            return check_matrix_identity(restating(c), ctx)
        return _sampled(c, ctx)  # the mutant never reaches the proof
    ev = run_claim(claim(sp.Integer(2), check, [Mutant("c = 3", sp.Integer(3))]), CI)
    assert ev.strength == "sampled" and ev.mutants[0].killed_by == ["sampling"]


# -- a keyword relabel ------------------------------------------------------------------------------------------
def test_a_float_only_check_relabelled_proved_fails_on_eq_8_129():
    from verify.engine import registry
    c = registry.select(["eq:8.129"])[0]

    def relabelled(stmt, ctx):
        out = c.check(stmt, ctx)
        out.strength = "proved"  # the relabel; the methods already say "symbolic"
        return out
    ev = run_claim(dataclasses.replace(c, check=relabelled), CI)
    assert "symbolic" in ev.methods and ev.status == "verified"
    assert any("declares proved but the objects that decided it support only sampled" in p for p in ev.problems())


# -- orthogonal= ------------------------------------------------------------------------------------------------
def test_a_non_square_orthogonal_is_refused():
    p, n = sp.Symbol("p", integer=True, positive=True), sp.Symbol("n", integer=True, positive=True)
    V = MatrixSymbol("V", p, n)
    y = MatrixSymbol("y", p, 1)
    with pytest.raises(ValueError, match="square"):  # xᵀVVᵀx = xᵀx is false for p > n
        MatrixIdentity(y.T * V * V.T * y, y.T * y, (y, V), orthogonal=(V,))
    from symbolic.trace_normal_form import NormalForm
    with pytest.raises(ValueError, match="square"):
        NormalForm(orthogonal=(V,))
    U = MatrixSymbol("U", d, d)
    out = check_matrix_identity(MatrixIdentity(x.T * U * U.T * x, x.T * x, (x, U), dim=d, orthogonal=(U,)), ctx)
    assert out.holds and out.strength == "proved"


# -- rates with power -------------------------------------------------------------------------------------------
def rate_check(exponent, resolution, noise=0.01, sizes=(8, 16, 32, 64, 128, 256)):
    def check(theory, ctx):
        curves = []
        for s in range(3):
            r = np.random.default_rng(100 + s)
            xs = np.array(sizes, float)
            curves.append((xs, xs ** exponent * np.exp(r.normal(0, noise, xs.size))))
        fit, sf = pooled_fit("toy error", "m", curves, theory, "=", (0, 1, 2), resolution=resolution)
        j = judge(fit, sf)
        return Outcome(j.holds, ["sweep"], 18, None, None if j.holds else {"fit": j.reason}, fits=[fit],
                       strength="sampled")
    return check


def test_rate_mutants_theory_plus_minus_delta_are_refuted_on_the_same_data():
    ev = run_claim(claim(-0.5, rate_check(-0.5, 0.1), [Mutant("−1", -1.0)], kind="asymptotic"), CI)
    res = [m for m in ev.mutants if m.kind == "resolution"]
    assert ev.status == "verified" and len(res) == 2 and all(m.killed for m in res), ev.problems()
    assert all(m.killed_by == ["sweep (same fitted data)"] for m in res)
    assert ev.as_json()["fits"][0]["resolution"] == 0.1 and ev.matches_expectation


def test_a_near_miss_the_sweep_cannot_tell_makes_the_verdict_inconclusive():
    # noise 0.3 on a short range: theory ± 0.02 is inside the interval too
    ev = run_claim(claim(-0.5, rate_check(-0.5, 0.02, noise=0.3), [Mutant("−3", -3.0)], kind="asymptotic"), CI)
    assert ev.status == "inconclusive" and any("resolution" in n for n in ev.notes)
    assert not ev.matches_expectation  # declared verified: the test fails until the claim says inconclusive
    ok = run_claim(claim(-0.5, rate_check(-0.5, 0.02, noise=0.3), [Mutant("−3", -3.0)], kind="asymptotic",
                         expect="inconclusive", expect_reason="the sweep cannot resolve 0.02"), CI)
    assert ok.matches_expectation, ok.problems()


def test_a_refute_only_fit_gets_no_resolution_mutants():
    # a lower bound read only to refute: its wide interval cannot verify anything, so it carries no ±δ mutants
    # (the verifying fit does); without the flag the same wide fit would make the verdict inconclusive
    def check_with(refutes_only):
        def check(theory, ctx):
            tight, loose = [], []
            for s in range(3):
                r = np.random.default_rng(100 + s)
                xs = np.array((8, 16, 32, 64, 128, 256), float)
                tight.append((xs, xs ** -0.5 * np.exp(r.normal(0, 0.01, xs.size))))
                loose.append((xs, xs ** -0.5 * np.exp(r.normal(0, 0.3, xs.size))))
            fit, sf = pooled_fit("upper bound", "m", tight, theory, "<=", (0, 1, 2), resolution=0.1)
            low, slow = pooled_fit("lower bound", "m", loose, theory, "<=", (0, 1, 2), resolution=0.02,
                                   refutes_only=refutes_only)
            j, jl = judge(fit, sf), judge(low, slow)
            holds = False if jl.holds is False else j.holds
            return Outcome(holds, ["sweep"], 36, None, None if holds else {"fit": j.reason}, fits=[fit, low],
                           strength="sampled")
        return check

    ev = run_claim(claim(-0.5, check_with(True), [Mutant("−1", -1.0)], kind="asymptotic"), CI)
    res = [m for m in ev.mutants if m.kind == "resolution"]
    assert ev.status == "verified" and len(res) == 1 and res[0].killed, ev.problems()
    assert ev.as_json()["fits"][1]["refutes_only"] is True and "refutes_only" not in ev.as_json()["fits"][0]
    assert run_claim(claim(-0.5, check_with(False), [Mutant("−1", -1.0)], kind="asymptotic"), CI).status == "inconclusive"


def test_a_fit_without_resolution_is_a_problem():
    ev = run_claim(claim(-0.5, rate_check(-0.5, None), [Mutant("−1", -1.0)], kind="asymptotic"), CI)
    assert any("without a usable resolution" in p for p in ev.problems())


def test_a_wrong_exponent_near_the_theory_is_not_verified_by_a_tail():
    # the near miss: an exponent 0.1 away from the theory must not be verified
    ev = run_claim(claim(-0.6, rate_check(-0.5, 0.1), [Mutant("−1", -1.0)], kind="asymptotic"), CI)
    assert ev.status == "refuted"
