"""The dependency graph: laid out by Graphviz ``dot`` into SVG, sections as clusters in reading order.

Each claim is a node whose SVG element carries its verdict, strength and section as
classes and links to its claim page; graph.js filters by those classes, zooms and pans.
Besides the whole graph, ``dot`` lays out (in one run) every section on its own and, for
every node, its ancestors (what it rests on) and its descendants (what rests on it): the
page loads these small graphs on demand (``graph/*.js``), so a section filter or a focus
is re-laid out, and a focus is a URL (``graph.html#focus=thm:8.33&dir=up``). ``dot`` runs
at build time only: the page is plain SVG and needs no KaTeX.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import tempfile

from verify.engine import catalog
from verify.faces.site.layout import page
from verify.faces.site.model import Site, SiteError, claim_url, slug
from verify.faces.site.pages import legend
from verify.faces.site.unitex import title_text, to_unicode

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
    """Every node: the claims, and what they use that no claim is named after, coloured by the
    status every page reads (``Site.status``): an equation another claim covers is that claim's."""
    out = {}
    for cid, c in site.claims.items():
        out[cid] = {"section": c["section"], "status": c["status"], "strength": site.strength(c) or "none",
                    "title": title_text(c["title"]), "href": claim_url(cid)}
    for c in site.claims.values():
        for u in c["uses"]:
            if u in out:
                continue
            try:
                sec = catalog.section_of(u)
            except KeyError:
                sec = ""
            st = site.status(u)
            out[u] = {"section": sec, "status": st["status"], "strength": st["strength"] or "none",
                      "title": (f"covered by {', '.join(st['claims'])}" if st["claims"] else "no claim checks it"),
                      "href": st["href"]}
    return out


def _node_line(cid: str, n: dict) -> str:
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


_HEAD = ['  graph [rankdir=LR, ranksep=0.35, nodesep=0.12, fontname="Helvetica", fontsize=12, '
         'style="rounded,filled", fillcolor="#f5f7fa", color="#90a4ae", newrank=true];',
         '  node [shape=box, fontname="Helvetica", fontsize=10, height=0.24, margin="0.06,0.02"];',
         '  edge [color="#78909c", arrowsize=0.5];']


def _edges(site: Site, keep: set[str]) -> list[str]:
    out = []
    for cid, c in site.claims.items():
        if cid not in keep:
            continue
        for u in c["uses"]:
            if u in keep:
                out.append(f"  {_q(u)} -> {_q(cid)} [id={_q('e-' + node_id(u) + '--' + node_id(cid))}, "
                           f"class={_q('edge from-' + node_id(u) + ' to-' + node_id(cid))}];")
    return out


def dot_source(site: Site, keep: set[str] | None = None, name: str = "G", order: bool = True,
               ns: dict[str, dict] | None = None) -> str:
    """The graph of ``keep`` (all nodes when None) with sections as clusters, arrows left to right;
    ``order`` (the whole graph) stacks the top-level sections top to bottom in reading order: arrows
    run down, and every node of §8.k is above every node of §8.(k+1) (invisible edges through a gate)."""
    ns = nodes(site) if ns is None else ns
    keep = set(ns) if keep is None else keep
    sections = catalog.sections()
    head = [h.replace("rankdir=LR", "rankdir=TB") for h in _HEAD] if order else _HEAD
    lines = [f"digraph {_q(name)} {{", *head]
    by_sec: dict[str, list[str]] = {}
    for cid, n in ns.items():
        if cid in keep:
            by_sec.setdefault(n["section"], []).append(cid)

    def cluster(num: str, depth: int) -> list[str]:
        kids = [s for s in sections if s.startswith(num + ".") and s.count(".") == num.count(".") + 1]
        body = [_node_line(c, ns[c]) for c in by_sec.get(num, [])]
        for k in kids:
            body += cluster(k, depth + 1)
        if not body:
            return []
        ind = "  " * depth
        label = "§" + num + " " + to_unicode(sections[num])
        return [f"{ind}subgraph {_q('cluster_' + num)} {{",
                f"{ind}  id={_q(sec_class(num))}; class={_q('section ' + sec_class(num))}; "
                f"label={_q(label)};",
                *body, f"{ind}}}"]

    tops = [num for num in sections if num.count(".") == 1]
    members: dict[str, list[str]] = {}
    for num in tops:
        block = cluster(num, 1)
        lines += block
        members[num] = [c for c in keep if ns[c]["section"] == num or ns[c]["section"].startswith(num + ".")]
    for cid in by_sec.get("", []):
        lines.append(_node_line(cid, ns[cid]))
    if order:  # reading order: every node of §8.k before (above) every node of §8.(k+1)
        filled = [t for t in tops if members.get(t)]
        for a, b in zip(filled, filled[1:]):
            gate = f"gate_{a}_{b}"
            lines.append(f"  {_q(gate)} [shape=point, width=0, height=0, style=invis, label=\"\"];")
            lines += [f"  {_q(x)} -> {_q(gate)} [style=invis, weight=0];" for x in members[a]]
            lines += [f"  {_q(gate)} -> {_q(x)} [style=invis, weight=0];" for x in members[b]]
    lines += _edges(site, keep)
    lines.append("}")
    return "\n".join(lines)


def focus_sets(site: Site) -> dict[str, tuple[set[str], set[str]]]:
    """Node id -> (its ancestors with itself, its descendants with itself)."""
    ns = nodes(site)
    uses = {cid: [u for u in c["uses"] if u in ns] for cid, c in site.claims.items()}
    users: dict[str, list[str]] = {}
    for cid, us in uses.items():
        for u in us:
            users.setdefault(u, []).append(cid)

    def closure(start: str, step) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for v in step.get(todo.pop(), []):
                if v not in seen:
                    seen.add(v)
                    todo.append(v)
        return seen

    return {cid: (closure(cid, uses), closure(cid, users)) for cid in ns}


_DRAWN: dict[str, str] = {}  # dot source -> its SVG: a second build in one process lays out nothing again


def _dot(sources: list[str]) -> list[str]:
    """The SVGs of several graphs, in order: ``dot`` runs once per core over the ones not drawn before."""
    todo = list(dict.fromkeys(src for src in sources if src not in _DRAWN))
    if todo:
        n = max(1, min(len(todo) // 8, os.cpu_count() or 1, 4))
        chunks = [todo[k::n] for k in range(n)]
        procs = [_dot_start(chunk) for chunk in chunks]
        for chunk, proc in zip(chunks, procs):
            _DRAWN.update(zip(chunk, _dot_finish(proc, len(chunk))))
    return [_DRAWN[src] for src in sources]


def _dot_start(sources: list[str]):
    """Start ``dot -Tsvg`` on a file of graphs (a file, not a pipe: two dots write while we wait)."""
    dot = shutil.which("dot")
    if dot is None:
        raise SiteError("graphviz's `dot` is not installed (Debian: apt-get install graphviz)")
    fh = tempfile.NamedTemporaryFile("w", suffix=".dot", delete=False, encoding="utf-8")
    with fh:
        fh.write("\n".join(sources))
    proc = subprocess.Popen([dot, "-Tsvg", fh.name], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.dot_file = fh.name
    return proc


def _dot_finish(proc, count: int) -> list[str]:
    try:
        stdout, stderr = proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise SiteError("graphviz's `dot` took over 300 s on the dependency graph") from None
    finally:
        os.unlink(proc.dot_file)
    if proc.returncode != 0:
        raise SiteError(f"graphviz's `dot` failed: {stderr.strip().splitlines()[-1] if stderr.strip() else proc.returncode}")
    parts = [p for p in re.split(r"(?=<svg\b)", stdout) if p.startswith("<svg")]
    parts = [p[:p.rindex("</svg>") + 6] for p in parts]
    if len(parts) != count:
        raise SiteError(f"graphviz's `dot` drew {len(parts)} graphs of {count}")
    return parts


def svg(site: Site) -> str:
    return _dot([dot_source(site)])[0]


def focus_key(cid: str, direction: str) -> str:
    return f"{direction}-{slug(cid)}"


def layouts(site: Site) -> tuple[str, dict[str, str]]:
    """The whole graph's SVG, and every re-laid-out view by key: ``sec-8_3`` (a section on its own),
    ``up-<slug>`` (a node and what it rests on), ``down-<slug>`` (a node and what rests on it)."""
    ns = nodes(site)
    keys, sources = ["all"], [dot_source(site, ns=ns)]
    for num in catalog.sections():
        keep = {c for c, n in ns.items() if n["section"] == num or n["section"].startswith(num + ".")}
        if keep:
            keys.append(sec_class(num))
            sources.append(dot_source(site, keep, name=sec_class(num), order=False, ns=ns))
    for cid, (up, down) in focus_sets(site).items():
        for direction, keep in (("up", up), ("down", down)):
            if len(keep) == 1:  # nothing above (below) it: the page says so and needs no layout
                continue
            keys.append(focus_key(cid, direction))
            sources.append(dot_source(site, keep, name=focus_key(cid, direction), order=False, ns=ns))
    drawn = dict(zip(keys, _dot(sources)))
    return drawn.pop("all"), drawn


def view_script(key: str, svg_text: str) -> str:
    """A small graph as a script (loads from file:// too, where fetch() cannot)."""
    return (f"(window.GRAPH_VIEWS = window.GRAPH_VIEWS || {{}})[{json.dumps(key)}] = "
            + json.dumps(svg_text, ensure_ascii=False) + ";\n")


def graph_page(site: Site, whole_svg: str | None = None) -> str:
    ns = nodes(site)
    whole_svg = whole_svg if whole_svg is not None else svg(site)
    statuses = sorted({n["status"] for n in ns.values()})
    strengths = [s for s in ("proved", "exact", "certified", "sampled", "none")]
    box = lambda kind, v: (f'<label class="pill {"st" if kind == "status" else "sg"}-{v}"><input type="checkbox" '
                           f'name="{kind}" value="{v}" checked> {v if v != "none" else "not recorded"}</label>')
    secs = "".join(f'<option value="{n}">§{n} {html.escape(to_unicode(t))}</option>'
                   for n, t in catalog.sections().items())
    opts = "".join(f'<option value="{html.escape(cid)}"></option>' for cid in ns)
    sets = focus_sets(site)
    data = {node_id(cid): {"id": cid, "status": n["status"], "strength": n["strength"], "section": n["section"],
                           "key": slug(cid), "up": len(sets[cid][0]) - 1, "down": len(sets[cid][1]) - 1}
            for cid, n in ns.items()}
    body = f"""<h1>Dependency graph</h1>
<p>An arrow A → B means the proof of B uses A. Boxes are the chapter's sections, top to bottom in reading order;
click a claim to open it. Scroll or pinch to zoom, drag to pan. Focus on one claim to see what it rests on
(its ancestors) or what rests on it (its descendants), laid out on their own; every claim page links here.</p>
{legend()}
<form id="graph-filters" class="filters" onsubmit="return false">
<fieldset><legend>focus</legend><input name="focus" list="graph-ids" placeholder="thm:8.33" size="14"
 aria-label="focus on a claim id">
<select name="dir" aria-label="direction"><option value="up">what it rests on</option>
<option value="down">what rests on it</option></select>
<button type="button" id="graph-focus">focus</button> <button type="button" id="graph-all">whole graph</button></fieldset>
<fieldset><legend>section</legend><select name="section"><option value="">all sections</option>{secs}</select></fieldset>
<fieldset><legend>status</legend>{''.join(box('status', s) for s in statuses)}</fieldset>
<fieldset><legend>strength</legend>{''.join(box('strength', s) for s in strengths)}</fieldset>
<span class="zoom"><button type="button" id="zoom-in" aria-label="zoom in">+</button>
<button type="button" id="zoom-out" aria-label="zoom out">−</button>
<button type="button" id="zoom-fit">fit</button></span>
<span id="graph-count" aria-live="polite"></span>
</form>
<datalist id="graph-ids">{opts}</datalist>
<p id="graph-view" class="muted"></p>
<div id="graph" tabindex="0" aria-label="dependency graph">{whole_svg}</div>
<script>window.GRAPH_NODES = {json.dumps(data, ensure_ascii=False)};</script>
"""
    return page("Dependency graph", body, scripts=("static/graph.js",), body_class="graph-page")
