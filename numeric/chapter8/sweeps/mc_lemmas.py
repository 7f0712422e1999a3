"""The §8.3.2 concentration experiments that Lemma 8.17, Figure 8.5 and the Theorem 8.23 rates read.

Each is one cell per seed (and per reading of the statement, for the uniform sweep along a rate):
the fixed-pair failure rates at the printed rate, the fixed-pair p* against d, ε and μ, the
uniform deviation (greedy adversary and spectral certificate) along a rate and against p·d, and the
concentration of the gradient and Hessian forms of f.  Each function draws from its own stream
``default_rng(seed)`` in a fixed order, so a cell is the same numbers wherever it is computed.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from numeric.chapter8 import masks
from numeric.chapter8 import matrix_completion as mc
from numeric.chapter8 import mc_concentration as cc
from numeric.chapter8 import mc_landscape as ml
from numeric.chapter8 import mc_pairs as mp
from numeric.chapter8.mc_concentration import spectral_certificate
from numeric.stats import fit_power_law

from numeric.sweeps.core import Cell, cell

MU = 2.0  # incoherence of the vectors in the sweeps (u, v, z)
DELTA = 0.1  # 'with high probability': failure rate at most δ


def rate(d: float, eps: float, d_power: float = 1.0, eps_power: float = 2.0, c: float = MU**4) -> float:
    """p = c·log d/(d^d_power · ε^eps_power), capped at 1 (c = μ⁴: the poly(μ, log d) of the chapter)."""
    return float(min(1.0, c * np.log(d) / (d**d_power * eps**eps_power)))


# --- the experiments (pure functions of their arguments) -----------------------------------------------------
def fixed_pairs(seed: int, scale: int, trials: int, coherent: bool) -> list[tuple]:
    """Failures of a fixed pair at the printed rate p = log d/(dε²): rows (d, ε, p, pair, failures, trials)."""
    rng = np.random.default_rng(seed)
    ds = [200, 400] if scale == 1 else [200, 400, 800]
    epss = [0.3, 0.5] if scale == 1 else [0.2, 0.3, 0.5]
    T = 5 * trials if scale == 1 else 2 * trials
    rows = []
    for d in ds:
        for eps in epss:
            p = rate(d, eps, c=1.0)
            if coherent:
                pairs = [("u = v = e₁", mc.basis_vector(d), mc.basis_vector(d))]
            else:
                u, v = mc.incoherent_unit_vector(d, MU, rng), mc.incoherent_unit_vector(d, MU, rng)
                pairs = [("u = v", u, u), ("u, v independent", u, v)]
            for name, a, b in pairs:
                fc = cc.failure_curve(a, b, eps, [p], T, rng)
                rows.append((d, eps, p, name, int(fc.failures[0]), T))
    return rows


def fixed_pair_fits(seed: int, scale: int, trials: int, mu: bool = True) -> dict:
    """p* (failure rate ≤ δ) for u = v incoherent, against d (ε fixed) and against ε (d fixed); and, unless
    ``mu`` is False (the extra seeds the d and ε fits pool), against μ for the extremal incoherent u."""
    rng = np.random.default_rng(seed)
    T = trials  # per seed; the check pools 3 (ci) / 5 (report) seeds
    ds = [100, 200, 400, 800] if scale == 1 else [100, 200, 400, 800, 1600]
    # ε in the variance regime of Bernstein's inequality (p* ∝ Var/ε²): at ε = 0.8 and d = 400 the p* of u = v holds
    # ≈ 6 sampled cells, where the range term (∝ 1/ε) bends the slope toward −1. Seven points (free: one shared curve
    # serves them all), so that the fit tests its correction (stats.judge_exponent: with 4 points a miss within the
    # local slope's drift was excused as finite-size, and the −2.5 mutant survived at ci seed 0); seven, so that a
    # correction term picked by noise is rare (seeds of this experiment alone, 30 triples: the −2 bound consistent and the
    # −2.5 mutant refuted on all 30 with 7 points, on 27 with 5)
    epss = [float(e) for e in np.geomspace(0.05, 0.4, 7)]
    out = {}
    pd_ = []
    # p* at δ = 0.1 is read from the few largest deviations of the trials: with T = 20 (ci) the slope in d had a
    # between-seed sd that let the local-slope drift excuse the −0.9 resolution mutant (ci seeds 10, 12, 14);
    # 3T trials per curve (40 triples of seeds of this experiment alone: the −1 bound consistent, −0.9 refuted on all)
    for d in ds:
        u = mc.incoherent_unit_vector(d, MU, rng)
        fc = cc.failure_curve(u, u, 0.2, cc.grid_around(cc.theory_p_fixed_pair(u, u, 0.2)), 3 * T, rng)
        pd_.append(fc.p_star(DELTA))
    out["d"] = (ds, pd_, fit_power_law(ds, pd_))
    d = 400
    u = mc.incoherent_unit_vector(d, MU, rng)
    # one set of 3T coupled trials (common random numbers) serves every ε: the deviation curves do not depend on ε,
    # so the p* are read off the same masks (≈ 0.25 s per seed in ci, against 0.09 s for the four curves of T it
    # replaced). Before, four independent curves of T = 20 trials in ci (the p* at δ = 0.1 read from the 2nd of
    # 20 deviations) put a between-seed sd of ≈ 0.27 on the slope, and with 3 seeds the −2.5 resolution mutant
    # survived at ci seeds 2–8. Bernstein's range term bends the curve (p* ≈ A/ε² + B/ε), and when the fit adopts
    # that correction its interval over 3 seeds was too wide for δ = 0.5 (5 of 40 triples of seeds of this
    # experiment alone; ci seed 16 with 6T trials: [−2.52, −1.14]); the claim pools 6 seeds for this fit and the d
    # fit (0 of 20 sextuples). The grid spans every ε's [p₀/16, 16p₀] at grid_around's density.
    lo = cc.theory_p_fixed_pair(u, u, max(epss)) / 16
    hi = cc.theory_p_fixed_pair(u, u, min(epss)) * 16
    n = int(np.ceil(32 * np.log(hi / lo) / np.log(256))) + 1
    shared = cc.failure_curve(u, u, min(epss), cc.grid_around(np.sqrt(lo * hi), lo / np.sqrt(lo * hi),
                                                              hi / np.sqrt(lo * hi), n), 3 * T, rng)
    pe = [shared.at(eps).p_star(DELTA) for eps in epss]
    out["eps"] = (epss, pe, fit_power_law(epss, pe))
    if not mu:
        return out
    # μ: the extremal incoherent vector u = 1_S/√k, k = d/μ² (every entry at the cap μ/√d), S fixed before Ω
    mus = [1.0, 1.5, 2.0, 3.0, 4.0]
    pm = []
    for mu in mus:
        k = int(round(d / mu**2))
        u = np.zeros(d)
        u[rng.choice(d, k, replace=False)] = 1 / np.sqrt(k)
        fc = cc.failure_curve(u, u, 0.2, cc.grid_around(cc.theory_p_fixed_pair(u, u, 0.2)), T, rng)
        pm.append(fc.p_star(DELTA))
    out["mu"] = (mus, pm, fit_power_law(mus, pm))
    return out


def uniform_along_rate(seed: int, scale: int, d_power: float, eps_power: float):
    """Along p = c/(d^k ε^a): the greedy adversary's deviation D(Ω) (a lower bound on the sup over incoherent
    pairs) and the spectral certificate ‖W/p − J‖μ²/d (an upper bound on it), against ε at fixed d and against d
    at fixed ε; each point averages T masks."""
    rng = np.random.default_rng(seed)
    T = 3 if scale == 1 else 8
    c = 1.0  # the constant only moves the curve; the exponents are what is tested
    d0 = 300 if scale == 1 else 1000
    ps = np.geomspace(0.03, 0.5, 5)
    epss = [(c * np.log(d0) / (d0**d_power * p)) ** (1 / eps_power) for p in ps]

    def point(d, eps):
        D, C = [], []
        for _ in range(T):
            m = masks.bernoulli(d, rate(d, eps, d_power, eps_power, c), rng)
            D.append(cc.uniform_deviation(m, MU, rng)[0])
            C.append(spectral_certificate(m, MU))
        return float(np.mean(D)), float(np.mean(C))

    along_eps = [point(d0, e) for e in epss]
    ds = [150, 300, 600, 1200] if scale == 1 else [250, 500, 1000, 2000, 4000]
    dm = ds[len(ds) // 2]
    eps0 = (c * np.log(dm) / (dm**d_power * 0.1)) ** (1 / eps_power)  # p = 0.1 at the middle d
    if rate(ds[0], eps0, d_power, eps_power, c) > 0.5:
        # a rate falling faster than 1/d (the d²ε² mutant) capped p at 1 at the smallest d: a full mask, D = 0, a point
        # the log-log fit drops, which left 3 points and the drift excuse (the mutant survived at ci seed 19); every d
        # keeps p < 1 with p = 1/2 at the smallest d instead (the printed rate is at p ≈ 0.31 there: unchanged)
        eps0 = (c * np.log(ds[0]) / (ds[0]**d_power * 0.5)) ** (1 / eps_power)
    along_d = [point(d, eps0) for d in ds]
    return (epss, [a for a, _ in along_eps], [b for _, b in along_eps]), (ds, [a for a, _ in along_d],
                                                                          [b for _, b in along_d], eps0)


def uniform_vs_pd(seed: int, scale: int):
    """At fixed d, against p·d: the adversary's D(Ω), the same sets S on a fresh Ω, and the certificate."""
    rng = np.random.default_rng(seed)
    d = 400 if scale == 1 else 1500
    T = 3 if scale == 1 else 8
    pds = [10, 20, 40, 80, 160]
    D, Dfixed, cert = [], [], []
    for pd in pds:
        vals, fixed = [], []
        for _ in range(T):
            m = masks.bernoulli(d, pd / d, rng)
            dev, S = cc.uniform_deviation(m, MU, rng)
            vals.append(dev)
            fixed.append(cc.fixed_set_deviation(masks.bernoulli(d, pd / d, rng), S))  # the same S, a fresh Ω
        D.append(np.mean(vals))
        Dfixed.append(np.mean(fixed))
        cert.append(spectral_certificate(masks.bernoulli(d, pd / d, rng), MU))
    return d, pds, D, Dfixed, cert, fit_power_law(pds, D)


def forms_sweep(seed: int, scale: int, trials: int, parts: int = 1):
    """Mean |⟨v, ∇f⟩/p − ⟨v, ∇g⟩| and |⟨v, ∇²f v⟩/p − ⟨v, ∇²g v⟩| at fixed incoherent x, v, against p.

    ``parts``: the budget max(20, trials/2) masks per p is split between that many independent seeds (this one
    gets 1/parts of it), so a claim can pool more seeds at the same cost."""
    rng = np.random.default_rng(seed)
    d = 300 if scale == 1 else 1000
    z = mc.incoherent_unit_vector(d, MU, rng)
    w = mc.incoherent_unit_vector(d, MU, rng)
    x = 0.6 * z + 0.5 * w
    v = mc.incoherent_unit_vector(d, MU, rng)
    gg = float(mc.g_grad_form(z, x, v)[0])
    gh = float(mc.g_hessian_form(z, x, v)[0])
    ps = np.geomspace(0.02, 0.5, 6)
    dg, dh = [], []
    T = max(20, trials // 2) // parts
    for p in ps:
        a, b = [], []
        for _ in range(T):
            ob = mc.Objective(z, masks.bernoulli(d, p, rng))
            a.append(abs(v @ ob.gradient(x) / p - gg))
            b.append(abs(ob.hessian_form(x, v) / p - gh))
        dg.append(np.mean(a))
        dh.append(np.mean(b))
    odds = ps / (1 - ps)  # Var ∝ (1 − p)/p: the odds are the natural variable
    return d, ps, dg, dh, fit_power_law(odds, dg), fit_power_law(odds, dh)


def scalar_sum(seed: int, trials: int, normalised: bool, scale: float = 1.0):
    """Remark 8.16: |Σ_Ω T_ij − pΣT_ij| at p = log d/(dε²) for T = scale·(uuᵀ)∘(vvᵀ) (u, v unit incoherent), or
    T_ij = scale (``normalised`` False): rows per (d, ε), the failures and the trials in all."""
    rng = np.random.default_rng(seed)
    T = 5 * trials
    rows, fails, n = [], 0, 0
    for d in (200, 400):
        for eps in (0.3, 0.5):
            p = rate(d, eps, c=1.0)
            if normalised:
                u, v = mc.incoherent_unit_vector(d, MU, rng), mc.incoherent_unit_vector(d, MU, rng)
            else:
                u = v = np.ones(d)
            fc = cc.failure_curve(u, v, eps, [p], T, rng)
            gap = scale * p * np.abs(fc.deviations[:, 0])  # |Σ_Ω T − pΣT| = p·|Σ_Ω T/p − ΣT|
            k = int(np.sum(gap >= eps))
            rows.append({"d": d, "eps": eps, "p": round(p, 4), "failures": k, "max gap": float(gap.max())})
            fails, n = fails + k, n + T
    return rows, fails, n


# --- the instances of Lemmas 8.19 and 8.21 ((8.23)–(8.25), (8.32)–(8.33)) ------------------------------------
MU_F = 2.0  # incoherence of z in the instances


@dataclass
class InstanceData:
    d: int
    p: float
    z: np.ndarray
    stationary: list  # (x, λ_min, start, incoherent for Lemma 8.19)
    pairing_zero: list  # x with ⟨x, ∇f(x)⟩ = 0
    psd: list  # (x, name) on the boundary of ∇²f ⪰ 0
    zform: list  # (x, name) on the boundary of ⟨z, ∇²f z⟩ ≥ 0
    lv823: dict  # id(x) -> Levels
    lv832: dict
    psd_hz: list  # ⟨z, ∇²f(x) z⟩/p at the PSD points ((8.31))

    def _points(self) -> list:
        return ([s[0] for s in self.stationary] + self.pairing_zero + [q for q, _ in self.psd]
                + [q for q, _ in self.zform])

    def __getstate__(self):
        """The levels by position among the points (an id does not survive pickling; the arrays do, shared)."""
        st = dict(self.__dict__)
        pts = self._points()
        st["lv823"], st["lv832"] = [self.lv823[id(q)] for q in pts], [self.lv832[id(q)] for q in pts]
        return st

    def __setstate__(self, st):
        self.__dict__.update(st)
        pts = self._points()
        self.lv823 = {id(q): lv for q, lv in zip(pts, st["lv823"])}
        self.lv832 = {id(q): lv for q, lv in zip(pts, st["lv832"])}


def _directions(ob, rng, n):
    z = ob.z
    out = []
    for _ in range(n):
        w = rng.standard_normal(ob.d)
        w -= (w @ z) * z
        w /= np.linalg.norm(w)
        th = rng.uniform(0.05, 1.5)
        out.append(("random θ", np.cos(th) * z + np.sin(th) * w))
    return out


def f_instances(seed: int, scale: int) -> tuple[InstanceData, ...]:
    """Instances (z, Ω) at a few p·d, each with its stationary points, points where ⟨x, ∇f⟩ = 0, points on the
    boundary of ∇²f ⪰ 0 and of ⟨z, ∇²f z⟩ ≥ 0, and the levels of (8.23) and (8.32) at every one of them."""
    rng = np.random.default_rng(seed)
    d = 80 if scale == 1 else 200
    pds = (16, 32) if scale == 1 else (16, 32, 64)
    n = 6 if scale == 1 else 12
    out = []
    for pd in pds:
        for _ in range(n):
            zz = mc.incoherent_unit_vector(d, MU_F, rng)
            ob = mc.Objective(zz, masks.bernoulli(d, pd / d, rng))
            cap = 2 * MU_F / np.sqrt(d)
            stat = [(s.x, s.lambda_min, s.start, bool(np.max(np.abs(s.x)) <= cap + 1e-12))
                    for s in ml.stationary_points(ob, rng, n_random=3, n_eig=3)]
            low = [("low-mass", v) for v in ml.low_mass_directions(ob, (0.5, 0.6, 0.7, 0.8), (0.0, 0.5, 0.8))]
            dirs = _directions(ob, rng, 4) + low
            pz = [ml.on_gradient_pairing_zero(ob, v / np.linalg.norm(v)) for _, v in dirs]
            pert = []
            for t in (0.05, 0.15):
                w = rng.standard_normal(d)
                v = zz + t * w / np.linalg.norm(w)
                pert.append(("z + perturbation", v / np.linalg.norm(v)))
            psd = []
            for name, v in [("z", zz)] + low + pert:
                r = ml.psd_boundary(ob, v)
                if np.isfinite(r):
                    psd.append((r * v, name))
            zf = []
            for name, v in [("z", zz)] + dirs:
                v = v / np.linalg.norm(v)
                r = ml.z_form_boundary(ob, v)
                if np.isfinite(r):
                    zf.append((r * v, name))
            pts = [s[0] for s in stat] + pz + [q for q, _ in psd] + [q for q, _ in zf]
            lv823 = {id(q): mp.levels_823(ob, q) for q in pts}
            lv832 = {id(q): mp.levels_832(ob, q) for q in pts}
            hz = [ob.hessian_form(q, zz) / ob.p for q, _ in psd]
            out.append(InstanceData(d, pd / d, zz, stat, pz, psd, zf, lv823, lv832, hz))
    return tuple(out)


# --- cells -----------------------------------------------------------------------------------------------
def fixed_pairs_cell(seed: int, scale: int, trials: int, coherent: bool) -> Cell:
    return cell(fixed_pairs, seed, cost=2.0 * scale, scale=scale, trials=trials, coherent=bool(coherent))


def fixed_pair_fits_cell(seed: int, scale: int, trials: int, mu: bool = True) -> Cell:
    if mu:
        return cell(fixed_pair_fits, seed, cost=2.0 * scale, scale=scale, trials=trials)
    return cell(fixed_pair_fits, seed, cost=0.5 * scale, scale=scale, trials=trials, mu=False)


def uniform_along_rate_cell(seed: int, scale: int, d_power: float, eps_power: float) -> Cell:
    return cell(uniform_along_rate, seed, cost=4.0 * scale, scale=scale, d_power=float(d_power),
                eps_power=float(eps_power))


def scalar_sum_cell(seed: int, trials: int, normalised: bool, scale: float = 1.0) -> Cell:
    if scale == 1.0:  # the cell as before (its cache key unchanged)
        return cell(scalar_sum, seed, cost=1.0, trials=trials, normalised=bool(normalised))
    return cell(scalar_sum, seed, cost=1.0, trials=trials, normalised=bool(normalised), scale=float(scale))


def f_instances_seed(run_seed: int) -> int:
    """The stream of the f-lemma instances: from the run's seed alone, so every claim reading them shares them."""
    return zlib.crc32(f"{run_seed}|mc-f-lemmas".encode()) & 0x7FFFFFFF


def f_instances_cell(seed: int, scale: int) -> Cell:
    return cell(f_instances, seed, cost=4.0 * scale, scale=scale)


def uniform_vs_pd_cell(seed: int, scale: int) -> Cell:
    return cell(uniform_vs_pd, seed, cost=2.0 * scale, scale=scale)


def forms_sweep_cell(seed: int, scale: int, trials: int, parts: int = 1) -> Cell:
    if parts == 1:  # the cell (and its cache key) of the sweep before it could be split
        return cell(forms_sweep, seed, cost=1.0 * scale, scale=scale, trials=trials)
    return cell(forms_sweep, seed, cost=1.0 * scale / parts, scale=scale, trials=trials, parts=parts)

