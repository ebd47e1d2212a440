"""Full garbage collections kept from walking a long article at every few keys.

A 4 MB article is about 180,000 objects that live as long as its screen. Keys that make
objects (a search's matches and outline counts, a theme's styles) set off Python's full
collection every few presses, and each walks all of them: 100 to 380 ms on the UI
thread, felt as a stuck key. So once a long article is laid out, everything alive is
frozen (`gc.freeze`): full collections then walk only what was made since.

Nothing frozen outlives its use. Every settle first unfreezes and collects, so what the
last freeze kept and is no longer used (a rendering replaced by `c`, a layout at another
width) is freed; and when a reader screen closes after a settle, everything is unfrozen,
so the collector frees its article. A settle is one full collection (about 0.1-0.4 s
with a 4 MB article open), run in a worker thread when a long layout is complete (on
opening, and after `c`). `App.on_mount` freezes the app's and library's start-up objects
(`gc.freeze`): a settle keeps them frozen; after a close they are frozen again with the
next settle.

While a long article is held so, the youngest generation is also collected less
often (`YOUNG_THRESHOLD`). At Python's default a key's few thousand new objects
(strips, styles, messages) were collected once or twice a key, and whatever was alive
then (strips being drawn, kept in a cache a moment later) moved on to the older
generations until a full collection was due. In `benchmarks/keys.py` on the 4 MB
article, three full collections on the UI thread a run (16-50 ms on the find line's
first letter, 67-72 ms on Enter opening a card) became none, in two runs each way on
the same machine. Only while a long article is held: with the app-wide setting,
closed articles' cycles waited longer for a full collection, and opening and closing
50 small articles grew peak memory by 23 MB instead of 9 (`library_scale.py`).
"""

from __future__ import annotations

import gc
import threading

# Objects made (less those freed) before the youngest generation is collected while a
# long article is held: Python's default is 700.
YOUNG_THRESHOLD = 10_000

# From this many laid-out lines (an article of about half a megabyte) its objects are
# frozen once laid out; below it a full collection is short enough not to be felt.
LONG_LINES = 10_000

_lock = threading.Lock()
_holding = False  # a settle froze a long article that may be closed since
_thresholds_before: tuple[int, ...] | None = None  # while the youngest are collected less


def settle() -> None:
    """Collect every cycle that is garbage now, then freeze what is left alive."""
    with _lock:
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def laid_out(lines: int) -> None:
    """A layout of *lines* lines is complete (called in its worker thread)."""
    global _holding
    if lines >= LONG_LINES:
        settle()
        _collect_young_less()
        _holding = True


def closed(readers_left: bool) -> None:
    """A reader screen has closed (*readers_left*: others are still open): what a
    settle froze goes back to the collector, which frees the closed article when it
    next runs. Not a settle: the closed screen may not be let go of yet, and freezing
    it again would keep it for good."""
    global _holding
    if _holding:
        with _lock:
            gc.unfreeze()
        _holding = readers_left
        if not readers_left:
            restore_thresholds()


def _collect_young_less() -> None:
    global _thresholds_before
    with _lock:
        if _thresholds_before is None:
            _thresholds_before = gc.get_threshold()
            gc.set_threshold(YOUNG_THRESHOLD, *_thresholds_before[1:])


def restore_thresholds() -> None:
    """Python's collection thresholds as they were before a long article was held (its
    last reader closed, or the app ending with it open)."""
    global _thresholds_before
    with _lock:
        if _thresholds_before is not None:
            gc.set_threshold(*_thresholds_before)
            _thresholds_before = None
