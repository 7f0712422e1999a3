"""The site in a real browser: Debian's Chromium, headless, driven by Playwright.

Every page loads with no console error and no failed request, the math typesets,
the front page reaches every equation and every claim, clicking an equation opens
its claim, the graph draws every node and its filters hide what they should, and
search finds numbers, ids and words of the notes. Screenshots of the front page
and one claim page are kept in tests/artifacts/ (or $SITE_ARTIFACTS).

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
from verify.faces.site.build import build
from verify.faces.site.graph import nodes
from verify.faces.site.model import claim_url, load
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


def test_every_page_loads_without_console_errors_and_typesets_its_math(site, browser):
    out, base = site
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html"))
    assert len(pages) == len(claims()) + 5
    tabs = [_tab(browser) for _ in range(3)]  # three pages load at once: the renderers share the cores
    bad = {}
    try:
        for k in range(0, len(pages), len(tabs)):
            batch = list(zip(tabs, pages[k:k + len(tabs)]))
            for tab, rel in batch:
                tab.problems.clear()
                tab.goto(base + rel, wait_until="commit")
            for tab, rel in batch:
                tab.wait_for_load_state("load")
                errors, untyped = tab.evaluate("[document.querySelectorAll('.katex-error').length, "
                                               "document.querySelectorAll('.math:not(:has(.katex))').length]")
                if tab.problems or errors or untyped:
                    bad[rel] = tab.problems[:3] + ([f"{errors} KaTeX errors"] if errors else []) + \
                        ([f"{untyped} math spans not typeset"] if untyped else [])
    finally:
        for tab in tabs:
            tab.close()
    assert not bad, bad


def test_front_page_reaches_every_equation_and_every_claim(site, page):
    _, base = site
    page.goto(base + "index.html")
    labels = page.eval_on_selector_all(".eq[id^='eq-']", "els => els.map(e => e.dataset.label)")
    # (8.105) is printed before (8.104): compare in numeric order
    assert sorted(labels, key=lambda s: int(s.split(".")[1])) == list(catalog.equations())
    assert len(labels) == 168
    hrefs = page.eval_on_selector_all("a[href*='claims/']", "els => els.map(a => a.getAttribute('href'))")
    assert set(hrefs) == {claim_url(c["id"]) for c in claims()}
    # each covered equation says its verdict on hover and is coloured by it
    tip = page.get_attribute("#eq-8\\.17", "title")
    status = json.loads(RESULTS.read_text())["equations"]["8.17"]["status"]
    assert tip.startswith(f"(8.17) {status}") and "eq:8.17" in tip
    assert f"st-{status}" in page.get_attribute("#eq-8\\.17", "class")


def test_clicking_an_equation_or_a_statement_opens_its_claim(site, page):
    _, base = site
    page.goto(base + "index.html")
    page.locator("#eq-8\\.17 .katex").first.click()
    page.wait_for_url("**/claims/eq-8.17.html")
    assert "eq:8.17" in page.locator("h1").text_content()
    page.goto(base + "index.html")
    page.locator("#lemma-8\\.20 p").first.click()
    page.wait_for_url("**/claims/lemma-8.20.html")
    assert page.locator("text=Mutants killed").count() == 1


def test_graph_draws_every_node_and_filters_hide_what_they_should(site, page):
    out, base = site
    page.goto(base + "graph.html")
    page.wait_for_function("window.graphReady === true")
    want = nodes(load(RESULTS))
    drawn = page.eval_on_selector_all(
        "#graph g.node", "els => els.map(g => { const b = g.getBBox(); return [g.id, b.width > 0 && b.height > 0]; })")
    assert len(drawn) == len(want) and all(ok for _, ok in drawn)

    def visible():
        return dict(page.eval_on_selector_all(
            "#graph g.node", "els => els.map(g => [g.id, getComputedStyle(g).display !== 'none'])"))

    data = page.evaluate("window.GRAPH_NODES")
    page.locator("input[name=status][value=verified]").uncheck()
    vis = visible()
    assert all(vis[n] == (data[n]["status"] != "verified") for n in vis)
    assert not all(vis.values()) and any(vis.values())
    page.locator("input[name=status][value=verified]").check()
    page.select_option("select[name=section]", "8.3.2")
    vis = visible()
    assert all(vis[n] == data[n]["section"].startswith("8.3.2") for n in vis) and any(vis.values())
    page.select_option("select[name=section]", "")
    assert all(visible().values())
    page.locator("#graph g.node#n-lemma-8\\.20 a").click()
    page.wait_for_url("**/claims/lemma-8.20.html")


@pytest.mark.parametrize("query, first, also", [
    ("8.17", {"eq:8.17", "lemma:8.17"}, set()),
    ("lemma:8.20", {"lemma:8.20"}, set()),
    ("Weyl", {"eq:8.143"}, set()),
    ("(8.150)", {"eq:8.150"}, set()),
])
def test_search_finds_numbers_ids_and_words(site, page, query, first, also):
    _, base = site
    page.goto(base + "claims.html")
    page.fill("#search", query)
    found = page.eval_on_selector_all("#search-results a", "els => els.map(a => a.dataset.id)")
    assert set(found[:len(first)]) == first, found[:5]
    page.press("#search", "Enter")
    page.wait_for_url(f"**/{claim_url(found[0])}")


def test_screenshots_of_front_page_and_a_claim_page(site, page):
    _, base = site
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shots = {"site-front.png": "index.html", "site-claim-lemma-8.20.png": claim_url("lemma:8.20")}
    for name, rel in shots.items():
        page.goto(base + rel)
        page.screenshot(path=str(ARTIFACTS / name))
        assert (ARTIFACTS / name).stat().st_size > 10_000
    print(f"screenshots in {ARTIFACTS}")
