"""The claim dependency graph (what each claim uses), as a Mermaid block.

Fill colour is the verdict; the border is the (effective) strength: a thick solid
border for proved, solid for exact, dashed for certified, dotted for sampled.
"""
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


# border per strength (Mermaid classes compose: `:::verified` then `:::s_proved`)
STRENGTH_STYLES = {
    "proved": "stroke-width:4px",
    "exact": "stroke-width:2px",
    "certified": "stroke-width:2px,stroke-dasharray:6 3",
    "sampled": "stroke-width:1px,stroke-dasharray:2 2",
}


def node(cid: str) -> str:
    return "n_" + re.sub(r"[^A-Za-z0-9]", "_", cid)


def mermaid(claims: list[dict]) -> str:
    """``claims``: results.json claim entries (id, status, uses)."""
    ids = {c["id"] for c in claims}
    lines = ["```mermaid", "graph LR"]
    for status, style in COLOURS.items():
        lines.append(f"  classDef {status} {style}")
    for strength, style in STRENGTH_STYLES.items():
        lines.append(f"  classDef s_{strength} {style}")
    extra = sorted({u for c in claims for u in c["uses"] if u not in ids})
    for c in claims:
        st = c.get("strength")
        label = f'{c["id"]}' + (f" · {st}" if st else "")
        lines.append(f'  {node(c["id"])}["{label}"]:::{c["status"]}')
        if st:
            lines.append(f"  class {node(c['id'])} s_{st}")
    for u in extra:
        lines.append(f'  {node(u)}["{u}"]:::unchecked')
    for c in claims:
        for u in c["uses"]:
            lines.append(f"  {node(u)} --> {node(c['id'])}")
    lines.append("```")
    return "\n".join(lines)
