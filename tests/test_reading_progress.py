"""Honest progress: the share read is what has been on screen, the end alone is not
the whole article, and the reader can mark an article read or not read."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import article_ready

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.blocks import RenderedDocument, TextBlock
from tui.render.layout import Layout
from tui.render.progress import SeenText
from tui.render.summaries import READ_PERCENT
from tui.state import StateStore
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine


def _app(library_dir: Path, tmp_path: Path) -> tuple[WellreadApp, StateStore]:
    state = StateStore(library_dir.resolve(), tmp_path / "state.sqlite")
    return WellreadApp(load_library(library_dir), open_slug="alpha", state=state), state


def _status(app: WellreadApp) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def test_a_just_opened_article_reports_what_is_visible(
    library_dir: Path, tmp_path: Path
) -> None:
    app, _ = _app(library_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        layout = view.text_layout
        assert layout is not None and layout.complete
        opened = view.percent_read
        # The share of the lines of text on screen (spacing lines apart).
        text_lines = [line for line in layout.lines if not line.blank]
        on_screen = [line for line in layout.lines[: view.page_height] if not line.blank]
        assert 0 < opened < 100
        assert opened == 100 * len(on_screen) // len(text_lines)
        assert f"{opened}% read" in _status(app)
        await pilot.press("space")
        assert view.percent_read > opened  # new lines have come into view


async def test_g_names_the_last_section_and_is_not_reading(
    library_dir: Path, tmp_path: Path
) -> None:
    app, state = _app(library_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.document is not None
        await pilot.press("G")
        assert view.current_section == len(view.document.outline) - 1
        last = view.document.outline[-1].title
        assert last in _status(app)
        assert view.percent_read < READ_PERCENT
        await pilot.press("escape")
        saved = state.position("alpha")
        assert saved is not None and saved.percent < READ_PERCENT


async def test_reading_every_page_reaches_100_and_is_kept(
    library_dir: Path, tmp_path: Path
) -> None:
    app, state = _app(library_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        percents = [view.percent_read]
        while view.top_line < view.max_top_line:
            await pilot.press("space")
            percents.append(view.percent_read)
        assert percents == sorted(percents)
        assert percents[-1] == 100 and all(p < 100 for p in percents[:-1])
        await pilot.press("escape")
        saved = state.position("alpha")
        assert saved is not None and saved.percent == 100
    # Opened again at the top, what was read before still counts.
    app, _ = _app(library_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        await pilot.press("g")
        assert "100% read" in _status(app)


async def test_r_marks_the_article_read_and_not_read(library_dir: Path, tmp_path: Path) -> None:
    app, state = _app(library_dir, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        await pilot.press("R")
        assert "Marked as read" in _status(app)
        saved = state.position("alpha")
        assert saved is not None and saved.percent == 100
        await pilot.press("R")
        assert "Marked as not read" in _status(app)
        saved = state.position("alpha")
        assert saved is not None and saved.percent < READ_PERCENT


def test_counts_kept_up_as_lines_are_marked_match_a_recount() -> None:
    document = RenderedDocument(
        [
            TextBlock(f"paragraph {n} " + "some words " * (n % 7 + 1), blank_before=1)
            for n in range(60)
        ],
        [],
    )
    layout = Layout(document, 24)
    layout.extend()
    seen = SeenText()
    assert seen.percent(layout) == 0
    for top in (40, 3, 90, 41, 0, 150):
        seen.mark(layout, top, 7)
        kept = seen.percent(layout)
        seen.clear_counts()
        assert seen.percent(layout) == kept
    # Every line, by pages: all of it.
    for top in range(0, len(layout.lines), 7):
        seen.mark(layout, top, 7)
    assert seen.percent(layout) == 100
