"""Benchmark: the project's kernels against JAX autodiff peers on CPU (optional: pip install '.[peers]').

Three kernels, each timed in alternation with its floor and its JAX peers (one thread):

  eNTK, ReLU and erf   project: numeric.chapter8.ntk.TwoLayer.ntk (structured XXᵀ ∘ SSᵀ)
                       floor:   XWᵀ, one σ′ pass, SSᵀ
                       JAX:     vmap(grad f) then JJᵀ
  MC gradient          project: numeric.chapter8.matrix_completion.Objective.gradient
                       floor:   one CSR mat-vec over Ω
                       JAX:     grad of ½Σ_Ω(M − x_i x_j)² (gathers + segment sums by autodiff)
  Hessian form         project: batch_lambdify of the PCA form (symbolic.chapter8.pca), B instances
                       floor:   the best hand NumPy (matmul + vecdot)
                       JAX:     jit(vmap(v ↦ ⟨v, jvp(grad q)(v)⟩))

Prints the ratios (slower / faster); writes nothing.  Without JAX it says so and exits 0.
Run: python benchmarks/bench_peers_jax.py
"""
from __future__ import annotations

import os
import pathlib
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")

import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from numeric.chapter8 import masks
from numeric.chapter8 import matrix_completion as mc
from numeric.chapter8 import ntk as nn

from timing import best_of_interleaved  # noqa: E402


def _row(name, t, base):
    print(f"  {name:44s} {t * 1e3:10.2f} ms   {t / base:8.2f}x")


def bench_ntk(jax, jnp, act, n, m, d=64):
    rng = np.random.default_rng(0)
    net = nn.init(m, d, rng, act)
    X = nn.sphere(n, d, rng)
    dsig = nn.act_fn(act, 1)
    c = 1 / np.sqrt(m)

    def floor():
        S = dsig(X @ net.W.T)
        return S @ S.T

    sig = {"relu": jax.nn.relu, "erf": lambda u: np.sqrt(np.pi) / 2 * jax.scipy.special.erf(u)}[act]  # as symbolic.chapter8.ntk
    a = jnp.asarray(net.a)

    def f(W, x):
        return jnp.dot(sig(W @ x), a) * c

    jac = jax.jit(jax.vmap(jax.grad(f), in_axes=(None, 0)))
    Wj, Xj = jnp.asarray(net.W), jnp.asarray(X)

    def peer():
        J = jac(Wj, Xj).reshape(n, -1)
        return np.asarray(J @ J.T)

    K = net.ntk(X)
    assert np.allclose(peer(), K, rtol=1e-8, atol=1e-10), "JAX eNTK disagrees with the structured one"
    t_floor, t_proj, t_jax = best_of_interleaved([floor, lambda: net.ntk(X), peer], number=1, repeat=3)
    print(f"eNTK {act}, n = {n}, m = {m}:")
    _row("floor (XWᵀ, σ′, SSᵀ)", t_floor, t_floor)
    _row("project (structured)", t_proj, t_floor)
    _row("JAX vmap(grad) then JJᵀ", t_jax, t_floor)


def bench_mc(jax, jnp, d, pd=50):
    rng = np.random.default_rng(0)
    z = mc.incoherent_unit_vector(d, 2.0, rng)
    ob = mc.Objective(z, masks.bernoulli(d, pd / d, rng))
    x = rng.standard_normal(d) / np.sqrt(d)
    W = ob.mask.csr
    rows, cols, mvals = (jnp.asarray(v) for v in (ob.rows, ob.cols, ob.m))

    def f(xx):
        r = mvals - xx[rows] * xx[cols]
        return 0.5 * jnp.dot(r, r)

    g = jax.jit(jax.grad(f))
    xj = jnp.asarray(x)
    assert np.allclose(np.asarray(g(xj)), ob.gradient(x), rtol=1e-9, atol=1e-12)
    t_floor, t_proj, t_jax = best_of_interleaved([lambda: W @ x, lambda: ob.gradient(x),
                                                  lambda: g(xj).block_until_ready()], number=3, repeat=5)
    print(f"MC gradient, d = {d}, p·d = {pd}:")
    _row("floor (one CSR mat-vec)", t_floor, t_floor)
    _row("project (Objective.gradient)", t_proj, t_floor)
    _row("JAX grad (gathers, autodiff)", t_jax, t_floor)


def bench_hessian_form(jax, jnp, d, B=1000):
    rng = np.random.default_rng(0)
    A = rng.standard_normal((B, d, d))
    Mb = (A + A.transpose(0, 2, 1)) / 2
    xb, vb = rng.standard_normal((B, d)), rng.standard_normal((B, d))

    def hand():
        Mv = np.matmul(Mb, vb[..., None])[..., 0]
        return 2 * np.vecdot(xb, vb) ** 2 + np.vecdot(xb, xb) * np.vecdot(vb, vb) - np.vecdot(vb, Mv)

    def g(M, x):  # the PCA objective ¼‖M − xxᵀ‖²_F up to constants: its Hessian form is the printed q
        return 0.25 * jnp.sum((M - jnp.outer(x, x)) ** 2)

    def q(M, x, v):
        return jnp.dot(v, jax.jvp(lambda y: jax.grad(g, argnums=1)(M, y), (x,), (v,))[1])

    qb = jax.jit(jax.vmap(q))
    Mj, xj, vj = jnp.asarray(Mb), jnp.asarray(xb), jnp.asarray(vb)
    assert np.allclose(np.asarray(qb(Mj, xj, vj)), hand(), rtol=1e-8, atol=1e-8 * d * d)
    t_hand, t_jax = best_of_interleaved([hand, lambda: qb(Mj, xj, vj).block_until_ready()], number=1, repeat=3)
    print(f"Hessian form, B = {B}, d = {d}:")
    _row("best hand NumPy (matmul + vecdot)", t_hand, t_hand)
    _row("JAX jit(vmap(⟨v, jvp(grad)⟩))", t_jax, t_hand)


def main() -> int:
    try:
        import jax
        import jax.numpy as jnp
    except ImportError:
        print("JAX is not installed: pip install '.[peers]' to compare against JAX autodiff (skipped)")
        return 0
    jax.config.update("jax_enable_x64", True)
    print(f"JAX {jax.__version__} on {jax.default_backend()}, float64, one thread; ratios against the floor")
    for act in ("relu", "erf"):
        bench_ntk(jax, jnp, act, 256, 1024)
    bench_mc(jax, jnp, 20_000)
    bench_hessian_form(jax, jnp, 50)
    return 0


if __name__ == "__main__":
    sys.exit(main())
