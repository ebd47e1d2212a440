"""A folder's Markdown files as one look at it sees them: name, size and modification
time. What the list cache (tui.content.listing) and the search's signature
(tui.content.library_signature) compare with what they kept.
"""

from __future__ import annotations

import os
from pathlib import Path
from stat import S_ISREG

# A file as the folder listing saw it: its name, size and modification time (size and
# time -1: not a regular file). A plain tuple: 50,000 of them are made on every start.
Scanned = tuple[str, int, int]


def scan(folder: Path) -> list[Scanned]:
    """The Markdown files of *folder* by name (hidden, `_` and README files left out).

    Raises OSError when the folder cannot be listed.
    """
    # One stat per file is the floor (a few microseconds each, a fifth of a second for
    # 50,000): asked by name in the open folder, the kernel does not walk the whole
    # path each time (a third faster than a full path, or os.scandir's entry.stat()).
    # Markdown, not hidden, not `_` and not a README.
    names = sorted(
        name
        for name in os.listdir(folder)
        if name.endswith(".md") and name[0] not in "._" and name.upper() != "README.MD"
    )
    found: list[Scanned] = []
    add, stat, regular = found.append, os.stat, S_ISREG
    if os.stat not in os.supports_dir_fd:
        base = os.fspath(folder) + os.sep
        names = [base + name for name in names]
    where = os.open(folder, os.O_RDONLY) if os.stat in os.supports_dir_fd else None
    try:
        for name in names:
            try:
                info = stat(name, dir_fd=where)
            except OSError:
                info = None
            if info is None or not regular(info.st_mode):
                # A folder, a pipe, a broken link: read (and reported) each time, never kept.
                add((name, -1, -1))
            else:
                add((name, info.st_size, info.st_mtime_ns))
    finally:
        if where is not None:
            os.close(where)
    if where is None:  # the names as listed, not the paths asked
        found = [(os.path.basename(name), size, mtime) for name, size, mtime in found]
    return found
