"""The search index: ids, titles, equation numbers (and notes, ranked last), as a script."""
from __future__ import annotations

import json
import re

from verify.engine import catalog
from verify.faces.site.model import Site, claim_url, slug

_PLAIN = re.compile(r"[\\{}$]")


def _numbers(cid: str, c: dict | None) -> list[str]:
    out = []
    if ":" in cid:
        tail = cid.split(":", 1)[1]
        if re.fullmatch(r"\d+(\.\d+)?", tail):
            out.append(tail)
    if c:
        out += [e for e in c["equations"] if e not in out]
    return out


def entries(site: Site) -> list[dict]:
    out = []
    for cid, c in site.claims.items():
        out.append({"id": cid, "title": c["title"], "status": c["status"], "url": claim_url(cid),
                    "numbers": _numbers(cid, c), "text": " ".join(c.get("notes", []))[:2000]})
    for label, eq in catalog.equations().items():
        if f"eq:{label}" in site.claims:
            continue
        e = site.equation(label)
        url = claim_url(e["claims"][0]) if e["claims"] else f"index.html#eq-{label}"
        out.append({"id": f"eq:{label}", "title": f"({label}) " + _PLAIN.sub("", eq.latex)[:90],
                    "status": e["status"], "url": url, "numbers": [label], "text": ""})
    for oid, o in catalog.objects().items():
        if oid in site.claims:
            continue
        out.append({"id": oid, "title": o.title or o.statement[:90], "status": "unchecked",
                    "url": f"index.html#{slug(oid)}", "numbers": _numbers(oid, None), "text": o.statement[:500]})
    return out


def index_script(site: Site) -> str:
    return "window.SEARCH_INDEX = " + json.dumps(entries(site), ensure_ascii=False) + ";\n"
