"""The text commands: list, check, and errors for a wrong slug or folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import line_of

from tui.cli import main


def test_list_prints_slug_and_title(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--library", str(library_dir)]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "alpha\tAlpha article",
        "beta\tBeta article",
        "delta\tDelta notes on rest",
        "gamma\tGamma guide to stair climbing",
    ]


def test_library_option_before_the_command_and_env(
    library_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert main(["--library", str(library_dir), "list"]) == 0
    first = capsys.readouterr().out
    monkeypatch.setenv("WELLREAD_LIBRARY", str(library_dir))
    assert main(["list"]) == 0
    assert capsys.readouterr().out == first


def test_check_passes_on_the_test_library(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--library", str(library_dir)]) == 0
    assert "8 files" in (out := capsys.readouterr().out)
    assert "0 error(s), 0 warning(s)" in out


def test_check_fails_naming_file_and_line(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = library_dir
    path = copy / "gamma.md"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    body_start = max(i for i, line in enumerate(lines) if line.strip() == "---") + 1
    target = next(i for i in range(body_start, len(lines)) if "[@" in lines[i])
    lines[target] = lines[target].replace("[@", "[@made-up-2001; @", 1)
    path.write_text("".join(lines), encoding="utf-8")

    assert main(["check", "--library", str(copy)]) == 1
    out = capsys.readouterr().out
    expected = (
        f"{path}:{line_of(path, '@made-up-2001')}: error: unknown citation id '@made-up-2001'"
    )
    assert expected in out


def test_open_unknown_slug_suggests_close_matches(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["open", "alpah", "--library", str(library_dir)]) == 2
    err = capsys.readouterr().err
    assert "no article called 'alpah'" in err
    assert "alpha" in err


def test_missing_library_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--library", str(tmp_path / "nowhere")]) == 2
    assert "library folder not found" in capsys.readouterr().err
