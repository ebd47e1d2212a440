"""The exercise card opens laid out once and closes without relaying the reader
(tui/screens/styled_once.py, QUIET): what it shows and where it starts are as before."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import article_ready, related_card_opened

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.exercise import ExerciseScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine

ALPHA = "alpha"  # its related card: wall-sit


async def test_a_card_opened_at_a_section_starts_there(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=ALPHA)
    async with app.run_test(size=(100, 12)) as pilot:
        await article_ready(pilot)
        app.open_exercise("wall-sit")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, ExerciseScreen)
        outline = card.rendered.outline
        # The card's last section, below the first page of a 12-line terminal.
        last = len(outline) - 1
        assert outline[last].label == "References"
        await pilot.press("escape")
        await pilot.pause()
        app.open_exercise("wall-sit", last)
        await pilot.pause()
        await pilot.pause()
        card = app.screen
        assert isinstance(card, ExerciseScreen)
        view = card.query_one(ArticleView)
        assert view.current_section == last
        assert view.top_line > 0
        # The position notice names the section the card opened at.
        assert "References" in str(card.query_one(StatusLine).render())


async def test_a_card_drawn_after_it_opens_still_moves(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=ALPHA)
    async with app.run_test(size=(100, 12)) as pilot:
        await article_ready(pilot)
        card = await related_card_opened(pilot)
        view = card.query_one(ArticleView)
        assert view.has_focus and view.top_line == 0
        first = app.export_screenshot()
        await pilot.press("space")  # a page down, drawn in a later frame
        await pilot.pause()
        assert view.top_line > 0
        assert app.export_screenshot() != first
