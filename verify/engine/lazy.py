"""Statements built on first use, so that declaring a claim runs no SymPy.

A claim module declares ``statement=lazy(lambda: _grad_stmt(2 * (M - x * x.T) * x))``
instead of building the SymPy objects at import; the runner calls :func:`force` on a
statement just before handing it to the check, and the value is built once and kept.
Importing every claim module (pytest collection, ``verify check``) then costs the
imports, not the derivations.
"""
from __future__ import annotations

import threading
from typing import Any, Callable

_UNSET = object()


class Lazy:
    """A value computed by ``fn()`` on first :meth:`force`, then kept."""

    __slots__ = ("fn", "_value", "_lock")

    def __init__(self, fn: Callable[[], Any]):
        self.fn = fn
        self._value = _UNSET
        self._lock = threading.Lock()

    def force(self) -> Any:
        if self._value is _UNSET:
            with self._lock:
                if self._value is _UNSET:
                    self._value = self.fn()
        return self._value

    def __repr__(self) -> str:  # stable across runs: where it was declared, not an address
        code = getattr(self.fn, "__code__", None)
        where = f"{code.co_filename.rsplit('/', 1)[-1]}:{code.co_firstlineno}" if code else repr(self.fn)
        return f"lazy({where})"


def lazy(fn: Callable[[], Any]) -> Lazy:
    return Lazy(fn)


def force(value: Any) -> Any:
    """The value itself, or a Lazy's computed value."""
    return value.force() if isinstance(value, Lazy) else value
