"""A move of the article shows where the reader is in the frame that draws it: the
outline's current section, the status line and the share read change with the text,
not one frame later (a second frame costs a long article's outline a full redraw)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import article_ready, record_frames
from screen_cells import rendered_rows
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget

from tui.app import WellreadApp
from tui.content import load_library
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine
from tui.widgets.outline import Outline

SIZE = (110, 30)
SECTIONS = 40


def _write_library(root: Path) -> Path:
    """One article with more sections than the contents pane has rows."""
    library = root / "library"
    library.mkdir()
    parts = ["---", "title: Many parts", "summary: Forty short parts, for moving.", "---", ""]
    for number in range(1, SECTIONS + 1):
        parts += [f"## Part {number}", ""]
        parts += [f"Paragraph {line} of part {number}, about walking stairs." for line in (1, 2)]
        parts += [""]
    (library / "many.md").write_text("\n".join(parts), encoding="utf-8")
    return library


@pytest.fixture
def app(tmp_path: Path) -> WellreadApp:
    return WellreadApp(load_library(_write_library(tmp_path)), open_slug="many")


def _status(app: WellreadApp) -> str:
    return app.screen.query_one(StatusLine).left


async def test_g_tells_the_outline_and_status_line_in_the_same_call(app: WellreadApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        outline = app.screen.query_one(Outline)
        assert outline.current == 0 and outline.scroll_y == 0
        # No await: whatever the frame after the move draws is already decided here.
        view.action_bottom()
        last = len(outline.entries) - 1  # the title's entry comes first
        assert view.current_section == last
        assert outline.current == last and outline.cursor == last
        assert outline.scroll_y > 0  # the last part's line brought into view
        assert _status(app) == f"Section {SECTIONS} of {SECTIONS} · {view.percent_read}% read"
        view.action_top()
        assert outline.current == 0 and outline.scroll_y == 0
        assert _status(app) == f"Overview · {view.percent_read}% read"  # before part 1


async def test_the_frame_that_draws_g_draws_the_outline_and_status_line(
    app: WellreadApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await article_ready(pilot)
        screen = app.screen
        view = screen.query_one(ArticleView)
        outline = screen.query_one(Outline)
        status = screen.query_one(StatusLine)
        frames = record_frames(app, monkeypatch)
        await pilot.press("G")
        await pilot.pause()
        assert view.top_line == view.max_top_line and outline.current == len(outline.entries) - 1
        text_rows = set(Region.intersection(view.content_region, screen.region).line_range)
        # The first frame with the moved text holds the status line and the outline too.
        moved = [rows for rows in frames if text_rows <= rows]
        assert moved, frames
        assert status.region.y in moved[0]
        assert set(outline.content_region.line_range) <= moved[0]


async def test_a_width_and_back_draws_the_same_lines(app: WellreadApp) -> None:
    async with app.run_test(size=(180, 30)) as pilot:  # room for the reading column
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("space")
        before = _text_rows(app, view)
        await pilot.press("minus")
        narrower = _text_rows(app, view)
        assert narrower != before
        await pilot.press("plus")
        # Lines kept for each width: the first width's are its own, not the other's.
        assert _text_rows(app, view) == before
        await pilot.press("minus")
        assert _text_rows(app, view) == narrower


def _text_rows(app: WellreadApp, view: ArticleView) -> list[str]:
    region = view.content_region
    rows = rendered_rows(app)[region.y : region.bottom]
    return ["".join(cell.char for cell in row[region.x : region.right]) for row in rows]


class _StatusApp(App[None]):
    CSS = "StatusLine { height: auto; }"

    def compose(self) -> ComposeResult:
        yield StatusLine("Not medical advice · ? help", "? help", id="status")


@pytest.mark.parametrize(
    "position",
    [
        "Section 3 of 9 · 41% read",  # the usual line, drawn as one segment
        "Part 骨密度 · 12% read",  # wide characters: Textual's own way
        "Part\tone · 12% read",  # not printable as it stands: Textual's own way
        "A very long section title that leaves no room for the hints at all · 5% read",
    ],
)
async def test_the_status_line_draws_what_textual_draws(position: str) -> None:
    app = _StatusApp()
    async with app.run_test(size=(60, 5)) as pilot:
        status = app.query_one(StatusLine)
        status.set_status(position)
        await pilot.pause()
        height = status.size.height
        drawn = [status.render_line(y) for y in range(height)]
        textual = [Widget.render_line(status, y) for y in range(height)]
        assert [s.text.rstrip() for s in drawn] == [s.text.rstrip() for s in textual]
        assert (height > 1) == position.startswith("A very long")  # wrapped: more lines
        assert drawn[0].text.startswith(position.split("\t")[0][:20])
