"""The terminal cursor stands where the reader's attention is, on every screen and dialog.

Screen readers and braille displays follow the terminal cursor. Each check reads the
frame as drawn and finds the focused thing there by its look (the ▶ of a list item,
the reversed caret of a text input, the first letter of a line), then compares.
"""

from __future__ import annotations

from pathlib import Path

from screen_cells import drawn_colours, rendered_rows, row_text
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import WellreadApp
from tui.content import load_library
from tui.widgets.article_view import ArticleView
from tui.widgets.cursor import HIDE_CURSOR, SHOW_STEADY_CURSOR
from tui.widgets.line_list import LineList


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(5):
        await pilot.pause()


async def assert_cursor_on_focus(pilot: Pilot[None], where: str, match: str = "") -> None:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, WellreadApp)
    focused = app.focused
    assert focused is not None, where
    rows = rendered_rows(app)
    x, y = app.cursor_position
    assert focused.content_region.contains(x, y), f"{where}: cursor off the focused widget"
    row = rows[y]
    left = focused.content_region.x
    if isinstance(focused, LineList):
        # On the item's first letter, with the focus marker before it on the same line.
        assert "▶" in row_text(row[left:x]), f"{where}: no ▶ before the cursor"
        assert row[x].char.strip(), f"{where}: cursor on a blank"
    elif isinstance(focused, Input):
        # The caret is the one cell drawn with its colours swapped.
        caret = drawn_colours(row[x].style)
        after = drawn_colours(row[x + 1].style)
        assert caret[1] != after[1], f"{where}: cursor not on the caret"
    elif isinstance(focused, ArticleView) and match:
        assert row_text(row[x:]).casefold().startswith(match), f"{where}: not on the match"
    elif isinstance(focused, ArticleView):
        assert row[x].char.strip(), f"{where}: cursor on a blank"
        assert not row_text(row[left:x]).strip(), f"{where}: cursor not at a line's start"
    elif isinstance(focused, VerticalScroll):  # the help text
        assert row_text(row[x:]).startswith("The library lists") or row_text(row[x:]).startswith(
            "Left: the contents"
        ), f"{where}: cursor not on the help's first line"
    else:
        raise AssertionError(f"{where}: no check for {type(focused).__name__}")


async def test_cursor_follows_focus_through_every_screen_and_dialog(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await assert_cursor_on_focus(pilot, "library list")
        await pilot.press("down")
        await assert_cursor_on_focus(pilot, "library, second item")
        await pilot.press("question_mark")
        await assert_cursor_on_focus(pilot, "library help")
        await pilot.press("escape", "slash")
        await assert_cursor_on_focus(pilot, "empty filter")
        await pilot.press("a", "l")
        await assert_cursor_on_focus(pilot, "filter with text")
        await pilot.press("escape")
        await assert_cursor_on_focus(pilot, "back on the list")

        app.open_article("alpha")
        await assert_cursor_on_focus(pilot, "reader")
        await pilot.press("question_mark")
        await assert_cursor_on_focus(pilot, "reader help")
        await pilot.press("escape", "slash", "l", "o")
        await assert_cursor_on_focus(pilot, "find bar")
        await pilot.press("enter")
        await assert_cursor_on_focus(pilot, "on a find match", match="lo")
        await pilot.press("m")
        await assert_cursor_on_focus(pilot, "bookmark note")
        await pilot.press("n", "enter", "apostrophe")
        await assert_cursor_on_focus(pilot, "bookmarks list")
        await pilot.press("escape", "tab")
        await assert_cursor_on_focus(pilot, "related exercises")
        await pilot.press("r")
        await assert_cursor_on_focus(pilot, "references")
        await pilot.press("enter")
        await assert_cursor_on_focus(pilot, "cited in")
        await pilot.press("escape", "tab")
        await assert_cursor_on_focus(pilot, "outline")
        await pilot.press("ctrl+p")
        await assert_cursor_on_focus(pilot, "command palette")
        await pilot.press("escape")

        app.open_exercise("wall-sit")
        await assert_cursor_on_focus(pilot, "exercise card")
        await pilot.press("escape", "escape")
        await assert_cursor_on_focus(pilot, "library after Esc from the reader")

        await pilot.press("end", "enter")  # the search entry, last in the list
        await assert_cursor_on_focus(pilot, "search query")
        await pilot.press("w", "a", "l", "l")
        await settle(pilot)
        await pilot.press("down")
        await assert_cursor_on_focus(pilot, "search results")


def test_shown_cursor_is_steady() -> None:
    # DECSCUSR 2 is a steady block; a blinking cursor would be something moving by itself.
    assert SHOW_STEADY_CURSOR.startswith("\x1b[?25h")
    assert "\x1b[2 q" in SHOW_STEADY_CURSOR
    assert HIDE_CURSOR == "\x1b[?25l"
