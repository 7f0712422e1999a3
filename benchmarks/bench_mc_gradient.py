"""Benchmark: one gradient of the matrix-completion f with a sparse Ω.

f(x) = ½‖P_Ω(zzᵀ − xxᵀ)‖², d = 20,000 and 100,000, symmetric Bernoulli(p) mask with
p·d = 50 (|Ω| ≈ 10⁶ and 5·10⁶).  Timings in one run, reported as ratios:

  sparse  numeric.chapter8.matrix_completion.Objective.gradient (O(|Ω|): W(z∘x) and W(x∘x) in one pass
          over Ω, numeric.csr_kernels, plus O(d) elementwise work)
  scipy   the same gradient from SciPy's two CSR mat-vecs (bit-identical; what it replaced)
  dense   the O(d²) NumPy reference dense_gradient (row blocks of a dense 0/1 mask), d = 20,000 only
  floor   one sparse matrix-vector product over Ω (W @ x with a CSR of ones)

Targets: dense / sparse ≥ 20, sparse / floor ≤ 1.4.
Run: python benchmarks/bench_mc_gradient.py   (prints a table, writes nothing)
"""
from __future__ import annotations

import pathlib
import platform
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from numeric.chapter8 import masks
from numeric.chapter8 import matrix_completion as mc

from timing import best_of, best_of_interleaved  # noqa: E402

D, PD, SPEEDUP_TARGET, FLOOR_TARGET = 20_000, 50, 20.0, 1.4
LARGE_D = 100_000





def floor_ratios(d: int, rng) -> tuple:
    """(mask, objective, x, floor seconds, sparse / floor, scipy two mat-vecs / floor) at one d."""
    mask = masks.bernoulli(d, PD / d, rng)
    z = mc.incoherent_unit_vector(d, 2.0, rng)
    x = rng.standard_normal(d) / np.sqrt(d)
    ob, csr = mc.Objective(z, mask), mask.csr
    scipy_two = lambda: -2.0 * (z * (csr @ (z * x)) - x * (csr @ (x * x)))  # noqa: E731
    assert np.array_equal(ob.gradient(x), scipy_two())
    t_floor, t_sparse, t_scipy = best_of_interleaved([lambda: csr @ x, lambda: ob.gradient(x), scipy_two],
                                                     number=10, repeat=30)
    return mask, ob, z, x, t_floor, t_sparse / t_floor, t_scipy / t_floor


def main() -> int:
    rng = np.random.default_rng(0)
    mask, ob, z, x, t_floor, over_floor, scipy_over = floor_ratios(D, rng)
    W = np.zeros((D, D), dtype=bool)  # 400 MB; the dense reference multiplies it in row blocks
    W[mask.rows, mask.cols] = True
    g_sparse = ob.gradient(x)
    g_dense = mc.dense_gradient(W, z, x)
    err = float(np.max(np.abs(g_sparse - g_dense)) / np.max(np.abs(g_dense)))
    t_sparse = over_floor * t_floor
    t_dense = best_of(lambda: mc.dense_gradient(W, z, x), number=1, repeat=3)
    del W
    big = floor_ratios(LARGE_D, rng)

    speedup = t_dense / t_sparse
    print(f"python {platform.python_version()}, numpy {np.__version__}, p·d = {PD}")
    print(f"relative difference sparse vs dense gradient (d = {D}): {err:.1e}")
    print(f"{'d':>8} {'|Ω|':>9} {'floor (one mat-vec)':>20} {'sparse / floor':>15} {'SciPy 2 mat-vecs / floor':>25}")
    ok = True
    for d, (m, _, _, _, tf, r, rs) in ((D, (mask, 0, 0, 0, t_floor, over_floor, scipy_over)), (LARGE_D, big)):
        ok &= r <= FLOOR_TARGET
        print(f"{d:>8} {m.nnz:>9} {tf * 1e3:>17.3f} ms {r:>14.2f}x {rs:>24.2f}x")
    print(f"dense / sparse = {speedup:.0f}x at d = {D}  (target ≥ {SPEEDUP_TARGET:.0f}x: "
          f"{'ok' if speedup >= SPEEDUP_TARGET else 'MISSED'})")
    print(f"sparse / floor ≤ {FLOOR_TARGET}x at both sizes: {'ok' if ok else 'MISSED'}")
    return 0 if err < 1e-10 else 1


if __name__ == "__main__":
    sys.exit(main())
