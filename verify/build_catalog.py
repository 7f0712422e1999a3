"""Build verify/data/catalog.json from the chapter (python -m verify.build_catalog [CHAPTER]).

The catalog is the denominator of coverage: every numbered equation with its printed
LaTeX and section, every numbered environment, figure, observation and footnote.
It is generated once and committed; a test regenerates it from ../shared/seed and
compares, so the committed catalog cannot drift from the chapter.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "seed" / "chapter8-nonconvex-optimization.md"
OUT = Path(__file__).resolve().parent / "data" / "catalog.json"

_SECTION = re.compile(r"^(8\.\d(?:\.\d)?) (.+)$")
_ENV = re.compile(r"^(Definition|Example|Theorem|Lemma|Remark) (8\.\d+)(?: \(([^)]*(?:\([^)]*\))?[^)]*)\))?\.\s*(.*)$")
_OBS = re.compile(r"^Observation (\d): (.*)$")
_FIG = re.compile(r"^Figure (8\.\d+): (.*)$")
_FOOT = re.compile(r"^([¹²³⁴])(.*)$")
_TAG = re.compile(r"\\quad \((8\.\d+)\)\s*$")
_PREFIX = {"Definition": "def", "Example": "example", "Theorem": "thm", "Lemma": "lemma", "Remark": "remark"}
_SUP = {"¹": 1, "²": 2, "³": 3, "⁴": 4}


def build(text: str) -> dict:
    lines = text.splitlines()
    section = "8.1"
    sections: dict[str, str] = {}
    equations: dict[str, dict] = {}
    objects: dict[str, dict] = {}
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _SECTION.match(ln)
        if m:
            section = m.group(1)
            sections[section] = m.group(2).strip()
        if ln.startswith("$$"):
            start = i
            block = [ln]
            while not block[-1].rstrip().endswith("$$") or len(block) == 1 and block[0].strip() == "$$":
                i += 1
                block.append(lines[i])
                if len(block) > 1 and lines[i].rstrip().endswith("$$"):
                    break
            body = "\n".join(block).strip()[2:-2].strip()
            t = _TAG.search(body)
            if t:
                label = t.group(1)
                equations[label] = {"label": label, "id": f"eq:{label}", "latex": body[: t.start()].rstrip(),
                                    "section": section, "line": start + 1}
        for rx, kind in ((_ENV, None), (_OBS, "observation"), (_FIG, "figure"), (_FOOT, "footnote")):
            m = rx.match(ln)
            if not m:
                continue
            if rx is _ENV:
                word, number, title, rest = m.groups()
                # "Theorem 8.3 forces us ..." is prose about the theorem, not the theorem
                if rest and not ln[len(word) + len(number) + 1:].lstrip().startswith((".", "(")):
                    break
                oid = f"{_PREFIX[word]}:{number}"
                if oid in objects:
                    break
                kind_ = word.lower()
                statement = rest.strip().strip("*")
            elif rx is _OBS:
                number, statement = m.groups()
                oid, kind_, title = f"obs:{number}", "observation", ""
            elif rx is _FIG:
                number, statement = m.groups()
                oid, kind_, title = f"figure:{number}", "figure", ""
            else:
                number, statement = str(_SUP[m.group(1)]), m.group(2)
                oid, kind_, title = f"footnote:{number}", "footnote", ""
            if oid not in objects:
                objects[oid] = {"id": oid, "kind": kind_, "number": number, "title": (title or "").strip(),
                                "statement": statement.strip(), "section": section, "line": i + 1}
            break
        i += 1
    order = sorted(equations, key=lambda s: int(s.split(".")[1]))
    return {
        "source": "chapter8-nonconvex-optimization.md",
        "sections": [{"number": k, "title": v} for k, v in sections.items()],
        "equations": [equations[k] for k in order],
        "objects": list(objects.values()),
    }


def main(argv: list[str]) -> int:
    src = Path(argv[0]) if argv else DEFAULT
    doc = build(src.read_text(encoding="utf-8"))
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(doc, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(doc['equations'])} equations, {len(doc['objects'])} objects, {len(doc['sections'])} sections")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
