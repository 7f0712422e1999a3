"""The pages other than the chapter: one per claim, the claims index, errata, figures and rates, glossary."""
from __future__ import annotations

import html
import json
import re

from verify.engine import catalog
from verify.faces.site.chapter import GLYPH, MARK, inline, math_html, nontex_reason, verdict_mark
from verify.faces.site.layout import page
from verify.faces.site.model import Site, claim_url, slug
from verify.faces.site.unitex import title_html, title_text

LEGEND_STATUS = ("verified", "erratum", "refuted", "inconclusive", "definition", "informal", "unchecked")
LEGEND_STRENGTH = ("proved", "exact", "certified", "sampled")
ROUNDING = 1e-9  # |margin| below this is floating-point rounding, not slack or a violation
SEVERITIES = {"formula": "wrong formula", "hypothesis": "missing hypothesis", "edge-case": "edge case",
              "citation": "citation or notation", "wording": "wording (a sentence says more than holds)"}


def esc(x) -> str:
    return html.escape(str(x))


def tex_or_text(s: str) -> str:
    """A printed form as the report shows it: LaTeX typeset, Markdown with $…$ rendered, prose as is."""
    if not s:
        return ""
    if "$" in s:
        return inline(s)
    if "\\" in s and not nontex_reason(s):
        return math_html(s)
    return title_html(s)  # prose: Unicode, with any x_i / x^t as a sub- or superscript


def boxed(inner: str) -> str:
    """Maths that may be wider than its column, in a box that scrolls and says so (site.js adds the hint)."""
    return f'<div class="mathbox">{inner}</div>'


def fmt(x) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.4g}"
    return esc(x)


def margin(x, root: str = "") -> str:
    """A worst margin; within rounding of 0 it reads "0 (to rounding)" with the recorded value beside."""
    if isinstance(x, (int, float)) and not isinstance(x, bool) and x != 0 and abs(x) < ROUNDING:
        return (f'0 (to rounding) <small class="muted">recorded {x:.2g}; '
                f'<a href="{root}glossary.html#margin">what a margin is</a></small>')
    return fmt(x)


def badge(status: str, strength: str | None = None, root: str = "") -> str:
    g = f"{root}glossary.html"
    out = f'<a class="pill st-{status}" href="{g}#{status}" title="what “{esc(status)}” means">{esc(status)}</a>'
    out += (f' <a class="pill sg-{strength}" href="{g}#{strength}" title="what “{esc(strength)}” means">'
            f'{esc(strength)}</a>') if strength else \
        (f' <a class="pill sg-none" href="{g}#not-recorded" title="results.json has no strength for this claim">'
         'strength not recorded</a>')
    return out


def strength_cell(strength: str | None, sizes=None, root: str = "") -> str:
    if not strength:
        return (f'<a class="pill sg-none" href="{root}glossary.html#not-recorded" '
                'title="results.json has no strength for this claim">not recorded</a>')
    tip = f' title="{esc("; ".join(sizes))}"' if sizes else ""
    return f'<a class="pill sg-{strength}" href="{root}glossary.html#{strength}"{tip}>{esc(strength)}</a>'


def link(cid: str, site: Site, root: str) -> str:
    """A reference to a claim or a label, coloured and worded by the one status map (``Site.status``)."""
    st = site.status(cid)
    words = st["status"] + (f", {st['strength']}" if st["strength"] else "")
    mark = f'<span class="rmark">{esc(MARK.get(st["status"], ""))}</span>'
    if cid in site.claims:
        c = site.claims[cid]
        return (f'<a class="claimref st-{st["status"]}" data-status="{st["status"]}" href="{root}{claim_url(cid)}" '
                f'title="{esc(words)}: {esc(title_text(c["title"]))}" aria-label="{esc(cid)}, {esc(words)}">'
                f'{esc(cid)} {mark}</a>')
    if st["href"]:
        by = ", ".join(st["claims"])
        return (f'<a class="claimref st-{st["status"]}" data-status="{st["status"]}" href="{root}{st["href"]}" '
                f'title="{esc(words)}: covered by {esc(by)}" aria-label="{esc(cid)}, {esc(words)}">'
                f'{esc(cid)} {mark}</a>')
    return (f'<span class="claimref st-unchecked" data-status="unchecked" title="no claim checks it" '
            f'aria-label="{esc(cid)}, unchecked">{esc(cid)} {mark}</span>')


def legend(root: str = "") -> str:
    g = f"{root}glossary.html"
    st = "".join(f'<a class="pill st-{s}" href="{g}#{s}">{esc(GLYPH[s])} {s}</a>' for s in LEGEND_STATUS)
    sg = "".join(f'<a class="pill sg-{s}" href="{g}#{s}">{s}</a>' for s in LEGEND_STRENGTH)
    sg += f'<a class="pill sg-none" href="{g}#not-recorded">not recorded</a>'
    return (f'<div class="legend"><span>verdict:</span>{st}<span>strength:</span>{sg}'
            f'<span class="hint">click a box for its evidence; <a href="{g}">what the words mean</a></span></div>')


def fits_table(fits: list[dict], site: Site | None = None, root: str = "", owner: list[str] | None = None) -> str:
    if not fits:
        return ""
    head = ("<tr>" + ("<th>claim</th>" if owner else "") + "<th>quantity</th><th>against</th>"
            "<th>fitted exponent</th><th>95% interval</th><th>theory</th><th>seeds</th></tr>")
    rows = []
    for k, f in enumerate(fits):
        lo, hi = f["interval"]
        rel = f.get("relation", "=")
        theory = "–" if f.get("theory") is None else {"<=": "≤ ", ">=": "≥ "}.get(rel, "") + esc(f["theory"])
        seeds = ", ".join(str(s) for s in f.get("seeds", [])) or "–"
        rows.append("<tr>" + (f"<td>{link(owner[k], site, root)}</td>" if owner else "")
                    + f"<td>{esc(f['quantity'])}</td><td>{esc(f['against'])}</td>"
                    f"<td>{f['exponent']:.3f}</td><td>[{lo:.3f}, {hi:.3f}]"
                    + (f" <small>({100 * f['confidence']:g}%)</small>" if f.get("confidence", 0.95) != 0.95 else "")
                    + (f"<br><small>{esc(f['basis'])}; full range [{f['full_range']['interval'][0]:.3f}, "
                       f"{f['full_range']['interval'][1]:.3f}]</small>" if f.get("basis") else "")
                    + f"</td><td>{theory}</td><td>{seeds}</td></tr>")
    return f'<div class="tablebox" tabindex="0"><table class="fits">{head}{"".join(rows)}</table></div>'


def _text_table(text: str) -> str | None:
    """An aligned plain-text table (as older results.json stored rows) as an HTML table, or None."""
    lines = [ln for ln in text.strip("\n").split("\n") if ln.strip()]
    if len(lines) < 2:
        return None
    rows = [re.split(r"\s{2,}", ln.strip()) for ln in lines]
    if len({len(r) for r in rows}) != 1 or len(rows[0]) < 2:
        return None
    return _html_table(rows[0], rows[1:])


def _html_table(cols, rows) -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in cols)
    body = "".join("<tr>" + "".join(f"<td>{esc(x)}</td>" for x in r) + "</tr>" for r in rows)
    return f'<div class="tablebox" tabindex="0"><table class="steptable"><tr>{head}</tr>{body}</table></div>'


def derived_html(value: dict | None, latex: str = "") -> str:
    """A stored derivation value for what it is: TeX typeset, a table as a table, text as text.

    ``value`` is the step's ``derived`` record; older results.json files have only
    ``derived_latex``, which is classified here (a table or text never reaches a maths span)."""
    if value:
        kind = value.get("kind")
        if kind == "table":
            return _html_table(value.get("columns", []), value.get("rows", []))
        if kind == "tex" and not nontex_reason(value.get("tex", "")):
            return f'<div class="mathbox">{math_html(value["tex"], display=True)}</div>'
        return f'<span class="steptext">{esc(value.get("tex") or value.get("text") or "")}</span>'
    if not latex:
        return ""
    if nontex_reason(latex):
        return _text_table(latex) or f'<pre class="steptext">{esc(latex.strip())}</pre>'
    return f'<div class="mathbox">{math_html(latex, display=True)}</div>'


def _steps(site: Site, cid: str) -> str:
    """Derivation steps as results.json stores them (``steps``); the claim's static derivation from
    the registry only when results.json predates stored steps."""
    recorded = site.claims[cid].get("steps")
    items = []
    if recorded is not None:
        for st in recorded:
            items.append((st.get("holds"), st.get("label", ""), st.get("text", ""), st.get("printed", ""),
                          derived_html(st.get("derived"), st.get("derived_latex") or "")))
    else:
        c = site.registry.get(cid)
        if c is not None and c.derivation is not None:
            from verify.engine.render import typed

            for st in c.derivation():
                items.append((st.holds, st.label, st.text, st.printed,
                              derived_html(typed(st.derived)) if st.derived is not None else ""))
    if not items:
        if recorded is not None:
            return ('<p class="muted">This check records no derivation steps: its verdict rests on the '
                    'evidence below.</p>')
        return (f'<p class="muted">This results.json stores no steps for this claim: '
                f'<code>verify show {esc(cid)} --check</code> runs its check and prints them.</p>')
    out = ['<ol class="steps">']
    for holds, label, text, printed, derived in items:
        mark = {True: '<span class="ok" aria-label="holds">✔</span>',
                False: '<span class="bad" aria-label="fails">✘</span>'}.get(holds, "·")
        out.append(f"<li>{mark} <b>{esc(label)}</b>: {tex_or_text(text)}")
        if printed:
            out.append(f'<div class="step-row"><span class="k">printed</span> {tex_or_text(printed)}</div>')
        if derived:
            out.append(f'<div class="step-row"><span class="k">derived</span> {derived}</div>')
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def _display(tex: str) -> str:
    """A printed equation that continues the line before it ("= …", "\\leq …") reads "⋯ = …"."""
    return r"\cdots " + tex if re.match(r"\s*(=|\\leq|\\geq|\\le\b|\\ge\b|<|>|\\approx|\\preceq|\\succeq)", tex) else tex


def _printed(site: Site, cid: str) -> str:
    c = site.claims[cid]
    out = []
    try:
        obj = catalog.get(cid)
        if hasattr(obj, "statement"):
            from verify.faces.site.chapter import wrap_raw_tex

            head = f"{obj.kind.capitalize()} {obj.number}" + (f" ({inline(obj.title)})" if obj.title else "")
            out.append(f'<div class="printed-obj mathbox"><b>{head}.</b> {inline(wrap_raw_tex(obj.statement))}</div>')
    except KeyError:
        pass
    for label in c["equations"]:
        eq = catalog.equations()[label]
        out.append(f'<div class="printed-eq"><div class="mathbox">{math_html(_display(eq.latex), display=True)}</div>'
                   f'<a class="eqno" href="../index.html#eq-{label}">({label})</a></div>')
    reg = site.registry.get(cid)
    if reg is not None and reg.printed and not out:
        out.append(f'<div class="printed-claim mathbox">{tex_or_text(reg.printed)}</div>')
    elif reg is not None and reg.printed:
        # in a box of its own that scrolls (a long \text{…} does not wrap): opened, it never widens the page
        out.append(f'<details><summary>as the claim states it</summary>'
                   f'<div class="printed-claim mathbox">{tex_or_text(reg.printed)}</div></details>')
    return "".join(out) or '<p class="muted">no printed form recorded</p>'


def chapter_anchor(cid: str, c: dict) -> str:
    """Where the front page shows a claim: its numbered object, else its first equation, else its badge."""
    try:
        catalog.get(cid)
        return "eq-" + cid[3:] if cid.startswith("eq:") else slug(cid)
    except KeyError:
        return f"eq-{c['equations'][0]}" if c["equations"] else slug(cid)


def graph_link(cid: str, root: str, direction: str) -> str:
    return f"{root}graph.html#focus={cid}&dir={direction}"


def claim_page(site: Site, cid: str, figure_captions: dict[str, str], figures: list[str] = ()) -> str:
    c = site.claims[cid]
    root = "../"
    strength = site.strength(c)
    sizes = c.get("sizes") or []
    w = []
    a = w.append
    a(f'<h1><span class="cid">{esc(cid)}</span> {title_html(c["title"])}</h1>')
    a(f'<p class="meta">{verdict_mark(c["status"], strength, root)} {badge(c["status"], strength, root)} '
      f'§{esc(c["section"])} · {esc(c["kind"])}'
      + (f" · sizes: {esc('; '.join(sizes))}" if sizes else "")
      + f' · <a class="in-chapter" href="../index.html#{chapter_anchor(cid, c)}">in the chapter</a>'
      f' · graph: <a class="focus-up" href="{graph_link(cid, root, "up")}">what it rests on</a>, '
      f'<a class="focus-down" href="{graph_link(cid, root, "down")}">what rests on it</a></p>')
    a("<h2>Printed form</h2>" + _printed(site, cid))
    er = c.get("erratum")
    if er:
        a('<h2>Erratum</h2><div class="sbs"><div><h3>printed</h3>' + boxed(tex_or_text(er["printed"]))
          + '</div><div><h3>corrected</h3>' + boxed(tex_or_text(er["corrected"])) + "</div></div>")
        a(f'<p><b>Why:</b> {inline(er["explanation"])}</p>')
        a(f'<p><a href="../errata.html#{slug(cid)}">In the list of errata</a> '
          f'(severity: {esc(SEVERITIES[severity(site, c)])}).</p>')
    a("<h2>Derivation</h2>" + _steps(site, cid))
    a(f'<h2>Evidence</h2><table class="kv">')
    a(f"<tr><th>methods</th><td>{esc(', '.join(c['methods']) or '–')}</td></tr>")
    a(f"<tr><th>examples</th><td>{fmt(c['examples'])}</td></tr>")
    a(f'<tr><th><a href="../glossary.html#margin">worst margin</a></th>'
      f"<td>{margin(c['worst_margin'], root)}</td></tr>")
    a(f"<tr><th>seconds</th><td>{fmt(c['seconds'])}</td></tr>")
    a(f"<tr><th>expected verdict</th><td>{esc(c.get('expected', '–'))}</td></tr>")
    a("</table>")
    cx = c.get("counterexample")
    if cx is None and er:
        cx = er.get("counterexample")
    if cx is not None:
        a(f'<h3>Counterexample to the printed form</h3><pre class="cx">{esc(json.dumps(cx, ensure_ascii=False, indent=1))}</pre>')
    if c["fits"]:
        a("<h3>Fits</h3>" + fits_table(c["fits"]))
    m = c["mutants"]
    if m["total"] == 0 and c["status"] == "informal":
        a('<h3>Mutants</h3><p class="muted">None: an informal statement has no checkable meaning to vary.</p>')
    elif m["total"] == 0:
        a('<h3>Mutants</h3><p class="muted">None declared.</p>')
    else:
        a(f"<h3>Mutants killed {m['killed']}/{m['total']}</h3><ul class=\"mutants\">")
        for mu in m.get("list", []):
            a(f'<li class="{"killed" if mu["killed"] else "survived"}">{"✔ killed" if mu["killed"] else "✘ survived"}: '
              f'{esc(mu["name"])}</li>')
        a("</ul>")
    if c.get("class"):
        a(attacks_html(c))
    if c.get("notes"):
        a("<h3>Notes</h3><ul>" + "".join(f"<li>{inline(n)}</li>" for n in c["notes"]) + "</ul>")
    if c.get("error"):
        a(f'<p class="bad">error: <code>{esc(c["error"])}</code></p>')
    if figures:
        a("<h2>Figures</h2>")
        for f in figures:
            cap = figure_captions.get(f, f)
            a(f'<figure><img src="../figures/{esc(f)}" alt="{esc(cap)}" loading="lazy">'
              f'<figcaption>{esc(cap)}</figcaption></figure>')
    uses = " ".join(link(u, site, root) for u in c["uses"]) or "–"
    used = " ".join(link(u, site, root) for u in site.used_by.get(cid, [])) or "–"
    a(f'<h2>Dependencies</h2><p><b>uses:</b> {uses}</p><p><b>used by:</b> {used}</p>')
    profile = esc(site.results.get("profile", "ci"))
    # say "steps" only where they are: a check that records none prints none, stored or run now
    steps = c.get("steps")
    stored = ("printed form, stored steps and evidence" if steps else
              "printed form and evidence (this check records no steps)" if steps is not None else
              "printed form and evidence (steps not stored in this results file)")
    fresh = "the ci check run now" + (", with its steps" if steps or steps is None else "")
    a(f'<h2>Re-check</h2><pre class="cmd">verify show {esc(cid)}                      # {stored}\n'
      f'verify check {esc(cid)} --profile {profile}   # the verdict above, run again\n'
      f'verify show {esc(cid)} --check              # {fresh}\n'
      f'pytest "tests/chapter8.verify::{esc(cid)}"  # as a test item (ci profile)</pre>')
    return page(f"{cid}: {title_text(c['title'])}", "\n".join(w), depth=1, body_class="claim-page")


def attacks_html(c: dict) -> str:
    """The claim's class and the adversary bank's attacks on each target (printed, corrected, readings)."""
    k = c["class"]
    out = [f'<h3 id="attacks">Class and attacks</h3><p>The statement ranges over <b>{esc(k["name"])}</b> '
           f'({esc(k["kind"])}; hypotheses: {esc(", ".join(k["hypotheses"]) or "none")}; shapes: '
           f'{esc(", ".join(k.get("shapes", [])) or "–")}). Each member of the bank whose hypotheses hold was run '
           'against each target.</p>', '<div class="tablebox" tabindex="0"><table class="attacks"><tr><th>target</th>'
           '<th>member</th><th>outcome</th><th>what decided it</th></tr>']
    for x in c.get("attacks", []):
        cls = {"broke": "bad", "held": "good"}.get(x["outcome"], "")
        arg = f' <small>(argument {esc(x["argument"])})</small>' if x.get("argument") else ""
        out.append(f'<tr class="{cls}"><td>{esc(x["target"])}</td><td>{esc(x["member"])}{arg}</td>'
                   f'<td>{esc(x["outcome"])}</td><td>{esc(str(x["detail"])[:400])}</td></tr>')
    out.append("</table></div>")
    return "".join(out)


def claims_index(site: Site) -> str:
    rows = []
    for cid, c in site.claims.items():
        rows.append(f'<tr><td>{link(cid, site, "")}</td><td>{esc(c["section"])}</td>'
                    f'<td>{esc(c["kind"])}</td><td>{badge(c["status"]).split(" <a")[0]}</td>'
                    f'<td>{strength_cell(site.strength(c), c.get("sizes"))}</td>'
                    f'<td>{title_html(c["title"])}</td></tr>')
    counts: dict[str, int] = {}
    for c in site.claims.values():
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    body = (f"<h1>Claims</h1><p>{len(site.claims)} claims: {esc(summary)}. Profile "
            f"<code>{esc(site.results.get('profile'))}</code>, seed {esc(site.results.get('seed'))}, "
            f"generated {esc(site.results.get('generated'))}.</p>{legend()}"
            '<div class="tablebox" tabindex="0"><table class="claims"><tr><th>id</th><th>section</th><th>kind</th>'
            '<th>verdict</th><th>strength</th><th>title</th></tr>' + "".join(rows) + "</table></div>")
    return page("Claims", body)


_SEV_HINTS = (
    ("citation", r"\bcites?\b|\bcited\b|the reason cited|calls? the|notation|\bdefines?\b .* calls|typo|named"),
    ("edge-case", r"edge case|x = 0 is|zero matrix|\bd = 1\b|degenerate|boundary|corner"),
    ("hypothesis", r"\bneeds?\b|\brequires?\b|hypothes|assum|\bunless\b|no condition|only when|only on|must be|"
                   r"\bfor any\b.*overparam|singular"),
)


def severity(site: Site, c: dict) -> str:
    """An erratum's severity: declared in results.json, else read from its explanation (the first of
    citation, edge case, missing hypothesis that it speaks of; else a wrong formula)."""
    er = c.get("erratum") or {}
    if er.get("severity") in SEVERITIES:
        return er["severity"]
    why = er.get("explanation", "")
    for sev, pattern in _SEV_HINTS:
        if re.search(pattern, why, re.IGNORECASE):
            return sev
    return "formula"


def dependants(site: Site, cid: str) -> list[str]:
    """Claims that rest on ``cid``, directly or through others (results.json's list when it has one)."""
    er = site.claims[cid].get("erratum") or {}
    if isinstance(er.get("dependants"), list):
        return [d for d in er["dependants"] if d in site.claims]
    seen, todo = [], list(site.used_by.get(cid, []))
    while todo:
        u = todo.pop(0)
        if u not in seen and u != cid and u in site.claims:
            seen.append(u)
            todo += site.used_by.get(u, [])
    return seen


def errata_groups(site: Site) -> list[list[str]]:
    """One group per error: claims that carry the same printed form are one erratum."""
    groups: dict[str, list[str]] = {}
    for cid, c in site.claims.items():
        if c["status"] == "erratum" and c.get("erratum"):
            key = " ".join(c["erratum"]["printed"].split())
            groups.setdefault(key, []).append(cid)
    return list(groups.values())


_SEV_PREFIX = re.compile(r"^\s*severity:\s*[\w-]+\.\s*", re.IGNORECASE)


def _first_sentence(text: str, limit: int = 160) -> str:
    """The first sentence of an erratum's why, past its "severity: …." tag (the table has a column for it)."""
    s = re.split(r"(?<=[.;:])\s", _SEV_PREFIX.sub("", text).strip(), maxsplit=1)[0]
    return s if len(s) <= limit else s[:limit - 1].rstrip() + "…"


def errata_page(site: Site) -> str:
    groups = errata_groups(site)
    ncl = sum(len(g) for g in groups)
    out = [f"<h1>Errata</h1><p>{len(groups)} errors: statements false as printed"
           + (f", carried by {ncl} claims (a claim that reads the same printed form again is listed under it)"
              if ncl != len(groups) else "")
           + ". Each corrected form is checked by the same code as the printed one; where the check found a "
           "counterexample to the printed form, it is shown. Severity: "
           + ", ".join(f'<a href="glossary.html#sev-{k}">{v}</a>' for k, v in SEVERITIES.items()) + ".</p>"]
    rows = []
    for g in groups:
        cid = g[0]
        c = site.claims[cid]
        er = c["erratum"]
        deps = dependants(site, cid)
        dep = (f'{len(deps)}: ' + " ".join(link(d, site, "") for d in deps[:4]) + (" …" if len(deps) > 4 else "")
               ) if deps else "none"
        rows.append(f'<tr><td data-k="erratum"><a href="#{slug(cid)}">{esc(cid)}</a>'
                    + "".join(f"<br><small>{esc(x)}</small>" for x in g[1:]) + "</td>"
                    f'<td data-k="where"><a href="index.html#{chapter_anchor(cid, c)}">§{esc(c["section"])}</a></td>'
                    f'<td data-k="severity"><span class="sev sev-{severity(site, c)}">{esc(SEVERITIES[severity(site, c)])}</span></td>'
                    f'<td data-k="what is wrong">{inline(_first_sentence(er["explanation"]))}</td>'
                    f'<td data-k="corrected" class="corr">{boxed(tex_or_text(er["corrected"]))}</td>'
                    f'<td data-k="later claims resting on it">{dep}</td></tr>')
    out.append('<h2 id="summary">Summary</h2><div class="tablebox" tabindex="0"><table class="errata-summary">'
               "<tr><th>erratum</th><th>where</th><th>severity</th><th>what is wrong</th><th>corrected</th>"
               "<th>later claims resting on it</th></tr>" + "".join(rows) + "</table></div>")
    for g in groups:
        cid = g[0]
        c = site.claims[cid]
        er = c["erratum"]
        cx = er.get("counterexample")
        also = "".join(
            f'<div class="also" id="{slug(x)}"><b>Also carried by</b> {link(x, site, "")} '
            f'{title_html(site.claims[x]["title"])}: {inline(site.claims[x]["erratum"]["explanation"])}</div>'
            for x in g[1:])
        out.append(
            f'<section class="erratum" id="{slug(cid)}"><h2>{link(cid, site, "")} {title_html(c["title"])}</h2>'
            f'<p class="meta"><span class="sev sev-{severity(site, c)}">{esc(SEVERITIES[severity(site, c)])}</span> · '
            f'<a href="index.html#{chapter_anchor(cid, c)}">in the chapter (§{esc(c["section"])})</a> · '
            f'<a href="{claim_url(cid)}">evidence</a> · <a href="#summary">summary</a></p>'
            f'<div class="sbs"><div><h3>printed</h3>{boxed(tex_or_text(er["printed"]))}</div>'
            f'<div><h3>corrected</h3>{boxed(tex_or_text(er["corrected"]))}</div></div>'
            f'<p><b>Why:</b> {inline(er["explanation"])}</p>{also}'
            + (f'<details><summary>counterexample to the printed form</summary><pre class="cx">'
               f'{esc(json.dumps(cx, ensure_ascii=False, indent=1))}</pre></details>' if cx is not None else "")
            + "</section>")
    return page("Errata", "\n".join(out), body_class="errata-page")


GLOSSARY = (
    ("Verdicts", (
        ("verified", "The statement holds as printed: its check passed and every mutant (a plausible false "
                     "variant) was refuted by the same check."),
        ("erratum", "False as printed. The corrected form is checked too, and the page shows both, with a "
                    "counterexample to the printed one where one was found."),
        ("refuted", "False as printed, and no corrected form is offered."),
        ("inconclusive", "The check could not decide (a sweep too small, a fit too wide)."),
        ("definition", "A definition: checked for consistency (it defines what it says), not for truth."),
        ("informal", "Stated without a checkable meaning (the page says why); nothing is claimed about it."),
        ("unchecked", "No claim covers it yet."),
    )),
    ("Strength: how a verdict is known (the weakest link of its evidence)", (
        ("proved", "Symbolic, for every dimension and parameter."),
        ("exact", "Exact arithmetic at listed finite sizes or instances."),
        ("certified", "Floating point with a rigorous bound (interval arithmetic, an exact rational certificate)."),
        ("sampled", "Examples, optimizer runs, sweeps: with counts, seeds and intervals."),
        ("not-recorded", "results.json records no strength for this claim (informal statements, older results). "
                         "It is not a strength and is drawn apart from all four."),
    )),
    ("Numbers", (
        ("margin", "The worst margin is the smallest slack seen in an inequality (positive: it held with room), "
                   "or the largest residual of an identity. A value within 1e-9 of 0 is floating-point rounding "
                   "and reads “0 (to rounding)”."),
        ("mutants", "Mutants killed k/n: of n false variants of the statement, the check refuted k. A check "
                    "that kills none has not shown it can fail."),
    )),
    ("Severity of an erratum", tuple((f"sev-{k}", {
        "formula": "Wrong formula: a constant, a sign, a factor or an exponent is off.",
        "hypothesis": "Missing hypothesis: true only under a condition the text does not state.",
        "edge-case": "Edge case: false only at a boundary or degenerate case; the argument survives.",
        "citation": "Citation or notation: the result stands but the reason cited or a symbol's meaning is wrong.",
        "wording": "Wording: a sentence, read as a statement, says more than holds; what holds is in the correction.",
    }[k]) for k in SEVERITIES)),
)


def glossary_page() -> str:
    out = ["<h1>What the words mean</h1>"]
    for head, items in GLOSSARY:
        out.append(f"<h2>{esc(head)}</h2><dl class=\"glossary\">")
        for key, text in items:
            name = key.replace("sev-", "").replace("-", " ")
            pill = (f'<span class="pill st-{key}">{esc(GLYPH[key])} {esc(key)}</span>' if key in MARK
                    else f'<span class="pill sg-{"none" if key == "not-recorded" else key}">{esc(name)}</span>'
                    if key in ("proved", "exact", "certified", "sampled", "not-recorded") else f"<b>{esc(name)}</b>")
            out.append(f'<dt id="{key}">{pill}</dt><dd>{esc(text)}</dd>')
        out.append("</dl>")
    return page("What the words mean", "\n".join(out))

def figures_page(site: Site, figures: list[tuple[str, str]], by_claim: dict[str, list[str]]) -> str:
    used: dict[str, list[str]] = {}
    for cid, fs in by_claim.items():
        for f in fs:
            used.setdefault(f, []).append(cid)
    fits, owners = [], []
    for cid, c in site.claims.items():
        for f in c["fits"]:
            fits.append(f)
            owners.append(cid)
    out = ["<h1>Figures and rates</h1>", "<h2 id=\"rates\">Asymptotics: fitted exponents</h2>",
           "<p>Exponents fitted on log-log axes with their 95% intervals, next to the theory's exponent "
           "(marked ≤ or ≥ where the theory is only a bound; unmarked in results that do not record the "
           "relation). The seeds are those the interval pools, where recorded.</p>",
           fits_table(fits, site, "", owners) or "<p>No fits recorded.</p>", "<h2 id=\"figures\">Figures</h2>"]
    for name, caption in figures:
        refs = " ".join(link(cid, site, "") for cid in used.get(name, []))
        out.append(f'<figure id="fig-{esc(name)}"><img src="figures/{esc(name)}" alt="{esc(caption)}" loading="lazy">'
                   f'<figcaption>{esc(caption)}' + (f"<br>claims: {refs}" if refs else "") + "</figcaption></figure>")
    return page("Figures and rates", "\n".join(out))
