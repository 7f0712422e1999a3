"""Full-batch gradient descent on the two-layer network f_θ and on its linearisation g_θ (Theorem 8.33).

The update is the chapter's (8.134), θᵗ⁺¹ = θᵗ − η(Φᵗ)ᵀ(ŷᵗ − y), i.e. gradient descent with rate η on
½‖f_θ(X) − y‖² (see the (8.130) erratum: with L̂ = (1/n)Σ(f − y)² the same step is rate nη/2).  The runs
use numeric.optimizers.GD on a Problem whose gradient is computed without forming Φ; the gradient
callback records, at every iterate, the residual, the distance to θ⁰, the outputs and (ReLU) the
activation pattern.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from numeric.chapter8.ntk import TwoLayer, act_fn
from numeric.optimizers import GD, Problem


@dataclass
class Run:
    model: str  # 'f' or 'g'
    eta: float
    residual: np.ndarray  # ‖ŷᵗ − y‖, t = 0..T
    dist: np.ndarray  # ‖θᵗ − θ⁰‖
    outputs: np.ndarray  # (T + 1, n)
    theta: np.ndarray  # θᵀ
    flips: np.ndarray | None = None  # fraction of (neuron, input) activation signs changed since θ⁰ (ReLU)
    stop: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def loss(self) -> np.ndarray:
        """L̂ = (1/n)‖ŷᵗ − y‖² of (8.59) with the square loss."""
        return self.residual**2 / self.outputs.shape[1]


def train(net0: TwoLayer, X: np.ndarray, y: np.ndarray, eta: float, steps: int, model: str = "f") -> Run:
    """``steps`` iterations of (8.134) from θ⁰ = net0.theta on f (``model='f'``) or on g (``model='g'``)."""
    th0 = net0.theta.copy()
    shape = net0.W.shape
    c = net0.scale / np.sqrt(net0.m)
    sig, dsig = act_fn(net0.act, 0), act_fn(net0.act, 1)
    f0 = net0.f(X)
    S0a = net0.features(X) * (net0.a * c)  # (n, m): Φ⁰ in factored form (block i of row j is S0a[j, i]·x_j)
    sign0 = np.sign(net0.pre(X)) if net0.act == "relu" else None
    rec = {"r": [], "d": [], "out": [], "flip": []}
    last = {"theta": None, "out": None, "pre": None}

    def forward(theta):
        if last["theta"] is not None and last["theta"] is theta:
            return last["out"]
        W = theta.reshape(shape)
        if model == "f":
            pre = X @ W.T
            out = sig(pre) @ net0.a * c
        else:
            pre = None
            out = f0 + ((X @ (W - net0.W).T) * S0a).sum(axis=1)
        last.update(theta=theta, out=out, pre=pre)
        return out

    def grad(theta):
        out = forward(theta)
        r = out - y
        rec["r"].append(float(np.linalg.norm(r)))
        rec["d"].append(float(np.linalg.norm(theta - th0)))
        rec["out"].append(out)
        if model == "f":
            pre = last["pre"]
            if sign0 is not None:
                rec["flip"].append(float(np.mean(np.sign(pre) != sign0)))
            G = ((dsig(pre) * r[:, None]).T @ X) * (net0.a * c)[:, None]
        else:
            G = (S0a * r[:, None]).T @ X
        return G.ravel()

    def cost(theta):
        r = forward(theta) - y
        return 0.5 * float(r @ r)

    prob = Problem(dim=th0.size, cost=cost, grad=grad, name=f"ntk-{model}")
    res = GD(step=eta).run(prob, th0, max_iter=steps, tol=0.0)
    k = res.iterations + 1  # grad is called at θ⁰ … θᵀ, then once more at θᵀ by the optimizer's summary
    return Run(model, eta, np.array(rec["r"][:k]), np.array(rec["d"][:k]), np.array(rec["out"][:k]), res.x,
               np.array(rec["flip"][:k]) if rec["flip"] else None, res.stop_reason)


def linear_gd(Phi: np.ndarray, y: np.ndarray, eta: float, steps: int, dtheta0: np.ndarray | None = None):
    """(8.109) on a fixed Φ: returns the residual norms ‖ΦΔθᵗ − y‖, t = 0..steps."""
    dth = np.zeros(Phi.shape[1]) if dtheta0 is None else dtheta0.copy()
    out = []
    for _ in range(steps + 1):
        r = Phi @ dth - y
        out.append(float(np.linalg.norm(r)))
        dth = dth - eta * Phi.T @ r
    return np.array(out)
