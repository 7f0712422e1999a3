"""The two-layer network (8.78) in NumPy: outputs, the structured empirical NTK, gradients, β.

f_θ(x) = (1/√m) Σᵢ aᵢ σ(wᵢᵀx), θ = vec(W) (neuron blocks).  σ, σ', σ'' are lambdified from
symbolic.chapter8.ntk (SymPy derives them); everything else is the few matrix products below.

- ``ntk(X)``: ΦΦᵀ by (8.92): (XXᵀ) ∘ (S diag(a²) Sᵀ)/m with S = σ'(XWᵀ) (n×m): two matrix
  products (XWᵀ and SSᵀ) and one elementwise pass for σ', never the n × md Jacobian Φ.
- ``jacobian(X)``: Φ materialised (n × md), the oracle for small sizes and the benchmark.
- ``grad_dot(X, r)``: Φᵀr (the gradient of ½‖f − y‖² for r = f − y) without forming Φ.
- ``hessian_opnorm(X)``: ‖∇²_θ f_θ(x)‖_op = maxᵢ |σ''(wᵢᵀx)| ‖x‖²/√m (the Hessian of f in θ is block
  diagonal with blocks aᵢσ''(wᵢᵀx)xxᵀ/√m and aᵢ² = 1), per input.
- ``beta_certified``: sup|σ''|·maxᵢ‖xᵢ‖²/√m, the Lipschitz constant of θ ↦ ∇_θ f_θ(x) over all θ
  (a sup of the Hessian norm; attained as wᵢᵀx reaches the maximiser of |σ''|).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
import sympy as sp

from symbolic.chapter8 import ntk as sym
@lru_cache(maxsize=None)
def act_fn(name: str, k: int = 0):
    """σ^(k) as a NumPy function, lambdified from symbolic.chapter8.ntk."""
    e = sym.activation(name) if k == 0 else sym.derivative(name, k)
    # Heaviside(z, h₀) by _heaviside: one comparison written into floats (lambdify's default is an
    # integer-valued np.select, ~4× slower, whose integer S makes SSᵀ an integer product)
    e = e.replace(sp.Heaviside, sp.Function("heaviside"))
    return sp.lambdify(sym.z, e, modules=[{"heaviside": _heaviside}, "scipy", "numpy"])


def _heaviside(z, h0):
    """SymPy's Heaviside(z, h₀) on arrays: 1 for z > 0, h₀ at 0, 0 below (NaN maps to 0 when h₀ = 0).

    For h₀ = 0 (ReLU's σ') a single comparison into a float array, 3× faster than np.heaviside."""
    z = np.asarray(z, dtype=float)
    if h0 != 0:
        return np.heaviside(z, float(h0))
    out = np.empty(z.shape)
    np.greater(z, 0.0, out=out)
    return out


@lru_cache(maxsize=None)
def second_derivative_bound(name: str) -> float:
    return float(sym.second_derivative_bound(name))


@dataclass(frozen=True)
class TwoLayer:
    W: np.ndarray  # (m, d)
    a: np.ndarray  # (m,), ±1
    act: str = "erf"
    scale: float = 1.0  # α of (8.73): f = α·f̄

    @property
    def m(self) -> int:
        return self.W.shape[0]

    @property
    def d(self) -> int:
        return self.W.shape[1]

    @property
    def p(self) -> int:
        return self.W.size

    @property
    def theta(self) -> np.ndarray:
        return self.W.ravel()

    def with_theta(self, theta: np.ndarray) -> "TwoLayer":
        return replace(self, W=np.asarray(theta, float).reshape(self.W.shape))

    @property
    def _c(self) -> float:
        return self.scale / np.sqrt(self.m)

    def pre(self, X: np.ndarray) -> np.ndarray:
        return X @ self.W.T  # (n, m)

    def f(self, X: np.ndarray) -> np.ndarray:
        return act_fn(self.act, 0)(self.pre(X)) @ self.a * self._c

    def features(self, X: np.ndarray) -> np.ndarray:
        """S = σ'(XWᵀ), (n, m)."""
        return act_fn(self.act, 1)(self.pre(X))

    def ntk(self, X: np.ndarray, X2: np.ndarray | None = None) -> np.ndarray:
        """ΦΦᵀ (or Φ(X)Φ(X2)ᵀ) by the structured formula of (8.92)."""
        S = self.features(X)
        if X2 is None:
            X2, S2 = X, S
        else:
            S2 = self.features(X2)
        if not np.all(self.a * self.a == 1.0):
            S2 = S2 * (self.a * self.a)
        return (X @ X2.T) * (S @ S2.T) * (self._c**2)

    def jacobian(self, X: np.ndarray) -> np.ndarray:
        """Φ (n × md) materialised: row j is ∇_θ f_θ(x_j), neuron blocks aᵢσ'(wᵢᵀx)x·α/√m."""
        S = self.features(X) * self.a * self._c
        return (S[:, :, None] * X[:, None, :]).reshape(X.shape[0], -1)

    def grad_dot(self, X: np.ndarray, r: np.ndarray) -> np.ndarray:
        """Φᵀr as a p-vector (vec of an m×d matrix) without forming Φ."""
        S = self.features(X)
        return (((S * r[:, None]).T @ X) * (self.a[:, None] * self._c)).ravel()

    def jvp(self, X: np.ndarray, v: np.ndarray) -> np.ndarray:
        """Φv for a p-vector v, without forming Φ."""
        V = v.reshape(self.W.shape)
        return ((X @ V.T) * self.features(X)) @ self.a * self._c

    def hessian_opnorm(self, X: np.ndarray) -> np.ndarray:
        """‖∇²_θ f_θ(x)‖_op for each row x of X (block-diagonal Hessian, aᵢ² = 1)."""
        D2 = np.abs(act_fn(self.act, 2)(self.pre(X)))
        return D2.max(axis=1) * np.sum(X * X, axis=1) * abs(self._c)

    def beta_certified(self, X: np.ndarray) -> float:
        return second_derivative_bound(self.act) * float(np.max(np.sum(X * X, axis=1))) * abs(self._c)


def init(m: int, d: int, rng: np.random.Generator, act: str = "erf", symmetric: bool = False,
         scale: float = 1.0) -> TwoLayer:
    """wᵢ⁰ ∼ N(0, I_d) (8.82), aᵢ ∼ ±1 (8.81).  ``symmetric``: width m = 2·(m/2) with halves (aᵢ, wᵢ), (−aᵢ, wᵢ),
    so that f_{θ⁰} ≡ 0 (the initialisation described after (8.54))."""
    if symmetric:
        if m % 2:
            raise ValueError("a symmetric initialisation needs an even width")
        W0 = rng.standard_normal((m // 2, d))
        a0 = rng.choice([-1.0, 1.0], size=m // 2)
        return TwoLayer(np.vstack([W0, W0]), np.concatenate([a0, -a0]), act, scale)
    return TwoLayer(rng.standard_normal((m, d)), rng.choice([-1.0, 1.0], size=m), act, scale)


def linearised_outputs(net0: TwoLayer, X: np.ndarray, theta: np.ndarray, f0: np.ndarray | None = None) -> np.ndarray:
    """g_θ(X) = f_{θ⁰}(X) + Φ(θ − θ⁰) (8.54) without forming Φ."""
    f0 = net0.f(X) if f0 is None else f0
    return f0 + net0.jvp(X, theta - net0.theta)


def sphere(n: int, d: int, rng: np.random.Generator) -> np.ndarray:
    """n points uniform on the unit sphere of ℝᵈ (‖x‖ = 1, (8.83))."""
    X = rng.standard_normal((n, d))
    return X / np.linalg.norm(X, axis=1, keepdims=True)


def sigma_min(M: np.ndarray) -> float:
    """σ_min of an n×p matrix (n ≤ p): its n-th singular value."""
    return float(np.linalg.svd(M, compute_uv=False)[-1])


def lam_min(K: np.ndarray) -> float:
    return float(np.linalg.eigvalsh(K)[0])


def lam_max(K: np.ndarray) -> float:
    return float(np.linalg.eigvalsh(K)[-1])


def beta_lower(net: TwoLayer, X: np.ndarray, radius: float, rng: np.random.Generator, samples: int = 32) -> float:
    """A sampled lower bound on β over the ball B(θ⁰, radius): the largest Hessian norm seen at θ⁰ and at
    random points of the ball (β ≥ ‖∇²f_θ(x)‖_op at every θ)."""
    best = float(np.max(net.hessian_opnorm(X)))
    for _ in range(samples):
        v = rng.standard_normal(net.p)
        v *= radius * rng.uniform() ** (1 / 8) / np.linalg.norm(v)
        best = max(best, float(np.max(net.with_theta(net.theta + v).hessian_opnorm(X))))
    return best


def difference_quotient(net: TwoLayer, x: np.ndarray, h: float = 1e-4) -> float:
    """‖∇f_{θ+hv}(x) − ∇f_θ(x)‖/h along the top Hessian direction v (neuron i* along x/‖x‖)."""
    D2 = np.abs(act_fn(net.act, 2)(net.pre(x[None])))[0]
    i = int(np.argmax(D2))
    v = np.zeros_like(net.W)
    v[i] = x / np.linalg.norm(x)
    g0 = net.jacobian(x[None])[0]
    g1 = net.with_theta(net.theta + h * v.ravel()).jacobian(x[None])[0]
    return float(np.linalg.norm(g1 - g0) / h)
