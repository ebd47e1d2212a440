"""Whether any file of a library changed since a moment recorded: one string for all.

The signature is a digest of every listed file's name, size and modification time in
each folder the library reads (`library_folders`): equal signatures, same files, as
far as size and time tell (the same test as the list cache's). The search keeps the
signature its index was brought up to date from, and answers the next query from the
index alone while the signature holds, without listing the library.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from tui.content.folder_scan import markdown_names
from tui.content.stat_halves import FolderStats

# A file changed less than this long ago may change again within the same tick of the
# file system's clock and keep its size and time: no signature is given then.
SETTLING_NS = 2_000_000_000


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
                names = markdown_names(folder)
                self._looks.append((folder, names, FolderStats(folder, names)))
            except OSError:
                self._failed = True
                break

    def signature(self) -> str | None:
        digest = hashlib.blake2b(digest_size=20)
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
