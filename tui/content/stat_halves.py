"""Every file's size and modification time in one folder, by name, at times in two
processes: the second `wellread search`'s look at every file before it trusts its index.

A stat costs a few microseconds of kernel time, and Python threads do not overlap them
(each call hands the GIL back and forth and costs more than it saves). A forked child
process does: it stats the second half of the names while this process stats the first,
so a 50,000-file folder is looked at on two cores in about half the time.

The child is forked only where that is safe and worth it: from a process with one thread
(nothing can hold a lock the child would need), on a system with fork, for a folder of
at least SPLIT_AT files. Anything amiss with the child (no fork, it dies, a short answer)
and this process stats its half itself: the answer is the same, only slower.
"""

from __future__ import annotations

import os
from array import array
from stat import S_ISREG

from tui.content.forked import Child, can_fork, child_answer, fork_work, read_all

# Imported before the look at the library is forked (tui.look_ahead): nothing here may
# import pathlib or typing at run time (15 ms before the fork). The type checker reads
# the names below as typing.TYPE_CHECKING.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

# Below this many files the fork costs more than it saves (a fork and a pipe: ~1 ms).
SPLIT_AT = 4096
_SIZE = array("q").itemsize


class FolderStats:
    """The size and modification time (ns) of each of *names* in *folder*, -1 and -1 for
    what is not a regular file or cannot be looked at. Made, it has started the child
    (when it splits); `result` does this process's half and waits for the child's. Other
    threads may be started between the two: the child is already forked."""

    def __init__(self, folder: str | Path, names: list[str], *, split_at: int = SPLIT_AT) -> None:
        self._names = names
        self._half = len(names)
        self._child: Child | None = None
        # Asked by name in the open folder, the kernel does not walk the whole path
        # each time (a third faster than a full path, or os.scandir's entry.stat()).
        if os.stat in os.supports_dir_fd:
            self._where: int | None = os.open(folder, os.O_RDONLY)
        else:
            self._where = None
            base = os.fspath(folder) + os.sep
            self._names = [base + name for name in names]
        if len(names) >= split_at and can_fork():
            self._fork(len(names) // 2)

    def _fork(self, half: int) -> None:
        where, names = self._where, self._names[half:]
        self._child = fork_work(lambda: _stat_bytes(where, names))
        if self._child is not None:
            self._half = half

    def result(self) -> tuple[array[int], array[int]]:
        try:
            sizes, times = _stat_all(self._where, self._names[: self._half])
            rest = self._names[self._half :]
            answer = self._childs_answer(len(rest)) if self._child else None
            if answer is None:  # no child, or it failed: the same answer, only slower
                answer = _stat_all(self._where, rest)
        finally:
            if self._where is not None:
                os.close(self._where)
                self._where = None
        sizes.extend(answer[0])
        times.extend(answer[1])
        return sizes, times

    def _childs_answer(self, count: int) -> tuple[array[int], array[int]] | None:
        assert self._child is not None
        child, self._child = self._child, None
        data = child_answer(child, lambda reading: read_all(reading, 2 * _SIZE * count))
        if data is None:
            return None
        sizes, times = array("q"), array("q")
        sizes.frombytes(data[: count * _SIZE])
        times.frombytes(data[count * _SIZE :])
        return sizes, times


def _stat_bytes(where: int | None, names: list[str]) -> bytes:
    """The child's answer: the sizes, then the times, as 64-bit numbers."""
    sizes, times = _stat_all(where, names)
    return sizes.tobytes() + times.tobytes()


def _stat_all(where: int | None, names: list[str]) -> tuple[array[int], array[int]]:
    sizes, times = array("q"), array("q")
    add_size, add_time, stat, regular = sizes.append, times.append, os.stat, S_ISREG
    for name in names:
        try:
            info = stat(name, dir_fd=where)
        except OSError:
            add_size(-1)
            add_time(-1)
            continue
        if regular(info.st_mode):
            add_size(info.st_size)
            add_time(info.st_mtime_ns)
        else:  # a folder, a pipe: read (and reported) each time, never kept
            add_size(-1)
            add_time(-1)
    return sizes, times
