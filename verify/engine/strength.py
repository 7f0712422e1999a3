"""Strength of a verdict: the honesty checks on a declared strength, and its propagation.

A check declares how strongly its outcome is known (``Outcome.strength``, one of
``claim.STRENGTHS``).  Two things are decided here:

- :func:`strength_problems`: a declaration the evidence cannot support is a test
  failure (undeclared; ``exact`` without the sizes it covers; ``proved``, ``exact``
  or ``certified`` when every method used is a sampling one: hypothesis, sweeps,
  optimizers, fits, plain high-precision floats; or when the outcome carries fits;
  ``proved`` with a list of finite sizes).
- :func:`effective_strengths`: a claim that uses others is only as strong as its
  weakest use (DESIGN.md: a theorem is ``proved`` only when every claim it uses is
  proved and the composition is checked).  Its own strength stands for the
  composition; the effective one is the weakest over the uses graph.  A use that is
  informal or covered by no claim counts as ``sampled``: the proof rests on a step
  nobody checked exactly.  A use of kind ``definition`` does not weaken: a definition
  is stipulated, and its claim checks that the code implements it (often by sampling),
  which is not a step of the proof that cites it.
"""
from __future__ import annotations

from verify.engine.claim import STRENGTHS, Outcome, weakest

# A method name containing one of these can carry more than `sampled`.
RIGOROUS_MARKERS = (
    "symbolic", "exact", "explicit", "interval", "certificate", "gröbner", "rational", "normal form",
)


def is_rigorous(method: str) -> bool:
    m = method.lower()
    return any(k in m for k in RIGOROUS_MARKERS)


def strength_problems(out: Outcome, what: str = "verdict") -> list[str]:
    """Why the strength ``out`` declares is missing or stronger than its methods support."""
    s = out.strength
    if s is None:
        return [f"{what}: strength undeclared (one of {', '.join(STRENGTHS)})"]
    probs = []
    if s != "sampled" and out.methods and not any(is_rigorous(m) for m in out.methods):
        probs.append(f"{what}: declares {s} but every method is a sampling one ({', '.join(out.methods)})")
    if s != "sampled" and out.fits:
        probs.append(f"{what}: declares {s} but rests on fitted exponents (a fit is sampled)")
    if s == "proved" and out.sizes:
        probs.append(f"{what}: declares proved but lists finite sizes ({'; '.join(out.sizes)}): that is exact")
    if s == "exact" and not out.sizes:
        probs.append(f"{what}: declares exact without the sizes it covers")
    return probs


def _as_use(status: str | None, strength: str | None) -> str:
    if status == "informal" or strength is None:
        return "sampled"
    return strength


def effective_strengths(claims: list[dict], equations: dict | None = None) -> dict[str, dict]:
    """Per claim id: ``{"strength": effective, "limited_by": [uses weaker than its own]}``.

    ``claims``: results.json claim entries (id, status, uses, own_strength);
    ``equations``: the equations table, to resolve a use written as an equation label
    (``eq:8.26``) that no claim has as its id to the claims covering that label.
    """
    by_id = {c["id"]: c for c in claims}
    equations = equations or {}

    def resolve(cid: str, use: str) -> list[str] | None:
        if use in by_id:
            return [use]
        if use.startswith("eq:"):
            cov = [x for x in equations.get(use[3:], {}).get("claims", []) if x in by_id and x != cid]
            return cov or None
        return None

    memo: dict[str, str | None] = {}
    limits: dict[str, list[str]] = {}
    busy: set[str] = set()

    def eff(cid: str) -> str | None:
        if cid in memo:
            return memo[cid]
        c = by_id[cid]
        own = c.get("own_strength", c.get("strength"))
        if own is None:  # informal (or a crashed check): nothing to propagate
            memo[cid] = None
            limits[cid] = []
            return None
        busy.add(cid)
        parts, weak = [own], []
        for use in c.get("uses", []):
            targets = resolve(cid, use)
            if targets is None:
                parts.append("sampled")
                weak.append(f"{use} (unchecked)")
                continue
            for t in targets:
                if by_id[t].get("kind") == "definition":
                    continue  # stipulated, not a proof step (see the module docstring)
                if t in busy:  # a cycle: the use's own strength stands for it
                    us = _as_use(by_id[t]["status"], by_id[t].get("own_strength"))
                else:
                    us = _as_use(by_id[t]["status"], eff(t))
                parts.append(us)
                if STRENGTHS.index(us) > STRENGTHS.index(own):
                    weak.append(f"{t} ({us})")
        busy.discard(cid)
        memo[cid] = weakest(*parts)
        limits[cid] = weak
        return memo[cid]

    return {cid: {"strength": eff(cid), "limited_by": limits[cid]} for cid in by_id}
