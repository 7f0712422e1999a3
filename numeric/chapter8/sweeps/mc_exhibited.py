"""The global minima far from ±z that exist by construction on fresh instances of the §8.3.2 grid.

Theorems 8.14 and 8.23 count them next to the optimizer runs (numeric.chapter8.sweeps.mc_recovery): an
unobserved row i gives f(z + e_i) = 0, and for z = e₁ an unobserved corner gives f(0) = 0.  One
cell per variant (incoherent or coherent z, the p·d of the variant); kept apart from the optimizer
sweep so that neither's cache entries depend on the other's source.
"""
from __future__ import annotations

from numeric.chapter8 import mc_recovery as mr
from numeric.sweeps.core import Cell, cell
from numeric.chapter8.sweeps.mc_recovery import grid


def exhibited(seed: int, scale: int, coherent: bool, pds: tuple) -> tuple:
    """(d, p·d, instance, distance of a far global minimum or None) per instance (numeric.chapter8.mc_recovery)."""
    g = grid(scale)
    return tuple(mr.exhibited_minima(seed, g["ds"], pds, g["n"], coherent=coherent))


def exhibited_cell(seed: int, scale: int, coherent: bool, pds: tuple) -> Cell:
    return cell(exhibited, seed, cost=0.1, scale=scale, coherent=bool(coherent), pds=tuple(pds))
