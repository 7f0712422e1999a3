"""The pytest face: every claim is a test item, named by its id.

A ``*.verify`` file under the test paths lists selectors (sections or labels, one a
line; empty means every claim); each claim it selects becomes an item that fails
when its verdict differs from the declared one (a counterexample to a claim that
should hold, a stale erratum) or when a mutant survives.  Items carry a marker per
section and its ancestors: ``-m sec_8_3_1``, ``-m sec_8_3``.
"""
from __future__ import annotations

import os

import pytest

from verify.engine import catalog, registry
from verify.engine.profiles import get_profile
from verify.run.claim_runner import run_claim


def pytest_addoption(parser):
    group = parser.getgroup("nonconvex-verify")
    group.addoption(
        "--verify-profile",
        default=os.environ.get("VERIFY_PROFILE", "ci"),
        help="claim-check profile: ci (default), report, thorough",
    )
    # a string here, checked in pytest_configure by the CLI's own rule: a bad $VERIFY_SEED is one usage error
    group.addoption("--verify-seed", default=os.environ.get("VERIFY_SEED", "0"),
                    help="seed of every random stream, an integer in [0, 2**32) (default 0, or $VERIFY_SEED)")


def section_markers(section: str) -> list[str]:
    parts = section.split(".")
    return ["sec_" + "_".join(parts[:k]) for k in range(2, len(parts) + 1)]


def pytest_configure(config):
    from verify.faces.cli import parse_seed

    try:  # a bad profile is one usage error, not a failure of every claim
        get_profile(config.getoption("--verify-profile"))
    except ValueError as e:
        raise pytest.UsageError(f"--verify-profile: {e}") from None
    raw = config.getoption("--verify-seed")
    try:  # what `verify check --seed` refuses, the plugin refuses too
        config.option.verify_seed = parse_seed(raw)
    except ValueError as e:
        src = "$VERIFY_SEED" if raw == os.environ.get("VERIFY_SEED") and "--verify-seed" not in " ".join(
            config.invocation_params.args) else "--verify-seed"
        raise pytest.UsageError(f"{src}: {e}") from None
    from numeric.sweeps import cache

    cache.hypothesis_home()  # hypothesis' own files go to the cache, not to .hypothesis/ in the current directory
    for sec in catalog.sections():
        for m in section_markers(sec):
            config.addinivalue_line("markers", f"{m}: claims of section {m[4:].replace('_', '.')}")
    config.addinivalue_line("markers", "claim: a claim of the chapter checked by nonconvex-verify")
    for kind in ("identity", "inequality", "high_probability", "asymptotic", "algorithmic", "definition", "informal"):
        config.addinivalue_line("markers", f"kind_{kind}: claims of kind {kind}")


def pytest_collect_file(file_path, parent):
    if file_path.suffix == ".verify":
        return ClaimFile.from_parent(parent, path=file_path)
    return None


class ClaimFile(pytest.File):
    def collect(self):
        selectors = [
            ln.split("#", 1)[0].strip()
            for ln in self.path.read_text(encoding="utf-8").splitlines()
        ]
        for c in registry.select([s for s in selectors if s]):
            item = ClaimItem.from_parent(self, name=c.id, claim=c)
            item.add_marker("claim")
            item.add_marker("kind_" + c.kind.replace("-", "_"))
            for m in section_markers(c.section):
                item.add_marker(m)
            yield item


class ClaimFailure(Exception):
    def __init__(self, evidence, problems):
        super().__init__("; ".join(problems))
        self.evidence = evidence
        self.problems = problems


class ClaimItem(pytest.Item):
    def __init__(self, *, claim, **kw):
        super().__init__(**kw)
        self.claim = claim
        self.evidence = None

    def runtest(self):
        cfg = self.config
        profile = get_profile(cfg.getoption("--verify-profile"))
        self.evidence = run_claim(self.claim, profile, seed=cfg.getoption("--verify-seed"))
        problems = self.evidence.problems()
        if problems:
            raise ClaimFailure(self.evidence, problems)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, ClaimFailure):
            ev = excinfo.value.evidence
            c = self.claim
            lines = [
                f"{c.id} ({c.kind}, §{c.section}): {c.title}",
                f"  printed: {c.printed}",
                f"  verdict: {ev.status} (expected {c.expected_status}); "
                f"mutants killed {ev.killed}/{len(ev.mutants)}",
            ]
            lines += [f"  - {p}" for p in excinfo.value.problems]
            return "\n".join(lines)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, None, f"claim {self.claim.id}"
