"""The library's keys do what its help says: letters move, / filters, s searches."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import focused, settle
from textual.widgets import Input

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.library import ArticleList, LibraryScreen
from tui.screens.search import SearchScreen


async def test_letters_move_the_selection_and_never_type(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.screen.query_one(ArticleList)
        filter_input = app.screen.query_one("#filter", Input)
        last = len(listing.entries) - 1
        assert listing.entries[0].id == "search"  # found without scrolling
        await pilot.press("G")
        assert listing.cursor == last
        await pilot.press("k", "k")
        assert listing.cursor == last - 2
        await pilot.press("j")
        assert listing.cursor == last - 1
        await pilot.press("g")
        assert listing.cursor == 0
        assert filter_input.value == "" and focused(app) is listing


async def test_slash_filters_and_a_word_with_q_does_not_quit(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"quiet")
        await pilot.pause()
        assert app.return_code is None and isinstance(app.screen, LibraryScreen)
        assert app.screen.query_one("#filter", Input).value == "quiet"
        await pilot.press("ctrl+u", *"stair", "enter")
        listing = app.screen.query_one(ArticleList)
        # Enter ends the filter: the list has the focus, its first match highlighted.
        assert focused(app) is listing and listing.cursor_id == "article:gamma"
        assert listing.has_focus  # so the row shows its ▶ and cursor colours


async def test_s_opens_search_with_the_filter_words(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert focused(app) is app.screen.query_one(ArticleList)


async def test_an_empty_library_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    app = WellreadApp(load_library(folder))
    async with app.run_test(size=(100, 30)):
        listing = app.screen.query_one(ArticleList)
        texts = [entry.blocks[0].text for entry in listing.entries]
        assert any(text.startswith("This library has no articles yet") for text in texts)
        assert not any("matches the filter" in text for text in texts)
