"""verify.faces"""
