"""numeric/optimizers"""
