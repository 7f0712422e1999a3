"""Benchmark: escaping a strict saddle at d = 1,000 — perturbed GD and cubic-regularised Newton against GD.

Problem: the strict-saddle family of numeric.chapter8.strict_saddle (saddle at 0 with curvature −β = −0.16,
global minima at distance 1, a shelf of slope α = 0.5, ½xᵢ² elsewhere), rotated by a random
orthogonal Q (x ↦ f(Qᵀx)) so that no coordinate is special; gradient and Hessian-vector products
are two dense mat-vecs.  Start: on the saddle's stable manifold {(Qᵀx)₁ = 0} (exactly, before
rounding), far up the shelf.

Measured in one run, for each optimizer and two starts (A: the stable manifold, B: the saddle itself): gradient (and Hessian-vector) evaluations and seconds until
the iterate is within 1e-3 of a global minimum, and what the optimizer itself reports when left to
its own stopping rule.  Plain GD only leaves the stable manifold through floating-point rounding in
Q (on the unrotated problem, where the manifold is exact, it never leaves: shown too).

Run: python benchmarks/bench_saddle_escape.py   (prints a table, writes nothing)
"""
from __future__ import annotations

import pathlib
import platform
import sys
import time

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from numeric.chapter8 import strict_saddle as SS
from numeric.optimizers import GD, CubicNewton  # noqa: E402

D, TARGET = 1000, 1e-3


def timed_hit(fam, opt, x0, prob, dist, seed, max_iter):
    """(iterations until within TARGET of a minimum or None, gradient evaluations, HVPs, seconds)."""
    from dataclasses import replace

    hv = {"n": 0}
    if prob.hvp is not None:
        inner = prob.hvp

        def hvp(x, v):
            hv["n"] += 1
            return inner(x, v)

        prob = replace(prob, hvp=hvp)
    counts = {}
    t0 = time.perf_counter()
    n = SS.hitting_time(fam, opt, x0, TARGET, np.random.default_rng(seed), max_iter=max_iter, problem=prob, dist=dist,
                        counts=counts)
    return n, counts["evaluations"], hv["n"], time.perf_counter() - t0


def main() -> int:
    rng = np.random.default_rng(0)
    fam = SS.SaddleFamily(d=D, alpha=0.5, beta=0.16, gamma=1.0)
    Q, _ = np.linalg.qr(rng.standard_normal((D, D)))
    prob = SS.rotated_problem(fam, Q)
    y0 = SS.start_point(fam, rng, 40.0)  # (Qᵀx₀)₁ = 0: on the stable manifold
    minima = fam.minima @ Q.T

    def dist(x):
        return float(np.min(np.linalg.norm(minima - x[None], axis=1)))

    def opts():
        return [
            ("GD (step 1/ℓ)", GD(step=1.0 / fam.ell)),
            ("perturbed GD (Jin et al.)", SS.pgd_for_target(fam, TARGET, y0)),
            ("cubic Newton (M = ρ, HVP solver)", CubicNewton(M=fam.rho, solver="krylov")),
        ]

    print(f"python {platform.python_version()}, numpy {np.__version__}, d = {D}, β = {fam.beta}, α = {fam.alpha}, "
          f"ℓ = {fam.ell:.3g}, ρ = {fam.rho:.3g}; until ‖x − x*‖ ≤ {TARGET} (cap 200,000 iterations)")
    head = f"{'optimizer':36s} {'iterations':>10s} {'grad evals':>10s} {'HVPs':>8s} {'seconds':>9s}"
    table = {}
    for scen, x0 in (("A: start on the stable manifold, far up the shelf (rounding in Q)", Q @ y0),
                     ("B: start exactly at the saddle x = 0 (∇f = 0 exactly)", np.zeros(D))):
        print(scen)
        print(head)
        for name, opt in opts():
            n, ev, hv, sec = timed_hit(fam, opt, x0, prob, dist, 1, max_iter=200_000)
            table[(scen[0], name)] = (n, ev, hv, sec)
            print(f"{name:36s} {str(n) if n else 'never':>10s} {ev:10d} {hv:8d} {sec:9.3f}")
    # plain GD on the unrotated problem: the stable manifold x₁ = 0 is exact in floating point
    n_exact, ev, _, sec_exact = timed_hit(fam, GD(step=1.0 / fam.ell), y0, fam.problem(), fam.dist_to_min, 1, 50_000)
    print(f"GD on the unrotated problem from the manifold (exact in floating point): "
          f"{'never — it reaches the saddle, where ∇f = 0 exactly, after ' + str(ev) + ' evaluations' if not n_exact else n_exact}")
    g = GD(step=1.0 / fam.ell).run(prob, Q @ y0, max_iter=200_000, tol=1e-6)
    print(f"GD with its own stopping rule ‖∇f‖ ≤ 1e-6 from A: '{g.stop_reason}' after {g.iterations} iterations, "
          f"{np.linalg.norm(g.x):.1e} from the saddle, λ_min = {g.lambda_min:.4f} (reports convergence at the saddle)")
    print("ratios GD / method, scenario A (iterations; seconds):")
    gd = table[("A", "GD (step 1/ℓ)")]
    for name in ("perturbed GD (Jin et al.)", "cubic Newton (M = ρ, HVP solver)"):
        r = table[("A", name)]
        print(f"  {name:34s} {gd[0] / r[0]:6.2f}x; {gd[3] / r[3]:6.2f}x" if gd[0] and r[0] else f"  {name}: n/a")
    pg, cb = table[("B", "perturbed GD (Jin et al.)")], table[("B", "cubic Newton (M = ρ, HVP solver)")]
    print(f"scenario B: GD never moves; perturbed GD {pg[0]} iterations in {pg[3]:.3f} s; cubic Newton "
          f"{'never (stops at once: ∇f = 0 and its HVP solver perturbs g relative to ‖g‖ = 0)' if not cb[0] else cb[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
