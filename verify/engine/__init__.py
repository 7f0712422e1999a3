"""verify.engine"""
