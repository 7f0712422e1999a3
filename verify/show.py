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


def atom_latex(name: str) -> str | None:
    """LaTeX for a normal-form atom name: '⟨vᵀ M v⟩' → v^\\top M v, '⟨xᵀ v⟩' → \\langle x, v\\rangle."""
    def tok(t: str) -> str:
        return t[:-1] + r"^\top" if t.endswith("ᵀ") else t

    if name.startswith("⟨") and name.endswith("⟩"):
        parts = name[1:-1].split()
        if len(parts) == 2 and parts[0].endswith("ᵀ"):
            return rf"\langle {parts[0][:-1]}, {parts[1]} \rangle"
        return " ".join(tok(t) for t in parts)
    if name.startswith("tr(") and name.endswith(")"):
        return r"\operatorname{tr}(" + " ".join(tok(t) for t in name[3:-1].split()) + ")"
    return None


def _render(expr, latex: bool) -> str:
    if expr is None:
        return ""
    if latex:
        names = {}
        if isinstance(expr, sp.Basic):
            for s in expr.free_symbols:
                lt = atom_latex(str(s))
                if lt:
                    names[s] = lt
        return sp.latex(expr, symbol_names=names)
    return sp.pretty(expr, use_unicode=True)


def show(ids: list[str], latex: bool = False, results: Path | None = None, run: bool = False) -> int:
    stored, stored_profile = {}, "?"
    if results is not None and results.exists() and not run:
        try:
            doc = json.loads(results.read_text())
            stored = {c["id"]: c for c in doc["claims"]}
            stored_profile = doc.get("profile", "?")
        except (ValueError, KeyError):
            stored = {}
    for oid in ids:
        try:
            obj = catalog.get(oid)
        except KeyError:  # a claim id, not a catalog label: the claim prints its own form
            continue
        print(f"== {oid} (§{obj.section})")
        print(f"   printed: {getattr(obj, 'latex', None) or getattr(obj, 'statement', '')}")
    claims = _covering(ids)
    if not claims:
        print("\nno claim covers this yet: status unchecked")
        return 0
    from .evidence_cache import run_claim
    from .profiles import get_profile

    for c in claims:
        print(f"\n-- claim {c.id}: {c.title}  [{c.kind}, §{c.section}]")
        print(f"   printed: {c.printed}")
        if c.erratum:
            print(f"   corrected: {c.erratum.corrected}")
            print(f"   why: {c.erratum.explanation}")
        steps = list(c.derivation()) if c.derivation is not None else []
        fresh = run_claim(c, get_profile("ci"), full=True)  # the derivation steps: the check's run (cached)
        steps += fresh.steps
        if steps:
            print("   derivation:")
            for st in steps:
                mark = {True: "✔", False: "✘", None: "·"}[st.holds]
                print(f"   {mark} {st.label}: {st.text}")
                if st.printed:
                    print(f"       printed: {st.printed}")
                if st.derived is not None:
                    body = _render(st.derived, latex)
                    print("       derived: " + body.replace("\n", "\n                "))
        ev = stored.get(c.id)
        if ev is None:
            ev = fresh.as_json()
            src = "run now, ci profile"
        else:
            src = f"from {results}, {stored_profile} profile"
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
