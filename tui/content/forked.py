"""Work done in a forked child process, its answer read back down a pipe.

Stat'ing tens of thousands of files is kernel time Python threads cannot overlap (each
call hands the GIL back and forth); a forked process can. The child runs one function,
writes the bytes it returns and leaves at once, running none of the parent's cleanup
(buffers, files, atexit). A child is forked only from a process with one thread (no
lock another thread holds can be copied held) on a system with fork; callers do the
work themselves otherwise, or when the child fails: the same answer, only slower.
"""

from __future__ import annotations

import os
import threading

# Imported before the look at the library is forked (tui.look_ahead): nothing here may
# import pathlib or typing at run time (15 ms before the fork). The type checker reads
# the names below as typing.TYPE_CHECKING.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import TypeVar

    T = TypeVar("T")


class Child:
    """A child process running some work, and the reading end of its pipe."""

    __slots__ = ("pid", "reading")

    def __init__(self, pid: int, reading: int) -> None:
        self.pid = pid
        self.reading = reading


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def fork_work(work: Callable[[], bytes]) -> Child | None:
    """A child running *work*, begun; None when no pipe or process could be made."""
    try:
        reading, writing = os.pipe()
    except OSError:
        return None
    try:
        pid = os.fork()
    except OSError:
        os.close(reading)
        os.close(writing)
        return None
    if pid == 0:  # pragma: no cover  (the child: coverage does not follow it)
        code = 1
        try:
            os.close(reading)
            data = memoryview(work())
            while data:
                data = data[os.write(writing, data) :]
            code = 0
        finally:
            os._exit(code)
    os.close(writing)
    return Child(pid, reading)


def child_answer(child: Child, read: Callable[[int], T | None]) -> T | None:
    """What *read* makes of the child's pipe, the child waited for; None if either
    failed."""
    try:
        answer = read(child.reading)
    finally:
        os.close(child.reading)
        _, status = os.waitpid(child.pid, 0)
    return answer if status == 0 else None


def read_all(reading: int, wanted: int) -> bytes | None:
    """Exactly *wanted* bytes from the pipe, or None if it closes before."""
    parts: list[bytes] = []
    got = 0
    while got < wanted:
        try:
            part = os.read(reading, min(wanted - got, 1 << 20))
        except OSError:
            return None
        if not part:
            return None
        parts.append(part)
        got += len(part)
    return b"".join(parts)
