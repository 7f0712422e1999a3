"""Data sets (X, y) for §8.4: inputs x⁽ⁱ⁾ ∈ ℝᵈ (rows of X) and labels.

Hypotheses: ``‖x‖ = Θ(1)`` ((8.83), read as 1/2 ≤ ‖x⁽ⁱ⁾‖ ≤ 2), ``labels O(1)`` (|y⁽ⁱ⁾| ≤ 2),
``no two inputs parallel`` (x⁽ⁱ⁾ ≠ c·x⁽ʲ⁾ for i ≠ j), ``n ≤ d``, ``rank(X) = n``.  Checked exactly (rational data).
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.core import HypothesisResult, hyp, member

Q = sp.Rational


def _rows(X):
    return [sp.Matrix(r).T for r in X]


@hyp("data", "‖x‖ = Θ(1)", "1/2 ≤ ‖x⁽ⁱ⁾‖₂ ≤ 2 for every i")
def _norms(D):
    n2 = [sum(v * v for v in r) for r in D["X"]]
    ok = all(Q(1, 4) <= v <= 4 for v in n2)
    return HypothesisResult(ok, "exact", f"‖x⁽ⁱ⁾‖² = {[str(v) for v in n2]}")


@hyp("data", "labels O(1)", "|y⁽ⁱ⁾| ≤ 2")
def _labels(D):
    return HypothesisResult(all(abs(v) <= 2 for v in D["y"]), "exact", f"y = {[str(v) for v in D['y']]}")


@hyp("data", "no two inputs parallel")
def _nonparallel(D):
    X = D["X"]
    for i in range(len(X)):
        for j in range(i):
            if sp.Matrix([X[i], X[j]]).rank() < 2:
                return HypothesisResult(False, "exact", f"x⁽{i + 1}⁾ ∥ x⁽{j + 1}⁾ (rank of the pair < 2)")
    return HypothesisResult(True, "exact", "every pair has rank 2")


@hyp("data", "n ≤ d")
def _n_le_d(D):
    n, d = len(D["X"]), len(D["X"][0])
    return HypothesisResult(n <= d, "exact", f"n = {n}, d = {d}")


@hyp("data", "rank(X) = n", "the inputs are linearly independent: Φ = X (n × d) has full row rank (Lemma 8.25's "
     "rank(Φ) = n for the linear features)")
def _full_row_rank(D):
    n, r = len(D["X"]), sp.Matrix(D["X"]).rank()
    return HypothesisResult(r == n, "exact", f"rank(X) = {r}, n = {n}")


@hyp("data", "separated (|cos| ≤ 99/100)", "every pair of inputs at an angle with |cos| ≤ 0.99 (Theorem 8.33's "
     "λ_min(K∞) > 0 made quantitative)")
def _separated(D):
    X = [sp.Matrix(r) for r in D["X"]]
    for i in range(len(X)):
        for j in range(i):
            ip, ni, nj = (X[i].T * X[j])[0], (X[i].T * X[i])[0], (X[j].T * X[j])[0]
            if ip**2 * 10000 > 9801 * ni * nj:
                return HypothesisResult(False, "exact", f"cos²(x⁽{i + 1}⁾, x⁽{j + 1}⁾) = {ip**2 / (ni * nj)} > 0.99²")
    return HypothesisResult(True, "exact", "every pair has cos² ≤ 0.99²")


def data(name, X, y, what, breaks):
    member(name, "data", {"X": [[sp.nsimplify(v) for v in r] for r in X], "y": [sp.nsimplify(v) for v in y]}, what, breaks)


h = Q(1, 2)
data("orthonormal, n = d = 3", [[1, 0, 0], [0, 1, 0], [0, 0, 1]], [1, -1, 1], "the easy case", "nothing (baseline)")
data("duplicate inputs, equal labels", [[1, 0], [1, 0], [0, 1]], [1, 1, -1], "x⁽¹⁾ = x⁽²⁾",
     "rank(Φ) = n, σ_min(Φ) > 0, K∞ full rank")
data("duplicate inputs, opposite labels", [[1, 0], [1, 0], [0, 1]], [1, -1, 1], "x⁽¹⁾ = x⁽²⁾ with y⁽¹⁾ ≠ y⁽²⁾",
     "'the global minimum of the loss is 0' (no interpolant exists)")
data("parallel inputs", [[1, 0], [2, 0], [0, 1]], [1, -1, 1], "x⁽²⁾ = 2x⁽¹⁾", "K∞ full rank for homogeneous σ")
data("antiparallel inputs, equal labels", [[1, 0], [-1, 0], [0, 1]], [1, 1, -1], "x⁽²⁾ = −x⁽¹⁾, same label",
     "odd networks (erf, tanh, no bias): f(−x) = −f(x) cannot fit equal labels; 'L̂ → 0'")
data("n > d: six unit inputs in ℝ²", [[1, 0], [h, Q(866, 1000)], [-h, Q(866, 1000)], [-1, 0], [-h, -Q(866, 1000)],
                                       [h, -Q(866, 1000)]], [1, -1, 1, -1, 1, -1],
     "n = 6 > d = 2, pairwise non-parallel in three pairs (antiparallel)", "K∞ = XXᵀ-type ranks (rank ≤ d)")
data("n > d, no pair parallel", [[1, 0], [h, Q(866, 1000)], [-h, Q(866, 1000)]], [1, -1, 1],
     "three unit inputs in ℝ² at 0°, 60°, 120°", "full rank of K∞ for an affine σ (rank ≤ d)")
data("n < d", [[1, 0, 0, 0, 0], [0, 1, 0, 0, 0]], [1, -1], "n = 2 < d = 5", "statements needing n ≥ d")
data("all labels zero", [[1, 0], [0, 1]], [0, 0], "degenerate labels y = 0", "'‖y‖ = Θ(√n)' readings; residual ratios")
data("nearly parallel, angle 10⁻³", [[1, 0], [1, Q(1, 1000)]], [1, -1], "two inputs at angle ~10⁻³",
     "'m = poly(n, d)' without a separation assumption: λ_min(K∞) ~ δ²")
data("few ±1 samples, n = 3, d = 6", [[1, -1, 1, 1, -1, 1], [-1, 1, 1, -1, -1, 1], [1, 1, -1, 1, 1, -1]], [-1, -1, 1],
     "three points of the cube {±1}⁶ labelled y = x₁x₂ (Example 8.34 with few samples; second reader's s5.py)",
     "'the minimum-norm NTK solution moves every neuron': a ReLU neuron with wᵢᵀx ≤ 0 on all three samples is "
     "dead and never moves (0 ∉ conv{xᵢ} gives this positive probability)")
data("duplicate inputs in ℝ³, opposite labels, Φ⁺y = 0", [[1, h, 0], [1, h, 0]], [1, -1],
     "φ₁ = φ₂ = (1, ½, 0) with y = (1, −1): an inconsistent system whose least-squares solution is Φ⁺y = 0 "
     "(second reader's s6.py)", "'small-learning-rate SGD stays within 2‖Φ⁺y‖' without y ∈ range(Φ): one step moves 0.894")
data("scaled orthonormal X = 3I, n = d = 2 (‖x‖ = 3)", [[3, 0], [0, 3]], [1, 1],
     "orthonormal inputs scaled by 3: σ_min(X) = 3 > 1, every label 1 (outside (8.83)'s ‖x‖ = Θ(1), inside Lemma 8.25's "
     "'every Φ of rank n')", "bounds that confuse 1/σ with 1/σ² (or any power): with σ > 1, ‖Φ⁺y‖ = √2/3 exceeds "
     "√n·max|y|/σ² = √2/9; constants calibrated on σ ≤ 1")
