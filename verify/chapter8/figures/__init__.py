"""Figures for REPORT.md: reproductions of the chapter's figures and experiment plots.

A figure is a function ``(profile, seed) -> matplotlib Figure`` registered with
:func:`figure`; the modules of this package are imported on first use.  Drawing
happens only in ``verify report``, never in a claim check or at import.
"""
from __future__ import annotations

import importlib
import io
import pkgutil
from typing import Callable

_FIGURES: dict[str, tuple[str, Callable]] = {}


def figure(name: str, caption: str):
    """Register ``fn(profile, seed) -> Figure`` to be saved as figures/<name>."""

    def deco(fn):
        if name in _FIGURES:
            raise ValueError(f"figure {name!r} registered twice")
        _FIGURES[name] = (caption, fn)
        return fn

    return deco


def _load() -> None:
    for mod in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{mod.name}")


def draw_all(profile, seed: int):
    """Yield (file name, caption, PNG bytes) for every registered figure, in name order."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from numeric.sweeps import cache

    _load()
    for name in sorted(_FIGURES):
        caption, fn = _FIGURES[name]
        # the PNG by content address: the figure's module (and what it imports), profile, seed, matplotlib
        key = cache.key("figure", name, (fn.__module__,), matplotlib.__version__, seed, profile.name)
        png = cache.load(key)
        if not cache.is_miss(png):
            yield name, caption, png
            continue
        try:
            fig = fn(profile, seed)
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
            plt.close(fig)
        except Exception as exc:  # one broken figure must not cost the whole report
            plt.close("all")
            yield name, f"{caption} [not drawn: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}]", None
            continue
        cache.store(key, buf.getvalue())
        yield name, caption, buf.getvalue()
