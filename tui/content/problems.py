"""Problems found in library files: what, where, and how bad."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from tui.content.clean import clean_line, clean_name


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one file, pointing at the line a person should fix."""

    path: Path
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        # Messages quote the file's own text (a key, a value): cleaned once, here.
        object.__setattr__(self, "message", clean_line(self.message))

    def __str__(self) -> str:
        # A file name can hold an escape sequence: the path is shown cleaned.
        return f"{self.where}:{self.line}: {self.severity.value}: {self.message}"

    @property
    def file_name(self) -> str:
        """The file's name as it may be shown."""
        return clean_name(self.path.name)

    @property
    def where(self) -> str:
        """The file's path as it may be shown."""
        return clean_name(str(self.path))

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class ContentError(Exception):
    """A file cannot be read as an article or exercise at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
