"""Small pieces of TeX as Unicode text, for places that cannot typeset: <title>, graph labels, tooltips.

``\\hat{L}(g_\\theta)`` reads "L̂(g_θ)", ``x^{t+1}`` "xᵗ⁺¹"; what has no Unicode form keeps a
readable fallback ("x_(i,j)") rather than backslashes and braces.
"""
from __future__ import annotations

import re

SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
    "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "approx": "≈", "sim": "∼", "simeq": "≃",
    "nabla": "∇", "partial": "∂", "infty": "∞", "in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆",
    "cup": "∪", "cap": "∩", "times": "×", "cdot": "·", "cdots": "⋯", "ldots": "…", "dots": "…", "pm": "±",
    "to": "→", "rightarrow": "→", "Rightarrow": "⇒", "implies": "⟹", "iff": "⟺", "mapsto": "↦",
    "leftarrow": "←", "langle": "⟨", "rangle": "⟩", "|": "‖", "Vert": "‖", "lVert": "‖", "rVert": "‖",
    "vert": "|", "lvert": "|", "rvert": "|", "top": "ᵀ", "intercal": "ᵀ", "ell": "ℓ", "sum": "Σ", "prod": "∏",
    "int": "∫", "sqrt": "√", "succeq": "⪰", "preceq": "⪯", "succ": "≻", "prec": "≺", "otimes": "⊗",
    "oplus": "⊕", "circ": "∘", "forall": "∀", "exists": "∃", "square": "□", "qquad": "  ", "quad": " ",
    ",": " ", ";": " ", "!": "", " ": " ", "triangleq": "≜", "coloneqq": "≔", "ll": "≪", "gg": "≫",
    "propto": "∝", "emptyset": "∅", "setminus": "∖", "mid": "|", "lfloor": "⌊", "rfloor": "⌋",
    "lceil": "⌈", "rceil": "⌉", "min": "min", "max": "max", "log": "log", "exp": "exp", "det": "det",
    "sup": "sup", "inf": "inf", "lim": "lim", "tr": "tr", "left": "", "right": "", "big": "", "Big": "",
    "bigg": "", "Bigg": "", "displaystyle": "", "star": "⋆", "ast": "∗", "prime": "′", "wedge": "∧",
    "vee": "∨", "neg": "¬", "perp": "⊥", "star": "⋆",
}
FONTS = {"mathbb": {"R": "ℝ", "E": "𝔼", "N": "ℕ", "Z": "ℤ", "P": "ℙ", "C": "ℂ", "Q": "ℚ"}}
ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0304", "tilde": "\u0303",
           "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308", "vec": ""}
TEXTY = {"text", "mathrm", "operatorname", "mathbf", "boldsymbol", "mathit", "textbf", "textit", "mathsf",
         "mathcal", "emph", "mathbb"}
SUP = dict(zip("0123456789+-=()nitTaekmpx∞*", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵗᵀᵃᵉᵏᵐᵖˣ∞*"))
SUB = dict(zip("0123456789+-=()aeijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))


def _group(s: str, i: int) -> tuple[str, int]:
    """The argument at ``s[i]``: a {…} group (contents), a command, or one character; and the end."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        return "", i
    if s[i] == "{":
        depth, j = 0, i
        while j < len(s):
            depth += {"{": 1, "}": -1}.get(s[j], 0)
            if depth == 0:
                return s[i + 1:j], j + 1
            j += 1
        return s[i + 1:], len(s)
    if s[i] == "\\":
        m = re.match(r"\\([A-Za-z]+|.)", s[i:])
        return m.group(0), i + len(m.group(0))
    return s[i], i + 1


def _script(body: str, table: dict, mark: str) -> str:
    text = to_unicode(body)
    if text and all(ch in table for ch in text):
        return "".join(table[ch] for ch in text)
    return mark + (text if len(text) == 1 else f"({text})")


def to_unicode(tex: str) -> str:
    """TeX (a title, a section name, a short formula) as plain Unicode text."""
    s = tex.replace("$", "")
    out: list[str] = []
    i = 0
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            m = re.match(r"\\([A-Za-z]+|.)", s[i:])
            name = m.group(1)
            i += len(m.group(0))
            if name == "frac":
                a, i = _group(s, i)
                b, i = _group(s, i)
                a, b = to_unicode(a), to_unicode(b)
                out.append((a if len(a) <= 1 else f"({a})") + "/" + (b if len(b) <= 1 else f"({b})"))
            elif name == "sqrt":
                a, i = _group(s, i)
                a = to_unicode(a)
                out.append("√" + (a if len(a) <= 1 else f"({a})"))
            elif name in ACCENTS:
                a, i = _group(s, i)
                a = to_unicode(a)
                out.append(a + ACCENTS[name] if len(a) == 1 else a)
            elif name in FONTS:
                a, i = _group(s, i)
                out.append("".join(FONTS[name].get(c, c) for c in a))
            elif name in TEXTY:
                a, i = _group(s, i)
                out.append(to_unicode(a))
            elif name in SYMBOLS:
                out.append(SYMBOLS[name])
            else:
                out.append(name)
        elif ch in "_^":
            a, i = _group(s, i + 1)
            out.append(_script(a, SUB if ch == "_" else SUP, ch))
        elif ch in "{}":
            i += 1
        else:
            out.append(ch)
            i += 1
    return re.sub(r"\s+", " ", "".join(out)).strip()


_HTML_SCRIPT = re.compile(r"([_^])(\{(?:[^{}]|\{[^{}]*\})*\}|[^\W_]+|∞)")


def title_html(title: str) -> str:
    """A claim title as HTML: Unicode prose with any ``x_{…}``/``x^…`` left in it as <sub>/<sup>,
    any TeX command as its Unicode (titles are not typeset: no pseudo-TeX reaches the reader)."""
    import html

    if "\\" in title or "$" in title:
        title = re.sub(r"\\[A-Za-z]+(?:\{[^{}]*\})?|\$", lambda m: to_unicode(m.group(0)), title)
    out, last = [], 0
    for m in _HTML_SCRIPT.finditer(title):
        out.append(html.escape(title[last:m.start()]))
        body = m.group(2)
        body = body[1:-1] if body.startswith("{") else body
        tag = "sub" if m.group(1) == "_" else "sup"
        out.append(f"<{tag}>{html.escape(to_unicode(body))}</{tag}>")
        last = m.end()
    out.append(html.escape(title[last:]))
    return "".join(out)


def title_text(title: str) -> str:
    """A claim title as plain text (for <title> and tooltips)."""
    return to_unicode(title) if re.search(r"[\\_^{}$]", title) else title
