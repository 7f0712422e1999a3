"""Critical points of a function of 2–4 variables, exactly, and what higher-order terms say.

Pure SymPy (no floats decide anything that is called exact):

* ``solve_polynomial`` — every real critical point of a polynomial with rational
  coefficients whose gradient system has finitely many complex solutions.  SymPy's
  ``solve`` is not used: it silently drops real roots given by casus irreducibilis
  radicals (5 of Himmelblau's 9 critical points).  Instead: a Gröbner basis, the
  radical (Seidenberg: add the squarefree part of the univariate eliminant of every
  variable), then a separating linear form t = Σ cᵢxᵢ so the lex basis is in shape
  position {xᵢ − pᵢ(t), q(t)} (shape lemma).  Each real root θ of an irreducible
  factor m of q is a point xᵢ = pᵢ(θ): an ``AlgebraicPoint``.
* exact arithmetic at such a point: a polynomial in x becomes a polynomial in θ
  reduced mod m, so "= 0" is decided exactly; a nonzero sign is read at 60 digits.
* ``inertia`` — the numbers of positive / negative / zero Hessian eigenvalues, exactly:
  zero eigenvalues are the vanishing trailing coefficients of the characteristic
  polynomial, the positive ones are its sign changes (Descartes' rule is exact for a
  polynomial with only real roots, and a symmetric matrix has only real eigenvalues).
* ``higher_order`` — the test when the Hessian is semidefinite and singular (rational
  points): with y = Ku + Rw (K spanning ker ∇²f, R its complement), solve ∂_w f = 0 for
  w = h(u) as a power series (implicit function theorem; ∂²_w f ≻ 0) and reduce to
  φ(u) = f(x* + Ku + Rh(u)) − f(x*).  By the splitting lemma x* is a local minimum of f iff
  0 is one of φ.  The lowest-order homogeneous part p_m of φ decides when it is definite
  (minimum) or takes a negative value (an explicit polynomial descent curve, re-checked
  directly on f); a semidefinite p_m with zeros is reported undecided.
* ``form_sign`` — the sign of a homogeneous form on the unit sphere: exact for 1 and 2
  variables (univariate real-root isolation), by the critical values on the sphere
  (Gröbner elimination) for more.
* ``critical_values`` / ``coercive`` — the univariate polynomial whose roots contain every
  critical value (elimination of x from {∇f = 0, f = c}); with a positive definite top form
  (f → ∞) a point whose value is the smallest real root is a global minimum.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

import sympy as sp

_T = sp.Symbol("_theta")
_C = sp.Symbol("_c")


# --- basics --------------------------------------------------------------------------------------
def gradient(f: sp.Expr, vs) -> list[sp.Expr]:
    return [sp.diff(f, v) for v in vs]


def hessian(f: sp.Expr, vs) -> sp.Matrix:
    return sp.hessian(f, list(vs))


def is_rational_polynomial(f: sp.Expr, vs) -> bool:
    """A polynomial in vs with rational coefficients (the exact solver's domain)."""
    if not f.is_polynomial(*vs):
        return False
    try:
        P = sp.Poly(sp.expand(f), *vs)
    except sp.PolynomialError:
        return False
    return all(c.is_Rational for c in P.coeffs())


def homogeneous_parts(p: sp.Expr, syms) -> dict[int, sp.Expr]:
    P = sp.Poly(sp.expand(p), *syms)
    parts: dict[int, sp.Expr] = {}
    for mon, c in P.terms():
        k = sum(mon)
        parts[k] = parts.get(k, 0) + c * sp.Mul(*[s**e for s, e in zip(syms, mon)])
    return {k: sp.expand(v) for k, v in parts.items() if sp.expand(v) != 0}


def truncate(p: sp.Expr, syms, deg: int) -> sp.Expr:
    """Drop every monomial of total degree > deg."""
    p = sp.expand(p)
    if p == 0:
        return p
    P = sp.Poly(p, *syms)
    return sp.Add(*[c * sp.Mul(*[s**e for s, e in zip(syms, mon)]) for mon, c in P.terms() if sum(mon) <= deg])


# --- algebraic points ----------------------------------------------------------------------------
@dataclass(frozen=True)
class AlgebraicPoint:
    """xᵢ = pᵢ(θ) with θ the ``index``-th real root of the irreducible ``minpoly`` (in _θ)."""

    polys: tuple[sp.Expr, ...]
    minpoly: sp.Expr
    index: int

    @property
    def degree(self) -> int:
        return sp.degree(self.minpoly, _T)

    @property
    def is_rational(self) -> bool:
        return self.degree == 1

    @property
    def theta(self):
        if self.is_rational:
            return sp.solve(self.minpoly, _T)[0]
        return sp.CRootOf(sp.Poly(self.minpoly, _T), self.index)

    def coords(self) -> tuple:
        th = self.theta
        return tuple(sp.nsimplify(p.subs(_T, th)) if self.is_rational else p.subs(_T, th) for p in self.polys)

    def evalf(self, dps: int = 50) -> list:
        import mpmath

        th = sp.N(self.theta, dps + 10)
        with mpmath.workdps(dps + 10):
            return [mpmath.mpf(sp.N(p.subs(_T, th), dps + 10)) for p in self.polys]

    def reduce(self, expr: sp.Expr, vs) -> sp.Expr:
        """expr(x) at the point, as a polynomial in θ of degree < deg m (exact)."""
        e = sp.expand(sp.sympify(expr).subs(dict(zip(vs, self.polys)), simultaneous=True))
        return sp.rem(sp.Poly(e, _T), sp.Poly(self.minpoly, _T)).as_expr() if e.has(_T) else e

    def is_zero(self, expr, vs) -> bool:
        return sp.expand(self.reduce(expr, vs)) == 0

    def value(self, expr, vs, dps: int = 60):
        """Numeric value at dps digits of an exactly reduced expression."""
        r = self.reduce(expr, vs)
        return sp.N(r.subs(_T, self.theta) if r.has(_T) else r, dps)

    def sign(self, expr, vs, dps: int = 60) -> int:
        r = self.reduce(expr, vs)
        if sp.expand(r) == 0:
            return 0
        if not r.has(_T):
            return int(sp.sign(r))
        for digits in (dps, 2 * dps, 4 * dps):
            v = sp.N(r.subs(_T, self.theta), digits)
            if abs(v) > sp.Float(10) ** (-(digits // 2)):
                return 1 if v > 0 else -1
        raise ArithmeticError("sign of a nonzero algebraic number not resolved at 240 digits")

    def exact_value(self, expr, vs):
        """expr at the point as an exact real algebraic number: a Rational, or CRootOf(μ, k) with μ the
        minimal polynomial of the value (the resultant of m(θ) and c − r(θ), factored; the factor and the
        root index chosen at 60 digits and checked to be the only root that close)."""
        r = sp.expand(self.reduce(expr, vs))
        if not r.has(_T):
            return sp.nsimplify(r) if r.is_Float else r
        val = self.value(expr, vs, 60)
        best = None
        for root, num in _value_roots(self.minpoly, r):
            d = abs(num - val)
            if best is None or d < best[0]:
                best = (d, root)
        return best[1]

    def describe(self) -> str:
        if self.is_rational:
            return str(tuple(self.coords()))
        return f"xᵢ = pᵢ(θ), θ = root #{self.index} of {sp.Poly(self.minpoly, _T).as_expr()}"


def _eliminant(polys, vs, v):
    others = [u for u in vs if u != v]
    G = sp.groebner(polys, *others, v, order="lex")
    uni = [g for g in G.exprs if g.free_symbols <= {v}]
    return uni[-1] if uni else None


def _shape_basis(polys, vs, coeffs):
    G = sp.groebner(list(polys) + [_T - sum(c * v for c, v in zip(coeffs, vs))], *vs, _T, order="lex")
    ex = list(G.exprs)
    if len(ex) != len(vs) + 1 or not ex[-1].free_symbols <= {_T}:
        return None
    ps = []
    for v, g in zip(vs, ex[:-1]):
        P = sp.Poly(g, *vs)
        others = [u for u in vs if u != v]
        if sp.degree(g, v) != 1 or any(g.has(u) for u in others):
            return None
        lc = sp.Poly(g, v).coeff_monomial(v)
        if lc.has(_T):
            return None
        ps.append(sp.expand(-(g - lc * v) / lc))
        del P
    return ps, ex[-1]


@dataclass
class ExactSolution:
    points: list[AlgebraicPoint]
    zero_dimensional: bool
    method: str
    notes: list[str] = field(default_factory=list)


def solve_polynomial(f: sp.Expr, vs) -> ExactSolution:
    """All real critical points of a rational polynomial f, when there are finitely many."""
    vs = list(vs)
    grad = [sp.expand(g) for g in gradient(f, vs)]
    if all(g == 0 for g in grad):
        return ExactSolution([], False, "constant function")
    return solve_system(grad, vs)


def solve_system(polys, vs) -> ExactSolution:
    """All real solutions of a rational polynomial system with finitely many complex solutions."""
    vs = list(vs)
    G = sp.groebner([sp.expand(p) for p in polys], *vs, order="grevlex")
    if G.exprs == [1]:
        return ExactSolution([], True, "Gröbner basis {1}: no complex solution")
    if not G.is_zero_dimensional:
        return ExactSolution([], False, "Gröbner basis: the critical set is positive-dimensional")
    rad = list(G.exprs)
    for v in vs:
        e = _eliminant(G.exprs, vs, v)
        rad.append(sp.Poly(e, v).sqf_part().as_expr())
    rad = list(sp.groebner(rad, *vs, order="grevlex").exprs)
    shape = None
    cands = [tuple(1 for _ in vs), tuple(range(1, len(vs) + 1))]
    cands += [tuple((3 * i + 7 * k) % 11 - 5 for i in range(len(vs))) for k in range(1, 12)]
    for cs in cands:
        if all(c == 0 for c in cs):
            continue
        shape = _shape_basis(rad, vs, cs)
        if shape is not None:
            sep = cs
            break
    if shape is None:
        raise ArithmeticError("no separating linear form found")
    ps, q = shape
    pts = []
    for m, _mult in sp.factor_list(sp.Poly(q, _T))[1]:
        nreal = m.count_roots()
        for k in range(nreal):
            mp_ = m.as_expr()
            red = tuple(sp.rem(sp.Poly(p, _T), m).as_expr() if sp.Poly(p, _T).degree() >= m.degree() else p for p in ps)
            pts.append(AlgebraicPoint(red, mp_, k))
    # order points by their numeric coordinates (stable, readable)
    pts.sort(key=lambda P: [float(c) for c in P.evalf(20)])
    return ExactSolution(pts, True, f"Gröbner basis, radical, separating form t = {sum(c * v for c, v in zip(sep, vs))}, "
                         f"shape lemma; {sp.degree(q, _T)} complex solutions, {len(pts)} real")


@lru_cache(maxsize=256)
def _value_roots(minpoly, r):
    """The real roots (exact, and at 60 digits) of the factors of res_θ(m(θ), c − r(θ))."""
    c = sp.Symbol("_cv")
    res = sp.resultant(sp.Poly(minpoly, _T), sp.Poly(c - r, _T))
    out = []
    for fac, _ in sp.factor_list(sp.Poly(res, c))[1]:
        out += [(root, sp.N(root, 60)) for root in fac.real_roots()]
    return tuple(out)


def number_text(v) -> str:
    """A real algebraic number exactly: a rational, radicals (degree ≤ 2), else 'root of μ(c) ≈ …'."""
    v = sp.sympify(v)
    if v.is_Rational:
        return str(v)
    if isinstance(v, sp.Symbol):
        return str(v)
    try:
        if isinstance(v, sp.CRootOf):
            mu = v.poly
            if mu.degree() <= 2:
                rad = [r for r in sp.roots(mu.as_expr(), mu.gen) if r.is_real]
                best = min(rad, key=lambda r: abs(sp.N(r - v, 30)))
                return str(sp.nsimplify(best)) if best.is_Rational else str(sp.simplify(best))
            return f"root of {mu.as_expr().subs(mu.gen, sp.Symbol('c'))} ≈ {sp.N(v, 12)}"
        if v.is_number and not v.has(sp.Float):
            return str(v)
    except Exception:  # noqa: BLE001 - display only
        pass
    return str(sp.N(v, 12))


# --- Hessian inertia -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Inertia:
    positive: int
    negative: int
    zero: int

    @property
    def definite(self) -> bool:
        return self.zero == 0 and (self.positive == 0 or self.negative == 0)


def exact_sign(v, rationalise: bool = False) -> int:
    """The sign of a real constant expression: SymPy's own is_positive/is_negative after simplification (and
    ``nsimplify`` when ``rationalise``), else the real part at 60 digits, refused (ValueError) below 1e-40 — an
    imaginary part of a radical expression with real value is rounding."""
    v = sp.simplify(v)
    if rationalise:
        v = sp.nsimplify(v)
    if v == 0:
        return 0
    if v.is_positive:
        return 1
    if v.is_negative:
        return -1
    n = sp.re(sp.N(v, 60))
    if abs(n) < sp.Float("1e-40"):
        raise ValueError(f"sign of {v} undecided")
    return 1 if n > 0 else -1


def charpoly_coeffs(H: sp.Matrix) -> list[sp.Expr]:
    """Coefficients of det(λI − H), highest power first."""
    lam = sp.Symbol("_lam")
    return [sp.expand(c) for c in H.charpoly(lam).all_coeffs()]


def inertia_at(H: sp.Matrix, P: AlgebraicPoint, vs) -> Inertia:
    """Exact inertia of the symmetric H(x) at an algebraic point (zero test exact, Descartes)."""
    coeffs = charpoly_coeffs(H)  # monic, degree n
    n = len(coeffs) - 1
    signs = [P.sign(c, vs) for c in coeffs]
    z = 0
    while z < n and signs[n - z] == 0:
        z += 1
    s = [x for x in signs[: n - z + 1] if x != 0]
    changes = sum(1 for a, b in zip(s, s[1:]) if a != b)
    return Inertia(changes, n - z - changes, z)


def inertia_rational(H: sp.Matrix) -> Inertia:
    P = AlgebraicPoint((), _T, 0)
    return inertia_at(H, P, [])


# --- sign of a form on the sphere ---------------------------------------------------------------
@dataclass(frozen=True)
class FormSign:
    kind: str  # 'pd' | 'nd' | 'indefinite' | 'psd' | 'nsd' | 'zero' | 'unknown'
    negative: tuple | None = None  # a rational direction with p < 0
    positive: tuple | None = None  # a rational direction with p > 0
    method: str = ""


def _rational_points_around_roots(q: sp.Poly) -> list[sp.Rational]:
    """Rational test points: in every gap between the isolated real roots of q, and outside them."""
    ivs = q.intervals() if q.degree() > 0 else []
    ends = sorted({sp.Rational(a) for (a, b), _ in ivs} | {sp.Rational(b) for (a, b), _ in ivs})
    pts = {sp.Integer(0), sp.Integer(1), sp.Integer(-1)}
    if ends:
        pts |= {ends[0] - 1, ends[-1] + 1}
        pts |= {(a + b) / 2 for a, b in zip(ends, ends[1:])}
        pts |= set(ends)
    return sorted(pts)


def _numeric_extreme_direction(p, syms, sign: int, starts: int = 16, samples: int = 4096):
    """A direction where sign·p < 0, searched numerically and returned as exact rationals (None if none found).

    ``samples`` random unit vectors are evaluated at once (the form lambdified over arrays); the best of them are
    tried rounded, then polished by Nelder–Mead from the ``starts`` best. A found direction is checked exactly;
    a miss only means no witness (the caller then says 'unknown', never a sign)."""
    import numpy as np
    from scipy.optimize import minimize

    fn = sp.lambdify([syms], sign * p, "numpy")
    rng = np.random.default_rng(0)
    U = rng.standard_normal((samples, len(syms)))
    U /= np.linalg.norm(U, axis=1, keepdims=True)
    with np.errstate(all="ignore"):
        vals = np.broadcast_to(np.asarray(fn(U.T), dtype=float), (samples,))
    order = np.argsort(np.where(np.isfinite(vals), vals, np.inf))[:starts]

    def exact(u):
        for den in (10, 100, 1000, 10**4, 10**6):
            ur = tuple(sp.Rational(round(c * den), den) for c in u)
            if any(c != 0 for c in ur) and sign * p.subs(dict(zip(syms, ur))) < 0:
                return ur
        return None

    if vals[order[0]] < 0 and (hit := exact(U[order[0]])) is not None:
        return hit
    best = None
    for i in order:
        r = minimize(lambda u: fn(u / np.linalg.norm(u)), U[i], method="Nelder-Mead",
                     options={"xatol": 1e-10, "fatol": 1e-14, "maxiter": 2000})
        if best is None or r.fun < best.fun:
            best = r
    return exact(best.x / np.linalg.norm(best.x))


def critical_values_on_sphere(p: sp.Expr, syms) -> sp.Poly | None:
    """Polynomial in c whose roots contain every critical value of the form p on the unit sphere."""
    deg = sp.Poly(p, *syms).total_degree()
    eqs = [sp.expand(sp.diff(p, s) - deg * _C * s) for s in syms] + [sum(s**2 for s in syms) - 1]
    G = sp.groebner(eqs, *syms, _C, order="lex")
    uni = [g for g in G.exprs if g.free_symbols <= {_C}]
    return sp.Poly(uni[-1], _C) if uni else None


def form_sign(p: sp.Expr, syms) -> FormSign:
    """Sign of a homogeneous polynomial p on the unit sphere, with rational witnesses."""
    p = sp.expand(p)
    syms = list(syms)
    if p == 0:
        return FormSign("zero", method="identically zero")
    deg = sp.Poly(p, *syms).total_degree()
    k = len(syms)
    neg = pos = None
    if deg % 2 == 1:
        # p(−u) = −p(u): a direction with p ≠ 0 gives both signs
        for u in itertools.product([0, 1, -1, 2], repeat=k):
            if any(u):
                val = p.subs(dict(zip(syms, u)))
                if val != 0:
                    u = tuple(sp.Integer(c) for c in u)
                    neg, pos = (u, tuple(-c for c in u)) if val < 0 else (tuple(-c for c in u), u)
                    return FormSign("indefinite", neg, pos, "odd degree: p(−u) = −p(u)")
        u = _numeric_extreme_direction(p, syms, 1)
        return FormSign("indefinite", u, tuple(-c for c in u), "odd degree: p(−u) = −p(u)")
    if k == 1:
        c = sp.Poly(p, *syms).coeffs()[0]
        one = (sp.Integer(1),)
        return FormSign("pd", positive=one, method="c·u^m, c > 0") if c > 0 else FormSign("nd", negative=one, method="c·u^m, c < 0")
    if k == 2:
        a, b = syms
        s = sp.Symbol("_s")
        q = sp.Poly(sp.expand(p.subs({a: 1, b: s})), s)
        lead = p.subs({a: 0, b: 1})  # sign at direction (0, 1)
        tests = [((sp.Integer(0), sp.Integer(1)), lead)]
        tests += [((sp.Integer(1), t), q.eval(t)) for t in _rational_points_around_roots(q)]
        for u, val in tests:
            if val < 0 and neg is None:
                neg = u
            if val > 0 and pos is None:
                pos = u
        roots = q.count_roots() if q.degree() > 0 else 0
        method = "exact: real-root isolation of p(1, s), and p(0, 1)"
        if neg is not None and pos is not None:
            return FormSign("indefinite", neg, pos, method)
        if neg is None and roots == 0 and lead != 0:
            return FormSign("pd", positive=pos, method=method)
        if pos is None and roots == 0 and lead != 0:
            return FormSign("nd", negative=neg, method=method)
        return FormSign("psd" if neg is None else "nsd", neg, pos, method + " (zeros on the circle)")
    # k ≥ 3: the critical values of p on the sphere (Gröbner elimination) bound p there exactly;
    # witnesses of a sign are searched numerically and checked exactly
    cv = critical_values_on_sphere(p, syms)
    roots = list(cv.real_roots()) if cv is not None else []
    method = (f"critical values of p on the sphere are roots of {cv.as_expr()} (Gröbner elimination)"
              if cv is not None else "no eliminant")
    if roots and min(roots) > 0:
        return FormSign("pd", None, None, method)
    if roots and max(roots) < 0:
        return FormSign("nd", None, None, method)
    # the smallest (largest) value of p on the sphere is a critical value: when every root is ≥ 0 (≤ 0) no
    # direction of the other sign exists, so none is searched for
    neg = None if roots and min(roots) >= 0 else _numeric_extreme_direction(p, syms, 1)
    pos = None if roots and max(roots) <= 0 else _numeric_extreme_direction(p, syms, -1)
    if neg is not None and pos is not None:
        return FormSign("indefinite", neg, pos, "rational witnesses of both signs (exact evaluation)")
    if roots and neg is None and min(roots) >= 0:
        return FormSign("psd", neg, pos, method)
    if roots and pos is None and max(roots) <= 0:
        return FormSign("nsd", neg, pos, method)
    return FormSign("unknown", neg, pos, method)


# --- the higher-order test ------------------------------------------------------------------------
@dataclass
class HigherOrder:
    verdict: str  # 'local minimum' | 'local maximum' | 'not an extremum' | 'not a local minimum' | 'not a local maximum' | 'undecided'
    order: int | None = None  # degree m of the lowest-order part of the reduced function
    lowest_form: sp.Expr | None = None  # p_m(u)
    kernel: list | None = None  # basis of ker ∇²f
    descent_curve: tuple | None = None  # x(t), polynomial in t, f(x(t)) − f(x*) < 0 for small t > 0
    descent_term: sp.Expr | None = None  # lowest term of f(x(t)) − f(x*)
    ascent_curve: tuple | None = None
    ascent_term: sp.Expr | None = None
    text: str = ""


def _taylor_shifted(f, vs, point, order):
    """f(x* + y) − f(x*) as a polynomial in y, exact up to total degree ``order``."""
    ys = sp.symbols(f"_y0:{len(vs)}")
    shifted = f.subs({v: p + y for v, p, y in zip(vs, point, ys)}, simultaneous=True)
    if f.is_polynomial(*vs):
        g = sp.expand(shifted - f.subs(dict(zip(vs, point))))
        return truncate(g, ys, order), ys
    t = sp.Symbol("_tt")
    ser = sp.series(shifted.subs({y: t * y for y in ys}, simultaneous=True), t, 0, order + 1).removeO()
    g = sp.expand(ser.subs(t, 1) - f.subs(dict(zip(vs, point))))
    return truncate(g, ys, order), ys


def _lowest_term(expr_t, t, order):
    """Lowest-order nonzero term c·t^k of a polynomial or series in t (k ≤ 2·order)."""
    e = sp.expand(expr_t)
    if not e.is_polynomial(t):
        e = sp.expand(sp.series(e, t, 0, 2 * order + 2).removeO())
    if e == 0:
        return None
    P = sp.Poly(e, t)
    k = min(m[0] for m in P.monoms())
    return P.coeff_monomial(t**k) * t**k


def curve_change(f, vs, point, curve, t, order):
    """Lowest-order term of f(x(t)) − f(x*) along a polynomial curve x(t), computed on f itself."""
    along = f.subs(dict(zip(vs, curve)), simultaneous=True) - f.subs(dict(zip(vs, point)))
    return _lowest_term(along, t, order)


def higher_order(f: sp.Expr, vs, point, order: int = 8) -> HigherOrder:
    """Decide a critical point with a semidefinite singular Hessian (rational point)."""
    vs = list(vs)
    point = [sp.nsimplify(p) for p in point]
    H = hessian(f, vs).subs(dict(zip(vs, point)))
    inert = inertia_rational(H)
    if inert.zero == 0:
        raise ValueError("higher_order is for singular Hessians")
    if inert.positive and inert.negative:
        raise ValueError("indefinite Hessian: a saddle by second order")
    sgn = -1 if inert.negative else 1  # work with sgn·f, whose Hessian is PSD
    g, ys = _taylor_shifted(sgn * f, vs, point, order)
    K = H.nullspace()
    K = [k / sp.gcd(list(k)) if sp.gcd(list(k)) != 0 else k for k in K]
    R = sp.Matrix.hstack(*K).T.nullspace() if len(K) < len(vs) else []
    k, r = len(K), len(R)
    us = sp.symbols(f"_u0:{k}")
    ws = sp.symbols(f"_w0:{r}")
    y_of = sp.zeros(len(vs), 1)
    for i in range(k):
        y_of += K[i] * us[i]
    for j in range(r):
        y_of += R[j] * ws[j]
    G = truncate(g.subs(dict(zip(ys, y_of)), simultaneous=True), list(us) + list(ws), order)
    h = [sp.Integer(0)] * r
    if r:
        A = sp.Matrix(r, r, lambda i, j: sp.diff(G, ws[i], ws[j]).subs({**{w: 0 for w in ws}, **{u: 0 for u in us}}))
        Ainv = A.inv()
        gw = sp.Matrix([sp.diff(G, w) for w in ws])
        Nl = sp.expand(gw - A * sp.Matrix(ws))
        for _ in range(order):
            sub = dict(zip(ws, h))
            Nu = Nl.subs(sub, simultaneous=True)
            h_new = [truncate(e, us, order - 1) for e in (-Ainv * Nu)]
            if all(sp.expand(a - b) == 0 for a, b in zip(h_new, h)):
                break
            h = h_new
    phi = truncate(G.subs(dict(zip(ws, h)), simultaneous=True), us, order)
    parts = homogeneous_parts(phi, us) if phi != 0 else {}
    mine, maxe = ("local minimum", "not a local minimum") if sgn > 0 else ("local maximum", "not a local maximum")
    out = HigherOrder("undecided", kernel=[list(kv) for kv in K])
    if not parts:
        out.text = (f"the reduced function φ on ker ∇²f (dim {k}) vanishes up to order {order}: "
                    "flat (e.g. a curve of critical points); higher-order terms do not decide")
        return out
    m = min(parts)
    pm = parts[m]
    out.order, out.lowest_form = m, sgn * pm
    fs = form_sign(pm, us)
    t = sp.Symbol("t", positive=True)

    def curve(u0):
        uu = {ui: c * t for ui, c in zip(us, u0)}
        yy = y_of.subs({**dict(zip(ws, [hh.subs(uu, simultaneous=True) for hh in h])), **uu}, simultaneous=True)
        return tuple(sp.expand(p + yi) for p, yi in zip(point, yy))

    if fs.negative is not None:  # sgn·f decreases along the curve
        c = curve(fs.negative)
        term = curve_change(f, vs, point, c, t, order)
        if term is not None and sgn * sp.Poly(term, t).coeffs()[0] < 0:
            if sgn > 0:
                out.descent_curve, out.descent_term = c, term
            else:
                out.ascent_curve, out.ascent_term = c, term
    if fs.positive is not None or r:
        # the other sign: along ker (p_m > 0) or along the complement (∂²_w ≻ 0)
        if fs.positive is not None:
            c = curve(fs.positive)
        else:
            c = tuple(sp.expand(p + t * ri) for p, ri in zip(point, R[0]))
        term = curve_change(f, vs, point, c, t, order)
        if term is not None and sgn * sp.Poly(term, t).coeffs()[0] > 0:
            if sgn > 0:
                out.ascent_curve, out.ascent_term = c, term
            else:
                out.descent_curve, out.descent_term = c, term
    desc = (out.descent_curve if sgn > 0 else out.ascent_curve) is not None
    if fs.kind == "pd":
        out.verdict = mine
        out.text = (f"lowest-order part of the reduced function on ker ∇²f (dim {k}): p_{m} = {sgn * pm}, "
                    f"{'positive' if sgn > 0 else 'negative'} definite ({fs.method}); ∇²f "
                    f"{'≻' if sgn > 0 else '≺'} 0 on the complement ⇒ strict {mine} (splitting lemma)")
    elif fs.kind == "nd" and not r:
        # ∇²f = 0 and the lowest-order form is definite of the other sign: an extremum of the other kind
        other = "local maximum" if sgn > 0 else "local minimum"
        out.verdict = other
        out.text = (f"∇²f = 0; lowest-order part p_{m} = {sgn * pm} is "
                    f"{'negative' if sgn > 0 else 'positive'} definite ({fs.method}) ⇒ strict {other}")
    elif desc:
        both = out.descent_curve is not None and out.ascent_curve is not None
        out.verdict = "not an extremum" if both else maxe
        parts_txt = []
        if out.descent_curve is not None:
            parts_txt.append(f"descent curve x(t) = {out.descent_curve}: f(x(t)) − f(x*) = {out.descent_term} + o(·)")
        if out.ascent_curve is not None:
            parts_txt.append(f"ascent curve x(t) = {out.ascent_curve}: f(x(t)) − f(x*) = {out.ascent_term} + o(·)")
        out.text = (f"lowest-order part of the reduced function on ker ∇²f (dim {k}): p_{m} = {sgn * pm} "
                    f"({fs.kind}); " + "; ".join(parts_txt))
    else:
        out.text = (f"lowest-order part p_{m} = {sgn * pm} is {fs.kind} on the sphere ({fs.method}): "
                    "undecided at this order")
    return out


# --- critical values and coercivity -------------------------------------------------------------
@lru_cache(maxsize=64)
def critical_values(f: sp.Expr, vs: tuple) -> sp.Poly | None:
    """E(c) with E(f(x)) = 0 at every (complex) critical point x (Gröbner elimination)."""
    eqs = [sp.expand(g) for g in gradient(f, vs)] + [sp.expand(f - _C)]
    G = sp.groebner(eqs, *vs, _C, order="lex")
    uni = [g for g in G.exprs if g.free_symbols <= {_C}]
    return sp.Poly(uni[-1], _C) if uni else None


def coercive(f: sp.Expr, vs) -> tuple[bool, str]:
    """Sufficient test for f → ∞: the top-degree homogeneous part is positive definite."""
    vs = list(vs)
    P = sp.Poly(sp.expand(f), *vs)
    D = P.total_degree()
    top = homogeneous_parts(f, vs)[D]
    if D % 2:
        return False, f"odd top degree {D}"
    fs = form_sign(top, vs)
    return fs.kind == "pd", f"top form {top} is {fs.kind} on the sphere ({fs.method})"


@lru_cache(maxsize=64)
def global_minimum_value(f: sp.Expr, vs: tuple) -> tuple[sp.Expr | None, str]:
    """The global minimum value of a coercive polynomial: the smallest real critical value.

    Returns (value as an exact algebraic number, explanation), or (None, reason).
    """
    ok, why = coercive(f, vs)
    if not ok:
        return None, "not certified coercive: " + why
    E = critical_values(sp.expand(f), tuple(vs))
    if E is None:
        return None, "no eliminant"
    roots = E.real_roots()
    if not roots:
        return None, "no real critical value"
    # the smallest real root of E is attained only if some real critical point has it; the
    # caller compares it with the value of a real critical point it has in hand
    return min(roots), (f"f is coercive ({why}); every critical value is a root of E(c) = {E.as_expr()}; "
                        "a real critical point whose value is the smallest real root is a global minimizer")
