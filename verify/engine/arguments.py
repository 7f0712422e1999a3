"""Arguments: a refutation as an object of its own, tried on every claim of the same shape.

An argument says what it shows (``"a C∞ flat minimum makes convergence to ε-close take e^{1/ε²}
steps"``), which bank members realise it, and the statement shapes it speaks to (``"poly-time"``,
``"convex-neighbourhood"``, ``"full-rank"``, ``"width-rate"``, ``"therefore"``).  Every claim whose
``Quantified.shapes`` meets an argument's shapes is attacked with its members
(:func:`verify.engine.attacks.attack`), and the report lists each argument with every claim it was
tried on and the outcome.  A text declares its arguments in its claim modules with :func:`argument`.
"""
from __future__ import annotations

from dataclasses import dataclass

_ARGS: dict[str, "Argument"] = {}


@dataclass(frozen=True)
class Argument:
    id: str
    shows: str
    members: tuple[str, ...]
    shapes: tuple[str, ...]


def argument(id: str, shows: str, members, shapes) -> Argument:
    if id in _ARGS:
        raise ValueError(f"argument {id!r} declared twice")
    a = Argument(id, shows, tuple(members), tuple(shapes))
    _ARGS[id] = a
    return a


def all_arguments() -> list[Argument]:
    from verify.engine import registry

    registry.load()  # arguments are declared beside the claims
    return list(_ARGS.values())


def for_shapes(shapes) -> list[Argument]:
    s = set(shapes)
    return [a for a in _ARGS.values() if s & set(a.shapes)]


def table(claims: list[dict]) -> list[dict]:
    """results.json ``arguments``: each argument with every claim of its shapes and the outcomes there."""
    from verify.engine import registry

    out = []
    for a in all_arguments():
        tried = []
        for c in claims:
            cl = registry.load().get(c["id"])
            q = getattr(cl, "quantified", None) if cl is not None else None
            if q is None or not set(q.shapes) & set(a.shapes):
                continue
            hits = [x for x in c.get("attacks", []) if x["member"] in a.members]
            by_target: dict[str, str] = {}
            for x in hits:
                cur = by_target.get(x["target"])
                by_target[x["target"]] = "broke" if "broke" in (cur, x["outcome"]) else (
                    "held" if "held" in (cur, x["outcome"]) else "n/a")
            tried.append({"claim": c["id"], "status": c["status"],
                          "outcomes": by_target or {"printed": "n/a (no member of its class)"}})
        out.append({"id": a.id, "shows": a.shows, "members": list(a.members), "shapes": list(a.shapes),
                    "tried": tried})
    return out
