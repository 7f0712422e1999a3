"""Critical points and their classes on the textbook cases (exact and numeric paths)."""
import numpy as np
import pytest
import sympy as sp

from numeric import classify as C
from symbolic import critical_points as scp
from symbolic.chapter8 import landscapes as SL
x, y = sp.symbols("x y", real=True)
BANK = SL.textbook()


def counts(name, **kw):
    f, vs = BANK[name]
    return C.critical_points(f, vs, **kw)


def test_himmelblau_four_minima_one_maximum_four_saddles():
    L = counts("himmelblau")
    assert L.complete
    assert L.counts() == {"minimum": 4, "maximum": 1, "strict saddle": 4}
    for p in L.of("minimum"):
        assert abs(p.value) < 1e-30  # all four minima are global (f = 0)
    assert any(p.exact == (3, 2) for p in L.points)


def test_sympy_solve_drops_himmelblau_points_but_ours_does_not():
    f, vs = BANK["himmelblau"]
    assert len(sp.solve(scp.gradient(f, vs), vs, dict=True)) < 9
    assert len(scp.solve_polynomial(f, vs).points) == 9


@pytest.mark.parametrize("name, expected", [
    ("rosenbrock", {"minimum": 1}),
    ("double-well", {"minimum": 2, "strict saddle": 1}),
    ("x4+y4", {"degenerate: local minimum": 1}),
    ("x2+y4", {"degenerate: local minimum": 1}),
    ("x2-y4", {"degenerate: not an extremum": 1}),
    ("monkey", {"degenerate: not an extremum": 1}),
    ("example-8.2", {"degenerate: not an extremum": 1}),
    ("peano", {"degenerate: not an extremum": 1}),
    ("-x4-y4", {"degenerate: local maximum": 1}),
    ("figure-8.3", {"minimum": 4, "strict saddle": 4, "maximum": 1}),
])
def test_textbook_classes(name, expected):
    assert counts(name).counts() == expected


@pytest.mark.parametrize("name", ["example-8.2", "x2-y4", "monkey", "peano"])
def test_degenerate_non_minima_carry_a_checked_descent_curve(name):
    f, vs = BANK[name]
    (p,) = C.critical_points(f, vs).points
    ho = p.higher
    assert ho is not None and ho.descent_curve is not None
    t = sp.Symbol("t", positive=True)
    along = sp.expand(f.subs(dict(zip(vs, ho.descent_curve)), simultaneous=True))
    # the curve is re-checked on f itself: the lowest-order term is negative
    lowest = sp.Poly(along, t).terms()[-1]
    assert lowest[1] < 0
    assert any("descent curve" in e for e in p.evidence)


def test_peano_needs_a_curve_not_a_line():
    """Every line through 0 is a local minimum of (y − x²)(y − 2x²); the descent curve is a parabola."""
    f, vs = BANK["peano"]
    (p,) = C.critical_points(f, vs).points
    assert sp.degree(p.higher.descent_curve[1], sp.Symbol("t", positive=True)) == 2
    th = sp.Symbol("th")
    r = sp.Symbol("r", positive=True)
    line = sp.expand(f.subs({x: r * sp.cos(th), y: r * sp.sin(th)}))
    assert sp.simplify(line.coeff(r, 2) - sp.sin(th) ** 2) == 0  # positive unless sin θ = 0, where r⁴·2cos⁴θ > 0


def test_degenerate_minimum_has_a_higher_order_argument():
    (p,) = counts("x4+y4").points
    assert p.kind == "degenerate" and p.local_min
    assert any("positive definite" in e and "splitting lemma" in e for e in p.evidence)


def test_numeric_path_agrees_with_exact_on_nondegenerate_points():
    f, vs = BANK["himmelblau"]
    L = C.critical_points(f, vs, exact=False, box=(-5, 5), starts=150)
    assert L.counts() == {"minimum": 4, "maximum": 1, "strict saddle": 4}


def test_numeric_degenerate_point_is_recognised_and_decided_exactly():
    f, vs = BANK["monkey"]
    L = C.critical_points(f, vs, exact=False, starts=20, box=(-1, 1))
    assert L.counts() == {"degenerate: not an extremum": 1}
    assert L.points[0].method == "exact"


def test_non_polynomial_numeric():
    f = sp.sin(x) * sp.cos(y) + x**2 / 10
    L = C.critical_points(f, (x, y), box=(-2, 2), starts=40)
    assert not L.complete
    for p in L.points:
        assert p.grad_norm < 1e-30
        assert p.kind in ("minimum", "maximum", "strict saddle")


def _pca(lam):
    Q = SL.rational_orthogonal(3)
    return SL.pca_explicit(Q * sp.diag(*lam) * Q.T)


def test_pca_distinct_eigenvalues_exact():
    g, xs = _pca((3, 2, 1))
    L = C.critical_points(g, xs)
    assert L.complete and L.counts() == {"minimum": 2, "strict saddle": 4, "maximum": 1}
    # the saddles' most negative curvature is 2(λⱼ − λ₁) (the proof of Theorem 8.7)
    curv = sorted(round(p.lambda_min, 12) for p in L.strict_saddles)
    assert curv == [-4.0, -4.0, -2.0, -2.0]


def test_pca_repeated_top_eigenvalue_minima_are_certified_not_assumed():
    g, xs = _pca((2, 2, 1))
    L = C.critical_points(g, xs)
    assert L.complete  # the circle of minima is one component, its value proved minimal by exact SOS
    (circle,) = L.components
    assert circle.dimension == 1 and circle.global_min and circle.value == sp.Rational(5, 2)
    assert circle.kind == "Morse–Bott minimum" and circle.inertia_along
    assert L.bound.certificate.check()
    assert sorted(p.label for p in L.points) == ["maximum", "strict saddle", "strict saddle"]
    # without the decomposition: points on the circle, each certified by the smallest critical value
    L = C.critical_points(g, xs, box=(-2, 2), starts=30, components=False)
    assert not L.complete  # a circle of minima: the solver says positive-dimensional
    mins = L.local_minima
    assert mins and all(p.kind == "degenerate" for p in mins)
    assert all(any("smallest real critical value" in e for e in p.evidence) for p in mins)
    assert all(abs(p.value - 2.5) < 1e-30 for p in mins)  # ½(λ₃² + 0) ... = ½·(2² + 1²) − ½·2² = 2.5
    assert sorted(p.label for p in L.points if not p.local_min) == ["maximum", "strict saddle", "strict saddle"]


def test_lower_bound_certificate_and_undecided_without_one():
    g, xs = _pca((2, 2, 1))
    c = C._compiled(g, tuple(xs))
    xs_pt = np.array([np.sqrt(2.0), 0, 0])
    Q = np.array(SL.rational_orthogonal(3), dtype=float)
    xmp, _ = C.polish_mp(c, Q @ xs_pt)
    import mpmath
    with mpmath.workdps(60):
        fval = c["f_mp"](*xmp)
    ev, vec = C._eig(c, xmp, 50)
    pt = C.CriticalPoint(np.array([float(v) for v in xmp]), float(fval), ev, (2, 0, 1), "degenerate", None, None,
                         float(ev[0]), vec, "numeric")
    C._value_certificates(pt, sp.sin(xs[0]) + g, xs, None, fval, 50)  # not a polynomial: no certificate
    assert pt.local_min is None
    C._value_certificates(pt, g, xs, C.LowerBound(sp.Rational(5, 2), "Eckart–Young"), fval, 50)
    assert pt.local_min is True


def test_inertia_is_exact_at_algebraic_points():
    f, vs = BANK["himmelblau"]
    sol = scp.solve_polynomial(f, vs)
    H = scp.hessian(f, vs)
    irr = [P for P in sol.points if not P.is_rational]
    assert len(irr) == 8 and all(P.degree > 1 for P in irr)
    assert all(scp.inertia_at(H, P, vs).zero == 0 for P in irr)


def test_form_sign():
    u, v, w_ = sp.symbols("u v w")
    assert scp.form_sign(u**4 + v**4, [u, v]).kind == "pd"
    assert scp.form_sign(u**2 * v**2, [u, v]).kind == "psd"
    assert scp.form_sign(u**3 - 3 * u * v**2, [u, v]).kind == "indefinite"
    assert scp.form_sign(u**4 + v**4 + w_**4, [u, v, w_]).kind == "pd"
    fs = scp.form_sign(u**4 + v**4 - 3 * w_**4, [u, v, w_])
    assert fs.kind == "indefinite" and (fs.negative[2] ** 4 * 3 > fs.negative[0] ** 4 + fs.negative[1] ** 4)


def test_definition_81_neighbourhood_sampling():
    f, vs = BANK["example-8.2"]
    rows = C.neighbourhood_violation(f, vs, (0, 0), radii=(1e-2, 1e-4), samples=50)
    assert rows[-1][1] >= 0  # random samples miss the thin descent region ...
    (p,) = C.critical_points(f, vs).points
    rows = C.neighbourhood_violation(f, vs, (0, 0), radii=(1e-2, 1e-4), samples=50, curves=[p.higher.descent_curve])
    assert all(m < 0 for _, m, _ in rows)  # ... the classifier's descent curve finds it in every ball
    f, vs = BANK["x4+y4"]
    rows = C.neighbourhood_violation(f, vs, (0, 0), radii=(1e-2, 1e-4), samples=50)
    assert all(m >= 0 for _, m, _ in rows)


def test_four_variables_numeric_beyond_the_bezout_guard():
    xs = sp.symbols("a b c d", real=True)
    f = sum((v**2 - 1) ** 2 for v in xs) + sp.Rational(1, 10) * xs[0] * xs[1]
    L = C.critical_points(f, xs, box=(-1.5, 1.5), starts=100)
    assert "Bézout" in L.method
    assert L.counts() == {"minimum": 16, "strict saddle": 64, "maximum": 1}  # 3⁴ = 81 points, all found
    assert L.complete and "complete by count" in L.notes[-1]  # 81 = the Bézout bound 3⁴


def test_four_variables_degenerate_kernel_of_dimension_three():
    a, b, c, d = sp.symbols("a b c d", real=True)
    (p,) = C.critical_points(a**2 + b**4 + c**4 + d**4, (a, b, c, d)).points
    assert p.label == "degenerate: local minimum" and any("Gröbner elimination" in e for e in p.evidence)
    (q,) = C.critical_points(a**2 + b**4 + c**4 - d**4, (a, b, c, d)).points
    assert q.local_min is False and q.higher.descent_curve is not None
