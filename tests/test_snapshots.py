"""What each screen looks like. Review the SVG diff before updating a snapshot:
pytest --snapshot-update, then open tests/__snapshots__ in a browser."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import article_ready

from tui.app import WellreadApp
from tui.content import load_library

# The test library itself (read only here), so that editing a bundled article changes
# no snapshot.
LIBRARY = Path(__file__).parent / "fixtures" / "library"
GAMMA = "gamma"


def _app(slug: str | None = None) -> WellreadApp:
    return WellreadApp(load_library(LIBRARY), open_slug=slug)


def test_library_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(), terminal_size=(100, 30))


def test_reader_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(_app(GAMMA), terminal_size=(100, 30), run_before=article_ready)


def test_reader_screen_80x24_after_section_jumps(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        _app(GAMMA),
        press=["right_square_bracket", "right_square_bracket"],
        terminal_size=(80, 24),
        run_before=article_ready,
    )


def test_exercise_screen_opened_from_the_sidebar(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        _app(GAMMA),
        press=["tab", "enter"],
        terminal_size=(100, 30),
        run_before=article_ready,
    )


def test_help_screen(snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(
        _app(GAMMA), press=["question_mark"], terminal_size=(100, 40), run_before=article_ready
    )
