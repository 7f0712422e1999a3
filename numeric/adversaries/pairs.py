"""Pairs of vectors (u, v) for Lemma 8.17 (§8.3.2): ⟨P_Ω(uuᵀ), vvᵀ⟩/p − ⟨uuᵀ, vvᵀ⟩ for ‖u‖, ‖v‖ ≤ 1, incoherent.

A member's ``obj`` is ``(u, v)``, two tuples of exact SymPy numbers of the same length d.  The deviation depends on
the pair only through w = u∘v (dev = wᵀ(W/p − J)w), so every member has u∘v rational (checked where used): its law
over a symmetric Bernoulli(p) mask is then computed exactly (numeric.chapter8.mc_pair_law).  Sizes are kept small
(d ≤ 16 for dense w; a spike at d = 64) so that the exact law stays a few thousand atoms.

Hypotheses (exact): 'in the unit ball' (‖u‖₂, ‖v‖₂ ≤ 1) and 'incoherent (μ = 2)' (‖u‖∞, ‖v‖∞ ≤ 2/√d).
"""
from __future__ import annotations

import sympy as sp

from numeric.adversaries.core import HypothesisResult, hyp, member

MU = 2


def mu0(pair) -> sp.Expr:
    """The pair's own incoherence: the smallest μ with ‖u‖∞, ‖v‖∞ ≤ μ/√d (μ² = d·max(‖u‖∞², ‖v‖∞²))."""
    u, v = pair
    return sp.sqrt(sp.nsimplify(len(u) * max(max(x * x for x in u), max(x * x for x in v))))


@hyp("pair", "in the unit ball")
def _ball(pair):
    u, v = pair
    nu, nv = sp.nsimplify(sum(x * x for x in u)), sp.nsimplify(sum(x * x for x in v))
    ok = bool(nu <= 1 and nv <= 1)
    return HypothesisResult(ok, "exact", f"‖u‖² = {nu}, ‖v‖² = {nv} {'≤' if ok else 'not both ≤'} 1")


@hyp("pair", "incoherent (μ = 2)")
def _incoh(pair):
    u, v = pair
    d = len(u)
    top = sp.nsimplify(d * max(max(x * x for x in u), max(x * x for x in v)))
    ok = bool(top <= MU * MU)
    return HypothesisResult(ok, "exact", f"d·max(‖u‖∞², ‖v‖∞²) = {top} {'≤' if ok else '>'} μ² = {MU * MU}")


def pair(name, u, v, what, breaks):
    u, v = tuple(sp.nsimplify(x) for x in u), tuple(sp.nsimplify(x) for x in v)
    if len(u) != len(v):
        raise ValueError(f"{name}: u and v of different lengths")
    member(name, "pair", (u, v), what, breaks)


def _flat(d, r=1):
    return [sp.nsimplify(r) / sp.sqrt(d)] * d


def _cap(d, S):
    """1_S/√|S|: unit, every entry of its support at 1/√|S|."""
    k = len(S)
    return [1 / sp.sqrt(k) if i in S else 0 for i in range(d)]


def _sylvester(n):
    H = sp.Matrix([[1]])
    while H.rows < n:
        H = sp.Matrix(sp.BlockMatrix([[H, H], [H, -H]]))
    return H


_H8 = _sylvester(8)

pair("u = v = 1/√d (d = 4)", _flat(4), _flat(4), "flat, aligned, μ = 1: w = u∘v = 1/4 everywhere",
     "nothing (baseline): the fixed-pair failure probability at the printed rate is far below δ")
pair("u = v = 1/√d (d = 16)", _flat(16), _flat(16), "flat, aligned, μ = 1, d = 16 (the variance 2‖w‖⁴ at its largest "
     "for μ = 1)", "rates read from small d only; d_power = 2 readings for fixed pairs (they hold: the fixed-pair rate)")
pair("u = v = e₁ (d = 4)", [1, 0, 0, 0], [1, 0, 0, 0],
     "a spike, admissible only because μ = 2 allows ‖u‖∞ = 1 at d = 4: dev = ω₁₁/p − 1, one Bernoulli",
     "constants below Chebyshev's (the ε/4 mutant: P(|dev| > ε/4) = p = 1/8 > δ at p = 1/8)")
pair("u = v = 1_S/2, |S| = 4 (d = 16)", _cap(16, {0, 5, 10, 15}), _cap(16, {0, 5, 10, 15}),
     "extremal incoherent (μ = 2): every entry of the support at the cap μ/√d, ‖u∘v‖² = μ²/d",
     "bounds that use a smaller ‖u∘v‖ than the cap allows")
pair("Hadamard rows 2 and 3 (d = 8), orthogonal", [x / sp.sqrt(8) for x in _H8.row(1)],
     [x / sp.sqrt(8) for x in _H8.row(2)], "flat, μ = 1, ⟨u, v⟩ = 0 (the target ⟨uuᵀ, vvᵀ⟩ is 0), w = ±1/8",
     "arguments through the size of ⟨u, v⟩: the deviation is as large as for u = v")
pair("u, v = −u antiparallel, 1_S/2 (d = 16)", _cap(16, {1, 2, 3, 4}), [-x for x in _cap(16, {1, 2, 3, 4})],
     "v = −u: dev(u, −u) = dev(u, u) (the form is quadratic in w = u∘v)", "sign-dependent reasoning")
pair("disjoint supports 1_S/2, 1_S'/2 (d = 16)", _cap(16, {0, 1, 2, 3}), _cap(16, {4, 5, 6, 7}),
     "u∘v = 0: dev ≡ 0 on every mask", "nothing (baseline: the deviation can vanish identically)")
pair("short flat pair ‖u‖ = ‖v‖ = 1/2 (d = 8)", _flat(8, sp.Rational(1, 2)), _flat(8, sp.Rational(1, 2)),
     "inside the ball, not on the sphere (μ = 1/2 for the pair itself)",
     "proofs that assume unit norm; the rate read at the pair's own μ = 1/2 (poly 16 times smaller)")
pair("u = v = e₁ (d = 64), coherent", [1] + [0] * 63, [1] + [0] * 63,
     "outside 'incoherent (μ = 2)' (‖u‖∞ = 1 > 2/8): dev = ω₁₁/p − 1",
     "the lemma without incoherence (μ = 2 in the rate): P(|dev| > ε) = p = 1/8 > δ at p = 1/8")
