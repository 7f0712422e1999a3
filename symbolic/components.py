"""The critical set of a rational polynomial, component by component, exactly (small problems).

SymPy has no primary decomposition, so the critical ideal J = ⟨∇f⟩ is split by two exact moves:

* **by critical value**: f is constant on every connected piece of the critical set and takes
  finitely many values there.  Candidate values (from the caller, e.g. read off numeric critical
  points, else from the eliminant of {∇f = 0, f = c}) are accepted only when Π(f − cⱼ) lies in
  √J, checked by reducing a power of it to 0 modulo a Gröbner basis of J.  Then
  V(J) = ∪ⱼ V(J + ⟨f − cⱼ⟩) exactly.
* **by factorisation**: a Gröbner basis element g = p₁·p₂ splits V(I) = V(I + p₁) ∪ V(I + p₂); a
  repeated factor is replaced by its square-free part (same zero set).

Each piece gets its Krull dimension (the largest set of variables free of every grevlex leading
monomial), a point on it (the free variables fixed to small rationals, the rest solved exactly by
``solve_system``), smoothness there (an exactly nonzero (n − k)-minor of the Jacobian of its
equations), and its Hessian inertia: along the whole piece when the characteristic polynomial's
coefficients are constants modulo its equations (e.g. an orbit of a symmetry group), else at the
point, with the locus where the Morse–Bott condition fails (rank ∇²f < n − k) computed by Gröbner.
Pieces whose zero set lies inside another piece's are dropped (an embedded point such as a cone's
vertex).  Zero-dimensional pieces become one component per real point.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache

import sympy as sp

from symbolic import critical_points as scp

_LAM = sp.Symbol("_lam")


# --- Gröbner helpers ----------------------------------------------------------------------------
def groebner(polys, vs) -> list[sp.Expr]:
    polys = [sp.expand(p) for p in polys if sp.expand(p) != 0]
    if not polys:
        return []
    return list(sp.groebner(polys, *vs, order="grevlex").exprs)


@lru_cache(maxsize=16)
def _ring(vs: tuple):
    from sympy.polys.domains import QQ
    from sympy.polys.orderings import grevlex
    from sympy.polys.rings import ring

    return ring(list(vs), QQ, grevlex)[0]


def reduce(p, G, vs) -> sp.Expr:
    """Normal form of p modulo the grevlex Gröbner basis G (sparse polynomial ring arithmetic)."""
    p = sp.expand(p)
    if not G or p == 0:
        return p
    R = _ring(tuple(vs))
    return R(p).rem([R(g) for g in G]).as_expr()


def reduce_chain(factors, G, vs, max_power: int = 3) -> bool:
    """Π factors ∈ √⟨G⟩: (Π factors)ᵐ reduces to 0 for some m ≤ max_power, reducing after each factor."""
    R = _ring(tuple(vs))
    GR = [R(g) for g in G]
    base = [R(sp.expand(f)) for f in factors]
    q = R(1)
    for _ in range(max_power):
        for b in base:
            q = (q * b).rem(GR)
            if not q:
                return True
    return False


def dimension(G, vs) -> tuple[int, tuple]:
    """Krull dimension of ⟨G⟩ and a maximal independent set of variables (−1 for the unit ideal)."""
    vs = list(vs)
    if G == [1] or any(g.is_number and g != 0 for g in G):
        return -1, ()
    lms = [sp.Poly(g, *vs).monoms(order="grevlex")[0] for g in G]
    supports = [{v for v, e in zip(vs, m) if e} for m in lms]
    for k in range(len(vs), -1, -1):
        for S in itertools.combinations(vs, k):
            if all(not s <= set(S) for s in supports):
                return k, S
    return 0, ()


def in_radical(p, G, vs, max_power: int = 4) -> bool:
    """p ∈ √⟨G⟩, shown by some power pᵐ (m ≤ max_power) reducing to 0 (a sufficient test)."""
    return reduce_chain([p], G, vs, max_power)


def contained(G_small, G_big, vs) -> bool:
    """V(G_small) ⊆ V(G_big): every generator of G_big vanishes on V(G_small) (radical test)."""
    return all(in_radical(g, G_small, vs) for g in G_big)


def split_by_factors(G, vs, depth: int = 8) -> list[list[sp.Expr]]:
    """Split V(G) by factoring basis elements; square-free parts replace repeated factors."""
    if G == [1] or depth == 0:
        return [] if G == [1] else [G]
    for g in G:
        _, facs = sp.factor_list(g, *vs)
        facs = [(p, m) for p, m in facs if not p.is_number]
        if len(facs) > 1:
            out = []
            for p, _ in facs:
                out += split_by_factors(groebner(G + [p], vs), vs, depth - 1)
            return out
        if facs and facs[0][1] > 1:
            return split_by_factors(groebner([h for h in G if h != g] + [facs[0][0]], vs), vs, depth - 1)
    return [G]


# --- components ---------------------------------------------------------------------------------
@dataclass
class Component:
    dimension: int
    equations: list  # grevlex Gröbner basis of the piece
    value: sp.Expr  # f on the component (exact)
    point: scp.AlgebraicPoint | None
    smooth: bool | None
    inertia: scp.Inertia | None
    inertia_along: bool  # True: the inertia is that of every point (charpoly constant mod the equations)
    degeneracy: int | None  # dimension of the Morse–Bott failure locus (−1: empty, None: not computed)
    kind: str = ""  # 'Morse–Bott minimum' | 'Morse–Bott maximum' | 'strict saddle' | 'minimum' | ... | 'degenerate'
    local_min: bool | None = None
    local_max: bool | None = None
    global_min: bool | None = None  # proved by a certificate (numeric.sos) or None
    real_failure: bool | None = None  # False: the Morse–Bott failure locus has no real point
    evidence: list[str] = field(default_factory=list)
    # ``dimension`` is the complex (Krull) dimension of the piece; ``real_dimension`` that of its real points:
    # = dimension when a smooth real point is known (Jacobian criterion at an exact point), −1 when the piece
    # is proved to have no real point, None when not decided
    real_dimension: int | None = None
    free: tuple = ()  # the independent variables (a coordinate system of the piece)
    strata: list = field(default_factory=list)  # Stratum: generic arcs and special points, each classified
    global_max: bool | None = None
    value_poly: object = None  # the irreducible μ with μ(value) = 0 (from the critical-value eliminant)
    strength: str = "exact"  # the component path is exact: 'exact' (or 'proved' for certified global minima)

    def point_text(self) -> str:
        if self.point is None:
            return "no real point (proved)" if self.real_dimension == -1 else "no real point found"
        if self.point.is_rational:
            return str(tuple(self.point.coords()))
        return "(" + ", ".join(f"{float(c):.6g}" for c in self.point.evalf(20)) + ")"

    @property
    def label(self) -> str:
        if self.global_min:
            return f"{self.kind}, global minima" if self.kind else "global minima"
        return self.kind

    def line(self) -> str:
        """One line for a summary."""
        eqs = ", ".join(str(e) for e in self.equations[:4]) + (" …" if len(self.equations) > 4 else "")
        inert = ("" if self.inertia is None else
                 f"inertia (+{self.inertia.positive}, −{self.inertia.negative}, 0×{self.inertia.zero}) "
                 f"{'along the whole component' if self.inertia_along else 'at the point'}")
        sm = {True: "smooth there", False: "singular there", None: "smoothness unknown"}[self.smooth]
        rd = ("real dimension unknown" if self.real_dimension is None else
              "no real point" if self.real_dimension == -1 else f"real dim {self.real_dimension}")
        gmax = ", global maxima" if self.global_max else ""
        return (f"dim {self.dimension} ({rd}), f = {scp.number_text(self.value)}: {self.label}{gmax}; "
                f"point {self.point_text()} ({sm}); {inert}; equations {{{eqs}}} [{self.strength}]")

    def strata_lines(self) -> list[str]:
        return [st.line() for st in self.strata]


MAX_SYMBOLIC_CHARPOLY = 6  # beyond this many variables the symbolic det(λI − ∇²f) is too large to form


def inertia_fast(H, P, vs) -> scp.Inertia:
    """Exact inertia of ∇²f at P: a rational point substitutes first (a rational matrix)."""
    if P.is_rational:
        return scp.inertia_rational(H.subs(dict(zip(vs, P.coords())), simultaneous=True))
    return scp.inertia_at(H, P, vs)


@lru_cache(maxsize=32)
def _charpoly(f: sp.Expr, vs: tuple) -> list:
    return scp.charpoly_coeffs(scp.hessian(f, vs))


def _inertia_from_signs(signs: list[int]) -> scp.Inertia:
    n = len(signs) - 1
    z = 0
    while z < n and signs[n - z] == 0:
        z += 1
    s = [x for x in signs[: n - z + 1] if x != 0]
    changes = sum(1 for a, b in zip(s, s[1:]) if a != b)
    return scp.Inertia(changes, n - z - changes, z)


def real_hints(G, vs, hints=(), starts: int = 24, seed: int = 0) -> list:
    """Floating-point real points of V(G): Gauss–Newton on G = 0 (least-squares steps) from the given hints
    (e.g. numeric critical points, which lie on the critical set wherever it is) and from random starts at
    the scales 0.1, 1 and 10.  Only hints: a point counts once it is solved exactly."""
    import numpy as np

    vs = tuple(vs)
    n = len(vs)
    Gf = sp.lambdify(vs, list(G), "numpy")
    Jf = sp.lambdify(vs, sp.Matrix(list(G)).jacobian(vs), "numpy")
    rng = np.random.default_rng(seed)
    X0 = [np.asarray(h, float) for h in hints]
    X0 += list(np.concatenate([rng.standard_normal((starts // 3, n)) * s for s in (0.1, 1.0, 10.0)]))
    out = []
    for x in X0:
        x = np.array(x, float)
        ok = False
        for _ in range(60):
            g = np.array(Gf(*x), float).reshape(-1)
            if not np.all(np.isfinite(g)):
                break
            if np.linalg.norm(g) <= 1e-12 * (1 + np.linalg.norm(x)) ** 4:
                ok = True
                break
            J = np.array(Jf(*x), float).reshape(len(G), n)
            x = x - np.linalg.lstsq(J, g, rcond=1e-12)[0]
            if not np.all(np.isfinite(x)) or np.linalg.norm(x) > 1e8:
                break
        if ok and not any(np.linalg.norm(x - y) < 1e-6 * (1 + np.linalg.norm(y)) for y in out):
            out.append(x)
    return out


def _rationals_near(v: float):
    """Small-denominator rationals near v, coarsest first."""
    from fractions import Fraction

    seen = []
    for den in (1, 2, 4, 10, 100, 1000):
        q = Fraction(v).limit_denominator(den)
        r = sp.Rational(q.numerator, q.denominator)
        if r not in seen:
            seen.append(r)
    return seen


def _find_point(G, vs, free, hints=()) -> tuple[scp.AlgebraicPoint | None, tuple]:
    """A real point of V(G): the free variables set to small rationals, the rest solved exactly; then the
    free variables set to rationals near each numeric real point of V(G) (``real_hints``), so a component
    far from the origin (a circle centred at (5, 5)) or a small one (a sphere of radius 1/10) is found."""
    vals = [sp.Integer(1), sp.Integer(2), sp.Rational(1, 2), sp.Integer(-1), sp.Integer(3), sp.Rational(1, 3),
            sp.Integer(0)]
    tries = list(itertools.islice(itertools.product(vals, repeat=len(free)), 40))
    tries.sort(key=lambda t: (len(set(t)) == 1 and len(t) > 1, 0))  # distinct values first (generic)
    tries = tries[:8]
    best, best_t = _solve_tries(G, vs, free, tries)
    if best is not None or not free:
        return best, best_t
    idx = [list(vs).index(v) for v in free]
    near = []
    for h in real_hints(G, vs, list(hints)[:12], starts=12):
        cands = list(zip(*[_rationals_near(float(h[i])) for i in idx]))
        near += [t for t in cands[1:4] if t not in near and t not in tries]
        if len(near) >= 12:
            break
    return _solve_tries(G, vs, free, near, first=True)


def _solve_tries(G, vs, free, tries, first: bool = False):
    """The first rational point over the tried values of the free variables, else the one of lowest degree
    (``first``: the first real point at all)."""
    best, best_t = None, ()
    for t in tries:
        sol = scp.solve_system(list(G) + [v - a for v, a in zip(free, t)], vs)
        if not sol.zero_dimensional or not sol.points:
            continue
        rat = [P for P in sol.points if P.is_rational]
        if rat:
            return rat[0], t
        low = min(sol.points, key=lambda P: P.degree)
        if best is None or low.degree < best.degree:
            best, best_t = low, t
        if first:
            break
    return best, best_t


def _more_points(G, vs, free, t) -> list:
    """Real points of V(G) with the free variables at −t and 2t (other branches, other places)."""
    out = []
    for tt in ({tuple(-a for a in t), tuple(2 * a for a in t)} - {tuple(t)}):
        sol = scp.solve_system(list(G) + [v - a for v, a in zip(free, tt)], vs)
        if sol.zero_dimensional:
            out += sol.points
    return out


def _smooth_at(G, vs, P, k) -> tuple[bool | None, str]:
    """Jacobian criterion: an (n − k)-minor of ∂(G)/∂x exactly nonzero at P (rows and columns chosen
    by pivoted QR in floats, the minor itself decided exactly)."""
    import numpy as np
    from scipy.linalg import qr

    n = len(vs)
    r = n - k
    if r == 0:
        return True, "open set"
    J = sp.Matrix([[sp.diff(g, v) for v in vs] for g in G])
    xs = [float(c) for c in P.evalf(30)]
    Jn = np.array(sp.lambdify(vs, J, "numpy")(*xs), dtype=float).reshape(J.shape)
    _, _, cols = qr(Jn, pivoting=True)
    _, _, rows = qr(Jn[:, cols[:r]].T, pivoting=True)
    minor = J.extract(sorted(rows[:r].tolist()), sorted(cols[:r].tolist())).det()
    if P.sign(minor, vs) != 0:
        return True, f"a {r}-minor of the Jacobian of the equations is nonzero (exact): smooth of dimension {k} there"
    return None, f"the {r}-minor chosen by pivoted QR vanishes: smoothness there not shown"


def _classify(c: Component) -> None:
    inn = c.inertia
    if inn is None:
        c.kind = "unclassified"
        return
    k = c.dimension
    where = "every point of the component" if c.inertia_along else "the point"
    if inn.positive and inn.negative:
        c.kind, c.local_min, c.local_max = "strict saddle", False, False
        c.evidence.append(f"∇²f has {inn.negative} negative and {inn.positive} positive eigenvalues at {where}: "
                          "strict saddle (second-order necessary condition fails)")
        return
    if inn.zero == k:
        sign = "minimum" if inn.negative == 0 else "maximum"
        c.kind = sign if k == 0 else f"Morse–Bott {sign}"
        c.local_min, c.local_max = sign == "minimum", sign == "maximum"
        if k == 0:
            c.evidence.append(f"∇²f {'≻' if sign == 'minimum' else '≺'} 0: strict local {sign}")
        else:
            c.evidence.append(f"rank ∇²f = {inn.positive + inn.negative} = codimension {len(c.point.polys) - k} at "
                              f"{where} and {'positive' if sign == 'minimum' else 'negative'} on the normal space: "
                              f"Morse–Bott, a local {sign} there (Morse–Bott lemma)")
        return
    c.kind = "degenerate"
    c.local_min = False if inn.negative else None
    c.local_max = False if inn.positive else None
    c.evidence.append(f"rank ∇²f = {inn.positive + inn.negative} < codimension {len(c.point.polys) - k}: not "
                      "Morse–Bott; the Hessian is silent (a certificate or a higher-order argument must decide)")


def _exact_value(value, mu, P, f, vs):
    """The value of f on a piece: a number already, or the real root of μ that f takes at the point P."""
    if value.is_number or P is None or mu is None:
        return value
    num = P.value(f, vs, 60)
    roots = sp.Poly(mu, scp._C).real_roots()
    return min(roots, key=lambda r: abs(sp.N(r, 60) - num)) if roots else value


def component(G, vs, f, value, mu=None, hints=()) -> Component:
    """Describe and classify the piece V(G) of the critical set of f (f = value on it; μ(value) = 0)."""
    vs = tuple(vs)
    k, free = dimension(G, vs)
    P, t = _find_point(G, vs, free, hints) if k > 0 else (None, ())
    c = Component(k, G, value, P, None, None, False, None)
    c.free, c.value_poly = free, mu
    if P is None:
        c.kind = "no real point found"
        c.evidence.append(f"dimension {k}; no real point with the free variables {free} at small rationals, nor "
                          "near a numeric real point of the piece (Gauss–Newton on its equations)")
        return c
    c.value = _exact_value(value, mu, P, f, vs)
    c.smooth, why = _smooth_at(G, vs, P, k)
    if c.smooth:
        c.real_dimension = k  # a smooth real point: the real points near it form a k-manifold
    c.evidence.append(f"dimension {k} (independent variables {free}); point {c.point_text()}: {why}")
    n = len(vs)
    red = [reduce(a, G, vs) for a in _charpoly(f, vs)] if n <= MAX_SYMBOLIC_CHARPOLY else None
    if red is None:
        c.inertia = inertia_fast(scp.hessian(f, vs), P, vs)
        c.evidence.append(f"n = {n} > {MAX_SYMBOLIC_CHARPOLY}: the characteristic polynomial along the component is "
                          "not formed (too large); inertia exact at the point")
    elif all(r.is_number for r in red):
        c.inertia = _inertia_from_signs([int(sp.sign(r)) for r in red])
        c.inertia_along = True
        c.degeneracy = -1 if c.inertia.zero == k else None
        c.evidence.append("characteristic polynomial of ∇²f modulo the equations: "
                          f"{sp.expand(sum(r * _LAM ** (len(red) - 1 - i) for i, r in enumerate(red)))} "
                          "(constant coefficients: the same spectrum at every point, complex ones included)")
    else:
        c.inertia = inertia_fast(scp.hessian(f, vs), P, vs)
        a = red[n - k] if n - k < len(red) else None
        if a is not None and c.inertia.zero == k:
            c.degeneracy = dimension(groebner(list(G) + [a], vs), vs)[0]
            real_txt = ""
            if c.degeneracy == 0:
                fail = scp.solve_system(list(G) + [a], vs)
                if fail.zero_dimensional and not fail.points:
                    c.real_failure = False
                    real_txt = (", with no real point: Morse–Bott at every real point of the component, so the "
                                "inertia is the same along each connected piece of it")
            elif c.degeneracy < 0:
                c.real_failure = False
            c.evidence.append(f"inertia exact at the point; the Morse–Bott condition fails only where the "
                              f"coefficient of λ^{k} of det(λI − ∇²f) vanishes: "
                              + ("nowhere on the component (Gröbner basis {1})" if c.degeneracy < 0 else
                                 f"a subvariety of complex dimension {c.degeneracy}{real_txt}"))
    if not c.inertia_along:
        others = _more_points(G, vs, free, t)
        H = scp.hessian(f, vs)
        inn = [inertia_fast(H, Q, vs) for Q in others]
        same = all(i == c.inertia for i in inn)
        c.evidence.append(f"inertia exact at {len(inn)} more point(s) of the component (free variables at −t, 2t): "
                          + ("the same" if same else "different: " + ", ".join(map(str, inn))))
        if not same:
            c.real_failure = True
    _classify(c)
    if (not c.inertia_along and (c.degeneracy is None or c.degeneracy >= 0) and c.real_failure is not False
            and c.kind.startswith("Morse–Bott")):
        # the normal spectrum can change sign where the Morse–Bott condition fails: the class is local
        c.kind += " near the point"
        c.local_min = c.local_min and None
        c.local_max = c.local_max and None
        c.evidence.append("the class holds near the point only: across the failure locus the normal eigenvalue "
                          "can change sign (the component is not known to be a set of one class)")
    if c.kind == "degenerate" and P.is_rational:
        _higher_order(c, f, vs)
    return c


def _higher_order(c: Component, f, vs) -> None:
    """A non-Morse–Bott component: the higher-order test at its rational point decides that point."""
    try:
        ho = scp.higher_order(f, vs, P := c.point.coords())
    except ValueError:
        return
    if ho.descent_curve is not None:
        c.local_min = False
    if ho.ascent_curve is not None:
        c.local_max = False
    c.evidence.append(f"higher order at {tuple(P)}: {ho.text}"
                      + ("; the component holds a point that is not a local minimum" if c.local_min is False else "")
                      + ("; nor a local maximum" if c.local_max is False else ""))
    if c.local_min is False and c.local_max is False:
        c.kind = "degenerate: not an extremum"
    elif c.local_min is False:
        c.kind = "degenerate: not a local minimum"


# --- strata: generic arcs and special points ------------------------------------------------------
@dataclass
class Stratum:
    """A piece of a component on which one class holds: an open arc (dimension 1, named by the range of
    its coordinate t) or a special point (dimension 0: a crossing, a singular point, a class change)."""

    dimension: int
    where: str
    points: list  # AlgebraicPoints: the special point, or the arc's sample points
    inertia: scp.Inertia | None
    kind: str
    local_min: bool | None = None
    local_max: bool | None = None
    special: str = ""
    evidence: list = field(default_factory=list)
    global_min: bool | None = None

    def line(self) -> str:
        what = "arc" if self.dimension == 1 else ("set" if self.dimension > 1 else "point")
        inert = "" if self.inertia is None else (f" (inertia +{self.inertia.positive} −{self.inertia.negative} "
                                                 f"0×{self.inertia.zero})")
        sp_ = f" [{self.special}]" if self.special else ""
        gm = ", global minimum" if self.global_min else ""
        return f"{what} {self.where}{sp_}: {self.kind}{gm}{inert}"


def _minors(M: sp.Matrix, r: int) -> list:
    out = []
    for rows in itertools.combinations(range(M.rows), r):
        for cols in itertools.combinations(range(M.cols), r):
            d = sp.expand(M.extract(list(rows), list(cols)).det())
            if d != 0:
                out.append(d)
    return out


def _point_kind(inn: scp.Inertia, k: int) -> tuple[str, bool | None, bool | None]:
    if inn.positive and inn.negative:
        return "strict saddle", False, False
    if inn.zero == k:
        if k == 0:
            return ("minimum", True, False) if inn.negative == 0 else ("maximum", False, True)
        return ("Morse–Bott minimum", True, False) if inn.negative == 0 else ("Morse–Bott maximum", False, True)
    return "degenerate", (False if inn.negative else None), (False if inn.positive else None)


def _classify_special(P, f, vs, H) -> Stratum:
    inn = inertia_fast(H, P, vs)
    kind, lmin, lmax = _point_kind(inn, 0)
    st = Stratum(0, _coords_text(P), [P], inn, kind, lmin, lmax)
    if kind == "degenerate" and P.is_rational:
        try:
            ho = scp.higher_order(f, vs, P.coords())
        except ValueError:
            ho = None
        if ho is not None:
            st.evidence.append("higher order: " + ho.text)
            if ho.verdict == "local minimum":
                st.local_min, st.local_max = True, False
            elif ho.verdict == "local maximum":
                st.local_min, st.local_max = False, True
            if ho.descent_curve is not None:
                st.local_min = False
            if ho.ascent_curve is not None:
                st.local_max = False
    if kind == "degenerate":
        st.kind = ("degenerate: local minimum" if st.local_min else "degenerate: local maximum" if st.local_max else
                   "degenerate: not an extremum" if st.local_min is False and st.local_max is False else
                   "degenerate: not a local minimum" if st.local_min is False else
                   "degenerate: not a local maximum" if st.local_max is False else "degenerate: undecided")
    return st


def _same_number(a, b) -> bool:
    """Exact equality of two real algebraic numbers; the digits decide only when they differ."""
    if a.is_Rational and b.is_Rational:
        return a == b
    if abs(sp.N(a - b, 30)) > sp.Float(10) ** -20:
        return False
    return a == b or sp.simplify(a - b) == 0


@lru_cache(maxsize=256)
def _special_cached(P, f, vs) -> Stratum:
    return _classify_special(P, f, vs, scp.hessian(f, vs))


def _coords_text(P) -> str:
    if P.is_rational:
        return str(tuple(P.coords()))
    return "(" + ", ".join(f"{float(c):.6g}" for c in P.evalf(20)) + ")"


def _between(a, b):
    """A small rational strictly between the real algebraic numbers a < b."""
    lo, hi = sp.N(a, 30), sp.N(b, 30)
    for den in (1, 2, 4, 10, 100, 10**4, 10**8):
        q = sp.Rational(round(float((lo + hi) / 2) * den), den)
        if a < q < b:
            return q
    return sp.nsimplify((lo + hi) / 2, rational=True)


def stratify_component(c: Component, f, vs, others) -> bool:
    """Split a component into special points (singular points, crossings with other components of the same
    value, points where the Morse–Bott condition fails) and, for a curve, the open arcs between them, each
    classified; the component's class is then the one its generic arcs share (or 'mixed').  On a curve the
    arcs are cut at every special point and at every turning point of the projection to the coordinate t,
    so over each open t-interval every branch is an arc with no rank drop: its inertia is constant, read
    exactly at one sample point per branch.  Returns False (and changes nothing) when a special set is
    not finite."""
    vs = tuple(vs)
    k, G, n = c.dimension, list(c.equations), len(vs)
    H = scp.hessian(f, vs)
    J = sp.Matrix(G).jacobian(vs)
    specials: list = []  # (AlgebraicPoint, reason)
    splits: list = []  # AlgebraicPoints at which the arcs are cut (special points and turning points)

    def zero_dim(polys):
        Gs = groebner(G + list(polys), vs)
        d = dimension(Gs, vs)[0]
        if d < 0:
            return []
        if d > 0:
            return None
        return scp.solve_system(Gs, vs).points

    sing = zero_dim(_minors(J, n - k))
    if sing is None:
        c.evidence.append("not stratified: the singular locus of the component is not finite")
        return False
    specials += [(P, "singular point") for P in sing]
    for o in others:
        if o.value.is_number and c.value.is_number and sp.simplify(o.value - c.value) == 0:
            pts = zero_dim(o.equations)
            if pts:
                specials += [(P, "crossing") for P in pts]
    red = [reduce(a, G, vs) for a in _charpoly(f, vs)] if n <= MAX_SYMBOLIC_CHARPOLY and k == 1 else None
    if k == 1 and red is not None and n - k < len(red) and not red[n - k].is_number:
        pts = zero_dim([red[n - k]])
        if pts is None and k == 1:
            c.evidence.append("not stratified: the rank of ∇²f drops on a whole branch")
            return False
        specials += [(P, "class change") for P in (pts or [])]
    # merge the reasons of one point
    merged: dict = {}
    for P, why in specials:
        key = tuple(round(float(v), 12) for v in P.evalf(30))
        if key in merged:
            if why not in merged[key][1]:
                merged[key][1].append(why)
        else:
            merged[key] = (P, [why])
    strata = []
    H = scp.hessian(f, vs)
    for P, whys in merged.values():
        import dataclasses

        st = _special_cached(P, f, vs)  # a point shared by two components is classified once
        st = dataclasses.replace(st, evidence=list(st.evidence), points=list(st.points))
        st.special = ", ".join(whys)
        strata.append(st)
        splits.append(P)
    if k != 1:
        c.strata = strata
        if strata:
            c.evidence.append(f"{len(strata)} special point(s) of the component, classified one by one")
        return True
    t = c.free[0]
    dep = [v for v in vs if v != t]
    turning = zero_dim(_minors(J.extract(list(range(J.rows)), [vs.index(v) for v in dep]), n - 1))
    if turning is None:
        c.evidence.append(f"not stratified: the projection to {t} is not finite-to-one")
        return False
    splits += turning
    ti = vs.index(t)
    tvals = []
    for P in splits:
        v = P.coords()[ti] if P.is_rational else P.exact_value(t, vs)
        if not any(_same_number(v, w) for w in tvals):
            tvals.append(v)
    tvals.sort(key=lambda v: sp.N(v, 30))
    if tvals:
        samples = [sp.floor(sp.N(tvals[0])) - 1] + [_between(a, b) for a, b in zip(tvals, tvals[1:])] + \
                  [sp.ceiling(sp.N(tvals[-1])) + 1]
        names = ([f"{t} < {scp.number_text(tvals[0])}"] +
                 [f"{scp.number_text(a)} < {t} < {scp.number_text(b)}" for a, b in zip(tvals, tvals[1:])] +
                 [f"{t} > {scp.number_text(tvals[-1])}"])
    else:
        samples, names = [c.point.coords()[ti] if c.point.is_rational else sp.Integer(0)], ["every point"]
    arcs = []
    for s_, name in zip(samples, names):
        sol = scp.solve_system(G + [t - s_], vs)
        if not sol.zero_dimensional:
            c.evidence.append(f"not stratified: the fibre {t} = {s_} is not finite")
            return False
        got = []
        for P in sol.points:
            inn = inertia_fast(H, P, vs)
            got.append((P, inn) + _point_kind(inn, 1))
        kinds = {g[2] for g in got}
        if not got:
            continue
        if len(kinds) == 1:
            P, inn, kind, lmin, lmax = got[0]
            arcs.append(Stratum(1, name + (f" ({len(got)} branches)" if len(got) > 1 else ""), [g[0] for g in got],
                                inn, kind, lmin, lmax))
        else:
            for P, inn, kind, lmin, lmax in got:
                arcs.append(Stratum(1, f"{name}, the branch through {_coords_text(P)}", [P], inn, kind, lmin, lmax))
    c.strata = arcs + strata
    if not arcs:  # no sample fibre met the real curve: keep the class read at the point, list the special points
        c.evidence.append(f"no real point over the sampled values of {t}: arcs not classified")
        return False
    gk = sorted({a.kind for a in arcs})
    # the component's representative: a generic point (the first arc's sample), not a special one
    c.point, c.inertia, c.smooth = arcs[0].points[0], arcs[0].inertia, True
    if len(gk) == 1:
        c.kind = gk[0]
    elif gk:
        c.kind = "mixed: " + " / ".join(gk)
    allst = c.strata
    c.local_min = True if all(s.local_min for s in allst) else (False if any(s.local_min is False for s in allst) else None)
    c.local_max = True if all(s.local_max for s in allst) else (False if any(s.local_max is False for s in allst) else None)
    c.evidence.append(f"stratified along {t}: {len(arcs)} arc(s) cut at {len(tvals)} value(s) of {t} (special and "
                      f"turning points), {len(strata)} special point(s); each arc's inertia exact at a sample point "
                      "and constant along it (no rank drop inside an arc)")
    return True


def point_component(P, G, f, vs, why: str = "") -> Component:
    """An isolated real critical point as a component of dimension 0, classified."""
    val = sp.nsimplify(f.subs(dict(zip(vs, P.coords())))) if P.is_rational else P.exact_value(f, vs)
    c = Component(0, G, val, P, True, None, True, -1)
    c.real_dimension = 0
    c.inertia = inertia_fast(scp.hessian(f, vs), P, vs)
    c.evidence.append(f"isolated point {P.describe()}; inertia exact" + (f"; {why}" if why else ""))
    _classify(c)
    return c


@dataclass
class Decomposition:
    components: list[Component]
    method: str
    values: list = field(default_factory=list)
    # pieces of the complex critical set with no real point (proved), or whose real points are listed as
    # other components: (equations, value, reason); never classified, never minima
    complex_only: list = field(default_factory=list)

    @property
    def positive_dimensional(self) -> list[Component]:
        return [c for c in self.components if c.dimension > 0]

    @property
    def isolated(self) -> list[Component]:
        return [c for c in self.components if c.dimension == 0]

    def summary(self) -> list[str]:
        return [c.line() for c in self.components]


def value_split(f, vs, G, candidates) -> tuple[list, str] | None:
    """The critical values as pieces J + ⟨m(f)⟩, m irreducible over Q, proved to cover V(J)."""
    got = _value_split(f, vs, G, candidates)
    return None if got is None else got[:2]


def _value_split(f, vs, G, candidates):
    """(m(f) per piece, how, the univariate m(c) per piece)."""
    if candidates:
        cands = sorted(set(sp.nsimplify(c) for c in candidates))
        if reduce_chain([f - c for c in cands], G, vs):
            return ([f - c for c in cands], ("critical values " + ", ".join(map(str, cands)) +
                                             ": Π(f − cⱼ) ∈ √⟨∇f⟩ (a power reduces to 0 modulo its Gröbner basis)"),
                    [scp._C - c for c in cands])
    E = scp.critical_values(sp.expand(f), tuple(vs))
    if E is None:
        return None
    ms = [m for m, _ in sp.factor_list(E)[1] if m.degree() > 0]
    return ([m.as_expr().subs(scp._C, f) for m in ms],
            f"critical values: roots of {sp.factor(E.as_expr())} (lex elimination of x from ∇f = 0, f = c)",
            [m.as_expr() for m in ms])


def decompose(f: sp.Expr, vs, candidates=(), hints=(), stratify: bool = True) -> Decomposition:
    """The components of the critical set of the rational polynomial f, each described and classified.

    ``hints``: numeric points on or near the critical set (real-point search); ``stratify``: split each
    curve whose class is not constant into generic arcs and special points (``stratify_curve``)."""
    vs = tuple(vs)
    f = sp.expand(f)
    grad = [sp.expand(g) for g in scp.gradient(f, vs)]
    G = groebner(grad, vs)
    split = _value_split(f, vs, G, candidates)
    if split is None:
        raise ArithmeticError("no eliminant of the critical values")
    facs, how, unis = split
    pieces = []
    for m, mu in zip(facs, unis):
        for P in split_by_factors(groebner(grad + [m], vs), vs):
            pieces.append((m, P, mu))
    # drop pieces whose zero set lies in another's (an embedded point, a repeated piece)
    keep = []
    for i, (m, P, mu) in enumerate(pieces):
        inside = any(j != i and contained(P, Q, vs) and not (contained(Q, P, vs) and j > i)
                     for j, (_, Q, _) in enumerate(pieces) if dimension(Q, vs)[0] >= dimension(P, vs)[0])
        if not inside:
            keep.append((m, P, mu))
    comps = []
    for m, P, mu in keep:
        k, _ = dimension(P, vs)
        if k == 0:
            sol = scp.solve_system(P, vs)
            for pt in sol.points:
                val = pt.value(f, vs) if not pt.is_rational else f.subs(dict(zip(vs, pt.coords())))
                c = Component(0, P, sp.nsimplify(val) if pt.is_rational else pt.exact_value(f, vs), pt, True, None,
                              True, -1)
                c.real_dimension = 0
                c.inertia = inertia_fast(scp.hessian(f, vs), pt, vs)
                c.evidence.append(f"isolated point {pt.describe()}; inertia exact")
                _classify(c)
                comps.append(c)
        else:
            val = reduce(f, P, vs)
            comps.append(component(P, vs, f, val if val.is_number else sp.Symbol("c"), mu, hints))
    if stratify:
        for c in comps:
            # a component whose Morse–Bott failure locus has no real point has one class along each connected
            # piece and no singular real point or crossing (each would be a failure point): nothing to split
            if (c.dimension > 0 and c.point is not None and not c.inertia_along and c.real_failure is not False
                    and c.degeneracy != -1):
                stratify_component(c, f, vs, [o for o in comps if o is not c and o.dimension > 0])
    comps.sort(key=_order)
    return Decomposition(comps, how + f"; {len(keep)} pieces after splitting by factors", [m for m in facs])


def _order(c):
    """Components by value (an algebraic value by its digits), higher dimensions first."""
    v = float(sp.N(c.value)) if c.value.is_number else float("inf")
    return (v, -c.dimension)
