"""Which figures belong to which claims.

results.json lists a claim's figures when its check declares them; the figures the
report draws say in their captions what they show ("Figure 8.2 reproduced",
"Lemma 8.17", "Theorems 8.5/8.6", "(8.96)") and some notes name a file. All three
are read here, so a claim page shows every figure about it.
"""
from __future__ import annotations

import re

_PREFIX = {"figure": "figure", "lemma": "lemma", "theorem": "thm", "remark": "remark", "definition": "def",
           "example": "example"}
_NAMED = re.compile(r"\b(Figure|Lemma|Theorem|Remark|Definition|Example)s?\s+(\d+\.\d+)((?:\s*(?:/|,|and)\s*\d+\.\d+)*)")
_EQ = re.compile(r"\((\d+\.\d+)\)")
_FILE = re.compile(r"figures/([\w.-]+\.png)")


def mentioned(caption: str) -> set[str]:
    """Claim ids a caption names: 'Figures 8.6 and 8.7' → figure:8.6, figure:8.7; '(8.96)' → eq:8.96."""
    out = set()
    for m in _NAMED.finditer(caption):
        prefix = _PREFIX[m.group(1).lower()]
        for num in [m.group(2)] + re.findall(r"\d+\.\d+", m.group(3)):
            out.add(f"{prefix}:{num}")
    out |= {f"eq:{n}" for n in _EQ.findall(caption)}
    return out


def figures_by_claim(claims: dict[str, dict], figures: list[tuple[str, str]]) -> dict[str, list[str]]:
    """Claim id → figure file names, from results.json, the notes and the captions (in figure order)."""
    names = [n for n, _ in figures]
    out: dict[str, list[str]] = {cid: [f for f in c.get("figures", [])] for cid, c in claims.items()}
    for cid, c in claims.items():
        for note in c.get("notes", []):
            for f in _FILE.findall(note):
                if f in names and f not in out[cid]:
                    out[cid].append(f)
    for name, caption in figures:
        for cid in sorted(mentioned(caption)):
            if cid in out and name not in out[cid]:
                out[cid].append(name)
    return out
