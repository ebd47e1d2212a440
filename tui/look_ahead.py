"""The look at every file of the library, begun as the process starts, for the commands
that answer from what they kept while nothing changed: `list` and `search`.

Only plain command lines are read here (`wellread [--library DIR] list|search ...`,
with WELLREAD_LIBRARY and WELLREAD_DATA as the command reads them): the command works
out its folders again from its parsed arguments and takes the look only if it was of
the same folders. A line read wrongly here costs a look taken twice, never an answer.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from tui.library_places import library_places

if TYPE_CHECKING:
    from tui.content.library_signature import LookInChild

LOOKING_COMMANDS = ("list", "search")
# Options that stop the command before it runs, or that take a value of their own.
_STOPPING = ("-h", "--help", "--version")
_WITH_VALUE = ("--layout",)

_begun: tuple[list[Path], LookInChild] | None = None


def begin(argv: Sequence[str]) -> None:
    """Start the look at the library *argv* would list or search; nothing for any other
    command line."""
    global _begun
    folders = _folders(argv)
    if folders is None:
        return
    from tui.content.library_signature import LookInChild

    _begun = (folders, LookInChild(folders))


def take(folders: list[Path]) -> LookInChild | None:
    """The look begun at the start if it is of *folders*, handed over once; None if none
    was begun or it was of other folders (that one is ended and its answer dropped)."""
    global _begun
    if _begun is None:
        return None
    looked, look = _begun
    _begun = None
    if looked == folders:
        return look
    look.signature()  # the child waited for: no process is left behind
    return None


def _folders(argv: Sequence[str]) -> list[Path] | None:
    command: str | None = None
    library: str | None = None
    words = iter(argv)
    for word in words:
        if word in _STOPPING or word == "--":
            return None
        if word == "--library":
            library = next(words, None)
            if not library:
                return None
        elif word.startswith("--library="):
            library = word.partition("=")[2]
        elif word in _WITH_VALUE:
            next(words, None)
        elif word.startswith("-"):
            continue
        elif command is None:
            command = word
    if command not in LOOKING_COMMANDS:
        return None
    from tui.content.folders import library_folders

    root, own = library_places(None if library is None else Path(library))
    if root is not None and not os.path.isdir(root):
        return None  # the command says the folder is not there
    return library_folders(root, own)
