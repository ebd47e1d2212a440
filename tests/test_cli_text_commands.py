"""Text commands print text under ACCESSIBLE and --plain; cards are read like articles."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from linear_support import assert_plain, write_library

from tui.app import WellreadApp
from tui.cli import COMMANDS, main
from tui.content import load_library
from tui.screens.exercise import ExerciseScreen


@pytest.fixture
def written(tmp_path: Path) -> Path:
    return write_library(tmp_path / "library")


@pytest.fixture
def no_menu(monkeypatch: pytest.MonkeyPatch) -> None:
    """The linear menu, if it ever opened, would read this and quit at once."""
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))


@pytest.mark.parametrize("how", [["--plain"], []])
def test_search_prints_results_and_exits_under_accessible(
    written: Path,
    how: list[str],
    no_menu: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ACCESSIBLE", "1")
    assert main([*how, "search", "stairs", "--library", str(written)]) == 0
    out = capsys.readouterr().out
    assert "Articles:" not in out and "Goodbye." not in out
    lines = out.splitlines()
    assert lines[0].endswith("places speak of 'stairs', best first:")
    assert "1. Stairs as exercise (article): " in out
    assert "   wellread open stairs" in lines
    assert_plain(out)


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["list"], "posture\tStanding tall"),
        (["check"], "Checked 3 files in"),
        (["refs", "stairs", "--format", "ris"], "TI  - Stair climbing and hip loading"),
    ],
)
def test_other_text_commands_stay_text_under_accessible(
    written: Path,
    argv: list[str],
    expected: str,
    no_menu: None,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ACCESSIBLE", "1")
    main([*argv, "--plain", "--library", str(written)])
    out = capsys.readouterr().out
    assert expected in out
    assert "Articles:" not in out


def test_read_card_plain_prints_the_whole_card_safety_first(
    written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["read", "step-taps", "--plain", "--library", str(written)]) == 0
    out = capsys.readouterr().out
    assert_plain(out)
    lines = out.splitlines()
    assert lines[0] == "Step taps"
    headings = [
        "Cautions",
        "Who should skip it",
        "Stop and get help if",
        "How to do it",
        "Dose",
        "Easier",
        "Harder",
        "References",
    ]
    # Each heading stands on its own line, between blank lines, in this order.
    found = [i for i, line in enumerate(lines) if line in headings and not lines[i - 1]]
    assert [lines[i] for i in found] == headings
    # Every section's own words are there, under its heading.
    for heading, words in [
        ("Cautions", "Keep the stairs clear of shoes and bags."),
        ("Who should skip it", "Anyone whose balance is poor without support."),
        ("Stop and get help if", "You feel faint or dizzy, or you fall."),
        ("How to do it", "Hold the handrail and tap your right toes on the bottom stair [1]."),
        ("Harder", "Let go of the rail only if your balance is good."),
    ]:
        assert lines[lines.index(heading) + 2] == words
    assert "Dose: 2 sets of 10 taps a side" in out
    assert "1. Park S (2021). Stair climbing and hip loading in older women." in out


def test_read_article_plain_separates_note_markers_from_words(
    written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["read", "stairs", "--plain", "--library", str(written)]) == 0
    out = capsys.readouterr().out
    assert "to your own maximum [note 1]." in out
    assert "maximum[note" not in out
    assert "Related exercises (1):" in out
    assert "1. Step taps. Balance, Low impact. Equipment: the bottom stair, a handrail. " in out


def test_open_card_plain_reads_it_in_the_linear_mode(
    written: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("q\n"))
    assert main(["open", "step-taps", "--plain", "--library", str(written)]) == 0
    out = capsys.readouterr().out
    assert out.index("Exercise card: Step taps") < out.index("Keep the stairs clear")
    assert out.rstrip().endswith("Goodbye.")


def test_unknown_slug_names_articles_and_cards(
    written: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["read", "step-tap", "--plain", "--library", str(written)]) == 2
    assert "Did you mean: step-taps?" in capsys.readouterr().err


def test_commands_are_a_table_a_new_one_can_join() -> None:
    assert {"open", "read", "list", "check", "search", "refs"} <= set(COMMANDS)


async def test_the_app_opens_a_card_given_as_its_slug(written: Path) -> None:
    app = WellreadApp(load_library(written), open_slug="step-taps")
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert app.screen.exercise.title == "Step taps"
