"""``verify show``: the printed form, the stored verdict and evidence, the graph; ``--check`` adds a fresh run.

Without ``--check`` nothing is imported beyond the catalog, the claim index and the
results file, so a lookup takes well under a second. With ``--check`` the claim's ci
check runs now and its derivation steps are printed; every number says where it
comes from (the stored results and their profile, or the fresh run).
"""
from __future__ import annotations

from verify.engine import catalog

from verify.faces import claims_index as index
from verify.engine.render import num as _num, render as _render
from verify.faces.results_reader import Stored


def _covering(ids: list[str]):
    labels = {i.split(":", 1)[1] for i in ids if i.startswith("eq:")}
    return [c for c in index.claims() if c.id in ids or labels & set(c.equations)]


def _steps(title: str, steps, latex: bool) -> None:
    if not steps:
        return
    print(f"   {title}:")
    for st in steps:
        mark = {True: "✔", False: "✘", None: "·"}[st.holds]
        print(f"   {mark} {st.label}: {st.text}")
        if st.printed:
            print(f"       printed: {st.printed}")
        if st.derived is not None:
            print("       derived: " + _render(st.derived, latex, " " * 16))


def _stored_steps(steps: list[dict] | None, src: str, latex: bool) -> None:
    """The derivation steps results.json stores for a claim (``steps``), as the run recorded them."""
    if steps is None:
        print(f"   derivation: not stored in this results file; `--check` runs the check and prints it")
        return
    if not steps:
        print(f"   derivation: the check records no steps [{src}]")
        return
    print(f"   derivation [{src}]:")
    pad = " " * 16
    for st in steps:
        mark = {True: "✔", False: "✘"}.get(st.get("holds"), "·")
        print(f"   {mark} {st.get('label', '')}: {st.get('text', '')}")
        if st.get("printed"):
            print(f"       printed: {st['printed']}")
        value = st.get("derived") or ({"kind": "tex", "tex": st["derived_latex"]} if st.get("derived_latex") else None)
        if not value:
            continue
        if value.get("kind") == "table":
            cols = value.get("columns", [])
            rows = value.get("rows", [])
            width = [max(len(str(c)), *(len(str(r[j])) for r in rows)) if rows else len(str(c))
                     for j, c in enumerate(cols)]
            lines = ["  ".join(str(c).ljust(w) for c, w in zip(cols, width))]
            lines += ["  ".join(str(x).rjust(w) for x, w in zip(r, width)) for r in rows]
            print("       derived:\n" + "\n".join(pad + ln for ln in lines))
        elif value.get("kind") == "tex" and not latex and "\n" not in value["tex"].strip():
            print(f"       derived (LaTeX): {value['tex']}")
        else:
            text = value.get("tex") or value.get("text") or ""
            print("       derived: " + text.strip("\n").replace("\n", "\n" + pad))


def _evidence(ev: dict, src: str) -> None:
    """The verdict and evidence of one results.json claim entry, with where they come from."""
    parts = [f"methods {', '.join(ev.get('methods') or []) or '–'}", f"examples {ev.get('examples', '–')}"]
    if ev.get("worst_margin") is not None:
        parts.append(f"worst margin {_num(ev['worst_margin'])}")
    print(f"   verdict: {ev['status']} [{src}]; " + "; ".join(parts))
    print("   strength: " + _strength_text(ev))
    mut = ev.get("mutants") or {}
    if mut:
        print(f"   mutants killed {mut.get('killed', 0)}/{mut.get('total', 0)}: "
              + "; ".join(("✔ " if m["killed"] else "✘ ") + m["name"] for m in mut.get("list", [])))
    if ev.get("counterexample") is not None:
        print(f"   counterexample to the printed form: {ev['counterexample']}")
    for f in ev.get("fits") or []:
        rel = f.get("relation", "=")
        print(f"   fit: {f['quantity']} ~ {f['against']}^{_num(f['exponent'])}, CI [{_num(f['interval'][0])}, "
              f"{_num(f['interval'][1])}] (theory {rel} {_num(f['theory'])})"
              + (f"; decided on the {f['basis']}" if f.get("basis") else ""))
    k = ev.get("class")
    if isinstance(k, dict):
        print(f"   class: {k.get('name')} ({k.get('kind')}; {', '.join(k.get('hypotheses') or []) or 'no hypothesis'})")
        by: dict = {}
        for x in ev.get("attacks") or []:
            by.setdefault(x.get("target"), {}).setdefault(x.get("outcome"), []).append(x.get("member"))
        for t, o in by.items():
            broke = o.get("broke") or []
            print(f"   attacks on the {t}: held {len(o.get('held') or [])}, broke {len(broke)}"
                  + (f" ({'; '.join(map(str, broke))})" if broke else "") + f", n/a {len(o.get('n/a') or [])}")
    for n in ev.get("notes") or []:
        print(f"   note: {n}")
    if ev.get("error"):
        print(f"   error: {ev['error']}")


def _fresh(cid: str, latex: bool, seed: int) -> None:
    """Run the claim's ci check now; print its derivation and its evidence, marked as fresh."""
    from verify.engine import registry
    from verify.run.evidence_cache import run_claim  # a content-addressed hit is bit-identical to a fresh run
    from verify.engine.profiles import get_profile

    c = registry.get(cid)
    src = f"checked now, ci profile, seed {seed}"
    print(f"   -- {src}:")
    if c.derivation is not None:
        _steps("derivation (symbolic)", list(c.derivation()), latex)
    ev = run_claim(c, get_profile("ci"), seed=seed, full=True)
    _steps("derivation, printed form" if ev.corrected is not None else "derivation", ev.printed.steps, latex)
    if ev.corrected is not None:
        _steps("derivation, corrected form", ev.corrected.steps, latex)
    _evidence(ev.as_json(), src)


def show(ids: list[str], stored: Stored, latex: bool = False, check: bool = False, seed: int = 0) -> int:
    for oid in ids:
        try:
            obj = catalog.get(oid)
        except KeyError:  # a claim id, not a catalog label: the claim prints its own form
            continue
        print(f"== {oid} (§{obj.section})")
        print(f"   printed: {getattr(obj, 'printed', None) or getattr(obj, 'statement', '')}")
    claims = _covering(ids)
    if not claims:
        print("\nno claim covers this yet: status unchecked")
        return 0
    where = (f"{stored.path}, {stored.profile} profile, seed {stored.seed}" if stored.path else None)
    for c in claims:
        print(f"\n-- claim {c.id}: {c.title}  [{c.kind}, §{c.section}]")
        print(f"   printed: {c.printed}")
        if c.erratum:
            print(f"   corrected: {c.erratum['corrected']}")
            print(f"   why: {c.erratum['explanation']}")
        ev = stored.claims.get(c.id)
        if ev is not None:
            _evidence(ev, f"stored in {where}")
            if not check:
                _stored_steps(ev.get("steps"), f"stored in {where}", latex)
        else:
            print(f"   verdict: not run [{'no entry in ' + where if where else 'no results file'}]"
                  + ("" if check else "; `--check` runs it now"))
        if check:
            _fresh(c.id, latex, seed)
        elif c.mutants and ev is None:
            print(f"   mutants: {'; '.join(c.mutants)}")
        print(f"   uses: {', '.join(c.uses) or '–'}")
        print(f"   used by: {', '.join(index.used_by(c.id)) or '–'}")
    return 0


def _strength_text(ev: dict) -> str:
    """Strength and sizes of one results.json claim entry (own vs effective when they differ)."""
    st = ev.get("strength")
    if st is None:
        return "– (informal)" if ev.get("status") == "informal" else "undeclared"
    own = ev.get("own_strength") or st
    sizes = f" at {'; '.join(ev['sizes'])}" if ev.get("sizes") else ""
    out = st + (sizes if own == st else "")
    if own != st:
        out += f" (own check {own}{sizes}; limited by {', '.join(ev.get('strength_limited_by') or ['its uses'])})"
    er = ev.get("erratum") or {}
    if er.get("refutation_strength"):
        out += f"; printed form refuted: {er['refutation_strength']}"
        if er.get("refutation_sizes"):
            out += f" at {'; '.join(er['refutation_sizes'])}"
    return out
