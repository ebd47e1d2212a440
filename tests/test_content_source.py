"""Reading files: what is refused, and what is cleaned, names the file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.content.problems import ContentError, Severity
from tui.content.source import MAX_FILE_BYTES, REPLACEMENT, read_source


def test_binary_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "image.md"
    path.write_bytes(b"line one\nline two\x00\x01\x02")
    with pytest.raises(ContentError) as caught:
        read_source(path)
    assert caught.value.problem.path == path
    assert caught.value.problem.line == 2
    assert "binary" in caught.value.problem.message


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.md"
    path.write_bytes("one\ntwo\ncaf\u00e9\n".encode("latin-1"))
    with pytest.raises(ContentError) as caught:
        read_source(path)
    problem = caught.value.problem
    assert problem.line == 3
    assert "UTF-8" in problem.message
    assert str(problem).startswith(f"{path}:3: error:")


def test_too_large_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.md"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk
    with pytest.raises(ContentError) as caught:
        read_source(path)
    assert "too large" in caught.value.problem.message


def test_control_characters_are_replaced_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "escapes.md"
    path.write_text("fine\nbad \x1b[31mred\x1b[0m text\nalso \x9b fine\n", encoding="utf-8")
    source = read_source(path)
    assert "\x1b" not in source.text
    assert "\x9b" not in source.text
    assert source.text.split("\n")[1] == f"bad {REPLACEMENT}[31mred{REPLACEMENT}[0m text"
    assert [p.line for p in source.problems] == [2, 3]
    assert all(p.severity is Severity.WARNING for p in source.problems)


def test_windows_newlines_and_bom_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "windows.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nBody\r\n")
    assert read_source(path).text == "---\ntitle: T\n---\nBody\n"
