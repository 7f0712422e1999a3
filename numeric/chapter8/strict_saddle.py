"""Definition 8.4 made measurable, and the strict-saddle experiments of Theorems 8.5/8.6.

Estimating (α, β, γ)
--------------------
f is (α, β, γ)-strict-saddle if every x has ‖∇f(x)‖ ≥ α, or λ_min(∇²f(x)) ≤ −β, or lies within
γ of a local minimum.  From samples xₖ with G = ‖∇f‖, Λ = λ_min and D = distance to the nearest
local minimum (found by numeric.classify), for a given γ the feasible pairs are

    β ≤ β(α) = min{ −Λₖ : Dₖ > γ, Gₖ < α },

a nonincreasing staircase in α (the ``frontier``).  The samples include every critical point
found (G = 0) and clouds around them, so β₀ = lim_{α→0} β(α) is the smallest negative curvature
−λ_min over the critical points farther than γ from every minimum: a positive triple exists on
the sampled region iff β₀ > 0; a degenerate non-minimum (Example 8.2: G = 0, Λ = 0) gives β₀ ≤ 0
and no α, β > 0 work.  Sampling can refute the condition but only estimate the triple; the
claims say which they did.

The strict-saddle family
------------------------
f(x) = h(x₁) + shelf(x₂) + Σ_{i≥3} ½xᵢ² with h(s) = β(s² − 1)²/4 and shelf(s) = αγ(√(1+s²/γ²) − 1)
(symbolic.chapter8.landscapes.saddle_pieces, lambdified; the separable sum is composed here and tested
against the SymPy expression): a strict saddle at 0 with curvature −β along e₁, global minima
±e₁ (curvature 2β), a shelf of slope → α along e₂ whose bottom has width γ, dimension d.  The
stable manifold of the saddle is {x₁ = 0}; GD keeps x₁ = 0 exactly in floating point.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import sympy as sp

from symbolic.chapter8 import landscapes as SL
@dataclass
class TripleEstimate:
    gamma: float
    beta0: float  # lim_{α→0} β(α); +inf when no sampled point lies farther than γ from the minima
    alpha: float  # canonical triple: β = β0/2 and the largest sampled α with β(α) ≥ β
    beta: float
    exists: bool
    frontier: np.ndarray  # rows (α, β(α))
    binding: dict  # the point that fixes β0
    n: int
    n_far: int

    def describe(self) -> str:
        if not self.exists:
            return (f"γ = {self.gamma:g}: no positive triple on the sampled region — the point "
                    f"{self.binding.get('x')} has ‖∇f‖ = {self.binding.get('grad_norm'):.3g}, λ_min = "
                    f"{self.binding.get('lambda_min'):.3g}, distance to the nearest minimum {self.binding.get('distance'):.3g}")
        return (f"γ = {self.gamma:g}: β₀ = {self.beta0:.6g}; estimated triple (α, β, γ) = "
                f"({self.alpha:.4g}, {self.beta:.4g}, {self.gamma:g}) from {self.n} samples ({self.n_far} farther than γ)")


def estimate_triple(X, G, Lam, D, gamma: float, crit_tol: float = 1e-8) -> TripleEstimate:
    X, G, Lam, D = map(np.asarray, (X, G, Lam, D))
    far = D > gamma
    n_far = int(far.sum())
    if n_far == 0:
        return TripleEstimate(gamma, math.inf, math.inf, math.inf, True, np.zeros((0, 2)), {}, len(G), 0)
    g, lam, xs, dd = G[far], Lam[far], X[far], D[far]
    order = np.argsort(g, kind="stable")
    g, lam, xs, dd = g[order], lam[order], xs[order], dd[order]
    beta_run = np.minimum.accumulate(-lam)  # β(α) for α just above g[k]
    crit = g <= crit_tol
    if crit.any():
        k = int(np.argmin(np.where(crit, -lam, np.inf)))
        beta0 = float(-lam[k])
    else:
        k = 0
        beta0 = math.inf
    binding = {"x": np.round(xs[k], 6).tolist(), "grad_norm": float(g[k]), "lambda_min": float(lam[k]),
               "distance": float(dd[k])}
    exists = beta0 > 1e-9
    frontier = np.stack([np.append(g[1:], np.inf), beta_run], axis=1)
    if not exists:
        return TripleEstimate(gamma, beta0, 0.0, 0.0, False, frontier, binding, len(G), n_far)
    beta = beta0 / 2 if math.isfinite(beta0) else float(np.max(-lam)) / 2 if np.max(-lam) > 0 else 1.0
    ok = beta_run >= beta
    # the largest α: the first sorted point where β(α) drops below β bounds α
    j = int(np.argmin(ok)) if not ok.all() else len(ok)
    alpha = float(g[j]) if j < len(g) else math.inf
    return TripleEstimate(gamma, beta0, alpha, beta, True, frontier, binding, len(G), n_far)


def sample_region(rng, lo, hi, n_uniform: int, centres=(), n_cloud: int = 40, scales=(1e-1, 1e-2, 1e-3)):
    """Uniform points in the box [lo, hi]^n, the centres themselves and Gaussian clouds around them."""
    lo, hi = np.asarray(lo, float), np.asarray(hi, float)
    pts = [rng.uniform(lo, hi, size=(n_uniform, lo.size))]
    for c in centres:
        c = np.asarray(c, float)
        pts.append(c[None])
        for s in scales:
            pts.append(c + s * rng.standard_normal((n_cloud, c.size)))
    return np.concatenate(pts)


def distances(X, minima) -> np.ndarray:
    if len(minima) == 0:
        return np.full(len(X), np.inf)
    M = np.asarray(minima, float)
    return np.min(np.linalg.norm(np.asarray(X)[:, None, :] - M[None], axis=2), axis=1)


# --- the family ----------------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _pieces():
    p = SL.saddle_pieces()
    s, a, b, g = SL.s, SL.alpha, SL.beta, SL.gamma
    out = {}
    for name, e in p.items():
        out[name] = [sp.lambdify((s, a, b, g), sp.diff(e, s, k), "numpy") for k in range(4)]
    return out


@dataclass(frozen=True)
class SaddleFamily:
    d: int = 10
    alpha: float = 0.5
    beta: float = 0.5
    gamma: float = 0.5
    box: float = 1.5  # |x₁| ≤ box is where ℓ and ρ are measured

    def _p(self, name, k, v):
        return _pieces()[name][k](v, self.alpha, self.beta, self.gamma)

    def value(self, x):
        x = np.asarray(x, float)
        return float(self._p("h", 0, x[0]) + self._p("shelf", 0, x[1]) + 0.5 * x[2:] @ x[2:])

    def gradient(self, x):
        x = np.asarray(x, float)
        g = x.copy()
        g[0] = self._p("h", 1, x[0])
        g[1] = self._p("shelf", 1, x[1])
        return g

    def hess_diag(self, x):
        x = np.asarray(x, float)
        h = np.ones_like(x)
        h[0] = self._p("h", 2, x[0])
        h[1] = self._p("shelf", 2, x[1])
        return h

    @property
    def minima(self) -> np.ndarray:
        e = np.zeros((2, self.d))
        e[0, 0], e[1, 0] = 1.0, -1.0
        return e

    @property
    def saddle(self) -> np.ndarray:
        return np.zeros(self.d)

    @property
    def ell(self) -> float:
        """Gradient Lipschitz constant on |x₁| ≤ box (from the lambdified second derivatives)."""
        s = np.linspace(-self.box, self.box, 2001)
        return float(max(np.max(np.abs(self._p("h", 2, s))), np.max(np.abs(self._p("shelf", 2, s * 10))), 1.0))

    @property
    def rho(self) -> float:
        s = np.linspace(-self.box, self.box, 2001)
        t = np.linspace(-10 * max(self.gamma, 1), 10 * max(self.gamma, 1), 4001)
        return float(max(np.max(np.abs(self._p("h", 3, s))), np.max(np.abs(self._p("shelf", 3, t)))))

    def problem(self):
        from numeric.optimizers import Problem

        small = self.d <= 400
        return Problem(dim=self.d, cost=self.value, grad=self.gradient,
                       hess=(lambda x: np.diag(self.hess_diag(x))) if small else None,
                       hvp=lambda x, v: self.hess_diag(x) * v, name=f"saddle-family d={self.d}")

    def dist_to_min(self, x) -> float:
        return float(np.min(np.linalg.norm(self.minima - np.asarray(x)[None], axis=1)))


def rotated_problem(fam: SaddleFamily, Q: np.ndarray):
    """x ↦ f(Qᵀx): the same landscape with the saddle's directions rotated (dense, for the benchmark)."""
    from numeric.optimizers import Problem

    return Problem(dim=fam.d, cost=lambda x: fam.value(Q.T @ x), grad=lambda x: Q @ fam.gradient(Q.T @ x),
                   hvp=lambda x, v: Q @ (fam.hess_diag(Q.T @ x) * (Q.T @ v)), name=f"rotated saddle d={fam.d}")


# --- runs ---------------------------------------------------------------------------------------------------
@dataclass
class Run:
    optimizer: str
    iterations: int
    distance: float  # to the nearest global minimum at the end
    grad_norm: float
    lambda_min: float | None
    stop: str
    seconds: float
    perturbations: tuple = ()
    extra: dict = field(default_factory=dict)

    @property
    def success(self) -> bool:
        return self.stop in ("gradient_tol", "second_order_point") and self.distance <= 1e-2


def start_point(fam: SaddleFamily, rng, shelf_start: float = 4.0) -> np.ndarray:
    """On the saddle's stable manifold {x₁ = 0}, up the shelf (x₂ = shelf_start·max(γ, 1)), random rest."""
    x0 = np.zeros(fam.d)
    x0[1] = shelf_start * max(fam.gamma, 1.0)
    if fam.d > 2:
        x0[2:] = rng.standard_normal(fam.d - 2) / np.sqrt(fam.d - 2)
    return x0


def pgd_for(fam: SaddleFamily, eps: float, delta_f: float, perturb: bool = True):
    from numeric.optimizers import PerturbedGD

    opt = PerturbedGD.from_theory(ell=fam.ell, rho=fam.rho, eps=eps, d=fam.d, delta_f=max(delta_f, 1e-12))
    if not perturb:
        opt.radius = 0.0
    return opt


def run_pgd(fam: SaddleFamily, x0, eps: float, rng, max_iter: int = 200_000, perturb: bool = True) -> Run:
    prob = fam.problem()
    opt = pgd_for(fam, eps, fam.value(x0), perturb)
    res = opt.run(prob, x0, rng=rng, max_iter=max_iter, tol=0.0)
    return Run("perturbed_gd" if perturb else "perturbed_gd(no noise)", res.iterations, fam.dist_to_min(res.x),
               res.grad_norm, res.lambda_min, res.stop_reason, res.seconds, res.trace.perturbations,
               {"t_thres": opt.t_thres, "radius": opt.radius, "g_thres": opt.g_thres, "f_thres": opt.f_thres})


def run_cubic(fam: SaddleFamily, x0, eps: float, rng, max_iter: int = 2000) -> Run:
    """Cubic-regularised Newton (M = ρ) until ‖∇f‖ ≤ ε; it has no perturbation and needs none off the saddle."""
    from numeric.optimizers import CubicNewton

    res = CubicNewton(M=fam.rho).run(fam.problem(), x0, rng=rng, max_iter=max_iter, tol=eps)
    return Run(res.optimizer, res.iterations, fam.dist_to_min(res.x), res.grad_norm, res.lambda_min, res.stop_reason,
               res.seconds)


def run_gd(fam: SaddleFamily, x0, eps: float, max_iter: int = 200_000) -> Run:
    from numeric.optimizers import GD

    res = GD(step=1.0 / fam.ell).run(fam.problem(), x0, max_iter=max_iter, tol=eps)
    return Run("gd", res.iterations, fam.dist_to_min(res.x), res.grad_norm, res.lambda_min, res.stop_reason,
               res.seconds, extra={"x1": float(res.x[0]), "dist_to_saddle": float(np.linalg.norm(res.x))})


def escape_from_saddle(fam: SaddleFamily, eps: float, rng, perturb: bool = True) -> dict:
    """PGD started exactly at the saddle (∇f = 0 there): the steps from the first perturbation until the cost
    has dropped by f_thres (Jin et al. 2017, Lemma 'escaping saddle points': within t_thres w.p. ≥ 1 − δ)."""
    opt = pgd_for(fam, eps, 1.0, perturb)
    x0 = fam.saddle
    f0 = fam.value(x0)
    T = opt.t_thres
    prob = fam.problem()
    res = opt.run(prob, x0, rng=rng, max_iter=min(T, 999), tol=0.0)  # every iterate recorded (≤ 999 steps)
    costs, its = res.trace.cost, res.trace.iterations
    hit = np.nonzero(costs <= f0 - opt.f_thres)[0]
    steps = int(its[hit[0]]) if hit.size else None
    if steps is None and T > 999:  # longer horizon: continue with a coarser trace
        res = opt.run(prob, x0, rng=rng, max_iter=T, tol=0.0)
        costs, its = res.trace.cost, res.trace.iterations
        hit = np.nonzero(costs <= f0 - opt.f_thres)[0]
        steps = int(its[hit[0]]) if hit.size else None
    return {"escaped": steps is not None and steps <= T, "steps": steps, "t_thres": T,
            "first_perturbation": res.trace.perturbations[:1], "f_thres": opt.f_thres}


# --- hitting times ---------------------------------------------------------------------------------------
class _Hit(Exception):
    pass


def hitting_time(fam: SaddleFamily, opt, x0, target: float, rng, max_iter: int = 400_000,
                 problem=None, dist=None, counts: dict | None = None) -> int | None:
    """Iterations until the first iterate within ``target`` of a global minimum (None: never).

    The optimizer runs on a wrapped problem whose gradient watches the points it is evaluated at and
    stops the run at the first hit.  Iterations are counted as changes of the evaluation point (GD-type
    methods evaluate the gradient at every iterate, and once more at a freshly perturbed point; a
    repeated evaluation at the same point is not counted twice).  ``counts`` receives the raw numbers of
    gradient evaluations and iterations.
    """
    from dataclasses import replace

    prob = problem or fam.problem()
    dist = dist or fam.dist_to_min
    state = {"evals": 0, "its": 0, "last": None}

    def grad(x):
        state["evals"] += 1
        if state["last"] is None or not np.array_equal(x, state["last"]):
            state["its"] += 1
            state["last"] = np.array(x, copy=True)
        if dist(x) <= target:
            raise _Hit
        return prob.grad(x)

    hit = False
    try:
        opt.run(replace(prob, grad=grad), x0, rng=rng, max_iter=max_iter, tol=0.0)
    except _Hit:
        hit = True
    if counts is not None:
        counts.update(evaluations=state["evals"], iterations=state["its"])
    return state["its"] if hit else None


def kappa(fam: SaddleFamily) -> float:
    """The smallest Hessian eigenvalue at the minima ±e₁: min(2β, α/γ, 1)."""
    return float(np.min(fam.hess_diag(fam.minima[0])))


def pgd_for_target(fam: SaddleFamily, target: float, x0, perturb: bool = True):
    """Perturbed GD with Jin et al.'s parameters for the gradient accuracy that guarantees ``target``."""
    return pgd_for(fam, eps=target * kappa(fam) / 2, delta_f=fam.value(x0), perturb=perturb)


def sweep(base: dict, key: str, values, seeds: int, target: float, optimizer: str = "pgd",
          shelf_start: float = 4.0) -> list[dict]:
    """Hitting times for the family with one dial changed; one row per (value, seed)."""
    from numeric.optimizers import CubicNewton

    rows = []
    for v in values:
        p = dict(base)
        p[key] = v
        fam = SaddleFamily(**p)
        for sd in range(seeds):
            x0 = start_point(fam, np.random.default_rng(1000 + sd), shelf_start)
            if optimizer == "pgd":
                opt = pgd_for_target(fam, target, x0)
            elif optimizer == "pgd-no-noise":
                opt = pgd_for_target(fam, target, x0, perturb=False)
            elif optimizer == "cubic":
                opt = CubicNewton(M=fam.rho)
            else:
                from numeric.optimizers import GD
                opt = GD(step=1.0 / fam.ell)
            n = hitting_time(fam, opt, x0, target, np.random.default_rng(2000 + sd))
            rows.append({"dial": key, "value": v, "seed": sd, "evaluations": n, "ell": fam.ell, "rho": fam.rho,
                         "jin_bound": jin_bound(fam.ell, fam.rho, target * kappa(fam) / 2, fam.d, fam.value(x0))})
    return rows


# --- jin et al. bound -----------------------------------------------------------------------------------
def jin_bound(ell: float, rho: float, eps: float, d: int, delta_f: float, delta: float = 0.1, c: float = 1.0) -> float:
    """The iteration bound of Jin et al. 2017 (Theorem 3) without its absolute constant:
    ℓΔ_f/ε² · χ⁴ with χ = max(log(dℓΔ_f/(cε²δ)), 4)."""
    chi = max(math.log(d * ell * delta_f / (c * eps**2 * delta)), 4.0)
    return ell * delta_f / eps**2 * chi**4
