"""Global lower bounds by sum of squares: a conic solver proposes, exact arithmetic disposes.

``lower_bound`` solves max c s.t. f − c = zᵀQz, Q ⪰ 0 (cvxpy, Clarabel) in floats: a number, not a
proof.  ``certify(f, vs, c, G)`` turns a rational c into a proof: the Gram matrices of f − c form an
exact affine space (symbolic.sos.gram_space); the solver finds a point y deep inside the PSD cone
(max t with Q(y) ⪰ tI), y is rounded to rationals, and the resulting rational Q is accepted only if
exact LDLᵀ shows Q ⪰ 0 and SymPy re-checks f − c = pᵀQp.  With G (equations of a set on which
f = c) the basis is reduced to polynomials vanishing there (facial reduction), which an attained
bound needs.  ``certified_lower_bound`` tries the exact candidate values first (attained bounds),
then a rational just below the float optimum.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import scipy.sparse as sps
import sympy as sp

from symbolic import sos as S


def _basis(f, vs):
    P = sp.Poly(sp.expand(f), *vs)
    D = P.total_degree()
    if D % 2:
        return None, None
    support = set(P.monoms())
    return S.prune_half_newton(support | {tuple(0 for _ in vs)}, S.monomials(len(vs), D // 2)), P


def _solve(prob):
    import warnings

    import cvxpy as cp

    for solver in (cp.CLARABEL, cp.SCS):
        try:
            with warnings.catch_warnings():  # an inaccurate float answer is judged by the exact check, not here
                warnings.simplefilter("ignore")
                prob.solve(solver=solver)
        except cp.error.SolverError:
            continue
        if prob.status in ("optimal", "optimal_inaccurate"):
            return True
        if prob.status in ("infeasible", "unbounded", "infeasible_inaccurate", "unbounded_inaccurate"):
            return False  # a verdict of the solver, not a failure: the other solver would say the same
    return False


def unbounded_witness(f, vs, sign: int = 1):
    """A small integer direction u with sign·top(u) < 0 for the top-degree form of f (then sign·f is unbounded
    below along u and no SOS bound exists), or None.  Odd degree: the form is odd, some u works."""
    import itertools

    vs = tuple(vs)
    P = sp.Poly(sp.expand(sign * f), *vs)
    D = P.total_degree()
    top = sp.Add(*[c * sp.Mul(*[v**e for v, e in zip(vs, m)]) for m, c in P.terms() if sum(m) == D])
    for u in itertools.product((1, -1, 0, 2), repeat=len(vs)):
        if any(u) and top.subs(dict(zip(vs, u))) < 0:
            return u
    return None


def why_no_bound(f, vs) -> str:
    """Why ``lower_bound`` found no SOS bound, in words."""
    P = sp.Poly(sp.expand(f), *vs)
    if P.total_degree() % 2:
        return f"odd degree {P.total_degree()}: f is unbounded below, no SOS bound"
    u = unbounded_witness(f, vs)
    if u is not None:
        return f"f is unbounded below (its top-degree form is negative at {u}): no SOS bound"
    return ("the SDP max c s.t. f − c is SOS is infeasible or failed: f − c is SOS for no c in this basis "
            "(f may be unbounded below, or nonnegative but not SOS)")


def lower_bound(f, vs) -> float | None:
    """The float optimum of max c s.t. f − c is SOS in the pruned monomial basis (no proof)."""
    import cvxpy as cp

    vs = tuple(vs)
    basis, P = _basis(f, vs)
    if basis is None:
        return None
    r = len(basis)
    mons: dict[tuple, list] = {}
    for a in range(r):
        for b in range(r):
            mons.setdefault(S._add(basis[a], basis[b]), []).append(a * r + b)
    coef = dict(P.terms())
    keys = sorted(set(mons) | set(coef))
    zero = tuple(0 for _ in vs)
    rows, cols = [], []
    for i, m in enumerate(keys):
        for j in mons.get(m, []):
            rows.append(i)
            cols.append(j)
    A = sps.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(keys), r * r))
    b = np.array([float(coef.get(m, 0)) for m in keys])
    e0 = np.array([1.0 if m == zero else 0.0 for m in keys])
    Q = cp.Variable((r, r), symmetric=True)
    c = cp.Variable()
    prob = cp.Problem(cp.Maximize(c), [Q >> 0, A @ cp.vec(Q, order="C") + c * e0 == b])
    return float(c.value) if _solve(prob) else None


def _rational(x: float, den: int = 10**9) -> Fraction:
    return Fraction(round(x * den), den)


def certify(f, vs, c, ideals=(), points=(), margin: float = 1e-7, rounds: int = 3) -> S.Certificate | None:
    """An exact certificate that f − c is SOS (c rational), or None; ``ideals`` (grevlex bases) and
    ``points`` (AlgebraicPoints) describe a set where f = c, on which the squared polynomials vanish.

    When no Gram matrix is strictly feasible in the basis, the solver's (maximal-rank) answer shows a
    kernel; its vectors, rounded to small-denominator rationals, are removed from the basis (facial
    reduction) and the solve is repeated, at most ``rounds`` times.  Rounding here is harmless: only
    the final exact check counts."""
    vs = tuple(vs)
    c = sp.Rational(c)
    basis, _ = _basis(sp.expand(f - c), vs)
    if basis is None:
        return None
    polys = (S.ideal_subspace(basis, vs, ideals, points) if (ideals or points)
             else [{m: Fraction(1)} for m in basis])
    target = S.poly_dict(sp.expand(f - c), vs)
    for _ in range(rounds):
        if not polys:
            return None
        space = S.gram_space(target, polys)
        if space is None:
            return None
        t, Qf, Q = _gram_solve(space)
        if t is not None and t >= margin:
            ok, piv = S.ldl_psd(Q)
            if not ok:
                return None
            r = space.size
            cert = S.Certificate(sp.expand(f), vs, c, [S.to_expr(p, vs) for p in polys],
                                 sp.Matrix(r, r, lambda i, j: sp.Rational(Q[i][j].numerator, Q[i][j].denominator)), piv)
            return cert if cert.check() else None
        if Qf is None:
            return None
        polys = _reduce_face(polys, Qf)
        if polys is None:
            return None
    return None


def _gram_solve(space: S.GramSpace):
    """max t s.t. Q(y) ⪰ tI: (t, the float Q, the rational Q from y rounded), or Nones."""
    import cvxpy as cp

    r, K = space.size, len(space.N)
    Q0 = np.array(space.Q0, dtype=float)
    if K:
        Nv = np.array([np.array(Nk, dtype=float).reshape(-1) for Nk in space.N]).T  # (r², K)
        y = cp.Variable(K)
        Qy = cp.reshape(Q0.reshape(-1) + Nv @ y, (r, r), order="C")
    else:
        y, Qy = None, cp.Constant(Q0)
    t = cp.Variable()
    Qs = (Qy + Qy.T) / 2
    cons = [Qs - t * np.eye(r) >> 0, t <= 1]
    if y is not None:
        cons.append(cp.norm(y, "inf") <= 1e4)
    if not _solve(cp.Problem(cp.Maximize(t), cons)) or t.value is None:
        return None, None, None
    yv = y.value if y is not None else []
    yr = [_rational(float(v)) for v in yv]
    Qf = Q0 + (Nv @ np.asarray(yv) if K else 0).reshape(r, r) if K else Q0
    return float(t.value), Qf, space.at(yr)


def _reduce_face(polys, Qf, tol: float = 1e-6):
    """Drop the numeric kernel of Qf from the basis: new polynomials Σⱼ Nⱼᵢ pⱼ with N spanning the
    orthogonal complement of the kernel vectors rounded to rationals (None: no kernel to drop)."""
    w, V = np.linalg.eigh((Qf + Qf.T) / 2)
    ker = V[:, w < tol * max(1.0, float(np.max(np.abs(w))))]
    if ker.shape[1] == 0 or ker.shape[1] == len(polys):
        return None
    # a rational basis of the kernel: reduced row echelon form of its span, entries rounded
    K = sp.Matrix(ker.T)
    K = K.rref(iszerofunc=lambda v: abs(v) < 1e-9)[0]
    rows = []
    for i in range(ker.shape[1]):
        rows.append([sp.Rational(Fraction(float(v)).limit_denominator(1000)) for v in K.row(i)])
    comp = sp.Matrix(rows).nullspace()
    if not comp:
        return None
    out = []
    for vec in comp:
        d: dict = {}
        for a, p in zip(vec, polys):
            if a != 0:
                a = Fraction(int(sp.Rational(a).p), int(sp.Rational(a).q))
                for m, cf in p.items():
                    d[m] = d.get(m, 0) + a * cf
        out.append({m: cf for m, cf in d.items() if cf})
    return out


@dataclass
class LowerBound:
    value: sp.Rational | None  # proved: f ≥ value everywhere (None: no certificate)
    attained: bool  # the value is a critical value of f (the candidate matched)
    float_value: float | None  # the solver's optimum (no proof)
    certificate: S.Certificate | None
    text: str


def certified_lower_bound(f, vs, candidates=()) -> LowerBound:
    """A proved global lower bound of f: an attained candidate first, else c* − δ.

    ``candidates``: (value, ideals, points) — an exact critical value and the set where f takes it."""
    vs = tuple(vs)
    if unbounded_witness(f, vs) is not None:
        return LowerBound(None, False, None, None, "no SOS lower bound: " + why_no_bound(f, vs))
    cstar = lower_bound(f, vs)
    if cstar is None:
        return LowerBound(None, False, None, None, "no SOS lower bound: " + why_no_bound(f, vs))
    for val, ideals, points in candidates:
        # only a filter (the certificate below is exact): an SDP solver's optimum can sit 1e-5..1e-4 off the true
        # value (−2.1e-5 for ((x−5)² + (y−5)² − 1)², whose minimum is 0), so the window is wide
        if abs(float(val) - cstar) <= 1e-3 * (1 + abs(cstar)):
            cert = certify(f, vs, val, ideals, points)
            if cert is not None:
                return LowerBound(sp.Rational(val), True, cstar, cert,
                                  f"f − ({val}) is SOS (exact): {cert.text()}; SDP optimum {cstar:.10g}")
    below = sp.Rational(_rational(cstar - 1e-4 * (1 + abs(cstar)), 10**6))
    cert = certify(f, vs, below)
    if cert is None:
        return LowerBound(None, False, cstar, None, f"SDP optimum {cstar:.10g} (float, not certified)")
    return LowerBound(below, False, cstar, cert, f"f ≥ {below} (exact SOS certificate: {cert.text()}); "
                      f"SDP optimum {cstar:.10g}")
