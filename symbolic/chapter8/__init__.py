"""symbolic.chapter8"""
