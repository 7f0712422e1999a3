"""One BLAS thread while a value is computed, whatever the environment or the import order.

OpenBLAS splits a product over its threads and sums the parts in another order than one
thread does, so the same cell gives other low bits with another thread count; a count (the
ReLU patterns that changed, §8.4.2 lazy training) then moves, and a fit moves in its fourth
digit.  ``verify/__init__`` sets OPENBLAS_NUM_THREADS=1 before NumPy loads, but only when it is
imported first and the variable is unset: a process that imported NumPy earlier (a pytest
plugin, a Dask worker, a notebook) computed with every core, and its cells went into the shared
cache.  ``one_thread()`` sets the thread count of every OpenBLAS loaded in this process to 1
through its own API (as threadpoolctl does), and restores it afterwards.
"""
from __future__ import annotations

import ctypes
from contextlib import contextmanager

_SETTERS = ("openblas_set_num_threads", "scipy_openblas_set_num_threads64_", "scipy_openblas_set_num_threads",
            "openblas_set_num_threads64_", "scipy_openblas_set_num_threads_")
_GETTERS = ("openblas_get_num_threads", "scipy_openblas_get_num_threads64_", "scipy_openblas_get_num_threads",
            "openblas_get_num_threads64_", "scipy_openblas_get_num_threads_")
_libs: dict[str, tuple] = {}


def _loaded() -> list[tuple]:
    """(get, set) of every OpenBLAS mapped into this process (read from /proc/self/maps; none elsewhere)."""
    try:
        with open("/proc/self/maps") as fh:
            paths = {ln.split()[-1] for ln in fh if "openblas" in ln.lower() and ".so" in ln}
    except OSError:  # pragma: no cover - not Linux
        return []
    for path in paths - _libs.keys():
        funcs = None
        try:
            lib = ctypes.CDLL(path)
            get = next((getattr(lib, n) for n in _GETTERS if hasattr(lib, n)), None)
            put = next((getattr(lib, n) for n in _SETTERS if hasattr(lib, n)), None)
            if get is not None and put is not None:
                get.restype, put.argtypes = ctypes.c_int, [ctypes.c_int]
                funcs = (get, put)
        except OSError:
            pass
        _libs[path] = funcs
    return [f for f in _libs.values() if f is not None]


def threads() -> list[int]:
    """The thread count of each loaded OpenBLAS."""
    return [get() for get, _ in _loaded()]


@contextmanager
def one_thread():
    libs = _loaded()
    old = [get() for get, _ in libs]
    for _, put in libs:
        put(1)
    try:
        yield
    finally:
        for (_, put), n in zip(libs, old):
            put(n)
