"""The glossary screen, opened from the palette and driven with keys only."""

from __future__ import annotations

from pathlib import Path

from glossary_support import write_library
from screen_cells import rendered_rows, row_text
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.glossary import GlossaryScreen
from tui.screens.library import LibraryScreen
from tui.widgets.bars import SearchLine
from tui.widgets.line_list import LineList


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(5):
        await pilot.pause()


def screen_text(app: WellreadApp) -> str:
    return "\n".join(row_text(row) for row in rendered_rows(app))


def meaning(app: WellreadApp) -> list[str]:
    return [
        entry.blocks[0].text
        for entry in app.screen.query_one("#glossary-meaning", LineList).entries
    ]


async def open_glossary(pilot: Pilot[None]) -> None:
    await pilot.press("ctrl+p", *"glossary")
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_opens_the_glossary_and_keys_move_through_it(tmp_path: Path) -> None:
    app = WellreadApp(load_library(write_library(tmp_path / "library")))
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Glossary" in [c.title for c in app.get_system_commands(app.screen)]
        await open_glossary(pilot)
        assert isinstance(app.screen, GlossaryScreen)
        terms = app.screen.query_one("#glossary-terms", LineList)
        assert focused_widget(app) is terms
        assert [e.id for e in terms.entries] == ["bone mineral density", "DXA", "T-score"]
        # The highlighted term's meaning shows below, in plain words, with its source.
        assert meaning(app)[:3] == [
            "bone mineral density",
            "Also called: BMD, bone density.",
            "How much mineral your bones hold.",
        ]
        assert meaning(app)[3].startswith("Source: Rowe D (2021). A made-up trial of rowe2021.")
        text = screen_text(app)
        assert "▶ bone mineral density" in text
        await pilot.press("G")
        assert terms.cursor == 2 and meaning(app)[0] == "T-score"
        await pilot.press("k")
        assert terms.cursor == 1 and meaning(app)[0] == "DXA"
        await pilot.press("g")
        assert terms.cursor == 0
        await pilot.press("j")
        # Enter reads the meaning: focus (and the terminal cursor) go to it.
        await pilot.press("enter")
        await settle(pilot)
        meaning_list = app.screen.query_one("#glossary-meaning", LineList)
        assert app.focused is meaning_list
        cell = meaning_list.cursor_cell()
        assert cell is not None and app.cursor_position == cell
        await pilot.press("escape")
        assert focused_widget(app) is terms
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)


async def test_slash_filters_the_terms_and_escape_clears_it(tmp_path: Path) -> None:
    app = WellreadApp(load_library(write_library(tmp_path / "library")))
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_glossary()
        await settle(pilot)
        terms = app.screen.query_one("#glossary-terms", LineList)
        await pilot.press("slash", *"scan")
        await settle(pilot)
        assert isinstance(app.focused, SearchLine)
        assert [e.id for e in terms.entries] == ["DXA"]
        assert "1 of 3 terms" in screen_text(app)
        await pilot.press("enter")  # keep the filter, go to the list
        await settle(pilot)
        assert focused_widget(app) is terms and [e.id for e in terms.entries] == ["DXA"]
        await pilot.press("slash", "backspace", "backspace", "backspace", "backspace", *"zzz")
        await settle(pilot)
        assert "No term matches “zzz”." in screen_text(app)
        assert meaning(app) == []
        await pilot.press("escape")
        await settle(pilot)
        assert focused_widget(app) is terms and len(terms.entries) == 3


async def test_a_library_with_no_glossary_says_so(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_glossary()
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert "This library has no glossary." in screen_text(app)


def focused_widget(app: WellreadApp) -> object:
    """The focused widget, typed loosely so an earlier isinstance check does not narrow it."""
    return app.focused
