"""The second `wellread search`: answered from the index while the stats of the files
are taken beside it, importing only what prints hits; a number is never "corrected"."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.cli import main
from tui.content.library_signature import SETTLING_NS
from tui.content.suggest import allowed_edits

PAGE = """---
title: {title}
summary: A page written for the search quick-path tests.
tags: [t]
---

{words}
"""
SETTLED = time.time_ns() - 10 * SETTLING_NS  # old enough for a signature to be kept


def _write(folder: Path, slug: str, title: str, words: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{slug}.md"
    path.write_text(PAGE.format(title=title, words=words), encoding="utf-8")
    os.utime(path, ns=(SETTLED, SETTLED))


def _library(root: Path) -> Path:
    _write(root, "hills", "Walking up hills", "Walking uphill loads the hip. Trial from 2019.")
    _write(root, "stairs", "Stairs at home", "Walking the stairs twice a day.")
    _write(root, "rowing", "Rowing", "Rowing strengthens the back.")
    _write(root, "poles", "Nordic walking", "Walking with poles works the arms too.")
    return root


def test_a_second_search_imports_no_parser_ui_or_index_builder(tmp_path: Path) -> None:
    root = _library(tmp_path / "library")
    code = (
        "import sys\nfrom tui.cli import main\n"
        f"code = main(['search', 'walking', '--library', {str(root)!r}])\n"
        "heavy = ('yaml', 'markdown_it', 'textual', 'rich', 'rapidfuzz',\n"
        "         'tui.content.search_units', 'tui.render.document')\n"
        "print(code, [m for m in heavy if m in sys.modules], file=sys.stderr)"
    )
    env = {**os.environ, "WELLREAD_DATA": str(tmp_path / "data")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        for _ in range(2)
    ]
    # The first builds the index (it reads the files: YAML, Markdown, the row maker) ...
    assert "tui.content.search_units" in runs[0].stderr
    # ... the second answers from it: no parser, no UI, not the article renderer (and
    # no "did you mean": enough places were found).
    assert runs[1].stderr.strip().splitlines()[-1] == "0 []"
    assert runs[0].stdout == runs[1].stdout
    assert "Walking up hills" in runs[1].stdout and "Stairs at home" in runs[1].stdout


def test_a_file_changed_in_place_is_seen_by_the_next_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _library(tmp_path / "library")
    monkeypatch.setenv("WELLREAD_DATA", str(tmp_path / "data"))
    assert main(["search", "rowing", "--library", str(root)]) == 0
    capsys.readouterr()
    # Same name, same folder; only the file's size and time change.
    _write(root, "rowing", "Rowing", "Paddling strengthens the back.")
    os.utime(root / "rowing.md", ns=(SETTLED + 5, SETTLED + 5))
    assert main(["search", "paddling", "--library", str(root)]) == 0
    assert "Rowing" in capsys.readouterr().out


def test_a_number_is_never_corrected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert allowed_edits("2018") == 0 and allowed_edits("2018", known=True) == 0
    assert allowed_edits("walkng") == 2  # a word still may be
    root = _library(tmp_path / "library")
    monkeypatch.setenv("WELLREAD_DATA", str(tmp_path / "data"))
    assert main(["search", "2019", "--library", str(root)]) == 0
    assert "Walking up hills" in capsys.readouterr().out
    # 2018 is one digit from 2019, which the library has: still not offered.
    assert main(["search", "2018", "--library", str(root)]) == 1
    out = capsys.readouterr().out
    assert "2018" in out and "2019" not in out and "Did you mean" not in out
