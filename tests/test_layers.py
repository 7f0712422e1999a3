"""The import graph runs one way: faces → run → engine, chapter → engine; general tools never import a text.

Every import statement of every module (also those inside functions) is read with ast, so a
lazy import counts as much as one at the top.  A text reaches the engine only through
``verify.engine.text`` (importlib, by name), never by an import the engine could see.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from numeric.sweeps.cache import named_imports

ROOT = Path(__file__).resolve().parents[1]
CHAPTER = ("verify.chapter8", "numeric.chapter8", "symbolic.chapter8")

# layer -> the packages it must never import
FORBIDDEN = {
    "verify.engine": ("verify.run", "verify.faces", *CHAPTER),
    "verify.run": ("verify.faces", *CHAPTER),
    "verify.faces": CHAPTER,
    "verify.chapter8": ("verify.faces", "verify.run"),
    "numeric": ("verify", "numeric.chapter8", "symbolic.chapter8"),
    "symbolic": ("verify", "numeric", "symbolic.chapter8"),
}


def _module(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    return named_imports(_module(path), path)


def _layer(mod: str) -> str | None:
    best = None
    for layer in FORBIDDEN:
        if (mod == layer or mod.startswith(layer + ".")) and (best is None or len(layer) > len(best)):
            best = layer
    return best


def _under(mod: str, pkg: str) -> bool:
    return mod == pkg or mod.startswith(pkg + ".")


def violations(files) -> list[str]:
    bad = []
    for f in files:
        mod = _module(f)
        layer = _layer(mod)
        if layer is None:
            continue
        # a text's own package may import itself (numeric.chapter8 is below numeric, and so on)
        own = next((c for c in CHAPTER if _under(mod, c)), None)
        for imp in sorted(imports_of(f)):
            for banned in FORBIDDEN[layer]:
                if _under(imp, banned) and not (own and _under(imp, "numeric.chapter8") or own and _under(imp, "symbolic.chapter8")):
                    bad.append(f"{mod} imports {imp} ({layer} must not import {banned})")
    return bad


def project_files():
    return [p for pkg in ("verify", "numeric", "symbolic") for p in (ROOT / pkg).rglob("*.py")]


def test_the_import_graph_runs_one_way():
    assert violations(project_files()) == []


@pytest.mark.parametrize("layer, line", [
    ("verify/engine", "from verify.faces import cli"),
    ("verify/engine", "from verify.chapter8.claims import basics"),
    ("verify/run", "import verify.faces.show"),
    ("verify/faces", "from verify.chapter8 import coverage"),
    ("numeric", "from numeric.chapter8 import ntk"),
    ("symbolic", "import numeric.stats"),
])
def test_a_wrong_way_import_is_caught(tmp_path, monkeypatch, layer, line):
    """The check can fail: a module planted in a layer with a wrong-way import (inside a function) is named."""
    target = ROOT / layer / "_planted_for_test.py"
    src = f"def f():\n    {line}\n"
    monkeypatch.setattr(Path, "read_bytes", lambda self, _o=Path.read_bytes: src.encode() if self == target else _o(self))
    bad = violations(project_files() + [target])
    assert bad and all("_planted_for_test" in b for b in bad)


def test_the_engine_names_no_text():
    """No module of the engine, the runner or the faces spells a text's package: texts come by $VERIFY_TEXT."""
    hits = []
    for pkg in ("engine", "run", "faces"):
        for f in (ROOT / "verify" / pkg).rglob("*.py"):
            if f.name == "text.py":
                continue  # it names the default, as a string
            src = f.read_text(encoding="utf-8")
            hits += [f"{f.relative_to(ROOT)}: {c}" for c in CHAPTER if c in src.replace("``verify.chapter8``", "")]
    assert hits == []
