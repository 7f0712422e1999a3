"""nonconvex-verify: claims, runner, report and CLI for Chapter 8."""
import os as _os

# One BLAS thread per process, set before NumPy loads: a float result must not depend on the core
# count (OpenBLAS sums in a different order with more threads), so serial, process and Dask runs
# agree to the bit; the executors parallelise over claims and sweep cells instead.
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_v, "1")
