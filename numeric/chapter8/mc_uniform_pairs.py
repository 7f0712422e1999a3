"""Lemma 8.17 for all incoherent pairs at once: the numbers behind verify/chapter8/claims/mc_uniform_pairs.py.

With w = u∘v, ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² = wᵀ(W/p − J)w (W the 0/1 mask), and ‖w‖² ≤ ‖u‖²_∞‖v‖² ≤ μ²/d, so
for one Ω every incoherent pair deviates by at most (μ²/d)·‖sym(W/p − J)‖_op (the spectral certificate). Two
experiments, each a pure function of its seed (a sweep cell):

  * ``reader_instance``: second reader T1's instance (d = 400, p = 1/20, μ = 1, independent mask, default_rng(0)),
    the same draws in the same order: per Ω, 200 pairs u = 1/√d, v = t/√d with random signs t (fixed before Ω: the
    draws are independent of it) and the pair v = s/√d, s the signs of sym(W/p − J)'s top eigenvector (flipped
    greedily to raise sᵀ sym s); their deviations are exact rationals (sᵀWs/p − (Σs)²)/d²;
  * ``spectral_rate``: ‖sym(W/p − J)‖·√(p/d) at p·d = 2 log d over d (bounded ⟺ the certificate is O(μ²/√(pd))),
    and the certificate against ε along p = log d/(dε²) (μ = 1, the rate with C = 1).
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np

from numeric.chapter8 import masks
from numeric.sweeps.core import Cell, cell

READER = {"d": 400, "p": Fraction(1, 20), "eps": Fraction(1, 10), "n_omega": 3, "n_fixed": 200}


def _exact_dev(W: np.ndarray, s: np.ndarray, p: Fraction) -> Fraction:
    """dev at u = 1/√d, v = s/√d (s ∈ {±1}^d): wᵀ(W/p − J)w with w = s/d, exactly."""
    d = s.size
    q = int(s @ (W @ s))  # sᵀWs, an integer
    t = int(s.sum())
    return (Fraction(q) / p - t * t) / (d * d)


def omega_built_signs(Om: np.ndarray, p: float) -> np.ndarray:
    """s ∈ {±1}^d from Ω: the signs of sym(W/p − J)'s top eigenvector, then three greedy sweeps (flip s_i when that
    raises sᵀSs): the reader's construction, a lower bound on the sup over incoherent pairs."""
    d = Om.shape[0]
    A = Om / p - 1.0
    S = (A + A.T) / 2
    s = np.sign(np.linalg.eigh(S)[1][:, -1])
    s[s == 0] = 1
    for _ in range(3):
        for i in range(d):
            if s[i] * (S[i] @ s - S[i, i] * s[i]) < 0:
                s[i] = -s[i]
    return s.astype(np.int64)


def fixed_pair_rate(seed: int, eps: float = 0.05, ds: tuple = (200, 400), T: int = 4) -> list[dict]:
    """Along the fixed-pair rate p = log d/(d²ε²) (μ = 1, C = 1): the Ω-built pair's exact deviation per mask."""
    rng = np.random.default_rng(seed)
    out = []
    for d in ds:
        p = Fraction(float(np.log(d) / (d * d * eps * eps))).limit_denominator(10**6)
        devs = []
        for _ in range(T):
            Om = rng.random((d, d)) < float(p)
            devs.append(abs(_exact_dev(Om.astype(np.int64), omega_built_signs(Om, float(p)), p)))
        out.append({"d": d, "eps": eps, "p": str(p), "p*d": round(float(p) * d, 2), "devs": devs})
    return out


def reader_instance(seed: int = 0) -> dict:
    """Second reader T1's script, the same rng calls in the same order, exact deviations; the certificate per Ω."""
    d, p, n_fixed = READER["d"], READER["p"], READER["n_fixed"]
    pf = float(p)
    rng = np.random.default_rng(seed)
    rows = []
    for _ in range(READER["n_omega"]):
        Om = rng.random((d, d)) < pf
        W = Om.astype(np.int64)
        A = Om / pf - 1.0
        S = (A + A.T) / 2
        ev, vec = np.linalg.eigh(S)
        s = np.sign(vec[:, -1])
        s[s == 0] = 1
        for _ in range(3):  # greedy: flip s_i when that raises sᵀSs
            for i in range(d):
                if s[i] * (S[i] @ s - S[i, i] * s[i]) < 0:
                    s[i] = -s[i]
        si = s.astype(np.int64)
        adv = _exact_dev(W, si, p)
        fixed = [abs(_exact_dev(W, rng.choice([-1.0, 1.0], d).astype(np.int64), p)) for _ in range(n_fixed)]
        cert = float(max(abs(ev[0]), abs(ev[-1]))) / d  # μ = 1: (μ²/d)‖sym(W/p − J)‖
        rows.append({"|Omega|": int(W.sum()), "adv": abs(adv), "fixed_max": max(fixed),
                     "fixed_median": sorted(fixed)[len(fixed) // 2],
                     "fixed_fail": sum(1 for f in fixed if f > READER["eps"]), "n_fixed": n_fixed,
                     "certificate": cert, "incoherent": bool(np.all(np.abs(si) == 1))})
    return {"rows": rows, **{k: (str(v) if isinstance(v, Fraction) else v) for k, v in READER.items()}}


def sym_norm(m: masks.Mask) -> float:
    """‖sym(W/p − J)‖_op for a mask (Lanczos at both ends of the spectrum: ±edges are near-degenerate in modulus)."""
    from scipy.sparse.linalg import LinearOperator, eigsh

    d, p, W = m.d, m.p, m.csr
    if p >= 1.0:
        return 0.0
    Wt = W.T.tocsr()
    op = LinearOperator((d, d), matvec=lambda x: (W @ x + Wt @ x) / (2 * p) - x.sum() * np.ones(d), dtype=float)
    v0 = np.random.default_rng(d).standard_normal(d)
    hi = eigsh(op, k=1, which="LA", return_eigenvectors=False, tol=1e-8, v0=v0)[0]
    lo = eigsh(op, k=1, which="SA", return_eigenvectors=False, tol=1e-8, v0=v0)[0]
    return float(max(abs(hi), abs(lo)))


def rate_ds(scale: int) -> list[int]:
    # seven points at ci: the fit declares a finite-size correction (three parameters per seed)
    return [100, 141, 200, 283, 400, 566, 800] if scale == 1 else [100, 200, 400, 800, 1600, 3200]


WHP_EPS = (0.3, 0.5)


def spectral_rate(seed: int, scale: int) -> dict:
    """Per d: mean and max of ‖sym(W/p − J)‖·√(p/d) at p = 2 log d/d; and along p = log d/(dε²) (μ = 1) the
    failures of 'certificate ‖sym(W/p − J)‖/d ≤ ε'. Independent masks (Definition 8.10: every entry)."""
    rng = np.random.default_rng(seed)
    T = 6 if scale == 1 else 12
    ds = rate_ds(scale)
    norm = []
    for d in ds:
        p = 2 * np.log(d) / d
        vals = [sym_norm(masks.bernoulli(d, p, rng, symmetric=False)) * np.sqrt(p / d) for _ in range(T)]
        norm.append((float(np.mean(vals)), float(np.max(vals))))
    whp = []
    for d in ds:
        for eps in WHP_EPS:
            p = float(np.log(d) / (d * eps * eps))
            if p >= 1:
                continue
            certs = [sym_norm(masks.bernoulli(d, p, rng, symmetric=False)) / d for _ in range(T)]
            whp.append({"d": d, "eps": eps, "p": round(p, 4), "failures": sum(c > eps for c in certs), "trials": T,
                        "max certificate": round(max(certs), 4)})
    return {"ds": ds, "norm": norm, "whp": whp}


# --- cells ---------------------------------------------------------------------------------------------------
def reader_instance_cell(seed: int = 0) -> Cell:
    return cell(reader_instance, seed, cost=2.0)


def fixed_pair_rate_cell(seed: int) -> Cell:
    return cell(fixed_pair_rate, seed, cost=1.0)


def spectral_rate_cell(seed: int, scale: int) -> Cell:
    return cell(spectral_rate, seed, cost=1.0 * scale, scale=scale)
