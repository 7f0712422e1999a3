"""The landscape of the matrix-completion f: stationary points, PSD boundaries, optimizer runs.

* ``stationary_points``: Newton's method on ∇f = 0 (dense Hessian, small d) from starts that
  reach every kind of stationary point: near 0, along the top eigenvectors of P_Ω(zzᵀ)
  (where f's spurious saddles sit), near ±z, at random.  Returns the distinct converged points.
* ``psd_boundary``: along a direction x̂, the smallest r with ∇²f(r x̂) ⪰ 0.  Since
  ∇²f(r x̂) = r²B − C with C = 2P_Ω(zzᵀ) and B = ∇²f(x̂) + C, the boundary is the top
  generalised eigenvalue of (C, B) when B ≻ 0 (bisection otherwise).
* ``run``: one optimizer of numeric.optimizers (GD, perturbed GD, cubic-regularised Newton)
  on f from x₀, with f as a Problem (gradient and Hessian-vector product of f).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numeric.chapter8 import matrix_completion as mc
def newton_root(ob: mc.Objective, x0: np.ndarray, iters: int = 60, tol: float = 1e-11) -> tuple[np.ndarray, bool]:
    """Newton on ∇f(x) = 0 (least-squares steps, so singular Hessians do not stop it)."""
    x = x0.copy()
    scale = max(ob.p, 1e-12)
    for _ in range(iters):
        g = ob.gradient(x)
        if np.linalg.norm(g) <= tol * scale:
            return x, True
        H = ob.hessian(x)
        try:
            step = np.linalg.solve(H, g)
        except np.linalg.LinAlgError:
            step = np.linalg.lstsq(H, g, rcond=1e-12)[0]
        x = x - step
        if not np.all(np.isfinite(x)) or np.linalg.norm(x) > 1e3:
            return x, False
    return x, bool(np.linalg.norm(ob.gradient(x)) <= tol * scale * 10)


@dataclass(frozen=True)
class Stationary:
    x: np.ndarray
    lambda_min: float
    start: str


def stationary_points(ob: mc.Objective, rng: np.random.Generator, n_random: int = 6, n_eig: int = 4) -> list[Stationary]:
    d, z = ob.d, ob.z
    starts: list[tuple[str, np.ndarray]] = [("zero", np.zeros(d))]
    # the top eigenvectors of P_Ω(zzᵀ) orthogonal to z: f(r u) has a critical point at r² ≈ λ/(p‖u‖⁴)
    C = ob.mask.P(np.outer(z, z))
    lam, U = np.linalg.eigh(C)
    for k in range(1, n_eig + 1):
        u = U[:, -k]
        u = u - (u @ z) * z
        u /= np.linalg.norm(u) + 1e-300
        r = np.sqrt(max(lam[-k], 0.0) / max(ob.masked_inner(u, u), 1e-300))
        starts.append((f"eig{k}", r * u))
    for k in range(n_random):
        w = rng.standard_normal(d)
        w /= np.linalg.norm(w)
        starts.append(("near±z", (1 if k % 2 else -1) * z + 0.3 * w))
        starts.append(("random", rng.uniform(0.05, 1.5) * w))
    found: list[Stationary] = []
    for name, x0 in starts:
        x, ok = newton_root(ob, x0)
        if not ok:
            continue
        if any(np.linalg.norm(x - s.x) < 1e-6 for s in found):
            continue
        found.append(Stationary(x, ob.lambda_min(x), name))
    return found


def on_gradient_pairing_zero(ob: mc.Objective, xhat: np.ndarray) -> np.ndarray:
    """The point r x̂ (r > 0) with ⟨x, ∇f(x)⟩ = 0, the only consequence of ∇f = 0 that Lemma 8.19 uses.

    ⟨x, ∇f(x)⟩ = −2r²⟨P_Ω(zzᵀ), x̂x̂ᵀ⟩ + 2r⁴⟨P_Ω(x̂x̂ᵀ), x̂x̂ᵀ⟩, so r² = ⟨P(zzᵀ), x̂x̂ᵀ⟩/⟨P(x̂x̂ᵀ), x̂x̂ᵀ⟩.
    """
    a = ob.masked_inner(ob.z, xhat)
    b = ob.masked_inner(xhat, xhat)
    return np.sqrt(max(a, 0.0) / b) * xhat if b > 0 else np.zeros_like(xhat)


def psd_boundary(ob: mc.Objective, xhat: np.ndarray, t_max: float = 2.0, scan: int = 24) -> float:
    """Smallest r ≥ 0 with ∇²f(r x̂) ⪰ 0 along the unit direction x̂ (inf if none with r² ≤ t_max).

    ∇²f(r x̂) = r²B − C with C = 2P_Ω(zzᵀ), B = ∇²f(x̂) + C.  B is indefinite in general
    (far out along a ray the Hessian stops being PSD), so {t = r²: tB − C ⪰ 0} is an
    interval (an LMI in t): a scan finds a point of it, bisection its lower end.
    """
    C = 2.0 * ob.mask.P(np.outer(ob.z, ob.z))
    B = ob.hessian(xhat) + C
    tol = -1e-10 * max(ob.p, 1e-12)

    shift = -tol * np.eye(ob.d)

    def psd(t):  # λ_min(tB − C) ≥ tol ⟺ tB − C − tol·I has a Cholesky factor (up to rounding)
        try:
            np.linalg.cholesky(t * B - C + shift)
            return True
        except np.linalg.LinAlgError:
            return False

    ts = np.concatenate([np.linspace(0.2, 0.6, 9), np.linspace(0.65, t_max, scan - 9)])
    hi = next((t for t in ts if psd(t)), None)
    if hi is None:
        return float("inf")
    lo = 0.0 if psd(0.0) else max(0.0, ts[max(0, int(np.searchsorted(ts, hi)) - 1)] if hi > ts[0] else 0.0)
    if psd(lo):
        lo = 0.0
    for _ in range(30):
        mid = 0.5 * (lo + hi)
        if psd(mid):
            hi = mid
        else:
            lo = mid
    return float(np.sqrt(hi))


def z_form_boundary(ob: mc.Objective, xhat: np.ndarray) -> float:
    """Smallest r with ⟨z, ∇²f(r x̂) z⟩ ≥ 0 (the only consequence of ∇²f ⪰ 0 that Lemma 8.21 uses)."""
    z = ob.z
    C = 2.0 * ob.masked_inner(z, z)
    beta = ob.hessian_form(xhat, z) + C
    return float(np.sqrt(C / beta)) if beta > 0 else float("inf")


def low_mass_directions(ob: mc.Objective, thresholds=(0.6, 0.8), scales=(0.0, 0.5)):
    """Ω-dependent unit directions x̂ ∝ z∘c that shrink z on rows whose observed z-mass is low.

    Along x̂ = z the PSD boundary of f is exactly ‖x‖² = 1/3 for every Ω (⟨v, ∇²f(z/√3)v⟩ =
    ⅓Σ_Ω(v_i z_j − v_j z_i)² ≥ 0); removing z-mass from rows i with (W z²)_i < c·⟨P_Ω(zzᵀ), zzᵀ⟩
    lowers the boundary below 1/3 (first-order: the ratio ‖b‖₁A/(aᵀWb + 2bᵀWb) with a = z²).
    """
    a = ob.z * ob.z
    Wa = ob.mask.csr @ a
    A = float(a @ Wa)
    out = []
    for thr in thresholds:
        low = Wa < thr * A
        if not low.any():
            continue
        for sc in scales:
            xh = ob.z * np.where(low, sc, 1.0)
            n = np.linalg.norm(xh)
            if n > 0:
                out.append(xh / n)
    return out


# --- optimizers (numeric.optimizers) ---------------------------------------------------------------------
def smoothness(ob: mc.Objective, radius: float = 1.5) -> float:
    """A Gershgorin bound on ‖∇²f‖ at the point radius·‖z‖_∞·(1, …, 1): the step size 1/L of GD."""
    x = np.full(ob.d, radius * np.max(np.abs(ob.z)))
    H = ob.hessian_sparse(x)
    return float(abs(H).sum(axis=1).max())


def problem(ob: mc.Objective, second_order: bool = True):
    """f as a numeric.optimizers Problem (dense Hessian up to d = 400, Hessian-vector products otherwise).

    first-order methods get no Hessian, so the optimizer does not compute λ_min at every end point
    (the caller does, where it matters)."""
    from numeric.optimizers import Problem

    if not second_order:
        return Problem(dim=ob.d, cost=ob.value, grad=ob.gradient, name=f"matrix completion d={ob.d} p={ob.p:.3g}")
    return Problem(dim=ob.d, cost=ob.value, grad=ob.gradient, hess=ob.hessian if ob.d <= 400 else None,
                   hvp=ob.hvp, name=f"matrix completion d={ob.d} p={ob.p:.3g}")


def run(method: str, ob: mc.Objective, x0: np.ndarray, rng: np.random.Generator, max_iter: int = 5000,
        tol: float | None = None):
    """GD, 'PGD' (perturbed GD) or 'cubic' (cubic-regularised Newton) on f from x₀; a numeric.optimizers Result."""
    from numeric.optimizers import GD, CubicNewton, PerturbedGD

    L = smoothness(ob)
    tol = 1e-9 * ob.p if tol is None else tol
    prob = problem(ob, second_order=method == "cubic")
    if method == "GD":
        opt = GD(step=1.0 / L)
    elif method == "PGD":
        opt = PerturbedGD(step=1.0 / L, radius=1e-3, g_thres=1e-6 * ob.p, t_thres=200, f_thres=1e-10 * ob.p)
    elif method == "cubic":
        opt, max_iter = CubicNewton(M=6.0 * L), max(50, max_iter // 50)
    else:
        raise ValueError(f"unknown method {method!r}")
    return opt.run(prob, x0, rng=rng, max_iter=max_iter, tol=tol)


def distance_to_pm(x: np.ndarray, z: np.ndarray) -> float:
    return float(min(np.linalg.norm(x - z), np.linalg.norm(x + z)))


def gd_restarts(ob: mc.Objective, X0: np.ndarray, max_iter: int = 5000, tol: float | None = None):
    """``run('GD', ob, x0)`` for every row x0 of X0 at once: one sparse product per step serves all restarts.

    The restarts move in lockstep, and each step is W @ [z∘x₁ … z∘x_k, x₁² … x_k²], a product with
    2k columns, instead of 2k mat-vecs.  A CSR product sums each row's entries in the same order for
    every column, so each restart's iterates, stopping step and result are bit-identical to its own
    run (tests/test_mc_landscape.py); a restart that stops drops out of the product.  Symmetric Ω only.
    """
    from numeric.optimizers.base import Result

    if not ob.mask.symmetric:
        raise ValueError("gd_restarts needs a symmetric mask")
    X = np.array(X0, dtype=float, ndmin=2)
    k, d = X.shape
    step = 1.0 / smoothness(ob)
    tol = 1e-9 * ob.p if tol is None else tol
    every = max(1, max_iter // 1000)
    W, z = ob._W, ob.z
    active = list(range(k))
    its, reasons = [0] * k, ["max_iter"] * k
    for it in range(max_iter + 1):
        n = len(active)
        Xa = X[active]
        B = np.empty((d, 2 * n))
        B[:, :n], B[:, n:] = (z * Xa).T, (Xa * Xa).T
        R = W @ B
        G = np.ascontiguousarray(-2.0 * (z * R[:, :n].T - Xa * R[:, n:].T))  # Objective.gradient, row by row
        still = []
        for c, j in enumerate(active):
            x, g = X[j], G[c]
            gn = float(np.linalg.norm(g))
            its[j] = it
            if it % every == 0 and not np.isfinite(ob.value(x)):
                reasons[j] = "diverged"
                continue
            if not np.all(np.isfinite(g)):
                reasons[j] = "diverged"
                continue
            if gn <= tol:
                reasons[j] = "gradient_tol"
                continue
            if it == max_iter:
                continue
            X[j] = x - step * g
            still.append(j)
        active = still
        if not active:
            break
    out = []
    for j in range(k):
        x = X[j].copy()
        out.append(Result("gd", x, float(ob.value(x)), float(np.linalg.norm(ob.gradient(x))), None, its[j], {},
                          reasons[j], reasons[j] == "gradient_tol"))
    return out
