"""§8.1–8.2: the gradient-descent update and Example 8.2, checked as printed."""
from __future__ import annotations

from dataclasses import dataclass

import sympy as sp

from verify.engine.checks.generic import generic_too
from verify.engine.checks.identity import MatrixIdentity
from verify.engine.claim import Mutant, Outcome, Step, all_of
from verify.engine.registry import claim

x1, x2, eta, s = sp.symbols("x1 x2 eta s", real=True)


# --- the GD update: a step along −∇g decreases g to first order ----------------------
@dataclass(frozen=True)
class GDUpdate:
    sign: int = -1  # θ_{t+1} = θ_t + sign·η∇g(θ_t)


def _chain_rule_slope(stmt: GDUpdate, d: int):
    """d/dη g(θ_{t+1}(η)) at η = 0 for an undefined smooth g in dimension d, θ_{t+1} the statement's update; and
    ⟨∇g(θ), (θ_{t+1} − θ)/η⟩ — the premise of the every-d part (the chain rule), derived here at this d."""
    th = sp.symbols(f"theta1:{d + 1}", real=True)
    g = sp.Function("g")(*th)
    grad = [sp.diff(g, t) for t in th]
    nxt = [t + stmt.sign * eta * gi for t, gi in zip(th, grad)]  # the statement's update, coordinate-wise
    moved = g.subs(dict(zip(th, nxt)), simultaneous=True)
    slope = sp.simplify(sp.diff(moved, eta).subs(eta, 0).doit())
    inner = sp.expand(sum(gi * sp.cancel((n - t) / eta) for gi, n, t in zip(grad, nxt, th)))
    return slope, inner, grad


def _check_gd(stmt: GDUpdate, ctx) -> Outcome:
    """d/dη g(θ + sign·η∇g(θ)) at η = 0 equals sign·‖∇g(θ)‖², for a generic smooth g, at d = 1…4; and the chain
    rule d/dη g(θ_{t+1}(η))|₀ = ⟨∇g, (θ_{t+1} − θ)/η⟩ (the every-d part's premise) derived at each d."""
    steps, holds, premise = [], True, True
    for d in (1, 2, 3, 4):
        slope, inner, grad = _chain_rule_slope(stmt, d)
        norm2 = sum(gi**2 for gi in grad)
        derived = sp.simplify(slope + norm2)  # 0 iff the slope is −‖∇g‖² ≤ 0
        chain = sp.simplify(slope - inner) == 0
        premise &= chain
        holds &= derived == 0
        steps.append(Step(f"d = {d}", "d/dη g(θ_{t+1}) at η = 0, plus ‖∇g‖² (0: the slope is −‖∇g‖², a descent "
                          f"direction); chain rule = ⟨∇g, (θ_{{t+1}} − θ)/η⟩: {chain}", derived=derived,
                          holds=derived == 0 and chain))
    ce = None
    if not holds:
        th = sp.symbols("theta1:4", real=True)
        gc = (th[0] - 1) ** 2 + th[1] ** 2 + th[2] ** 2
        sl = sp.diff(gc.subs({t: t + stmt.sign * eta * sp.diff(gc, t) for t in th}, simultaneous=True), eta).subs(eta, 0)
        ce = {"g": str(gc), "theta": [0, 0, 0], "slope at eta=0": str(sp.simplify(sl.subs({t: 0 for t in th})))}
    return Outcome(holds and premise, ["symbolic"], 4, 0.0 if holds else None, ce, steps=steps,
                   notes=["exact at d = 1…4 for every smooth g: the chain rule with an undefined SymPy function"],
                   strength="exact", sizes=["d = 1, 2, 3, 4, g an undefined smooth function"])


def _generic_gd(stmt: GDUpdate):
    """At symbolic d, the claim itself: with the statement's update θ_{t+1} = θ + sign·η∇g (MatrixSymbols), the
    first-order change ⟨∇g, (θ_{t+1} − θ)/η⟩ equals −‖∇g‖².  The premise (the chain rule: the change is that inner
    product) is derived by the concrete check at d = 1…4 for an undefined g; here it is applied at every d."""
    d = sp.Symbol("d", integer=True, positive=True)
    G = sp.MatrixSymbol("nabla_g", d, 1)
    Th = sp.MatrixSymbol("theta", d, 1)
    nxt = Th + stmt.sign * eta * G  # the statement's update
    direction = (nxt - Th) / eta
    slope = (G.T * direction)[0, 0]
    return MatrixIdentity(sp.simplify(slope), -(G.T * G)[0, 0], symbols=(G, Th), explicit_d=3,
                          label="first-order change along the update, every d")


claim(
    id="sec:8.1:gd-update",
    section="8.1",
    kind="identity",
    title="The gradient-descent update decreases g to first order",
    printed=r"\theta_{t+1} = \theta_t - \eta \nabla g(\theta_t)",
    statement=GDUpdate(-1),
    check=generic_too(_check_gd, _generic_gd),
    mutants=[Mutant("ascent: θ + η∇g", GDUpdate(+1))],
    notes=["the update is a definition; what is checked is that it moves downhill: "
           "d/dη g(θ − η∇g(θ))|₀ = −‖∇g(θ)‖²",
           "the every-d part restates the claim with the statement's own update (θ_{t+1} − θ)/η, so the ascent "
           "mutant reaches it; its one premise, the chain rule, is derived by the concrete check at d = 1…4",
           "first order only (second reader): on x² (ℓ = 2), η = 1 gives x₁ = −x₀ (no decrease) and η = 1.5 multiplies "
           "f by 4; the chapter makes no finite-step claim"],
)


# --- Example 8.2 --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Example82:
    f: sp.Expr
    point: tuple = (0, 0)
    direction: tuple = (0, -1)
    hessian_psd: bool = True  # the example says ∇²f ⪰ 0 (and only that)
    hessian_pd: bool = False  # a mutant may claim ≻ 0


def _lowest_order(expr_t: sp.Expr, t: sp.Symbol):
    """Lowest-order nonzero term c·t^k of a polynomial (or series) in t."""
    ser = sp.Poly(sp.expand(expr_t), t) if sp.expand(expr_t).is_polynomial(t) else None
    if ser is None:
        ser = sp.Poly(sp.series(expr_t, t, 0, 8).removeO(), t)
    terms = sorted(zip(ser.monoms(), ser.coeffs()))
    for (k,), c in terms:
        if c != 0:
            return k, c
    return None, 0


def _check_82(stmt: Example82, ctx) -> Outcome:
    f = stmt.f
    X = (x1, x2)
    pt = dict(zip(X, stmt.point))
    grad = sp.Matrix([sp.diff(f, xi) for xi in X]).subs(pt)
    H = sp.hessian(f, X).subs(pt)
    eig = H.eigenvals()
    grad_zero = grad == sp.zeros(2, 1)
    psd = all(e >= 0 for e in eig)
    pd = all(e > 0 for e in eig)
    t = sp.Symbol("t", positive=True)
    along = f.subs({xi: p + t * di for xi, p, di in zip(X, stmt.point, stmt.direction)}, simultaneous=True) - f.subs(pt)
    k, c = _lowest_order(along, t)
    # descent: f(x + t·dir) − f(x) = c·t^k + o(t^k) with c < 0, so it is negative for all small t > 0
    descent = k is not None and c < 0
    steps = [
        Step("gradient", f"∇f at {stmt.point}", derived=grad.T, holds=grad_zero),
        Step("Hessian", f"∇²f at {stmt.point}, eigenvalues {sorted(eig)}", printed=r"\begin{bmatrix}2&0\\0&0\end{bmatrix}",
             derived=H, holds=psd),
        Step("descent", f"f(x + t·{stmt.direction}) − f(x), lowest-order term {c}·t^{k}", derived=sp.expand(along),
             holds=descent),
    ]
    holds = grad_zero and (psd if stmt.hessian_psd else True) and (pd if stmt.hessian_pd else True) and descent
    ce = None if holds else {
        "f": str(f), "gradient": [str(g) for g in grad], "hessian eigenvalues": [str(e) for e in eig],
        "f(x + t dir) - f(x)": str(sp.expand(along)),
    }
    return Outcome(holds, ["symbolic"], 1, float(-c) if descent else None, ce, steps=steps,
                   notes=["descent is shown, not assumed: the lowest-order term of f(x + t·d) − f(x) "
                          "is negative, so f drops below f(x) for every small t > 0"], strength="proved")


claim(
    id="example:8.2",
    section="8.2",
    kind="identity",
    title="x₁² + x₂³: zero gradient and PSD Hessian at 0, yet not a local minimum",
    printed=r"f(x_1, x_2) = x_1^2 + x_2^3,\ \nabla f(0) = 0,\ \nabla^2 f(0) = \begin{bmatrix}2&0\\0&0\end{bmatrix} \succeq 0,"
    r"\text{ and moving along } -x_2 \text{ decreases } f",
    statement=Example82(x1**2 + x2**3),
    check=_check_82,
    mutants=[
        Mutant("x₁² + x₂⁴ (a true minimum) has a descent direction −x₂", Example82(x1**2 + x2**4)),
        Mutant("moving along +x₂ decreases f", Example82(x1**2 + x2**3, direction=(0, 1))),
        Mutant("the Hessian at 0 is positive definite", Example82(x1**2 + x2**3, hessian_pd=True)),
        Mutant("the same at the point (1, 0)", Example82(x1**2 + x2**3, point=(1, 0))),
    ],
    uses=["def:8.1"],
)
