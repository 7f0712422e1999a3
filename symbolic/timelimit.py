"""A wall-clock limit that actually interrupts SymPy (Gröbner bases, decompositions).

``deadline(seconds)`` arms a real-time interval timer (``signal.setitimer``); when it fires, the
handler raises ``TimeLimit`` inside whatever pure-Python SymPy loop is running.  ``TimeLimit``
derives from ``BaseException``, so SymPy's own ``except Exception`` clauses cannot swallow it.
Nested deadlines keep the earliest one.  Signals reach only the main thread: off the main thread
(or where SIGALRM does not exist) the block runs without a limit and ``deadline`` yields False, so
the caller can say so.  A C extension that never returns to the interpreter is not interrupted
until it does.
"""
from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager


class TimeLimit(BaseException):
    """The wall-clock limit of a ``deadline`` block ran out."""


_stack: list[float] = []  # absolute monotonic end times of the active deadlines, innermost last


# After the limit the timer keeps firing every _REPEAT seconds until the block exits: SymPy has bare ``except:``
# clauses, and a TimeLimit raised inside one is swallowed (a one-shot timer then never fires again: the block ran
# on without a limit; CI saw a 1 s limit let a Gröbner basis run for 10+ minutes)
_REPEAT = 0.2


def _handler(signum, frame):  # noqa: ARG001
    if not _stack:  # no deadline is active (a late tick): stop the timer
        signal.setitimer(signal.ITIMER_REAL, 0)
        return
    raise TimeLimit("time limit reached")


def _disarm() -> None:
    """Stop the timer, even if its last tick raises while we do (then try again)."""
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            return
        except TimeLimit:
            continue


def available() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def deadline(seconds: float | None):
    """Run the block under a wall-clock limit; yields True when the limit is enforced."""
    if seconds is None or seconds <= 0 or not available():
        yield False
        return
    now = time.monotonic()
    end = now + seconds
    outer = _stack[-1] if _stack else None
    if outer is not None and outer <= end:  # an enclosing deadline comes first: it stays armed
        _stack.append(outer)
        try:
            yield True
        finally:
            _stack.pop()
        return
    old = signal.signal(signal.SIGALRM, _handler)
    _stack.append(end)
    signal.setitimer(signal.ITIMER_REAL, max(end - now, 1e-3), _REPEAT)
    try:
        yield True
    finally:
        _disarm()
        _stack.pop()
        signal.signal(signal.SIGALRM, old)
        if _stack:  # re-arm the enclosing deadline
            left = _stack[-1] - time.monotonic()
            if left <= 0:
                raise TimeLimit("time limit reached")
            signal.setitimer(signal.ITIMER_REAL, left, _REPEAT)


def remaining() -> float | None:
    """Seconds left under the innermost active deadline (None: no limit)."""
    return None if not _stack else max(_stack[-1] - time.monotonic(), 0.0)
