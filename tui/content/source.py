"""Reading a library file into clean text, refusing what is not a text file.

Everything an article says eventually reaches a terminal, so it is cleaned here, once
(see `clean`), before any other layer sees the text. Only regular files inside the
library folder are opened: a named pipe would block the read, a device would never
end, and a link out of the folder would show a file the reader never put there.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from tui.content.clean import REPLACEMENT, clean, needs_cleaning
from tui.content.problems import ContentError, Problem, Severity

__all__ = ["MAX_FILE_BYTES", "REPLACEMENT", "SourceText", "read_source"]

# Large enough for a whole clinical guideline; small enough that a stray disk image
# in the folder is refused before it is read into memory.
MAX_FILE_BYTES = 32 * 1024 * 1024
_CHUNK = 1 << 20


@dataclass
class SourceText:
    path: Path
    text: str
    problems: list[Problem] = field(default_factory=list)


def _line_of_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _refuse(path: Path, message: str, line: int = 1) -> ContentError:
    return ContentError(Problem(path, line, message))


def _too_large(path: Path, size: int) -> ContentError:
    return _refuse(
        path,
        f"file is too large ({size / 1_048_576:.1f} MB; "
        f"the limit is {MAX_FILE_BYTES // 1_048_576} MB)",
    )


def _checked_stat(path: Path, root: Path | None) -> os.stat_result:
    """The file's status, refusing links out of *root* and anything not a regular file,
    all before the file is opened."""
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve(strict=True)
            if root is not None and not target.is_relative_to(root.resolve()):
                raise _refuse(path, "a link to a file outside the library folder; not read")
            info = os.stat(path)
    except (OSError, RuntimeError) as error:  # RuntimeError: a symlink loop (Python 3.11)
        reason = getattr(error, "strerror", None) or str(error)
        raise _refuse(path, f"cannot read the file: {reason}") from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, f"this is {_kind_of(info.st_mode)}, not a Markdown file")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large(path, info.st_size)
    return info


def _read_capped(path: Path) -> bytes:
    """At most MAX_FILE_BYTES, counted on what was read: a file can grow, and some
    files (in /proc, say) report size 0."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise _refuse(path, f"cannot read the file: {error.strerror}") from None
    try:
        # The file may have been swapped between the check and the open.
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise _refuse(path, f"this is {_kind_of(mode)}, not a Markdown file")
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(descriptor, _CHUNK)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise _too_large(path, total)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as error:
        raise _refuse(path, f"cannot read the file: {error.strerror}") from None
    finally:
        os.close(descriptor)


def read_source(path: Path, root: Path | None = None) -> SourceText:
    """Read *path* as UTF-8 text with Unix newlines, cleaned.

    Raises ContentError, naming the file and line, for anything that is not text,
    and for a link that leaves *root* (the library folder) when one is given.
    """
    _checked_stat(path, root)
    data = _read_capped(path)

    nul = data.find(b"\x00")
    if nul != -1:
        raise _refuse(path, "this is a binary file, not Markdown text", _line_of_byte(data, nul))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _refuse(
            path,
            f"invalid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8",
            _line_of_byte(data, error.start),
        ) from None
    del data

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Problem] = []
    if needs_cleaning(text):
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            if needs_cleaning(line):
                problems.append(Problem(path, number, _what_was_cleaned(line), Severity.WARNING))
                lines[number - 1] = clean(line)
        text = "\n".join(lines)
    return SourceText(path, text, problems)


def _what_was_cleaned(line: str) -> str:
    cleaned = clean(line)
    if len(cleaned) == len(line):
        return "control characters replaced with \N{REPLACEMENT CHARACTER}"
    if REPLACEMENT in cleaned and cleaned.count(REPLACEMENT) > line.count(REPLACEMENT):
        return (
            "control characters replaced with \N{REPLACEMENT CHARACTER}, and invisible "
            "characters (bidi overrides, zero-width) removed"
        )
    return "invisible characters (bidi overrides or zero-width) removed"
