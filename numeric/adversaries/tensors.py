"""Fourth-order tensors T = Σᵣ λᵣ aᵣ^⊗4 for (8.53) (§8.3.3, tensor decomposition on the sphere).

A member is ``{"A": d × k rational matrix (column r is aᵣ), "weights": (λ₁, …, λ_k)}``; T itself is built entrywise
from them where it is used (numeric/symbolic stay the chapter's (8.53) contraction).  Hypotheses, exact (rationals):
``orthonormal components`` (AᵀA = I_k), ``positive weights`` (λᵣ > 0), ``equal weights`` (λ₁ = … = λ_k), ``d ≤ 3``
(the size at which the attack decides exactly) and ``span(A)^⊥ of dimension ≤ 1`` (d − k ≤ 1: the set F = 0 on the
sphere is a finite set of points, so every critical point is isolated).
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.core import HypothesisResult, hyp, member

Q = sp.Rational


@hyp("tensor", "orthonormal components", "the components aᵣ (columns of A) are orthonormal: AᵀA = I_k exactly")
def _orthonormal(T):
    G = T["A"].T * T["A"]
    ok = G == sp.eye(G.rows)
    return HypothesisResult(ok, "exact", f"AᵀA = {G.tolist()}")


@hyp("tensor", "positive weights", "λᵣ > 0 for every r")
def _positive(T):
    return HypothesisResult(all(w > 0 for w in T["weights"]), "exact", f"λ = {[str(w) for w in T['weights']]}")


@hyp("tensor", "equal weights", "λ₁ = … = λ_k (T = λΣaᵣ^⊗4, the unit-weight reading up to a positive factor)")
def _equal(T):
    w = T["weights"]
    return HypothesisResult(len(set(w)) == 1, "exact", f"λ = {[str(v) for v in w]}")


@hyp("tensor", "d ≤ 3", "the sizes at which the critical points are classified exactly")
def _small(T):
    return HypothesisResult(T["A"].rows <= 3, "exact", f"d = {T['A'].rows}")


@hyp("tensor", "d − k ≤ 1", "span(A)^⊥ ∩ sphere is finite (no circle of critical points with F = 0)")
def _codim(T):
    d, k = T["A"].shape
    return HypothesisResult(d - k <= 1, "exact", f"d = {d}, k = {k}")


def tensor(name, cols, weights, what, breaks):
    A = sp.Matrix([[sp.nsimplify(v) for v in c] for c in cols]).T
    member(name, "tensor", {"A": A, "weights": tuple(sp.nsimplify(w) for w in weights)}, what, breaks)


_Q3 = ((Q(1, 3), Q(2, 3), Q(2, 3)), (Q(2, 3), Q(1, 3), Q(-2, 3)), (Q(2, 3), Q(-2, 3), Q(1, 3)))  # rational orthonormal
tensor("e₁^⊗4 + e₂^⊗4 (d = 2)", [(1, 0), (0, 1)], (1, 1), "equal weights, axis components, k = d = 2",
       "nothing (baseline of the unit-weight reading)")
tensor("2e₁^⊗4 + e₂^⊗4 (d = 2)", [(1, 0), (0, 1)], (2, 1),
       "unequal weights, orthonormal components (second reader R2): F(t) = 2cos⁴t + sin⁴t on the circle",
       "'orthonormal components ⟹ no spurious local maximum': e₂ is a strict local maximum, F = 1 < 2")
tensor("rotated pair (3/5, 4/5), (−4/5, 3/5), equal weights (d = 2)", [(Q(3, 5), Q(4, 5)), (Q(-4, 5), Q(3, 5))],
       (1, 1), "orthonormal components off the axes, equal weights", "axis-aligned shortcuts (T diagonal)")
tensor("(1, 2, 2)/3, (2, 1, −2)/3 with weights 3, 1 (d = 3, k = 2)", _Q3[:2], (3, 1),
       "k < d, unequal weights, off-axis: span(A)^⊥ = the line of (2, −2, 1)/3 (F = 0 there)",
       "'no spurious local maximum' (a₂ is one, F = 1 < 3); statements forgetting the F = 0 minima off span(A)")
tensor("Q₃ columns, weights 2, 2, 1 (d = k = 3)", _Q3, (2, 2, 1),
       "a repeated largest weight and a smaller one, k = d = 3, rational orthonormal Q₃",
       "'only the component of largest weight is a local maximum' (two tie), 'no spurious local maximum' (a₃)")
tensor("Q₃ columns, equal weights (d = k = 3)", _Q3, (1, 1, 1), "equal weights, k = d = 3, off-axis",
       "'the full signed sums are saddles' (they are strict local minima, F = 1/3)")
tensor("e₁^⊗4 in ℝ² (rank 1)", [(1, 0)], (1,), "a single component, k = 1 < d = 2: ±e₂ has F = 0",
       "'every critical point is a signed component sum' (±e₂ is a minimum off span(A))")
tensor("correlated components e₁, (3/5, 4/5) (d = 2)", [(1, 0), (Q(3, 5), Q(4, 5))], (1, 1),
       "unit components at cos = 3/5, not orthogonal (outside the chapter's condition)",
       "the classification of the orthonormal case (critical points move off the signed sums)")
