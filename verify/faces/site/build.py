"""Write the site: pages, search index, vendored KaTeX/cytoscape, the report's figures.

The output directory is built beside the target and swapped in whole, so a failed
build never leaves half a site behind.
"""
from __future__ import annotations

import html
import json
import re
import shutil
import tempfile
import time
from importlib import resources
from pathlib import Path

from verify.faces.site import chapter, graph, pages, search_index as search
from verify.faces.site.figlinks import figures_by_claim
from verify.faces.site.layout import page
from verify.faces.site.model import SiteError, load, slug


MARK = ".verify-site"  # written into every site: the names of the top-level entries the build made


def is_our_site(d: Path) -> bool:
    """A folder ``verify site`` built: it carries the mark (or, built before the mark, a search-index.js), and
    whatever the mark does not list is a page, a script or one of the site's folders (a page an older build
    wrote).  Anything else in it (notes.txt, data/) is someone's, and the folder is not replaced."""
    names = {x.name for x in d.iterdir()}
    try:
        made = set(json.loads((d / MARK).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        made = None
    if made is None and "search-index.js" not in names:
        return False
    return all((d / n).is_file() and n.endswith((".html", ".js")) or (d / n).is_dir() and n in ("claims", "static",
                                                                                                  "figures")
               for n in names - (made or set()))


def figure_captions() -> dict[str, str]:
    """File name -> caption, from the figure registry (nothing is drawn)."""
    from verify.engine.text import active

    figures = active().hook(active().figures)
    if figures is None:
        return {}
    figures._load()
    return {name: caption for name, (caption, _fn) in figures._FIGURES.items()}


def front_page(site, text: str, figures: dict | None = None) -> str:
    res = site.results
    counts: dict[str, int] = {}
    for label in res["equations"]:
        st = site.status(f"eq:{label}")["status"]
        counts[st] = counts.get(st, 0) + 1
    nerr = len(pages.errata_groups(site))
    intro = (f'<div class="intro"><p>The chapter as printed, checked equation by equation by '
             f'<code>verify</code> ({esc_profile(res)}). {len(res["equations"])} numbered equations: '
             + ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
             + f'. {len(site.claims)} claims, <a href="errata.html">{nerr} errata</a>, the '
             '<a href="graph.html">dependency graph</a>, <a href="figures.html">figures and rates</a>, '
             '<a href="glossary.html">what the words mean</a>.</p>'
             + pages.legend() + "</div>")
    from verify.engine.text import active

    return page(active().title.replace(", ", ": ", 1), intro + '<article class="chapter">'
                + chapter.render(site, text, figures) + "</article>", body_class="front")


def esc_profile(res: dict) -> str:
    import html

    return html.escape(f"profile {res.get('profile')}, seed {res.get('seed')}, generated {res.get('generated')}")


_MATH_SPAN = re.compile(r'<span class="math (?:display|inline)[^"]*">(.*?)</span>', re.S)


def lint_maths(files: dict[str, str]) -> None:
    """Fail the build when a value that is not TeX (a plain-text table, a Python repr, a sentence)
    reaches a maths span: KaTeX would set it as a garble of italic letters."""
    bad = []
    for name, text in files.items():
        if not name.endswith(".html"):
            continue
        for m in _MATH_SPAN.finditer(text):
            why = chapter.nontex_reason(html.unescape(m.group(1)))
            if why:
                bad.append(f"{name}: {why}: {html.unescape(m.group(1))[:60]!r}")
    if bad:
        raise SiteError(f"{len(bad)} maths spans hold no TeX, first {bad[0]}")


def build(out: Path, results: Path, figures_dir: Path | None = None, text: str | None = None) -> dict:
    """Build the site into ``out``; returns counts for the command's one-line summary."""
    t0 = time.perf_counter()
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise SiteError(f"cannot write site to {str(out)!r}: it is a file")
    if out.is_dir() and any(out.iterdir()) and not is_our_site(out):
        raise SiteError(f"{str(out)!r} is a folder that holds something other than a site verify built: "
                        "not replacing it (name a new or empty folder)")
    parent = out.resolve().parent
    if not parent.is_dir():
        raise SiteError(f"cannot write site to {str(out)!r}: directory {str(parent)!r} does not exist")
    try:  # a writable directory (a read-only mount, /proc, …): find out now, before any work
        tempfile.TemporaryDirectory(prefix=f".{out.name}.probe.", dir=parent).cleanup()
    except OSError as e:
        raise SiteError(f"cannot write site to {str(out)!r}: {e.strerror or e}") from None
    site = load(results)
    text = chapter.packaged_chapter() if text is None else text
    figures_dir = Path(figures_dir) if figures_dir is not None else Path(results).resolve().parent / "figures"
    captions = figure_captions()
    figs = [(name, captions.get(name, name)) for name in sorted(p.name for p in figures_dir.glob("*.png"))] \
        if figures_dir.is_dir() else []
    by_claim = figures_by_claim(site.claims, figs)
    thumbs = {cid: (fs[0], captions.get(fs[0], fs[0])) for cid, fs in by_claim.items()
              if cid.startswith("figure:") and fs}
    whole_graph, views = graph.layouts(site)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=parent))
    try:
        (tmp / "claims").mkdir()
        (tmp / "graph").mkdir()
        files = {
            "index.html": front_page(site, text, thumbs),
            "claims.html": pages.claims_index(site),
            "errata.html": pages.errata_page(site),
            "graph.html": graph.graph_page(site, whole_graph),
            "figures.html": pages.figures_page(site, figs, by_claim),
            "glossary.html": pages.glossary_page(),
            "search-index.js": search.index_script(site),
        }
        for cid in site.claims:
            files[f"claims/{slug(cid)}.html"] = pages.claim_page(site, cid, captions, by_claim[cid])
        for key, svg_text in views.items():
            files[f"graph/{key}.js"] = graph.view_script(key, svg_text)
        lint_maths(files)
        for name, data in files.items():
            (tmp / name).write_text(data, encoding="utf-8")
        static = resources.files("verify.faces.site").joinpath("static")
        with resources.as_file(static) as src:
            shutil.copytree(src, tmp / "static")
        if figs:
            (tmp / "figures").mkdir()
            for name, _ in figs:
                shutil.copy2(figures_dir / name, tmp / "figures" / name)
        (tmp / MARK).write_text(json.dumps(sorted(x.name for x in tmp.iterdir()) + [MARK]) + "\n", encoding="utf-8")
        tmp.chmod(0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}.old.", dir=parent))
            out.rename(old / "site")
            tmp.rename(out)
            shutil.rmtree(old)
        else:
            tmp.rename(out)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return {"pages": sum(1 for n in files if n.endswith(".html")), "claims": len(site.claims),
            "equations": len(site.results["equations"]), "figures": len(figs),
            "seconds": time.perf_counter() - t0}
