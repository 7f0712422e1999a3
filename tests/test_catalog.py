"""The catalog holds every label of the chapter as printed, and resolves what users type."""
import json
from pathlib import Path

import pytest

from verify import build_catalog, catalog

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "chapter8-nonconvex-optimization.md"


def test_all_168_equations_contiguous():
    eqs = catalog.equations()
    assert list(eqs) == [f"8.{k}" for k in range(1, 169)]


@pytest.mark.parametrize("label, section, snippet", [
    ("8.1", "8.3.1", r"\frac{1}{2} \|M - xx^\top\|_F^2"),
    ("8.5", "8.3.1", r"\begin{aligned}"),
    ("8.9", "8.3.1", r"\langle v_1, \nabla^2 g(x) v_1 \rangle"),
    ("8.11", "8.3.2", r"\sum_{(i,j) \in \Omega}"),
    ("8.53", "8.3.3", r"T_{ijkl}"),
    ("8.104", "8.4.2", r"\frac{\mu}{2}"),
    ("8.166", "8.4.3", r"\phi_{\text{relu}}"),
    ("8.168", "8.4.3", "x_1 x_2"),
])
def test_equations_printed_and_placed(label, section, snippet):
    e = catalog.equations()[label]
    assert e.section == section and snippet in e.latex and "\\quad (" not in e.latex


def test_numbered_objects_present():
    objs = catalog.objects()
    expected = (
        ["def:8.1", "def:8.4", "def:8.9", "def:8.10", "def:8.12", "def:8.24", "example:8.2", "example:8.34"]
        + [f"thm:8.{k}" for k in (3, 5, 6, 7, 14, 23, 33, 35)]
        + [f"lemma:8.{k}" for k in (17, 18, 19, 20, 21, 22, 25, 28)]
        + [f"remark:8.{k}" for k in (8, 11, 13, 15, 16, 26, 27, 29, 30, 31, 32)]
        + ["obs:1", "obs:2", "obs:3"] + [f"figure:8.{k}" for k in range(1, 9)] + [f"footnote:{k}" for k in range(1, 5)]
    )
    assert sorted(objs) == sorted(expected)
    assert objs["def:8.4"].title.startswith("Strict-saddle condition")
    assert objs["lemma:8.20"].section == "8.3.2" and objs["thm:8.33"].section == "8.4.2"


@pytest.mark.parametrize("typed, ids", [
    ("8.17", ["eq:8.17", "lemma:8.17"]),
    ("(8.17)", ["eq:8.17"]),
    ("eq:8.17", ["eq:8.17"]),
    ("Lemma 8.17", ["lemma:8.17"]),
    ("lemma 8.17", ["lemma:8.17"]),
    ("obs:1", ["obs:1"]),
    ("8.104", ["eq:8.104"]),
])
def test_resolve(typed, ids):
    assert catalog.resolve(typed) == ids


def test_unknown_label_suggests_neighbours():
    with pytest.raises(catalog.UnknownLabel) as e:
        catalog.resolve("eq:8.200")
    msg = str(e.value)
    assert "\n" not in msg and "eq:8.20" in msg


def test_sections():
    assert catalog.parse_section("§8.3.1") == catalog.parse_section("sec:8.3.1") == "8.3.1"
    with pytest.raises(catalog.UnknownSection):
        catalog.parse_section("8.9.9")


@pytest.mark.skipif(not SEED.exists(), reason="the chapter (../shared/seed) is not beside the project")
def test_committed_catalog_matches_the_chapter():
    fresh = build_catalog.build(SEED.read_text(encoding="utf-8"))
    committed = json.loads((Path(build_catalog.__file__).parent / "data" / "catalog.json").read_text(encoding="utf-8"))
    assert fresh == committed
