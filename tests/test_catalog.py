"""The catalog holds every label of the chapter as printed, and resolves what users type."""
import json
from pathlib import Path

import pytest

from verify.engine import build_catalog

from verify.engine import catalog
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "chapter8-nonconvex-optimization.md"
COMMITTED = Path(__file__).resolve().parents[1] / "verify" / "chapter8" / "data" / "catalog.json"


def test_all_168_equations_contiguous_and_well_formed():
    eqs = catalog.equations()
    assert list(eqs) == [f"8.{k}" for k in range(1, 169)]
    for label, e in eqs.items():
        assert e.label == label and e.id == f"eq:{label}"
        assert e.latex and not e.latex.startswith("$") and not e.latex.endswith("$")
        assert f"({label})" not in e.latex and e.line > 0
        assert catalog.is_section(e.section)


def test_printed_latex_spot_checks():
    eqs = catalog.equations()
    assert eqs["8.1"].latex == r"\min_{x \in \mathbb{R}^d} g(x) \triangleq \frac{1}{2} \|M - xx^\top\|_F^2."
    assert eqs["8.5"].latex == (
        r"\begin{aligned} &= \frac{1}{2} \|M - xx^\top\|_F^2 - \langle M - xx^\top, xv^\top + vx^\top \rangle"
        r" + \frac{1}{2} \langle xv^\top + vx^\top, xv^\top + vx^\top \rangle \\ &\quad - \langle M - xx^\top,"
        r" vv^\top \rangle + \text{higher order terms in } v. \end{aligned}"
    )
    assert eqs["8.9"].latex == (
        r"\langle v_1, \nabla^2 g(x) v_1 \rangle = 2\langle x, v_1 \rangle^2 - v_1^\top M v_1 + \|x\|_2^2 \geq 0."
    )
    assert eqs["8.104"].latex == r"f(y) \geq f(x) + \nabla f(x)^\top (y - x) + \frac{\mu}{2} \|y - x\|_2^2"
    assert eqs["8.168"].latex == "= x_1 x_2."
    # an inline \quad annotation before the tag is part of the printed equation
    assert eqs["8.20"].latex.endswith(r"\quad (\text{because } \nabla g(x) = (M - xx^\top)x)")


@pytest.mark.parametrize("label, section", [
    ("8.1", "8.3.1"), ("8.10", "8.3.1"), ("8.11", "8.3.2"), ("8.52", "8.3.2"), ("8.53", "8.3.3"),
    ("8.54", "8.4"), ("8.72", "8.4.1"), ("8.104", "8.4.2"), ("8.165", "8.4.2"), ("8.166", "8.4.3"),
])
def test_equation_sections(label, section):
    assert catalog.equations()[label].section == section
    assert catalog.section_of(f"eq:{label}") == section


def test_footnote_equation_sits_where_printed():
    # (8.104) is printed in footnote 3, after (8.105)-(8.108): its line is out of numeric order
    eqs = catalog.equations()
    assert eqs["8.108"].line < eqs["8.104"].line < eqs["8.109"].line


def test_sections():
    assert catalog.sections() == {
        "8.1": "Optimization landscape",
        "8.2": "Efficient convergence to (approximate) local minima",
        "8.2.1": "Strict-saddle condition",
        "8.3": "All local minima are global minima: two examples",
        "8.3.1": "Principal components analysis (PCA)",
        "8.3.2": "Matrix Completion [Ge et al., 2016]",
        "8.3.3": "Other problems where all local minima are global minima",
        "8.4": "The Neural Tangent Kernel (NTK) Approach",
        "8.4.1": "Two examples of the NTK regime",
        "8.4.2": r"Optimizing $\hat{L}(g_\theta)$ vs. $\hat{L}(f_\theta)$",
        "8.4.3": "Limitations of NTK",
    }


ENVIRONMENTS = {  # id -> section, as printed
    "def:8.1": "8.2", "example:8.2": "8.2", "thm:8.3": "8.2", "def:8.4": "8.2.1", "thm:8.5": "8.2.1",
    "thm:8.6": "8.2.1", "thm:8.7": "8.3.1", "remark:8.8": "8.3.1", "def:8.9": "8.3.2", "def:8.10": "8.3.2",
    "remark:8.11": "8.3.2", "def:8.12": "8.3.2", "remark:8.13": "8.3.2", "thm:8.14": "8.3.2",
    "remark:8.15": "8.3.2", "remark:8.16": "8.3.2", "lemma:8.17": "8.3.2", "lemma:8.18": "8.3.2",
    "lemma:8.19": "8.3.2", "lemma:8.20": "8.3.2", "lemma:8.21": "8.3.2", "lemma:8.22": "8.3.2",
    "thm:8.23": "8.3.2", "def:8.24": "8.4", "lemma:8.25": "8.4", "remark:8.26": "8.4", "remark:8.27": "8.4",
    "lemma:8.28": "8.4", "remark:8.29": "8.4", "remark:8.30": "8.4", "remark:8.31": "8.4.1",
    "remark:8.32": "8.4.2", "thm:8.33": "8.4.2", "example:8.34": "8.4.3", "thm:8.35": "8.4.3",
    "obs:1": "8.1", "obs:2": "8.1", "obs:3": "8.1",
    "figure:8.1": "8.1", "figure:8.2": "8.1", "figure:8.3": "8.3.1", "figure:8.4": "8.3.1",
    "figure:8.5": "8.3.2", "figure:8.6": "8.4", "figure:8.7": "8.4", "figure:8.8": "8.4.1",
    # footnote 2 is cited in Remark 8.30 (8.4) but printed in 8.4.1
    "footnote:1": "8.2", "footnote:2": "8.4.1", "footnote:3": "8.4.2", "footnote:4": "8.4.2",
}


def test_every_numbered_object_present_with_its_section():
    objs = catalog.objects()
    assert {oid: o.section for oid, o in objs.items()} == ENVIRONMENTS
    # the environments share one counter 8.1 .. 8.35 without gaps
    numbered = sorted(int(o.number.split(".")[1]) for o in objs.values()
                      if o.kind in ("definition", "example", "theorem", "lemma", "remark"))
    assert numbered == list(range(1, 36))
    lines = [o.line for o in objs.values()]
    assert lines == sorted(lines)


def test_object_fields():
    objs = catalog.objects()
    assert objs["def:8.1"].title == "Local minimum of a function" and objs["def:8.1"].kind == "definition"
    assert objs["def:8.4"].title == "Strict-saddle condition [Lee et al., 2016]"
    assert objs["lemma:8.25"].title == "for (2)"  # nested parentheses
    assert objs["thm:8.5"].title == "Informally stated" and objs["thm:8.3"].title == ""
    assert objs["thm:8.3"].statement.startswith("It is NP-hard") and "*" not in objs["thm:8.3"].statement
    assert objs["def:8.1"].statement.startswith("We say that x is a *local minimum*")
    assert objs["obs:2"].statement == "Finding the global minimum of general non-convex functions is NP-hard."
    assert objs["figure:8.4"].statement.startswith("Objective function for principal components analysis")
    assert objs["footnote:4"].statement.startswith("Online gradient descent is the algorithm")


def test_statements_run_on_past_their_first_paragraph():
    objs = catalog.objects()
    assert "3. x is γ -close to a local minimum" in objs["def:8.4"].statement  # the list of Definition 8.4
    assert r"\quad (8.57)$$" in objs["def:8.24"].statement
    assert r"\quad (8.64)$$" in objs["lemma:8.25"].statement and "Remark" not in objs["lemma:8.25"].statement
    lemma = objs["lemma:8.28"].statement  # the conclusion comes after the display of the hypothesis
    assert r"(8.69)$$" in lemma and lemma.endswith(r"\quad (8.70)$$") and "Proof" not in lemma
    assert objs["footnote:3"].statement.endswith("for some $\\mu > 0$ and all x, y .")
    assert "(8.104)" in objs["footnote:3"].statement
    assert "\n" not in objs["thm:8.7"].statement and "\n" not in objs["remark:8.8"].statement


def test_get():
    assert catalog.get("eq:8.17").latex.startswith(r"\langle v, \nabla^2 f(x)v \rangle")
    assert catalog.get("lemma:8.17").kind == "lemma"
    for bad in ("eq:8.169", "8.17", "lemma:8.99", ""):
        with pytest.raises(KeyError):
            catalog.get(bad)


@pytest.mark.parametrize("typed, ids", [
    ("eq:8.17", ["eq:8.17"]),
    ("8.17", ["eq:8.17", "lemma:8.17"]),
    ("(8.17)", ["eq:8.17"]),
    ("Lemma 8.17", ["lemma:8.17"]),
    ("lemma 8.17", ["lemma:8.17"]),
    ("lemma:8.17", ["lemma:8.17"]),
    ("Eq. (8.5)", ["eq:8.5"]),
    ("Theorem 8.35", ["thm:8.35"]),
    ("8.35", ["eq:8.35", "thm:8.35"]),
    ("8.104", ["eq:8.104"]),
    ("8.1", ["eq:8.1", "figure:8.1", "def:8.1"]),
    ("obs:1", ["obs:1"]),
    ("Observation 3", ["obs:3"]),
    ("Figure 8.5", ["figure:8.5"]),
    ("footnote 3", ["footnote:3"]),
])
def test_resolve(typed, ids):
    assert catalog.resolve(typed) == ids


def test_unknown_label_message_names_the_nearest():
    with pytest.raises(catalog.UnknownLabel) as e:
        catalog.resolve("eq:8.200")
    msg = str(e.value)
    assert isinstance(e.value, ValueError) and "\n" not in msg
    assert msg.startswith("unknown label 'eq:8.200'; nearest: eq:8.20, ")
    assert "eq:8.168" in e.value.suggestions  # the numerically closest equation
    assert e.value.label == "eq:8.200"


@pytest.mark.parametrize("typed, near", [
    ("thm:8.8", ["thm:8.7", "remark:8.8", "eq:8.8"]),  # numeric neighbour, same number elsewhere
    ("Lemma 8.16", ["lemma:8.17", "remark:8.16"]),
    ("8.169", ["eq:8.168"]),
    ("obs:4", ["obs:3"]),
    ("(8.17", ["eq:8.17"]),
])
def test_unknown_label_suggestions(typed, near):
    with pytest.raises(catalog.UnknownLabel) as e:
        catalog.resolve(typed)
    assert set(near) <= set(e.value.suggestions) and "\n" not in str(e.value)
    assert e.value.suggestions[0] == near[0]  # an adjacent number of the same kind comes first


def test_unknown_label_with_a_newline_stays_one_line():
    with pytest.raises(catalog.UnknownLabel) as e:
        catalog.resolve("eq:8.1\nrm -rf")
    assert "\n" not in str(e.value)


def test_parse_section():
    for typed in ("8.3.1", "sec:8.3.1", "§8.3.1", "Section 8.3.1", " 8.3.1 "):
        assert catalog.parse_section(typed) == "8.3.1"
    assert catalog.parse_section("§8.4") == "8.4"
    assert catalog.is_section("8.2.1") and not catalog.is_section("sec:8.2.1") and not catalog.is_section("8.9")
    with pytest.raises(catalog.UnknownSection) as e:
        catalog.parse_section("8.3.9")
    assert isinstance(e.value, ValueError) and "\n" not in str(e.value)
    assert str(e.value).startswith("unknown section '8.3.9'; nearest: ") and "8.3.3" in e.value.suggestions
    with pytest.raises(catalog.UnknownSection):
        catalog.parse_section("8.5")


def test_returned_dicts_are_copies():
    catalog.equations().clear()
    catalog.objects().clear()
    assert len(catalog.equations()) == 168 and len(catalog.objects()) == 50


def test_builder_rejects_an_untagged_display():
    with pytest.raises(ValueError, match="without an equation number"):
        build_catalog.build("8.1 Intro\n\n$$x = 1$$\n")
    with pytest.raises(ValueError, match="twice"):
        build_catalog.build("8.1 Intro\n\n$$x \\quad (8.1)$$\n\n$$y \\quad (8.1)$$\n")


@pytest.mark.skipif(not SEED.exists(), reason="the chapter (../shared/seed) is not beside the project")
def test_committed_catalog_matches_the_chapter():
    fresh = build_catalog.build(SEED.read_text(encoding="utf-8"), source=SEED.name)
    assert build_catalog.dumps(fresh) == COMMITTED.read_text(encoding="utf-8")
    assert fresh == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_a_continued_display_carries_its_left_hand_side():
    """(8.8) is printed as '= 2⟨x, v⟩² + …': the catalog gives it the chain's left-hand side back."""
    e = catalog.get("eq:8.8")
    assert e.latex.startswith("=") and e.lhs == r"\frac{1}{2} \langle v, \nabla^2 g(x) v \rangle"
    assert e.printed.startswith(r"\frac{1}{2} \langle v, \nabla^2 g(x) v \rangle = 2\langle x, v")
    assert catalog.get("eq:8.12").printed.startswith("f(x) = ")
    assert catalog.get("eq:8.1").lhs == ""  # not a continuation


def test_no_claim_text_holds_a_control_character():
    """A printed or corrected form written through a non-raw string turns \\text into a tab and \\beta into a
    backspace (two claims did, and their pages failed to typeset): no claim's texts hold control characters."""
    from verify.engine import registry

    bad = []
    for c in registry.all_claims():
        texts = [c.printed or "", c.title or ""] + [str(n) for n in (c.notes or ())]
        if c.erratum is not None:
            texts += [c.erratum.printed or "", c.erratum.corrected or "", c.erratum.explanation or ""]
        if any(ch in t for t in texts for ch in "\t\b\v\f\r"):
            bad.append(c.id)
    assert not bad, bad
