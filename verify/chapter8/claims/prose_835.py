"""Theorem 8.35, kernel half, given a precise reading: on {±1}ᵈ, any predictor in span{K∞(·, x⁽ʲ⁾)} has mean
squared error ≥ 1 − n/C(d, 2) averaged over the C(d, 2) targets xᵢxⱼ, and K∞ (a function of ⟨x, x'⟩ and the
norms) is invariant under coordinate permutations, so the error on y = x₁x₂ has that expectation over the
design: 'learning well' (error ≤ ½) needs n ≥ C(d, 2)/2 = Ω(d²).

Why: the xᵢxⱼ (i < j) are orthonormal in L²(uniform on {±1}ᵈ); an n-dimensional subspace captures at most n
of their squared norm in total (Bessel).  The subspace depends on the inputs only, never on the labels, which
is what makes the bound hold for kernel regression with any ridge, and for GD on g_θ from Δθ = 0.
K∞ is numeric.chapter8.kernels.kinf (lambdified from symbolic.chapter8.ntk_kernels).
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from math import comb

import numpy as np

from numeric.chapter8 import kernels as K
from verify.engine.claim import Mutant, Outcome, Step
from verify.engine.registry import claim


@dataclass(frozen=True)
class KernelBound:
    """``kind`` 'lower': mean over pairs of the best error in the span ≥ 1 − n/C(d, 2) at every n, and the kernel is
    permutation invariant; 'upper': n = ``n_per_d``·d samples already give mean error ≤ ``level`` (an O(d) reading).
    ``pair_weight`` > 0 adds c·(x₁x₂)(x₁'x₂') to K∞ (a kernel told the answer)."""

    kind: str = "lower"
    n_per_d: int = 2
    level: float = 0.5
    pair_weight: float = 0.0


DIMS = (8, 10)
# an O(d) reading ("n = c·d samples suffice") is checked up to d = 18: at d ≤ 10, n = 4d ≥ C(d, 2)/2 leaves the
# kernel room to learn, so only a larger d refutes n = O(d) (1 − 4d/C(d, 2) > ½ needs d ≥ 18)
DIMS_UPPER = (8, 10, 18)
CUBE_MAX = 12  # above this d the test distribution is a uniform sample of 2¹⁴ cube points, not the whole cube


def _cube(d: int) -> np.ndarray:
    return np.array(list(itertools.product((-1.0, 1.0), repeat=d)))


def _kernel(A, B, w):
    G = K.kinf(A, "relu", B)
    if w:
        G = G + w * np.outer(A[:, 0] * A[:, 1], B[:, 0] * B[:, 1])
    return G


def _errors(d: int, n: int, rng, w: float) -> tuple[float, float]:
    """(mean over pairs i < j of the best relative L² error in span{K(·, x⁽ʲ⁾)}, the error for x₁x₂)."""
    if d <= CUBE_MAX:
        H = _cube(d)
        X = H[rng.integers(0, len(H), n)]
    else:  # a uniform sample of the cube as the test distribution (the empirical L² of 2¹⁴ points)
        H = rng.choice([-1.0, 1.0], size=(1 << 14, d))
        X = rng.choice([-1.0, 1.0], size=(n, d))
    S = _kernel(H, X, w)
    # an orthonormal basis of the span from the small Gram matrix SᵀS = VΛVᵀ: Q = SVΛ^(−1/2)
    lam, V = np.linalg.eigh(S.T @ S)
    keep = lam > 1e-12 * lam[-1]
    T = np.stack([H[:, i] * H[:, j] for i, j in itertools.combinations(range(d), 2)], axis=1)
    coef = (V[:, keep] / np.sqrt(lam[keep])).T @ (S.T @ T)
    captured = np.sum(coef**2, axis=0) / len(H)
    return float(1 - captured.mean()), float(1 - captured[0])


def _check(stmt: KernelBound, ctx) -> Outcome:
    rng = ctx.rng("kernel-bound")
    rows, worst, bad = [], np.inf, None
    # invariance: K(πx, πx') = K(x, x') for a coordinate permutation and sign flip
    inv = 0.0
    for d in DIMS:
        A, B = _cube(d)[rng.integers(0, 2**d, 30)], _cube(d)[rng.integers(0, 2**d, 30)]
        perm, sign = rng.permutation(d), rng.choice([-1.0, 1.0], d)
        inv = max(inv, float(np.max(np.abs(_kernel(A[:, perm] * sign, B[:, perm] * sign, stmt.pair_weight)
                                           - _kernel(A, B, stmt.pair_weight)))))
    symmetric = inv < 1e-9
    for d in (DIMS_UPPER if stmt.kind == "upper" else DIMS):
        C = comb(d, 2)
        ns = (stmt.n_per_d * d,) if stmt.kind == "upper" else (d, 2 * d, C // 2, C)
        for n in ns:
            mean_err, e12 = _errors(d, n, rng, stmt.pair_weight)
            bound = 1 - n / C
            if stmt.kind == "lower":
                margin = mean_err - bound
                ok = margin >= -1e-9 and symmetric
            else:
                margin = stmt.level - mean_err
                ok = margin >= 0
            rows.append(f"d = {d}, n = {n}: mean error {mean_err:.3f} (bound 1 − n/C(d,2) = {bound:.3f}), x₁x₂ {e12:.3f}")
            worst = min(worst, margin)
            if not ok and bad is None:
                bad = {"d": d, "n": n, "mean error over pairs": mean_err, "1 - n/C(d,2)": bound,
                       "x1x2 error": e12, "kernel permutation-invariant": symmetric}
    steps = [Step("Bessel", "the C(d, 2) functions xᵢxⱼ are orthonormal in L²(uniform); an n-dimensional subspace "
                  "captures Σ‖P xᵢxⱼ‖² ≤ n, so the mean best error over pairs is ≥ 1 − n/C(d, 2)"),
             Step("symmetry", f"max |K(πx, πx') − K(x, x')| over random permutations and sign flips: {inv:.2e}",
                  holds=symmetric),
             Step("designs", "; ".join(rows), holds=bad is None)]
    return Outcome(bad is None, ["sweep"], len(rows), float(worst), bad, steps=steps, strength="sampled",
                   sizes=[f"d ∈ {set(DIMS)}, the whole cube as the test distribution"] if stmt.kind == "lower" else
                   [f"d ∈ {set(DIMS_UPPER)}, n = {stmt.n_per_d}d; the whole cube up to d = {CUBE_MAX}, 2¹⁴ uniform "
                    "cube points above"])


claim(
    id="sec:8.4.3:thm-8.35-kernel-bound",
    section="8.4.3",
    kind="inequality",
    title="Theorem 8.35, kernel half: any predictor in span{K∞(·, xⱼ)} has mean error ≥ 1 − n/C(d, 2) on the xᵢxⱼ",
    printed=r"\text{The kernel method with NTK requires } n = \Omega(d^2) \text{ samples to learn Example 8.34 well.}",
    statement=KernelBound(),
    check=_check,
    uses=["thm:8.35", "example:8.34", "eq:8.93"],
    mutants=[
        Mutant("O(d) samples suffice for the kernel: n = 2d gives mean error ≤ ½", KernelBound(kind="upper")),
        Mutant("O(d) samples suffice for the kernel: n = 4d gives mean error ≤ ½ (refuted only from d = 18 on)",
               KernelBound(kind="upper", n_per_d=4)),
        Mutant("the bound for a kernel told the answer (K∞ + 10·(x₁x₂)(x₁'x₂'), not permutation invariant)",
               KernelBound(pair_weight=10.0)),
    ],
    notes=["precise reading of 'requires n = Ω(d²) to learn well': 'well' = mean squared error ≤ ½ on the uniform "
           "cube; the kernel method = any predictor in span{K∞(·, x⁽ʲ⁾)} (kernel ridge regression with any "
           "ridge, GD on g_θ from Δθ = 0 in the infinite-width limit); the error on y = x₁x₂ has, over the design, "
           "the expectation of the mean over pairs (K∞ is invariant under coordinate permutations), so error ≤ ½ "
           "needs 1 − n/C(d, 2) ≤ ½, i.e. n ≥ d(d − 1)/4",
           "the network half (O(d) for the Σ|uⱼ|‖wⱼ‖-regularised network) concerns the global minimiser of a "
           "non-convex problem and stays with thm:8.35's sample-size fit",
           "sampled over designs; a proof would need Σ over pairs of ‖P_V(xᵢxⱼ)‖² ≤ dim V = n for the "
           "orthonormal family {xᵢxⱼ} in L²(uniform cube) and any n-dimensional span V, plus K∞'s invariance "
           "under coordinate permutations to pass from the mean over pairs to y = x₁x₂ in expectation over the "
           "design"],
)
