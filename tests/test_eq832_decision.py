"""(8.32) is a deduction from Lemma 8.17 at the level ε of the pairs it uses: one violating point refutes it,
whatever the failure rate over instances (the −2ε mutant failed in only 3/12 instances at seed 5 and survived a
rate rule)."""
from types import SimpleNamespace

from verify.chapter8.claims import mc_f_lemmas as M


def _inst(s, c, eps):
    q = object()
    lv = SimpleNamespace(s=s, c=c, eps=eps, actual=1.0, via_pairs=1.0)
    return SimpleNamespace(d=80, p=0.2, zform=[(q, "z")], psd=[], lv832={id(q): lv}, _keep=q)


def _check(monkeypatch, constant):
    # one instance of twelve has ⟨z, ∇²g z⟩ = −3ε (s = ½): below −2ε, above −(8s + 2)ε = −6ε
    data = [_inst(0.5, (2 - 1 - 0.03) / 4, 0.01)] + [_inst(0.5, 0.25, 0.01) for _ in range(11)]
    monkeypatch.setattr(M, "_data", lambda ctx: data)
    monkeypatch.setattr(M, "_exact_check", lambda step, constant, ctx: [])  # the exact part: tests/test_mc_exact_steps.py
    return M._check_832(M.S832(constant), ctx=None)


def test_one_violation_in_twelve_refutes_the_deduction(monkeypatch):
    out = _check(monkeypatch, "2")
    assert out.holds is False and out.counterexample is not None


def test_the_corrected_constant_survives_the_same_points(monkeypatch):
    assert _check(monkeypatch, "8m²+2").holds is True
    assert _check(monkeypatch, "8s+2").holds is True  # the earlier correction survives these points; the bank breaks it
