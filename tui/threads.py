"""Keeping keys answered while a thread does long pure-Python work (parsing, layout).

Two things make a key wait behind such work. Python lets a thread that wants the
interpreter lock wait up to the switch interval (5 ms) each time, and the UI thread
wants it again at every step of handling a key. And the work allocates millions of
objects, which sets off full garbage collections that stop every thread for tens of
milliseconds. While the work runs, a shorter interval keeps each wait under a
millisecond, and the cyclic collector is paused (reference counting still frees
memory; what it leaves is collected when the work ends).

Both are process-wide, so they are here only because they are measured:
`benchmarks/background_work.py` times the UI thread's waits while a thread opens a
long article, with and without this. One run on 2 busy cores: 1 MB, median wait
1.3 ms with it and 11.5 ms without (95th percentile 16 and 27 ms), and the work
itself no slower (1.35 s and 1.54 s); 4 MB, median 3.5 and 8.5 ms. In
`benchmarks/open_large.py`, "j while laying out" on 1 MB went from about 35 ms with
it to about 105 ms without; either change alone kept most of that loss. Both are
undone when the last such work ends, and nothing else in wellread changes them.
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
