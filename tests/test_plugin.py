"""The pytest face: claims are items named by id; a tightened claim fails with a shrunk counterexample."""
import pytest

pytest_plugins = ["pytester"]

TIGHTENED = '''
from dataclasses import dataclass
from hypothesis import strategies as st
from verify.engine.claim import Mutant
from verify.engine.registry import claim
from verify.engine.falsify import search

@dataclass(frozen=True)
class Bound:
    c: float

def check(stmt, ctx):
    # (1/3 - e/3)^2 - e >= c on [0, 1/16]; true for c = 1/32, false for c = 1/16
    return search(st.floats(0, 1 / 16), lambda e: (1 / 3 - e / 3) ** 2 - e - stmt.c, ctx, name="t")

claim(id="sec:8.3.2:toy-tightened", section="8.3.2", kind="inequality", title="toy",
      printed="(1/3-e/3)^2 - e >= c", statement=Bound(C), check=check, mutants=[Mutant("c = 1", Bound(1.0))])
'''


def _project(pytester, c):
    pytester.makeconftest(TIGHTENED.replace("Bound(C)", f"Bound({c})"))
    pytester.makefile(".verify", claims="sec:8.3.2:toy-tightened\neq:8.8\n")


def test_true_claim_passes_and_items_are_named_by_id(pytester):
    _project(pytester, "1/32")
    r = pytester.runpytest_subprocess("-v", "-p", "no:cacheprovider")
    r.assert_outcomes(passed=2)
    r.stdout.fnmatch_lines(["*claims.verify::eq:8.8 PASSED*", "*claims.verify::sec:8.3.2:toy-tightened PASSED*"])


def test_tightened_constant_fails_with_a_shrunk_counterexample(pytester):
    _project(pytester, "1/16")
    r = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    r.assert_outcomes(passed=1, failed=1)
    r.stdout.fnmatch_lines(["*verdict refuted, expected verified*", "*counterexample to the printed form: 0.0625*"])


def test_section_markers_select(pytester):
    _project(pytester, "1/32")
    r = pytester.runpytest_subprocess("-m", "sec_8_3_1", "-p", "no:cacheprovider")
    r.assert_outcomes(passed=1, deselected=1)
