"""Page weight, DOM size and load time of the site, this build beside a previous one (not a test).

    python benchmarks/bench_site_weight.py [--base REF] [--rounds N]

Builds the site from the committed results.json with this checkout and with the code of
``REF`` (default HEAD~3, taken with ``git archive`` into a temporary folder), serves each on
127.0.0.1 and loads the front page, the graph page and a claim page in headless Chromium
(``$CHROMIUM``, default /usr/bin/chromium) at 1366 × 768. Per page: the bytes it fetches on
load (HTML, scripts, styles, fonts; images are lazy), the DOM nodes after load, the time to
the load event and the layout time Chromium reports (``LayoutDuration``); the median of
``--rounds`` loads, each in a fresh tab of one browser. Times depend on the machine and its
load: compare the two columns of one run, not runs on different days.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ("index.html", "graph.html", "claims/lemma-8.17.html")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")

BUILD = """
import sys
from verify.faces.site.build import build
build(sys.argv[1], sys.argv[2])
"""


def build_with(code_root: Path, out: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(code_root))
    subprocess.run([sys.executable, "-c", BUILD, str(out), str(ROOT / "results.json")], cwd=code_root, env=env,
                   check=True)


def checkout(ref: str, dest: Path) -> Path:
    tar = dest / "src.tar"
    with open(tar, "wb") as fh:
        subprocess.run(["git", "archive", ref], cwd=ROOT, stdout=fh, check=True)
    with tarfile.open(tar) as t:
        t.extractall(dest / "src", filter="data")
    return dest / "src"


def measure(site: Path, rounds: int, browser) -> dict[str, dict[str, float]]:
    from verify.faces.site.serve import serve_in_thread

    srv, base = serve_in_thread(site)
    out = {}
    try:
        for rel in PAGES:
            rows = []
            for _ in range(rounds):
                pg = browser.new_page(viewport={"width": 1366, "height": 768})
                cdp = pg.context.new_cdp_session(pg)
                cdp.send("Performance.enable")
                got = []
                pg.on("response", lambda r: got.append(r))
                pg.goto(base + rel, wait_until="load")
                pg.wait_for_timeout(200)
                size = sum(len(r.body()) for r in got if r.ok)
                nodes = pg.evaluate("document.getElementsByTagName('*').length")
                load = pg.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
                rows.append((size, nodes, load, metrics.get("LayoutDuration", 0.0) * 1000))
                pg.close()
            out[rel] = {k: statistics.median(r[j] for r in rows)
                        for j, k in enumerate(("bytes", "dom_nodes", "load_ms", "layout_ms"))}
    finally:
        srv.shutdown()
        srv.server_close()
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="HEAD~3", help="git ref of the previous build (default HEAD~3)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: nothing measured")
        return 0
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build_with(checkout(args.base, tmp), tmp / "before")
        build_with(ROOT, tmp / "after")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
            res = {name: measure(tmp / name, args.rounds, browser) for name in ("before", "after")}
            browser.close()
    print(f"site weight, {args.base} → this checkout (median of {args.rounds} loads at 1366 × 768)")
    print(f"{'page':26} {'measure':10} {'before':>12} {'after':>12}")
    for rel in PAGES:
        for key, unit in (("bytes", "KB"), ("dom_nodes", ""), ("load_ms", "ms"), ("layout_ms", "ms")):
            b, a = res["before"][rel][key], res["after"][rel][key]
            scale = 1024 if unit == "KB" else 1
            print(f"{rel:26} {key:10} {b / scale:>10.0f}{unit:2} {a / scale:>10.0f}{unit:2}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
