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

import time
from pathlib import Path
from typing import TYPE_CHECKING

from tui.content.folder_scan import listed_markdown_names
from tui.content.forked import can_fork, child_answer, fork_work, read_all
from tui.content.stat_halves import FolderStats

if TYPE_CHECKING:
    from hashlib import blake2b

# A file changed less than this long ago may change again within the same tick of the
# file system's clock and keep its size and time: no signature is given then.
SETTLING_NS = 2_000_000_000
# A signature down the child's pipe: a mark, then 40 hex digits, or 40 dashes for none.
SIGNATURE_BYTES = 41
NO_SIGNATURE = "-" * 40


def library_signature(folders: list[Path]) -> str | None:
    """The signature of *folders* now; None when one cannot be listed, or a file is too
    new to be told apart from its next change."""
    return LibraryLook(folders).signature()


class LibraryLook:
    """A look at every file of *folders*, begun: each folder listed, and the processes
    that stat half of a large one's files already forked (tui.content.stat_halves).
    Threads started after it is made do not keep it from splitting; `signature` ends it.
    """

    def __init__(self, folders: list[Path]) -> None:
        self._looks: list[tuple[Path, list[str], FolderStats] | Path] = []
        self._failed = False
        for folder in folders:
            if not folder.is_dir():
                self._looks.append(folder)
                continue
            try:
                names = listed_markdown_names(folder)
                self._looks.append((folder, names, FolderStats(folder, names)))
            except OSError:
                self._failed = True
                break

    def signature(self) -> str | None:
        digest = new_digest(digest_size=20)
        newest = 0
        for look in self._looks:  # every child waited for, even when one folder failed
            if isinstance(look, Path):
                digest.update(f"{look}\0-\0".encode("utf-8", "surrogateescape"))
                continue
            folder, names, stats = look
            sizes, mtimes = stats.result()
            newest = max(newest, max(mtimes, default=0))
            # The names as one string and the sizes and times as one block of 64-bit
            # numbers: no line made per file (50,000 f-strings cost a quarter of the stats).
            digest.update(f"{folder}\0{len(names)}\0".encode("utf-8", "surrogateescape"))
            digest.update("\0".join(names).encode("utf-8", "surrogateescape"))
            digest.update(sizes.tobytes())
            digest.update(mtimes.tobytes())
        if self._failed or time.time_ns() - newest < SETTLING_NS:
            return None
        return digest.hexdigest()


class LookInChild:
    """A LibraryLook taken whole in a forked process: listing, stats and digest.

    The second `wellread search` must know the library is unchanged before it trusts
    its index, and that look (50,000 names listed and stat'ed) is the longest
    part of its work. Forked before this process imports what a search needs, the child
    looks while this process imports, opens the index and answers; the two overlap on
    two cores, where threads in one process would take turns at the GIL. The child
    splits its own stats again (tui.content.stat_halves), being single-threaded too.

    Forked only from a process with one thread, where fork exists; otherwise, or if the
    child fails, the look is taken here when `signature` is asked: the same answer.
    """

    def __init__(self, folders: list[Path]) -> None:
        self._folders = folders
        self._child = fork_work(self._answer) if can_fork() else None

    def _answer(self) -> bytes:
        """The child's: a mark, then the signature or NO_SIGNATURE."""
        return b"=" + (library_signature(self._folders) or NO_SIGNATURE).encode("ascii")

    def signature(self) -> str | None:
        """As library_signature(folders), taken by the child if there is one."""
        if self._child is not None:
            child, self._child = self._child, None
            answer = child_answer(child, lambda reading: read_all(reading, SIGNATURE_BYTES))
            if answer is not None and answer.startswith(b"="):
                text = answer[1:].decode("ascii")
                return None if text == NO_SIGNATURE else text
        return library_signature(self._folders)


def new_digest(digest_size: int) -> blake2b:
    """A BLAKE2b hash. hashlib loads OpenSSL as it is imported (6 ms), in the forked child
    that looks while the parent starts; its own BLAKE2b comes from CPython's _blake2."""
    try:
        from _blake2 import blake2b as made
    except ImportError:  # another Python: the same function by its public name
        from hashlib import blake2b as made
    return made(digest_size=digest_size)
