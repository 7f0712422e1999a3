"""Attacks on sec:8.3.3:linear-networks: every critical point of ½·(1/n)‖W₁W₂X − Y‖² at width k = 1, classified
exactly, for one bank data set (``numeric/adversaries/linnets.py``).

With W₁ = u ∈ ℝ^{dy}, W₂ = vᵀ, the loss is L(u, v) = ½(vᵀΣxxv)‖u‖² − uᵀΣyxv + ½trΣyy.  It does not change along
ker Σxx (Xᵀz = 0 gives Σxxz = 0 and Σyxz = 0), so v = Bw with B a rational basis of range(Σxx): local minima and values
are those of the reduced loss.  The critical points split exactly into
  (A) u = 0, Σyxv = 0: value ½trΣyy; if Σyx ≠ 0 every such point is a strict saddle — for b with Σyxb ≠ 0 and
      a = sΣyxb, s = 1/(c + 1), c = vᵀΣxxv, the Hessian form ½c‖a‖² − aᵀΣyxb = ‖Σyxb‖²(s²c/2 − s) < 0; if Σyx = 0,
      L ≥ ½trΣyy everywhere and every point is a global minimum;
  (B) u ≠ 0: by (u, v) ↦ (tu, v/t) (loss and critical set invariant) ‖u‖ = 1; SymPy solves ∇L = 0, ‖u‖² = 1 (every
      solution; a parametric family is recorded with its value).  At an isolated solution the Hessian is restricted
      to the complement of the scaling direction (u, −w) (inertia by congruence): a negative eigenvalue makes a strict
      saddle, a positive definite restriction a strict local minimum modulo the orbit (Morse–Bott).
The global minimum is attained (L is a convex quadratic in W on the closed set of rank ≤ 1 matrices, coercive on
range(Σxx)), so it is the least critical value.
"""
from __future__ import annotations

from functools import lru_cache

import sympy as sp

from numeric.adversaries import Class
from symbolic.critical_points import exact_sign
from verify.engine.claim import Outcome

REG_K1 = Class("data (X, Y), width k = 1, dx, dy ≤ 2", "regression", ("k = 1", "dx, dy ≤ 2", "joint covariance PSD"),
               "the linear networks y = W₁W₂x of §8.3.3 at width 1 on any data covariance")


def _sign(v) -> int:
    return exact_sign(v, rationalise=False)


@lru_cache(maxsize=None)
def landscape(name: str) -> dict:
    from numeric.adversaries.core import BANK
    from numeric.adversaries.linnets import covariances

    Sxx, Syx, Syy = covariances(BANK[name].obj)
    dy = Syx.rows
    c0 = Syy.trace() / 2
    cols = Sxx.columnspace()
    B = sp.Matrix.hstack(*cols) if cols else sp.zeros(Sxx.rows, 0)
    us, ws = sp.symbols(f"u0:{dy}", real=True), sp.symbols(f"w0:{B.cols}", real=True)
    U, v = sp.Matrix(us), B * sp.Matrix(ws)
    L = sp.expand((v.T * Sxx * v)[0] * (U.T * U)[0] / 2 - (U.T * Syx * v)[0] + c0)
    var = list(us) + list(ws)
    rows = [{"where": "u = 0, Σyx v = 0", "value": c0,
             "kind": "strict saddle" if any(x != 0 for x in Syx) else "global (L ≥ ½trΣyy)", "family": True}]
    sols = sp.solve([sp.diff(L, x) for x in var] + [(U.T * U)[0] - 1], var, dict=True)
    H = sp.hessian(L, var)
    for s in sols:
        pt = [sp.simplify(x.subs(s)) for x in var]
        if not all(sp.im(p) == 0 for p in pt if not p.free_symbols):
            continue
        val = sp.simplify(L.subs(s))
        if any(p.free_symbols for p in pt):
            rows.append({"where": f"family u, w = {pt}", "value": val, "kind": "family", "family": True})
            continue
        H0 = H.subs(dict(zip(var, pt)))
        t = sp.Matrix(list(pt[:dy]) + [-p for p in pt[dy:]])  # the scaling orbit's tangent
        N = sp.Matrix.hstack(*t.T.nullspace())
        pos, neg, zero = _inertia(N.T * H0 * N)
        kind = "strict saddle" if neg else "local minimum" if not zero else "degenerate"
        rows.append({"where": f"u = {pt[:dy]}, v = {list(B * sp.Matrix(pt[dy:]))}", "value": val, "kind": kind,
                     "family": False, "hessian": f"inertia (+{pos}, −{neg}, 0×{zero}) off the scaling orbit"})
    eqs = [sp.diff(L, x) for x in var] + [(U.T * U)[0] - 1]
    G = sp.groebner(eqs, *var, order="grevlex")
    if not G.is_zero_dimensional:
        # a positive-dimensional critical set after the gauge (repeated singular values): every point of it has the
        # value L₁ = ½trΣyy − ½λ_max(Σyx Σxx⁺ Σxy), attained, iff the ideal with τ(L − L₁) − 1 is the unit ideal
        M = Syx * Sxx.pinv() * Syx.T
        L1 = sp.simplify(c0 - max(M.eigenvals(), key=lambda e: float(e)) / 2)
        tau = sp.Symbol("tau")
        unit = list(sp.groebner(eqs + [tau * (L - L1) - 1], *var, tau, order="grevlex").exprs) == [1]
        # certified: every u ≠ 0 critical point lies at L₁, so the points sp.solve happened to return (which vary
        # with the hash seed: a parametric family or some of its points) are dropped, the certificate covers them
        rows = [r for r in rows if r["where"].startswith("u = 0") or (not unit and not r["family"])]
        rows.append({"where": "u ≠ 0 (a positive-dimensional critical set)", "value": L1,
                     "kind": "global (certified)" if unit else "family", "family": True})
    Lstar = min((r["value"] for r in rows if not r["value"].free_symbols), key=lambda x: float(x))
    return {"rows": rows, "Lstar": Lstar, "c0": c0, "Syx": Syx, "Sxx": Sxx}


def _inertia(H: sp.Matrix) -> tuple[int, int, int]:
    """(positive, negative, zero) eigenvalues of a symmetric matrix, exactly: its characteristic polynomial has only
    real roots, so Descartes' rule of signs counts the positive ones (and, at −z, the negative ones) exactly."""
    z = sp.Symbol("z")
    cp = sp.Poly(sp.simplify(H.charpoly(z).as_expr()), z)
    zero = 0
    while cp.degree() > 0 and sp.simplify(cp.eval(0)) == 0:
        cp, zero = sp.quo(cp, sp.Poly(z, z)), zero + 1

    def changes(p):
        sg = [_sign(c) for c in p.all_coeffs()]
        sg = [x for x in sg if x]
        return sum(1 for a, b in zip(sg, sg[1:]) if a != b)

    pos = changes(cp)
    neg = changes(sp.Poly(cp.as_expr().subs(z, -z), z))
    return pos, neg, zero


def decide(stmt, member, ctx) -> Outcome:
    """The statement (landscape_833.LinearNets) on one data set at width 1, exactly."""
    if stmt.rank_offset or stmt.init != "small random" or stmt.target != "reduced-rank":
        return Outcome(None, ["exact"], 0, notes=["a statement about GD runs or the optimum's formula: decided in the "
                                                  "check, not by the landscape"])
    Ls = landscape(member.name)
    rows, Lstar = Ls["rows"], Ls["Lstar"]
    bad, undecided = None, []
    for r in rows:
        glob = r["value"] == Lstar
        if r["kind"] in ("family", "degenerate") and not glob:
            undecided.append(r["where"])
            continue
        if stmt.all_global:
            ok, want = glob, "a global minimum (every critical point)"
        elif stmt.saddles == "minimum":
            ok, want = r["kind"] != "strict saddle", "a minimum (saddle components are minima)"
        elif stmt.minima_dim_offset:
            ok = not (glob and r["kind"] in ("local minimum", "global (L ≥ ½trΣyy)", "global (certified)"))
            want = "an isolated point (minima components of dimension k² − k² = 0; the scaling orbit has dimension 1)"
        else:
            ok, want = glob or r["kind"] == "strict saddle", "global, if a local minimum"
        if not ok and bad is None:
            bad = {"data": member.name, "critical point": r["where"], "loss": str(r["value"]), "global minimum": str(Lstar),
                   "class": r["kind"], "claimed": want, **({"Hessian": r["hessian"]} if "hessian" in r else {})}
    note = (f"{len(rows)} critical sets (up to scaling): " + "; ".join(f"{r['where']}: {r['kind']}, L = {r['value']}"
                                                                       for r in rows))[:600]
    if bad is None and undecided:
        return Outcome(None, ["exact"], len(rows), notes=[note, f"undecided at second order: {undecided}"])
    return Outcome(bad is None, ["symbolic", "exact"], len(rows), None, bad, strength="exact",
                   notes=[note + f"; global minimum {Lstar}"])
