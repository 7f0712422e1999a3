"""``verify show``: the printed form beside the derivation, the verdict and the graph."""
from __future__ import annotations

import json
from pathlib import Path

import sympy as sp

from . import catalog, registry


def _covering(ids: list[str]):
    claims = registry.all_claims()
    labels = {i.split(":", 1)[1] for i in ids if i.startswith("eq:")}
    return [c for c in claims if c.id in ids or labels & set(c.equations)]


def _render(expr, latex: bool) -> str:
    if expr is None:
        return ""
    if latex:
        return sp.latex(expr)
    return sp.pretty(expr, use_unicode=True)


def show(ids: list[str], latex: bool = False, results: Path | None = None, run: bool = False) -> int:
    stored = {}
    if results is not None and results.exists() and not run:
        try:
            stored = {c["id"]: c for c in json.loads(results.read_text())["claims"]}
        except (ValueError, KeyError):
            stored = {}
    for oid in ids:
        obj = catalog.get(oid)
        print(f"== {oid} (§{obj.section})")
        print(f"   printed: {getattr(obj, 'latex', None) or getattr(obj, 'statement', '')}")
    claims = _covering(ids)
    if not claims:
        print("\nno claim covers this yet: status unchecked")
        return 0
    for c in claims:
        print(f"\n-- claim {c.id}: {c.title}  [{c.kind}, §{c.section}]")
        print(f"   printed: {c.printed}")
        if c.erratum:
            print(f"   corrected: {c.erratum.corrected}")
            print(f"   why: {c.erratum.explanation}")
        if c.derivation is not None:
            print("   derivation:")
            for st in c.derivation():
                mark = {True: "✔", False: "✘", None: "·"}[st.holds]
                print(f"   {mark} {st.label}: {st.text}")
                if st.printed:
                    print(f"       printed: {st.printed}")
                if st.derived is not None:
                    body = _render(st.derived, latex)
                    print("       derived: " + body.replace("\n", "\n                "))
        ev = stored.get(c.id)
        if ev is None:
            from .profiles import get_profile
            from .runner import run_claim

            ev = run_claim(c, get_profile("ci")).as_json()
            src = "run now, ci profile"
        else:
            src = f"from {results}"
        print(f"   verdict: {ev['status']} ({src}); methods {', '.join(ev['methods'])}; "
              f"examples {ev['examples']}; worst margin {ev['worst_margin']}")
        print(f"   mutants killed {ev['mutants']['killed']}/{ev['mutants']['total']}: "
              + "; ".join(("✔ " if m["killed"] else "✘ ") + m["name"] for m in ev["mutants"]["list"]))
        if ev.get("counterexample") is not None:
            print(f"   counterexample to the printed form: {ev['counterexample']}")
        for f in ev.get("fits", []):
            print(f"   fit: {f['quantity']} ~ {f['against']}^{f['exponent']} CI {f['interval']} (theory {f['theory']})")
        for n in ev.get("notes", []):
            print(f"   note: {n}")
        print(f"   uses: {', '.join(c.uses) or '–'}")
        print(f"   used by: {', '.join(registry.used_by(c.id)) or '–'}")
    return 0
