"""An equation's colour is the verdict on the equation itself: an erratum that sits on a sentence beside it
(erratum_equations = ("prose",)) leaves a definition coloured as a definition (issue 21: (8.1) was yellow)."""
from types import SimpleNamespace

from verify.engine import registry
from verify.faces.results_json import _equation_status


def _ev(claim, status):
    return SimpleNamespace(claim=claim, status=status)


def test_eq_8_1_erratum_is_on_the_sentence_not_the_definition():
    c = registry.get("eq:8.1")
    assert c.erratum is not None and c.kind == "definition" and tuple(c.erratum_equations) == ("prose",)
    assert _equation_status(_ev(c, "erratum"), "8.1") == "definition"


def test_an_erratum_on_every_equation_still_colours_them():
    c = registry.get("eq:8.1")
    everywhere = SimpleNamespace(**{**c.__dict__, "erratum_equations": ()})
    assert _equation_status(_ev(everywhere, "erratum"), "8.1") == "erratum"
