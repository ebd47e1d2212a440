"""Small helpers for tests: find where a text sits in a file, independently of the parser."""

from __future__ import annotations

from pathlib import Path


def line_of(path: Path, needle: str) -> int:
    """1-based number of the first line of *path* containing *needle*."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
