"""Build the results.json document (schema 3, see DESIGN.md and the README) from evidence.

Schema 2 adds, per claim, ``strength`` (effective: the weakest over the claim and
what it uses), ``own_strength`` (its own check), ``strength_limited_by`` and
``sizes``; an erratum adds the strengths of the refutation and the correction.
Issue 19 adds (still schema 2 here; the lead bumps to 3 at merge): per mutant
``kind`` (claim, premise, resolution), ``killed_by`` (the path that refuted it) and
``on_proof_path``; per claim ``premises`` and ``strength_drop``; per fit
``resolution`` (δ); at the top level ``uses_cycles`` (each an error).
"""
from __future__ import annotations

import re

import datetime as _dt
import platform
from importlib import metadata

from verify.engine import catalog
from verify.engine.evidence import Evidence
from verify.engine.steps import record_steps
from verify.engine.strength import effective_strengths, uses_cycles

SCHEMA = 3  # 3: per claim `attacks` and `class`; at the top level `arguments` (README "results.json")

# When several claims cover one equation, the most telling verdict wins.
_PRECEDENCE = ("refuted", "erratum", "inconclusive", "verified", "definition", "informal")


def _equation_status(ev: Evidence, label: str) -> str:
    c = ev.claim
    if ev.status == "erratum" and c.erratum is not None and c.erratum_equations and label not in c.erratum_equations:
        return "definition" if c.kind == "definition" else "verified"
    if ev.status == "verified" and c.kind == "definition":
        return "definition"
    return ev.status


def equation_table(evidences: list[Evidence]) -> dict[str, dict]:
    covering: dict[str, list[tuple[str, str]]] = {label: [] for label in catalog.equations()}
    for ev in evidences:
        for label in ev.claim.equations:
            covering[label].append((ev.claim.id, _equation_status(ev, label)))
    table = {}
    for label, items in covering.items():
        if not items:
            table[label] = {"status": "unchecked", "claims": []}
            continue
        statuses = {s for _, s in items}
        status = next(s for s in _PRECEDENCE if s in statuses)
        table[label] = {"status": status, "claims": sorted({cid for cid, _ in items})}
    return table


def object_table(evidences: list[Evidence]) -> dict[str, dict]:
    """Numbered environments (Definition 8.1 …) and the claims that check them."""
    by_id = {ev.claim.id: ev for ev in evidences}
    out = {}
    for oid in catalog.objects():
        ev = by_id.get(oid)
        out[oid] = {"status": ev.status if ev else "unchecked", "claims": [oid] if ev else []}
    return out


def versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("sympy", "numpy", "scipy", "mpmath", "hypothesis", "matplotlib"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:  # pragma: no cover
            out[pkg] = "absent"
    return out


def build(evidences: list[Evidence], profile: str, seed: int, now: _dt.datetime | None = None) -> dict:
    now = now or _dt.datetime.now(_dt.timezone.utc)
    claims = [ev.as_json() for ev in evidences]
    equations = equation_table(evidences)
    add_effective_strengths(claims, equations)
    record_steps(claims, evidences)  # derivation steps, for the site's claim pages
    add_erratum_fields(claims, evidences)
    return {
        "schema": SCHEMA,
        "generated": now.replace(microsecond=0).isoformat(),
        "profile": profile,
        "seed": seed,
        "versions": versions(),
        "claims": claims,
        "uses_cycles": uses_cycles(claims, equations),
        "equations": equations,
        "objects": object_table(evidences),
        "arguments": _arguments(claims),
    }


def _arguments(claims: list[dict]) -> list[dict]:
    from verify.engine.arguments import table

    return table(claims)


def add_effective_strengths(claims: list[dict], equations: dict) -> None:
    """Set each claim's ``strength`` to its effective strength over the uses graph."""
    eff = effective_strengths(claims, equations)
    for c in claims:
        c["own_strength"] = c.get("own_strength", c.get("strength"))
        c["strength"] = eff[c["id"]]["strength"]
        c["strength_limited_by"] = eff[c["id"]]["limited_by"]


_SEVERITY = re.compile(r"\bseverity:\s*(formula|hypothesis|edge-case|citation|wording)\b")


def _declared_in_text(erratum) -> str | None:
    """A severity the claim's author wrote into the explanation ("severity: hypothesis. …")."""
    m = _SEVERITY.search(erratum.explanation or "")
    return m.group(1) if m else None


def add_erratum_fields(claims: list[dict], evidences: list[Evidence]) -> None:
    """Per erratum its declared ``severity`` (formula, hypothesis, edge-case, citation, wording; null when the
    claim declares none) and ``dependants``: the claims that use it, directly or through others."""
    severity = {ev.claim.id: getattr(ev.claim.erratum, "severity", None) or _declared_in_text(ev.claim.erratum)
                for ev in evidences if ev.claim.erratum}
    users: dict[str, list[str]] = {}
    for c in claims:
        for u in c.get("uses", []):
            users.setdefault(u, []).append(c["id"])
    for c in claims:
        if not c.get("erratum"):
            continue
        seen, todo = [], list(users.get(c["id"], []))
        while todo:
            u = todo.pop(0)
            if u not in seen and u != c["id"]:
                seen.append(u)
                todo += users.get(u, [])
        c["erratum"]["severity"] = severity.get(c["id"])
        c["erratum"]["dependants"] = seen
