"""Exact nonnegativity certificates for a chain of polynomial inequalities on a box.

A chain starts from premises (polynomials known to be ≥ 0) and a box of variables; each
link derives a new fact ``h ≥ 0`` by an identity

    multiplier · h  ≡  Σ coef · Π atoms          (sympy.expand of the difference is 0)

where every coef ≥ 0, every atom is nonnegative on the box (a premise, a fact proved by an
earlier link, a side v − lo or hi − v of the box, a square) and the multiplier is a positive
constant plus such terms, so it is > 0 and h ≥ 0 follows.  The last link's fact is the
conclusion.  Nothing is sampled: a chain that checks is a proof for every point of the box
(strength ``proved``); a link that does not reduce to 0 is reported, not repaired.
"""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from verify.engine.claim import Step


@dataclass(frozen=True)
class Link:
    name: str
    fact: sp.Expr  # the new fact: fact ≥ 0
    terms: tuple  # ((coef, (atom name, ...)), ...): the certificate
    multiplier: tuple = ((1, ()),)  # a positive constant term plus nonnegative terms
    text: str = ""


def _atoms(variables, premises) -> dict[str, sp.Expr]:
    out = dict(premises)
    for v, lo, hi in variables:
        out[f"{v}-lo"] = v - sp.nsimplify(lo)
        out[f"hi-{v}"] = sp.nsimplify(hi) - v
        out[f"{v}^2"] = v**2
    return out


def _value(terms, atoms) -> tuple[sp.Expr, bool]:
    total, ok = sp.Integer(0), True
    for coef, names in terms:
        coef = sp.nsimplify(coef)
        ok = ok and bool(coef >= 0)
        val = coef
        for n in names:
            if n not in atoms:
                return sp.nan, False
            val = val * atoms[n]
        total += val
    return sp.expand(total), ok


def prove_chain(variables, premises: dict[str, sp.Expr], links: list[Link]) -> tuple[bool, list[Step]]:
    """Check every link in order; a checked link's fact becomes an atom for the later ones."""
    atoms = _atoms(variables, premises)
    steps, all_ok = [], True
    for link in links:
        mult, mult_ok = _value(link.multiplier, atoms)
        positive = mult_ok and any(not names and sp.nsimplify(c) > 0 for c, names in link.multiplier)
        cert, cert_ok = _value(link.terms, atoms)
        rest = sp.expand(mult * link.fact - cert) if cert is not sp.nan else link.fact
        ok = positive and cert_ok and rest == 0
        steps.append(Step(link.name, (link.text + ": " if link.text else "")
                          + f"({sp.sstr(mult)})·({sp.sstr(link.fact)}) − certificate", derived=rest, holds=ok))
        all_ok = all_ok and ok
        if not ok:
            break
        atoms[link.name] = link.fact
    return all_ok, steps
