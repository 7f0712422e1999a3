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


# --- (8.42), corrected: ∇f(x) = 0 paired with z ------------------------------------------------------------
def dev_raw(ob: mc.Objective, u: np.ndarray, v: np.ndarray) -> float:
    """dev(u, v) = ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨u, v⟩² at u, v themselves (no normalisation): Lemma 8.17 bounds it by ε
    for every pair with ‖u‖, ‖v‖ ≤ 1 and ‖u‖_∞, ‖v‖_∞ ≤ μ/√d."""
    return ob.masked_inner(u, v) / ob.p - float(u @ v) ** 2


def K842(r: float) -> float:
    """The constant of the corrected (8.42): |⟨z, ∇f⟩/p − ⟨z, ∇g⟩| ≤ K(‖x‖)ε, K(r) = max(2, 1 + r)²(1 + max(1, r)²);
    K = 8 for ‖x‖ ≤ 1."""
    m, mx = max(2.0, 1.0 + r), max(1.0, r)
    return m * m * (1.0 + mx * mx)


@dataclass(frozen=True)
class Levels842:
    r: float  # ‖x‖
    actual: float  # D = ⟨z, ∇f(x)⟩/p − ⟨z, ∇g(x)⟩, from f and g directly
    via_pairs: float  # D from the polarisation pairs (an exact identity for symmetric Ω)
    eps_natural: float  # max |dev| at (z, z), (z, x), (x, x) (x rescaled into the unit ball when ‖x‖ > 1)
    eps_pairs: float  # max |dev| over the natural and the polarisation pairs: every pair admissible for Lemma 8.17
    pairs: dict


def levels_842(ob: mc.Objective, x: np.ndarray) -> Levels842:
    """D = −2[(z∘z)ᵀE(z∘x) − (z∘x)ᵀE(x∘x)] (E = W/p − J, symmetric Ω): bilinear, not one Lemma 8.17 sum.
    Polarisation, with m = max(2, 1 + ‖x‖), m_x = max(1, ‖x‖) (so every vector below is in the unit ball and
    μ-incoherent when z and x are):
        (z∘z)ᵀE(z∘x) = (m²/4)[dev(z, (z + x)/m) − dev(z, (z − x)/m)],
        (x∘z)ᵀE(x∘x) = (m_x²m²/4)[dev(x/m_x, (z + x)/m) − dev(x/m_x, (z − x)/m)],
    hence |D| ≤ m²(1 + m_x²)ε = K(‖x‖)ε."""
    z = ob.z
    r = float(np.linalg.norm(x))
    # ∇f(x) = −2P_Ω(zzᵀ − xxᵀ)x through the mask's 0/1 matrix (SciPy), ⟨z, ∇g(x)⟩ = −2(‖z‖²⟨z, x⟩ − ⟨z, x⟩‖x‖²)
    W = ob.mask.csr
    grad_f = -(z * (W @ (z * x)) - x * (W @ (x * x))) - (z * (W.T @ (z * x)) - x * (W.T @ (x * x)))
    zx = float(z @ x)
    actual = float(z @ grad_f) / ob.p + 2 * (float(z @ z) * zx - zx * r * r)
    m, mx = max(2.0, 1.0 + r), max(1.0, r)
    xs = x / mx
    pol = {"(z,(z+x)/m)": dev_raw(ob, z, (z + x) / m), "(z,(z-x)/m)": dev_raw(ob, z, (z - x) / m),
           "(x/mx,(z+x)/m)": dev_raw(ob, xs, (z + x) / m), "(x/mx,(z-x)/m)": dev_raw(ob, xs, (z - x) / m)}
    nat = {"(z,z)": dev_raw(ob, z, z), "(z,x)": dev_raw(ob, z, xs), "(x,x)": dev_raw(ob, xs, xs)}
    t1 = m * m / 4 * (pol["(z,(z+x)/m)"] - pol["(z,(z-x)/m)"])
    t2 = mx * mx * m * m / 4 * (pol["(x/mx,(z+x)/m)"] - pol["(x/mx,(z-x)/m)"])
    en = max(abs(v) for v in nat.values())
    return Levels842(r, actual, -2 * (t1 - t2), en, max(en, max(abs(v) for v in pol.values())), {**nat, **pol})


def instances_842(z: np.ndarray, rng: np.random.Generator, ps=(0.1, 0.3), masks_per_p: int = 2, mu: float = 2.0):
    """(Objective, x) pairs for (8.42): symmetric Bernoulli masks for the given z, and x of norm 0.3 … 1.05 that are
    μ-incoherent: random incoherent directions, x ∥ z, x ⊥ z, and z + a random incoherent perturbation."""
    from numeric.chapter8 import masks

    d = len(z)
    cap = mu / np.sqrt(d)
    out = []
    for p in ps:
        for _ in range(masks_per_p):
            ob = mc.Objective(z, masks.bernoulli(d, p, rng))
            w = mc.incoherent_unit_vector(d, mu, rng)
            w_perp = w - (w @ z) * z
            dirs = [mc.incoherent_unit_vector(d, mu, rng) for _ in range(3)] + [z]
            if np.linalg.norm(w_perp) > 1e-9:
                dirs.append(w_perp / np.linalg.norm(w_perp))
            zp = z + 0.5 * mc.incoherent_unit_vector(d, mu, rng)
            dirs.append(zp / np.linalg.norm(zp))
            for u in dirs:
                for r in (0.3, 0.7, 1.0, 1.05):
                    xv = r * u
                    if np.max(np.abs(xv)) <= cap + 1e-12:
                        out.append((ob, xv))
    return out
