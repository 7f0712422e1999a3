"""Turn a claim into Evidence: check the printed form, the correction, the mutants."""
from __future__ import annotations

import time
import traceback
from typing import Callable

from verify.engine.claim import Claim, Outcome
from verify.engine.context import Context
from verify.engine.evidence import Evidence, MutantResult
from verify.engine.lazy import force
from verify.engine.profiles import Profile


def _run(claim: Claim, statement, profile: Profile, seed: int, variant: str, log) -> Outcome:
    ctx = Context(profile=profile, seed=seed, claim_id=claim.id, variant=variant, log=log)
    out = claim.check(force(statement), ctx)  # a lazy statement is built here, on first use
    if not isinstance(out, Outcome):
        raise TypeError(f"check of {claim.id} returned {type(out).__name__}, not Outcome")
    return out


def run_claim(
    claim: Claim,
    profile: Profile,
    seed: int = 0,
    log: Callable[[str], None] = lambda m: None,
) -> Evidence:
    from numeric.sweeps import blas

    t0 = time.perf_counter()
    with blas.one_thread():  # the same bits whatever the core count or import order (numeric.sweeps.blas)
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
                                  strength=printed.strength, notes=printed.notes, steps=printed.steps)
                if claim.erratum is not None:
                    corrected = _run(claim, claim.erratum.corrected_statement, profile, seed, "corrected", log)
                    status = {True: "erratum", False: "refuted", None: "inconclusive"}[corrected.holds]
                else:
                    status = "refuted"
            if status == "erratum" and broken(attacks, "corrected"):
                status = "refuted"  # a correction that falls to an attack is false: never reported as settled
        mutants = []
        for m in claim.mutants:
            mo = _run(claim, m.statement, profile, seed, f"mutant:{m.name}", log)
            mutants.append(MutantResult(m.name, killed=mo.holds is False, detail=str(mo.counterexample)))
        ev = Evidence(claim, status, printed, corrected, mutants, seed=seed, profile=profile.name, attacks=attacks)
    except Exception as exc:  # a crashing check is a finding, not a crash of the tool
        tb = traceback.format_exception_only(type(exc), exc)[-1].strip()
        ev = Evidence(claim, "inconclusive", Outcome(holds=None), seed=seed, profile=profile.name, error=tb)
    return ev
