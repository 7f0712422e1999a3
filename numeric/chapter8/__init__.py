"""numeric.chapter8"""
