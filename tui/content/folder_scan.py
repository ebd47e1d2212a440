"""A folder's Markdown files as one look at it sees them: name, size and modification
time. What the list cache (tui.content.listing) and the search's signature
(tui.content.library_signature) compare with what they kept.
"""

from __future__ import annotations

import os

from tui.content.stat_halves import FolderStats

# Imported before the look at the library is forked (tui.look_ahead): nothing here may
# import pathlib or typing at run time (15 ms before the fork). The type checker reads
# the names below as typing.TYPE_CHECKING.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

# A file as the folder listing saw it: its name, size and modification time (size and
# time -1: not a regular file). A plain tuple: 50,000 of them are made on every start.
Scanned = tuple[str, int, int]


def markdown_names(folder: str | Path) -> list[str]:
    """The names of *folder*'s Markdown files, sorted (hidden, `_` and README files
    left out). Raises OSError when the folder cannot be listed."""
    names = listed_markdown_names(folder)
    names.sort()
    return names


def listed_markdown_names(folder: str | Path) -> list[str]:
    """markdown_names in the order the folder lists them."""
    return [
        name
        for name in os.listdir(folder)
        if name.endswith(".md") and name[0] not in "._" and name.upper() != "README.MD"
    ]


def scan(folder: Path) -> list[Scanned]:
    """The Markdown files of *folder* by name (hidden, `_` and README files left out).

    Raises OSError when the folder cannot be listed.
    """
    names = markdown_names(folder)
    sizes, times = FolderStats(folder, names).result()
    return list(zip(names, sizes, times, strict=True))
