"""Keeping keys answered while a thread does long pure-Python work (parsing, layout).

Two things make a key wait behind such work. Python lets a thread that wants the
interpreter lock wait up to the switch interval (5 ms) each time, and the UI thread
wants it again at every step of handling a key. And the work allocates millions of
objects, which sets off full garbage collections that stop every thread for tens of
milliseconds. While the work runs, a shorter interval keeps each wait under a
millisecond, and the cyclic collector is paused (reference counting still frees
memory; what it leaves is collected when the work ends).
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

RESPONSIVE_INTERVAL = 0.0005

_lock = threading.Lock()
_active = 0
_saved_interval = sys.getswitchinterval()
_gc_was_enabled = True


@contextmanager
def background_work() -> Iterator[None]:
    """Run long work without stalling the UI (nesting and several threads allowed)."""
    global _active, _saved_interval, _gc_was_enabled
    with _lock:
        if _active == 0:
            _saved_interval = sys.getswitchinterval()
            _gc_was_enabled = gc.isenabled()
            sys.setswitchinterval(RESPONSIVE_INTERVAL)
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                sys.setswitchinterval(_saved_interval)
                if _gc_was_enabled:
                    gc.enable()
