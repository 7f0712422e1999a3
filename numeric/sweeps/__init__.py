"""Experiments as sweeps: grids of cells, each a pure function of parameters and a seed, cached by content."""
