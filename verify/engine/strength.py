"""Strength of a verdict: the honesty checks on a declared strength, and its propagation.

A check declares how strongly its outcome is known (``Outcome.strength``, one of
``claim.STRENGTHS``).  Two things are decided here:

- :func:`strength_problems`: a declaration the evidence cannot support is a test
  failure. The strength is read from the objects that decided the outcome
  (:func:`supported`): ``proved`` needs a symbolic proof object (a ``Proof`` of kind
  symbolic: a normal form, a Gröbner reduction, a SymPy simplification to 0, a
  coefficient certificate; or a derivation ``Step`` whose ``derived`` is an exact SymPy
  expression and whose ``holds`` is decided); ``exact`` needs exact-arithmetic objects
  and the sizes they cover; ``certified`` an interval enclosure or an exact
  certificate. Floats are never exact; fits are sampled. Method names play no part.
- :func:`effective_strengths`: a claim that uses others is only as strong as its
  weakest use (DESIGN.md: a theorem is ``proved`` only when every claim it uses is
  proved and the composition is checked).  Its own strength stands for the
  composition; the effective one is the weakest over the uses graph.  A use that is
  informal or covered by no claim counts as ``sampled``: the proof rests on a step
  nobody checked exactly.  A definition propagates like any claim: a definition that
  carries a formula a proof relies on is only as strong as the check of that formula.
  A cycle in ``uses`` is an error (:func:`uses_cycles`); the report shows it, and the
  claims on a cycle are ``sampled`` at best (a circle proves nothing).
"""
from __future__ import annotations

from verify.engine.claim import STRENGTHS, Outcome, Step, weakest


def _has_float(obj) -> bool:
    """True when ``obj`` holds a floating-point number (floats are never exact)."""
    import sympy as sp
    if isinstance(obj, float):
        return True
    if isinstance(obj, (bool, int, str)) or obj is None:
        return False
    if isinstance(obj, sp.MatrixBase):
        return any(_has_float(e) for e in obj)
    if isinstance(obj, sp.Basic):
        return bool(obj.atoms(sp.Float))
    try:
        import numpy as np
        if isinstance(obj, np.ndarray):
            return obj.dtype.kind in "fc" or (obj.dtype == object and any(_has_float(e) for e in obj.ravel()))
        if isinstance(obj, np.floating):
            return True
    except ImportError:  # pragma: no cover
        pass
    if isinstance(obj, dict):
        return any(_has_float(v) for v in obj.values())
    if isinstance(obj, (list, tuple)):
        return any(_has_float(v) for v in obj)
    return False


def _is_sympy(obj) -> bool:
    """A SymPy expression or matrix, or a container whose leaves are SymPy objects (exact Python ints and bools
    may sit beside them; at least one leaf is SymPy)."""
    import sympy as sp
    if isinstance(obj, (sp.Basic, sp.MatrixBase)):
        return True
    if isinstance(obj, dict):
        obj = list(obj.values())
    if isinstance(obj, (list, tuple)) and obj:
        leaves = [o for o in obj if not isinstance(o, (bool, int))]
        return bool(leaves) and all(_is_sympy(o) for o in leaves)
    return False


def evidence_kinds(out: Outcome) -> set[str]:
    """The kinds of deciding object an outcome carries: symbolic, exact, interval, sample."""
    kinds = set()
    for p in out.proof:
        if p.kind in ("symbolic", "exact") and _has_float(p.obj):
            kinds.add("sample")  # a float object claimed as a proof: floats are never exact
        else:
            kinds.add(p.kind)
    for st in out.steps:
        if isinstance(st, Step) and st.holds is not None and _is_sympy(st.derived) and not _has_float(st.derived):
            kinds.add("symbolic")  # a derived step: an exact SymPy expression, decided
    if out.fits or out.examples:
        kinds.add("sample")
    return kinds


def supported(out: Outcome) -> str:
    """The strongest strength the deciding objects of ``out`` can carry (``sampled`` when none is rigorous)."""
    kinds = evidence_kinds(out)
    if "symbolic" in kinds:
        return "proved"
    if "exact" in kinds:
        return "exact"
    if "interval" in kinds:
        return "certified"
    return "sampled"


_SUPPORTS = {"proved": ("proved",), "exact": ("proved", "exact"), "certified": ("proved", "exact", "certified")}


def strength_problems(out: Outcome, what: str = "verdict") -> list[str]:
    """Why the strength ``out`` declares is missing or stronger than its deciding objects support."""
    s = out.strength
    if s is None:
        return [f"{what}: strength undeclared (one of {', '.join(STRENGTHS)})"]
    probs = []
    if s != "sampled" and supported(out) not in _SUPPORTS[s]:
        need = {"proved": "a symbolic proof object (normal form, Gröbner reduction, SymPy simplification, "
                          "coefficient certificate, or a decided derivation Step with an exact SymPy expression)",
                "exact": "exact-arithmetic objects", "certified": "an interval enclosure or an exact certificate"}[s]
        probs.append(f"{what}: declares {s} but the objects that decided it support only {supported(out)} "
                     f"(needs {need}; methods {', '.join(out.methods) or 'none'} do not count)")
    if s != "sampled" and out.fits:
        probs.append(f"{what}: declares {s} but rests on fitted exponents (a fit is sampled)")
    if s == "proved" and out.sizes:
        probs.append(f"{what}: declares proved but lists finite sizes ({'; '.join(out.sizes)}): that is exact")
    if s == "exact" and not out.sizes:
        probs.append(f"{what}: declares exact without the sizes it covers")
    return probs


def _as_use(status: str | None, strength: str | None) -> str:
    if status == "informal" or strength is None:
        return "sampled"
    return strength


def _resolver(claims: list[dict], equations: dict | None):
    by_id = {c["id"]: c for c in claims}
    equations = equations or {}

    def resolve(cid: str, use: str) -> list[str] | None:
        if use in by_id:
            return [use]
        if use.startswith("eq:"):
            cov = [x for x in equations.get(use[3:], {}).get("claims", []) if x in by_id and x != cid]
            return cov or None
        return None
    return by_id, resolve


def uses_cycles(claims: list[dict], equations: dict | None = None) -> list[list[str]]:
    """Every cycle of the uses graph (its strongly connected components with more than one claim, or a claim
    that uses itself), each as the list of its claim ids in order; a cycle is an error: a circle proves nothing."""
    by_id, resolve = _resolver(claims, equations)
    graph = {cid: [t for u in c.get("uses", []) for t in (resolve(cid, u) or [])] for cid, c in by_id.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def strong(v: str) -> None:  # Tarjan, iterative enough for a few hundred claims
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in graph[v]:
                out.append(sorted(comp))

    for v in graph:
        if v not in index:
            strong(v)
    return sorted(out)


def effective_strengths(claims: list[dict], equations: dict | None = None) -> dict[str, dict]:
    """Per claim id: ``{"strength": effective, "limited_by": [uses weaker than its own]}``.

    ``claims``: results.json claim entries (id, status, uses, own_strength);
    ``equations``: the equations table, to resolve a use written as an equation label
    (``eq:8.26``) that no claim has as its id to the claims covering that label.
    A claim on a cycle of the uses graph is ``sampled`` at best, limited by the cycle.
    """
    by_id, resolve = _resolver(claims, equations)
    on_cycle = {cid: cyc for cyc in uses_cycles(claims, equations) for cid in cyc}

    memo: dict[str, str | None] = {}
    limits: dict[str, list[str]] = {}
    busy: set[str] = set()

    def eff(cid: str) -> str | None:
        if cid in memo:
            return memo[cid]
        c = by_id[cid]
        own = c.get("own_strength", c.get("strength"))
        if own is None:  # informal (or a crashed check): nothing to propagate
            memo[cid] = None
            limits[cid] = []
            return None
        busy.add(cid)
        parts, weak = [own], []
        if cid in on_cycle:
            parts.append("sampled")
            weak.append("cycle in uses: " + " → ".join(on_cycle[cid] + on_cycle[cid][:1]))
        for use in c.get("uses", []):
            targets = resolve(cid, use)
            if targets is None:
                parts.append("sampled")
                weak.append(f"{use} (unchecked)")
                continue
            for t in targets:
                if t in busy:  # a cycle (reported above): the use's own strength stands for it
                    us = _as_use(by_id[t]["status"], by_id[t].get("own_strength"))
                else:
                    us = _as_use(by_id[t]["status"], eff(t))
                parts.append(us)
                if STRENGTHS.index(us) > STRENGTHS.index(own):
                    weak.append(f"{t} ({us})")
        busy.discard(cid)
        memo[cid] = weakest(*parts)
        limits[cid] = weak
        return memo[cid]

    return {cid: {"strength": eff(cid), "limited_by": limits[cid]} for cid in by_id}
