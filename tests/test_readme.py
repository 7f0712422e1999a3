"""The README's "Writing a claim" example runs as pasted and its check verifies it."""
import re
from pathlib import Path

from verify.engine import registry
from verify.engine.profiles import get_profile
from verify.run.claim_runner import run_claim

README = Path(__file__).resolve().parents[1] / "README.md"


def snippet() -> str:
    section = README.read_text(encoding="utf-8").split("## Writing a claim", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_readme_example_claim_runs_as_pasted_and_is_verified():
    code = snippet()
    new_id = re.search(r'claim\(id="([^"]+)"', code).group(1)
    assert new_id not in registry.load()  # pasting it into verify/claims/ must not clash with a real claim
    try:
        exec(compile(code, "README.md", "exec"), {"__name__": "verify.chapter8.claims.readme_example"})
        c = registry.get(new_id)
        ev = run_claim(c, get_profile("ci"))
        assert ev.status == "verified" and ev.problems() == [], ev.problems()
        assert ev.killed == len(ev.mutants) == 1
    finally:
        registry._CLAIMS.pop(new_id, None)
