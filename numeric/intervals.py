"""Interval certificates for numeric critical points (mpmath.iv: outward-rounded interval arithmetic).

For a point x̃ found by Newton and polished at high precision:

* ``krawczyk``: the Krawczyk operator K(X) = x̃ − Y∇f(x̃) + (I − Y∇²f(X))(X − x̃) on a small box X
  around x̃ (Y ≈ ∇²f(x̃)⁻¹, any matrix will do).  K(X) ⊂ int X proves that ∇f has exactly one zero in
  X (and that ∇²f is nonsingular on X).
* ``interval_inertia``: symmetric Gaussian elimination of the interval Hessian over X; when no pivot
  interval contains 0, every matrix in the interval matrix has the pivots' signs as its inertia
  (Sylvester), so the class of the critical point is proved.
* ``eigen_enclosures``: each eigenvalue (or cluster of equal ones) bracketed by counting the
  eigenvalues below two shifts λ̃ ± δ with the same elimination.

Decimal coefficients of the input are intervals that hold both readings, the decimal the user wrote
and its binary double, so a certificate holds for either.  Nothing is assumed exact that is not.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import mpmath
import sympy as sp
from mpmath import iv

_FUNCS = ("sin", "cos", "tan", "exp", "log", "sqrt", "atan", "sinh", "cosh", "tanh")


def _namespace():
    ns = {name: getattr(iv, name) for name in _FUNCS if hasattr(iv, name)}
    ns.update({"mpf": iv.mpf, "pi": iv.pi, "E": iv.e})
    return ns


def _coefficient_interval(F: sp.Float):
    """An interval holding the Float's decimal reading and its binary value."""
    a = sp.Rational(F)  # the exact binary value
    b = sp.Rational(str(F))  # the decimal as printed
    lo, hi = min(a, b), max(a, b)
    return iv.mpf([iv.mpf(int(lo.p)) / int(lo.q), iv.mpf(int(hi.p)) / int(hi.q)]) if lo != hi else iv.mpf(int(lo.p)) / int(lo.q)


@lru_cache(maxsize=64)
def compiled(f: sp.Expr, vs: tuple):
    floats = sorted(f.atoms(sp.Float), key=lambda F: (float(F), str(F)))
    cs = sp.symbols(f"_c0:{len(floats)}")
    g = f.xreplace(dict(zip(floats, cs)))
    grad = [sp.diff(g, v) for v in vs]
    H = sp.hessian(g, list(vs))
    ns = _namespace()
    args = list(vs) + list(cs)
    return {
        "f": sp.lambdify(args, g, modules=[ns, "mpmath"]),
        "g": sp.lambdify(args, grad, modules=[ns, "mpmath"]),
        "h": sp.lambdify(args, H.tolist(), modules=[ns, "mpmath"]),
        "coeffs": floats,
        "n": len(vs),
    }


def _coeffs(c):
    return [_coefficient_interval(F) for F in c["coeffs"]]


def _iv(v) -> iv.mpf:
    return iv.mpf(v) if not isinstance(v, type(iv.mpf(0))) else v


def _lt(a, b) -> bool:
    """Every point of interval a lies strictly below every point of interval b."""
    return a.b < b.a


@dataclass
class Enclosure:
    box: list  # iv.mpf per coordinate: the unique critical point lies in it
    value: object  # iv.mpf enclosing f there
    inertia: tuple[int, int, int] | None  # proved for every point of the box (None: not decided)
    eigen: list | None  # iv.mpf per eigenvalue (sorted), or None
    text: str

    @property
    def width(self) -> float:
        return max(float(b.delta) for b in self.box)


def _ldl_negatives(A, n):
    """Number of negative pivots of the symmetric interval matrix A, or None if a pivot holds 0."""
    M = [[A[i][j] for j in range(n)] for i in range(n)]
    neg = 0
    for i in range(n):
        d = M[i][i]
        if d.a <= 0 <= d.b:
            return None
        if d.b < 0:
            neg += 1
        for j in range(i + 1, n):
            fct = M[j][i] / d
            for k in range(i, n):
                M[j][k] = M[j][k] - fct * M[i][k]
    return neg


def _shifted(A, s, n):
    return [[A[i][j] - (s if i == j else 0) for j in range(n)] for i in range(n)]


def certify_point(f: sp.Expr, vs, x, dps: int = 50, radius=None) -> Enclosure | None:
    """Prove a unique critical point near x (a list of mpf) and its Hessian inertia, or None."""
    c = compiled(f, tuple(vs))
    n = c["n"]
    with mpmath.workdps(dps + 10):
        iv.dps = dps + 10
        try:
            cf = _coeffs(c)
            xm = [mpmath.mpf(v) for v in x]
            scale = 1 + max(abs(v) for v in xm)
            r = radius if radius is not None else mpmath.mpf(10) ** (-(dps // 2)) * scale
            Hm = mpmath.matrix(n, n)
            Hx = c["h"](*[iv.mpf(v) for v in xm], *cf)
            for i in range(n):
                for j in range(n):
                    Hm[i, j] = Hx[i][j].mid
            try:
                Y = mpmath.inverse(Hm)
            except ZeroDivisionError:
                return None
            gx = c["g"](*[iv.mpf(v) for v in xm], *cf)
            for _attempt in range(6):
                X = [iv.mpf([v - r, v + r]) for v in xm]
                HX = c["h"](*X, *cf)
                K = []
                for i in range(n):
                    acc = iv.mpf(xm[i])
                    for j in range(n):
                        acc -= iv.mpf(Y[i, j]) * gx[j]
                    for j in range(n):
                        cij = iv.mpf(1 if i == j else 0)
                        for k in range(n):
                            cij -= iv.mpf(Y[i, k]) * HX[k][j]
                        acc += cij * (X[j] - xm[j])
                    K.append(acc)
                if all(X[i].a < K[i].a and K[i].b < X[i].b for i in range(n)):
                    break
                # the box was too small for the coefficients' uncertainty: grow it past K's reach
                reach = max(max(abs(K[i].a - xm[i]), abs(K[i].b - xm[i])) for i in range(n))
                r = max(r * 100, 4 * mpmath.mpf(reach))
                if r > mpmath.mpf(10) ** -4 * scale:
                    return None
            else:
                return None
            box = [iv.mpf([max(K[i].a, X[i].a), min(K[i].b, X[i].b)]) for i in range(n)]
            HB = c["h"](*box, *cf)
            A = [[_iv(HB[i][j]) for j in range(n)] for i in range(n)]
            neg = _ldl_negatives(A, n)
            inertia = None if neg is None else (n - neg, neg, 0)
            val = _iv(c["f"](*box, *cf))
            eig = _eigen(A, Hm, n) if inertia is not None else None
            return Enclosure(box, val, inertia, eig,
                             f"Krawczyk: exactly one critical point in a box of width {float(2 * r):.1e} around x̃ "
                             f"(interval arithmetic at {dps} digits"
                             + (", decimal coefficients as intervals holding both readings" if cf else "") + ")"
                             + ("" if inertia is None else
                                f"; interval LDLᵀ of ∇²f over the box: inertia (+{inertia[0]}, −{inertia[1]}, 0×0) "
                                "at every point of it"))
        finally:
            iv.dps = 15


def _eigen(A, Hm, n):
    """Enclosures of the eigenvalues (clusters of near-equal ones share one) by shifted inertia counts."""
    E = sorted(mpmath.eigsy(Hm)[0][i] for i in range(n))
    scale = 1 + max(abs(e) for e in E)
    for k in (30, 20, 12, 8):
        delta = mpmath.mpf(10) ** (-k) * scale
        groups = []  # [lo, hi, count]
        for e in E:
            if groups and e - delta <= groups[-1][1]:
                groups[-1][1] = e + delta
                groups[-1][2] += 1
            else:
                groups.append([e - delta, e + delta, 1])
        out, ok, below = [], True, 0
        for lo, hi, cnt in groups:
            a = _ldl_negatives(_shifted(A, iv.mpf(lo), n), n)
            b = _ldl_negatives(_shifted(A, iv.mpf(hi), n), n)
            if a != below or b != below + cnt:
                ok = False
                break
            below += cnt
            out += [iv.mpf([lo, hi])] * cnt
        if ok:
            return out
    return None
