"""Judge a landscape whose critical set has components: minima certified, everything else a strict saddle.

The landscape comes from numeric.classify.component_landscape (exact decomposition, exact inertia,
exact SOS certificate).  The statement says what the theorem predicts: the dimension of each
component of global minima, and that every other critical component or point is a strict saddle.
Mutants change the prediction ("every component of minima is a single point", "a saddle component
is a minimum"); the same judgement refutes them.
"""
from __future__ import annotations

from dataclasses import dataclass

from verify.engine.claim import Step


@dataclass(frozen=True)
class Prediction:
    min_dim: int  # the dimension of every component of global minima
    # every other component: 'strict saddle' in the chapter's sense, λ_min(∇²f) < 0 (a local maximum
    # such as X = 0 for M ≻ 0 qualifies); a mutant says 'minimum'
    others: str = "strict saddle"


def judge(name: str, land, pred: Prediction) -> tuple[bool, list[Step], dict | None]:
    """(holds, one step per component and point, counterexample)."""
    steps: list[Step] = []
    ce = None
    b = land.bound
    cert_ok = bool(b is not None and b.certificate is not None and b.attained and b.certificate.check())
    # the exact object that decides it: the rational lower bound whose SOS certificate was re-checked in SymPy
    steps.append(Step(f"{name}: lower bound", (b.text if b is not None else "no bound") +
                      ("; re-checked from scratch (LDLᵀ over Q, identity in SymPy)" if cert_ok else ""),
                      derived=b.value if cert_ok else None, holds=cert_ok))
    ok = cert_ok
    items = [("component", c.inertia.negative if c.inertia else 0, c.dimension, c.global_min, c.kind, c.local_min,
              c.line()) for c in land.components]
    items += [("point", p.inertia[1], 0, bool(p.local_min and cert_ok and abs(p.value - float(b.value)) < 1e-30),
               p.kind, p.local_min, f"point {tuple(round(float(v), 6) for v in p.x)}, f = {p.value:.10g}: {p.label}")
              for p in land.points]
    for what, neg, dim, is_min, kind, local_min, line in items:
        if is_min:
            good = dim == pred.min_dim
            why = f"a component of global minima of dimension {dim} (predicted {pred.min_dim})"
        else:
            good = neg > 0 if pred.others == "strict saddle" else bool(local_min)
            why = (f"not a global minimum; class {kind!r}, {neg} negative Hessian eigenvalue(s) "
                   f"(predicted: {pred.others})")
        steps.append(Step(f"{name}: {what}", line + " — " + why, holds=good))
        if not good and ce is None:
            ce = {"instance": name, what: line, "predicted": pred.min_dim if is_min else pred.others}
        ok &= good
    n_min = sum(1 for it in items if it[3])
    if n_min == 0:
        ok = False
        ce = ce or {"instance": name, "global minima": "none certified"}
    return ok, steps, ce
