"""Matrices for §8.3: PSD matrices M (PCA), ground-truth vectors z (matrix completion), masks Ω.

Hypotheses (exact, rational entries): ``PSD``, ``top eigenvalue simple`` (λ₁ > λ₂), ``λ₂ > λ₃``;
``unit norm`` and ``incoherent (μ = 2)`` (‖z‖∞ ≤ 2/√d) for z; ``symmetric``, ``no empty row`` for Ω.
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.core import HypothesisResult, hyp, member


def _eig(M):
    ev = M.eigenvals()
    return sorted([k for k, m in ev.items() for _ in range(m)], key=lambda v: -float(v))


@hyp("psd", "PSD")
def _psd(M):
    ev = _eig(M)
    return HypothesisResult(all(v >= 0 for v in ev) and M == M.T, "exact", f"eigenvalues {[str(v) for v in ev]}")


@hyp("psd", "top eigenvalue simple")
def _simple(M):
    ev = _eig(M)
    ok = len(ev) < 2 or ev[0] > ev[1]
    return HypothesisResult(ok, "exact", f"λ = {[str(v) for v in ev]}")


@hyp("psd", "λ₂ > λ₃")
def _gap23(M):
    ev = _eig(M) + [0, 0]
    return HypothesisResult(ev[1] > ev[2], "exact", f"λ = {[str(v) for v in ev[:M.rows]]}")


def psd(name, M, what, breaks):
    member(name, "psd", sp.Matrix(M), what, breaks)


psd("diag(3, 1, 1/2)", sp.diag(3, 1, sp.Rational(1, 2)), "distinct positive eigenvalues", "nothing (baseline)")
psd("diag(3, 2, 1)", sp.diag(3, 2, 1), "distinct eigenvalues, gap λ₁ − λ₂ = 1 (second reader)",
    "'PCA is (α, 2(λ₁ − λ₂), γ)-strict-saddle' (a supremum: √2e₂ + δe₁ has ‖∇g‖ → 0 with λ_min > −2)")
psd("diag(3, 1)", sp.diag(3, 1), "λ₁ = 3, λ' = 1: saddles 0, ±e₂ at distances √3, 2 from the minima ±√3e₁ "
    "(second reader, §8.1–8.2)", "'sup β = 2(λ₁ − λ')' for every γ: it is (10, β, 3)-strict-saddle for every β")
psd("diag(2, 2, 1)", sp.diag(2, 2, 1), "repeated top eigenvalue", "'the minima are ±√λ₁u₁' (a sphere of them)")
psd("I₂", sp.eye(2), "all eigenvalues equal", "'stationary points are 0 and ±√λᵢuᵢ' (a circle)")
psd("diag(2, 1, 1)", sp.diag(2, 1, 1), "repeated second eigenvalue", "rank-2 minima as one O(2) orbit")
psd("0 (the zero matrix)", sp.zeros(2, 2), "M = 0", "'x = 0 is a saddle'; 'g is non-convex'")
psd("diag(1, 0)", sp.diag(1, 0), "rank-deficient", "statements assuming M ≻ 0")
psd("[[2, 1], [1, 2]]", sp.Matrix([[2, 1], [1, 2]]), "non-diagonal, eigenvectors (1, ±1)/√2", "axis-aligned shortcuts")
# §8.3.1/§8.3.3 second reader (findings_8.3.1+8.3.3): repeated eigenvalues, M = 0, rank deficiency, d = 1
_Q3 = sp.Matrix([[1, 2, 2], [2, 1, -2], [2, -2, 1]]) / 3  # rational orthogonal


@hyp("psd", "M ≠ 0")
def _nonzero(M):
    return HypothesisResult(any(v != 0 for v in M), "exact", "M ≠ 0" if any(v != 0 for v in M) else "M = 0")


@hyp("psd", "d = 1")
def _d1(M):
    return HypothesisResult(M.rows == 1, "exact", f"d = {M.rows}")


psd("diag(3, 3, 1, 0, 0)", sp.diag(3, 3, 1, 0, 0), "repeated top eigenvalue and a 2-dimensional kernel, d = 5",
    "'the minima are ±√λ₁u₁' (a circle of them); 'GD reaches ±√λ₁u₁' (the limit depends on x₀)")
psd("2·I₃", 2 * sp.eye(3), "all eigenvalues equal, d = 3", "rank-2 minima as one O(2) orbit (a Grassmannian of them)")
psd("Q diag(2, 1, 1) Qᵀ (rational rotation)", _Q3 * sp.diag(2, 1, 1) * _Q3.T,
    "repeated second eigenvalue in a non-axis basis", "coordinate-basis shortcuts; rank-2 O(2)-orbit uniqueness")
psd("diag(2, 1, 1/2)", sp.diag(2, 1, sp.Rational(1, 2)), "λ₂ > λ₃ > 0", "nothing (rank-2 baseline)")
psd("m = 0 (d = 1)", sp.zeros(1, 1), "d = 1, M = 0: g = ½x⁴", "Figure 8.4's 'local maximum at 0' (0 is the global minimum)")
psd("m = 1 (d = 1)", sp.eye(1), "d = 1, m = 1: g = ½(1 − x²)²",
    "fixed-step GD with η > 1/(2λ₁) (2-cycle), far starts (quartic growth)")


@hyp("vector", "unit norm")
def _unit(z):
    n2 = sum(v * v for v in z)
    return HypothesisResult(sp.simplify(n2 - 1) == 0, "exact", f"‖z‖² = {n2}")


@hyp("vector", "incoherent (μ = 2)")
def _incoh(z):
    d = len(z)
    top = max(abs(v) for v in z)
    ok = bool(top**2 * d <= 4)
    return HypothesisResult(ok, "exact", f"‖z‖∞²·d = {sp.nsimplify(top**2 * d)} {'≤' if ok else '>'} μ² = 4")


def vec(name, z, what, breaks):
    member(name, "vector", [sp.nsimplify(v) for v in z], what, breaks)


vec("z = e₁ (d = 4)", [1, 0, 0, 0], "the most coherent unit vector (Remark 8.13)", "recovery without observing M₁₁")
vec("z = 1/√d (d = 4)", [sp.Rational(1, 2)] * 4, "the most incoherent unit vector", "nothing (baseline)")
vec("z = (1, 1, 0, 0)/√2", [1 / sp.sqrt(2), 1 / sp.sqrt(2), 0, 0], "half-supported, μ = √2", "support-based arguments")
vec("z = (3, 4)/5 (d = 2)", [sp.Rational(3, 5), sp.Rational(4, 5)], "d = 2, unequal entries", "d-dependent constants")
vec("z = (2, 1, −2)/3 (d = 3)", [sp.Rational(2, 3), sp.Rational(1, 3), sp.Rational(-2, 3)],
    "unit, ‖z‖∞ = 2/3 (μ = 2/√3), with the mask '{11, 12, 21, 23, 32, 33} (d = 3)' (second reader, §8.3.3)",
    "'rank-1 matrix completion has no spurious local minima' for a fixed Ω: x = (−2/3, 0, −2/3) is a strict local "
    "minimum of (8.11) with f = 8/81 > 0")


vec("z = 1/√6 (d = 6)", [1 / sp.sqrt(6)] * 6, "flat unit vector at d = 6 (μ = 1), where Lemma 8.17's level of a mask "
    "can be computed exactly (numeric.chapter8.mc_stationary)",
    "Lemma 8.19 / (8.24) / (8.25) at the printed level ε: exact stationary points of f at this z (a saddle at p = 1/2, "
    "a strict local minimum at p = 2/5) with ‖x‖⁴ − ⟨x, z⟩² > ε_sup (second reader R3)")


def _signs(n, seed):
    import numpy as np

    return [1 if b else -1 for b in np.random.default_rng(seed).integers(0, 2, size=n)]


# §8.3.2 at the sizes the text speaks of (exact rationals, so 'unit norm' and 'incoherent' are checked exactly)
vec("z = ±(3, 4)/50 pattern (d = 200)",
    [sg * sp.Rational(3 if i % 2 == 0 else 4, 50) for i, sg in enumerate(_signs(200, 81))],
    "unit, μ = 0.08·√200 ≈ 1.13, random signs, two magnitudes (exact rationals)",
    "eq:8.42's correction '≤ ε': (8.42) is a bilinear form in E = W/p − J, not one Lemma 8.17 sum; on Bernoulli "
    "masks its deviation exceeds the level ε of the pairs (z, z), (z, x), (x, x) (argument bilinear-not-quadratic)")
vec("z = ±1/16 random signs (d = 256)", [sg * sp.Rational(1, 16) for sg in _signs(256, 82)],
    "the flat incoherent unit vector with random signs at d = 256 (μ = 1)",
    "constants that hold only for d ≤ 4; the same bilinear (8.42) step as above")


@hyp("mask", "symmetric")
def _sym(W):
    return HypothesisResult(W == W.T, "exact", "W = Wᵀ" if W == W.T else "W ≠ Wᵀ")


@hyp("mask", "no empty row")
def _rows(W):
    empty = [i for i in range(W.rows) if all(v == 0 for v in W.row(i))]
    return HypothesisResult(not empty, "exact", f"empty rows {empty}" if empty else "every row observed")


def mask(name, W, what, breaks):
    member(name, "mask", sp.Matrix(W), what, breaks)


mask("full (d = 4)", sp.ones(4, 4), "every entry observed", "nothing: f = g")
mask("empty row 1 (d = 4)", sp.Matrix(4, 4, lambda i, j: 0 if 0 in (i, j) else 1), "row and column 1 unobserved",
     "recovery of x₁: f does not depend on it (a line of global minima)")
mask("diagonal only (d = 4)", sp.eye(4), "only M_ii observed", "identifiability: x_i = ±z_i independently")
mask("bipartite A = {1, 2}, B = {3, 4}", sp.Matrix(4, 4, lambda i, j: 1 if (i < 2) != (j < 2) else 0),
     "Ω joins two halves only", "sign identifiability: (x_A, x_B) and (c x_A, x_B / c) fit equally")
mask("one entry outside the diagonal missing (asymmetric)", sp.Matrix(4, 4, lambda i, j: 0 if (i, j) == (0, 1) else 1),
     "W ≠ Wᵀ", "identities that use P_Ω(A)ᵀ = P_Ω(Aᵀ)")


mask("{11, 12, 21, 23, 32, 33} (d = 3)", sp.Matrix([[1, 1, 0], [1, 0, 1], [0, 1, 1]]),
     "a path 1 – 2 – 3 with (2, 2) and (1, 3) unobserved; probability p⁶(1 − p)³ under Definition 8.10 (2⁻⁹ at p = 1/2)",
     "'rank-1 matrix completion has no spurious local minima' (§8.3.3) for a fixed Ω: with z = (2, 1, −2)/3, "
     "x = (−2/3, 0, −2/3) is a strict local minimum of (8.11) with f = 8/81 > 0 = f(z) (second reader)")


def _bernoulli_sym(d, p, seed, unobserved_diag=()):
    import numpy as np

    rng = np.random.default_rng(seed)
    U = np.triu(rng.random((d, d)) < p)
    W = (U | U.T).astype(int)
    np.fill_diagonal(W, 1)
    for k in unobserved_diag:
        W[k, k] = 0
    return sp.Matrix(W.tolist())


mask("Bernoulli(p = 0.4), d = 8, (3, 3) unobserved (symmetric)", _bernoulli_sym(8, 0.4, 83, (3,)),
     "a symmetric Bernoulli mask with one diagonal entry missing (probability 1 − p^d that some is, i.e. w.h.p.)",
     "coercivity of the unregularised f and the strict-saddle / 'solvable by gradient descent' reading of Theorems "
     "8.14/8.23: f(t·e₄) = f(0) for every t, so points far from ±z have vanishing gradient (non-coercive-escape)")
mask("Bernoulli(p = 0.4), d = 8, every diagonal entry observed (symmetric)", _bernoulli_sym(8, 0.4, 83),
     "the same mask with the diagonal filled in", "nothing the missing-diagonal argument needs (baseline)")
