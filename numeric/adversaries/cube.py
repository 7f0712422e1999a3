"""Data sets of Example 8.34: inputs X ⊂ {±1}ᵈ (rows) labelled y = x₁x₂ (§8.4.3, the minimum-norm NTK solution).

A member is ``{"X": list of integer rows, "y": list}``.  Hypotheses, exact (integers): ``inputs in {±1}ᵈ``,
``labels y = x₁x₂``, ``distinct inputs``, ``no antipodal pair`` (x and −x never both samples: the reading of
sec:8.4.3:min-norm-dense; with a pair the ReLU kernel matrix is singular).  Kept apart from the kind ``data`` so that
the Θ(1)-data classes of §8.4.2 do not change with them.
"""
from __future__ import annotations

import itertools

from numeric.adversaries.core import HypothesisResult, hyp, member


@hyp("cube", "inputs in {±1}ᵈ")
def _cube(D):
    ok = all(v in (1, -1) for r in D["X"] for v in r) and len({len(r) for r in D["X"]}) == 1
    return HypothesisResult(ok, "exact", f"n = {len(D['X'])}, d = {len(D['X'][0])}")


@hyp("cube", "labels y = x₁x₂", "Example 8.34's target")
def _labels(D):
    ok = [r[0] * r[1] for r in D["X"]] == list(D["y"])
    return HypothesisResult(ok, "exact", f"y = {list(D['y'])}")


@hyp("cube", "distinct inputs")
def _distinct(D):
    ok = len({tuple(r) for r in D["X"]}) == len(D["X"])
    return HypothesisResult(ok, "exact", f"{len({tuple(r) for r in D['X']})} distinct of {len(D['X'])}")


@hyp("cube", "no antipodal pair", "x and −x are never both samples")
def _antipodal_free(D):
    s = {tuple(r) for r in D["X"]}
    bad = [r for r in s if tuple(-v for v in r) in s]
    return HypothesisResult(not bad, "exact", f"antipodal pair {bad[:2]}" if bad else "no x with −x in X")


def cube(name, X, what, breaks):
    X = [list(map(int, r)) for r in X]
    member(name, "cube", {"X": X, "y": [r[0] * r[1] for r in X]}, what, breaks)


def half_cube(d):
    return [p for p in itertools.product([1, -1], repeat=d) if p[0] == 1]


cube("half-cube {x₁ = 1}, d = 3", half_cube(3),
     "X = {(1, ±1, ±1)} (second reader's set; the minimum limit share over all 80 antipodal-free sets at d = 3)",
     "'x₃…x_d carry ≥ 6%' (limit share 0.0517); at width 4 with w = ±e₂ 'every initialisation' (share 0)")
cube("half-cube {x₁ = 1}, d = 4", half_cube(4),
     "n = 8 (the minimum limit share over all 6560 antipodal-free sets at d = 4: exactly 1/18, K∞ rational)",
     "'≥ 6%' (share 1/18 = 0.0556)")
cube("half-cube {x₁ = 1}, d = 5", half_cube(5), "n = 16 = 2^(d−1) samples at d = 5 (n ≫ d is where density fades)",
     "'≥ 5% at every d' (second reader S3: limit share 0.0456)")
cube("four inputs with x₃ = 1, d = 3", [(1, 1, 1), (-1, -1, 1), (1, -1, 1), (-1, 1, 1)],
     "c = K∞⁻¹y is (c, c, −c, −c): the neurons active on all four samples (w near e₃) get Σᵢcᵢxᵢ = 0",
     "'every neuron active on a sample moves' (even in the infinite-width limit)")
cube("one sample (1, 1, 1), d = 3", [(1, 1, 1)], "n = 1: Φ⁺y is along x itself", "'the solution uses only x₁, x₂' "
     "(share exactly 1/3)")
cube("few ±1 samples, n = 3, d = 6 (cube)", [(1, -1, 1, 1, -1, 1), (-1, 1, 1, -1, -1, 1), (1, 1, -1, 1, 1, -1)],
     "the data member 'few ±1 samples, n = 3, d = 6' as a cube set (d = 6 > 4: outside the corrected form's d)",
     "statements at every d (decided only where the statement speaks)")
cube("full cube {±1}³", list(itertools.product([1, -1], repeat=3)), "every antipodal pair present (n = 8, d = 3)",
     "readings without 'no antipodal pair' (K∞ of the ReLU net is singular there)")
