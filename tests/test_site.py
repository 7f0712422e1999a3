"""The site in a real browser, browsed like a reader: Debian's Chromium, headless, driven by Playwright.

Every page is crawled once (at 1366 px, then resized to 390 px): it loads with no console
error and no failed request, its maths typesets with no KaTeX error, and it is never wider
than the viewport; no maths span of any page holds a value that is not TeX. The front page
reaches every equation and every claim, clicking an equation opens its claim, an anchor
lands clear of the sticky header. Search finds every numbered object by its printed name
("Theorem 8.5", "(8.8)", "equation 8.8") first, verdict words and erratum text, and the
arrow keys move the selection. The graph zooms, focuses on one claim's ancestors (a URL
every claim page links to) and re-lays out a section. Every label has one status on every
page. Screenshots of the key pages are kept in tests/artifacts/ (or $SITE_ARTIFACTS).

Without Chromium these tests fail in CI (.ci/run installs it) and are skipped,
with the reason, on a developer's machine.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from verify.engine import catalog
import re
import html as _html

from verify.faces.site.build import build
from verify.faces.site.chapter import nontex_reason
from verify.faces.site.graph import focus_sets, node_id, nodes
from verify.faces.site.model import claim_url, load
from verify.faces.site.search_index import names
from verify.faces.site.serve import serve_in_thread

# one xdist worker builds the module fixture and runs its tests (tasks.py test: --dist loadgroup)
pytestmark = pytest.mark.xdist_group("browser")

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "results.json"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(os.environ.get("SITE_ARTIFACTS", ROOT / "tests" / "artifacts"))


def _missing(what: str):
    msg = f"{what} (Debian: apt-get install chromium graphviz; .ci/run installs them)"
    if os.environ.get("CI"):
        pytest.fail(msg)
    pytest.skip(msg)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if shutil.which("dot") is None:
        _missing("graphviz's `dot` is not installed")
    out = tmp_path_factory.mktemp("browser") / "site"
    build(out, RESULTS)
    srv, base = serve_in_thread(out)
    yield out, base
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not Path(CHROMIUM).exists():
        _missing(f"no Chromium at {CHROMIUM}")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    profile = tmp_path_factory.mktemp("chromium-profile")  # a new, empty user-data-dir
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True,
                                                   args=FLAGS, viewport={"width": 1280, "height": 900})
        yield ctx
        ctx.close()


def _tab(browser):
    """A tab that records console errors, uncaught exceptions and failed requests."""
    pg = browser.new_page()
    pg.problems = []
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(f"console: {m.text}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"exception: {e}"))
    pg.on("requestfailed", lambda r: pg.problems.append(f"request failed: {r.url}"))
    pg.on("response", lambda r: r.status >= 400 and pg.problems.append(f"HTTP {r.status}: {r.url}"))
    return pg


@pytest.fixture
def page(browser):
    pg = _tab(browser)
    yield pg
    pg.close()


def claims():
    return json.loads(RESULTS.read_text())["claims"]


WIDTHS = (1366, 390)


def test_crawl_every_page_at_1366_and_390_px(site, browser):
    """One load per page, three tabs at once: no console error, no KaTeX error, every maths span
    typeset, no page wider than the viewport at 1366 px and (resized) at 390 px with every <details>
    open, and every box that scrolls sideways marked with its hint."""
    out, base = site
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    assert len(pages) == len(claims()) + 6
    tabs = [_tab(browser) for _ in range(3)]
    bad = {}
    # every <details> open first: a folded printed form must not widen the page when a reader opens it
    # and a box of maths or a table that scrolls sideways says so, with its "scroll sideways" hint
    probe = """async () => { document.querySelectorAll('details').forEach(d => { d.open = true; });
        if (window.typesetAll) window.typesetAll();
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        const silent = [...document.querySelectorAll('main *:not(.katex, .katex *)')].filter(e =>
            e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
            && e.querySelector('.katex, table')
            && !(e.classList.contains('scrolls') && e.nextElementSibling
                 && e.nextElementSibling.classList.contains('scroll-hint')));
        return [document.querySelectorAll('.katex-error').length,
                document.querySelectorAll('.math:not(:has(.katex))').length,
                document.documentElement.scrollWidth, window.innerWidth,
                silent.map(e => e.tagName.toLowerCase() + '.' + e.className.split(' ')[0])]; }"""
    try:
        for k in range(0, len(pages), len(tabs)):
            batch = list(zip(tabs, pages[k:k + len(tabs)]))
            for tab, rel in batch:
                tab.problems.clear()
                tab.set_viewport_size({"width": WIDTHS[0], "height": 800})
                tab.goto(base + rel, wait_until="commit")
            for tab, rel in batch:
                tab.wait_for_load_state("load")
                problems = list(tab.problems)
                for w in WIDTHS:
                    if w != WIDTHS[0]:
                        tab.set_viewport_size({"width": w, "height": 844})
                    errors, untyped, scroll, inner, silent = tab.evaluate(probe)
                    if errors or untyped:
                        problems.append(f"{errors} KaTeX errors, {untyped} maths spans not typeset")
                    if scroll > inner:
                        problems.append(f"{scroll} px wide at {inner} px")
                    if silent:
                        problems.append(f"{len(silent)} boxes scroll sideways with no hint at {inner} px: {silent[:3]}")
                if problems:
                    bad[rel] = problems[:4]
    finally:
        for tab in tabs:
            tab.close()
    assert not bad, bad
    spans = re.compile(r'<span class="math (?:display|inline)[^"]*">(.*?)</span>', re.S)
    nontex = [(rel, t[:50]) for rel in pages for t in spans.findall((out / rel).read_text())
              if nontex_reason(_html.unescape(t))]
    assert not nontex, nontex[:5]


def test_front_page_reaches_every_equation_and_every_claim(site, page):
    _, base = site
    page.goto(base + "index.html")
    labels = page.eval_on_selector_all(".eq[id^='eq-']", "els => els.map(e => e.dataset.label)")
    # (8.105) is printed before (8.104): compare in numeric order
    assert sorted(labels, key=lambda s: int(s.split(".")[1])) == list(catalog.equations())
    assert len(labels) == 168
    hrefs = page.eval_on_selector_all("a[href*='claims/']", "els => els.map(a => a.getAttribute('href'))")
    assert set(hrefs) == {claim_url(c["id"]) for c in claims()}
    # each covered equation says its verdict in words (a mark with an aria-label) and is coloured by it
    status = load(RESULTS).status("eq:8.17")["status"]
    assert f"st-{status}" in page.get_attribute("#eq-8\\.17", "class")
    assert page.get_attribute("#eq-8\\.17 .vmark", "aria-label").startswith(f"verdict: {status}")


def test_clicking_an_equation_or_a_statement_opens_its_claim(site, page):
    _, base = site
    page.goto(base + "index.html")
    page.locator("#eq-8\\.17 .math").first.click()
    page.wait_for_url("**/claims/eq-8.17.html")
    assert "eq:8.17" in page.locator("h1").text_content()
    assert "eq:8.17" in page.title()
    page.goto(base + "index.html")
    page.locator("#lemma-8\\.20 p").first.click()
    page.wait_for_url("**/claims/lemma-8.20.html")
    assert page.locator("text=Mutants killed").count() == 1


def test_an_anchor_lands_clear_of_the_header_and_is_highlighted(site, page):
    _, base = site
    for w in WIDTHS:
        page.set_viewport_size({"width": w, "height": 800})
        page.goto(base + "index.html#eq-8.26")
        page.wait_for_timeout(300)
        top, header, outline = page.evaluate("""() => { const t = document.getElementById('eq-8.26');
            return [t.getBoundingClientRect().top, document.querySelector('header').getBoundingClientRect().bottom,
                    getComputedStyle(t).outlineStyle]; }""")
        assert top >= header, (w, top, header)
        assert outline != "none"
    # a fresh load of a deep link keeps its target clear of the header while the maths above it is
    # typeset (these ids landed 5–57 px under it before the page re-scrolled to its target)
    clear = """(id) => { const top = document.getElementById(id).getBoundingClientRect().top;
        return top >= document.querySelector('header').getBoundingClientRect().bottom - 0.5 && top < innerHeight; }"""
    for w in WIDTHS:
        page.set_viewport_size({"width": w, "height": 844 if w < 500 else 768})
        for target in ("eq-8.6", "eq-8.58", "thm-8.33"):
            page.goto("about:blank")
            page.goto(base + "index.html#" + target)
            page.evaluate("window.typesetAll()")
            page.wait_for_function(clear, arg=target, timeout=15_000)


def test_search_reaches_every_numbered_object_by_its_printed_name(site, page):
    """The battery: every object and equation by the names the chapter prints, first in the list;
    ids and bare numbers; verdict words; words of an erratum's why."""
    _, base = site
    page.goto(base + "claims.html")
    page.evaluate("window.siteSearchReady()")
    site_ = load(RESULTS)
    battery = {}
    for oid in list(catalog.objects()) + [f"eq:{label}" for label in catalog.equations()]:
        for name in names(oid):
            battery[name] = oid
        battery[oid] = oid
    battery["Theorem 8.35"] = "thm:8.35"
    battery["def 8.9"] = "def:8.9"
    battery["Theorem 8.5."] = "thm:8.5"  # as copied from a sentence
    got = page.evaluate("qs => qs.map(q => (window.siteSearch(q)[0] || {}).id || null)", list(battery))
    wrong = {q: (want, g) for (q, want), g in zip(battery.items(), got) if g != want}
    assert not wrong, dict(list(wrong.items())[:8])
    # a bare number finds both objects numbered so, first
    first = page.evaluate("window.siteSearch('8.17').slice(0, 2).map(e => e.id)")
    assert set(first) == {"eq:8.17", "lemma:8.17"}
    # verdict and strength words, an erratum's why
    errata = {c for c, x in site_.claims.items() if x["status"] == "erratum"}
    found = set(page.evaluate("window.siteSearch('erratum').map(e => e.id)"))
    assert errata <= found
    informal = {c for c, x in site_.claims.items() if x["status"] == "informal"}
    assert informal <= set(page.evaluate("window.siteSearch('informal').map(e => e.id)"))
    weyl = {c for c, x in site_.claims.items()
            if "weyl" in json.dumps([x.get("notes"), x.get("erratum"), x.get("steps")], ensure_ascii=False).lower()}
    assert weyl and weyl <= set(page.evaluate("window.siteSearch('Weyl').map(e => e.id)"))
    assert "eq:8.9" in page.evaluate("window.siteSearch('the ½ was dropped').map(e => e.id)")


def test_search_box_arrow_keys_and_enter(site, page):
    _, base = site
    page.goto(base + "claims.html")
    page.fill("#search", "8.17")
    page.wait_for_selector("#search-results a.hit.sel")
    ids = page.eval_on_selector_all("#search-results a.hit", "els => els.map(a => a.dataset.id)")
    page.press("#search", "ArrowDown")
    assert page.get_attribute("#search-results a.sel", "data-id") == ids[1]
    page.press("#search", "ArrowUp")
    page.press("#search", "ArrowUp")
    assert page.get_attribute("#search-results a.sel", "data-id") == ids[-1]
    page.press("#search", "ArrowDown")
    page.press("#search", "ArrowDown")
    page.press("#search", "Enter")
    page.wait_for_url(f"**/{claim_url(ids[1])}")


def _drawn(page) -> set[str]:
    return set(page.eval_on_selector_all("#graph g.node", "els => els.map(g => g.id)"))


def test_graph_zooms_focuses_on_one_claim_and_re_lays_out_a_section(site, page):
    _, base = site
    site_ = load(RESULTS)
    # from the claim page, one click: what Theorem 8.33 rests on
    page.goto(base + claim_url("thm:8.33"))
    page.click("a.focus-up")
    page.wait_for_function("window.graphReady === true")
    up, _ = focus_sets(site_)["thm:8.33"]
    assert _drawn(page) == {node_id(n) for n in up} and len(up) > 3
    assert page.locator("#graph g.node.focused").count() == 1
    # zoom in: the view shrinks; fit: back to the whole drawing
    vb0 = page.get_attribute("#graph svg", "viewBox")
    page.click("#zoom-in")
    vb1 = page.get_attribute("#graph svg", "viewBox")
    assert float(vb1.split()[2]) < float(vb0.split()[2])
    page.click("#zoom-fit")
    assert page.get_attribute("#graph svg", "viewBox") == vb0
    # descendants, by URL
    page.goto(base + "graph.html#focus=lemma:8.17&dir=down")
    page.wait_for_function("window.graphReady === true")
    _, down = focus_sets(site_)["lemma:8.17"]
    assert _drawn(page) == {node_id(n) for n in down}
    # the whole graph: every node; a section: re-laid out with its nodes only
    page.goto(base + "graph.html")
    page.wait_for_function("window.graphReady === true")
    ns = nodes(site_)
    assert _drawn(page) == {node_id(n) for n in ns}
    tops = page.evaluate("['sec-8_1', 'sec-8_2', 'sec-8_3', 'sec-8_4'].map(i => document.getElementById(i).getBBox().y)")
    assert tops == sorted(tops), tops  # the sections in reading order, top to bottom
    page.select_option("select[name=section]", "8.3.2")
    page.wait_for_function("window.location.hash === '#sec=8.3.2' && window.graphReady === true")
    assert _drawn(page) == {node_id(n) for n, d in ns.items() if d["section"].startswith("8.3.2")}
    page.locator("input[name=status][value=verified]").uncheck()
    data = page.evaluate("window.GRAPH_NODES")
    vis = dict(page.eval_on_selector_all(
        "#graph g.node", "els => els.map(g => [g.id, getComputedStyle(g).display !== 'none'])"))
    assert all(vis[n] == (data[n]["status"] != "verified") for n in vis)
    page.locator("input[name=status][value=verified]").check()
    page.locator("#graph g.node#n-lemma-8\\.20 a").click()
    page.wait_for_url("**/claims/lemma-8.20.html")


def test_every_label_has_one_status_on_every_page(site, page):
    """Front page, graph, dependency lists and search say the same status for every label, and an
    equation a claim covers is never "unchecked" anywhere."""
    out, base = site
    site_ = load(RESULTS)
    want = {}
    seen: dict[str, set[str]] = {}

    def saw(label, status, where):
        seen.setdefault(label, set()).add(status)
        want.setdefault(label, site_.status(label)["status"])
        assert status == want[label], (label, status, want[label], where)

    front = (out / "index.html").read_text()
    for label, status in re.findall(r'id="eq-(8\.\d+)" data-label="[^"]+" data-status="([a-z]+)"', front):
        saw(f"eq:{label}", status, "front page")
    for p in (out / "claims").glob("*.html"):
        for status, label in re.findall(r'class="claimref st-[a-z]+" data-status="([a-z]+)"[^>]*>([^<\s]+)',
                                        p.read_text()):
            saw(label, status, p.name)
    graph = json.loads(re.search(r"window.GRAPH_NODES = (.*?);</script>", (out / "graph.html").read_text()).group(1))
    for d in graph.values():
        saw(d["id"], d["status"], "graph")
    page.goto(base + "claims.html")
    page.evaluate("window.siteSearchReady()")
    for e in page.evaluate("window.SEARCH_INDEX"):
        saw(e["id"], e["status"], "search")
    for label, e in site_.results["equations"].items():
        if any(c in site_.claims for c in e["claims"]):
            assert "unchecked" not in seen.get(f"eq:{label}", set()), label
    assert len(seen) > 200


def test_screenshots_of_the_key_pages(site, page):
    _, base = site
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = {"site-front-1366.png": ("index.html", 1366), "site-front-390.png": ("index.html", 390),
             "site-claim-lemma-8.17-390.png": (claim_url("lemma:8.17"), 390),
             "site-claim-lemma-8.20.png": (claim_url("lemma:8.20"), 1366),
             "site-errata-390.png": ("errata.html", 390),
             "site-graph-focus-thm-8.33.png": ("graph.html#focus=thm:8.33&dir=up", 1366)}
    for name, (rel, w) in shots.items():
        page.set_viewport_size({"width": w, "height": 844 if w < 500 else 768})
        page.goto(base + rel)
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTIFACTS / name))
        assert (ARTIFACTS / name).stat().st_size > 10_000
    print(f"screenshots in {ARTIFACTS}")


CONTRAST = """(sel) => {
  function rgb(s) { const m = s.match(/[\\d.]+/g).map(Number); return [m[0], m[1], m[2], m.length > 3 ? m[3] : 1]; }
  function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
                    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); }
  function bg(el) { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                      if (c[3] > 0.5) return c; } return [255, 255, 255, 1]; }
  const bad = [];
  document.querySelectorAll(sel).forEach(el => {
    if (!el.textContent.trim() || !el.getClientRects().length) return;
    const a = lum(rgb(getComputedStyle(el).color)), b = lum(bg(el));
    const r = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (r < 4.5) bad.push(el.className + ' "' + el.textContent.trim().slice(0, 20) + '" ' + r.toFixed(2));
  });
  return bad;
}"""


def test_text_on_the_verdict_colours_meets_4_5_to_1(site, page):
    _, base = site
    sel = (".pill, .vmark, .muted, .legend .hint, .eqclaims a, .spanlink, .claimref, .sev, .step-row .k, "
           "header a, figcaption, .badge, .eqno, #graph-count, .scroll-hint")
    bad = {}
    for rel in ("index.html", claim_url("lemma:8.17"), "errata.html", "glossary.html", "graph.html", "claims.html"):
        page.goto(base + rel)
        got = page.evaluate(CONTRAST, sel)
        if got:
            bad[rel] = got[:5]
    assert not bad, bad
