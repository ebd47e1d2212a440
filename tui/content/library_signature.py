"""Whether any file of a library changed since a moment recorded: one string for all.

The signature is a digest of every listed file's name, size and modification time in
each folder the library reads (`library_folders`): equal signatures, same files, as
far as size and time tell (the same test as the list cache's). The search keeps the
signature its index was brought up to date from, and answers the next query from the
index alone while the signature holds, without listing the library.

Names are taken in the order the folder lists them, which holds while the folder is
unchanged: a folder that changed and changed back may list them in another order,
which only costs a look in full.
"""

from __future__ import annotations

import marshal
import os
import struct
import time
from array import array
from operator import itemgetter

from tui.content.digests import new_blake2b
from tui.content.folder_scan import listed_markdown_names, markdown_names
from tui.content.forked import can_fork, child_answer, fork_work, read_all
from tui.content.stat_halves import FolderStats

# Imported before the look at the library is forked (tui.look_ahead): nothing here may
# import pathlib or typing at run time (15 ms before the fork). The type checker reads
# the names below as typing.TYPE_CHECKING.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from tui.content.folder_scan import Scanned

    Folder = str | Path

# A file changed less than this long ago may change again within the same tick of the
# file system's clock and keep its size and time: no signature is given then.
SETTLING_NS = 2_000_000_000
# The child's answer is framed by its length, as 8 bytes.
_LENGTH = struct.Struct("<q")


class FolderLook:
    """One folder as a look saw it: its modification time before it was listed, the
    names of its Markdown files in the order it lists them (or by name, for a look
    `by_name`), and each one's size and modification time (-1 and -1: not a regular
    file)."""

    __slots__ = ("before", "folder", "names", "sizes", "times")

    def __init__(
        self, folder: Folder, before: int, names: list[str], sizes: array[int], times: array[int]
    ) -> None:
        self.folder = folder
        self.before = before
        self.names = names
        self.sizes = sizes
        self.times = times

    def scanned(self) -> list[Scanned]:
        """The files by name, as the listing's own look would give them."""
        # By name alone (a folder's names are unique): the same order as sorting the
        # tuples, in less than half the time at 50,000 files (one pass when sorted).
        files = zip(self.names, self.sizes, self.times, strict=True)
        return sorted(files, key=itemgetter(0))


class Missing:
    """A folder that is not there: named in the signature as missing."""

    __slots__ = ("folder",)

    def __init__(self, folder: Folder) -> None:
        self.folder = folder


if TYPE_CHECKING:
    Look = FolderLook | Missing


def library_signature(folders: list[Path]) -> str | None:
    """The signature of *folders* now; None when one cannot be listed, or a file is too
    new to be told apart from its next change."""
    return signature_of(LibraryLook(folders).looks())


def signature_of(looks: list[Look] | None) -> str | None:
    """The signature of what a look saw; None for a look that failed, or that saw a
    file too new to be told apart from its next change."""
    if looks is None:
        return None
    digest = new_blake2b(digest_size=20)
    newest = 0
    for look in looks:
        if isinstance(look, Missing):
            digest.update(f"{look.folder}\0-\0".encode("utf-8", "surrogateescape"))
            continue
        newest = max(newest, max(look.times, default=0))
        # The names as one string and the sizes and times as one block of 64-bit
        # numbers: no line made per file (50,000 f-strings cost a quarter of the stats).
        digest.update(f"{look.folder}\0{len(look.names)}\0".encode("utf-8", "surrogateescape"))
        digest.update("\0".join(look.names).encode("utf-8", "surrogateescape"))
        digest.update(look.sizes.tobytes())
        digest.update(look.times.tobytes())
    if time.time_ns() - newest < SETTLING_NS:
        return None
    return digest.hexdigest()


def scans_of(looks: list[Look] | None) -> dict[Path, FolderLook]:
    """Each folder a look listed, with what it saw: what load_library would look at
    again (see tui.content.folder_entries)."""
    from pathlib import Path  # by the command, after the fork

    if looks is None:
        return {}
    return {Path(look.folder): look for look in looks if isinstance(look, FolderLook)}


class LibraryLook:
    """A look at every file of *folders*, begun: each folder listed, and the processes
    that stat half of a large one's files already forked (tui.content.stat_halves).
    Threads started after it is made do not keep it from splitting; `looks` ends it.
    """

    def __init__(self, folders: list[Path] | list[str], by_name: bool = False) -> None:
        self._looks: list[tuple[Folder, int, list[str], FolderStats] | Missing] = []
        self._failed = False
        for folder in folders:
            try:
                before = os.stat(folder).st_mtime_ns
            except OSError:
                before = None
            if before is None or not os.path.isdir(folder):
                self._looks.append(Missing(folder))
                continue
            try:
                # By name, the order of the cached rows, when the look is to be compared
                # with them (`wellread list`: a pass, not a dict of 50,000); otherwise
                # the folder's order, the same while it does not change (the sort would
                # cost a second search a tenth of its time).
                names = markdown_names(folder) if by_name else listed_markdown_names(folder)
                self._looks.append((folder, before, names, FolderStats(folder, names)))
            except OSError:
                self._failed = True
                break

    def looks(self) -> list[Look] | None:
        """What the look saw, each child waited for; None if a folder could not be
        listed."""
        seen: list[Look] = []
        for look in self._looks:  # every child waited for, even when one folder failed
            if isinstance(look, Missing):
                seen.append(look)
                continue
            folder, before, names, stats = look
            sizes, times = stats.result()
            seen.append(FolderLook(folder, before, names, sizes, times))
        return None if self._failed else seen


class LookInChild:
    """A LibraryLook taken whole in a forked process, its findings sent back.

    The second `wellread search` and `wellread list` must know the library is unchanged
    before they trust what they kept, and that look (50,000 names listed and stat'ed) is
    the longest part of their work. Forked before this process imports what they need,
    the child looks while this process imports and reads; the two overlap on two cores,
    where threads in one process would take turns at the GIL. The child splits its own
    stats again (tui.content.stat_halves), being single-threaded too. What it saw comes
    back whole, so that a command finding the library changed lists it without a second
    look (`scans`). *folders* may be strings (tui.look_ahead) or paths: the same look.

    Forked only from a process with one thread, where fork exists; otherwise, or if the
    child fails, the look is taken here when `signature` is asked: the same answer.
    """

    def __init__(self, folders: list[Path] | list[str], by_name: bool = False) -> None:
        self._folders = folders
        self.by_name = by_name  # see LibraryLook
        self._looks: list[Look] | None = None
        self._child = fork_work(self._answer) if can_fork() else None

    def _answer(self) -> bytes:
        """The child's: what it saw, marshalled, after its length."""
        looks = LibraryLook(self._folders, self.by_name).looks()
        data = marshal.dumps(None if looks is None else [_plain(look) for look in looks])
        return _LENGTH.pack(len(data)) + data

    def signature(self) -> str | None:
        """As library_signature(folders), taken by the child if there is one."""
        if self._child is not None:
            child, self._child = self._child, None
            answer = child_answer(child, _read_answer)
            if answer is not None:
                self._looks = answer[1]
                return signature_of(self._looks) if answer[0] else None
        self._looks = LibraryLook(self._folders, self.by_name).looks()
        return signature_of(self._looks)

    def scans(self) -> dict[Path, FolderLook]:
        """What the look saw of each folder it listed (after `signature`)."""
        return scans_of(self._looks)


def _plain(look: Look) -> tuple[str] | tuple[str, int, list[str], bytes, bytes]:
    if isinstance(look, Missing):
        return (os.fspath(look.folder),)
    folder = os.fspath(look.folder)
    return folder, look.before, look.names, look.sizes.tobytes(), look.times.tobytes()


def _read_answer(reading: int) -> tuple[bool, list[Look] | None] | None:
    """(whether the look succeeded, what it saw) from the child's pipe; None if the
    answer is cut short."""
    head = read_all(reading, _LENGTH.size)
    if head is None:
        return None
    data = read_all(reading, _LENGTH.unpack(head)[0])
    if data is None:
        return None
    plain = marshal.loads(data)
    if plain is None:
        return False, None
    looks: list[Look] = []
    for item in plain:
        if len(item) == 1:
            looks.append(Missing(item[0]))
            continue
        folder, before, names, sizes, times = item
        looks.append(FolderLook(folder, before, names, _numbers(sizes), _numbers(times)))
    return True, looks


def _numbers(data: bytes) -> array[int]:
    numbers = array("q")
    numbers.frombytes(data)
    return numbers
