"""Monte Carlo for Lemma 8.17: |⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩²| over Bernoulli(p) masks.

With a = u∘v the sum is Σ_{(i,j)∈Ω} a_i a_j, so a trial only needs the observed cells of
the upper triangle and their values c_ij = a_i a_j (doubled off the diagonal, symmetric Ω).

Common random numbers: one trial draws every cell's uniform U_ij and the mask at level p
is {U_ij < p}; the cells with U < p_max are drawn as a Bernoulli(p_max) mask with U
uniform on [0, p_max) given inclusion (the same law).  Sorting the cells by U, one
cumulative sum gives the deviation at every p of a grid, so the failure rate is a
monotone-coupled curve in p and p* (where it falls below δ) is read off without bisection.

The uniform version (u, v chosen after Ω, as the proofs of Lemmas 8.19/8.21 need) is
probed with numeric.chapter8.matrix_completion.extreme_subgraph.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numeric.chapter8 import masks
from numeric.chapter8 import matrix_completion as mc
@dataclass(frozen=True)
class FailureCurve:
    p: np.ndarray  # grid (ascending)
    failures: np.ndarray  # number of trials with |deviation| > ε at each p
    trials: int
    deviations: np.ndarray  # (trials, len(p)) signed deviations

    def rate(self) -> np.ndarray:
        return self.failures / self.trials

    def at(self, eps: float) -> "FailureCurve":
        """The same trials (the same masks at every p) judged at another level ε: the deviations do not depend on ε."""
        return FailureCurve(self.p, (np.abs(self.deviations) > eps).sum(axis=0), self.trials, self.deviations)

    def p_star(self, delta: float) -> float:
        """Smallest grid p from which on the failure rate stays ≤ δ (geometric interpolation)."""
        r = self.rate()
        bad = np.flatnonzero(r > delta)
        if bad.size == 0:
            return float(self.p[0])
        i = bad[-1]
        if i == len(self.p) - 1:
            return float("inf")
        r0, r1 = r[i], r[i + 1]
        t = (r0 - delta) / (r0 - r1) if r0 > r1 else 1.0
        return float(np.exp(np.log(self.p[i]) + t * (np.log(self.p[i + 1]) - np.log(self.p[i]))))


def _upper_cells(d: int, p: float, rng: np.random.Generator):
    m = masks.bernoulli(d, p, rng, symmetric=True)
    up = m.rows <= m.cols
    return m.rows[up], m.cols[up]


def failure_curve(u: np.ndarray, v: np.ndarray, eps: float, p_grid, trials: int,
                  rng: np.random.Generator) -> FailureCurve:
    """Deviation ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² for T symmetric masks, at every p of the grid."""
    p_grid = np.sort(np.asarray(p_grid, dtype=float))
    p_max = float(p_grid[-1])
    d = u.size
    a = u * v
    target = float(a.sum() ** 2)  # ⟨uuᵀ, vvᵀ⟩ = ⟨u, v⟩²
    devs = np.empty((trials, p_grid.size))
    for t in range(trials):
        i, j = _upper_cells(d, p_max, rng)
        c = a[i] * a[j] * np.where(i == j, 1.0, 2.0)
        U = rng.random(i.size) * p_max
        order = np.argsort(U)
        cs = np.concatenate([[0.0], np.cumsum(c[order])])
        k = np.searchsorted(U[order], p_grid, side="left")
        devs[t] = cs[k] / p_grid - target
    return FailureCurve(p_grid, (np.abs(devs) > eps).sum(axis=0), trials, devs)


def theory_p_fixed_pair(u: np.ndarray, v: np.ndarray, eps: float, z: float = 1.645) -> float:
    """Gaussian approximation of p* for a fixed pair: Var ≈ 2‖u∘v‖⁴/p (only to place the grid)."""
    a2 = float(np.sum((u * v) ** 2))
    return min(1.0, 2.0 * z * z * a2 * a2 / eps**2)


def grid_around(p0: float, lo: float = 1 / 16, hi: float = 16, n: int = 33) -> np.ndarray:
    g = np.geomspace(p0 * lo, p0 * hi, n)
    return np.unique(np.clip(g, 1e-7, 1.0))


def uniform_deviation(mask: masks.Mask, mu: float, rng: np.random.Generator) -> tuple[float, np.ndarray]:
    """max |⟨P_Ω(uuᵀ), uuᵀ⟩/p − 1| found over Ω-dependent u = 1_S/√k, k = ⌈d/μ²⌉ (incoherent with μ).

    A lower bound for sup over incoherent unit vectors.  Returns (deviation, the set S).
    """
    k = max(1, int(np.ceil(mask.d / mu**2)))
    S_hi, hi = mc.extreme_subgraph(mask, k, rng, maximize=True)
    S_lo, lo = mc.extreme_subgraph(mask, k, rng, maximize=False)
    return (abs(hi), S_hi) if abs(hi) >= abs(lo) else (abs(lo), S_lo)


def fixed_set_deviation(mask: masks.Mask, S: np.ndarray) -> float:
    """The same deviation for a set S chosen before Ω was drawn."""
    ind = np.zeros(mask.d)
    ind[S] = 1.0
    k = S.size
    return abs(float(ind @ (mask.csr @ ind)) / (mask.p * k * k) - 1.0)


def spectral_certificate(mask: masks.Mask, mu: float) -> float:
    """‖W/p − J‖·μ²/d: bounds |⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩²| for all unit u, v with ‖·‖_∞ ≤ μ/√d at once."""
    from scipy.sparse.linalg import LinearOperator, eigsh

    d, p, W = mask.d, mask.p, mask.csr
    if p >= 1.0:  # every entry observed: W/p = J, the deviation is 0 for every pair
        return 0.0
    op = LinearOperator((d, d), matvec=lambda x: W @ x / p - x.sum() * np.ones(d), dtype=float)
    v0 = np.random.default_rng(d).standard_normal(d)  # a fixed start: the same mask gives the same number
    lam = eigsh(op, k=1, which="LM", return_eigenvectors=False, tol=1e-6, v0=v0)[0]
    return float(abs(lam) * mu * mu / d)
