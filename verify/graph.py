"""The claim dependency graph (what each claim uses), as a Mermaid block coloured by status."""
from __future__ import annotations

import re

COLOURS = {
    "verified": "fill:#c8e6c9,stroke:#2e7d32",
    "erratum": "fill:#fff3c4,stroke:#f9a825",
    "refuted": "fill:#ffcdd2,stroke:#c62828",
    "inconclusive": "fill:#e0e0e0,stroke:#616161",
    "informal": "fill:#e3f2fd,stroke:#1565c0",
    "unchecked": "fill:#ffffff,stroke:#9e9e9e,stroke-dasharray:3 3",
}


def node(cid: str) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9]", "_", cid)


def mermaid(claims: list[dict]) -> str:
    """``claims``: results.json claim entries (id, status, uses)."""
    ids = {c["id"] for c in claims}
    lines = ["```mermaid", "graph LR"]
    for status, style in COLOURS.items():
        lines.append(f"  classDef {status} {style}")
    extra = sorted({u for c in claims for u in c["uses"] if u not in ids})
    for c in claims:
        lines.append(f'  {node(c["id"])}["{c["id"]}"]:::{c["status"]}')
    for u in extra:
        lines.append(f'  {node(u)}["{u}"]:::unchecked')
    for c in claims:
        for u in c["uses"]:
            lines.append(f"  {node(u)} --> {node(c['id'])}")
    lines.append("```")
    return "\n".join(lines)
