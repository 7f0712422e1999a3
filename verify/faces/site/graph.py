"""The dependency graph: laid out by Graphviz ``dot`` into SVG, sections as clusters.

Each claim is a node whose SVG element carries its verdict, strength and section as
classes and links to its claim page; graph.js filters by those classes. ``dot`` runs
at build time only: the page is plain SVG.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

from verify.engine import catalog
from verify.faces.site.layout import page
from verify.faces.site.model import Site, SiteError, claim_url, slug
from verify.faces.site.pages import legend

FILL = {"verified": "#c8e6c9", "erratum": "#fff3c4", "refuted": "#ffcdd2", "inconclusive": "#e0e0e0",
        "informal": "#e3f2fd", "definition": "#ede7f6", "unchecked": "#ffffff"}
LINE = {"verified": "#2e7d32", "erratum": "#f9a825", "refuted": "#c62828", "inconclusive": "#616161",
        "informal": "#1565c0", "definition": "#5e35b1", "unchecked": "#9e9e9e"}
# strength as the border: thick solid (proved) … dotted (sampled)
PEN = {"proved": ("3", "filled,rounded"), "exact": ("2", "filled,rounded"), "certified": ("1.5", "filled,rounded,dashed"),
       "sampled": ("1", "filled,rounded,dotted"), "none": ("1", "filled,rounded")}


def _q(s: str) -> str:
    """A dot string literal."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def node_id(cid: str) -> str:
    return "n-" + re.sub(r"[^A-Za-z0-9.-]", "-", slug(cid))


def sec_class(sec: str) -> str:
    return "sec-" + sec.replace(".", "_")


def nodes(site: Site) -> dict[str, dict]:
    """Every node: the claims, and what they use that no claim checks (drawn unchecked)."""
    out = {}
    for cid, c in site.claims.items():
        out[cid] = {"section": c["section"], "status": c["status"], "strength": site.strength(c) or "none",
                    "title": c["title"], "href": claim_url(cid)}
    for c in site.claims.values():
        for u in c["uses"]:
            if u in out:
                continue
            try:
                sec = catalog.section_of(u)
            except KeyError:
                sec = ""
            out[u] = {"section": sec, "status": "unchecked", "strength": "none", "title": "no claim checks it",
                      "href": None}
    return out


def dot_source(site: Site) -> str:
    ns = nodes(site)
    sections = catalog.sections()
    lines = ["digraph G {", '  graph [rankdir=LR, ranksep=0.35, nodesep=0.12, fontname="Helvetica", fontsize=12, '
             'style="rounded,filled", fillcolor="#f5f7fa", color="#90a4ae", newrank=true];',
             '  node [shape=box, fontname="Helvetica", fontsize=9, height=0.22, margin="0.06,0.02"];',
             '  edge [color="#90a4ae", arrowsize=0.5];']

    def node_line(cid: str, n: dict) -> str:
        pen, style = PEN[n["strength"]]
        attrs = {"id": node_id(cid), "label": cid, "class": f"claim st-{n['status']} sg-{n['strength']} "
                 f"{sec_class(n['section'])}", "fillcolor": FILL.get(n["status"], "#fff"),
                 "color": LINE.get(n["status"], "#999"), "penwidth": pen, "style": style,
                 "tooltip": f"{cid}: {n['status']}" + (f" · {n['strength']}" if n["strength"] != "none" else "")
                 + f" — {n['title']}"}
        if n["href"]:
            attrs["URL"] = n["href"]
            attrs["target"] = "_top"
        return "    " + _q(cid) + " [" + ", ".join(f"{k}={_q(v)}" for k, v in attrs.items()) + "];"

    by_sec: dict[str, list[str]] = {}
    for cid, n in ns.items():
        by_sec.setdefault(n["section"], []).append(cid)

    def cluster(num: str, depth: int) -> list[str]:
        kids = [s for s in sections if s.startswith(num + ".") and s.count(".") == num.count(".") + 1]
        body = [node_line(c, ns[c]) for c in by_sec.get(num, [])]
        for k in kids:
            body += cluster(k, depth + 1)
        if not body:
            return []
        ind = "  " * depth
        label = "§" + num + " " + re.sub(r"[$\\{}]", "", sections[num])
        return [f"{ind}subgraph {_q('cluster_' + num)} {{",
                f"{ind}  id={_q(sec_class(num))}; class={_q('section ' + sec_class(num))}; "
                f"label={_q(label)};",
                *body, f"{ind}}}"]

    for num in sections:
        if num.count(".") == 1:
            lines += cluster(num, 1)
    for cid in by_sec.get("", []):
        lines.append(node_line(cid, ns[cid]))
    for cid, c in site.claims.items():
        for u in c["uses"]:
            lines.append(f"  {_q(u)} -> {_q(cid)} [id={_q('e-' + node_id(u) + '--' + node_id(cid))}, "
                         f"class={_q('edge from-' + node_id(u) + ' to-' + node_id(cid))}];")
    lines.append("}")
    return "\n".join(lines)


def svg(site: Site) -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise SiteError("graphviz's `dot` is not installed (Debian: apt-get install graphviz)")
    try:
        res = subprocess.run([dot, "-Tsvg"], input=dot_source(site), capture_output=True, text=True, timeout=120)
    except subprocess.TimeoutExpired:
        raise SiteError("graphviz's `dot` took over 120 s on the dependency graph") from None
    if res.returncode != 0:
        raise SiteError(f"graphviz's `dot` failed: {res.stderr.strip().splitlines()[-1] if res.stderr.strip() else res.returncode}")
    out = res.stdout
    return out[out.index("<svg"):]  # drop the XML prolog and doctype: the SVG is inlined


def graph_page(site: Site) -> str:
    ns = nodes(site)
    statuses = sorted({n["status"] for n in ns.values()})
    strengths = [s for s in ("proved", "exact", "certified", "sampled", "none")]
    box = lambda kind, v: (f'<label class="pill {"st" if kind == "status" else "sg"}-{v}"><input type="checkbox" '
                           f'name="{kind}" value="{v}" checked> {v if v != "none" else "not recorded"}</label>')
    secs = "".join(f'<option value="{n}">§{n} {html.escape(t)}</option>' for n, t in catalog.sections().items())
    data = {node_id(cid): {"id": cid, "status": n["status"], "strength": n["strength"], "section": n["section"]}
            for cid, n in ns.items()}
    body = f"""<h1>Dependency graph</h1>
<p>An arrow A → B means the proof of B uses A. Boxes are the chapter's sections; click a claim to open it.
Laid out by Graphviz <code>dot</code>.</p>
{legend()}
<form id="graph-filters" class="filters">
<fieldset><legend>status</legend>{''.join(box('status', s) for s in statuses)}</fieldset>
<fieldset><legend>strength</legend>{''.join(box('strength', s) for s in strengths)}</fieldset>
<fieldset><legend>section</legend><select name="section"><option value="">all sections</option>{secs}</select></fieldset>
<label><input type="checkbox" id="graph-fit"> fit to the window</label>
<span id="graph-count"></span>
</form>
<div id="graph">{svg(site)}</div>
<script>window.GRAPH_NODES = {json.dumps(data, ensure_ascii=False)};</script>
"""
    return page("Dependency graph", body, scripts=("static/graph.js",), body_class="graph-page")
