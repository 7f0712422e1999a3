"""Derivation values as text or LaTeX: SymPy expressions, tables of rows, dicts of numbers.

Shared by ``verify show`` and the site's derivation steps.  Kept apart from both so that a
claim's cache key, which hashes the code that renders its stored steps, does not hash the CLI.
"""
from __future__ import annotations

import math


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


def num(v) -> str:
    if isinstance(v, bool) or v is None:
        return "–" if v is None else str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "nan" if math.isnan(v) else f"{v:.4g}"
    try:  # numpy scalars
        return num(v.item())
    except (AttributeError, ValueError):
        return " ".join(str(v).split())


def table(rows: list[dict], indent: str = "") -> str:
    """Rows of a derivation step as an aligned table; numbers to 4 significant digits, never wrapped."""
    cols = list(dict.fromkeys(k for r in rows for k in r))
    cells = [[num(r.get(k)) for k in cols] for r in rows]
    width = [max(len(str(k)), *(len(c[j]) for c in cells)) for j, k in enumerate(cols)]
    lines = ["  ".join(str(k).ljust(w) for k, w in zip(cols, width))]
    lines += ["  ".join(c.rjust(w) for c, w in zip(row, width)) for row in cells]
    return ("\n" + indent).join(lines)


def render(expr, latex: bool, indent: str = "") -> str:
    if expr is None:
        return ""
    if isinstance(expr, list) and expr and all(isinstance(r, dict) for r in expr):
        return "\n" + indent + table(expr, indent)
    if isinstance(expr, dict):
        return "; ".join(f"{k} = {num(v)}" for k, v in expr.items())
    import sympy as sp

    if latex:
        names = {}
        if isinstance(expr, sp.Basic):
            for s in expr.free_symbols:
                lt = atom_latex(str(s))
                if lt:
                    names[s] = lt
        return sp.latex(expr, symbol_names=names)
    if isinstance(expr, sp.Basic) or isinstance(expr, sp.MatrixBase):
        return sp.pretty(expr, use_unicode=True, wrap_line=False).replace("\n", "\n" + indent)
    return " ".join(str(expr).split())
