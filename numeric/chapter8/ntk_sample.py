"""Theorem 8.35 as an experiment: learning y = x₁x₂ on {±1}ᵈ with the NTK and with a regularised network.

- ``ntk_test_error``: kernel ("ridgeless", tiny ridge) regression with the ReLU K∞ of (8.93) on x/√d;
- ``net_test_error``: f(x) = Σⱼ uⱼ relu(wⱼᵀx) trained by numeric.optimizers.GD on
  (1/n)Σ(f − y)² + (λ/2)(‖u‖² + ‖W‖_F²).  At a minimiser |uⱼ| = ‖wⱼ‖ (rescaling a neuron by c, 1/c changes
  nothing else), and then (λ/2)(uⱼ² + ‖wⱼ‖²) = λ|uⱼ|‖wⱼ‖: the minimum value and the minimisers' functions
  are those of the regulariser λΣⱼ|uⱼ|‖wⱼ‖₂ of Theorem 8.35, with a smooth objective;
- ``sample_complexity``: the n at which the mean test error first drops below a threshold (log-linear
  interpolation on a geometric grid of n).
"""
from __future__ import annotations

import numpy as np

from numeric.chapter8 import kernels as K
from numeric.optimizers import GD, Problem


def hypercube(n: int, d: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = rng.choice([-1.0, 1.0], size=(n, d))
    return X, X[:, 0] * X[:, 1]


def ntk_test_error(n: int, d: int, rng: np.random.Generator, n_test: int = 2000, ridge: float = 1e-8) -> float:
    X, y = hypercube(n, d, rng)
    Xt, yt = hypercube(n_test, d, rng)
    Xs, Xts = X / np.sqrt(d), Xt / np.sqrt(d)
    Kxx = K.kinf(Xs, "relu")
    coef = np.linalg.solve(Kxx + ridge * np.trace(Kxx) / n * np.eye(n), y)
    pred = K.kinf(Xts, "relu", X2=Xs) @ coef
    return float(np.mean((pred - yt) ** 2))


def train_regularised(X, y, m: int, lam: float, rng, steps: int = 3000, lr: float = 0.1, init: float = 0.1):
    """GD on (1/n)Σ(f − y)² + (λ/2)(‖u‖² + ‖W‖²); returns (W, u)."""
    n, d = X.shape

    def unpack(t):
        return t[: m * d].reshape(m, d), t[m * d:]

    def cost(t):
        W, u = unpack(t)
        r = np.maximum(X @ W.T, 0) @ u - y
        return float(np.mean(r * r) + lam / 2 * (np.sum(W * W) + u @ u))

    def grad(t):
        W, u = unpack(t)
        Z = X @ W.T
        H = np.maximum(Z, 0)
        r = H @ u - y
        gu = 2 / n * H.T @ r + lam * u
        gW = 2 / n * ((r[:, None] * (Z > 0)) * u).T @ X + lam * W
        return np.concatenate([gW.ravel(), gu])

    t0 = np.concatenate([(rng.standard_normal((m, d)) * init / np.sqrt(d)).ravel(), rng.standard_normal(m) * init / np.sqrt(m)])
    res = GD(step=lr).run(Problem(m * d + m, cost, grad, name="regularised-relu"), t0, max_iter=steps, tol=0.0)
    return unpack(res.x)


def regulariser(W: np.ndarray, u: np.ndarray) -> float:
    """Σⱼ |uⱼ| ‖wⱼ‖₂."""
    return float(np.sum(np.abs(u) * np.linalg.norm(W, axis=1)))


def net_test_error(n: int, d: int, rng: np.random.Generator, m: int = 64, lam: float = 1e-3, steps: int = 3000,
                   n_test: int = 2000) -> tuple[float, float]:
    X, y = hypercube(n, d, rng)
    W, u = train_regularised(X, y, m, lam, rng, steps)
    Xt, yt = hypercube(n_test, d, rng)
    pred = np.maximum(Xt @ W.T, 0) @ u
    return float(np.mean((pred - yt) ** 2)), regulariser(W, u)


def sample_complexity(ns, errors, threshold: float) -> float | None:
    """The first n where the error curve crosses below ``threshold`` (log-linear interpolation); None if never."""
    ns, errors = np.asarray(ns, float), np.asarray(errors, float)
    for i, e in enumerate(errors):
        if e <= threshold:
            if i == 0:
                return float(ns[0])
            e0, e1 = errors[i - 1], e
            t = (e0 - threshold) / (e0 - e1) if e0 != e1 else 1.0
            return float(np.exp(np.log(ns[i - 1]) + t * (np.log(ns[i]) - np.log(ns[i - 1]))))
    return None


def four_neurons() -> tuple[np.ndarray, np.ndarray]:
    """The exact solution (8.166) on the first two coordinates: (W, u) with 4 neurons."""
    W = np.array([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]])
    u = np.array([0.5, 0.5, -0.5, -0.5])
    return W, u
