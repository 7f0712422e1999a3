"""The pages other than the chapter: one per claim, the claims index, errata, figures and rates."""
from __future__ import annotations

import html
import json

from verify.engine import catalog
from verify.faces.site.chapter import inline, math_html
from verify.faces.site.layout import page
from verify.faces.site.model import Site, claim_url, slug

LEGEND_STATUS = ("verified", "erratum", "refuted", "inconclusive", "definition", "informal", "unchecked")
LEGEND_STRENGTH = ("proved", "exact", "certified", "sampled")


def esc(x) -> str:
    return html.escape(str(x))


def tex_or_text(s: str) -> str:
    """A printed form as the report shows it: LaTeX typeset, Markdown with $…$ rendered, prose as is."""
    if not s:
        return ""
    if "$" in s:
        return inline(s)
    if "\\" in s:
        return math_html(s)
    return esc(s)


def fmt(x) -> str:
    if x is None:
        return "–"
    if isinstance(x, float):
        return f"{x:.4g}"
    return esc(x)


def badge(status: str, strength: str | None = None) -> str:
    out = f'<span class="pill st-{status}">{esc(status)}</span>'
    out += f' <span class="pill sg-{strength}">{esc(strength)}</span>' if strength else \
        ' <span class="pill sg-none" title="results.json has no strength for this claim">strength not recorded</span>'
    return out


def strength_cell(strength: str | None, sizes=None) -> str:
    if not strength:
        return '<span class="muted" title="results.json has no strength for this claim">–</span>'
    tip = f' title="{esc("; ".join(sizes))}"' if sizes else ""
    return f'<span class="pill sg-{strength}"{tip}>{esc(strength)}</span>'


def link(cid: str, site: Site, root: str) -> str:
    if cid in site.claims:
        c = site.claims[cid]
        return (f'<a class="claimref st-{c["status"]}" href="{root}{claim_url(cid)}" '
                f'title="{esc(c["status"])}: {esc(c["title"])}">{esc(cid)}</a>')
    return f'<span class="claimref st-unchecked" title="no claim checks it">{esc(cid)}</span>'


def legend() -> str:
    st = "".join(f'<span class="pill st-{s}">{s}</span>' for s in LEGEND_STATUS)
    sg = "".join(f'<span class="pill sg-{s}">{s}</span>' for s in LEGEND_STRENGTH)
    return (f'<div class="legend"><span>verdict:</span>{st}<span>strength:</span>{sg}'
            '<span class="hint">hover for the verdict, click for the evidence</span></div>')


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
                    + (f"<br><small>{esc(f['basis'])}; full range [{f['full_range']['interval'][0]:.3f}, "
                       f"{f['full_range']['interval'][1]:.3f}]</small>" if f.get("basis") else "")
                    + f"</td><td>{theory}</td><td>{seeds}</td></tr>")
    return f'<table class="fits">{head}{"".join(rows)}</table>'


def _steps(site: Site, cid: str) -> str:
    """Derivation steps: recorded in results.json when the report stored them, else the
    claim's static derivation from the registry, else where to get them."""
    recorded = site.claims[cid].get("steps")
    items = []
    if recorded:
        for st in recorded:
            items.append((st.get("holds"), st.get("label", ""), st.get("text", ""), st.get("printed", ""),
                          st.get("derived_latex") or ""))
    else:
        c = site.registry.get(cid)
        if c is not None and c.derivation is not None:
            from verify.engine.render import render as _render

            for st in c.derivation():
                items.append((st.holds, st.label, st.text, st.printed,
                              _render(st.derived, latex=True) if st.derived is not None else ""))
    if not items:
        return (f'<p class="muted">The steps of this check are produced when it runs: '
                f'<code>verify show {esc(cid)}</code> prints them.</p>')
    out = ['<ol class="steps">']
    for holds, label, text, printed, derived in items:
        mark = {True: '<span class="ok">✔</span>', False: '<span class="bad">✘</span>'}.get(holds, "·")
        out.append(f"<li>{mark} <b>{esc(label)}</b>: {tex_or_text(text)}")
        if printed:
            out.append(f'<div class="step-row"><span class="k">printed</span> {tex_or_text(printed)}</div>')
        if derived:
            out.append(f'<div class="step-row"><span class="k">derived</span> {math_html(derived)}</div>')
        out.append("</li>")
    out.append("</ol>")
    return "".join(out)


def _printed(site: Site, cid: str) -> str:
    c = site.claims[cid]
    out = []
    try:
        obj = catalog.get(cid)
        if hasattr(obj, "statement"):
            head = f"{obj.kind.capitalize()} {obj.number}" + (f" ({inline(obj.title)})" if obj.title else "")
            out.append(f'<div class="printed-obj"><b>{head}.</b> {inline(obj.statement)}</div>')
    except KeyError:
        pass
    for label in c["equations"]:
        eq = catalog.equations()[label]
        out.append(f'<div class="printed-eq">{math_html(eq.latex, display=True)}'
                   f'<a class="eqno" href="../index.html#eq-{label}">({label})</a></div>')
    reg = site.registry.get(cid)
    if reg is not None and reg.printed and not out:
        out.append(f'<div class="printed-claim">{tex_or_text(reg.printed)}</div>')
    elif reg is not None and reg.printed:
        out.append(f'<details><summary>as the claim states it</summary>{tex_or_text(reg.printed)}</details>')
    return "".join(out) or '<p class="muted">no printed form recorded</p>'


def chapter_anchor(cid: str, c: dict) -> str:
    """Where the front page shows a claim: its numbered object, else its first equation, else its badge."""
    try:
        catalog.get(cid)
        return "eq-" + cid[3:] if cid.startswith("eq:") else slug(cid)
    except KeyError:
        return f"eq-{c['equations'][0]}" if c["equations"] else slug(cid)


def claim_page(site: Site, cid: str, figure_captions: dict[str, str], figures: list[str] = ()) -> str:
    c = site.claims[cid]
    root = "../"
    strength = site.strength(c)
    sizes = c.get("sizes") or []
    w = []
    a = w.append
    a(f'<h1><span class="cid">{esc(cid)}</span> {tex_or_text(c["title"])}</h1>')
    a(f'<p class="meta">{badge(c["status"], strength)} §{esc(c["section"])} · {esc(c["kind"])}'
      + (f" · sizes: {esc('; '.join(sizes))}" if sizes else "")
      + f' · <a class="in-chapter" href="../index.html#{chapter_anchor(cid, c)}">in the chapter</a></p>')
    a("<h2>Printed form</h2>" + _printed(site, cid))
    er = c.get("erratum")
    if er:
        a('<h2>Erratum</h2><div class="sbs"><div><h3>printed</h3>' + tex_or_text(er["printed"])
          + '</div><div><h3>corrected</h3>' + tex_or_text(er["corrected"]) + "</div></div>")
        a(f'<p><b>Why:</b> {inline(er["explanation"])}</p>')
    a("<h2>Derivation</h2>" + _steps(site, cid))
    a("<h2>Evidence</h2><table class=\"kv\">")
    a(f"<tr><th>methods</th><td>{esc(', '.join(c['methods']) or '–')}</td></tr>")
    a(f"<tr><th>examples</th><td>{fmt(c['examples'])}</td></tr>")
    a(f"<tr><th>worst margin</th><td>{fmt(c['worst_margin'])}</td></tr>")
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
    a(f"<h3>Mutants killed {m['killed']}/{m['total']}</h3><ul class=\"mutants\">")
    for mu in m.get("list", []):
        a(f'<li class="{"killed" if mu["killed"] else "survived"}">{"✔ killed" if mu["killed"] else "✘ survived"}: '
          f'{esc(mu["name"])}</li>')
    a("</ul>")
    if c.get("notes"):
        a("<h3>Notes</h3><ul>" + "".join(f"<li>{inline(n)}</li>" for n in c["notes"]) + "</ul>")
    if c.get("error"):
        a(f'<p class="bad">error: <code>{esc(c["error"])}</code></p>')
    if figures:
        a("<h2>Figures</h2>")
        for f in figures:
            a(f'<figure><img src="../figures/{esc(f)}" alt="{esc(f)}" loading="lazy">'
              f'<figcaption>{esc(figure_captions.get(f, f))}</figcaption></figure>')
    uses = " ".join(link(u, site, root) for u in c["uses"]) or "–"
    used = " ".join(link(u, site, root) for u in site.used_by.get(cid, [])) or "–"
    a(f'<h2>Dependencies</h2><p><b>uses:</b> {uses}</p><p><b>used by:</b> {used}</p>')
    profile = esc(site.results.get("profile", "ci"))
    a(f'<h2>Re-check</h2><pre class="cmd">verify check {esc(cid)} --profile {profile}   # the verdict above\n'
      f'verify show {esc(cid)}                      # printed form, derivation, evidence\n'
      f'pytest "tests/chapter8.verify::{esc(cid)}"  # as a test item (ci profile)</pre>')
    return page(cid, "\n".join(w), depth=1, body_class="claim-page")


def claims_index(site: Site) -> str:
    rows = []
    for cid, c in site.claims.items():
        rows.append(f'<tr class="st-{c["status"]}"><td>{link(cid, site, "")}</td><td>{esc(c["section"])}</td>'
                    f'<td>{esc(c["kind"])}</td><td><span class="pill st-{c["status"]}">{esc(c["status"])}</span></td>'
                    f'<td>{strength_cell(site.strength(c), c.get("sizes"))}</td>'
                    f'<td>{tex_or_text(c["title"])}</td></tr>')
    counts: dict[str, int] = {}
    for c in site.claims.values():
        counts[c["status"]] = counts.get(c["status"], 0) + 1
    summary = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
    body = (f"<h1>Claims</h1><p>{len(site.claims)} claims: {esc(summary)}. Profile "
            f"<code>{esc(site.results.get('profile'))}</code>, seed {esc(site.results.get('seed'))}, "
            f"generated {esc(site.results.get('generated'))}.</p>{legend()}"
            '<table class="claims"><tr><th>id</th><th>section</th><th>kind</th><th>verdict</th><th>strength</th><th>title</th></tr>'
            + "".join(rows) + "</table>")
    return page("Claims", body)


def errata_page(site: Site) -> str:
    errata = [c for c in site.claims.values() if c["status"] == "erratum" and c.get("erratum")]
    out = [f"<h1>Errata</h1><p>{len(errata)} statements are false as printed. Each corrected form is checked "
           "by the same code as the printed one; where the check found a counterexample to the printed form, "
           "it is shown.</p>"]
    for c in errata:
        er = c["erratum"]
        cx = er.get("counterexample")
        out.append(
            f'<section class="erratum" id="{slug(c["id"])}"><h2>{link(c["id"], site, "")} {tex_or_text(c["title"])}</h2>'
            f'<div class="sbs"><div><h3>printed</h3>{tex_or_text(er["printed"])}</div>'
            f'<div><h3>corrected</h3>{tex_or_text(er["corrected"])}</div></div>'
            f'<p><b>Why:</b> {inline(er["explanation"])}</p>'
            + (f'<details open><summary>counterexample to the printed form</summary><pre class="cx">'
               f'{esc(json.dumps(cx, ensure_ascii=False, indent=1))}</pre></details>' if cx is not None else "")
            + "</section>")
    return page("Errata", "\n".join(out))


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
        out.append(f'<figure id="fig-{esc(name)}"><img src="figures/{esc(name)}" alt="{esc(name)}" loading="lazy">'
                   f'<figcaption>{esc(caption)}' + (f"<br>claims: {refs}" if refs else "") + "</figcaption></figure>")
    return page("Figures and rates", "\n".join(out))
