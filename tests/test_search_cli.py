"""`wellread search`: every form of a word marked, and "did you mean"."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import pytest
from search_library import write_search_library

from tui.cli import Context, cmd_search, main
from tui.content import Library, load_library

BOLD, PLAIN = "\x1b[1m", "\x1b[22m"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _search(library: Library, query: str, out: io.StringIO) -> int:
    context = Context(argparse.Namespace(query=[query]), out, io.StringIO())
    context.__dict__["library"] = library  # the cached_property, filled in
    return cmd_search(context)


def test_search_marks_every_form_on_a_terminal(tmp_path: Path) -> None:
    library = load_library(write_search_library(tmp_path / "library"))
    out = Terminal()
    assert _search(library, "fractures", out) == 0
    text = out.getvalue()
    bold = re.findall(rf"{re.escape(BOLD)}(.*?){re.escape(PLAIN)}", text)
    assert {word.lower() for word in bold} == {"fracture", "fractured", "fractures"}
    assert "A \x1b[1mfractured\x1b[22m wrist usually heals" in text
    # Not a terminal: the same text, with no codes at all.
    plain = io.StringIO()
    assert _search(library, "fractures", plain) == 0
    assert plain.getvalue() == text.replace(BOLD, "").replace(PLAIN, "")
    assert "\x1b" not in plain.getvalue()


def test_search_lists_places_with_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_search_library(tmp_path / "library")
    assert main(["search", "walk", "--library", str(folder)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert re.fullmatch(r"\d+ places speak of 'walk', best first:", lines[0])
    assert lines[1] == "1. Walking for stronger legs (article): Overview"
    assert lines[2].startswith("   How a daily walk fits into a week of activity")
    assert lines[3] == "   wellread open walking-for-stronger-legs"


def test_a_misspelt_search_says_what_it_searched_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_search_library(tmp_path / "library")
    assert main(["search", "osteoprosis", "--library", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "No article or exercise speaks of 'osteoprosis'. Did you mean 'osteoporosis'? "
        "Searched for that instead."
    )
    assert re.fullmatch(r"\d+ places? speaks? of 'osteoporosis', best first:", lines[1])
    assert lines[2].startswith("1. Living after a fracture (article): ")
    assert "osteoporosis" in lines[3]
    assert main(["search", "xylophonist", "--library", str(folder)]) == 1
    assert capsys.readouterr().out == "No article or exercise speaks of 'xylophonist'.\n"


def test_few_places_come_with_a_commoner_spelling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_search_library(tmp_path / "library")
    (folder / "typo.md").write_text(
        "---\ntitle: Typo\nsummary: S.\n---\nA note on osteoporsis, spelt wrong once.\n",
        encoding="utf-8",
    )
    for number in range(3):
        (folder / f"more-{number}.md").write_text(
            f"---\ntitle: More {number}\nsummary: S.\n---\n## One\nOsteoporosis here.\n",
            encoding="utf-8",
        )
    assert main(["search", "osteoporsis", "--library", str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "1 place speaks of 'osteoporsis':"
    assert lines[1] == "1. Typo (article): Overview"
    assert re.fullmatch(
        r"Did you mean 'osteoporosis'\? It is found in \d+ places: "
        r"wellread search osteoporosis",
        lines[-1],
    )
