"""What opening and closing the find line, and the outline's counts, cost the screen: /
and Esc move the focus and show or hide the line in one frame, and rows of the outline
that show what they showed before are not composed again when its counts change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import zebra_library
from pilot_helpers import article_ready, reading, record_frames, settle
from screen_cells import rendered_rows
from textual._compositor import ChopsUpdate
from textual._styles_cache import StylesCache

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens import reader_find
from tui.screens.reader_text import SYNC_LOAD_BYTES
from tui.settings import Settings
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import SearchLine, StatusLine
from tui.widgets.find_line import FindLayerStart
from tui.widgets.outline import Outline

SLUG = "long-frames"


def _corner(app: WellreadApp, view: ArticleView) -> str:
    """The article pane's top left corner as drawn: heavy while it has the focus."""
    return rendered_rows(app)[view.region.y][view.region.x].char


def _rows_of(app: WellreadApp, outline: Outline) -> list[str]:
    rows = outline.content_region
    drawn = rendered_rows(app)[rows.y : rows.bottom]
    return ["".join(cell.char for cell in row[rows.x : rows.right]) for row in drawn]


def _status(app: WellreadApp) -> str:
    return app.screen.query_one(StatusLine).left


def _app(library_dir: Path) -> WellreadApp:
    return WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())


async def _found_step(pilot: Any, app: WellreadApp) -> ArticleView:
    """The article ready, with "step" typed in its find line and searched."""
    await article_ready(pilot)
    view = app.screen.query_one(ArticleView)
    await pilot.press("slash", *"step")
    await settle(pilot)
    return view


async def test_slash_shows_the_line_and_moves_the_focus_in_one_frame(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        line = app.screen.query_one(SearchLine)
        assert app.focused is view and _corner(app, view) == "┏"
        frames = record_frames(app, monkeypatch)
        await pilot.press("slash")
        await settle(pilot)
        assert line.display and app.screen.focused is line
        assert _status(app).startswith("Type what to find")
        # One frame drew the line, the status line and the article's resting border.
        assert len(frames) == 1, frames
        assert {line.region.y, app.screen.query_one(StatusLine).region.y} <= frames[0]
        assert view.region.y in frames[0]
        assert _corner(app, view) == "╭"


async def test_escape_hides_the_line_clears_and_gives_the_focus_back_in_one_frame(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _found_step(pilot, app)
        line = app.screen.query_one(SearchLine)
        assert view.matches
        row = line.region.y
        frames = record_frames(app, monkeypatch)
        await pilot.press("escape")
        await settle(pilot)
        assert not line.display and app.focused is view and not view.matches
        assert _status(app) == "Search closed."
        assert len(frames) == 1, frames
        assert {row, view.region.y} <= frames[0]
        assert _corner(app, view) == "┏"


async def test_enter_gives_the_focus_back_in_the_frame_that_hides_the_line(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _found_step(pilot, app)
        row = app.screen.query_one(SearchLine).region.y
        frames = record_frames(app, monkeypatch)
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is view and view.match_index is not None
        assert _status(app).startswith("Match 1 of")
        # The line hidden and the article's heavy border in the same frame.
        assert frames and {row, view.region.y} <= frames[0]
        assert _corner(app, view) == "┏"


async def test_rows_of_the_outline_drawn_before_are_not_composed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    library = zebra_library(
        tmp_path / "lib", SLUG, "Long frames", SYNC_LOAD_BYTES + 40_000, (3, 30)
    )
    async with reading(library, SLUG) as (app, pilot):
        outline = app.screen.query_one(Outline)
        rows = outline.content_region
        drawn_before = _rows_of(app, outline)
        composed: list[int] = []
        compose = StylesCache.render_line

        def count(cache: StylesCache, styles: Any, y: int, *args: Any, **kwargs: Any) -> Any:
            if cache is outline._styles_cache:
                composed.append(y)
            return compose(cache, styles, y, *args, **kwargs)

        monkeypatch.setattr(StylesCache, "render_line", count)
        await pilot.press("slash", *"zebra")
        await settle(pilot)
        assert outline.counts
        # Part 3's entry says "(1 found)": the rows from it down moved or changed, and
        # only those were composed; the rows above it were drawn as they were.
        part3 = next(i for i, entry in enumerate(outline.sections) if entry.title == "Part 3")
        first, _ = outline.entry_lines(part3)
        top = rows.y - outline.region.y  # the row of the outline's first line
        assert outline.scroll_y == 0 and composed
        assert min(y for y in composed if y >= top) == top + first
        composed.clear()
        await pilot.press("escape")
        await settle(pilot)
        assert not outline.counts
        # Every row shows what it showed before the search: none is composed again.
        assert _rows_of(app, outline) == drawn_before
        assert composed == []


async def test_the_find_layer_start_takes_no_cell_and_is_never_drawn(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        start = app.screen.query_one(FindLayerStart)
        assert start.region.area == 0
        drawn: list[object] = []
        render_widget = StylesCache.render_widget

        def count(cache: StylesCache, widget: Any, crop: Any) -> Any:
            drawn.append(widget)
            return render_widget(cache, widget, crop)

        monkeypatch.setattr(StylesCache, "render_widget", count)
        await pilot.press("slash")  # a frame over every pane
        await settle(pilot)
        assert app.screen.query_one(ArticleView) in drawn
        # Asked for its lines at such a frame, it has none, and no styles are looked up.
        assert start not in drawn


def _frame_texts(app: WellreadApp, monkeypatch: pytest.MonkeyPatch) -> list[dict[int, str]]:
    """The text each frame drawn from now on writes, by screen row (the changed cells
    of the row, left to right), one dict a frame."""
    frames: list[dict[int, str]] = []
    draw = app._display

    def record(on: Any, update: Any) -> None:
        if isinstance(update, ChopsUpdate):
            rows: dict[int, str] = {}
            for y, x1, x2 in update.spans:
                cells = "".join(
                    text
                    for strip in update.chops[y].values()
                    if strip is not None
                    for text, _, control in strip
                    if not control
                )
                rows[y] = rows.get(y, "") + cells[x1:x2]
            frames.append(rows)
        draw(on, update)

    monkeypatch.setattr(app, "_display", record)
    return frames


async def test_enter_says_which_match_in_the_frame_of_the_jump(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await _found_step(pilot, app)
        total = len(view.matches)
        status_row = app.screen.query_one(StatusLine).region.y
        frames = _frame_texts(app, monkeypatch)
        await pilot.press("enter")
        await settle(pilot)
        assert view.match_index == 0
        # The jump and "Match 1 of N" in one frame: no second frame for the status line.
        assert len(frames) == 1, frames
        said = frames[0][status_row].strip()
        assert said.startswith(f"Match 1 of {total}, the first from the top")
        frames.clear()
        await pilot.press("n")
        await settle(pilot)
        assert len(frames) == 1 and frames[0][status_row].strip().startswith(f"Match 2 of {total}.")
