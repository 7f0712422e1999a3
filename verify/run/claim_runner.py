"""Turn a claim into Evidence: check the printed form, the correction, the mutants.

Beside the claim's own mutants the runner adds two kinds, automatically:
- premise mutants: a statement that declares premises (``premise_mutants()``) gets one
  mutant per premise with its value changed; the proof must fail without the true premise;
- resolution mutants: every fit the verdict rests on is re-judged, on the same fitted
  data (no new run), with its theory value moved by its resolution δ; those must be
  refuted. When they are not, the sweep cannot tell a near miss: the verdict is
  ``inconclusive``, with the reason.
It records, per mutant, the path that killed it (``killed_by``). A ``proved`` or
``exact`` verdict whose mutants are killed outside its proof path (by sampling alone,
or by the concrete check of ``generic_too`` when the generic part does not refute
them) drops to the strength of what killed them.
"""
from __future__ import annotations

import time
import traceback
from typing import Callable

from verify.engine.claim import STRENGTHS, Claim, Mutant, Outcome, Proof, weakest
from verify.engine.context import Context
from verify.engine.evidence import Evidence, MutantResult
from verify.engine.lazy import force
from verify.engine.profiles import Profile
from verify.engine.rates import judge, rejudge, resolution_mutants
from verify.engine.strength import evidence_kinds, strength_problems, supported

_PATH_OF_KIND = {"symbolic": "symbolic proof", "exact": "exact certificate", "interval": "interval enclosure",
                 "sample": "samples"}


def _run(claim: Claim, statement, profile: Profile, seed: int, variant: str, log) -> Outcome:
    ctx = Context(profile=profile, seed=seed, claim_id=claim.id, variant=variant, log=log)
    out = claim.check(force(statement), ctx)  # a lazy statement is built here, on first use
    if not isinstance(out, Outcome):
        raise TypeError(f"check of {claim.id} returned {type(out).__name__}, not Outcome")
    return out


def killed_by(out: Outcome) -> list[str]:
    """The path(s) that decided an outcome: declared by the check, else read from its deciding objects."""
    if out.decided_by:
        return list(out.decided_by)
    paths = [p.path or _PATH_OF_KIND[p.kind] for p in out.proof]
    kinds = evidence_kinds(out)
    if not paths and "symbolic" in kinds:
        paths.append("derivation step")
    if out.fits:
        paths.append("sweep")
    if not paths and "sample" in kinds:
        paths.append("sampling")
    return list(dict.fromkeys(paths)) or ["unrecorded"]


def _on_proof_path(main: Outcome, mo: Outcome) -> bool:
    """Was the mutant killed by the path that proves the claim?

    When the proof declares its paths (``decided_by``), the mutant's refutation must come from one of them
    (its own declared paths, or the ones its deciding objects name). When it declares none, the deciding
    objects say it: a refutation by exact or symbolic objects is on a proof path, one by samples is not.
    """
    if main.decided_by:
        return bool(set(main.decided_by) & set(killed_by(mo)))
    return mo.strength in ("proved", "exact") and supported(mo) in ("proved", "exact")


def premise_mutants(statement) -> list[Mutant]:
    fn = getattr(statement, "premise_mutants", None)
    return list(fn()) if callable(fn) else []


def run_claim(
    claim: Claim,
    profile: Profile,
    seed: int = 0,
    log: Callable[[str], None] = lambda m: None,
) -> Evidence:
    import mpmath

    from numeric.sweeps import blas

    t0 = time.perf_counter()
    # the same bits whatever the core count or import order (numeric.sweeps.blas), and whatever mpmath precision an
    # earlier claim in this process left set (a claim that sets mp.dps would change the next claim's digits)
    with blas.one_thread(), mpmath.workdps(15):
        ev = _judge(claim, profile, seed, log)
    ev.seconds = time.perf_counter() - t0
    return ev


def _judge(claim: Claim, profile: Profile, seed: int, log) -> Evidence:
    try:
        printed = _run(claim, claim.statement, profile, seed, "printed", log)
        corrected = None
        if claim.kind == "informal":
            status = "informal"
        elif printed.holds is True:
            status = "verified"
        elif printed.holds is None:
            status = "inconclusive"
        elif claim.erratum is not None:
            corrected = _run(claim, claim.erratum.corrected_statement, profile, seed, "corrected", log)
            status = "erratum" if corrected.holds is True else "refuted"
        else:
            status = "refuted"
        attacks = []
        if claim.quantified is not None and claim.kind != "informal":
            from verify.engine.attacks import attack, broken

            attacks = attack(claim, profile, seed, log)
            hit = broken(attacks, "printed")
            if hit and status in ("verified", "inconclusive"):  # the bank decides what the check let through
                printed = Outcome(False, printed.methods + ["adversary bank"], printed.examples,
                                  counterexample={"member": hit[0].member, "detail": hit[0].detail},
                                  strength="sampled", notes=printed.notes, steps=printed.steps,
                                  proof=[Proof("sample", f"the bank member {hit[0].member!r} breaks it: {hit[0].detail}",
                                               path="adversary bank")], decided_by=["adversary bank"])
                if claim.erratum is not None:
                    corrected = _run(claim, claim.erratum.corrected_statement, profile, seed, "corrected", log)
                    status = {True: "erratum", False: "refuted", None: "inconclusive"}[corrected.holds]
                else:
                    status = "refuted"
            if status == "erratum" and broken(attacks, "corrected"):
                status = "refuted"  # a correction that falls to an attack is false: never reported as settled
        main = corrected if status == "erratum" and corrected is not None else printed
        mutants, outcomes = [], []
        extra = [] if claim.kind == "informal" else premise_mutants(force(claim.statement))
        # a changed hypothesis is another statement, which may be true (the identity may not need it): its mutant
        # is reported, and a survivor is not a failure; a changed derived, checked or used premise must break the proof
        extra_kinds = [(m, "premise-hypothesis" if getattr(m.premise, "source", "") == "hypothesis" else "premise")
                       for m in extra]
        for m, kind in [(m, "claim") for m in claim.mutants] + extra_kinds:
            mo = _run(claim, m.statement, profile, seed, f"mutant:{m.name}", log)
            mutants.append(MutantResult(m.name, killed=mo.holds is False, detail=str(mo.counterexample),
                                        killed_by=killed_by(mo) if mo.holds is False else [], kind=kind,
                                        strength=mo.strength))
            outcomes.append(mo)
        # resolution mutants: the same fitted data against theory ± δ
        notes = []
        for f in ([] if claim.kind == "informal" else main.fits):
            if f.theory is None or f.refutes_only:
                continue  # no theory value, or one the verdict reads only to refute (a consistent one verifies nothing)
            if f.resolution is None or f.sf is None:
                mutants.append(MutantResult(f"{f.quantity}: theory ± δ", killed=False, kind="resolution-missing",
                                            detail="the fit declares no resolution δ" if f.resolution is None
                                            else "the fit carries no pooled data to re-judge"))
                continue
            if judge(f, f.sf).holds is not True:
                continue  # the verdict does not rest on this theory value being consistent
            for name, value, rel in resolution_mutants(f):
                j = rejudge(f, value, rel)
                mutants.append(MutantResult(name, killed=j.holds is False, detail=j.reason,
                                            killed_by=["sweep (same fitted data)"] if j.holds is False else [],
                                            kind="resolution", strength="sampled"))
        survivors = [m for m in mutants if m.kind == "resolution" and not m.killed]
        if survivors and status == "verified":
            status = "inconclusive"
            notes.append("inconclusive: the sweep cannot reach the resolution its fits declare ("
                         + "; ".join(f"{m.name}: {m.detail}" for m in survivors) + ")")
        ev = Evidence(claim, status, printed, corrected, mutants, seed=seed, profile=profile.name, attacks=attacks)
        ev.notes = notes
        ev.premises = [] if claim.kind == "informal" else list(getattr(force(claim.statement), "premises", ()) or ())
        _proof_path(ev, outcomes)
    except Exception as exc:  # a crashing check is a finding, not a crash of the tool
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        ev = Evidence(claim, "inconclusive", Outcome(holds=None), seed=seed, profile=profile.name, error=tb)
    return ev


def _proof_path(ev: Evidence, outcomes: list[Outcome]) -> None:
    """Mark each killed mutant on or off the proof path; drop a proved/exact verdict that other paths carry."""
    main = ev.main
    if ev.status == "informal":
        return
    off = []
    for m, mo in zip(ev.mutants, outcomes):
        if m.killed:
            m.on_proof_path = _on_proof_path(main, mo)
            if not m.on_proof_path:
                off.append((m, mo))
    if main.strength not in ("proved", "exact") or not off:
        return
    if main.fallback is not None and main.fallback[0] is not None:
        new, sizes = main.fallback[0], list(main.fallback[1])
    else:
        new = weakest(*[weakest(mo.strength or "sampled", supported(mo)) for _, mo in off])
        sizes = [s for _, mo in off for s in mo.sizes]
    if STRENGTHS.index(new) <= STRENGTHS.index(main.strength):
        return
    # a drop does not launder a declaration its objects never supported: that stays a failure
    ev.declared_problems = strength_problems(main, "verdict (as declared, before the drop)")
    ev.strength_drop = {"from": main.strength, "to": new, "mutants": [m.name for m, _ in off],
                        "killed_by": sorted({p for m, _ in off for p in m.killed_by})}
    main.notes.append(f"strength {main.strength} → {new}: mutant(s) {', '.join(m.name for m, _ in off)} killed only "
                      f"outside the proof path (by {', '.join(ev.strength_drop['killed_by'])}), so the proof path "
                      "does not restate the claim; a proof would need a proof path that refutes them itself (an "
                      "argument for every size, not a concrete instance or samples)")
    main.strength = new
    main.sizes = list(dict.fromkeys(sizes)) if new == "exact" else []
