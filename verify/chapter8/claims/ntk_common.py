"""Shared helpers of the §8.4 claims (no claims here): matrix strategies, fits, cached experiments."""
from __future__ import annotations

import numpy as np
import sympy as sp
from hypothesis import strategies as st

from numeric.stats import SeedFit, judge_exponent

from verify.engine.rates import pooled_fit  # noqa: F401  (the claims' fit)

SECTION = "8.4"


def orthogonal(rng: np.random.Generator, k: int) -> np.ndarray:
    Q, R = np.linalg.qr(rng.standard_normal((k, k)))
    return Q * np.sign(np.diag(R))


def matrix_from_svd(svals, n: int, p: int, rng: np.random.Generator) -> np.ndarray:
    """An n×p matrix (n ≤ p) with the given n singular values and Haar singular vectors."""
    U, V = orthogonal(rng, n), orthogonal(rng, p)
    S = np.zeros((n, p))
    S[np.arange(n), np.arange(n)] = svals
    return U @ S @ V.T


@st.composite
def phi_matrices(draw, full_rank: bool = True, n_max: int = 4, p_max: int = 6, wide_only: bool = True):
    """Φ ∈ ℝ^{n×p} with a spectrum drawn on purpose: repeated, clustered, tiny, huge singular values.

    ``wide_only``: n ≤ p (the overparametrised setting of Lemma 8.25); otherwise p < n also occurs.
    ``full_rank``: all n singular values > 0.
    """
    n = draw(st.integers(1, n_max))
    lo_p = n if wide_only else 1
    p = draw(st.integers(lo_p, max(lo_p, p_max)))
    k = min(n, p)
    kind = draw(st.sampled_from(["generic", "repeated", "tiny", "huge", "clustered"]))
    base = draw(st.lists(st.floats(0.05, 3.0), min_size=k, max_size=k))
    if kind == "repeated":
        base = [base[0]] * k
    elif kind == "tiny":
        base[-1] = draw(st.floats(1e-3, 1e-2))
    elif kind == "huge":
        base = [b * draw(st.sampled_from([10.0, 100.0])) for b in base]
    elif kind == "clustered":
        base = [base[0] * (1 + 1e-3 * i) for i in range(k)]
    if not full_rank and k > 1 and draw(st.booleans()):
        base[-1] = 0.0
    seed = draw(st.integers(0, 2**31 - 1))
    rng = np.random.default_rng(seed)
    U, V = orthogonal(rng, n), orthogonal(rng, p)
    S = np.zeros((n, p))
    S[np.arange(k), np.arange(k)] = sorted(base, reverse=True)
    return U @ S @ V.T


def show_matrix(M: np.ndarray, digits: int = 6):
    return np.round(np.asarray(M, float), digits).tolist()


def curves(runs, x_of, y_of) -> list[tuple[list, list]]:
    """One (x, y) curve per seed's rows: ``x_of(row)``, ``y_of(row)``."""
    return [([x_of(r) for r in rows], [y_of(r) for r in rows]) for rows in runs]


def agrees(sf: SeedFit, value: float, relation: str = "=") -> bool:
    """The pooled interval is consistent with ``value`` in the sense of ``relation`` (no widening)."""
    return judge_exponent(sf, value, relation).holds is True


def excludes(sf: SeedFit, value: float, relation: str = "=") -> bool:
    """The pooled interval excludes ``value`` by more than the finite range explains."""
    return judge_exponent(sf, value, relation).holds is False


def exact_svals(Phi: sp.Matrix) -> list:
    """Exact singular values² of a rational n×p (n ≤ p) matrix: the eigenvalues of ΦΦᵀ."""
    return sorted((Phi * Phi.T).eigenvals(multiple=True), key=lambda e: float(e))


def rational_orthogonal(a: int, b: int) -> sp.Matrix:
    """A rotation with rational entries from the Pythagorean triple of (a, b)."""
    c2 = a * a + b * b
    c, s = sp.Rational(a * a - b * b, c2), sp.Rational(2 * a * b, c2)
    return sp.Matrix([[c, -s], [s, c]])


def scale_sizes(base: list[int], scale: int, extra: list[int]) -> list[int]:
    """Width grids: ``base`` in ci; base + extra once the profile scales up."""
    return list(base) + (list(extra) if scale > 1 else [])
