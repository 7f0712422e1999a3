"""The page frame every page shares: header, navigation, search box, scripts.

KaTeX is loaded only by pages that hold maths (the graph page holds none); the search
index is loaded by site.js on the first use of the search box, not with every page.
"""
from __future__ import annotations

import html

NAV = (("index.html", "Chapter"), ("claims.html", "Claims"), ("errata.html", "Errata"),
       ("graph.html", "Graph"), ("figures.html", "Figures & rates"), ("glossary.html", "Glossary"))


def page(title: str, body: str, depth: int = 0, scripts: tuple[str, ...] = (), body_class: str = "") -> str:
    """A whole HTML page; ``depth`` is how many folders below the site root it lives."""
    root = "../" * depth
    nav = "".join(f'<a href="{root}{href}">{name}</a>' for href, name in NAV)
    extra = "".join(f'<script src="{root}{s}"></script>' for s in scripts)
    maths = 'class="math' in body
    katex_css = f'<link rel="stylesheet" href="{root}static/vendor/katex/katex.min.css">\n' if maths else ""
    katex_js = f'<script src="{root}static/vendor/katex/katex.min.js"></script>\n' if maths else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · nonconvex-verify</title>
<link rel="icon" href="data:,">
{katex_css}<link rel="stylesheet" href="{root}static/site.css">
</head><body data-root="{root}" class="{body_class}">
<header><a class="brand" href="{root}index.html">nonconvex-verify</a><nav>{nav}</nav>
<div class="search"><input id="search" type="search" placeholder="Search: Theorem 8.5, (8.8), Weyl" autocomplete="off"
 role="combobox" aria-expanded="false" aria-controls="search-results"
 aria-label="search the chapter: object names, equation numbers, ids, titles, verdicts"><div id="search-results" role="listbox" hidden></div></div></header>
<main>
{body}
</main>
{katex_js}<script src="{root}static/site.js"></script>{extra}
</body></html>
"""
