"""The chapter as the front page: Markdown to HTML, math kept for KaTeX, claims coloured.

The chapter is one paragraph per line (the catalog builder relies on the same),
so each line is rendered on its own and keeps its line number: the catalog says at
which line each numbered equation and object sits, and those lines are wrapped in
elements coloured by verdict (``st-*``) and strength (``sg-*``), with the one-line
verdict as their tooltip and a link to the claim. Math is cut out before Markdown
sees it (so ``_`` and ``*`` inside TeX stay TeX) and put back as elements that
KaTeX typesets in the browser.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from markdown_it import MarkdownIt

from verify.engine import catalog
from verify.faces.site.model import Site, SiteError, claim_url, slug
from verify.faces.site.unitex import title_html

_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]+?)\$")
_TAG = re.compile(r"\s*\\quad\s*\((\d+\.\d+)\)\s*$")
_LIST = re.compile(r"^(?:\d+\.|-) ")
_SECTION = re.compile(r"^(\d+\.\d+(?:\.\d+)?) (\S.*)$")


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False})


def packaged_chapter() -> str:
    """The copy of the chapter the project keeps (tests compare it with ../shared/seed)."""
    from verify.engine.text import active

    return active().read_source()


def shared_chapter_path() -> Path:
    from verify.engine.text import active

    return active().seed_source


def math_html(tex: str, display: bool = False, extra: str = "") -> str:
    cls = "math display" if display else "math inline"
    return f'<span class="{cls}{extra}">{html.escape(tex)}</span>'


# The chapter's prose carries some LaTeX outside $…$ (\Rightarrow, \hat{y}^{t+1}) and plain sub- and
# superscripts (λ_1, θ^0, g_θ^t): each such token is wrapped as inline maths before Markdown sees it.
_GROUP = r"\{(?:[^{}]|\{[^{}]*\})*\}"
_SCRIPT = rf"[_^](?:{_GROUP}|\\[A-Za-z]+|[0-9A-Za-z]+|[^\W_]|[+∞*])"
_CMD = rf"\\[A-Za-z]+(?:{_GROUP})*"
_BASE = r"[^\s\\$(){}\[\],;:!?_^'\"]*[^\W_]|[∇‖|)]"
_RAW_TEX = re.compile(rf"(?<![\w\\])(?:{_CMD}(?:{_SCRIPT})*|(?:{_BASE})(?:{_SCRIPT})+)")
_RAW_LEFT = re.compile(r"\\[A-Za-z]+|[^\W_][_^][^\s]")


def wrap_raw_tex(line: str) -> str:
    """``line`` with the LaTeX its prose carries outside $…$ wrapped as inline maths."""
    parts = re.split(r"(\$\$.+?\$\$|\$[^$\n]+?\$)", line)
    for k in range(0, len(parts), 2):
        parts[k] = _RAW_TEX.sub(lambda m: "$" + m.group(0).rstrip(".") + "$" + m.group(0)[len(m.group(0).rstrip(".")):],
                                parts[k])
    return "".join(parts)


def raw_tex_left(line: str) -> list[str]:
    """What still reads as LaTeX in the prose of a (wrapped) line: the build fails on any."""
    prose = _MATH.sub(" ", line)
    return [m.group(0) for m in _RAW_LEFT.finditer(prose)]


def _markdown(text: str, math_hook=None) -> str:
    """Markdown with its math protected: returns HTML whose math spans KaTeX will typeset."""
    spans: list[str] = []

    def cut(m: re.Match) -> str:
        tex, display = (m.group(1), True) if m.group(1) is not None else (m.group(2), False)
        spans.append(math_hook(tex, display) if math_hook else math_html(tex, display))
        return f"MATHSPAN{len(spans) - 1}X"

    out = _md().render(_MATH.sub(cut, text))
    return re.sub(r"MATHSPAN(\d+)X", lambda m: spans[int(m.group(1))], out)


def inline(text: str) -> str:
    """One line of Markdown (or LaTeX-ish prose) as inline HTML, without the <p>."""
    out = _markdown(text).strip()
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        out = out[3:-4]
    return out


def verdict_line(site: Site, cid: str) -> str:
    c = site.claims[cid]
    s = site.strength(c)
    m = c["mutants"]
    return (f"{cid}: {c['status']}" + (f" · {s}" if s else "") + f" — {c['title']} "
            f"(mutants {m['killed']}/{m['total']})")


def _classes(status: str, strength: str | None) -> str:
    return f"st-{status} sg-{strength or 'none'}"


MARK = {"verified": "✓", "erratum": "✗ erratum", "refuted": "✗ refuted", "inconclusive": "? inconclusive",
        "definition": "def", "informal": "informal", "unchecked": "unchecked"}


GLYPH = {"verified": "✓", "erratum": "✗", "refuted": "✗", "inconclusive": "?", "definition": "≔",
         "informal": "~", "unchecked": "–"}


def verdict_mark(status: str, strength: str | None, root: str = "") -> str:
    """The verdict in words beside its colour: a short mark with the full verdict as its aria-label."""
    words = status + (f", {strength}" if strength else "")
    return (f'<a class="vmark vm-{status}" href="{root}glossary.html#{status}" aria-label="verdict: {words}" '
            f'title="verdict: {words}">{html.escape(MARK.get(status, status))}</a>')


def _equation_block(site: Site, label: str, tex: str) -> str:
    e = site.status(f"eq:{label}")
    claims = list(e["claims"])
    if label in site.results["equations"]:  # every claim on this equation is linked, not only the one named after it
        claims += [c for c in site.equation(label)["claims"] if c in site.claims and c not in claims]
    tip = f"({label}) {e['status']}" + (f" · {e['strength']}" if e["strength"] else "")
    tip += "".join(f"\n{verdict_line(site, c)}" for c in claims) if claims else " — no claim covers it yet"
    href = f' data-href="{claim_url(claims[0])}"' if claims else ""
    def eqclaim(c: str) -> str:
        if site.claims[c]["status"] == "erratum" and e["status"] != "erratum":  # the erratum is elsewhere
            return (f'<a class="eqclaim" href="{claim_url(c)}" title="{html.escape(c)} is an erratum about another '
                    f'of its equations; ({label}) holds">{html.escape(c)} (erratum elsewhere)</a>')
        return f'<a class="eqclaim" href="{claim_url(c)}">{html.escape(c)}</a>'

    links = "".join(eqclaim(c) for c in claims)
    number = (f'<a class="eqno" href="{claim_url(claims[0])}">({label})</a>' if claims
              else f'<span class="eqno">({label})</span>')
    corrected = ""
    if e["status"] == "erratum":
        for c in claims:
            er = site.claims[c].get("erratum")
            if site.claims[c]["status"] == "erratum" and er and er.get("corrected"):
                corrected = (f'<details class="corrected"><summary>corrected ({html.escape(c)})</summary>'
                             f'{tex_or_text_html(er["corrected"])}</details>')
                break
    return (f'<div class="eq covered {_classes(e["status"], e["strength"])}" id="eq-{label}" '
            f'data-label="{label}" data-status="{e["status"]}" data-claims="{" ".join(claims)}"{href} '
            f'title="{html.escape(tip)}"><div class="eqrow"><div class="mathbox">{math_html(tex, display=True)}</div>'
            f'{number}{verdict_mark(e["status"], e["strength"])}<span class="eqclaims">{links}</span></div>'
            f'{corrected}</div>')


def tex_or_text_html(s: str) -> str:
    """A printed form: LaTeX typeset, Markdown with $…$ rendered, prose as is."""
    if not s:
        return ""
    if "$" in s:
        return inline(s)
    if "\\" in s and not nontex_reason(s):
        return math_html(s, display=False)
    return title_html(s)  # prose: Unicode, with any g_θ / θ^0 as a sub- or superscript


def nontex_reason(tex: str) -> str | None:
    """Why ``tex`` is not TeX a maths span may hold (a plain-text table, a Python repr, a sentence), or None."""
    if "\n" in tex.strip("\n") and re.search(r"\S  +\S", tex):
        return "a plain-text table"
    if re.search(r"np\.\w+\(|array\(|\{'|': |<[a-z]+ ", tex):
        return "a Python repr"
    bare = re.sub(r"\\(?:text|mathrm|operatorname|mbox|textbf|textit|mathbf|mathit|emph)\s*\{(?:[^{}]|\{[^{}]*\})*\}",
                  " ", tex)
    if re.search(r"(?:\b[A-Za-z]{2,}\b[ ,]+){4,}", re.sub(r"\\[A-Za-z]+", " ", bare)):
        return "a sentence"
    return None


def _object_ids_by_line() -> dict[int, str]:
    return {o.line: oid for oid, o in catalog.objects().items()}


def object_ends(lines: list[str]) -> dict[str, int]:
    """The last chapter line of each object's printed statement (most end on their first line;
    a few run on through displays and items)."""
    out = {}
    for oid, o in catalog.objects().items():
        tail = o.statement.strip().split("\n")[-1].strip()[-20:]
        out[oid] = next((k for k in range(o.line, min(o.line + 40, len(lines)) + 1) if tail in lines[k - 1]), o.line)
    return out


# Editorial notes: where the printed sentence is itself broken (not a mathematical claim, so no claim covers it), the
# front page shows the text as printed and marks the spot.  The notes belong to the text (Text.editorial_notes, keyed
# by the exact printed fragment); a note whose fragment is not found exactly once fails the build, so a note never
# drifts onto other text.
def editorial_marks(body: str, notes=None) -> str:
    """``body`` (the front page's HTML) with a [sic] mark after every fragment of ``notes`` (default: the active
    text's)."""
    if notes is None:
        from verify.engine.text import active

        notes = active().editorial_notes
    for frag, note in notes:
        esc = html.escape(frag, quote=False)
        if body.count(esc) != 1:
            raise SiteError(f"editorial note for {frag!r}: the fragment occurs {body.count(esc)} times in the chapter")
        body = body.replace(esc, f'{esc}<span class="sic" role="note" title="{html.escape(note)}">'
                                 f' [sic: {html.escape(note)}]</span>')
    return body


def render(site: Site, text: str, figures: dict[str, tuple[str, str]] | None = None) -> str:
    """The chapter ``text`` as the front page's HTML body; ``figures`` maps a figure's object id to
    (file, caption) of the reproduction drawn beside its caption as a thumbnail."""
    figures = figures or {}
    lines = text.split("\n")
    objects = _object_ids_by_line()
    ends = object_ends(lines)
    eq_lines = {e.line: label for label, e in catalog.equations().items()}
    sections = catalog.sections()
    # descriptive claims (sec:…) sit as badges at their anchor line, or at their section's heading
    badges: dict[int, list[str]] = {}
    heading_line: dict[str, int] = {}
    for i, line in enumerate(lines, 1):
        m = _SECTION.match(line.strip())
        if m and m.group(1) in sections and m.group(1) not in heading_line:
            heading_line[m.group(1)] = i
    covered_by_block = {oid for oid in objects.values()}
    for cid, c in site.claims.items():
        if cid in covered_by_block or c["equations"]:
            continue
        line = site.anchors.get(cid, heading_line.get(c["section"], 1))
        badges.setdefault(line, []).append(cid)
    # the printed LaTeX of descriptive claims, to colour the inline math they quote
    quoted = {cid: site.registry[cid].printed for cid in site.claims if cid.startswith("sec:") and cid in site.registry}

    def hook(tex: str, display: bool) -> str:
        for cid, printed in quoted.items():
            if printed and "$" not in printed and printed.strip() == tex.strip():
                c = site.claims[cid]
                return (f'<span class="quoted covered {_classes(c["status"], site.strength(c))}" '
                        f'data-href="{claim_url(cid)}" title="{html.escape(verdict_line(site, cid))}">'
                        f'{math_html(tex, display)}</span>')
        return math_html(tex, display)

    def badge_html(cids: list[str]) -> str:
        if not cids:
            return ""
        return '<div class="badges">' + "".join(
            f'<a class="badge covered {_classes(site.claims[c]["status"], site.strength(site.claims[c]))}" '
            f'id="{slug(c)}" data-status="{site.claims[c]["status"]}" href="{claim_url(c)}" '
            f'title="{html.escape(verdict_line(site, c))}" aria-label="{html.escape(c)}: verdict '
            f'{site.claims[c]["status"]}">{html.escape(c)} <span class="bmark">'
            f'{html.escape(MARK.get(site.claims[c]["status"], ""))}</span></a>'
            for c in cids) + "</div>"

    out: list[str] = []
    open_obj: list = []  # [wrapper's opening tag, last line, index in out] of a statement still being read

    def w(html_: str, last: int) -> None:
        out.append(html_)
        if open_obj and last >= open_obj[1]:
            head, _, k = open_obj
            out[k:] = [head + "\n".join(out[k:]) + "</div>"]
            open_obj.clear()

    i, n, title_done = 0, len(lines), 0
    first_heading = min(heading_line.values(), default=n + 1)
    while i < n:
        ln = i + 1
        line = lines[i].rstrip()
        i += 1
        if not line.strip():
            continue
        badge = badge_html(badges.pop(ln, []))
        m = _SECTION.match(line.strip())
        if m and m.group(1) in sections and heading_line.get(m.group(1)) == ln:
            num = m.group(1)
            h = "h2" if num.count(".") == 1 else "h3"
            w(f'<{h} id="sec-{num}">{num} {inline(wrap_raw_tex(m.group(2)))}</{h}>{badge}', ln)
            continue
        if title_done < 2 and ln < first_heading and len(line.strip()) < 40:  # "Chapter 8", its title
            w(f'<h1 class="chapter-title">{html.escape(line.strip())}</h1>' if title_done
              else f'<div class="chapter-no">{html.escape(line.strip())}</div>', ln)
            title_done += 1
            continue
        s = line.strip()
        if ln in eq_lines and s.startswith("$$") and s.endswith("$$"):
            label = eq_lines[ln]
            w(badge + _equation_block(site, label, _TAG.sub("", s[2:-2]).strip()), ln)
            continue
        block = [line]
        if _LIST.match(s):  # a run of list items is one list
            while i < n and _LIST.match(lines[i].strip()) and (i + 1) not in objects and (i + 1) not in badges:
                block.append(lines[i].rstrip())
                i += 1
        raw = [wrap_raw_tex(b) for b in block]
        for k, b in enumerate(raw):
            left = raw_tex_left(b)
            if left:
                raise SiteError(f"chapter line {ln + k}: LaTeX left in the prose outside maths: {', '.join(left[:3])}")
        body = _markdown("\n".join(raw), hook)
        oid = objects.get(ln)
        if oid is None:
            w(badge + body, i)
            continue
        c = site.claims.get(oid)
        if c is None:
            st = site.status(oid)
            head = (f'<div class="span covered {_classes(st["status"], st["strength"])}" id="{slug(oid)}" '
                    f'data-status="{st["status"]}" title="{html.escape(oid)}: {st["status"]}">')
            inner = verdict_mark(st["status"], st["strength"]) + badge + body
        else:
            head = (f'<div class="span covered {_classes(c["status"], site.strength(c))}" id="{slug(oid)}" '
                    f'data-status="{c["status"]}" data-claims="{oid}" data-href="{claim_url(oid)}" '
                    f'title="{html.escape(verdict_line(site, oid))}">')
            inner = (f'<a class="spanlink" href="{claim_url(oid)}">{html.escape(oid)}</a>'
                     f'{verdict_mark(c["status"], site.strength(c))}{badge}{body}')
        if oid in figures:
            fname, cap = figures[oid]
            inner = (f'<a class="thumb" href="figures.html#fig-{html.escape(fname)}"><img src="figures/{html.escape(fname)}" '
                     f'alt="{html.escape(cap)}" loading="lazy" width="160"></a>') + inner
        if not open_obj:  # the statement runs to its last line (displays and items included)
            open_obj[:] = [head, ends[oid], len(out)]
            w(inner, i)
        else:
            w(head + inner + "</div>", i)
    if badges:  # anchored at a line that shows nothing (blank): listed at the end rather than lost
        out.append('<h2 id="more-claims">Other claims</h2>' + badge_html([c for cs in badges.values() for c in cs]))
    # each top-level section its own box, which the browser may skip laying out until it is near
    body = editorial_marks("\n".join(out))
    parts = re.split(r'(?=<h2 id=")', body)
    return parts[0] + "".join(f'<section class="chsec">{p}</section>' for p in parts[1:])
