"""Rank-1 matrix completion in numbers: f(x) = ½‖P_Ω(zzᵀ − xxᵀ)‖_F² with a sparse Ω.

The f-side kernels (value, gradient, Hessian-vector product, Hessian quadratic form,
Hessian) are hand-written over the coordinate list of Ω, O(|Ω|) each: SymPy does not
derive sparse code.  tests/test_mc_numeric.py ties each of them to the SymPy derivation
(symbolic.chapter8.matrix_completion.Instance at d = 3 with concrete numbers) and to a dense NumPy
version (``dense_*`` below, the O(d²) reference the benchmark compares against).

The g-side (g(x) = ½‖zzᵀ − xxᵀ‖², the PCA objective with M = zzᵀ) is lambdified from
symbolic.chapter8.pca with M = zzᵀ substituted, so it never forms a d × d matrix.

Formulas (symmetric Ω; R = P_Ω(zzᵀ − xxᵀ), S = P_Ω(vxᵀ + xvᵀ)):
  ∇f(x) = −2Rx                       (independent Ω: −(R + Rᵀ)x)
  ∇²f(x)v = 2Sx − 2Rv                (independent Ω: (S + Sᵀ)x − (R + Rᵀ)v)
  ⟨v, ∇²f(x)v⟩ = ‖S‖² − 2⟨R, vvᵀ⟩    ((8.17), both mask models)
Because R = P_Ω(M) − P_Ω(xxᵀ) and (P_Ω(xxᵀ)y)_i = x_i (W(x∘y))_i, the gradient is two
sparse mat-vecs with fixed data (P_Ω(M)x and W x²) and the HVP three: no per-call
gathers over Ω (see benchmarks/bench_mc_gradient.py).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np
import scipy.sparse as sps
import sympy as sp

from numeric.chapter8.masks import Mask


# --- instances ---------------------------------------------------------------------------------
def incoherent_unit_vector(d: int, mu: float, rng: np.random.Generator) -> np.ndarray:
    """A unit vector with ‖u‖_∞ ≤ μ/√d (Definition 8.12), random signs and magnitudes.

    A Gaussian direction g is mapped to min(s|gᵢ|, μ/√d)·sign(gᵢ) with the scale s chosen
    so that the result has norm one (water-filling); μ = 1 forces the flat ±1/√d.
    """
    if mu < 1:
        raise ValueError("no unit vector has ‖u‖_∞ < 1/√d (μ ≥ 1 always)")
    try:  # the shared sampler, once another engineer has committed it
        from numeric import instances  # type: ignore

        if hasattr(instances, "incoherent_unit_vectors"):
            out = np.asarray(instances.incoherent_unit_vectors(rng, 1, d, mu)).reshape(-1)
            if out.shape == (d,) and np.max(np.abs(out)) <= mu / np.sqrt(d) + 1e-12:
                return out
    except Exception:  # noqa: BLE001 - the fallback below is exact
        pass
    cap = mu / np.sqrt(d)
    g = rng.standard_normal(d)
    a = np.abs(g) + 1e-300
    if mu == 1:
        return np.sign(g) / np.sqrt(d)
    lo, hi = 0.0, cap / a.min()
    for _ in range(200):
        s = 0.5 * (lo + hi)
        if np.sum(np.minimum(s * a, cap) ** 2) < 1:
            lo = s
        else:
            hi = s
    u = np.minimum(hi * a, cap)
    u /= np.linalg.norm(u)
    u = np.minimum(u, cap)
    return np.sign(g) * u / np.linalg.norm(u) if np.linalg.norm(u) > 0 else u


def coherence(u: np.ndarray) -> float:
    """μ(u) = √d ‖u‖_∞ / ‖u‖ (the smallest μ for which u/‖u‖ is incoherent)."""
    return float(np.sqrt(u.size) * np.max(np.abs(u)) / np.linalg.norm(u))


def basis_vector(d: int, i: int = 0) -> np.ndarray:
    e = np.zeros(d)
    e[i] = 1.0
    return e


# --- the f-side kernels ---------------------------------------------------------------------------
class Objective:
    """f for one (z, Ω).  All methods take 1-D float arrays of length d."""

    def __init__(self, z: np.ndarray, mask: Mask):
        self.z = np.asarray(z, dtype=float)
        self.mask = mask
        self.d = mask.d
        self.p = mask.p
        self.rows, self.cols = mask.rows, mask.cols
        self.m = self.z[self.rows] * self.z[self.cols]  # M_ij on Ω
        # M = zzᵀ, so P_Ω(M)v = z∘(W(z∘v)): every product goes through the one 0/1 matrix W of Ω,
        # which a 2-core machine's cache holds once (a second matrix P_Ω(M) made gradients ~1.5× slower)
        self._W = mask.csr
        self._pattern = None  # W's pattern for the one-pass gradient, made on first use

    def _PM(self, v: np.ndarray, transpose: bool = False) -> np.ndarray:
        """P_Ω(M)v, or P_Ω(M)ᵀv, without forming P_Ω(M)."""
        W = self._W.T if transpose else self._W
        return self.z * (W @ (self.z * v))

    def residual(self, x: np.ndarray) -> np.ndarray:
        """(M − xxᵀ)_ij on Ω."""
        return self.m - x[self.rows] * x[self.cols]

    def value(self, x: np.ndarray) -> float:
        r = self.residual(x)
        return 0.5 * float(r @ r)

    def gradient(self, x: np.ndarray) -> np.ndarray:
        # (P_Ω(R)x)_i = (P_Ω(M)x)_i − x_i (W x²)_i = z_i (W(z∘x))_i − x_i (W x²)_i: two mat-vecs over W
        if self.mask.symmetric:  # both in one pass over Ω (numeric.csr_kernels), bit-identical to SciPy's two
            if self._pattern is None:
                from numeric.csr_kernels import Pattern

                self._pattern = Pattern(self._W)
            Wzx, Wx2 = self._pattern.matvec2(self.z * x, x * x)
            return -2.0 * (self.z * Wzx - x * Wx2)
        Mx, Wx2 = self._PM(x), self._W @ (x * x)
        return -(Mx - x * Wx2) - (self._PM(x, transpose=True) - x * (self._W.T @ (x * x)))

    def value_and_gradient(self, x: np.ndarray) -> tuple[float, np.ndarray]:
        return self.value(x), self.gradient(x)

    def hvp(self, x: np.ndarray, v: np.ndarray) -> np.ndarray:
        """∇²f(x) v = 2Sx − 2Rv = 2v∘(Wx²) + 4x∘(W(x∘v)) − 2P_Ω(M)v (symmetric Ω)."""
        W, x2, xv = self._W, x * x, x * v
        if self.mask.symmetric:
            return 2.0 * v * (W @ x2) + 4.0 * x * (W @ xv) - 2.0 * self._PM(v)
        WT = W.T
        Sx = v * (W @ x2) + x * (W @ xv) + x * (WT @ xv) + v * (WT @ x2)
        Rv = self._PM(v) - x * (W @ xv) + self._PM(v, transpose=True) - x * (WT @ xv)
        return Sx - Rv

    def hessian_form(self, x: np.ndarray, v: np.ndarray) -> float:
        """⟨v, ∇²f(x) v⟩ = ‖P_Ω(vxᵀ + xvᵀ)‖² − 2⟨P_Ω(M − xxᵀ), vvᵀ⟩ (8.17)."""
        s = v[self.rows] * x[self.cols] + x[self.rows] * v[self.cols]
        return float(s @ s - 2.0 * (self.residual(x) @ (v[self.rows] * v[self.cols])))

    def hessian_sparse(self, x: np.ndarray) -> sps.csr_matrix:
        """∇²f(x) as a sparse matrix (pattern of Ω plus the diagonal)."""
        rows, cols = self.rows, self.cols
        r = self.residual(x)
        xx = x[rows] * x[cols]
        pat = (self.mask.csr.indices, self.mask.csr.indptr)
        R = sps.csr_matrix((r, *pat), shape=(self.d, self.d))
        X = sps.csr_matrix((xx, *pat), shape=(self.d, self.d))
        x2 = x * x
        if self.mask.symmetric:
            return (-2.0 * R + 2.0 * sps.diags(self.mask.csr @ x2) + 2.0 * X).tocsr()
        W = self.mask.csr
        diag = W @ x2 + W.T @ x2
        return (-(R + R.T) + sps.diags(diag) + X + X.T).tocsr()

    def hessian(self, x: np.ndarray) -> np.ndarray:
        return self.hessian_sparse(x).toarray()

    def lambda_min(self, x: np.ndarray) -> float:
        """Smallest eigenvalue of ∇²f(x) (dense for d ≤ 600, Lanczos above)."""
        if self.d <= 600:
            return float(np.linalg.eigvalsh(self.hessian(x))[0])
        from scipy.sparse.linalg import eigsh

        H = self.hessian_sparse(x)
        shift = float(abs(H).sum(axis=1).max())  # Gershgorin: H + shift·I ⪰ 0; its top eigenvalue is easy
        val = eigsh(shift * sps.identity(self.d) - H, k=1, which="LA", return_eigenvectors=False, tol=1e-8,
                   v0=np.random.default_rng(0).standard_normal(self.d))[0]  # fixed start: reproducible digits
        return float(shift - val)

    # Lemma 8.17-type sums ⟨P_Ω(uuᵀ), vvᵀ⟩ = Σ_Ω u_i u_j v_i v_j
    def masked_inner(self, u: np.ndarray, v: np.ndarray) -> float:
        a = u * v
        return float(a[self.rows] @ a[self.cols])


# --- dense NumPy references (O(d²); for tests and the benchmark) --------------------------------------
def dense_value(W: np.ndarray, z: np.ndarray, x: np.ndarray) -> float:
    R = W * (np.outer(z, z) - np.outer(x, x))
    return 0.5 * float(np.sum(R * R))


def dense_gradient(W: np.ndarray, z: np.ndarray, x: np.ndarray, block: int = 2048) -> np.ndarray:
    """−(P_Ω(R) + P_Ω(R)ᵀ)x with R = zzᵀ − xxᵀ, row blocks of the dense d × d mask W."""
    d = W.shape[0]
    out = np.zeros(d)
    for a in range(0, d, block):
        b = min(d, a + block)
        Rb = W[a:b] * (np.outer(z[a:b], z) - np.outer(x[a:b], x))
        out[a:b] -= Rb @ x
        out -= Rb.T @ x[a:b]
    return out


def dense_hvp(W: np.ndarray, z: np.ndarray, x: np.ndarray, v: np.ndarray) -> np.ndarray:
    R = W * (np.outer(z, z) - np.outer(x, x))
    S = W * (np.outer(v, x) + np.outer(x, v))
    return (S + S.T) @ x - (R + R.T) @ v


# --- the g-side, lambdified from symbolic.chapter8.pca with M = zzᵀ ----------------------------------------------
@lru_cache(maxsize=None)
def _g_functions():
    from symbolic.chapter8 import pca
    from numeric.batch_lambdify import batch_lambdify

    S = pca.SYMBOLS
    z = sp.MatrixSymbol("z", S.d, 1)
    sub = {S.M: z * z.T}
    grad = pca.gradient_generic().subs(sub).doit()
    hform = pca.hessian_quadratic_form_generic()[1].subs(sub).doit()
    value = pca.objective_generic().subs(sub).doit()
    return {
        "value": batch_lambdify([z, S.x], value),
        "gradient": batch_lambdify([z, S.x], grad),
        "grad_form": batch_lambdify([z, S.x, S.v], (S.v.T * grad).doit()),
        "hessian_form": batch_lambdify([z, S.x, S.v], hform),
    }


def _b(a):
    a = np.asarray(a, dtype=float)
    return a[None] if a.ndim == 1 else a


def g_value(z, x) -> np.ndarray:
    return _g_functions()["value"](_b(z), _b(x))


def g_gradient(z, x) -> np.ndarray:
    """∇g(x) = −2(zzᵀ − xxᵀ)x, (B, d)."""
    return _g_functions()["gradient"](_b(z), _b(x))[..., 0]


def g_grad_form(z, x, v) -> np.ndarray:
    """⟨v, ∇g(x)⟩, (B,)."""
    return _g_functions()["grad_form"](_b(z), _b(x), _b(v))


def g_hessian_form(z, x, v) -> np.ndarray:
    """⟨v, ∇²g(x) v⟩, (B,)."""
    return _g_functions()["hessian_form"](_b(z), _b(x), _b(v))


# --- Ω-dependent incoherent vectors: dense (or sparse) subgraphs of the mask ------------------------------
def extreme_subgraph(mask: Mask, k: int, rng: np.random.Generator, maximize: bool = True,
                     iters: int = 30, starts: int = 3) -> tuple[np.ndarray, float]:
    """A set S of k indices whose observed pair count e(S) = 1_Sᵀ W 1_S is large (or small).

    Greedy power iteration S ← top-k of W 1_S from a few starts.  Then u = 1_S/√k is a
    unit vector with ‖u‖_∞ = 1/√k, i.e. incoherent with μ = √(d/k), chosen AFTER seeing Ω:
    the deviation e(S)/(p k²) − 1 = ⟨P_Ω(uuᵀ), uuᵀ⟩/p − ‖u‖⁴ is what a uniform (not fixed-pair)
    version of Lemma 8.17 must control.  Returns (S, relative deviation).
    """
    W = mask.csr
    d = mask.d
    sign = 1.0 if maximize else -1.0
    best_S, best = None, -np.inf
    deg = np.asarray(W.sum(axis=1)).ravel()
    inits = [np.argsort(-sign * deg + 1e-9 * rng.random(d))[:k]]
    inits += [rng.choice(d, size=k, replace=False) for _ in range(starts - 1)]
    for S in inits:
        ind = np.zeros(d)
        ind[S] = 1.0
        for _ in range(iters):
            score = W @ ind
            newS = np.argpartition(-sign * score - 1e-9 * rng.random(d), k - 1)[:k]
            new = np.zeros(d)
            new[newS] = 1.0
            if np.array_equal(new, ind):
                break
            ind = new
        e = float(ind @ (W @ ind))
        val = sign * (e / (mask.p * k * k) - 1.0)
        if val > best:
            best, best_S = val, np.flatnonzero(ind)
    return best_S, sign * best
