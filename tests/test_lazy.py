"""Declaring claims runs no derivation: statements are built lazily, once, when a check needs them."""
import os
import subprocess
import sys
from pathlib import Path

from verify.engine.lazy import Lazy, force, lazy

ROOT = Path(__file__).resolve().parents[1]


def test_lazy_builds_once_on_first_use():
    calls = []
    v = lazy(lambda: calls.append(1) or 42)
    assert calls == [] and force(v) == 42 and force(v) == 42 and calls == [1]
    assert force(7) == 7 and isinstance(v, Lazy)
    assert repr(v).startswith("lazy(test_lazy.py:")  # stable: where it was declared


def test_loading_the_registry_derives_nothing():
    """The SymPy derivations (matrix-calculus gradient, generic Hessian) are not run at import."""
    code = ("from symbolic.chapter8 import pca\n"
            "calls = []\n"
            "for name in ('gradient_matrix_calculus', 'hessian_matrix_generic', 'objective'):\n"
            "    f = getattr(pca, name)\n"
            "    def wrap(*a, _f=f, _n=name, **k):\n"
            "        calls.append(_n)\n"
            "        return _f(*a, **k)\n"
            "    setattr(pca, name, wrap)\n"
            "from verify.engine import registry\n"
            "registry.load()\n"
            "print(sorted(set(calls)))\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip() == "[]"
