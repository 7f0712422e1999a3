"""The numeric path finds every isolated critical point, and says complete only when a count proves it.

Cross-check: wherever the exact path runs, the numeric path (default starts, seeds 0..4) finds the
same points with the same classes.
"""
import numpy as np
import pytest
import sympy as sp

from numeric import classify as C
from symbolic.chapter8 import landscapes as SL
pytestmark = pytest.mark.xdist_group("numeric-complete")

x, y = sp.symbols("x y", real=True)
R = sp.Rational

BANK = {
    "six-hump camel": ((4 - R(21, 10) * x**2 + x**4 / 3) * x**2 + x * y + (-4 + 4 * y**2) * y**2, (x, y)),
    "himmelblau": SL.textbook()["himmelblau"],
    # a maximum at the centre of a ring of four saddles, four minima outside (tilted: no symmetry)
    "egg crate": ((x**2 - 1) * (x**2 - 4) + (y**2 - 1) * (y**2 - 4) + x / 10 + y / 7, (x, y)),
    # the same ring around each of four maxima (−figure 8.3, tilted)
    "four peaks": (-((x**2 - 1) ** 2) - (y**2 - 1) ** 2 + x / 5 - y / 9, (x, y)),
    "figure-8.3": SL.figure_8_3(),
    "double-well": SL.textbook()["double-well"],
}


@pytest.fixture(scope="module")
def exact():
    return {name: C.critical_points(f, vs) for name, (f, vs) in BANK.items()}


@pytest.mark.parametrize("name", list(BANK))
def test_numeric_path_finds_every_exact_point_and_proves_it_by_count(exact, name):
    """Default starts, seeds 0..4 (the deterministic grid is the same for every seed; the random starts differ)."""
    f, vs = BANK[name]
    E = exact[name]
    assert E.complete and E.method.startswith("exact")
    want = sorted((tuple(np.round(p.x, 8)), p.label) for p in E.points)
    for seed in range(5):
        L = C.critical_points(f, vs, exact=False, seed=seed)
        got = sorted((tuple(np.round(p.x, 8)), p.label) for p in L.points)
        assert got == want, (name, seed)
        # every point real and nondegenerate, as many as Bézout allows: complete
        assert L.complete == (len(want) == C.bezout_bound(f, vs)), (name, seed)
    assert name == "double-well" or L.complete


def test_fewer_points_than_bezout_is_not_complete():
    f, vs = BANK["double-well"]  # ∂ₓ cubic, ∂ᵧ linear: bound 3, three real points — complete
    assert C.critical_points(f, vs, exact=False).complete
    g = x**4 / 4 + x + y**2  # bound 3 (3·1): x³ = −1 has one real root, two complex ones the count cannot see
    L = C.critical_points(g, (x, y), exact=False)
    assert len(L.points) == 1
    assert not L.complete and "completeness not shown" in L.notes[-1]
