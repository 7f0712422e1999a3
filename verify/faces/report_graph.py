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


# When a section holds several verdicts, the most telling one colours it.
_SECTION_PRECEDENCE = ("refuted", "erratum", "inconclusive", "verified", "informal")


def section_mermaid(claims: list[dict]) -> str:
    """The graph cut to sections: one node per section (its claims counted by verdict), an
    arrow A → B labelled n when n claims of B use claims of A. The claim-level graph is
    the site's (``verify site``)."""
    from verify.engine import catalog
    titles = catalog.sections()
    sec_of = {c["id"]: c["section"] for c in claims}
    counts: dict[str, dict[str, int]] = {}
    for c in claims:
        counts.setdefault(c["section"], {}).setdefault(c["status"], 0)
        counts[c["section"]][c["status"]] += 1
    edges: dict[tuple[str, str], int] = {}
    for c in claims:
        for src in sorted({sec_of[u] for u in c["uses"] if u in sec_of and sec_of[u] != c["section"]}):
            edges[(src, c["section"])] = edges.get((src, c["section"]), 0) + 1
    lines = ["```mermaid", "graph LR"]
    for status, style in COLOURS.items():
        lines.append(f"  classDef {status} {style}")
    order = sorted(counts, key=lambda s: tuple(int(p) for p in s.split(".")))
    for sec in order:
        st = counts[sec]
        cls = next((s for s in _SECTION_PRECEDENCE if s in st), "unchecked")
        detail = ", ".join(f"{st[s]} {s}" for s in _SECTION_PRECEDENCE if s in st)
        title = re.sub(r"[$\\{}\[\]\"]", "", titles.get(sec, ""))
        lines.append(f'  {node("sec:" + sec)}["§{sec} {title}<br/>{detail}"]:::{cls}')
    for (a, b), n in sorted(edges.items(), key=lambda e: (order.index(e[0][0]), order.index(e[0][1]))):
        lines.append(f"  {node('sec:' + a)} -->|{n}| {node('sec:' + b)}")
    lines.append("```")
    return "\n".join(lines)
