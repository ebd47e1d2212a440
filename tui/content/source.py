"""Reading a library file into clean text, refusing what is not a text file.

Everything an article says eventually reaches a terminal, so control characters are
replaced here, once, before any other layer sees the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tui.content.problems import ContentError, Problem, Severity

# Large enough for a whole clinical guideline; small enough that a stray disk image
# in the folder is refused before it is read into memory.
MAX_FILE_BYTES = 32 * 1024 * 1024

# C0 and C1 controls (ESC among them) and DEL, except tab and newline.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
REPLACEMENT = "\ufffd"


@dataclass
class SourceText:
    path: Path
    text: str
    problems: list[Problem] = field(default_factory=list)


def _line_of_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_source(path: Path) -> SourceText:
    """Read *path* as UTF-8 text with Unix newlines and no control characters.

    Raises ContentError, naming the file and line, for anything that is not text.
    """
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ContentError(Problem(path, 1, f"cannot read the file: {error.strerror}")) from None
    if size > MAX_FILE_BYTES:
        raise ContentError(
            Problem(
                path,
                1,
                f"file is too large ({size / 1_048_576:.1f} MB; "
                f"the limit is {MAX_FILE_BYTES // 1_048_576} MB)",
            )
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ContentError(Problem(path, 1, f"cannot read the file: {error.strerror}")) from None

    nul = data.find(b"\x00")
    if nul != -1:
        raise ContentError(
            Problem(path, _line_of_byte(data, nul), "this is a binary file, not Markdown text")
        )
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            Problem(
                path,
                _line_of_byte(data, error.start),
                f"invalid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
                "save the file as UTF-8",
            )
        ) from None

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    problems: list[Problem] = []
    if _CONTROL.search(text):
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            if _CONTROL.search(line):
                problems.append(
                    Problem(
                        path,
                        number,
                        "control characters replaced with \N{REPLACEMENT CHARACTER}",
                        Severity.WARNING,
                    )
                )
                lines[number - 1] = _CONTROL.sub(REPLACEMENT, line)
        text = "\n".join(lines)
    return SourceText(path, text, problems)


def clean_text(value: str) -> str:
    """Strip control characters from a string that did not come through read_source."""
    return _CONTROL.sub(REPLACEMENT, value)
