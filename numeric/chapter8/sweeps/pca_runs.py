"""The §8.3.1 reference optimizer runs on PCA g(x) = ½‖M − xxᵀ‖²: random starts and the saddle x = 0.

One cell per stream and reading (perturbed GD with or without its perturbation): n random M ≻ 0 with
distinct eigenvalues (d = 6) and a random start each, from ``default_rng(seed)`` in that order; GD and
perturbed GD from the start, then from 0 (each optimizer with its own fixed stream, as before).
"""
from __future__ import annotations

import numpy as np

from numeric import instances
from numeric.chapter8 import pca as npca
from numeric.optimizers import GD, PerturbedGD

from numeric.sweeps.core import Cell, cell


def pgd(eta, lam1, perturb: bool) -> PerturbedGD:
    """Perturbed GD scaled to λ₁ (radius 0 when ``perturb`` is False: the perturbation removed)."""
    r = 1e-3 * np.sqrt(lam1) if perturb else 0.0
    return PerturbedGD(step=eta, radius=r, g_thres=1e-6 * lam1 ** 1.5, t_thres=200, f_thres=1e-12 * lam1**2)


def runs(seed: int, n: int, d: int, perturb: bool):
    """The instances (eigenvalues, eigenvectors) and, per instance: the final x and gradient norm of GD and perturbed
    GD from a random start, ‖x‖ where GD from 0 stops and where perturbed GD from 0 stops."""
    rng = np.random.default_rng(seed)
    batch = instances.psd_matrices(rng, n, d, kind="distinct")
    eta_of = lambda lam1: 0.1 / (3 * lam1)  # noqa: E731 - below 1/L on the region the runs visit
    out = []
    for k in range(n):
        Mk, lam = batch.M[k], batch.eigenvalues[k]
        prob = npca.problem(Mk)
        x0 = rng.normal(size=d) * np.sqrt(lam[0] / d)
        eta = eta_of(lam[0])
        started = []
        for opt in (GD(step=eta), pgd(eta, lam[0], perturb)):
            res = opt.run(prob, x0, rng=np.random.default_rng(k), max_iter=20000, tol=1e-9 * lam[0])
            started.append((res.x, res.grad_norm))
        # the saddle x = 0: the gradient is exactly zero there
        zero = np.zeros(d)
        gd = GD(step=eta).run(prob, zero, max_iter=2000, tol=0.0)
        pg = pgd(eta, lam[0], perturb).run(prob, zero, rng=np.random.default_rng(10_000 + k), max_iter=20000,
                                           tol=1e-9 * lam[0])
        out.append((started, np.linalg.norm(gd.x), np.linalg.norm(pg.x)))
    return batch.eigenvalues, batch.eigenvectors, out


def runs_cell(seed: int, n: int, d: int, perturb: bool) -> Cell:
    return cell(runs, seed, cost=float(n), n=int(n), d=int(d), perturb=bool(perturb))
