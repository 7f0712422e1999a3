"""Reusable checks: each takes (statement, ctx) and returns an Outcome."""
