"""Attacks on sec:8.3.3:tensor-landscape: every critical point of (8.53) on the sphere, classified exactly, for one
bank tensor T = Σᵣ λᵣaᵣ^⊗4 (``numeric/adversaries/tensors.py``).

T is built entrywise and contracted as printed (Σ_{ijkl} T_ijkl x_i x_j x_k x_l).  With orthonormal components the
variables are rotated, x = Qy with Q = [A | a rational completion] orthogonal (checked), and G(y) = F(Qy) is checked to
equal Σλᵣyᵣ⁴ as a polynomial; otherwise y = x.  The Lagrange system ∇G = 2μy, ‖y‖² = 1 is solved by SymPy (a Gröbner
solve: every solution), and at each real solution the Riemannian Hessian P(∇²G − (yᵀ∇G)I)P, P = I − yyᵀ, gives the
tangent spectrum (its characteristic polynomial divided by the normal direction's z).  A point with a zero tangent
eigenvalue and F = 0 is a global minimum of F ≥ 0 and not a local maximum (F(cos t·x + sin t·a₁) = λ₁sin⁴t > 0 for
x ⊥ span A); any other degenerate point leaves the member undecided (n/a).
"""
from __future__ import annotations

from functools import lru_cache

import sympy as sp

from numeric.adversaries import Class
from symbolic.chapter8 import landscapes as SL
from symbolic.critical_points import exact_sign
from verify.engine.claim import Outcome

TENSOR_ORTHO = Class("orthonormal T = Σλᵣaᵣ^⊗4, λᵣ > 0 (d ≤ 3, d − k ≤ 1)", "tensor",
                     ("orthonormal components", "positive weights", "d ≤ 3", "d − k ≤ 1"),
                     "the chapter's 'low-rank tensor with orthonormal components' (any positive weights), at the sizes "
                     "decided exactly")
TENSOR_EQUAL = Class("orthonormal T = λΣaᵣ^⊗4 (equal weights, d ≤ 3, d − k ≤ 1)", "tensor",
                     ("orthonormal components", "positive weights", "equal weights", "d ≤ 3", "d − k ≤ 1"),
                     "the unit-weight reading (Ge et al. 2015's T = Σaᵣ^⊗4)")
TENSOR_ANY = Class("T = Σλᵣaᵣ^⊗4, unit components, λᵣ > 0 (d ≤ 3, d − k ≤ 1)", "tensor",
                   ("positive weights", "d ≤ 3", "d − k ≤ 1"), "components not necessarily orthogonal")


def _completion(A: sp.Matrix) -> sp.Matrix | None:
    """A rational orthogonal Q = [A | B] (d ≤ 3, d − k ≤ 1), or None when the completion is irrational."""
    d, k = A.shape
    if k == d:
        return A
    if d == 2:
        b = sp.Matrix([-A[1, 0], A[0, 0]])
    elif d == 3 and k == 2:
        b = A[:, 0].cross(A[:, 1])
    else:
        return None
    return sp.Matrix.hstack(A, b)


def _sign(v) -> int:
    return exact_sign(v, rationalise=True)


@lru_cache(maxsize=None)
def landscape(name: str) -> dict:
    """Every critical point of (8.53) on the sphere for the bank tensor ``name``: rows (x, y, |S| or None, F, tangent
    eigenvalues, kind), the maximum value, and how the variables were reduced."""
    from numeric.adversaries.core import BANK

    T = BANK[name].obj
    A, lam = T["A"], T["weights"]
    d, k = A.shape
    Tt = sp.MutableDenseNDimArray.zeros(d, d, d, d)
    for i in range(d):
        for j in range(d):
            for m in range(d):
                for n in range(d):
                    Tt[i, j, m, n] = sum(lam[r] * A[i, r] * A[j, r] * A[m, r] * A[n, r] for r in range(k))
    xs = sp.symbols(f"x0:{d}", real=True)
    F = SL.tensor_objective_853(Tt, xs)
    ys = sp.symbols(f"y0:{d}", real=True)
    ortho = A.T * A == sp.eye(k)
    Qm = _completion(A) if ortho else None
    if Qm is not None and Qm.T * Qm == sp.eye(d):
        G = sp.expand(F.subs(dict(zip(xs, Qm * sp.Matrix(ys))), simultaneous=True))
        diag = sp.expand(G - sum(lam[r] * ys[r] ** 4 for r in range(k))) == 0
        how = (f"x = Qy, Q = [A | {Qm[:, k:].T.tolist() if k < d else '—'}] orthogonal; F(Qy) − Σλᵣyᵣ⁴ = 0: {diag}")
        if not diag:
            raise AssertionError("F(Qy) ≠ Σλᵣyᵣ⁴ for orthonormal components")
    else:
        Qm, G, how = sp.eye(d), F.subs(dict(zip(xs, ys)), simultaneous=True), "y = x (components not orthonormal)"
    mu = sp.Symbol("mu", real=True)
    sols = sp.solve([sp.diff(G, v) - 2 * mu * v for v in ys] + [sum(v**2 for v in ys) - 1], [*ys, mu], dict=True)
    Y = sp.Matrix(ys)
    g = sp.Matrix([sp.diff(G, v) for v in ys])
    H = sp.hessian(G, ys)
    z = sp.Symbol("z")
    rows = []
    for s in sols:
        y0 = Y.subs(s)
        if not all(sp.im(v) == 0 for v in y0):
            continue
        g0, H0 = g.subs(s), H.subs(s)
        P = sp.eye(d) - y0 * y0.T
        Hr = (P * (H0 - (y0.T * g0)[0, 0] * sp.eye(d)) * P).applyfunc(sp.simplify)
        cp = sp.Poly(sp.simplify((z * sp.eye(d) - Hr).det(method="berkowitz")), z)
        q, r = sp.div(cp, sp.Poly(z, z))
        assert r.is_zero
        eig = [e for e, mlt in sp.roots(q).items() for _ in range(mlt)]
        assert len(eig) == d - 1, (name, s, q)
        sg = [_sign(e) for e in eig]
        Fv = sp.simplify(G.subs(s))
        if all(v < 0 for v in sg):
            kind = "maximum"
        elif all(v > 0 for v in sg):
            kind = "minimum"
        elif any(v < 0 for v in sg) and any(v > 0 for v in sg):
            kind = "saddle"
        elif Fv == 0 and all(w > 0 for w in lam):
            kind = "minimum"  # F ≥ 0 (Σλᵣ(aᵣᵀx)⁴, λᵣ > 0) and F > 0 along the great circle to a₁: global, not a maximum
        else:
            kind = "degenerate"
        x0 = [sp.simplify(v) for v in Qm * y0]
        if ortho:
            supp = sum(1 for r in range(k) if y0[r] != 0)  # the signed sum over S, in the basis of the aᵣ
        else:  # 1 if x = ±aᵣ, else None (not a component)
            supp = 1 if any(all(sp.simplify(xv - s_ * av) == 0 for xv, av in zip(x0, A[:, r])) for r in range(k)
                            for s_ in (1, -1)) else None
        rows.append({"x": x0, "support": supp, "F": Fv,
                     "tangent": [sp.simplify(e) for e in eig], "kind": kind})
    Fmax = max((r_["F"] for r_ in rows), key=lambda v: float(v))
    return {"rows": rows, "Fmax": Fmax, "how": how, "d": d, "k": k, "weights": lam, "ortho": bool(ortho)}


def decide(stmt, member, ctx) -> Outcome:
    """The statement (a TensorLandscape of landscape_833) on one bank tensor, exactly."""
    L = landscape(member.name)
    d, k, lam = L["d"], L["k"], L["weights"]
    if (stmt.components == "orthonormal") != L["ortho"]:
        return Outcome(None, ["exact"], 0, notes=[f"the statement is about {stmt.components} components; "
                                                   f"{member.name} is {'orthonormal' if L['ortho'] else 'correlated'}"])
    if stmt.weights == "equal" and len(set(lam)) > 1:
        return Outcome(None, ["exact"], 0, notes=["unequal weights: outside the equal-weight reading"])
    if any(r["kind"] == "degenerate" for r in L["rows"]):
        return Outcome(None, ["exact"], 0, notes=["a degenerate critical point (zero tangent eigenvalue, F > 0): "
                                                  "undecided at second order"])
    lmax = max(lam)
    bad = None
    for r in L["rows"]:
        is_max = r["kind"] == "maximum"
        m = r["support"]
        if stmt.maxima == "all global":
            ok = not is_max or r["F"] == L["Fmax"]
            want = "a global maximum if a local maximum"
        elif stmt.maxima == "components":
            ok = is_max == (m == 1) and (not is_max or (r["F"] == L["Fmax"]) == (r["F"] == lmax))
            want = "local maximum iff x = ±aᵢ (global iff λᵢ = max λ)"
        else:  # 'largest only'
            ok = is_max == (m == 1 and r["F"] == lmax)
            want = "local maximum iff x = ±aᵢ with λᵢ = max λ"
        if ok and m is not None and m >= 2:
            cls = stmt.full_sums if m == d else stmt.pair_sums if m == 2 else "saddle"
            ok, want = r["kind"] == cls, f"a {cls} (|S| = {m})"
        if ok and m == 0 and r["kind"] != "minimum":
            ok, want = False, "a minimum (F = 0 off span A)"
        if not ok:
            bad = {"tensor": member.name, "x": [str(v) for v in r["x"]], "F(x)": str(r["F"]), "max F": str(L["Fmax"]),
                   "tangent Hessian": [str(v) for v in r["tangent"]], "class": r["kind"], "claimed": want}
            break
    kinds: dict[str, int] = {}
    for r in L["rows"]:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    return Outcome(bad is None, ["symbolic", "exact"], len(L["rows"]), None, bad, strength="exact",
                   sizes=[f"d = {d}, k = {k}, λ = {[str(v) for v in lam]}"],
                   notes=[f"{len(L['rows'])} critical points on the sphere ({', '.join(f'{c} {kd}' for kd, c in kinds.items())}); "
                          f"max F = {L['Fmax']}; {L['how']}"])
