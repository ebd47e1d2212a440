"""Linear output for screen readers and braille: words only, every part in order."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from tui.cli import main
from tui.content import load_library
from tui.content.model import Paragraph, Text
from tui.linear import LinearReader, accessible_requested

RUNNING = "running-and-osteoporosis"
# Box drawing and block elements: what a braille display would spell out as noise.
BOX = re.compile("[\u2500-\u259f]")


def _plain(bundled_dir: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["read", RUNNING, "--plain", "--library", str(bundled_dir)]) == 0
    return capsys.readouterr().out


def test_plain_output_is_words_only(bundled_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _plain(bundled_dir, capsys)
    assert "\x1b" not in text
    assert not BOX.search(text)
    assert all(char == "\n" or char.isprintable() for char in text)


def test_plain_output_holds_every_heading_reference_and_exercise(
    bundled_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = _plain(bundled_dir, capsys).splitlines()
    library = load_library(bundled_dir)
    article = library.article(RUNNING)
    assert lines[0] == article.title
    headings = [f"Section {s.number}: {s.title}" for s in article.all_sections()]
    positions = [lines.index(heading) for heading in headings]
    assert positions == sorted(positions)

    start = lines.index(f"References ({len(article.references)}):")
    numbered = lines[start + 1 : start + 1 + len(article.references)]
    assert [line.split(".", 1)[0] for line in numbered] == [
        str(n) for n in range(1, len(article.references) + 1)
    ]
    for ref in article.references:
        assert sum(ref.title in line for line in numbered) == 1

    exercises = [library.exercise_facts(slug) for slug in article.related_exercises]
    start = lines.index(f"Related exercises ({len(exercises)}):")
    for number, facts in enumerate(exercises, start=1):
        assert lines[start + number].startswith(f"{number}. {facts.title}.")


def test_citations_read_as_numbers(bundled_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = _plain(bundled_dir, capsys)
    assert re.search(r"\[\d+(, \d+)*\]", text)
    assert "et al.," not in text.split("References (")[0]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("yes", True), ("", False), ("0", False), ("false", False), ("FALSE", False)],
)
def test_accessible_values(value: str, expected: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ACCESSIBLE", value)
    assert accessible_requested() is expected


def _first_words(blocks: list[object]) -> str:
    paragraph = next(block for block in blocks if isinstance(block, Paragraph))
    text = "".join(run.text for run in paragraph.inlines if isinstance(run, Text))
    return " ".join(text.split()[:6])


def test_linear_menu_opens_an_article_and_reads_its_third_section(bundled_dir: Path) -> None:
    library = load_library(bundled_dir)
    slugs = [entry.slug for entry in library.article_entries()]
    choice = slugs.index(RUNNING) + 1
    output = io.StringIO()
    reader = LinearReader(library, io.StringIO(f"{choice}\n3\nq\nq\n"), output)
    assert reader.run() == 0
    text = output.getvalue()
    third = library.article(RUNNING).sections[2]
    assert f"Section 3: {third.title}" in text
    assert _first_words(third.blocks) in text
    assert f"End of Section 3: {third.title}." in text
    assert "\x1b" not in text and not BOX.search(text)


def test_linear_menu_reads_on_with_enter_and_survives_end_of_input(bundled_dir: Path) -> None:
    library = load_library(bundled_dir)
    output = io.StringIO()
    reader = LinearReader(library, io.StringIO("1\n\n\n"), output)
    assert reader.run() == 0
    text = output.getvalue()
    first = library.article_entries()[0]
    article = library.article(first.slug)
    # Two Enters read the first two parts in order; the end of input ends quietly.
    overview_end = text.index("End of Overview.")
    assert text.index(f"Section 1: {article.sections[0].title}") > overview_end
    assert "Traceback" not in text


def test_accessible_environment_gives_the_linear_menu(
    bundled_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ACCESSIBLE", "1")
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["--library", str(bundled_dir)]) == 0
    out = capsys.readouterr().out
    assert "Articles:" in out and "Goodbye." in out
