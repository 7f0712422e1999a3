"""``verify site``: a static web blueprint of the chapter, built from the registry and results.json.

The front page is the chapter itself with every numbered equation and every claim's
span coloured by verdict and strength; one page per claim carries its evidence; the
errata, the dependency graph (cytoscape.js), the figures and the fitted rates have
pages of their own; a search box finds ids, titles and equation numbers. KaTeX and
cytoscape.js are vendored under ``static/vendor`` (see VENDOR.md there): the site
needs no network when it is viewed.
"""
