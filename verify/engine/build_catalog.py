"""Build a text's catalog.json from its Markdown: ``python -m verify.engine.build_catalog [SOURCE]``.

The catalog is the denominator of coverage: every numbered equation with its printed
LaTeX and section, every numbered environment, observation, figure and footnote with
its printed statement. It is generated once and committed; a test regenerates it from
../shared/seed and compares, so the committed catalog cannot drift from the chapter.

The chapter is one paragraph per line: section headings are lines like
``8.3.2 Matrix Completion [Ge et al., 2016]``, displays are single ``$$ ... $$`` lines
ending in ``\\quad (8.k)``. The builder is strict: a display without a tag, a repeated
label or a repeated environment is an error, not something to skip.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path


_SECTION = re.compile(r"^(\d+\.\d+(?:\.\d+)?) (\S.{0,100})$")
_PAREN = r"\(((?:[^()]|\([^()]*\))*)\)"  # a title with at most one level of nested parentheses
_ENV = re.compile(rf"^(Definition|Example|Theorem|Lemma|Remark) (\d+\.\d+)(?: {_PAREN})?\.(?: (.*))?$")
_OBS = re.compile(r"^Observation (\d+): (.*)$")
_FIG = re.compile(r"^Figure (\d+\.\d+): (.*)$")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FOOT = re.compile(rf"^([{_SUPERSCRIPTS[1:]}][{_SUPERSCRIPTS}]*)(\S.*)$")
_TAG = re.compile(r"\s*\\quad \((\d+\.\d+)\)\s*$")
_LIST_ITEM = re.compile(r"^(?:\d+\.|-|\([a-z]+\)) ")
_RELATIONS = ("=", r"\leq", r"\geq", r"\le ", r"\ge ", "<", ">", r"\approx", r"\lesssim", r"\gtrsim",
              r"\triangleq", r"\rightarrow")
_MINMAX = re.compile(r"^\\(?:min|max)_\{(?:[^{}]|\{[^{}]*\})*\}\s*")  # "\min_{x} f(x) ≜ …": the lhs is f(x)
_PREFIX = {"Definition": "def", "Example": "example", "Theorem": "thm", "Lemma": "lemma", "Remark": "remark"}


def _footnote_number(sup: str) -> str:
    return str(int("".join(str(_SUPERSCRIPTS.index(c)) for c in sup)))


def _unitalic(text: str) -> str:
    """Drop the italics wrapping a theorem's statement (``*...*``), keep inner emphasis."""
    if len(text) > 1 and text.startswith("*") and text.endswith("*") and not text.startswith("**"):
        return text[1:-1]
    return text


def _is_open(text: str) -> bool:
    """Whether a unit of the statement leaves the sentence unfinished (continues below)."""
    t = text.strip()
    if t.startswith("$$") and t.endswith("$$"):
        t = _TAG.sub("", t[2:-2])
    t = t.rstrip(_SUPERSCRIPTS + "* ")
    return not t.endswith(".")


def _heading(line: str) -> str | None:
    """The kind of heading a line starts (section, environment, figure, ...), else None."""
    if _SECTION.match(line):
        return "section"
    for kind, rx in (("env", _ENV), ("obs", _OBS), ("figure", _FIG), ("footnote", _FOOT)):
        if rx.match(line):
            return kind
    return "proof" if line.startswith("Proof.") else None


def _statement(units: list[tuple[int, str]], k: int, head: str, proof_bound: bool) -> tuple[str, int]:
    """The printed statement starting at units[k]: its head text and the units it runs on into.

    A statement ends with its paragraph unless that paragraph is unfinished (no final
    period): then displays, list items and paragraphs follow until one is finished.
    A theorem or lemma whose paragraph is unfinished runs on to its Proof (or to the
    next heading), since its conclusion may come after an interposed display.
    Returns the text and the index of the last unit used.
    """
    parts = [head]
    last = k
    open_ = _is_open(head)
    while open_ and last + 1 < len(units) and _heading(units[last + 1][1]) is None:
        last += 1
        text = units[last][1]
        if _LIST_ITEM.match(text):
            # a list introduced by "...:" is one unit: take the whole run of items
            run = [text]
            while last + 1 < len(units) and _LIST_ITEM.match(units[last + 1][1]) \
                    and units[last + 1][0] == units[last][0] + 1:
                last += 1
                run.append(units[last][1])
            parts.append("\n".join(run))
            text = run[-1]
        else:
            parts.append(text)
        open_ = proof_bound or _is_open(text)
    return "\n\n".join(p.strip() for p in parts), last


def _continues(body: str) -> bool:
    """A display that starts with a relation (``= …``, ``\\leq …``) continues the chain of the display before it."""
    t = body.strip()
    if t.startswith(r"\begin{aligned}"):
        t = t[len(r"\begin{aligned}"):].lstrip().lstrip("&").lstrip()
    return t.startswith(_RELATIONS)


def _lhs(body: str) -> str:
    """The left-hand side of a display: the text before its first relation outside braces ('' if none)."""
    t = body.strip()
    if t.startswith(r"\begin{aligned}"):
        return ""
    depth = 0
    for i, ch in enumerate(t):
        depth += ch == "{"
        depth -= ch == "}"
        if depth == 0 and i > 0 and t.startswith(_RELATIONS, i) and t[i - 1] != "\\":
            return _MINMAX.sub("", t[:i].strip())
    return ""


def build(text: str, source: str = "") -> dict:
    """Parse the chapter into {source, sections, equations, objects} (all in printed order)."""
    units = [(n, ln.rstrip()) for n, ln in enumerate(text.splitlines(), start=1) if ln.strip()]
    section: str | None = None
    sections: dict[str, str] = {}
    equations: dict[str, dict] = {}
    objects: dict[str, dict] = {}
    last = None  # the label of the latest display

    def add_object(oid: str, kind: str, number: str, title: str, statement: str, line: int) -> None:
        if oid in objects:
            raise ValueError(f"line {line}: {oid} appears twice (first at line {objects[oid]['line']})")
        if section is None:
            raise ValueError(f"line {line}: {oid} before the first section heading")
        objects[oid] = {"id": oid, "kind": kind, "number": number, "title": title,
                        "statement": statement, "section": section, "line": line}

    for k, (line, ln) in enumerate(units):
        if m := _SECTION.match(ln):
            section = m.group(1)
            if section in sections:
                raise ValueError(f"line {line}: section {section} appears twice")
            sections[section] = m.group(2).strip()
        elif ln.startswith("$$"):
            if not ln.endswith("$$") or len(ln) < 4:
                raise ValueError(f"line {line}: a display must be one line '$$ ... $$'")
            body = ln[2:-2].strip()
            t = _TAG.search(body)
            if t is None:
                raise ValueError(f"line {line}: display without an equation number")
            label = t.group(1)
            if label in equations:
                raise ValueError(f"line {line}: ({label}) appears twice (first at line {equations[label]['line']})")
            if section is None:
                raise ValueError(f"line {line}: ({label}) before the first section heading")
            latex = body[: t.start()].rstrip()
            # a chain "A = B (8.7)" then "= C (8.8)": (8.8) says A = C; its left-hand side is A, carried along
            prev = equations[last] if last else None
            lhs = (prev["lhs"] or _lhs(prev["latex"])) if prev and _continues(latex) else ""
            equations[label] = {"label": label, "id": f"eq:{label}", "latex": latex,
                                "section": section, "line": line, "lhs": lhs}
            last = label
        elif m := _ENV.match(ln):
            word, number, title, rest = m.groups()
            proof_bound = word in ("Theorem", "Lemma")
            head = _unitalic((rest or "").strip()) if proof_bound else (rest or "").strip()
            statement, _ = _statement(units, k, head, proof_bound)
            add_object(f"{_PREFIX[word]}:{number}", word.lower(), number, (title or "").strip(), statement, line)
        elif m := _OBS.match(ln):
            add_object(f"obs:{m.group(1)}", "observation", m.group(1), "", m.group(2).strip(), line)
        elif m := _FIG.match(ln):
            add_object(f"figure:{m.group(1)}", "figure", m.group(1), "", m.group(2).strip(), line)
        elif m := _FOOT.match(ln):
            number = _footnote_number(m.group(1))
            statement, _ = _statement(units, k, m.group(2).strip(), proof_bound=False)
            add_object(f"footnote:{number}", "footnote", number, "", statement, line)

    order = sorted(equations, key=lambda s: int(s.split(".")[1]))
    return {
        "source": source,
        "sections": [{"number": n, "title": t} for n, t in sections.items()],
        "equations": [equations[k] for k in order],
        "objects": list(objects.values()),
    }


def dumps(doc: dict) -> str:
    """The committed serialisation (stable, UTF-8, one trailing newline)."""
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    """``python -m verify.engine.build_catalog [SOURCE]``: the active text's catalog.json from its source
    (default: the text as printed, ``seed_source``, else the copy in its data folder)."""
    from verify.engine.text import active

    text = active()
    src = Path(argv[0]) if argv else (text.seed_source or text.data / text.source)
    OUT = text.data / "catalog.json"
    if not src.is_file():
        print(f"build_catalog: no chapter at {src}", file=sys.stderr)
        return 2
    try:
        doc = build(src.read_text(encoding="utf-8"), source=src.name)
    except ValueError as e:
        print(f"build_catalog: {src}: {e}", file=sys.stderr)
        return 1
    OUT.parent.mkdir(exist_ok=True)
    tmp = OUT.with_suffix(".json.tmp")
    tmp.write_text(dumps(doc), encoding="utf-8")
    tmp.replace(OUT)
    print(f"{OUT}: {len(doc['equations'])} equations, {len(doc['objects'])} objects, "
          f"{len(doc['sections'])} sections")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
