"""Refresh the vendored KaTeX from the npm registry: ``python -m verify.faces.site.vendor [VERSION]``.

Runs ``npm pack`` (the ordinary client) into a temporary folder and copies the
minified script, the stylesheet, the woff2 fonts and the licence into
static/vendor/katex. Needs npm; the site build itself does not.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

DEST = Path(__file__).resolve().parent / "static" / "vendor" / "katex"


def refresh(version: str = "0.19.1") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"katex@{version}"], cwd=tmp, check=True, capture_output=True)
        (tgz,) = Path(tmp).glob("katex-*.tgz")
        with tarfile.open(tgz) as tar:
            tar.extractall(tmp, filter="data")
        pkg = Path(tmp) / "package"
        if DEST.exists():
            shutil.rmtree(DEST)
        (DEST / "fonts").mkdir(parents=True)
        for name in ("katex.min.js", "katex.min.css"):
            shutil.copy2(pkg / "dist" / name, DEST / name)
        for font in (pkg / "dist" / "fonts").glob("*.woff2"):
            shutil.copy2(font, DEST / "fonts" / font.name)
        shutil.copy2(pkg / "LICENSE", DEST / "LICENSE")
    print(f"katex {version} copied to {DEST}; update VENDOR.md")


if __name__ == "__main__":  # pragma: no cover
    refresh(*sys.argv[1:2])
