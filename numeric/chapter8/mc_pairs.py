"""The Lemma 8.17 deviations at the pairs that the proofs of Lemmas 8.19 and 8.21 use.

dev(u, v) = ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² = (u∘v)ᵀ E (u∘v), E = W/p − J, for unit u, v.

(8.23): with s = ‖x‖², x̂ = x/‖x‖, e₁ = dev(z, x̂), e₂ = dev(x̂, x̂),
    ⟨x, ∇f(x)⟩/p − ⟨x, ∇g(x)⟩ = −2(s e₁ − s² e₂),
so the level ε at which Lemma 8.17 holds at these pairs gives |·| ≤ 2(s + s²)ε, not ε.

(8.32): with a = z∘z, b = x̂∘x̂,
    ⟨z, ∇²f(x)z⟩/p − ⟨z, ∇²g(x)z⟩ = 2s·aᵀEb + 4s·dev(z, x̂) − 2dev(z, z),
and aᵀEb is not a Lemma 8.17 sum; by polarisation aᵀEb = dev(u₃, u₃) − (L²/4) dev(u₄, v₄) with
u₃ = √((a + b)/2), u₄ = √(|a − b|/L), v₄ = sign(a − b)u₄, L = ‖a − b‖₁ ≤ 2 (all unit vectors).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from numeric.chapter8 import matrix_completion as mc
def dev(ob: mc.Objective, u: np.ndarray, v: np.ndarray) -> float:
    u = u / np.linalg.norm(u)
    v = v / np.linalg.norm(v)
    return ob.masked_inner(u, v) / ob.p - float(u @ v) ** 2


@dataclass(frozen=True)
class Levels:
    s: float  # ‖x‖²
    c: float  # ⟨x, z⟩²
    actual: float  # the deviation the step bounds (computed directly from f and g)
    via_pairs: float  # the same from the pair deviations (a consistency check)
    eps: float  # max |dev| over the pairs the step uses
    pairs: tuple  # the pair deviations


def levels_823(ob: mc.Objective, x: np.ndarray) -> Levels:
    z = ob.z
    s = float(x @ x)
    actual = float(x @ ob.gradient(x)) / ob.p - float(mc.g_grad_form(z, x, x)[0])
    if s == 0:
        return Levels(0.0, 0.0, actual, 0.0, 0.0, (0.0, 0.0))
    xh = x / np.sqrt(s)
    e1, e2 = dev(ob, z, xh), dev(ob, xh, xh)
    return Levels(s, float(x @ z) ** 2, actual, -2 * (s * e1 - s * s * e2), max(abs(e1), abs(e2)), (e1, e2))


def levels_832(ob: mc.Objective, x: np.ndarray) -> Levels:
    z = ob.z
    s = float(x @ x)
    actual = ob.hessian_form(x, z) / ob.p - float(mc.g_hessian_form(z, x, z)[0])
    xh = x / np.sqrt(s) if s > 0 else z
    a, b = z * z, xh * xh
    u3 = np.sqrt((a + b) / 2)
    L = float(np.abs(a - b).sum())
    e_zz, e_zx, e3 = dev(ob, z, z), dev(ob, z, xh), dev(ob, u3, u3)
    if L > 1e-15:
        u4 = np.sqrt(np.abs(a - b) / L)
        e4 = dev(ob, u4, np.sign(a - b) * u4)
    else:
        e4 = 0.0
    aEb = e3 - L * L / 4 * e4
    via = 2 * s * aEb + 4 * s * e_zx - 2 * e_zz
    return Levels(s, float(x @ z) ** 2, actual, via, max(abs(e_zz), abs(e_zx), abs(e3), abs(e4)), (e_zz, e_zx, e3, e4, L))
