"""Scalar implications over the quantities of §8.3.2's proofs (s = ‖x‖², c = ⟨x, z⟩², t = ⟨x, z⟩, ε).

No claims here: a helper for mc_f_lemmas and mc_theorem.

An ``Implication`` says: for every point of a box where all premises g_i ≥ 0 hold, every
conclusion h_k ≥ 0 holds.  The check has two halves:
  * exact, when a certificate is given: h_k ≡ Σ coef·Π atoms, proved by sympy.expand, where each
    atom is nonnegative by construction (a premise, a side of the box, a square, a sum of such);
  * a counterexample search: a dense grid of the box, the feasible points kept, the worst
    conclusion polished by SLSQP; a feasible point with h_k < −tol refutes the implication.
Verdict: certificate proved → True; a counterexample → False; otherwise inconclusive.
Strength: a proved certificate is ``proved`` (an exact identity over the whole box); a verdict
resting on the grid + SLSQP search alone (``accept_search``, or a float counterexample) is
``sampled``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import product

import numpy as np
import sympy as sp

from verify.engine.claim import Outcome, Step

# atoms of a certificate: ("p", i) premise i; ("lo", v) v − lo; ("hi", v) hi − v; ("sq", e) e²;
# ("c", q) a constant q ≥ 0; ("sum", [terms]) a sum of certificate terms.  A term is (coef ≥ 0, [atoms]).


@dataclass(frozen=True)
class Implication:
    variables: tuple  # ((symbol, lo, hi), ...)
    premises: tuple  # sympy expressions, each meaning expr ≥ 0
    conclusions: tuple  # sympy expressions, each meaning expr ≥ 0
    certificates: tuple | None = None  # one per conclusion: a list of terms, or None
    text: str = ""
    grid: int = 0  # points per axis (0: chosen from the dimension)
    tol: float = 1e-9
    premise_names: tuple = field(default=())
    accept_search: bool = False  # no certificate: a search that finds no counterexample counts as 'holds'


def _atom_value(atom, imp: Implication):
    kind, arg = atom
    bounds = {v: (lo, hi) for v, lo, hi in imp.variables}
    if kind == "p":
        return imp.premises[arg], True
    if kind == "lo":
        return arg - sp.nsimplify(bounds[arg][0]), True
    if kind == "hi":
        return sp.nsimplify(bounds[arg][1]) - arg, True
    if kind == "sq":
        return arg**2, True
    if kind == "c":
        q = sp.nsimplify(arg)
        return q, bool(q >= 0)
    if kind == "sum":
        total, ok = sp.Integer(0), True
        for term in arg:
            v, o = _term_value(term, imp)
            total, ok = total + v, ok and o
        return total, ok
    raise ValueError(f"unknown certificate atom {kind!r}")


def _term_value(term, imp):
    coef, atoms = term
    coef = sp.nsimplify(coef)
    val, ok = coef, bool(coef >= 0)
    for a in atoms:
        v, o = _atom_value(a, imp)
        val, ok = val * v, ok and o
    return val, ok


def prove(imp: Implication) -> tuple[bool, list[Step]]:
    if imp.certificates is None:
        return False, []
    steps, all_ok = [], True
    for k, (concl, cert) in enumerate(zip(imp.conclusions, imp.certificates)):
        if cert is None:
            all_ok = False
            continue
        total, nonneg = sp.Integer(0), True
        for term in cert:
            v, o = _term_value(term, imp)
            total, nonneg = total + v, nonneg and o
        rest = sp.expand(concl - total)
        ok = nonneg and rest == 0
        all_ok = all_ok and ok
        steps.append(Step(f"certificate {k + 1}", "conclusion − Σ (nonnegative coefficient × product of premises, box "
                          "sides, squares) expands to 0", printed=sp.sstr(concl), derived=rest, holds=ok))
    return all_ok, steps


def search_counterexample(imp: Implication):
    syms = [v for v, _, _ in imp.variables]
    n = imp.grid or {1: 20001, 2: 401, 3: 81, 4: 31}.get(len(syms), 15)
    axes = [np.linspace(float(lo), float(hi), n) for _, lo, hi in imp.variables]
    mesh = np.meshgrid(*axes, indexing="ij")
    pts = [m.ravel() for m in mesh]
    P = [sp.lambdify(syms, g, "numpy") for g in imp.premises]
    C = [sp.lambdify(syms, h, "numpy") for h in imp.conclusions]
    feas = np.ones(pts[0].shape, bool)
    for g in P:
        feas &= np.broadcast_to(np.asarray(g(*pts), float), feas.shape) >= -1e-12
    n_feas = int(feas.sum())
    from scipy.optimize import minimize

    bounds = [(float(lo), float(hi)) for _, lo, hi in imp.variables]
    cons = [{"type": "ineq", "fun": (lambda x, g=g: float(g(*x)))} for g in P]
    rng = np.random.default_rng(0)
    worst, where = np.inf, None
    for k, h in enumerate(C):
        val = np.broadcast_to(np.asarray(h(*pts), float), feas.shape)
        val = np.where(feas, val, np.inf)
        order = np.argsort(val)[:8]
        starts = [[float(p[i]) for p in pts] for i in order if np.isfinite(val[i])]
        starts += [[rng.uniform(lo, hi) for lo, hi in bounds] for _ in range(8)]
        for i in order[:1]:
            if val[i] < worst:
                worst, where = float(val[i]), (k, [float(p[i]) for p in pts])
        # polish: minimise the conclusion subject to the premises, from the best grid points and random starts
        for x0 in starts:
            res = minimize(lambda x: float(C[k](*x)), x0, bounds=bounds, constraints=cons, method="SLSQP",
                           options={"maxiter": 300, "ftol": 1e-15})
            xr = np.clip(res.x, [b[0] for b in bounds], [b[1] for b in bounds])
            if all(float(g(*xr)) >= -1e-9 for g in P):  # SLSQP stops within ~1e-9 of the boundary
                v = float(C[k](*xr))
                if v < worst and (v < -1e3 * imp.tol or v >= worst - 1e-12 or worst == np.inf):
                    worst, where = v, (k, [float(t) for t in xr])
    return worst, where, n_feas


def check_implication(imp: Implication, ctx=None) -> Outcome:
    proved, steps = prove(imp)
    worst, where, n_feas = search_counterexample(imp)
    names = [str(v) for v, _, _ in imp.variables]
    ce = None
    if where is not None and worst < -imp.tol:
        k, x = where
        ce = {"conclusion": sp.sstr(imp.conclusions[k]) + " >= 0", "at": dict(zip(names, [round(v, 9) for v in x])),
              "value": worst}
    if ce is not None:
        holds = False
    elif proved or (imp.accept_search and imp.certificates is None):
        holds = True
    else:
        holds = None
    methods = (["symbolic (certificate)"] if imp.certificates is not None else []) + ["grid + SLSQP"]
    strength = "proved" if holds is True and proved else "sampled"
    proof, sizes = [], []
    if ce is not None:  # confirm the float counterexample at a nearby rational point, in exact arithmetic
        exact = _exact_counterexample(imp, where)
        if exact is not None:
            proof, sizes, strength = [exact], [f"one rational point {exact.size}"], "exact"
            ce["exact"] = exact.size
    return Outcome(holds, methods, n_feas, None if not np.isfinite(worst) else worst, ce, steps=steps,
                   notes=[imp.text] if imp.text else [], strength=strength, proof=proof, sizes=sizes)


def _exact_counterexample(imp: Implication, where):
    """The search's point, rounded to a rational: every premise ≥ 0 and the conclusion < 0 exactly, or None."""
    from fractions import Fraction

    from verify.engine.claim import Proof
    k, x = where
    syms = [v for v, _, _ in imp.variables]
    for den in (10**6, 10**9, 10**12):
        q = {v: sp.Rational(Fraction(t).limit_denominator(den)) for v, t in zip(syms, x)}
        if not all(lo <= q[v] <= hi for v, lo, hi in imp.variables):
            continue
        if all(sp.nsimplify(g).subs(q) >= 0 for g in imp.premises):
            val = sp.nsimplify(imp.conclusions[k]).subs(q)
            if val < 0:
                return Proof("exact", "premises ≥ 0 and conclusion < 0 at a rational point", val,
                             size=", ".join(f"{v} = {q[v]}" for v in syms))
    return None


def box(*specs):
    """Variables: box(("s", 0, 4), ...) -> ((Symbol, lo, hi), ...), real symbols."""
    return tuple((sp.Symbol(n, real=True), lo, hi) for n, lo, hi in specs)


# --- premises: each one entailed by the conclusion of a claim in `uses` (issue 19) ---------------------------
def source_statement(claim_id: str, form: str = "printed"):
    """The statement of a used claim (its corrected statement with form='corrected' when it has an erratum)."""
    from verify.engine import registry
    from verify.engine.lazy import force

    c = registry.load()[claim_id]
    st = c.erratum.corrected_statement if (form == "corrected" and c.erratum is not None) else c.statement
    return force(st)


def entailed(premise, source, variables) -> bool:
    """premise ≥ 0 follows from source ≥ 0 on the box: premise − source is a polynomial whose every coefficient is
    ≥ 0 in variables whose box starts at ≥ 0 (so premise ≥ source ≥ 0), or premise = λ·source with λ > 0."""
    diff = sp.expand(sp.nsimplify(premise) - sp.nsimplify(source))
    if diff == 0:
        return True
    syms = [v for v, _, _ in variables]
    lo = {v: sp.nsimplify(a) for v, a, _ in variables}
    try:
        poly = sp.Poly(diff, *syms)
    except sp.PolynomialError:
        poly = None
    if poly is not None:
        ok = True
        for mon, coef in poly.terms():
            if not (coef.is_number and coef >= 0):
                ok = False
                break
            if any(k > 0 and not lo[v] >= 0 for v, k in zip(syms, mon)):
                ok = False
                break
        if ok:
            return True
    ratio = sp.simplify(sp.nsimplify(premise) / sp.nsimplify(source))
    return bool(ratio.is_number and ratio > 0)


@dataclass(frozen=True)
class Source:
    """Where a premise comes from: a claim in ``uses`` (its printed or corrected form) and the translation of its
    statement object into the step's variables (a conclusion ``expr ≥ 0``)."""

    claim: str
    conclusion: object  # callable(statement) -> sympy expression ≥ 0 in the step's variables
    text: str = ""
    form: str = "printed"


def check_premises(variables, premises, sources, ctx=None) -> Outcome:
    """Every typed premise must be entailed by the conclusion of the claim it cites (read from that claim's
    statement object, so a typo in a premise, or a change of the cited claim, makes the proof fail)."""
    steps, bad = [], []
    for prem, src in zip(premises, sources):
        st = source_statement(src.claim, src.form)
        concl = src.conclusion(st)
        ok = entailed(prem, concl, variables)
        steps.append(Step(f"premise ← {src.claim}" + (" (corrected)" if src.form == "corrected" else ""),
                          (src.text or "the cited claim's conclusion") + ": premise − conclusion has nonnegative "
                          "coefficients on the box (premise ≥ conclusion ≥ 0)",
                          printed=sp.sstr(prem) + " >= 0", derived=sp.sstr(concl) + " >= 0", holds=ok))
        if not ok:
            bad.append({"premise": sp.sstr(prem) + " >= 0", "cited": src.claim, "its conclusion": sp.sstr(concl) + " >= 0"})
    if len(premises) != len(sources):
        bad.append({"premises": len(premises), "sources": len(sources)})
    return Outcome(not bad, ["symbolic (premise entailment)"], len(premises), None,
                   {"premises not entailed by the claims they cite": bad} if bad else None, steps=steps,
                   strength="proved")


def parse(exprs, variables):
    """Premises typed as strings in a statement (so a mutant can change them), parsed in the box's symbols."""
    loc = {str(v): v for v, _, _ in variables}
    return tuple(sp.sympify(e, locals=loc) for e in exprs)
