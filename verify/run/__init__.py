"""verify.run"""
