"""§8.1–8.2: Observations 1–3, footnote 1, Figures 8.1–8.2, Definition 8.1, the necessary conditions
after it, and Theorem 8.3.

Critical points and their classes come from numeric.classify (exact Gröbner solution where it
applies, higher-order arguments for degenerate points); functions from symbolic.chapter8.landscapes;
GD is numeric.optimizers.GD.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import sympy as sp

from numeric import classify as C
from numeric.chapter8 import landscapes as NL
from symbolic.chapter8 import landscapes as SL
from verify.engine.rates import judge, pooled_fit
from numeric.adversaries import Class
from verify.engine.attacks import Quantified, Reading
from verify.engine.claim import Erratum, Mutant, Outcome, Step, all_of
from verify.engine.registry import claim

X, Y = SL.x, SL.y


def _landscape(f, vs):
    return C.critical_points(f, vs)


# --- Figure 8.1 ----------------------------------------------------------------------------------------
claim(
    id="figure:8.1",
    section="8.1",
    kind="informal",
    title="Classes of functions for optimization (the deep-learning 'middle cloud')",
    printed=r"\text{Figure 8.1: Classification of different functions for optimization. The functions we optimize "
    r"in deep learning seem to fall mostly within the middle cloud.}",
    statement=None,
    check=lambda s, ctx: Outcome(None, notes=["conceptual diagram"]),
    informal_reason="a conceptual diagram: the 'clouds' (convex, nice non-convex, arbitrary) are not defined "
    "sets and 'seem to fall mostly within' is an empirical impression. Its mathematical content — a class "
    "between convex and arbitrary on which GD finds global minima — is made precise by Definition 8.4 and "
    "Theorems 8.5/8.6 and checked there (def:8.4, thm:8.6).",
)


# --- Figure 8.2 / Observation 1 ---------------------------------------------------------------------------
@dataclass(frozen=True)
class GDStops:
    """GD (step 1/L on [−3, 3]) on f from x0 ends at a local minimum whose value is ``which``
    ('non-global' or 'global')."""

    f: sp.Expr
    x0: float
    which: str = "non-global"


def _gd_stop(stmt: GDStops, ctx) -> Outcome:
    f, vs = stmt.f, (X,)
    L = _landscape(f, vs)
    mins = L.local_minima
    fstar = min(p.value for p in mins)
    ell = NL.lipschitz_on_box(f, vs, -3, 3, k=601)
    res, _ = NL.gd_run(f, vs, [stmt.x0], step=1.0 / ell, iters=5000)
    xT = float(res.x[0])
    near = min(mins, key=lambda p: abs(p.x[0] - xT))
    at_min = abs(near.x[0] - xT) < 1e-6
    gap = res.cost - fstar
    is_global = abs(near.value - fstar) < 1e-12
    holds = at_min and (is_global if stmt.which == "global" else not is_global)
    steps = [
        Step("critical points", f"{L.method}: " + "; ".join(f"{p.label} at {p.x[0]:.6f} (f = {p.value:.6f})" for p in L.points),
             derived=f),
        Step("GD", f"GD with step 1/ℓ, ℓ = {ell:.4g} (max |f''| on [−3, 3]), from x₀ = {stmt.x0}: "
             f"x_T = {xT:.10f} after {res.iterations} steps ({res.stop_reason}), f(x_T) − min f = {gap:.6g}",
             holds=holds),
    ]
    return Outcome(holds, ["symbolic", "optimizer"], 1, float(gap if stmt.which == "non-global" else -gap), None if holds else
                   {"x0": stmt.x0, "x_T": xT, "f(x_T) - f*": gap, "nearest minimum": float(near.x[0])}, steps=steps, strength="sampled")


_F82, _ = SL.figure_8_2()

claim(
    id="figure:8.2",
    section="8.1",
    kind="algorithmic",
    title="GD from the blue point stops at the red local minimum, not the black global one",
    printed=r"\text{Figure 8.2: gradient descent initialized at the blue point only makes it to the local minimum at "
    r"the red point: it does not find the global minimum at the black point.}",
    statement=GDStops(_F82, SL.FIGURE_8_2_START, "non-global"),
    check=_gd_stop,
    mutants=[
        Mutant("from x₀ = −2 (the global basin) GD also stops at the red point", GDStops(_F82, -2.0, "non-global")),
        Mutant("on the convex x⁴ + x the same start stops at a non-global minimum", GDStops(X**4 + X, 2.0, "non-global")),
    ],
    notes=["reproduced with f(x) = x⁴ − 4x² + x (symbolic.chapter8.landscapes.figure_8_2): critical points exact "
           "(roots of 4x³ − 8x + 1), blue x₀ = 2, red ≈ 1.347 (f ≈ −2.619), black ≈ −1.473 (f ≈ −5.444)",
           "sampled: one GD run; a proof would need that 1-D GD with step ≤ 1/ℓ never jumps over a critical "
           "point, so from x₀ = 2 it stays right of the local maximum (≈ 0.126, a root of 4x³ − 8x + 1) and "
           "converges to the red minimum — a one-variable interval argument"],
)


def _gd_gaps(f, vs, inf_value, x0, ctx, T_max=1024):
    """GD with step 1/L (L on the box |xᵢ| ≤ |x0|_∞ + 1) and gaps f(x_T) − inf f at T = 1, 2, 4, …"""
    box = float(np.max(np.abs(x0))) + 1.0
    ell = NL.lipschitz_on_box(f, vs, -box, box, k=41)
    Ts = [2**j for j in range(0, int(np.log2(T_max)) + 1)]
    res, vals = NL.gd_run(f, vs, x0, step=1.0 / ell, iters=T_max, record=Ts)
    return ell, res, {T: v - inf_value for T, v in vals.items()}


def _inf_value(f, vs, inf_given):
    if inf_given is not None:
        return float(inf_given)
    L = _landscape(f, vs) if C.scp.is_rational_polynomial(f, vs) else C.critical_points(f, vs, box=(-5, 5), starts=40)
    return min(p.value for p in L.local_minima)


# --- Observation 1 on every convex f of the bank (second reader: eˣ, x⁴ with a fixed step) ------------------------
CONVEX_CLASS = Class("convex C² f: ℝ → ℝ", "fn1", ("C²", "convex"))


def _f_num(f):
    from numeric.adversaries.functions import _branch

    g, _dom, even = _branch(f)
    F, D1, D2 = (sp.lambdify(X, e, ["scipy", "numpy"]) for e in (g, sp.diff(g, X), sp.diff(g, X, 2)))
    if not even:
        return (lambda v: np.asarray(F(v), float) * np.ones_like(v), lambda v: np.asarray(D1(v), float) * np.ones_like(v),
                lambda v: np.asarray(D2(v), float) * np.ones_like(v))
    safe = lambda h: (lambda v: np.where(np.abs(v) < 1e-3, 0.0, h(np.maximum(np.abs(v), 1e-3))))  # noqa: E731
    d1 = safe(D1)
    return safe(F), (lambda v: np.sign(v) * d1(v)), safe(D2)


def decide_obs1(stmt, member, ctx) -> Outcome:
    """Observation 1 on one convex f: ``point`` — GD finds a global minimiser (one must exist); otherwise the value
    version (footnote 1): GD with η = 1/L, L = max f'' on the sublevel set {f ≤ f(x₀)} (``fixed_step``: a step
    independent of x₀), from x₀ ∈ {3, 100}, meets f(x_T) − inf f ≤ min_u [f(u) − inf f + (x₀ − u)²/(2ηT)] (the
    convex-smooth bound) and does not diverge."""
    return _decide_obs1(stmt.point, stmt.fixed_step, member)


@lru_cache(maxsize=None)
def _facts(f):
    from numeric.adversaries.functions import _branch, _minima

    g, _dom, even = _branch(f)
    mins = _minima(f)
    lims = [sp.limit(g, X, s_) for s_ in ((sp.oo,) if even else (sp.oo, -sp.oo))]
    inf_f = min([g.subs(X, m) if not even else sp.Integer(0) for m in mins] + [v for v in lims if v.is_finite or v == -sp.oo],
                key=lambda v: float(v) if v.is_finite else -1e300)
    return g, even, mins, inf_f, _f_num(f)


@lru_cache(maxsize=None)
def _decide_obs1(point, fixed_step, member) -> Outcome:
    stmt = Obs1(point=point, fixed_step=fixed_step)
    f = member.obj
    g, even, mins, inf_f, (F, D1, D2) = _facts(f)
    if stmt.point:
        if not mins:
            return Outcome(False, ["symbolic"], 1, None,
                           {"f": str(g), "critical points": "none (f' has no real zero)", "inf f": str(inf_f),
                            "why": "convex with no minimiser: there is no global minimum for GD to find"})
        return Outcome(True, ["symbolic"], 1, None, None, notes=[f"minimiser(s) {mins}"])
    if inf_f == -sp.oo:
        return Outcome(True, ["symbolic"], 1, None, None, notes=["inf f = −∞: f(x_t) → −∞ = inf f for any fixed η > 0 "
                                                                "along −f' (f' constant sign)"])
    T, rows = 2000, []
    for x0 in (3.0, 100.0):
        grid = np.linspace(-abs(x0) - 50, abs(x0) + 50, 200001)
        sub = grid[F(grid) <= F(np.array([x0]))[0] + 1e-12]
        L = float(np.max(D2(sub))) if sub.size else float(D2(np.array([x0]))[0])
        eta = stmt.fixed_step if stmt.fixed_step is not None else 1.0 / max(L, 1e-12)
        x = np.array([x0])
        with np.errstate(all="ignore"):
            for _ in range(T):
                x = x - eta * D1(x)
                if not np.isfinite(x).all() or abs(x[0]) > 1e100:
                    break
        if not np.isfinite(x).all() or abs(x[0]) > 1e100:
            return Outcome(False, ["optimizer"], 1, None, {"f": str(g), "x0": x0, "η": eta, "L on the sublevel set": L,
                                                           "GD": "diverged"})
        gap = float(F(x)[0]) - float(inf_f)
        us = np.linspace(-abs(x0) - 50, abs(x0) + 50, 20001)
        bound = float(np.min(F(us) - float(inf_f) + (x0 - us) ** 2 / (2 * eta * T)))
        rows.append((x0, eta, gap, bound))
        if gap > bound + 1e-9:
            return Outcome(False, ["optimizer"], 1, None, {"f": str(g), "x0": x0, "η": eta, "gap": gap, "bound": bound})
    return Outcome(True, ["optimizer"], len(rows), None, None,
                   notes=["(x₀, η, f(x_T) − inf f, bound) = " + "; ".join(f"({a:g}, {b:.3g}, {c:.3g}, {d:.3g})"
                                                                        for a, b, c, d in rows)])


@dataclass(frozen=True)
class Obs1:
    """(a) GD reaches the infimum's value on the functions of ``convex`` (gap after T steps → 0, ≤ LR²/2T
    where a minimiser exists); (b) on ``trap`` from ``trap_start`` it stops at a non-global local minimum."""

    convex: tuple = ("quadratic", "softplus", "quartic", "logcosh", "logistic")
    trap: tuple = ("figure-8.2", 2.0)
    convex_extra: tuple = ()  # (name, f, vs, inf) appended to the 'convex' list by a mutant
    point: bool = False  # 'finds a global minimum' read as a minimiser (the printed form)
    fixed_step: float | None = None  # a step independent of x₀ (a reading the second reader broke with x⁴)


def _bank():
    """The convex bank, plus one non-convex entry that a mutant lists among them."""
    b = dict(SL.convex_bank())
    b["nonconvex"] = ((X**2 - 1) ** 2 + Y**2 + X / 2, (X, Y), None)
    return b


_STARTS = {"nonconvex": (2.0, 0.5)}  # non-convex entries start in a non-global basin


def _convex_part(names, extra, ctx, tol=5e-3):
    bank = _bank()
    items = [(n, *bank[n], _STARTS.get(n)) for n in names] + list(extra)
    steps, fits, worst, ce = [], [], np.inf, None
    rng = ctx.rng("obs1-starts")
    for name, f, vs, inf_given, start in items:
        # convexity: the Hessian's smallest eigenvalue on a grid of [−4, 4]² (the region GD visits)
        D = NL.derivatives(f, tuple(vs))
        g = np.linspace(-4, 4, 41)
        pts = np.stack([a.ravel() for a in np.meshgrid(*[g] * len(vs))], axis=1)
        lam = float(D.lambda_min(pts).min())
        fstar = _inf_value(f, vs, inf_given)
        x0 = rng.uniform(-3, 3, size=len(vs)) if start is None else np.asarray(start, float)
        ell, res, gaps = _gd_gaps(f, vs, fstar, x0, ctx)
        extra_gaps = ([_gd_gaps(f, vs, fstar, rng.uniform(-3, 3, size=len(vs)), ctx)[2] for _ in range(2)]
                      if name in ("softplus", "quartic") else [])
        Ts = sorted(gaps)
        last = gaps[Ts[-1]]
        worst = min(worst, tol - last)
        if last > tol and ce is None:
            ce = {"function": name, "f": str(f), "gap after 1024 steps": last, "min Hessian eigenvalue on grid": lam}
        txt = (f"{name}: f = {f}; λ_min(∇²f) on the grid ≥ {lam:.3g}; inf f = {fstar:.6g}; GD step 1/{ell:.3g}: "
               f"gap {gaps[Ts[0]]:.3g} (T=1) → {last:.3g} (T={Ts[-1]})")
        if name in ("softplus", "quartic") and all(g[T] > 0 for g in [gaps] + extra_gaps for T in Ts[5:]):
            # three random starts (the first is the one above), one curve each, pooled
            theory = -1.0 if name == "softplus" else -2.0
            # descriptive: the verdict is the gap at T = 1024; the rate is compared in words only
            fit, sf = pooled_fit(f"f(x_T) − inf f ({name})", "T", [(Ts[5:], [g[T] for T in Ts[5:]])
                                                                   for g in [gaps] + extra_gaps], None, "=", (0, 1, 2))
            fits.append(fit)
            txt += f"; gap ∝ T^{fit.exponent:.3f} over 3 starts, against {theory:g}: {judge(fit, sf, theory).reason}"
        steps.append(Step(name, txt, holds=last <= tol))
    return Outcome(ce is None, ["optimizer", "sweep"], len(items), worst, ce, fits=fits, steps=steps,
                   notes=["softplus has no minimiser (inf 0 not attained): 'finds a global minimum' can only mean "
                          "the value (footnote 1); its gap decays like 1/T, the quartic's like T⁻² (degenerate minimum)"], strength="sampled")


def _check_obs1(stmt: Obs1, ctx) -> Outcome:
    from numeric.adversaries import admitted

    rows, ce, brk = [], None, None
    for m in admitted(CONVEX_CLASS):
        o = decide_obs1(stmt, m, ctx)
        rows.append(f"{m.name}: {'n/a' if o.holds is None else 'holds' if o.holds else 'broken'}")
        if o.holds is False and ce is None:
            ce, brk = {"member": m.name, **o.counterexample}, o
    # a refutation is as strong as the member's own decision (its proof objects travel with it)
    bank = Outcome(ce is None, ["symbolic", "optimizer"], len(rows), None, ce,
                   strength=(brk.strength or "sampled") if brk is not None else "sampled",
                   proof=list(brk.proof) if brk is not None else [],
                   steps=[Step("the bank's convex f", "; ".join(rows), holds=ce is None)])
    if ce is not None:
        return bank
    convex = _convex_part(stmt.convex, stmt.convex_extra, ctx)
    f, vs = SL.nonconvex_bank()[stmt.trap[0]]
    trap = _gd_stop(GDStops(f, stmt.trap[1], "non-global"), ctx)
    return all_of(bank, convex, trap)


claim(
    id="obs:1",
    section="8.1",
    kind="algorithmic",
    title="GD reaches the global value on convex functions, not on general ones",
    printed=r"\text{Observation 1: Gradient descent can find a global minimum for convex functions but cannot always "
    r"find the global minimum for any general continuous functions}",
    statement=Obs1(point=True),
    check=_check_obs1,
    erratum=Erratum(
        printed=r"\text{GD can find a global minimum for convex functions}",
        corrected=r"\text{for convex } f \text{ and } \eta \le 1/L\text{, } L = \max f'' \text{ on } \{f \le f(x_0)\}: "
        r"f(x_T) - f(u) \le \|x_0 - u\|^2/(2\eta T) \text{ for every } u\text{, so } f(x_T) \to \inf f "
        r"\text{ (footnote 1)}",
        explanation="severity: edge-case. eˣ is convex with no global minimum (f' > 0: no critical point), so there "
        "is none for GD to find; f(x_t) → 0 = inf f — the footnote's value version is what holds. The step must be "
        "allowed to depend on x₀: x⁴ is convex with minimiser 0, yet a fixed η = 0.1 from x₀ = 3 diverges "
        "(second reader); with η ≤ 1/L, L the curvature bound on the sublevel set of x₀, GD is a descent method and "
        "the convex-smooth bound gives f(x_T) → inf f",
        corrected_statement=Obs1(),
    ),
    quantified=Quantified(CONVEX_CLASS, decide_obs1,
                          readings=(Reading("fixed step η = 0.1 independent of x₀ (fails: x⁴ from far)",
                                            Obs1(fixed_step=0.1), expect=False),),
                          shapes=("gd-converges",)),
    mutants=[
        Mutant("the non-convex f = x⁴ − 4x² + x is reached too (listed with the convex ones)",
               Obs1(convex_extra=(("figure-8.2 (non-convex)", _F82 + Y**2, (X, Y), None, (2.0, 0.5)),))),
        Mutant("GD misses the global minimum from x₀ = −2", Obs1(trap=("figure-8.2", -2.0))),
        Mutant("the value version with a fixed step η = 0.1 (independent of x₀)", Obs1(fixed_step=0.1)),
    ],
    uses=["figure:8.2", "footnote:1"],
    notes=["convex part in the precise sense of footnote 1 (value within 5e-3 of inf f after 1024 steps of GD "
           "with step 1/L, L the Hessian bound on the box GD stays in)",
           "sampled runs and fits; a proof of the convex half would need the standard bound f(x_T) − f(x) ≤ ‖x₀ "
           "− x‖²/(2ηT) for convex ℓ-smooth f and every comparison point x (valid for inf f without a "
           "minimiser); the non-convex half is the exact counterexample of figure:8.2"],
)


# --- footnote 1 -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Footnote1:
    """GD on convex f: f(x_T) → inf f (``value``), or the stronger 'GD finds a minimiser' (``point``)."""

    claim: str = "value"
    names: tuple = ("softplus", "quartic", "logistic")
    step_ratio: object = None  # a reading: a fixed step η = step_ratio/ℓ, ℓ = f'' of a quadratic member (None: η ≤ 1/U)
    fixed_eta: object = None  # a mutant: one step η for every start (not chosen from x₀'s sublevel set)


def decide_fn1(stmt: Footnote1, member, ctx) -> Outcome:
    """Footnote 1 on one convex member, exactly.  ``value``: GD with every step η ≤ 1/U (U ≥ sup f'' on the swept
    interval, certified) from every start of the start bank, both signs, has f(x_t) → inf f — the endpoint by the
    one-dimensional monotone-map argument (verify.chapter8.gd1d): a critical point (a global minimum, f convex), or
    x_t → ±∞ monotonically, where f(x_t) tends to its limit at ±∞, compared with inf f = min(minimum values, limits at
    ±∞) exactly; ``point``: every run ends at a point attaining inf f.  ``step_ratio`` r: the fixed step η = r/a on
    a quadratic member (a/2)(x − m)² + c, where x_t − m = (1 − r)^t (x₀ − m) exactly (other members: n/a)."""
    from verify.chapter8 import gd1d
    from numeric.adversaries.functions import _branch, _minima

    f = member.obj
    X1 = gd1d.x
    if stmt.step_ratio is not None:
        if not (f.is_polynomial(X1) and sp.Poly(f, X1).degree() == 2):
            return Outcome(None, notes=["the fixed-step reading is decided on quadratic members only"])
        r = sp.nsimplify(stmt.step_ratio)
        q = abs(1 - r)
        ok = bool(q < 1)
        return Outcome(ok, ["symbolic"], 1, None, None if ok else {
            "f": member.name, "η·ℓ": str(r), "x_t − x*": f"({1 - r})^t (x₀ − x*)",
            "f(x_t) − inf f": f"(ℓ/2)·({q})^(2t)·(x₀ − x*)²: at x₀ = x* + 1 it is ≥ ℓ/2 = {sp.diff(f, X1, 2) / 2} for every t"},
            strength="exact", sizes=[member.name],
            notes=[f"GD on a quadratic with η·ℓ = {r}: x_t − x* = ({1 - r})^t (x₀ − x*): |1 − ηℓ| = {q}"])
    g, _dom, even = _branch(f)
    mins = _minima(f)
    lim = {s_: sp.limit(g, X1, s_ if not even else sp.oo) for s_ in (sp.oo, -sp.oo)}
    vals = [sp.limit(g, X1, m, "+") if even else g.subs(X1, m) for m in mins] + list(lim.values())
    inf_f = min(vals, key=lambda v: float(v) if v.is_finite else (-1e300 if v == -sp.oo else 1e300))
    rows, bad = [], None
    for x0 in gd1d.starts():
        run = gd1d.run(f, x0)
        if run is None:
            continue
        if run.end in (sp.oo, -sp.oo):
            reached, point = lim[run.end], False
        else:
            reached = sp.limit(g, X1, run.end, "+") if (even and run.end == 0) else (
                g.subs(X1, run.end) if not isinstance(f, sp.Piecewise) or run.end != 0 else sp.Integer(0))
            point = True
        ok_val = sp.simplify(reached - inf_f) == 0 if (reached.is_finite and inf_f.is_finite) else reached == inf_f
        ok = bool(ok_val) and (point or stmt.claim == "value")
        rows.append(f"x₀ = {x0}: x_t → {run.end}, f(x_t) → {reached} (inf f = {inf_f})")
        if not ok and bad is None:
            bad = {"f": member.name, "x₀": str(x0), "x_t →": str(run.end), "f(x_t) →": str(reached), "inf f": str(inf_f),
                   "why": "no point attains inf f: GD runs off to infinity" if not point else "value above inf f"}
    if not rows:
        return Outcome(None, notes=["no start decided"])
    return Outcome(bad is None, ["symbolic", "interval arithmetic"], len(rows), None, bad, strength="certified",
                   sizes=[member.name], steps=[Step("runs", "; ".join(rows)[:2000], holds=bad is None)],
                   notes=[f"{len(rows)} starts decided exactly; inf f = {inf_f}; ends {sorted({str(r.split(' → ')[1].split(',')[0]) for r in rows})}"])


def _fixed_step_quartic(eta) -> Step:
    """GD with a step η fixed in advance on f = x⁴ from x₀ = 3 (second reader T2, exact in Fractions): the map
    x ↦ x − 4ηx³ has |x_{t+1}| = |x_t|(4ηx_t² − 1) > |x_t| once 4ηx_t² > 2, so from then on 4ηx_t² increases, the
    factor 4ηx_t² − 1 > 1 increases, |x_t| → ∞ and f(x_t) → ∞ > inf f = 0."""
    from fractions import Fraction

    e, x, xs = Fraction(eta).limit_denominator(10**6), Fraction(3), []
    for _ in range(4):
        x = x - 4 * e * x**3
        xs.append(x)
    t = next((i for i, v in enumerate(xs) if 4 * e * v * v > 2), None)
    diverges = t is not None
    return Step("a step fixed before x₀ (x⁴ from x₀ = 3)",
                f"η = {e}: x₁…x₄ = {', '.join(f'{float(v):.4g}' for v in xs)}; 4ηx_t² > 2 at t = {t + 1 if diverges else '—'} "
                "so |x_t| increases without bound and f(x_t) → ∞ (the footnote needs η ≤ 1/L on {f ≤ f(x₀)}, here "
                "L = 12·9 = 108)", holds=not diverges)


def _check_fn1(stmt: Footnote1, ctx) -> Outcome:
    if stmt.fixed_eta is not None:  # the mutant: decided on its own instance (a divergent run settles it)
        st = _fixed_step_quartic(stmt.fixed_eta)
        return Outcome(None if st.holds else False, ["symbolic"], 1, None,
                       None if st.holds else {"function": "x^4", "x0": 3, "eta": str(stmt.fixed_eta),
                                              "iterates": st.text}, steps=[st], strength="exact")
    out = _convex_part(stmt.names, (), ctx)
    if stmt.claim == "point":
        # softplus: log(1 + eˣ) + log(1 + eʸ) > 0 = inf f everywhere, so no point attains the infimum
        f = SL.convex_bank()["softplus"][0]
        pos = sp.simplify(sp.log(1 + sp.exp(X)) > 0)
        proof = sp.ask(sp.Q.positive(sp.log(1 + sp.exp(X))), sp.Q.real(X))
        step = Step("no minimiser", f"softplus f = {f} > 0 = inf f for every real x (log(1 + eˣ) > 0: {proof}): "
                    "f(x_T) − inf f > 0 for every T, no iterate is a global minimiser", derived=pos, holds=False)
        return Outcome(False, ["symbolic"], 1, None, {"function": str(f), "inf f": 0, "attained": False},
                       steps=out.steps + [step], strength="proved")
    return out


def _step_readings():
    """One reading per member of the step bank: a fixed step η = r/ℓ, decided on the quadratic members (exact); the
    steps at and beyond the stability limit 2/ℓ are expected to fail (x_t − x* = (1 − r)^t(x₀ − x*), |1 − r| ≥ 1)."""
    from numeric.adversaries import members

    return tuple(Reading(f"a fixed step {m.name} (decided on the quadratic members)", Footnote1("value", step_ratio=m.obj),
                         expect=bool(m.obj < 2)) for m in members("step"))


claim(
    id="footnote:1",
    section="8.2",
    kind="algorithmic",
    title="Precisely: GD finds a point whose value is arbitrarily close to the global minimal value (f convex, "
    "f(x_t) → inf f; the step η ≤ 1/L, L = sup f'' on the sublevel set {f ≤ f(x₀)}, as obs:1's correction)",
    printed=r"\text{A more precise version of this claim is that gradient descent can find a point that has function "
    r"value arbitrary close to the global minimal value.}",
    statement=Footnote1("value"),
    check=_check_fn1,
    mutants=[
        Mutant("GD finds a global minimiser (a point attaining inf f)", Footnote1("point")),
        Mutant("the same for a non-convex function", Footnote1("value", ("softplus", "nonconvex"))),
        Mutant("with one step η = 1/10 fixed before x₀ (x⁴ from x₀ = 3 diverges)", Footnote1("value", fixed_eta=0.1)),
    ],
    quantified=Quantified(CONVEX_CLASS, decide_fn1, readings=(
        Reading("a point attaining the global minimal value (fails: eˣ and x have none; GD runs off to −∞)",
                Footnote1("point"), expect=False),
        *_step_readings())),
    notes=["second reader T2 (2026-12-07): UNSURE → holds with η ≤ 1/L(x₀) and inf f read as the value (finite, or "
           "−∞ for f = x, where f(x_t) → −∞ = inf f); the reading now carries the step in its title and the fixed-step "
           "reading (x⁴, η = 0.1, x₀ = 3: x₁ = −7.8, x₂ = 182.02, …) is a mutant killed exactly; not an erratum: the "
           "check's GD already used η ≤ 1/U on the region GD visits",
           "second reader: holds (eˣ: f(x_t) → 0 = inf f; x: f → −∞ = inf f), with the step caveat of obs:1's "
           "correction — a fixed step independent of x₀ diverges on x⁴ from far, so η ≤ 1/L with L the curvature on "
           "the sublevel set {f ≤ f(x₀)} (the check's step is 1/L on the box GD visits); obs:1 decides this on every "
           "convex member of the bank",
           "why the footnote is needed: softplus log(1+eˣ) is convex, bounded below by 0, and has no minimiser; "
           "GD's gap decays like 1/T (fit) while the iterates run off to −∞",
           "the 1/T gap is a fit; a proof would need f(x_T) − f(x) ≤ ‖x₀ − x‖²/(2ηT) for convex ℓ-smooth f and "
           "every x, then x → −∞ with T (softplus: gap → 0 at rate 1/T up to logarithms)"],
)


# --- Observations 2 and 3, Theorem 8.3 ---------------------------------------------------------------------
claim(
    id="obs:2",
    section="8.1",
    kind="informal",
    title="Finding the global minimum of general non-convex functions is NP-hard",
    printed=r"\text{Observation 2: Finding the global minimum of general non-convex functions is NP-hard.}",
    statement=None,
    check=lambda s, ctx: Outcome(None),
    informal_reason="a computational-complexity statement (a reduction from an NP-hard problem, e.g. degree-4 "
    "polynomial minimisation, Hillar–Lim 2013 / Murty–Kabadi 1987); no finite computation can check a hardness "
    "result, and 'general non-convex functions' is not a specified input class. What the suite does check is "
    "its visible face: GD is trapped at a non-global minimum (figure:8.2, obs:1).",
)

claim(
    id="obs:3",
    section="8.1",
    kind="informal",
    title="Deep-learning objectives are non-convex, yet (S)GD typically finds approximate global minima",
    printed=r"\text{Observation 3: The objective function in deep learning is non-convex, but empirically gradient "
    r"descent/stochastic gradient descent typically finds an approximate global minimum}",
    statement=None,
    check=lambda s, ctx: Outcome(None),
    informal_reason="an empirical statement about practice ('typically', 'deep learning' objectives are not a "
    "defined class); it motivates the plan rather than asserting a theorem, so the statement itself has no "
    "checkable reading. Its smallest checkable instance is verified as sec:8.1:obs-3-reading (the two-layer erf "
    "network (8.78): a non-convex loss, yet GD from random θ⁰ reaches L̂ ≤ 10⁻³ at m ≫ n, not at m = 1), and the "
    "'hard to fit' mechanism as sec:8.1:vanishing-gradients. The suite also checks the precise "
    "instances the chapter gives: the non-convex linear-network loss on which GD from random starts reaches the "
    "Eckart–Young optimum (sec:8.3.3:linear-networks), PCA (thm:8.7) and matrix completion (§8.3.2).",
)

claim(
    id="thm:8.3",
    section="8.2",
    kind="informal",
    title="Checking local minimality is NP-hard; degree-4 polynomial optimisation is NP-hard",
    printed=r"\text{It is NP-hard to check whether a point is a local minimum or not [Murty and Kabadi, 1987]. "
    r"In addition, [Hillar and Lim, 2013] show that a degree four polynomial is NP-hard to optimize.}",
    statement=None,
    check=lambda s, ctx: Outcome(None, notes=[
        "what the classifier does instead: exact Hessian inertia, then for degenerate points the splitting-lemma "
        "reduction and the sign of the lowest-order form, exact in ≤ 2 kernel dimensions; a semidefinite form "
        "with zeros is reported 'undecided' — the NP-hard core (copositivity / nonnegativity of forms) is "
        "exactly where it stops"]),
    informal_reason="cited complexity results (reductions), not statements about a computable instance: "
    "NP-hardness cannot be confirmed or refuted by running examples. The degenerate cases that make local "
    "minimality hard to check are exercised in sec:8.2:necessary-conditions and def:8.1.",
)


# --- Definition 8.1 -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Def81:
    """Every point the classifier calls a local minimum satisfies Definition 8.1 on sampled balls
    (f(y) ≥ f(x) for y in B(x, r), r = 1e-2 … 1e-5) and every other critical point violates it in every
    ball; ``extra`` adds (bank name, point) pairs declared local minima; ``reverse`` checks
    'values at most f(x)' instead."""

    extra: tuple = ()
    reverse: bool = False
    names: tuple = ("himmelblau", "double-well", "x4+y4", "x2+y4", "x2-y4", "monkey", "example-8.2", "peano",
                    "figure-8.3")


_RADII = (1e-2, 1e-3, 1e-4, 1e-5)


def _check_def81(stmt: Def81, ctx) -> Outcome:
    bank = SL.textbook()
    samples = max(60, ctx.profile.sweep // 4)
    steps, worst, ce, n = [], np.inf, None, 0
    sgn = -1 if stmt.reverse else 1
    declared = {(nm, tuple(sp.nsimplify(c) for c in pt)) for nm, pt in stmt.extra}
    for name in stmt.names:
        f, vs = bank[name]
        L = _landscape(f, vs)
        for p in L.points:
            key = (name, tuple(p.exact) if p.exact is not None else None)
            is_min = bool(p.local_min) or key in declared
            curves = []
            if p.higher is not None:
                curves = [c for c in (p.higher.descent_curve, p.higher.ascent_curve) if c is not None]
            elif p.kind != "minimum":
                t = sp.Symbol("t", positive=True)
                curves = [tuple(sp.Float(xi, 30) + t * sp.Float(di, 30) for xi, di in zip(p.x, p.direction))]
            pt = p.exact if p.exact is not None else tuple(sp.Float(v, 30) for v in p.x)
            rows = C.neighbourhood_violation(sgn * f, vs, pt, radii=_RADII, samples=samples, curves=curves,
                                             seed=ctx.seed_for(name))
            n += len(rows)
            mins = [m for _, m, _ in rows]
            if is_min:
                ok = min(mins) >= -1e-30
                margin = min(mins)
            else:
                ok = max(mins) < 0  # a lower value in every ball
                margin = -max(mins)
            worst = min(worst, margin if np.isfinite(margin) else 0.0)
            if not ok and ce is None:
                ce = {"function": name, "point": [float(v) for v in p.x], "declared local minimum": is_min,
                      "min f(y) − f(x) per radius": dict(zip(_RADII, mins)), "class": p.label}
            steps.append(Step(f"{name} {np.round(p.x, 4).tolist()}",
                              f"{p.label}{' (declared a minimum)' if key in declared else ''}: min over B(x, r) of "
                              f"{'f(y) − f(x)' if sgn > 0 else 'f(x) − f(y)'} = "
                              + ", ".join(f"{m:.2e}" for m in mins) + f" for r = {', '.join(map(str, _RADII))}",
                              holds=ok))
    return Outcome(ce is None, ["symbolic", "sweep", "mpmath"], n, worst, ce, steps=steps,
                   notes=["sampled balls: uniform points and the sphere, plus the classifier's descent/ascent curves "
                          "(degenerate points) or its most-negative-curvature line (saddles, maxima) — random samples "
                          "alone miss the cusp-shaped descent region of Example 8.2 at small r"], strength="sampled")


claim(
    id="def:8.1",
    section="8.2",
    kind="definition",
    title="Local minimum: f(x) is the least value on some open neighbourhood",
    printed=r"x \text{ is a local minimum of } f \text{ if there exists an open neighborhood } N \text{ around } x "
    r"\text{ such that in } N \text{ the function values are at least } f(x)",
    statement=Def81(),
    check=_check_def81,
    mutants=[
        Mutant("the origin of x₁² + x₂³ (Example 8.2) is a local minimum", Def81(extra=(("example-8.2", (0, 0)),))),
        Mutant("the monkey saddle's origin is a local minimum", Def81(extra=(("monkey", (0, 0)),))),
        Mutant("'values at most f(x)' (a local maximum)", Def81(reverse=True)),
    ],
    notes=["checked: the classifier's local minima (strict by the Hessian, degenerate by a higher-order "
           "argument) satisfy the definition on balls of radius 1e-2 … 1e-5 at 40 digits, and its other critical "
           "points violate it in every one of them",
           "sampled balls; a proof would need, per critical point, a certificate: λ_min(∇²f) > 0 for strict "
           "minima, and for degenerate ones a higher-order normal form or a sum-of-squares certificate of f − "
           "f(x) ≥ 0 on a ball (and for non-minima an exact descent curve)"],
)


# --- the necessary conditions and 'higher-order derivatives start to matter' -------------------------------------
@dataclass(frozen=True)
class Necessary:
    """At a local minimum ∇f = 0 and the Hessian has the sign ``hessian`` ('psd': ∇²f ⪰ 0 as printed; a mutant
    says 'pd' (≻ 0) or 'nsd' (⪯ 0)), and the converse fails (``converse_fails``; a mutant says ∇f = 0, ∇²f ⪰ 0
    imply a local minimum)."""

    strict: bool = False  # kept for the mutant 'at a local minimum ∇²f ≻ 0' (same as hessian='pd')
    converse_fails: bool = True
    hessian: str = "psd"


_SIGN_SETS = {"psd": sp.Interval(0, sp.oo), "pd": sp.Interval.open(0, sp.oo), "nsd": sp.Interval(-sp.oo, 0)}


def _interior0(D, var, par):
    """The values of ``par`` for which the open set D (in the remainder ``var``) contains a neighbourhood of 0."""
    cond = sp.And(D.inf < 0, D.sup > 0)
    return sp.S.Reals if cond is sp.true else sp.S.EmptySet if cond is sp.false else sp.solveset(cond, par, sp.S.Reals)


def _taylor_lemma():
    """The necessary conditions derived, not typed in.  Along a line φ(t) = f(x + tu), f twice differentiable at x:
    by the definitions (Peano remainders) φ(t) − φ(0) = t(a + r₁(t)) and, when a = 0, φ(t) − φ(0) = t²(b/2 + r₂(t))
    with a = φ′(0), b = φ″(0) and r₁, r₂ → 0.  The descent sets {r : φ(t) < φ(0)} are solved by SymPy; when one
    contains a neighbourhood of r = 0, the limit r(t) → 0 puts r(t) in it for every small t of that sign, so
    f(x + tu) < f(x) arbitrarily close to x and x is not a local minimum.  The values of a (of b) for which no side
    descends are the necessary conditions: returned as sets, derived here."""
    a, b, r = sp.symbols("a b r", real=True)
    D1p = sp.solveset(a + r < 0, r, sp.S.Reals)   # t > 0: t(a + r) < 0
    D1m = sp.solveset(a + r > 0, r, sp.S.Reals)   # t < 0: t(a + r) < 0
    D2 = sp.solveset(b / 2 + r < 0, r, sp.S.Reals)  # t ≠ 0: t²(b/2 + r) < 0
    desc_a = _interior0(D1p, r, a).union(_interior0(D1m, r, a))
    desc_b = _interior0(D2, r, b)
    nec_a = sp.S.Reals - desc_a
    nec_b = sp.S.Reals - desc_b
    ok = nec_a == sp.FiniteSet(0) and nec_b == sp.Interval(0, sp.oo)
    steps = [
        Step("first order", "φ(t) − φ(0) = t(a + r₁(t)), r₁ → 0: descent sets in r₁ for t > 0 and t < 0",
             derived=(D1p, D1m)),
        Step("first-order descent", "a for which a side contains a neighbourhood of r₁ = 0 (then f drops for every small "
             "t of that sign: not a local minimum)", derived=desc_a),
        Step("second order", "a = 0: φ(t) − φ(0) = t²(b/2 + r₂(t)), r₂ → 0: descent set in r₂", derived=D2),
        Step("necessary conditions", "a local minimum needs a ∈ ℝ ∖ (descent) and b ∈ ℝ ∖ (descent)",
             derived=(nec_a, nec_b), holds=ok),
    ]
    return nec_a, nec_b, steps


def _directional():
    """φ(t) = f(x + tu) at generic d, from f's second-order Taylor data at x (f₀, g = ∇f(x), H = ∇²f(x)):
    the t¹ and t² coefficients are ⟨g, u⟩ and ½uᵀHu (trace normal form, H symmetric)."""
    from symbolic.trace_normal_form import NormalForm

    d = sp.Symbol("d", integer=True, positive=True)
    t, f0 = sp.symbols("t f0", real=True)
    g, u, H = sp.MatrixSymbol("g", d, 1), sp.MatrixSymbol("u", d, 1), sp.MatrixSymbol("H", d, d)
    nf = NormalForm(symmetric=[H], dim=d)
    w = t * u
    phi = sp.Poly(sp.expand(f0 + nf(g.T * w) + sp.Rational(1, 2) * nf(w.T * H * w)), t)
    co = {k[0]: c for k, c in zip(phi.monoms(), phi.coeffs())}
    return sp.expand(co.get(1, 0) - nf(g.T * u)) == 0 and sp.expand(co.get(2, 0) - nf(u.T * H * u) / 2) == 0


def _check_necessary(stmt: Necessary, ctx) -> Outcome:
    """Local minimum ⇒ ∇f = 0 and ∇²f ⪰ 0 for a general smooth f, by the Taylor argument along every line;
    the converse fails on Example 8.2; ≻ 0 fails on x₁² + x₂⁴ (all exact)."""
    nec_a, nec_b, steps = _taylor_lemma()
    ok_dir = _directional()
    steps.append(Step("along a line", "φ(t) = f(x + tu) = f(x) + t⟨∇f(x), u⟩ + ½t²uᵀ∇²f(x)u + o(t²) at generic d "
                      "(f's second-order Taylor expansion, trace normal form): φ′(0) = ⟨∇f, u⟩, φ″(0) = uᵀ∇²f u",
                      holds=ok_dir))
    # the statement's claim: ⟨∇f, u⟩ = 0 for every u (∇f = 0) and uᵀ∇²f u in the claimed sign set for every u
    claimed_b = _SIGN_SETS["pd" if stmt.strict else stmt.hessian]
    follows = nec_a.is_subset(sp.FiniteSet(0)) and nec_b.is_subset(claimed_b)
    gap = nec_b - claimed_b
    steps.append(Step("the statement follows", f"derived necessary uᵀ∇²f u ∈ {nec_b}; the statement claims "
                      f"{stmt.hessian if not stmt.strict else 'pd'}: uᵀ∇²f u ∈ {claimed_b}; not covered: {gap}",
                      derived=gap, holds=follows))
    ok_lemma = nec_a == sp.FiniteSet(0) and nec_b == sp.Interval(0, sp.oo)
    # ⟨∇f, u⟩ = 0 for every u ⟺ ∇f = 0 (u = ∇f); uᵀ∇²f u ≥ 0 for every u is ∇²f ⪰ 0
    x1, x2, t = sp.symbols("x1 x2 t", real=True)
    ex = x1**2 + x2**3  # Example 8.2
    g0 = [sp.diff(ex, v).subs({x1: 0, x2: 0}) for v in (x1, x2)]
    H0 = sp.hessian(ex, (x1, x2)).subs({x1: 0, x2: 0})
    down = sp.expand(ex.subs({x1: 0, x2: -t}))  # −t³ < 0 for t > 0
    converse_ce = all(g == 0 for g in g0) and all(e >= 0 for e in H0.eigenvals()) and down == -t**3
    steps.append(Step("converse fails", "x₁² + x₂³ at 0: ∇f = 0, ∇²f = diag(2, 0) ⪰ 0, f(0, −t) = −t³ < 0",
                      derived=down, holds=converse_ce))
    quart = x1**2 + x2**4  # a local minimum (f ≥ 0 = f(0), a sum of even powers) with a singular Hessian
    Hq = sp.hessian(quart, (x1, x2)).subs({x1: 0, x2: 0})
    singular_min = Hq.det() == 0 and all(c > 0 for c in sp.Poly(quart, x1, x2).coeffs()) and all(
        m % 2 == 0 for mon in sp.Poly(quart, x1, x2).monoms() for m in mon)
    steps.append(Step("higher order matters", "x₁² ± x₂⁴ at 0: same ∇f = 0, ∇²f = diag(2, 0); + is a minimum "
                      "(even powers, positive coefficients), − is not (f(0, t) = −t⁴)", derived=Hq, holds=singular_min))
    ce = None
    if not follows:
        bs = {"e1": Hq[0, 0], "e2": Hq[1, 1]}  # uᵀ∇²f u at the local minimum 0 of x₁² + x₂⁴
        wit = [f"u = {k}: uᵀ∇²f u = {v}" for k, v in bs.items() if v not in claimed_b]
        ce = {"function": "x1^2 + x2^4 (a local minimum at 0: even powers, positive coefficients)",
              "claimed Hessian sign": stmt.hessian if not stmt.strict else "pd", "violations": wit,
              "derived necessary set": str(nec_b)}
    if not stmt.converse_fails and converse_ce:
        ce = {"function": "x1^2 + x2^3", "point": [0, 0], "hessian": "diag(2, 0)", "f(0, -t)": "-t^3"}
    holds = ok_lemma and ok_dir and converse_ce and singular_min and follows and ce is None
    return Outcome(holds, ["symbolic (descent sets of the Peano forms, solved)"], 1, 0.0 if holds else None,
                   ce, steps=steps, strength="proved",
                   notes=["proved for every f twice differentiable at x and every d: a local minimum of f is one of "
                          "φ(t) = f(x + tu) for every u; the descent sets of the Peano forms are solved by SymPy and "
                          "the necessary conditions ⟨∇f, u⟩ = 0, uᵀ∇²f u ≥ 0 are the complement of the parameters "
                          "that descend — derived, then compared with the statement's claimed sign (a mutant "
                          "claiming ⪯ 0 or ≻ 0 is refuted on the local minimum 0 of x₁² + x₂⁴); the Peano forms are "
                          "the definitions of the first and second derivative along the line, the only premise"])


claim(
    id="sec:8.2:necessary-conditions",
    section="8.2",
    kind="identity",
    title="Local minimum ⇒ ∇f = 0, ∇²f ⪰ 0; not conversely — then higher-order derivatives matter",
    printed=r"\text{if } x \text{ is a local minimum of } f, \text{ then } \nabla f(x) = 0 \text{ and } "
    r"\nabla^2 f(x) \succeq 0. \text{ However \dots the reverse is not true.}",
    statement=Necessary(),
    check=_check_necessary,
    mutants=[
        Mutant("∇f = 0 and ∇²f ⪰ 0 imply a local minimum", Necessary(converse_fails=False)),
        Mutant("at a local minimum ∇²f ≻ 0", Necessary(strict=True)),
        Mutant("at a local minimum ∇²f ⪯ 0 (a false field added to the statement)", Necessary(hessian="nsd")),
    ],
    uses=["def:8.1", "example:8.2"],
    quantified=None,
    notes=["loose: 'higher-order derivatives start to matter' is true, but read as 'higher-order derivatives decide' it "
           "is false (second reader): ±exp(−1/x²) have every derivative 0 at 0, yet + is a strict minimum and − a "
           "strict maximum (the bank's flat members), and Peano's (y − x²)(y − 2x²) is a minimum along every line "
           "through 0 but f = −x⁴/4 on y = 3x²/2 — no finite-order or line-wise test decides, consistent with "
           "Theorem 8.3. Kept as notes (the printed 'matter' is not false); the flat members are in the bank",
           "the counterexamples carry explicit descent curves checked on f (Example 8.2: (0, −t), f = −t³; "
           "x² − y⁴: (0, t), f = −t⁴; Peano (y − x²)(y − 2x²): the parabola (t, 3t²/2), f = −t⁴/4, where every "
           "line through 0 is a local minimum)"],
)
