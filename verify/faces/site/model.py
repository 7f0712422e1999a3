"""What the site shows, gathered once: results.json joined with the registry and the catalog.

results.json carries the verdicts and evidence; the registry adds what results.json
does not record (the printed form, the static derivation steps); the catalog gives
every equation and numbered object its printed LaTeX and its line in the chapter.
Schema 1 has no strength: pages then say "strength not recorded" instead of guessing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from verify.engine import catalog

STRENGTHS = ("proved", "exact", "certified", "sampled")


class SiteError(ValueError):
    """Bad input to the site build (one-line message)."""


def slug(cid: str) -> str:
    """A claim id as a file name that a relative link cannot mistake for a URL scheme."""
    return cid.replace(":", "-")


def claim_url(cid: str) -> str:
    return f"claims/{slug(cid)}.html"


def weakest(strengths) -> str | None:
    """The weakest of several strengths; None when any is unknown."""
    s = list(strengths)
    if not s or any(x not in STRENGTHS for x in s):
        return None
    return max(s, key=STRENGTHS.index)


@dataclass
class Site:
    results: dict
    claims: dict[str, dict]                       # id -> results.json entry, in report order
    registry: dict                                # id -> Claim (may miss ids when results are stale)
    used_by: dict[str, list[str]] = field(default_factory=dict)
    anchors: dict[str, int] = field(default_factory=dict)  # claim id -> chapter line it sits at

    def strength(self, c: dict) -> str | None:
        s = c.get("strength")
        return s if s in STRENGTHS else None

    def status(self, label: str) -> dict:
        """The one answer every page gives for a label: ``{"status", "strength", "claims", "href"}``.

        A claim id reads its own entry; ``eq:8.26`` (or ``8.26``) that no claim is named after reads
        the equation table, so an equation another claim covers is that claim's verdict, never
        "unchecked"; a numbered object reads results' object table. The front page, the graph, the
        dependency lists and the search index all ask here.
        """
        if label in self.claims:
            c = self.claims[label]
            return {"status": c["status"], "strength": self.strength(c), "claims": [label],
                    "href": claim_url(label)}
        num = label[3:] if label.startswith("eq:") else label
        if num in self.results["equations"]:
            e = self.equation(num)
            cl = [c for c in e["claims"] if c in self.claims]
            return {"status": e["status"], "strength": e["strength"], "claims": cl,
                    "href": claim_url(cl[0]) if cl else None}
        o = (self.results.get("objects") or {}).get(label)
        if o:
            cl = [c for c in o.get("claims", []) if c in self.claims]
            if cl:
                return self.status(cl[0]) | {"claims": cl}
        return {"status": "unchecked", "strength": None, "claims": [], "href": None}

    def equation(self, label: str) -> dict:
        """results' equation entry, with the strength of its claims (the weakest) added."""
        e = dict(self.results["equations"].get(label, {"status": "unchecked", "claims": []}))
        if e.get("strength") not in STRENGTHS:  # results may record it per equation; else the claims' weakest
            e["strength"] = weakest(self.strength(self.claims[c]) for c in e["claims"] if c in self.claims) \
                if e["claims"] else None
        return e


def load_results(path: Path) -> dict:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SiteError(f"no results file {str(path)!r}: run `verify report` first") from None
    except (OSError, ValueError) as e:
        raise SiteError(f"cannot read {str(path)!r}: {str(e).splitlines()[0]}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list) or "equations" not in doc:
        raise SiteError(f"{str(path)!r} is not a results.json (no claims/equations)")
    return doc


def _anchor_line(cid: str, c: dict) -> int | None:
    """The chapter line a claim belongs to: its object's line, its first equation's, else
    the last line of what it uses (as registry.sort_key places it)."""
    for key in (cid, *(f"eq:{e}" for e in c["equations"][:1])):
        try:
            return catalog.get(key).line
        except KeyError:
            pass
    lines = []
    for u in c["uses"]:
        try:
            lines.append(catalog.get(u).line)
        except KeyError:
            pass
    return max(lines) if lines else None


def load(results_path: Path) -> Site:
    from verify.engine import registry

    doc = load_results(results_path)
    claims = {c["id"]: c for c in doc["claims"]}
    reg = registry.load()
    used_by: dict[str, list[str]] = {cid: [] for cid in claims}
    for c in claims.values():
        for u in c["uses"]:
            used_by.setdefault(u, []).append(c["id"])
    site = Site(results=doc, claims=claims, registry=dict(reg), used_by=used_by)
    slugs = {}
    for cid, c in claims.items():
        if slug(cid) in slugs:
            raise SiteError(f"claims {slugs[slug(cid)]!r} and {cid!r} map to one page name")
        slugs[slug(cid)] = cid
        line = _anchor_line(cid, c)
        if line is not None:
            site.anchors[cid] = line
    return site
