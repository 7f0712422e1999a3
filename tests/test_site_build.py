"""``verify site`` without a browser: it builds from the committed results.json, fast,
with a page per claim and every equation on the front page; bad input is one line."""
from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

import pytest

from verify.engine import catalog
from verify.faces.cli import main
from verify.faces.site import chapter, pages
from verify.faces.site import search_index as search
from verify.faces.site.model import SiteError, claim_url, load

# one xdist worker builds the module fixture and runs its tests (tasks.py test: --dist loadgroup)
pytestmark = pytest.mark.xdist_group("site-build")

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "results.json"


def need_dot():
    """graphviz lays out the graph: without it these tests fail in CI and skip elsewhere."""
    if shutil.which("dot") is None:
        msg = "graphviz's `dot` is not installed (apt-get install graphviz; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory):
    need_dot()
    out = tmp_path_factory.mktemp("site") / "site"
    t0 = time.perf_counter()
    assert main(["site", "--out", str(out), "--results", str(RESULTS)]) == 0
    return out, time.perf_counter() - t0


def test_the_kept_chapter_is_the_shared_one():
    shared = chapter.shared_chapter_path()
    if not shared.exists():
        pytest.skip(f"no shared chapter at {shared}")
    assert chapter.packaged_chapter() == shared.read_text(encoding="utf-8")


def test_builds_from_committed_results(site_dir):
    """Every page and asset is written (the build time is measured in benchmarks/bench_site_weight.py, not here)."""
    out, _seconds = site_dir
    for name in ("index.html", "claims.html", "errata.html", "graph.html", "figures.html", "search-index.js",
                 "static/vendor/katex/katex.min.js", "static/site.js"):
        assert (out / name).is_file(), name
    claims = json.loads(RESULTS.read_text())["claims"]
    for c in claims:
        assert (out / claim_url(c["id"])).is_file(), c["id"]


def test_front_page_has_every_equation_and_links_every_claim(site_dir):
    out, _ = site_dir
    html = (out / "index.html").read_text()
    ids = set(re.findall(r'class="eq [^"]*" id="eq-(8\.\d+)"', html))
    assert ids == set(catalog.equations())
    linked = set(re.findall(r'href="(claims/[^"]+\.html)"', html))
    assert linked == {claim_url(c["id"]) for c in json.loads(RESULTS.read_text())["claims"]}


def test_no_page_reaches_the_network(site_dir):
    out, _ = site_dir
    for p in out.rglob("*.html"):
        assert not re.search(r'(src|href)="(https?:)?//', p.read_text()), p


def test_erratum_page_shows_printed_and_corrected(site_dir):
    out, _ = site_dir
    doc = json.loads(RESULTS.read_text())
    errata = [c for c in doc["claims"] if c["status"] == "erratum"]
    page = (out / "errata.html").read_text()
    groups = pages.errata_groups(load(RESULTS))
    assert sum(len(g) for g in groups) == len(errata)
    assert page.count('class="erratum"') == len(groups) < len(errata)  # Theorem 8.5 is one error, two claims
    assert page.count("<h3>printed</h3>") == page.count("<h3>corrected</h3>") == len(groups)
    assert any({"thm:8.5", "sec:8.2.1:thm-8.5-readings"} == set(g) for g in groups)
    summary = page[page.index('class="errata-summary"'):page.index("</table>")]
    assert summary.count("<tr>") == len(groups) + 1
    assert all(f'id="{c["id"].replace(":", "-")}"' in page for c in errata)  # every claim has its anchor
    assert summary.count('class="sev sev-') == len(groups) and 'href="index.html#' in summary
    # "what is wrong" is the why's first sentence, past its "severity: …." tag (29 whys start with one)
    what = re.findall(r'<td data-k="what is wrong">(.*?)</td>', summary, re.S)
    assert len(what) == len(groups) and all(w.strip() and not w.lower().startswith("severity") for w in what), \
        [w for w in what if not w.strip() or w.lower().startswith("severity")][:3]


def test_search_index_knows_numbers_ids_and_notes():
    site = load(RESULTS)
    es = search.entries(site)
    by_num = {e["id"] for e in es if "8.17" in e["numbers"]}
    assert {"eq:8.17", "lemma:8.17"} <= by_num
    assert any("weyl" in (e["title"] + e["text"]).lower() for e in es)
    assert len({e["id"] for e in es}) == len(es)


def test_strength_is_shown_when_recorded_and_said_missing_when_not(tmp_path):
    """Schema 2 records a strength per claim: a claim page shows it, an equation takes the
    weakest of its claims; a claim without one says so rather than guessing."""
    need_dot()
    doc = json.loads(RESULTS.read_text())
    covering = doc["equations"]["8.17"]["claims"]
    for c in doc["claims"]:
        c.pop("strength", None)
        if c["id"] in covering:
            c["strength"] = "proved"
    res = tmp_path / "results.json"

    def build_and_read():
        res.write_text(json.dumps(doc))
        assert main(["site", "--out", str(tmp_path / "s"), "--results", str(res)]) == 0
        front = (tmp_path / "s" / "index.html").read_text()
        return front, re.search(r'<div class="eq covered ([^"]*)" id="eq-8.17"', front).group(1)

    front, classes = build_and_read()
    assert "sg-proved" in classes.split()
    assert 'class="pill sg-proved"' in (tmp_path / "s" / claim_url(covering[0])).read_text()
    other = next(c["id"] for c in doc["claims"] if c["id"] not in covering and c["status"] != "informal")
    assert "strength not recorded" in (tmp_path / "s" / claim_url(other)).read_text()
    next(c for c in doc["claims"] if c["id"] == covering[-1])["strength"] = "sampled"
    _, classes = build_and_read()
    assert "sg-sampled" in classes.split()  # the weakest link


@pytest.mark.parametrize("setup, needle", [
    (lambda d: ["--results", str(d / "missing.json")], "no results file"),
    (lambda d: ["--results", str(_write(d / "bad.json", "{not json"))], "cannot read"),
    (lambda d: ["--results", str(_write(d / "x.json", "{}"))], "not a results.json"),
    (lambda d: ["--out", str(_write(d / "afile", "x"))], "it is a file"),
    (lambda d: ["--out", str(d / "no" / "such" / "dir")], "does not exist"),
    (lambda d: ["--serve", "99999"], "not a port"),
    (lambda d: ["--out", str(_write(d / "home" / "notes.txt", "mine").parent)], "not replacing it"),
])
def test_bad_input_is_one_line_and_exit_2(tmp_path, capsys, setup, needle):
    args = ["site", "--out", str(tmp_path / "site"), "--results", str(RESULTS)] + setup(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("verify: error:") and needle in err, err
    assert not (tmp_path / "site").exists()


def _write(p: Path, text: str) -> Path:
    p.parent.mkdir(exist_ok=True)
    p.write_text(text)
    return p


def test_report_records_derivation_steps_and_claim_pages_typeset_them(tmp_path):
    """verify report keeps each check's steps in results.json (serial and parallel alike);
    the claim page shows them instead of pointing at `verify show`."""
    need_dot()
    from verify.engine import registry
    from verify.engine.profiles import get_profile
    from verify.faces.results_json import build as build_results
    from verify.run.orchestrate import _claim_task
    from verify.run.claim_runner import run_claim

    c = registry.get("eq:8.8")
    ev = run_claim(c, get_profile("ci"))
    doc = build_results([ev], "ci", 0)
    steps = doc["claims"][0]["steps"]
    assert steps and all(s["holds"] is True for s in steps if s["label"].endswith("lhs − rhs"))
    assert any(s["derived_latex"] for s in steps)
    assert all(s["derived"] is None or s["derived"]["kind"] in ("tex", "table", "text") for s in steps)
    assert _claim_task("eq:8.8", "ci", 0, False)[1]["json"]["steps"] == steps  # what a worker process returns
    full = json.loads(RESULTS.read_text())
    full["claims"] = [doc["claims"][0] if x["id"] == "eq:8.8" else x for x in full["claims"]]
    res = tmp_path / "results.json"
    res.write_text(json.dumps(full))
    assert main(["site", "--out", str(tmp_path / "s"), "--results", str(res)]) == 0
    page = (tmp_path / "s" / claim_url("eq:8.8")).read_text()
    assert page.count("<li>") >= len(steps) and "verify show eq:8.8</code> prints them" not in page
    assert '<span class="k">derived</span> <div class="mathbox"><span class="math display">' in page


def test_report_graph_is_cut_to_sections_and_links_the_site():
    from verify.faces.report_markdown import render

    doc = json.loads(RESULTS.read_text())
    text = render(doc)
    block = text[text.index("```mermaid", text.index("## Dependency graph")):]
    block = block[:block.index("```", 3) + 3]
    secs = {c["section"] for c in doc["claims"]}
    assert len(re.findall(r'\["§', block)) == len(secs)
    assert not any(f'"{c["id"]}"' in block for c in doc["claims"])  # no claim-level nodes any more
    for c in doc["claims"]:  # every cross-section use is an arrow
        for u in c["uses"]:
            su = next((x["section"] for x in doc["claims"] if x["id"] == u), None)
            if su and su != c["section"]:
                assert f"n_sec_{su.replace('.', '_')} -->|" in block
    assert "site/index.html" in text


def test_serve_answers_on_localhost_only(tmp_path):
    """`verify site --serve 0` serves the built site on 127.0.0.1 (a free port) until stopped."""
    import os
    import subprocess
    import sys
    import urllib.request

    need_dot()
    p = subprocess.Popen([sys.executable, "-m", "verify.faces.cli", "site", "--out", str(tmp_path / "s"),
                          "--results", str(RESULTS), "--serve", "0"], stdout=subprocess.PIPE, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    try:
        p.stdout.readline()  # wrote …
        line = p.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert url, line
        with urllib.request.urlopen(url.group(0) + "index.html", timeout=10) as r:
            assert r.status == 200 and b'id="eq-8.17"' in r.read()
    finally:
        p.terminate()
        p.wait(10)


def test_figure_captions_name_the_claims_they_show():
    from verify.faces.site.figlinks import mentioned

    assert mentioned("Figures 8.6 and 8.7 made concrete … Remark 8.31") == {"figure:8.6", "figure:8.7", "remark:8.31"}
    assert mentioned("Theorems 8.5/8.6 as experiments") == {"thm:8.5", "thm:8.6"}
    assert mentioned("the failure rate of λ_min > ½λ_min(K∞) ((8.96))") == {"eq:8.96"}


def test_every_link_and_image_of_every_page_exists(site_dir):
    """Lazy images and links are not all fetched by the browser test: check them on disk."""
    out, _ = site_dir
    for p in out.rglob("*.html"):
        for ref in re.findall(r'(?:src|href)="([^"#?]+)', p.read_text()):
            if ref.startswith("data:"):
                continue
            assert (p.parent / ref).resolve().is_file(), f"{p.relative_to(out)} → {ref}"
    lemma = (out / claim_url("lemma:8.17")).read_text()
    assert 'src="../figures/mc-concentration.png"' in lemma


def test_each_claim_page_links_to_its_place_in_the_chapter(site_dir):
    out, _ = site_dir
    ids = set(re.findall(r'id="([^"]+)"', (out / "index.html").read_text()))
    for p in (out / "claims").glob("*.html"):
        frag = re.search(r'class="in-chapter" href="\.\./index\.html#([^"]+)"', p.read_text())
        assert frag and frag.group(1) in ids, p.name


def _element(html: str, eid: str) -> str:
    """The outer HTML of the <div> with this id (divs counted to its matching close)."""
    start = html.rindex("<div", 0, html.index(f'id="{eid}"'))
    depth, k = 0, start
    for m in re.finditer(r"<div\b|</div>", html[start:]):
        depth += 1 if m.group(0) == "<div" else -1
        if depth == 0:
            return html[start:start + m.end()]
    raise AssertionError(f"{eid} is not closed")


def test_a_statement_that_runs_on_is_coloured_to_its_end(site_dir):
    """Remark 8.16 runs on through (8.13)–(8.15): those displays sit inside the remark's
    coloured span, and (8.16), the next paragraph's, does not."""
    out, _ = site_dir
    html = (out / "index.html").read_text()
    remark = _element(html, "remark-8.16")
    assert all(f'id="eq-8.{k}"' in remark for k in (13, 14, 15)) and 'id="eq-8.16"' not in remark
    assert html.count("<div") == html.count("</div>")


def test_rebuild_replaces_the_site_whole(tmp_path):
    need_dot()
    out = tmp_path / "site"
    assert main(["site", "--out", str(out), "--results", str(RESULTS)]) == 0
    (out / "stale.html").write_text("old")
    assert main(["site", "--out", str(out), "--results", str(RESULTS)]) == 0
    assert not (out / "stale.html").exists() and (out / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folders left


def test_tasks_site_runs_verify_site(monkeypatch):
    """`python3 tasks.py site [args]` is `verify site [args]` in the project's venv."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    calls = []
    monkeypatch.setattr(tasks, "ensure_env", lambda: None)
    monkeypatch.setattr(tasks.subprocess, "call", lambda args, cwd: calls.append(args) or 0)
    assert tasks.main(["site", "--serve"]) == 0
    assert calls == [[str(tasks.BIN / "verify"), "site", "--serve"]]


def test_derivation_values_are_stored_for_what_they_are():
    import numpy as np
    import sympy as sp

    from verify.engine.render import num, typed

    assert num(np.float64(0.9631)) == "0.9631" and num({"2": "0/6", 3: np.int64(4)}) == "2: 0/6, 3: 4"
    t = typed([{"d": 200, "eps": np.float64(0.2)}, {"d": 400, "eps": 0.3, "ok": True}])
    assert t == {"kind": "table", "columns": ["d", "eps", "ok"], "rows": [["200", "0.2", "–"], ["400", "0.3", "True"]]}
    assert typed({"a": np.float64(1.5)}) == {"kind": "text", "text": "a = 1.5"}
    assert typed(sp.Symbol("x") ** 2)["kind"] == "tex"
    assert typed(np.float64(0.5)) == {"kind": "text", "text": "0.5"}


def test_a_non_tex_value_in_a_maths_span_fails_the_build():
    from verify.faces.site.build import lint_maths

    table = "\nd    eps  p\n200  0.2  0.66\n400  0.3  0.29"
    for bad in (table, "np.float64(0.963)", "{'2': '0/6'}", "fraction of instances where every run ends"):
        assert chapter.nontex_reason(bad), bad
        with pytest.raises(SiteError, match="hold no TeX"):
            lint_maths({"x.html": chapter.math_html(bad, display=True)})
    for label, eq in catalog.equations().items():  # the chapter's own maths passes
        assert chapter.nontex_reason(eq.latex) is None, label
    lint_maths({"x.html": chapter.math_html(r"\text{for every } x \text{ in the ball}")})


def test_old_results_with_a_table_as_latex_show_a_table():
    html = pages.derived_html(None, "\nd    eps  p\n200  0.2  0.6623\n400  0.3  0.2944")
    assert html.count("<tr>") == 3 and 'class="math' not in html
    assert 'class="math' not in pages.derived_html(None, "np.float64(0.963) and more words here")


def test_the_chapter_prose_has_no_latex_left_outside_maths():
    text = chapter.packaged_chapter()
    left = [(k, chapter.raw_tex_left(chapter.wrap_raw_tex(line))) for k, line in enumerate(text.split("\n"), 1)]
    assert not [x for x in left if x[1]]
    assert chapter.wrap_raw_tex(r"so \hat{y}^{t+1} and θ^0.") == r"so $\hat{y}^{t+1}$ and $θ^0$."


def test_the_front_page_has_no_raw_tex_outside_maths(site_dir):
    """Outside its maths spans the built front page (prose, badges, folded "corrected:" lines) shows no
    TeX command and no bare x_i / θ^0: the lint above reads the chapter's source, this one what is built."""
    out, _ = site_dir
    html_ = (out / "index.html").read_text()
    html_ = re.sub(r'<span class="math[^"]*">.*?</span>|<script.*?</script>|<[^>]+>', " ", html_, flags=re.S)
    import html as _h

    left = re.findall(r"\\[A-Za-z]+|[^\s(]*[^\W_\d][_^][{\w][^\s,;)]*", _h.unescape(html_))
    assert not left, left[:8]


def test_a_broken_printed_sentence_is_shown_as_printed_and_marked(site_dir):
    """The chapter prints "Here are some observations to :" (a word missing): the front page keeps the printed text
    and marks the spot; a note whose fragment is not in the chapter exactly once fails the build."""
    out, _ = site_dir
    html_ = (out / "index.html").read_text()
    assert 'Here are some observations to :<span class="sic" role="note"' in html_ and "[sic: a word is missing" in html_
    with pytest.raises(SiteError, match="occurs 0 times"):
        chapter.editorial_marks("<p>Here are some observations to :</p>", (("a sentence never printed", "x"),))
    # a text with no notes (tests/test_second_text.py's) marks nothing and fails nothing
    assert chapter.editorial_marks("<p>x</p>", ()) == "<p>x</p>"


def test_titles_and_sections_read_as_unicode():
    from verify.faces.site.unitex import title_html, to_unicode

    assert to_unicode(r"Optimizing $\hat{L}(g_\theta)$ vs. $\hat{L}(f_\theta)$") == "Optimizing L̂(g_θ) vs. L̂(f_θ)"
    assert to_unicode(r"x^{t+1} \leq \frac{1}{2}") == "xᵗ⁺¹ ≤ 1/2"
    assert title_html("Σ_{(i,j)∈Ω} A_ij") == "Σ<sub>(i,j)∈Ω</sub> A<sub>ij</sub>"


def test_claim_pages_say_what_a_reader_needs(site_dir):
    out, _ = site_dir
    site = load(RESULTS)
    lemma = (out / claim_url("lemma:8.17")).read_text()
    assert "<title>lemma:8.17: Concentration" in lemma
    assert 'href="../graph.html#focus=lemma:8.17&dir=up"' in lemma and 'href="../glossary.html#' in lemma
    assert 'alt="mc-concentration.png"' not in lemma
    assert "verify show lemma:8.17" in lemma and "prints them" not in lemma
    # a check that records no steps is not said to print any (29 claims record none)
    for cid in [c for c, x in site.claims.items() if x.get("steps") == []][:5]:
        recheck = (out / claim_url(cid)).read_text().split("<h2>Re-check</h2>")[1]
        assert "steps and evidence" not in recheck and "with its steps" not in recheck, cid
    # a margin within rounding of 0 reads as such, on the page of any claim that recorded one (def:8.12's was
    # −1.1e−16 in an earlier run and is exactly 0 now); the formatter itself is checked either way
    from verify.faces.site.pages import margin
    assert margin(-1.1e-16).startswith("0 (to rounding)") and not margin(0.0).startswith("0 (to rounding)")
    tiny = [cid for cid, x in site.claims.items()
            if isinstance(x.get("worst_margin"), float) and x["worst_margin"] != 0 and abs(x["worst_margin"]) < 1e-9]
    for cid in tiny[:3]:
        assert "0 (to rounding)" in (out / claim_url(cid)).read_text(), cid
    informal = next(c for c, x in site.claims.items() if x["status"] == "informal" and not x["mutants"]["total"])
    assert "Mutants killed 0/0" not in (out / claim_url(informal)).read_text()
    glossary = (out / "glossary.html").read_text()
    for key in ("verified", "erratum", "proved", "sampled", "not-recorded", "margin", "sev-hypothesis"):
        assert f'id="{key}"' in glossary
    graph = (out / "graph.html").read_text()
    assert 'katex' not in graph and "L̂(g_θ)" in graph and "hatL" not in graph  # labels in Unicode
    assert "search-index.js" not in (out / "index.html").read_text()  # loaded on first use


def test_erratum_severity_is_declared_or_read_from_the_explanation():
    site = load(RESULTS)
    c = dict(site.claims["eq:8.9"])
    c["erratum"] = dict(c["erratum"], severity="citation")
    assert pages.severity(site, c) == "citation"
    c["erratum"] = {k: v for k, v in c["erratum"].items() if k != "severity"}
    assert pages.severity(site, c) == "formula"  # "the ½ was dropped"
    assert pages.severity(site, site.claims["eq:8.1"]) == "edge-case"
    assert pages.severity(site, site.claims["eq:8.99"]) == "citation"
    from verify.engine.claim import Erratum

    assert Erratum("p", "c", "why", None).severity is None


def test_verify_show_prints_the_stored_steps(capsys):
    assert main(["show", "lemma:8.17", "--results", str(RESULTS)]) == 0
    out = capsys.readouterr().out
    assert "derivation [stored in" in out and "fixed pairs" in out
