"""One history across screens: Esc and Backspace go back a step, Alt+Right forward again,
and each screen comes back as it was left."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import article_ready, focused, settle
from search_library import write_search_library

from tui.app import WellreadApp
from tui.content import load_library
from tui.history import Place
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.exercise import ExerciseScreen
from tui.screens.library import ArticleList, LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.state import StateStore
from tui.widgets.article_view import ArticleView
from tui.widgets.line_list import LineList
from tui.widgets.sidebar import ExerciseList


async def test_esc_from_a_result_returns_to_the_results_as_they_were(tmp_path: Path) -> None:
    app = WellreadApp(load_library(write_search_library(tmp_path / "library")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")  # the library's key for search
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen) and search.index is not None
        await pilot.press(*"walk")
        await pilot.pause()
        assert len(search.hits) >= 2
        await pilot.press("down", "down")  # into the results, then the second one
        results = search.query_one(LineList)
        assert results.cursor == 1
        chosen = search.hits[1]
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)

        await pilot.press("escape")
        await pilot.pause()
        assert app.screen_stack[-1:] == [search]
        assert search.query_text == "walk"
        assert results.cursor == 1 and search.hits[1] == chosen
        assert focused(app) is results
        # What was left is ahead: Alt+Right opens it again, Alt+Left comes back.
        assert app.history.ahead[-1].key == chosen.slug
        await pilot.press("alt+right")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen_stack[-1:] == [search] and results.cursor == 1


async def test_search_comes_forward_with_its_query_and_selection(tmp_path: Path) -> None:
    app = WellreadApp(load_library(write_search_library(tmp_path / "library")))
    async with app.run_test(size=(100, 30)) as pilot:
        app.history.left(Place("search", "walk", 1))
        await pilot.press("alt+right")
        await settle(pilot)
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert search.query_text == "walk" and search.selected == 1
        await pilot.press("backspace")  # the results have the focus: back a step
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_a_card_opened_from_the_sidebar_goes_back_to_the_same_line(
    library_dir: Path,
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="gamma")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        view = reader.query_one(ArticleView)
        await pilot.press("right_square_bracket", "right_square_bracket")
        top = view.top_line
        assert top > 0
        for key in ("escape", "backspace"):
            for _ in range(4):
                if isinstance(app.focused, ExerciseList):
                    break
                await pilot.press("tab")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ExerciseScreen)
            await pilot.press(key)
            await pilot.pause()
            assert app.screen_stack[-1:] == [reader] and view.top_line == top
        # Forward again to the card that was left.
        await pilot.press("alt+right")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)


async def test_back_at_the_library_keeps_the_article_selected(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        listing = app.screen.query_one(ArticleList)
        articles = [e.id for e in listing.entries if e.id.startswith("article:")]
        await pilot.press("G")
        while listing.cursor_id != articles[-1]:
            await pilot.press("k")
        await pilot.press("enter")
        await article_ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.slug == articles[-1].removeprefix("article:")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert listing.cursor_id == articles[-1]
        # Listed twice now (Continue reading at the top): the highlight stays on the
        # row it was on, not the first with the same article.
        assert listing.entries[1].blocks[0].text.startswith("Continue reading")
        assert listing.cursor > 1
        assert focused(app) is listing
        # At the library, back has nowhere to go: the app stays.
        await pilot.press("backspace", "escape", "alt+left")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen) and app.return_code is None


async def test_back_from_a_bookmarked_article_is_the_bookmarks(
    tmp_path: Path, library_dir: Path
) -> None:
    state = StateStore(library_dir.resolve(), tmp_path / "state.sqlite")
    state.add_bookmark("gamma", 0, 0, "Overview", "")
    state.add_bookmark("beta", 0, 0, "Overview", "")
    app = WellreadApp(load_library(library_dir), state=state)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_bookmarks()
        await pilot.pause()
        marks = app.screen
        assert isinstance(marks, BookmarksScreen) and len(marks.marks) == 2
        await pilot.press("j")
        chosen = marks.marks[1].slug
        await pilot.press("enter")
        await article_ready(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.slug == chosen
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen_stack[-1:] == [marks]
        assert marks.query_one(LineList).cursor == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
