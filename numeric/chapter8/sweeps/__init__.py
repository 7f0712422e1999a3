"""numeric.chapter8.sweeps"""
