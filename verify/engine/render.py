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
    """A value as a reader writes it: numbers to 4 significant digits (NumPy scalars too, never
    ``np.float64(…)``), mappings as ``k: v, …`` and sequences as ``a, b, …`` with their items so formatted."""
    if isinstance(v, bool) or v is None:
        return "–" if v is None else str(v)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return "nan" if math.isnan(v) else f"{v:.4g}"
    if isinstance(v, str):
        return " ".join(v.split())
    if isinstance(v, dict):
        return ", ".join(f"{num(k)}: {num(x)}" for k, x in v.items())
    if isinstance(v, (list, tuple)):
        return "(" + ", ".join(num(x) for x in v) + ")"
    try:  # numpy scalars (and 0-d arrays)
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


def is_table(expr) -> bool:
    return isinstance(expr, list) and bool(expr) and all(isinstance(r, dict) for r in expr)


def typed(expr) -> dict:
    """A derivation value for what it is, as results.json stores it: ``{"kind": "tex", "tex": …}`` for
    SymPy objects, ``{"kind": "table", "columns": […], "rows": [[…]]}`` for rows (cells formatted by
    ``num``), ``{"kind": "text", "text": …}`` for mappings, numbers and anything else (never set as maths)."""
    if is_table(expr):
        cols = list(dict.fromkeys(str(k) for r in expr for k in r))
        return {"kind": "table", "columns": cols,
                "rows": [[num(_cell(r, k)) for k in cols] for r in expr]}
    if isinstance(expr, dict):
        return {"kind": "text", "text": "; ".join(f"{k} = {num(v)}" for k, v in expr.items())}
    import sympy as sp

    if isinstance(expr, (sp.Basic, sp.MatrixBase)):
        return {"kind": "tex", "tex": render(expr, latex=True)}
    return {"kind": "text", "text": num(expr)}


def _cell(row: dict, name: str):
    """The value of ``row`` under the key whose text is ``name`` (rows may use non-string keys)."""
    return next((v for k, v in row.items() if str(k) == name), None)


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
