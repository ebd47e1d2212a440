"""Linear output for screen readers and braille: words only, every part in order."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tui.cli import main
from tui.content import load_library
from tui.linear import LinearReader, accessible_requested

GAMMA = "gamma"
# Box drawing and block elements: what a braille display would spell out as noise.
BOX = re.compile("[\u2500-\u259f]")


def _plain(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["read", GAMMA, "--plain", "--library", str(library_dir)]) == 0
    return capsys.readouterr().out


def test_plain_output_is_words_only(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _plain(library_dir, capsys)
    assert "\x1b" not in text
    assert not BOX.search(text)
    assert all(char == "\n" or char.isprintable() for char in text)


def test_plain_output_holds_every_heading_reference_and_exercise(
    library_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _plain(library_dir, capsys).splitlines()
    # What gamma.md holds, in its order.
    assert lines[0] == "Gamma guide to stair climbing"
    headings = [
        "Section 1: Why stairs load the legs",
        "Section 1.1: Going up",
        "Section 1.2: Going down",
        "Section 2: Building up slowly",
        "Section 2.1: The first weeks",
        "Section 2.2: Adding a load",
        "Section 3: Safety first",
        "Section 3.1: When to avoid stairs",
        "Section 3.2: Rails and lighting",
        "Section 4: Other ways to climb",
        "Section 4.1: Step machines",
        "Section 5: Talk to your clinician",
    ]
    positions = [lines.index(heading) for heading in headings]
    assert positions == sorted(positions)

    titles = [
        "Stair climbing and leg power in older adults",
        "A slow start to stair training",
        "Weekly steps up the staircase",
        "Carrying loads after a vertebral fracture",
        "Safe stairs at home",
    ]
    start = lines.index("References (5):")
    numbered = lines[start + 1 : start + 6]
    for number, (line, title) in enumerate(zip(numbered, titles, strict=True), start=1):
        assert line.startswith(f"{number}. ") and title in line

    start = lines.index("Related exercises (4):")
    for number, title in enumerate(["Chair rise", "Heel raise", "Wall sit", "Toe hop"], start=1):
        assert lines[start + number].startswith(f"{number}. {title}.")


def test_citations_read_as_numbers(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _plain(library_dir, capsys)
    assert re.search(r"\[\d+(, \d+)*\]", text)
    assert "et al.," not in text.split("References (")[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("yes", True), ("", False), ("0", False), ("false", False), ("FALSE", False)],
)
def test_accessible_values(value: str, expected: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCESSIBLE", value)
    assert accessible_requested() is expected


def test_linear_menu_opens_an_article_and_reads_its_third_section(library_dir: Path) -> None:
    library = load_library(library_dir)
    output = io.StringIO()
    # The menu lists alpha, beta, delta, gamma: gamma is the fourth.
    reader = LinearReader(library, io.StringIO("4\n3\nq\nq\n"), output)
    assert reader.run() == 0
    text = output.getvalue()
    assert "Section 3: Safety first" in text
    assert "Stairs are where many falls at home happen" in text
    assert "End of Section 3: Safety first." in text
    # Only the third section: the one before and the one after are not read.
    assert "Most people can begin with one or two flights" not in text
    assert "If your home has no stairs" not in text
    assert "\x1b" not in text and not BOX.search(text)


def test_linear_menu_reads_on_with_enter_and_survives_end_of_input(library_dir: Path) -> None:
    library = load_library(library_dir)
    output = io.StringIO()
    reader = LinearReader(library, io.StringIO("1\n\n\n"), output)
    assert reader.run() == 0
    text = output.getvalue()
    # Two Enters read alpha's first two parts in order; the end of input ends quietly.
    overview_end = text.index("End of Overview.")
    assert text.index("Section 1: Why it matters") > overview_end
    assert "Traceback" not in text


def test_accessible_environment_gives_the_linear_menu(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACCESSIBLE", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["--library", str(library_dir)]) == 0
    out = capsys.readouterr().out
    assert "Articles:" in out and "Goodbye." in out


def test_a_heading_found_on_its_own_prints_no_empty_line() -> None:
    from tui.content.hits import SearchHit
    from tui.render.plain import search_hit_lines

    hit = SearchHit("article", "stairs", "Stairs", 3, "3. Going down", "")
    assert search_hit_lines(1, hit) == [
        "1. Stairs (article): 3. Going down",
        "   wellread open stairs",
    ]
