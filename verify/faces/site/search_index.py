"""The search index, in the chapter's words, as a script site.js loads on the first use of the box.

Each entry has its id, a Unicode title, its status and strength (from ``Site.status``, the
one map every page reads), its URL, the names a reader types ("Theorem 8.5", "(8.8)",
"equation 8.8"), and, ranked last, words of its notes, its erratum's why and corrected
form, and its derivation steps.
"""
from __future__ import annotations

import json
import re

from verify.engine import catalog
from verify.faces.site.model import Site, claim_url, slug
from verify.faces.site.unitex import title_text, to_unicode

# the id prefix -> the words the chapter (and a reader) use for it
KINDS = {"thm": ("theorem", "thm"), "def": ("definition", "def", "defn"), "eq": ("equation", "eq", "eqn"),
         "lemma": ("lemma", "lem"), "remark": ("remark", "rem"), "example": ("example", "ex"),
         "figure": ("figure", "fig"), "obs": ("observation", "obs"), "footnote": ("footnote", "fn")}


def _number(cid: str) -> str | None:
    if ":" in cid:
        tail = cid.split(":", 1)[1]
        if re.fullmatch(r"\d+(\.\d+)?", tail):
            return tail
    return None


def names(cid: str) -> list[str]:
    """The printed names of a numbered object: thm:8.5 → "Theorem 8.5", …; eq:8.8 → "(8.8)" too."""
    num = _number(cid)
    if num is None:
        return []
    prefix = cid.split(":", 1)[0]
    out = [f"{w.capitalize()} {num}" for w in KINDS.get(prefix, (prefix,))]
    if prefix == "eq":
        out.append(f"({num})")
    return out


def _numbers(cid: str, c: dict | None) -> list[str]:
    out = [n for n in [_number(cid)] if n]
    if c:
        out += [e for e in c["equations"] if e not in out]
    return out


def entries(site: Site) -> list[dict]:
    out = []
    for cid, c in site.claims.items():
        st = site.status(cid)
        er = c.get("erratum") or {}
        text = " ".join([*c.get("notes", []), er.get("explanation", ""), to_unicode(er.get("corrected", "")),
                         *(f"{s.get('label', '')} {s.get('text', '')}" for s in c.get("steps") or [])])
        out.append({"id": cid, "kind": cid.split(":", 1)[0], "title": title_text(c["title"]),
                    "status": st["status"], "strength": st["strength"] or "not recorded", "url": claim_url(cid),
                    "names": names(cid), "numbers": _numbers(cid, c), "text": text[:3000]})
    for label, eq in catalog.equations().items():
        cid = f"eq:{label}"
        if cid in site.claims:
            continue
        st = site.status(cid)
        out.append({"id": cid, "kind": "eq", "title": f"({label}) " + to_unicode(eq.latex)[:90],
                    "status": st["status"], "strength": st["strength"] or "not recorded",
                    "url": st["href"] or f"index.html#eq-{label}", "names": names(cid), "numbers": [label],
                    "covered_by": st["claims"], "text": ""})
    for oid, o in catalog.objects().items():
        if oid in site.claims:
            continue
        st = site.status(oid)
        out.append({"id": oid, "kind": oid.split(":", 1)[0], "title": title_text(o.title or o.statement[:90]),
                    "status": st["status"], "strength": st["strength"] or "not recorded",
                    "url": st["href"] or f"index.html#{slug(oid)}", "names": names(oid),
                    "numbers": _numbers(oid, None), "text": o.statement[:500]})
    return out


def index_script(site: Site) -> str:
    aliases = {w: p for p, ws in KINDS.items() for w in ws}
    return ("window.SEARCH_KINDS = " + json.dumps(aliases) + ";\nwindow.SEARCH_INDEX = "
            + json.dumps(entries(site), ensure_ascii=False) + ";\n")
