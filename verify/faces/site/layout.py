"""The page frame every page shares: header, navigation, search box, scripts."""
from __future__ import annotations

import html

NAV = (("index.html", "Chapter"), ("claims.html", "Claims"), ("errata.html", "Errata"),
       ("graph.html", "Graph"), ("figures.html", "Figures & rates"))


def page(title: str, body: str, depth: int = 0, scripts: tuple[str, ...] = (), body_class: str = "") -> str:
    """A whole HTML page; ``depth`` is how many folders below the site root it lives."""
    root = "../" * depth
    nav = "".join(f'<a href="{root}{href}">{name}</a>' for href, name in NAV)
    extra = "".join(f'<script src="{root}{s}"></script>' for s in scripts)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · nonconvex-verify</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{root}static/vendor/katex/katex.min.css">
<link rel="stylesheet" href="{root}static/site.css">
</head><body data-root="{root}" class="{body_class}">
<header><a class="brand" href="{root}index.html">nonconvex-verify</a><nav>{nav}</nav>
<div class="search"><input id="search" type="search" placeholder="Search: 8.17, lemma:8.20, Weyl" autocomplete="off"
 aria-label="search ids, titles and equation numbers"><div id="search-results" hidden></div></div></header>
<main>
{body}
</main>
<script src="{root}static/vendor/katex/katex.min.js"></script>
<script src="{root}search-index.js"></script>
<script src="{root}static/site.js"></script>{extra}
</body></html>
"""
