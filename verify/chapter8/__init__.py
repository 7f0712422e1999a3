"""Chapter 8, "Nonconvex Optimization": the content this project checks first.

Its catalog and a copy of the chapter (``data/``), its claims (``claims/``), the experiments'
plans (``sweep_plans``), the figures (``figures/``), the prose coverage (``coverage``) and the
report's tables of asymptotics and approximations.  The engine finds it through ``TEXT``
(``verify.engine.text``); nothing outside this package imports it by name.
"""
from pathlib import Path

from verify.engine.text import Text

_HERE = Path(__file__).resolve().parent

TEXT = Text(
    name="chapter8",
    title="Chapter 8, Nonconvex Optimization",
    data=_HERE / "data",
    claims="verify.chapter8.claims",
    root=_HERE.parents[1],
    source="chapter8.md",
    figures="verify.chapter8.figures",
    sweep_plans="verify.chapter8.sweep_plans",
    uncovered="verify.chapter8.coverage:uncovered",
    readings="verify.chapter8.coverage:informal_without_reading",
    report_sections="verify.chapter8.report_sections:render",
    seed_source=_HERE.parents[2] / "shared" / "seed" / "chapter8-nonconvex-optimization.md",
    editorial_notes=(("Here are some observations to :",
                      "a word is missing after \u201cto\u201d, as printed (perhaps \u201ckeep in mind\u201d)"),),
)
