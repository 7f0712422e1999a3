"""Indexed sums read as matrix products are exact: random sums against brute-force evaluation.

Hypothesis draws sums of products of matrix entries X[a, b] with summed indices over
the full ranges of two symbolic sizes n and m (vectors, square and rectangular
matrices, an index in more than two slots, a squared inner sum, a ±1 letter).  Every
sum the converter accepts (symbolic.indexed) must have the same value, at two size
pairs and random integer entries, as the sum evaluated term by term; refusals
(TypeError) are allowed, wrong answers are not.
"""
from __future__ import annotations

from collections import Counter
from itertools import product

import numpy as np
import sympy as sp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sympy import MatrixSymbol
from sympy.matrices.expressions.matexpr import MatrixElement

from symbolic.indexed import as_matrix_expression
from symbolic.trace_normal_form import proved_equal
from tests.test_normal_form_battery import value

n, m = sp.symbols("n m", integer=True, positive=True)
A, B = MatrixSymbol("A", n, n), MatrixSymbol("B", n, m)
x, u, y = MatrixSymbol("x", n, 1), MatrixSymbol("u", n, 1), MatrixSymbol("y", m, 1)
a = MatrixSymbol("a", n, 1)  # entries ±1
LETTERS = (A, B, x, u, y, a)
I_N = sp.symbols("i j k", integer=True)  # indices over n
I_M = sp.symbols("p q", integer=True)  # indices over m
SIZES = ({n: 2, m: 3}, {n: 3, m: 2})
SETTINGS = settings(max_examples=120, derandomize=True, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck), print_blob=False)
STATS: Counter = Counter()


def _slot(draw, dim):
    if dim == 1:
        return sp.Integer(0)
    return draw(st.sampled_from(I_N if dim == n else I_M))


@st.composite
def products(draw):
    out = sp.Integer(draw(st.sampled_from([1, 2, -1])))
    for _ in range(draw(st.integers(1, 4))):
        L = draw(st.sampled_from(LETTERS))
        out *= MatrixElement(L, _slot(draw, L.shape[0]), _slot(draw, L.shape[1]))
    return out


def _sum(expr):
    used = sorted((s for s in expr.free_symbols if s in I_N + I_M), key=str)
    if not used:
        return expr
    return sp.Sum(expr, *[(s, 0, (n if s in I_N else m) - 1) for s in used])


VECS = {n: (x, u, a), m: (y,)}
STEPS = {n: [(A, False, n), (A, True, n), (B, False, m)], m: [(B, True, n)]}  # (letter, transposed, next size)


@st.composite
def chains(draw, closed=False):
    """v_{i0} X_{i0 i1} … w_{ik} (or a cycle X_{i0 i1} … X_{ik i0}), with extra vector entries on some index."""
    dims, idx = [], []

    def new(dim):
        s_ = sp.Symbol(f"c{len(idx)}", integer=True)
        idx.append(s_)
        dims.append(dim)
        return s_

    dim = draw(st.sampled_from([n, m])) if not closed else n
    cur = new(dim)
    first = cur
    out = sp.Integer(1) if closed else MatrixElement(draw(st.sampled_from(VECS[dim])), cur, 0)
    for _ in range(draw(st.integers(1 if closed else 0, 3))):
        L, tr, nxt = draw(st.sampled_from(STEPS[dim]))
        j = new(nxt)
        out *= MatrixElement(L, j, cur) if tr else MatrixElement(L, cur, j)
        cur, dim = j, nxt
    if closed:
        if dim != n:
            return chains_fallback()
        L = draw(st.sampled_from([A]))
        out *= MatrixElement(L, cur, first)
    else:
        out *= MatrixElement(draw(st.sampled_from(VECS[dim])), cur, 0)
    for _ in range(draw(st.integers(0, 2))):  # extra vector entries: an index in more than two slots
        k = draw(st.integers(0, len(idx) - 1))
        out *= MatrixElement(draw(st.sampled_from(VECS[dims[k]])), idx[k], 0)
    lims = [(s_, 0, d_ - 1) for s_, d_ in zip(idx, dims)]
    return sp.Sum(out, *lims)


def chains_fallback():
    i = sp.Symbol("c0", integer=True)
    return sp.Sum(MatrixElement(A, i, i), (i, 0, n - 1))


@st.composite
def indexed_sums(draw):
    kind = draw(st.sampled_from(["chain", "chain", "cycle", "chain2", "plain", "square", "two"]))
    if kind == "chain":
        return draw(chains())
    if kind == "cycle":
        return draw(chains(closed=True))
    if kind == "chain2":
        return draw(chains()) * draw(chains()) + draw(st.integers(-2, 2)) * draw(chains())
    if kind == "square":  # an inner sum, squared, times entries, summed
        return _sum(draw(products()) * _sum(draw(products())) ** 2)
    e = _sum(draw(products()))
    if kind == "two":
        e = e + _sum(draw(products()))
    return e


def brute(e, env, sizes):
    """Evaluate a (nested) sum of entry products by looping over every index value."""
    if isinstance(e, sp.Sum):
        f, lims = e.function, e.limits
        total = 0
        ranges = [range(int(lo.xreplace(sizes)), int(hi.xreplace(sizes)) + 1) for _, lo, hi in lims]
        for vals in product(*ranges):
            total += brute(f.subs({lim[0]: v for lim, v in zip(lims, vals)}, simultaneous=True), env, sizes)
        return total
    if isinstance(e, MatrixElement):
        return value(e.parent, env, sizes)[int(e.i), int(e.j)]
    if isinstance(e, sp.Add):
        return sum(brute(t, env, sizes) for t in e.args)
    if isinstance(e, sp.Mul):
        out = 1
        for t in e.args:
            out *= brute(t, env, sizes)
        return out
    if isinstance(e, sp.Pow):
        return brute(e.base, env, sizes) ** int(e.exp)
    return int(e.xreplace(sizes))


class Env(dict):
    def __init__(self, rng):
        super().__init__()
        self.rng = rng

    def __missing__(self, key):
        name, r, c, _ = key
        if name == "a":
            V = self.rng.choice([-1, 1], size=(r, c)).astype(object)
        else:
            V = self.rng.integers(-3, 4, size=(r, c)).astype(object)
        self[key] = V
        return V


@SETTINGS
@given(indexed_sums(), st.integers(0, 2**32 - 1), st.booleans())
def test_converted_sums_equal_brute_force(e, seed, units):
    try:
        conv = as_matrix_expression(e, (a,) if units else ())
    except TypeError:
        STATS["refused"] += 1
        return
    STATS["converted"] += 1
    rng = np.random.default_rng(seed)
    for sizes in SIZES:
        env = Env(rng)
        got = value(conv, env, sizes)
        got = got[0, 0] if isinstance(got, np.ndarray) else got
        assert got == brute(e, env, sizes), f"{e} -> {conv}"


def test_the_indexed_battery_converts_most_sums():
    if not STATS:
        test_converted_sums_equal_brute_force()
    assert STATS["converted"] >= 60, dict(STATS)


def test_proved_equal_on_sums_is_sound_on_examples():
    i, j = I_N[:2]
    full = ((i, 0, n - 1), (j, 0, n - 1))
    assert proved_equal(sp.Sum(x[i, 0] * A[i, j] * u[j, 0], *full), (x.T * A * u)[0, 0])[0]
    assert not proved_equal(sp.Sum(x[i, 0] * A[j, i] * u[j, 0], *full), (x.T * A * u)[0, 0])[0]
    assert proved_equal(sp.Sum(a[i, 0] ** 2 * x[i, 0] ** 2, (i, 0, n - 1)), (x.T * x)[0, 0], units=[a])[0]
    assert not proved_equal(sp.Sum(a[i, 0] * x[i, 0] ** 2, (i, 0, n - 1)), (x.T * x)[0, 0], units=[a])[0]


def test_a_coefficient_that_depends_on_the_index_is_refused():
    i = I_N[0]
    for bad in (sp.Sum(i * x[i, 0] * u[i, 0], (i, 0, n - 1)),
                sp.Sum(sp.KroneckerDelta(i, 0) * x[i, 0] * u[i, 0], (i, 0, n - 1)),
                sp.Sum(x[i, 0] * u[i, 0], (i, 1, n - 1)),  # not the full range
                sp.Sum(x[i, 0] * u[i, 0], (i, 0, m - 1))):  # the range of another size
        try:
            ok = proved_equal(bad, (x.T * u)[0, 0])[0]
        except TypeError:
            ok = False
        assert not ok, bad
