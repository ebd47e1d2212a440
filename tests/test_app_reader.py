"""The reader driven with keys only, as a person would use it."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import article_ready, focused
from textual.widgets import Input

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.exercise import ExerciseScreen
from tui.screens.help import HelpScreen
from tui.screens.library import ArticleList, LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.outline import Outline
from tui.widgets.sidebar import ExerciseList


async def test_open_read_jump_sidebar_exercise_and_back(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, LibraryScreen)
        # / starts the filter; Enter goes to the list, on the one article left; Enter opens.
        await pilot.press("slash", *"stair", "enter")
        assert isinstance(app.focused, ArticleList) and app.focused.cursor_id == "article:gamma"
        await pilot.press("enter")
        await article_ready(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.slug == "gamma"

        view = app.screen.query_one(ArticleView)
        outline = app.screen.query_one(Outline)
        assert view.current_section == 0 and outline.current == 0
        positions = [view.top_line]
        for expected in (1, 2, 3):
            await pilot.press("right_square_bracket")
            assert view.current_section == expected
            assert outline.current == expected
            positions.append(view.top_line)
        assert positions == sorted(positions) and len(set(positions)) == 4
        await pilot.press("left_square_bracket")
        assert view.current_section == 2
        await pilot.press("right_square_bracket")

        section, top = view.current_section, view.top_line
        for _ in range(4):
            if isinstance(app.focused, ExerciseList):
                break
            await pilot.press("tab")
        assert isinstance(app.focused, ExerciseList)
        # The first related exercise the article names.
        assert app.focused.entries[0].id == "chair-rise"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseScreen)
        assert app.screen.exercise.slug == "chair-rise"

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert (view.current_section, view.top_line) == (section, top)


async def test_outline_enter_jumps_to_that_section(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(80, 16)) as pilot:
        await article_ready(pilot)
        outline = app.screen.query_one(Outline)
        outline.focus()
        await pilot.press("j", "j", "j", "enter")  # Overview, 1, 1.1, then 2
        view = app.screen.query_one(ArticleView)
        assert view.current_section == 3
        assert outline.current == 3
        assert app.focused is view
        line = view.text_layout.lines[view.top_line] if view.text_layout else None
        assert line is not None
        assert view.document is not None
        assert view.document.blocks[line.block].text == "2. What to do"


async def test_status_line_counts_sections_and_percent(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(80, 16)) as pilot:
        await article_ready(pilot)
        status = app.screen.query_one("#status")
        assert "Overview" in str(status.render())
        await pilot.press("right_square_bracket")
        assert "Section 1 of 3" in str(status.render())
        await pilot.press("G")
        # The end alone is not the whole article; the last section is named.
        assert "100% read" not in str(status.render())
        assert "Related articles" in str(status.render())
        await pilot.press("g")
        for _ in range(40):
            await pilot.press("space")
        assert "100% read" in str(status.render())


async def test_escape_backs_out_of_reader_and_q_quits(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="beta")
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        # Esc at the library has nowhere to go back to: it says so, and stays.
        await pilot.press("escape")
        await pilot.pause()
        assert app.return_code is None
        assert isinstance(app.screen, LibraryScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_help_lists_the_keys_of_the_current_screen(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(100, 40)) as pilot:
        await article_ready(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.text.plain
        for words in (
            "Next section",
            "Previous section",
            "Back (to the article, or to the library)",
            "Page down",
        ):
            assert words in text, words
        assert "]" in text and "[" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_filter_escape_clears_and_returns_to_list(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash", *"beta")
        screen = app.screen
        assert isinstance(app.focused, Input) and app.focused.value == "beta"
        article_list = screen.query_one(ArticleList)

        def articles_listed() -> list[str]:
            return [e.id for e in article_list.entries if e.id.startswith("article:")]

        assert articles_listed() == ["article:beta"]
        await pilot.press("escape")
        assert focused(app) is article_list
        assert articles_listed() == [
            "article:alpha",
            "article:beta",
            "article:delta",
            "article:gamma",
        ]
        assert isinstance(app.screen, LibraryScreen)
