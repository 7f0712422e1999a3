"""Derivation steps as results.json records them for the site (``steps`` per claim).

The steps come from running a check, which the site build must not do (it reads
results.json and takes seconds); ``verify report`` already runs every check, so it
records the steps: label, text, the printed form, the derived value for what it is
(``derived``: TeX for a SymPy object, a table of formatted cells for rows, text for
anything else; see ``verify.engine.render.typed``), ``derived_latex`` only when it is
TeX (cut at ``MAX_LATEX`` characters), and whether the step was proved.
"""
from __future__ import annotations

MAX_LATEX = 4000


def step_json(st) -> dict:
    from verify.engine.render import num, typed

    value = None
    if st.derived is not None:
        try:
            value = typed(st.derived)
        except Exception:  # a derived object SymPy cannot print: show its text
            value = {"kind": "text", "text": num(st.derived)}
        if value["kind"] == "tex" and len(value["tex"]) > MAX_LATEX:
            value = {"kind": "text", "text": f"(a SymPy expression of {len(value['tex'])} LaTeX characters, not stored)"}
    return {"label": st.label, "text": st.text, "printed": st.printed or "",
            "derived_latex": value["tex"] if value and value["kind"] == "tex" else "", "derived": value,
            "holds": None if st.holds is None else bool(st.holds)}


def steps_of(ev) -> list[dict]:
    """The static derivation of the claim, then the steps its check produced."""
    static = list(ev.claim.derivation()) if ev.claim.derivation is not None else []
    return [step_json(st) for st in static + list(ev.steps)]


def with_steps(ev) -> dict:
    """``ev.as_json()`` with the steps (what a worker process sends back)."""
    return {**ev.as_json(), "steps": steps_of(ev)}


def record_steps(claims: list[dict], evidences) -> list[dict]:
    """Add ``steps`` to results.json claim entries (in place; returned for chaining).

    Evidence run in this process has its steps; a worker's summary already carries them.
    """
    by_id = {ev.claim.id: ev for ev in evidences}
    for c in claims:
        ev = by_id.get(c["id"])
        if ev is not None and hasattr(ev, "steps") and "steps" not in c:
            c["steps"] = steps_of(ev)
    return claims
