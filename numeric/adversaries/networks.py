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
    if getattr(net, "W0", None) is not None:  # a recipe with its own start: f_θ⁰ on its data, exactly 0 or not
        from numeric.adversaries.netmodel import model

        M = model(net)
        f0 = M.f(M.W0)
        ok = bool(np.all(f0 == 0.0))
        return HypothesisResult(ok, "exact", "f_θ⁰ = 0 on the data (θ⁰ = 0, σ(0) = 0)" if ok else
                                f"max|f_θ⁰| = {float(np.max(np.abs(f0))):.4g}")
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


# --- §8.4.2 / §8.4.3 (added for the section-8.4 claims) -------------------------------------------------------------
@dataclass(frozen=True)
class ScaledNet(Net):
    """(8.78) with §8.4.1's output scale α (f = α·f̄), optionally its own start (W0, a0) and data (X, y).

    A ``Net`` for every hypothesis above (``draw`` ignores the extra fields); the §8.4 decisions read them through
    ``numeric.adversaries.netmodel.model``.  Without (X, y) the data are netmodel.DEFAULT_X/Y (n = 4 in ℝ³)."""

    alpha: float = 1.0
    W0: tuple | None = None
    a0: tuple | None = None
    X: tuple | None = None
    y: tuple | None = None


@hyp("network", "‖ŷ⁰ − y‖₂ ≤ 2√n", "the initial residual is O(√n) with constant 2 ((8.155), read with |f_θ⁰(x)| + |y| ≤ 2)")
def _residual(net):
    from numeric.adversaries.netmodel import summary

    s = summary(net)
    bound = 2 * s["n"] ** 0.5
    # decided with a margin far above rounding (the members sit at r0 = 0 exactly or at r0 ≥ 7 > 2√n + 3)
    return HypothesisResult(s["r0"] <= bound, "certified",
                            f"‖ŷ⁰ − y‖ = {s['r0']:.6g} vs 2√n = {bound:.4g} (float, margin ≥ 1 at every member)")


_SOFT = "the one-neuron net f_θ(x) = α·softplus(θx) with θ⁰ = 0, x = 1, y = −1 (reviewer's s2.py)"
for _al in (100.0, 10_000.0):
    member(f"α·softplus neuron, α = {_al:g}, θ⁰ = 0, y = −1", "network",
           ScaledNet("softplus", 1, 1, "random", 0, alpha=_al, W0=(0.0,), a0=(1.0,), X=((1.0,),), y=(-1.0,)),
           _SOFT + f": σ = σ_min(Φ) = α/2, β = α/4, so β/σ² = 1/α ≤ c₀/n; but f ≥ 0 > y, L̂ ≥ 1 for every θ",
           "'β/σ² ≤ c₀/n ⟹ GD reaches L̂ ≤ ε' (thm:8.33) without ‖ŷ⁰ − y‖ = O(√n); (8.154)'s base case; (8.164)'s "
           "radius; figure 8.7's L̂(f_θ̂) ≈ 0 when f_θ⁰ ≠ 0")
member("(8.78) erf, m = 64, symmetric init, α = 1000", "network", ScaledNet("erf", 64, 3, "symmetric", 64, alpha=1000.0),
       "the chapter's network, f_θ⁰ ≡ 0, scaled by α = 10³ (§8.4.1): β/σ² = O(1/α) is deep in Theorem 8.33's regime",
       "nothing the corrected Theorem 8.33 says (GD converges at the proof's rate, inside the ball (8.142))")
member("(8.78) erf, m = 64, random init, α = 1000", "network", ScaledNet("erf", 64, 3, "random", 64, alpha=1000.0),
       "the chapter's network with f_θ⁰ = Θ(α) ≠ 0 scaled by α = 10³: β/σ² = O(1/α) but ‖ŷ⁰ − y‖ = Θ(α)",
       "statements that need ‖ŷ⁰ − y‖ = O(√n) (thm:8.33's proof, (8.154)'s base case, (8.164))")
for _m in (20, 200, 2000):
    member(f"(8.78) erf, m = {_m}, symmetric init, n = 4, d = 3", "network", ScaledNet("erf", _m, 3, "symmetric", 7 + _m),
           "the chapter's network (8.78) with σ = (√π/2)erf (1-Lipschitz, C², (8.80)), symmetric init f_θ⁰ ≡ 0, "
           "n = 4 unit inputs in ℝ³, y = (1, −1, ½, −½) (reviewer's s1.py)",
           "figure 8.6 read on the network: ∇²L̂(f_θ) at θ⁰ has negative eigenvalues at every width (of size "
           "O(|r|/√m)), so L̂(f_θ) is convex on no ball around θ⁰; p > n makes the global minima a curved manifold")
member("(8.78) tanh, m = 128, symmetric init, α = 1000", "network", ScaledNet("tanh", 128, 3, "symmetric", 128, alpha=1000.0),
       "the chapter's network with σ = tanh, f_θ⁰ ≡ 0, output scale α = 10³: a second member of the corrected Theorem "
       "8.33's class (β/σ² = O(1/α), ‖ŷ⁰ − y‖ = ‖y‖)", "corrections that hold for erf only")


# --- round 2 (second reader, findings2_8.4v2) ------------------------------------------------------------------------
_LIN = ("the linear model f_θ(x) = θᵀx on X = I_n (Φ = I_n, σ = τ = 1, β = 0), θ⁰ = 0 (f_θ⁰ ≡ 0), y = 2·1 "
        "(‖ŷ⁰ − y‖ = 2√n exactly: C = 2) — second reader's a.py")
for _n in (4, 16, 64, 256):
    member(f"linear model Φ = I_n, n = {_n}, y = 2·1", "network",
           ScaledNet("identity", 1, _n, "random", 0, alpha=1.0, W0=(0.0,) * _n, a0=(1.0,),
                     X=tuple(tuple(float(i == j) for j in range(_n)) for i in range(_n)), y=(2.0,) * _n),
           _LIN + f", n = {_n}: inside every regime (β = 0)",
           "Theorem 8.33 read with the corrected (8.133) step θ − η(2/n)Φᵀr and T = O(log(L̂⁰/ε)/(ησ²)): the "
           "contraction per step is 1 − 2ησ²/n, so the steps needed grow like n (15, 65, 264, 1060 at η = 1/(2τ²), "
           "ε = 10⁻³)")
member("lintanh neuron f = 0.01θ + 0.99 tanh θ, θ⁰ = 0, y = 1.2", "network",
       ScaledNet("lintanh", 1, 1, "random", 0, alpha=1.0, W0=(0.0,), a0=(1.0,), X=((1.0,),), y=(1.2,)),
       "n = p = 1, σ = f'(0) = 1, β = sup|f''| = 0.76 (β·n/σ² = 0.76, outside Theorem 8.33's regime), "
       "‖ŷ⁰ − y‖ = 1.2 ≤ 2√n — second reader's b.py",
       "eq:8.162 (ii) ‖θᵗ − θ⁰‖ ≤ c‖ŷ⁰ − y‖/σ read with ‖ŷ⁰ − y‖ ≤ C√n only: GD (η = 1/2) runs to θ ≈ 21 where "
       "f = y, against 4·1.2 = 4.8 (8·1.2 = 9.6)")
member("linear model Φ = diag(1, ½), y = (1, 1)", "network",
       ScaledNet("identity", 1, 2, "random", 0, alpha=1.0, W0=(0.0, 0.0), a0=(1.0,), X=((1.0, 0.0), (0.0, 0.5)),
                 y=(1.0, 1.0)),
       "the linear model f_θ(x) = θᵀx on X = diag(1, ½): Φ = diag(1, ½), σ = ½, τ = 1, β = 0 (inside every regime), "
       "θ⁰ = 0 (f_θ⁰ ≡ 0), ‖ŷ⁰ − y‖ = √2 ≤ 2√n",
       "(8.150)'s printed rate 1 − 3ησ/4 (σ not squared): ‖I − ηΦΦᵀ‖ = 1 − ησ² = 1 − η/4 > 1 − 3η/8 for every η ≤ 1 "
       "(σ < 3/4 suffices); the bank's other regime members all have σ ≥ 1, where the printed rate is weaker than the true one")
_rng_y0 = np.random.default_rng(16)
_W16, _a16 = _rng_y0.standard_normal((16, 3)), _rng_y0.choice([-1.0, 1.0], 16)
member("(8.78) erf, m = 16, random init, y = 0", "network",
       ScaledNet("erf", 16, 3, "random", 16, alpha=1.0, W0=tuple(_W16.ravel()), a0=tuple(_a16),
                 y=(0.0, 0.0, 0.0, 0.0)),
       "the chapter's network with a random (non-symmetric) start, f_θ⁰ ≢ 0, and labels y = 0 — second reader",
       "figure 8.6's corrected form read without f_θ⁰ ≡ 0: the ball of radius ‖Φ⁺y‖ = 0 is {θ⁰} and "
       "L̂(g_θ⁰) = L̂(f_θ⁰) > 0")
_Xd = np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
member("(8.78) erf, m = 64, symmetric init, duplicate input, opposite labels", "network",
       ScaledNet("erf", 64, 3, "symmetric", 64, X=tuple(map(tuple, _Xd)), y=(1.0, -1.0, 0.5, -0.5)),
       "the chapter's network, f_θ⁰ ≡ 0, with x⁽¹⁾ = x⁽²⁾ and y⁽¹⁾ ≠ y⁽²⁾: rank Φ = 3 < n = 4, y ∉ range(Φ)",
       "figure 8.6's corrected form without rank Φ = n: L̂(g_θ) never attains 0")


member("(8.78) centred softplus, m = 2, θ⁰ = 0, a = (1, 1), X = I₂", "network",
       ScaledNet("softplus0", 2, 2, "random", 0, alpha=1.0, W0=(0.0, 0.0, 0.0, 0.0), a0=(1.0, 1.0),
                 X=((1.0, 0.0), (0.0, 1.0)), y=(1.0, 1.0)),
       "the chapter's network (8.78) with σ(z) = log(1 + eᶻ) − log 2 (1-Lipschitz, C², sup|σ''| = 1/4: (8.80)), "
       "both signs +1, started at θ⁰ = 0 so f_θ⁰ ≡ 0 without the symmetric pairing; Φ = (1/(2√2))[I₂ I₂] "
       "(σ = 1/2, rank 2 = n)",
       "statements whose rate on networks with f_θ⁰ = 0 is read off the symmetric initialisation: there the paired "
       "neurons cancel the second-order term of f − g; here σ''(0) = 1/4 and the signs agree, so |αf̄ − αḡ| on the "
       "segment to the minimiser of L̂(αḡ) is Θ(1/α), the toy's order (figure:8.8's 'O(1/α²)' mutant)")


@hyp("network", "rank Φ = n", "σ_min(Φ) > 0 at θ⁰ (Lemma 8.25's hypothesis), relative tolerance 10⁻⁹")
def _rank(net):
    from numeric.adversaries.netmodel import summary

    s = summary(net)
    # decided with a margin far above rounding: the members sit at σ_min/σ_max ≥ 0.1 or ≤ 10⁻¹⁴ (float SVD)
    return HypothesisResult(s["rank_n"], "certified", f"σ_min(Φ) = {s['sigma']:.4g}, σ_max = {s['tau']:.4g} "
                            "(relative tolerance 10⁻⁹, margin ≥ 10⁵ at every member)")
