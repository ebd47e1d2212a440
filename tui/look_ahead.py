"""The look at every file of the library, begun as the process starts, for the commands
that answer from what they kept while nothing changed: `list` and `search`.

Only plain command lines are read here (`wellread [--library DIR] list|search ...`,
with WELLREAD_LIBRARY and WELLREAD_DATA as the command reads them): the command works
out its folders again from its parsed arguments and takes the look only if it was of
the same folders. A line read wrongly here costs a look taken twice, never an answer.

What runs here before the fork imports neither pathlib nor typing (15 ms, a tenth of a
second search): folders are strings, worked out as tui.library_places and
tui.content.folders work them out (a test checks they agree).
"""

from __future__ import annotations

import os
import sys

# As in tui.content.folders and tui.data_folder (a test checks they agree).
LIBRARY_ENV = "WELLREAD_LIBRARY"
DATA_ENV = "WELLREAD_DATA"

TYPE_CHECKING = False  # the type checker reads it as typing.TYPE_CHECKING
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from tui.content.library_signature import LookInChild

LOOKING_COMMANDS = ("list", "search")
# Those whose look is compared file by file with the cached rows, which are by name.
BY_NAME = ("list",)
# Options that stop the command before it runs, or that take a value of their own.
_STOPPING = ("-h", "--help", "--version")
_WITH_VALUE = ("--layout",)

_begun: tuple[list[str], LookInChild] | None = None


def begin(argv: Sequence[str]) -> None:
    """Start the look at the library *argv* would list or search; nothing for any other
    command line."""
    global _begun
    found = _folders(argv)
    if found is None:
        return
    from tui.content.library_signature import LookInChild

    command, folders = found
    _begun = (folders, LookInChild(folders, by_name=command in BY_NAME))


def take(folders: list[Path], by_name: bool = False) -> LookInChild | None:
    """The look begun at the start if it is of *folders* (names *by_name* or not),
    handed over once; None if none was begun or it was of other folders (that one is
    ended and its answer dropped)."""
    global _begun
    if _begun is None:
        return None
    looked, look = _begun
    _begun = None
    if looked == [os.fspath(folder) for folder in folders] and look.by_name == by_name:
        return look
    look.signature()  # the child waited for: no process is left behind
    return None


def look_at_library(chosen: Path | None, by_name: bool = False) -> tuple[list[Path], LookInChild]:
    """The folders a command given --library *chosen* reads, and the look at them (its
    names *by_name*, or in the folders' order): the one begun at the start if it was of
    those folders, else one begun now."""
    from tui.content.folders import library_folders
    from tui.content.library_signature import LookInChild
    from tui.library_places import library_places

    folders = library_folders(*library_places(chosen))
    return folders, take(folders, by_name) or LookInChild(folders, by_name=by_name)


def _folders(argv: Sequence[str]) -> tuple[str, list[str]] | None:
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
    configured = os.environ.get(LIBRARY_ENV, "").strip()
    if library is None and configured:
        library = os.path.expanduser(configured)
    if library is not None:
        if not os.path.isdir(library):
            return None  # the command says the folder is not there
        return command, _with_cards([os.path.realpath(library)])
    root = _bundled()
    own = os.path.join(_data_folder(), "library")
    if not os.path.isdir(own) or os.path.realpath(own) == root:
        return command, _with_cards([root])
    return command, _with_cards([root, os.path.realpath(own)])


def _with_cards(tops: list[str]) -> list[str]:
    return [folder for top in tops for folder in (top, os.path.join(top, "exercises"))]


def _bundled() -> str:
    """As tui.content.folders.bundled_library, resolved."""
    package = os.path.dirname(os.path.realpath(__file__))
    installed = os.path.join(package, "_library")
    if os.path.isdir(installed):
        return os.path.realpath(installed)
    return os.path.realpath(os.path.join(os.path.dirname(package), "articles"))


def _data_folder() -> str:
    """As tui.data_folder.data_dir; on Linux the folder platformdirs names, without
    importing it (XDG_DATA_HOME, else ~/.local/share)."""
    configured = os.environ.get(DATA_ENV, "").strip()
    if configured:
        return os.path.expanduser(configured)
    if sys.platform == "linux":
        shared = os.environ.get("XDG_DATA_HOME", "").strip()
        return os.path.join(shared or os.path.expanduser("~/.local/share"), "wellread")
    from tui.data_folder import data_dir

    return os.fspath(data_dir())
