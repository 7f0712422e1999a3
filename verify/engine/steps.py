"""Derivation steps as results.json records them for the site (``steps`` per claim).

The steps come from running a check, which the site build must not do (it reads
results.json and takes seconds); ``verify report`` already runs every check, so it
records the steps: label, text, the printed form, the derived SymPy expression as
LaTeX (cut at ``MAX_LATEX`` characters), and whether the step was proved.
"""
from __future__ import annotations

MAX_LATEX = 4000


def step_json(st) -> dict:
    from verify.engine.render import render as _render

    derived = ""
    if st.derived is not None:
        try:
            derived = _render(st.derived, latex=True)
        except Exception:  # a derived object SymPy cannot print: show its text
            derived = str(st.derived)
        if len(derived) > MAX_LATEX:
            derived = ""
    return {"label": st.label, "text": st.text, "printed": st.printed or "", "derived_latex": derived,
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
