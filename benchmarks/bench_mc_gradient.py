"""Benchmark: one gradient of the matrix-completion f with a sparse Ω.

f(x) = ½‖P_Ω(zzᵀ − xxᵀ)‖², d = 20,000, symmetric Bernoulli(p) mask with p·d = 50
(|Ω| ≈ 10⁶).  Three timings in one run, reported as ratios:

  sparse  numeric.matrix_completion.Objective.gradient (O(|Ω|))
  dense   the O(d²) NumPy reference dense_gradient (row blocks of a dense 0/1 mask)
  floor   one sparse matrix-vector product over Ω (W @ x with a CSR of ones)

Targets: dense / sparse ≥ 20, sparse / floor ≤ 3.
Run: python benchmarks/bench_mc_gradient.py   (prints a table, writes nothing)
"""
from __future__ import annotations

import pathlib
import platform
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from numeric import masks  # noqa: E402
from numeric import matrix_completion as mc  # noqa: E402

from timing import best_of, best_of_interleaved  # noqa: E402

D, PD, SPEEDUP_TARGET, FLOOR_TARGET = 20_000, 50, 20.0, 3.0





def main() -> int:
    rng = np.random.default_rng(0)
    mask = masks.bernoulli(D, PD / D, rng)
    z = mc.incoherent_unit_vector(D, 2.0, rng)
    x = rng.standard_normal(D) / np.sqrt(D)
    ob = mc.Objective(z, mask)
    W = np.zeros((D, D), dtype=bool)  # 400 MB; the dense reference multiplies it in row blocks
    W[mask.rows, mask.cols] = True

    g_sparse = ob.gradient(x)
    g_dense = mc.dense_gradient(W, z, x)
    err = float(np.max(np.abs(g_sparse - g_dense)) / np.max(np.abs(g_dense)))

    csr = mask.csr
    t_floor, t_sparse = best_of_interleaved([lambda: csr @ x, lambda: ob.gradient(x)], number=10, repeat=30)
    t_dense = best_of(lambda: mc.dense_gradient(W, z, x), number=1, repeat=3)

    speedup, over_floor = t_dense / t_sparse, t_sparse / t_floor
    print(f"python {platform.python_version()}, numpy {np.__version__}, d = {D}, p·d = {PD}, |Ω| = {mask.nnz}")
    print(f"relative difference sparse vs dense gradient: {err:.1e}")
    print(f"{'floor: one CSR mat-vec over Ω':40s} {t_floor * 1e3:10.3f} ms")
    print(f"{'sparse gradient (O(|Ω|))':40s} {t_sparse * 1e3:10.3f} ms")
    print(f"{'dense NumPy gradient (O(d²))':40s} {t_dense * 1e3:10.3f} ms")
    print(f"dense / sparse = {speedup:.0f}x  (target ≥ {SPEEDUP_TARGET:.0f}x: {'ok' if speedup >= SPEEDUP_TARGET else 'MISSED'})")
    print(f"sparse / floor = {over_floor:.2f}x  (target ≤ {FLOOR_TARGET:.0f}x: {'ok' if over_floor <= FLOOR_TARGET else 'MISSED'})")
    return 0 if err < 1e-10 else 1


if __name__ == "__main__":
    sys.exit(main())
