"""The numbers the §8.4 decisions read on one network of the adversary bank (numeric.adversaries.networks).

A bank network is a recipe (``Net`` / ``ScaledNet``): f_θ(x) = α·(1/√m)·Σᵢ aᵢσ(wᵢᵀx) with θ = vec(W) trained and the
signs aᵢ fixed ((8.78); α is §8.4.1's output scale, 1 unless stated), a starting point θ⁰ and a data set (X, y).
This module gives the numbers the decisions read: outputs, Φ = ∇_θf at θ, σ = σ_min(Φ), τ, the certified β
(sup|σ''|·max‖x‖²·α/√m, the Lipschitz constant of θ ↦ ∇_θ f_θ(x) over all θ), gradient-descent runs (8.134) and the
Hessian of L̂(f_θ) = (1/n)‖f_θ(X) − y‖² ((8.59) with the square loss).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy.special import erf, expit

SQPI2 = np.sqrt(np.pi) / 2

# σ, σ', σ'' and sup|σ''| (erf is the chapter's (√π/2)·erf: σ' = e^{−z²}, sup|σ''| = √(2/e))
ACTS = {
    "erf": (lambda z: SQPI2 * erf(z), lambda z: np.exp(-z * z), lambda z: -2 * z * np.exp(-z * z), np.sqrt(2 / np.e)),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2, lambda z: -2 * np.tanh(z) * (1 - np.tanh(z) ** 2),
             4 / (3 * np.sqrt(3))),
    "softplus": (lambda z: np.logaddexp(0, z), expit, lambda z: expit(z) * (1 - expit(z)), 0.25),
    "identity": (lambda z: z, lambda z: np.ones_like(z), lambda z: np.zeros_like(z), 0.0),
    # softplus shifted to σ(0) = 0: 1-Lipschitz, C², σ''(0) = 1/4 ≠ 0 (a start θ⁰ = 0 has f_θ⁰ = 0 without pairing)
    "softplus0": (lambda z: np.logaddexp(0, z) - np.log(2.0), expit, lambda z: expit(z) * (1 - expit(z)), 0.25),
    # 0.01z + 0.99·tanh z (second reader's eq:8.162 model): σ' ∈ [0.01, 1], so GD can run far before it fits
    "lintanh": (lambda z: 0.01 * z + 0.99 * np.tanh(z), lambda z: 0.01 + 0.99 * (1 - np.tanh(z) ** 2),
                lambda z: -1.98 * np.tanh(z) * (1 - np.tanh(z) ** 2), 0.99 * 4 / (3 * np.sqrt(3))),
}

# the default data of a bank network without its own: n = 4 unit inputs in ℝ³, y = (1, −1, ½, −½)
_rng = np.random.default_rng(8_78)
_X = _rng.standard_normal((4, 3))
DEFAULT_X = _X / np.linalg.norm(_X, axis=1, keepdims=True)
DEFAULT_Y = np.array([1.0, -1.0, 0.5, -0.5])



def _start(p: int) -> np.ndarray:
    """ARPACK's starting vector, fixed (it draws one at random otherwise, and the last digits then differ per run)."""
    return np.random.default_rng(0).standard_normal(p)


@dataclass
class Model:
    act: str
    W0: np.ndarray  # (m, d)
    a: np.ndarray   # (m,)
    alpha: float
    X: np.ndarray   # (n, d)
    y: np.ndarray   # (n,)

    @property
    def m(self):
        return self.W0.shape[0]

    @property
    def n(self):
        return self.X.shape[0]

    @property
    def c(self):
        return self.alpha / np.sqrt(self.m)

    def f(self, W):
        return ACTS[self.act][0](self.X @ W.T) @ self.a * self.c

    def jac(self, W):
        S = ACTS[self.act][1](self.X @ W.T) * self.a * self.c  # (n, m)
        return (S[:, :, None] * self.X[:, None, :]).reshape(self.n, -1)

    def loss(self, W):
        r = self.f(W) - self.y
        return float(r @ r / self.n)

    def beta(self):
        return ACTS[self.act][3] * float(np.max(np.sum(self.X ** 2, axis=1))) * abs(self.c)

    def svals(self, W=None):
        s = np.linalg.svd(self.jac(self.W0 if W is None else W), compute_uv=False)
        return float(s[-1]) if len(s) >= self.n else 0.0, float(s[0])

    def hess_matvec(self, W):
        """v ↦ ∇²L̂(f_θ)v = (2/n)(ΦᵀΦv + Σᵢ rᵢ∇²fᵢ v), ∇²fᵢ block diagonal: blocks c·aⱼσ''(wⱼᵀxᵢ)xᵢxᵢᵀ."""
        J = self.jac(W)
        r = self.f(W) - self.y
        D2 = ACTS[self.act][2](self.X @ W.T) * self.a * self.c  # (n, m)
        X = self.X

        def mv(v):
            V = v.reshape(W.shape)
            curv = ((X @ V.T) * D2 * r[:, None]).T @ X  # Σᵢ rᵢ c aⱼ σ''ᵢⱼ (xᵢᵀvⱼ) xᵢ
            return (2 / self.n) * (J.T @ (J @ v) + curv.ravel())
        return mv

    def hess_min(self, W=None):
        """(λ_min, unit eigenvector) of ∇²L̂(f_θ) at θ (dense up to p = 300, Lanczos beyond)."""
        W = self.W0 if W is None else W
        mv = self.hess_matvec(W)
        p = W.size
        if p <= 300:
            H = np.column_stack([mv(e) for e in np.eye(p)])
            lam, U = np.linalg.eigh((H + H.T) / 2)
            return float(lam[0]), U[:, 0]
        from scipy.sparse.linalg import LinearOperator, eigsh
        op = LinearOperator((p, p), matvec=mv, dtype=float)
        lam, U = eigsh(op, k=1, which="SA", tol=1e-8, maxiter=5000, v0=_start(p))  # a fixed start: same digits every run
        return float(lam[0]), U[:, 0]

    def gd(self, eta, T, W=None):
        """T steps of (8.134): θ ← θ − ηΦᵗᵀ(ŷᵗ − y); per step the loss, ‖ŷᵗ − y‖ and ‖θᵗ − θ⁰‖ (t = 0 … T)."""
        W = (self.W0 if W is None else W).copy()
        losses, res, dist = [], [], []
        for _ in range(T + 1):
            r = self.f(W) - self.y
            losses.append(float(r @ r / self.n))
            res.append(float(np.linalg.norm(r)))
            dist.append(float(np.linalg.norm(W - self.W0)))
            if not np.isfinite(losses[-1]):
                break
            S = ACTS[self.act][1](self.X @ W.T) * self.a * self.c
            W = W - eta * ((S * r[:, None]).T @ self.X)
        return np.array(losses), np.array(res), np.array(dist), W


def model(net) -> Model:
    """The bank recipe as a Model (weights drawn by numeric.adversaries.networks.draw unless the recipe fixes them)."""
    from numeric.adversaries.networks import draw

    W0 = getattr(net, "W0", None)
    if W0 is not None:
        W, a = np.array(W0, float).reshape(net.m, net.d), np.array(getattr(net, "a0"), float)
    else:
        W, a = draw(net)
    X = getattr(net, "X", None)
    X = DEFAULT_X if X is None else np.array(X, float)
    y = getattr(net, "y", None)
    y = DEFAULT_Y if y is None else np.array(y, float)
    if X.shape[1] != net.d:
        X = np.random.default_rng(net.d).standard_normal((4, net.d))
        X /= np.linalg.norm(X, axis=1, keepdims=True)
    return Model(net.activation, np.array(W, float), np.array(a, float), float(getattr(net, "alpha", 1.0)), X, y)


@lru_cache(maxsize=64)
def summary(net) -> dict:
    """σ, τ, β, n, ‖ŷ⁰ − y‖, β/σ²·n of the recipe at θ⁰ (cached per process: every claim reads the same numbers)."""
    M = model(net)
    s, t = M.svals()
    r0 = float(np.linalg.norm(M.f(M.W0) - M.y))
    b = float(M.beta())
    rank_ok = s > 1e-9 * max(t, 1e-300)
    return {"sigma": s, "tau": t, "beta": b, "n": M.n, "r0": r0, "y_norm": float(np.linalg.norm(M.y)),
            "rank_n": bool(rank_ok), "beta_n_over_sigma2": (b * M.n / s**2) if rank_ok else float("inf")}


@lru_cache(maxsize=64)
def gd_run(net, eta_factor: float = 0.5, eps: float = 1e-4, slack: float = 2.0, cap: int = 40_000,
           step_scale: float = 1.0, T_with_step: bool = False):
    """GD (8.134) with η = eta_factor/τ² for T = slack·⌈8·log(L̂⁰/ε)/(9ησ²)⌉ steps (the corrected proof's T, capped).

    ``step_scale``: the step actually taken is step_scale·η·Φᵀr (2/n: GD on L̂ = (1/n)Σ(f − y)², the corrected
    (8.133), instead of on ½Σ(f − y)²); ``T_with_step``: T is computed from the scaled step (else from η)."""
    M = model(net)
    S = summary(net)
    eta = eta_factor / S["tau"] ** 2
    L0 = M.loss(M.W0)
    eta_T = eta * step_scale if T_with_step else eta
    T_proof = int(np.ceil(8 * np.log(max(L0, eps) / eps) / (9 * eta_T * S["sigma"] ** 2))) if S["rank_n"] else cap
    T = min(cap, int(slack * max(T_proof, 1)))
    losses, res, dist, W = M.gd(eta * step_scale, T)
    return {"eta": eta, "T": T, "T_proof": T_proof, "capped": T < slack * T_proof, "losses": losses, "res": res,
            "dist": dist, "W": W}
