"""The scalar-implication checker used by the §8.3.2 proof-chain claims."""
import sympy as sp

from verify.chapter8.claims.mc_implication import Implication, box, check_implication


def _vars():
    V = box(("s", 0, 2), ("eps", 0, 1))
    return V, [v for v, _, _ in V]


def test_true_implication_is_proved_by_certificate():
    V, (s, e) = _vars()
    # s ≥ 1 − ε ⟹ s + 2ε ≥ 1:  s + 2ε − 1 = (s − 1 + ε) + ε
    imp = Implication(V, (s - 1 + e,), (s + 2 * e - 1,), ([(1, [("p", 0)]), (1, [("lo", e)])],))
    out = check_implication(imp)
    assert out.holds is True and out.counterexample is None


def test_false_implication_is_refuted_with_a_point():
    V, (s, e) = _vars()
    imp = Implication(V, (s - 1 + e,), (s - 1 + e / 2,), None)
    out = check_implication(imp)
    assert out.holds is False
    at = out.counterexample["at"]
    assert at["s"] - 1 + at["eps"] >= -1e-9 and at["s"] - 1 + at["eps"] / 2 < 0


def test_wrong_certificate_is_not_a_proof():
    V, (s, e) = _vars()
    imp = Implication(V, (s - 1 + e,), (s + 2 * e - 1,), ([(1, [("p", 0)])],))  # misses the + ε term
    out = check_implication(imp)
    assert out.holds is None  # no counterexample, no proof


def test_negative_coefficient_is_rejected():
    V, (s, e) = _vars()
    imp = Implication(V, (s - 1 + e,), (s - 1,), ([(1, [("p", 0)]), (-1, [("lo", e)])],))
    out = check_implication(imp)
    assert out.holds is False  # s = 1 − ε is feasible with s − 1 < 0; and the certificate is invalid anyway


def test_search_only_mode():
    V, (s, e) = _vars()
    imp = Implication(V, (s - 1 + e,), (s + 2 * e - 1,), None, accept_search=True)
    assert check_implication(imp).holds is True
