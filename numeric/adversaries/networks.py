"""Networks of §8.4: the chapter's two-layer net (8.78) f(x) = (1/√m) Σ aᵢ σ(wᵢᵀx) at several widths.

A member is a recipe (activation name, width m, input dimension d, initialisation, seed); the
weights are drawn when used (``numeric.adversaries.networks.draw``).  Hypotheses: ``aᵢ ∈ {±1}``,
``(8.78) scaling 1/√m``, ``f_θ⁰ ≡ 0`` (the symmetric initialisation of §8.4).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numeric.adversaries.core import HypothesisResult, hyp, member


@dataclass(frozen=True)
class Net:
    activation: str  # "erf", "tanh", "relu", "identity"
    m: int
    d: int
    init: str        # "random" | "symmetric"
    seed: int = 0


def draw(net: Net):
    """(W, a) of the recipe: wᵢ ~ N(0, I_d), aᵢ ~ ±1; symmetric: the second half copies W and negates a."""
    rng = np.random.default_rng(net.seed)
    if net.init == "symmetric":
        half = rng.standard_normal((net.m // 2, net.d))
        ah = rng.choice([-1.0, 1.0], net.m // 2)
        return np.vstack([half, half]), np.concatenate([ah, -ah])
    return rng.standard_normal((net.m, net.d)), rng.choice([-1.0, 1.0], net.m)


@hyp("network", "aᵢ ∈ {±1}")
def _a(net):
    _, a = draw(net)
    return HypothesisResult(bool(np.all(np.abs(a) == 1)), "exact", f"m = {net.m} signs")


@hyp("network", "f_θ⁰ ≡ 0")
def _zero(net):
    W, a = draw(net)
    ok = net.init == "symmetric" and bool(np.array_equal(W[: net.m // 2], W[net.m // 2:])) and \
        bool(np.array_equal(a[: net.m // 2], -a[net.m // 2:]))
    return HypothesisResult(ok, "exact", "paired neurons cancel exactly" if ok else "random: f_θ⁰ ≠ 0")


for act in ("erf", "tanh"):
    for m in (16, 256):
        member(f"(8.78) {act}, m = {m}, random init", "network", Net(act, m, 3, "random", seed=m),
               f"the chapter's network with σ = {act}, wᵢ ~ N(0, I₃), aᵢ = ±1", "claims decided only on a one-parameter "
               "toy; f_θ⁰ ≠ 0 breaks statements that assume f_θ⁰ = 0")
member("(8.78) erf, m = 64, symmetric init", "network", Net("erf", 64, 3, "symmetric", seed=64),
       "the chapter's §8.4 initialisation: halves with (wᵢ, aᵢ) and (wᵢ, −aᵢ), f_θ⁰ ≡ 0",
       "statements about f_θ⁰ = Θ(1) (it is 0 here)")
member("(8.78) erf, m = 1024, random init", "network", Net("erf", 1024, 3, "random", seed=1024),
       "a wide chapter network", "rates in the width read at small m only")
member("(8.78) identity σ, m = 64", "network", Net("identity", 64, 3, "random", seed=7),
       "a linear network in disguise (σ = z meets (8.80))", "K∞ full rank; β > 0")
