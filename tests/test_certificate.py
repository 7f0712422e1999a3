"""Exact certificates for chains of polynomial inequalities (verify.engine.checks.certificate)."""
import sympy as sp

from verify.engine.checks.certificate import Link, prove_chain

x, y = sp.symbols("x y", real=True)
BOX = ((x, 0, 2), (y, 0, 2))


def test_a_multiplier_must_be_a_positive_constant_plus_nonnegative_terms():
    # premise x·y − 1 ≥ 0 on the box; x + y − 2 ≥ 0 via x(x + y − 2) = (x − 1)² + (xy − 1)
    links = [Link("sum", x + y - 2, ((1, ("xy",)), (1, ("sq",))), multiplier=((1, ()), (1, ("x-lo",))))]
    ok, steps = prove_chain(BOX, {"xy": x * y - 1, "sq": (x - 1) ** 2}, links)
    assert not ok  # multiplier 1 + x, not x: the identity does not reduce
    links = [Link("sum", x + y - 2, ((1, ("xy",)), (1, ("sq",))), multiplier=((0, ()), (1, ("x-lo",))))]
    ok, _ = prove_chain(BOX, {"xy": x * y - 1, "sq": (x - 1) ** 2}, links)
    assert not ok  # a multiplier with no positive constant is not known to be > 0


def test_a_negative_coefficient_or_unknown_atom_is_no_certificate():
    good = [Link("a", x + 1, ((1, ("x-lo",)), (1, ())))]
    assert prove_chain(BOX, {}, good)[0]
    assert not prove_chain(BOX, {}, [Link("a", x - 1, ((1, ("x-lo",)), (-1, ())))])[0]
    assert not prove_chain(BOX, {}, [Link("a", x, ((1, ("z-lo",)),))])[0]


def test_proved_facts_feed_later_links():
    links = [Link("a", x + 1, ((1, ("x-lo",)), (1, ()))), Link("b", 2 * x + 2, ((2, ("a",)),))]
    ok, steps = prove_chain(BOX, {}, links)
    assert ok and [s.holds for s in steps] == [True, True]
