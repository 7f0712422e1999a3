"""sec:8.3.3:linear-networks with a tied singular value σ_k = σ_{k+1} (second reader T2, 2026-12-07).

Whitened inputs X = I₃, Y = diag(2, 1, 1), hidden width k = 2: the loss is ½‖Y − W₁W₂‖_F². Eckart–Young gives the
global value ½σ₃² = ½, attained by every P = diag(2, ·) with the tied 2×2 block a rank-1 orthogonal projection — a
circle of products, not one "rank-k truncation". Decided exactly on two of them (Fractions: diag(2, 1, 0) and
diag(2, 0, 1) both have loss 1/2 and differ), then GD from small random initialisations (the reading's GD) is run:
each run reaches the value 1/2 (the corrected reading: *a* best rank-k approximation) and the runs end at different
products (so "the rank-k truncation" as a unique target is false when σ_k = σ_{k+1}).
"""
from __future__ import annotations

from fractions import Fraction

import numpy as np

from verify.engine.claim import Step

Y_TIED = ((2, 0, 0), (0, 1, 0), (0, 0, 1))
P_A = ((2, 0, 0), (0, 1, 0), (0, 0, 0))
P_B = ((2, 0, 0), (0, 0, 0), (0, 0, 1))


def exact_loss(P) -> Fraction:
    return sum((Fraction(Y_TIED[i][j] - P[i][j]) ** 2 for i in range(3) for j in range(3)), Fraction(0)) / 2


def gd_products(seeds=(0, 1, 2, 3), eta: float = 0.05, steps: int = 6000) -> list[tuple[float, np.ndarray]]:
    """GD on ½‖W₁W₂ − Y‖² (W₁ 3×2, W₂ 2×3) from 10⁻³-scale Gaussian initialisations: (final loss, W₁W₂) per seed."""
    Y = np.array(Y_TIED, dtype=float)
    out = []
    for s in seeds:
        r = np.random.default_rng(s)
        W1, W2 = 1e-3 * r.standard_normal((3, 2)), 1e-3 * r.standard_normal((2, 3))
        for _ in range(steps):
            R = W1 @ W2 - Y
            W1, W2 = W1 - eta * R @ W2.T, W2 - eta * W1.T @ R
        P = W1 @ W2
        out.append((0.5 * float(np.sum((Y - P) ** 2)), P))
    return out


def tied_check(unique_target: bool) -> tuple[bool, list[Step], dict | None]:
    """The reading on the tied instance. unique_target=False: GD reaches a global minimum (loss = ½σ₃² = 1/2);
    unique_target=True (the old reading 'the rank-k truncation'): moreover every run ends at the same product."""
    la, lb = exact_loss(P_A), exact_loss(P_B)
    nonunique = la == lb == Fraction(1, 2) and P_A != P_B
    runs = gd_products()
    losses = [l for l, _ in runs]
    reach = all(abs(l - 0.5) < 1e-9 for l in losses)
    spread = max(float(np.max(np.abs(P - runs[0][1]))) for _, P in runs)
    same = spread < 1e-6
    steps = [Step("tied σ₂ = σ₃: two best rank-2 approximations (exact)",
                  f"X = I₃, Y = diag(2, 1, 1), k = 2: ½‖Y − diag(2,1,0)‖² = {la}, ½‖Y − diag(2,0,1)‖² = {lb} = ½σ₃²; "
                  f"the products differ", holds=bool(nonunique)),
             Step("GD from 4 small random initialisations (η = 0.05, 6000 steps, scale 10⁻³)",
                  f"final losses {', '.join(f'{l:.12f}' for l in losses)} (global value 1/2); largest entrywise "
                  f"difference between the final products {spread:.3f}; tied blocks "
                  + "; ".join(str(np.round(P[1:, 1:], 3).tolist()) for _, P in runs),
                  holds=bool(reach and (same or not unique_target)))]
    ok = bool(nonunique and reach and (same or not unique_target))
    ce = None
    if not ok:
        ce = {"X": "I3", "Y": "diag(2, 1, 1)", "k": 2, "exact losses": [str(la), str(lb)],
              "GD losses": losses, "products differ by": spread,
              "claimed": "one rank-k truncation" if unique_target else "a global minimum (loss 1/2)"}
    return ok, steps, ce
