"""Critical sets of every dimension: the bank of functions with known critical curves and surfaces.

For each: the number of components, their dimensions and classes; every SOS certificate is
re-checked exactly, and a tampered certificate fails the check (the check can fail).
"""
from fractions import Fraction

import pytest
import sympy as sp

from numeric import classify as C
from numeric import critical_sets as CS
from numeric import sos as NS
from symbolic import components as CO
from symbolic import sos as S

# one xdist worker builds the module fixture and runs its tests (tasks.py test: --dist loadgroup)
pytestmark = pytest.mark.xdist_group("critical-sets")

x, y, z = sp.symbols("x y z", real=True)

# name -> (f, variables, [(dimension, value, class label)] sorted as the classifier sorts, global minimum value)
BANK = {
    "cone of minima": ((x**2 + y**2 - z**2) ** 2, (x, y, z),
                       [(2, 0, "Morse–Bott minimum near the point, global minima")], 0),
    "circle of maxima": (-(x**2 + y**2 - 1) ** 2, (x, y),
                         [(0, -1, "minimum"), (1, 0, "Morse–Bott maximum")], None),
    "saddle circle": (z * (x**2 + y**2 - 1), (x, y, z), [(1, 0, "strict saddle")], None),
    "sombrero": ((x**2 + y**2 - 1) ** 2, (x, y),
                 [(1, 0, "Morse–Bott minimum, global minima"), (0, 1, "maximum")], 0),
    "circle in space": ((x**2 + y**2 - 1) ** 2 + z**2, (x, y, z),
                        [(1, 0, "Morse–Bott minimum, global minima"), (0, 1, "strict saddle")], 0),
    # each axis: Morse–Bott minima on its two open half-lines (the class of every arc, proved by stratifying),
    # the crossing a special point reported on its own
    "cross of minima": (x**2 * y**2, (x, y),
                        [(1, 0, "Morse–Bott minimum, global minima")] * 2, 0),
    "flat cubic circle": ((x**2 + y**2 - 1) ** 3, (x, y),
                          [(0, -1, "minimum, global minima"), (1, 0, "degenerate: not an extremum")], -1),
}


@pytest.fixture(scope="module")
def results():
    return {name: CS.classify_critical_set(f, vs) for name, (f, vs, _, _) in BANK.items()}


@pytest.mark.parametrize("name", list(BANK))
def test_components_dimensions_and_classes(results, name):
    _, _, expected, _ = BANK[name]
    got = [(c.dimension, c.value, c.label) for c in results[name].components]
    assert got == [(d, sp.Integer(v), lab) for d, v, lab in expected]


@pytest.mark.parametrize("name", list(BANK))
def test_every_component_has_a_point_on_it_and_is_smooth_there(results, name):
    f, vs, _, _ = BANK[name]
    for c in results[name].components:
        pt = c.point.coords()
        assert all(sp.simplify(e.subs(dict(zip(vs, pt)))) == 0 for e in c.equations)
        assert all(sp.simplify(g.subs(dict(zip(vs, pt)))) == 0 for g in sp.Matrix([f]).jacobian(vs))
        assert c.smooth


@pytest.mark.parametrize("name", [n for n in BANK if BANK[n][3] is not None])
def test_global_minima_carry_an_exact_certificate(results, name):
    f, vs, _, fmin = BANK[name]
    b = results[name].bound
    assert b.attained and b.value == fmin
    assert b.certificate.check()  # from scratch: LDLᵀ in rationals, the identity in SymPy
    assert all(c.global_min for c in results[name].components if c.value == fmin)


def test_tampered_certificate_fails():
    cert = CS.classify_critical_set((x**2 + y**2 - 1) ** 2 + z**2, (x, y, z)).bound.certificate
    bad = S.Certificate(cert.f, cert.vs, cert.c + sp.Rational(1, 10**9), cert.polys, cert.Q, cert.pivots)
    assert not bad.check()
    Q = cert.Q.copy()
    Q[0, 0] = -Q[0, 0]
    assert not S.Certificate(cert.f, cert.vs, cert.c, cert.polys, Q, cert.pivots).check()


def test_ldl_decides_semidefiniteness_exactly():
    F = Fraction
    assert S.ldl_psd([[F(1), F(1)], [F(1), F(1)]])[0]  # PSD, singular
    assert not S.ldl_psd([[F(1), F(1)], [F(1), F(1) - F(1, 10**30)]])[0]
    assert not S.ldl_psd([[F(0), F(1)], [F(1), F(5)]])[0]  # zero pivot, nonzero row


def test_motzkin_a_float_sos_is_not_a_proof():
    """Motzkin's polynomial is ≥ 0 (minimum 0 at (±1, ±1)) but f − c is never SOS: no certificate, so its
    four minima stay local minima, not proved global; its axes carry a normal eigenvalue that changes sign: each
    axis is stratified into arcs of Morse–Bott maxima (0 < |t| < √3) and minima (|t| > √3) and special points."""
    f = x**4 * y**2 + x**2 * y**4 - 3 * x**2 * y**2 + 1
    R = CS.classify_critical_set(f, (x, y))
    assert R.bound.value is None and R.bound.certificate is None
    mins = [c for c in R.components if c.dimension == 0]
    assert len(mins) == 4 and all(c.local_min and not c.global_min for c in mins)
    axes = [c for c in R.components if c.dimension == 1]
    assert len(axes) == 2 and all(c.kind == "mixed: Morse–Bott maximum / Morse–Bott minimum" for c in axes)
    assert all(c.local_max is False and c.local_min is False for c in axes)  # the set holds both kinds
    for c in axes:
        arcs = {st.kind for st in c.strata if st.dimension == 1}
        assert arcs == {"Morse–Bott maximum", "Morse–Bott minimum"}
        assert sum(1 for st in c.strata if st.dimension == 0) == 3  # the origin and (0, ±√3) or (±√3, 0)


def test_lower_bound_below_the_optimum_when_no_candidate():
    f = x**4 + y**4 + x * y + x
    b = NS.certified_lower_bound(f, (x, y))
    assert b.value is not None and not b.attained and b.certificate.check()
    assert b.value <= b.float_value


def test_value_split_needs_every_critical_value():
    f = (x**2 + y**2 - 1) ** 2
    G = CO.groebner([sp.diff(f, v) for v in (x, y)], (x, y))
    assert CO.value_split(f, (x, y), G, [0, 1])[1].startswith("critical values 0, 1: Π(f − cⱼ) ∈ √")
    # a missing value is not accepted: the eliminant is used instead
    assert "lex elimination" in CO.value_split(f, (x, y), G, [0])[1]


def test_classifier_reports_components_and_is_complete():
    """The issue's new user: a curve of global minima is one component, not a hundred undecided points."""
    f = (x**2 + y**2 - 1) ** 2
    L = C.critical_points(f, (x, y))
    assert L.complete and len(L.components) == 1 and L.components[0].global_min
    assert [p.label for p in L.points] == ["maximum"]
    assert len(L.summary()) == 4  # the point, the component, the bound, what "complete" means here


def test_facial_reduction_drops_the_solver_kernel():
    """A Gram matrix with a kernel direction (here p₁ − p₂ carries no weight): the basis loses it, exactly."""
    import numpy as np

    F = Fraction
    polys = [{(1, 0): F(1)}, {(0, 1): F(1)}, {(0, 0): F(1)}]
    Qf = np.array([[1.0, 1.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 2.0]]) + 1e-12
    out = NS._reduce_face(polys, Qf)
    assert len(out) == 2
    # every new polynomial is orthogonal to the kernel vector (1, −1, 0): coefficients of x and y agree
    assert all(p.get((1, 0), 0) == p.get((0, 1), 0) for p in out)
    assert NS._reduce_face(polys, np.eye(3)) is None  # no kernel: nothing to drop
