"""verify/claims"""
