"""Benchmark: the empirical NTK ΦΦᵀ of the two-layer network (8.78).

n = 256 inputs, d = 64, width m = 16,384 (Φ is 256 × 1,048,576), σ = (√π/2)·erf (σ' = exp(−z²)).
Three timings in one run, reported as ratios:

  structured    numeric.chapter8.ntk.TwoLayer.ntk: (XXᵀ) ∘ (SSᵀ)/m with S = σ'(XWᵀ), the formula (8.92)
  materialised  the Jacobian Φ formed (numeric.chapter8.ntk.TwoLayer.jacobian, 2.1 GB) and ΦΦᵀ by one product
  floor         the two matrix products XWᵀ and SSᵀ plus one elementwise pass for σ' (nothing else)

Targets: materialised / structured ≥ 20, structured / floor ≤ 1.5.
Run: python benchmarks/bench_ntk.py   (prints a table, writes nothing)
"""
from __future__ import annotations

import pathlib
import platform
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from numeric.chapter8 import ntk as nn

from timing import best_of, best_of_interleaved  # noqa: E402

N, D, M = 256, 64, 16_384
SPEEDUP_TARGET, FLOOR_TARGET = 20.0, 1.5




def main() -> int:
    rng = np.random.default_rng(0)
    net = nn.init(M, D, rng, "erf")
    X = nn.sphere(N, D, rng)
    dsig = nn.act_fn("erf", 1)  # the same lambdified σ' the structured kernel uses

    def floor():
        S = dsig(X @ net.W.T)
        return S @ S.T

    def materialised():
        J = net.jacobian(X)
        return J @ J.T

    K_s = net.ntk(X)
    K_m = materialised()
    err = float(np.max(np.abs(K_s - K_m)) / np.max(np.abs(K_m)))

    t_floor, t_struct = best_of_interleaved([floor, lambda: net.ntk(X)], number=3, repeat=5)
    t_mat = best_of(materialised, number=1, repeat=2)

    speedup, over_floor = t_mat / t_struct, t_struct / t_floor
    print(f"python {platform.python_version()}, numpy {np.__version__}, n = {N}, d = {D}, m = {M}, "
          f"Φ is {N} × {M * D:,} ({N * M * D * 8 / 2**30:.1f} GiB)")
    print(f"relative difference structured vs materialised ΦΦᵀ: {err:.1e}")
    print(f"{'floor: XWᵀ, σ′ pass, SSᵀ':40s} {t_floor * 1e3:10.1f} ms")
    print(f"{'structured (XXᵀ)∘(SSᵀ)/m':40s} {t_struct * 1e3:10.1f} ms")
    print(f"{'materialised Jacobian, then ΦΦᵀ':40s} {t_mat * 1e3:10.1f} ms")
    print(f"materialised / structured = {speedup:.0f}x  (target ≥ {SPEEDUP_TARGET:.0f}x: "
          f"{'ok' if speedup >= SPEEDUP_TARGET else 'MISSED'})")
    print(f"structured / floor = {over_floor:.2f}x  (target ≤ {FLOOR_TARGET}x: {'ok' if over_floor <= FLOOR_TARGET else 'MISSED'})")
    return 0 if err < 1e-10 else 1


if __name__ == "__main__":
    sys.exit(main())
