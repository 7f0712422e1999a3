"""The claim index is a faithful, cheap copy of the registry: lookups agree with it and import no claim."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from verify.faces import claims_index as index

from verify.engine import registry
ROOT = Path(__file__).resolve().parents[1]


def test_index_agrees_with_the_registry():
    assert list(index.claims()) == [index.info_of(c) for c in registry.all_claims()]


@pytest.mark.parametrize("sel", ["8.8", "eq:8.9", "8.3.1", "sec:8.4", "lemma:8.17", "8.3", "sec:8.3.2:trace-rule",
                                 "thm:8.7", "figure:8.4"])
def test_selection_from_the_index_is_the_registrys(sel):
    try:
        want = [c.id for c in registry.select([sel])]
    except registry.NoClaim:
        with pytest.raises(registry.NoClaim):
            registry.select([sel], index.claims())
        return
    assert [c.id for c in registry.select([sel], index.claims())] == want


def test_used_by_from_the_index_is_the_registrys():
    for cid in ("eq:8.8", "lemma:8.17", "def:8.12"):
        assert index.used_by(cid) == registry.used_by(cid)


def test_a_stale_index_is_rebuilt_from_the_registry(tmp_path, monkeypatch):
    stale = tmp_path / "claims_index.json"
    stale.write_text(json.dumps({"version": index.VERSION, "fingerprint": "old", "claims": [
        {"id": "eq:8.8", "section": "8.3.1", "kind": "identity", "title": "stale", "printed": ""}]}))
    monkeypatch.setattr(index, "index_path", lambda: stale)
    index.claims.cache_clear()
    try:
        fresh = index.claims()
        assert len(fresh) == len(registry.all_claims()) and fresh[0].title != "stale"
        assert json.loads(stale.read_text())["fingerprint"] == index.fingerprint()
    finally:
        index.claims.cache_clear()


def test_lookups_import_neither_claims_nor_sympy():
    code = ("import sys, io, contextlib\n"
            "from verify.faces.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['list']) == 0 and main(['show', '8.8']) == 0 and main(['list', '8.3.1']) == 0\n"
            "heavy = [m for m in sys.modules if m.startswith(('verify.chapter8.claims', 'sympy', 'numpy', 'hypothesis'))]\n"
            "print(heavy)\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "[]"
