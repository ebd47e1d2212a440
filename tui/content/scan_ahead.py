"""A folder's listing (names, sizes and times) begun in a forked process before this
one imports what reads it: `wellread list`'s look at 50,000 files overlaps its imports.

`begin` forks one child per folder, which lists it as `folder_scan.scan` does (and
stats half of a large folder in a process of its own) and writes the answer down a
pipe; `take` reads it. The child notes the folder's own time before it lists, as
`folder_entries` does before its own look, so a file added while it looked is not
taken as seen.

Forked only where stat_halves would fork (fork exists, one thread); anything amiss
with a child and `take` answers None: the caller lists the folder itself.
"""

from __future__ import annotations

import os
from array import array
from functools import partial
from pathlib import Path

from tui.content.folder_scan import Scanned, scan
from tui.content.forked import Child, can_fork, child_answer, fork_work, read_all

_SIZE = array("q").itemsize
# Listings begun and not yet taken, by folder.
_PENDING: dict[Path, Child] = {}


def begin(folders: list[Path]) -> None:
    """Begin listing each folder of *folders* that is there, each in a child."""
    for folder in folders:
        if folder not in _PENDING and can_fork() and folder.is_dir():
            child = fork_work(partial(_answer, folder))
            if child is not None:
                _PENDING[folder] = child


def _answer(folder: Path) -> bytes:
    """The folder's time, then the listing: a count, the sizes, the times, the names."""
    before = os.stat(folder).st_mtime_ns
    scanned = scan(folder)
    sizes = array("q", [size for _, size, _ in scanned])
    times = array("q", [mtime for _, _, mtime in scanned])
    names = "\0".join(name for name, _, _ in scanned).encode("utf-8", "surrogateescape")
    head = array("q", [before, len(scanned), len(names)])
    return head.tobytes() + sizes.tobytes() + times.tobytes() + names


def take(folder: Path) -> tuple[int, list[Scanned]] | None:
    """The folder's time before the child listed it, and its listing; None if none was
    begun for *folder* or the child failed."""
    child = _PENDING.pop(folder, None)
    return None if child is None else child_answer(child, _read_listing)


def _read_listing(reading: int) -> tuple[int, list[Scanned]] | None:
    head = read_all(reading, 3 * _SIZE)
    if head is None:
        return None
    before, count, length = array("q", head)
    body = read_all(reading, 2 * count * _SIZE + length)
    if body is None:
        return None
    sizes, times = array("q"), array("q")
    sizes.frombytes(body[: count * _SIZE])
    times.frombytes(body[count * _SIZE : 2 * count * _SIZE])
    text = body[2 * count * _SIZE :].decode("utf-8", "surrogateescape")
    names = text.split("\0") if count else []
    if len(names) != count:
        return None
    return before, list(zip(names, sizes, times, strict=True))


def forget() -> None:
    """Take (and drop) every listing not taken: no child left behind."""
    for folder in list(_PENDING):
        take(folder)
