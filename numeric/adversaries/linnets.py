"""Regression data (X, Y) for the linear network y = W₁W₂x (§8.3.3, Baldi–Hornik): the loss ½·(1/n)‖W₁W₂X − Y‖_F²
depends on the data through Σxx = XXᵀ/n, Σyx = YXᵀ/n, Σyy = YYᵀ/n.

A member is ``{"X": dx × n, "Y": dy × n, "k": width}`` (rational).  Hypotheses, exact: ``k = 1``, ``dx, dy ≤ 2`` (the
sizes decided exactly), ``joint covariance PSD`` (automatic for data, checked), ``Σyx ≠ 0``.
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.core import HypothesisResult, hyp, member


def covariances(D):
    X, Y = D["X"], D["Y"]
    n = X.cols
    return X * X.T / n, Y * X.T / n, Y * Y.T / n


@hyp("regression", "k = 1")
def _k1(D):
    return HypothesisResult(D["k"] == 1, "exact", f"k = {D['k']}")


@hyp("regression", "dx, dy ≤ 2")
def _small(D):
    return HypothesisResult(D["X"].rows <= 2 and D["Y"].rows <= 2, "exact", f"dx = {D['X'].rows}, dy = {D['Y'].rows}")


@hyp("regression", "joint covariance PSD", "[[Σxx, Σxy], [Σyx, Σyy]] ⪰ 0 (eigenvalues exact)")
def _psd(D):
    Sxx, Syx, Syy = covariances(D)
    J = sp.Matrix(sp.BlockMatrix([[Sxx, Syx.T], [Syx, Syy]]))
    ev = J.eigenvals()
    return HypothesisResult(all(sp.simplify(e) >= 0 for e in ev), "exact", f"eigenvalues {[str(e) for e in ev]}")


@hyp("regression", "Σyx ≠ 0")
def _nonzero(D):
    _, Syx, _ = covariances(D)
    return HypothesisResult(any(v != 0 for v in Syx), "exact", f"Σyx = {Syx.tolist()}")


def regression(name, X, Y, what, breaks, k=1):
    member(name, "regression", {"X": sp.Matrix(X).applyfunc(sp.nsimplify), "Y": sp.Matrix(Y).applyfunc(sp.nsimplify),
                                "k": k}, what, breaks)


regression("X = I₂, Y = diag(3, 1) (n = d = 2)", [[1, 0], [0, 1]], [[3, 0], [0, 1]],
           "whitened inputs, target singular values 3 > 1 (second reader's instance)",
           "'every critical point is a global minimum' (u ∥ e₂ is a strict saddle, loss 9/4 > 1/4)")
regression("X = I₂, Y = I₂ (repeated singular values)", [[1, 0], [0, 1]], [[1, 0], [0, 1]],
           "target singular values 1 = 1: a circle of global minima up to scaling",
           "'the minima are isolated up to the GL(k) orbit' (a circle of directions)")
regression("X = I₂, Y = diag(1, 0) (rank-deficient target)", [[1, 0], [0, 1]], [[1, 0], [0, 0]],
           "Σyx of rank 1 < dy", "statements needing a full-rank target")
regression("n = 1 < d = 2: X = (1, 1)ᵀ, Y = (1, 2)ᵀ", [[1], [1]], [[1], [2]],
           "rank-deficient Σxx (n < d): the loss is flat along ker Σxx", "statements assuming Σxx ≻ 0")
regression("n = 3 > d = 2, non-whitened", [[1, 0, 1], [0, 1, 1]], [[1, 2, 0], [0, 1, 1]],
           "Σxx = [[2, 1], [1, 2]]/3 not ∝ I", "'the optimum is Eckart–Young of Σyx' (whitened-input shortcuts)")
regression("Y = 0 (uncorrelated targets)", [[1, 0], [0, 1]], [[0, 0], [0, 0]], "Σyx = 0: the loss is ≥ ½trΣyy",
           "'u = 0 is a strict saddle' (here every point of {u = 0} is a global minimum)")
regression("X = I₂, Y = diag(3, 1), width k = 2", [[1, 0], [0, 1]], [[3, 0], [0, 1]],
           "k = 2 (outside the k = 1 decide)", "nothing here (n/a: the decide is at k = 1)", k=2)
