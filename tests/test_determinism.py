"""The same seed gives the same bits: two fresh processes computing a sweep cell agree to the last bit.

The §8.4.2 lazy-training fit ("ReLU activation patterns changed") came out −0.47511 in the committed
results.json and −0.474898 on a fresh clone.  The cause: a cell computed with OpenBLAS on two threads
(a process that imported NumPy before ``verify`` could set OPENBLAS_NUM_THREADS=1, or had the variable
set) sums its products in another order; pre-activations near zero change sign, the count of changed
ReLU patterns at widths 16384 and 65536 moves (0.004069 → 0.004140 at m = 16384), and the cell went
into the shared cache.  Cells and claims now run with one BLAS thread set through OpenBLAS' own API
(numeric.sweeps.blas), whatever the environment or the import order.  The test runs the cell twice in
fresh processes, the second in exactly that hostile setting, and compares the pickled values.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CELL = """
import sys, pickle, hashlib
if sys.argv[1] == "hostile":
    import numpy  # before verify: OPENBLAS_NUM_THREADS=2 from the environment is what OpenBLAS takes
from numeric.sweeps import blas
from numeric.chapter8.sweeps import ntk
threads = blas.threads()
c = ntk.cells("lazy", ntk.experiment_seed(0, "lazy"), 1)[0]
value = c.run()
print(hashlib.sha256(pickle.dumps(value)).hexdigest(), threads)
"""


def _fresh(mode: str, **env):
    e = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    return subprocess.Popen([sys.executable, "-c", CELL, mode], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**e, "PYTHONPATH": str(ROOT), **env})


def test_two_fresh_runs_of_a_sweep_cell_are_bit_identical():
    plain = _fresh("plain", OPENBLAS_NUM_THREADS="1")
    hostile = _fresh("hostile", OPENBLAS_NUM_THREADS="2")
    (a, ea), (b, eb) = plain.communicate(timeout=600), hostile.communicate(timeout=600)
    assert plain.returncode == 0 and hostile.returncode == 0, ea + eb
    (da, ta), (db, tb) = a.split(maxsplit=1), b.split(maxsplit=1)
    assert "2" in tb, "the hostile process really had a two-thread OpenBLAS loaded"
    assert da == db, "the same cell and seed gave other bits with another BLAS thread count"


def test_one_thread_is_set_and_restored():
    from numeric.sweeps import blas

    import numpy  # noqa: F401 - loads OpenBLAS

    before = blas.threads()
    with blas.one_thread():
        assert set(blas.threads()) <= {1}
    assert blas.threads() == before


def test_lanczos_eigenpairs_repeat_to_the_last_bit():
    """ARPACK draws a random start vector unless given one; the attack details of figure:8.6 (λ_min of the loss
    Hessian at m = 2000, by Lanczos) then differed in their last digits between two runs of one seed."""
    import numpy as np

    from numeric.optimizers.problem import Problem, bottom_eigenpair

    rng = np.random.default_rng(3)
    A = rng.standard_normal((500, 500))
    H = (A + A.T) / 2
    P = Problem(500, lambda x: 0.5 * x @ H @ x, lambda x: H @ x, hvp=lambda x, v: H @ v, name="quadratic")
    (l1, v1), (l2, v2) = bottom_eigenpair(P, np.zeros(500)), bottom_eigenpair(P, np.zeros(500))
    assert l1 == l2 and np.array_equal(v1, v2)
    assert abs(l1 - np.linalg.eigvalsh(H)[0]) < 1e-8


def test_a_claims_digits_do_not_depend_on_the_mpmath_precision_left_by_an_earlier_claim():
    """Three claims set mpmath's global precision; the claim run after them in the same worker then computed
    Lemma 8.28's certified β lower bounds at 30 digits instead of 15, and two cold reports (one worker vs two)
    differed in those digits.  β's grid now runs at a fixed precision, and every claim and cell starts at 15 digits."""
    import mpmath
    import sympy as sp

    from verify.chapter8.taylor_attacks import beta_bounds

    t = sp.Symbol("t", real=True)
    got = []
    for dps in (15, 50):
        old = mpmath.mp.dps
        mpmath.mp.dps = dps
        try:
            got.append(beta_bounds.__wrapped__(sp.log(1 + t**2), (t,))[:2])  # past the lru_cache
        finally:
            mpmath.mp.dps = old
    assert got[0] == got[1]


LANDSCAPES = """
import hashlib
from numeric.adversaries import admitted
from verify.chapter8 import linnet_attacks as LA
rows = [(m.name, repr(LA.landscape(m.name))) for m in admitted(LA.REG_K1)]
print(hashlib.sha256(repr(rows).encode()).hexdigest())
"""


def test_exact_attack_details_do_not_depend_on_the_hash_seed():
    """Two cold ci reports recorded different attack details for the linear network on Y = I₂: ``sp.solve`` returned
    other sample points of a positive-dimensional critical set depending on the string-hash seed.  Every admitted
    regression member's exact landscape is computed in two fresh processes with PYTHONHASHSEED 0 and 1 (the pair
    that differed before the fix) and must be the same to the character."""
    procs = [subprocess.Popen([sys.executable, "-c", LANDSCAPES], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": h})
             for h in ("0", "1")]
    outs = [p.communicate(timeout=600) for p in procs]
    assert all(p.returncode == 0 for p in procs), "".join(e for _o, e in outs)
    assert outs[0][0] == outs[1][0]
