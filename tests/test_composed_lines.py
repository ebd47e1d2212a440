"""Lines composed once: going back to a place (G then g then G) finds the article's,
the outline's and the outline scroll bar's rows composed already, and draws the
same screen as the first time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import article_ready
from screen_cells import rendered_rows
from terminal_updates import Terminal
from textual._styles_cache import StylesCache
from textual.strip import Strip
from textual.widget import Widget

from tui.app import WellreadApp
from tui.content import load_library
from tui.widgets.article_view import ArticleView
from tui.widgets.composed_lines import ComposedLines, KeptScrollBar
from tui.widgets.outline import Outline

SIZE = (110, 30)
SECTIONS = 60


def _write_library(root: Path) -> Path:
    """One article with more sections than the contents pane has rows."""
    library = root / "library"
    library.mkdir()
    parts = ["---", "title: Sixty parts", "summary: Short parts, to go up and down.", "---", ""]
    for number in range(1, SECTIONS + 1):
        parts += [f"## Part {number}", ""]
        line = f"Part {number}: *slow* stair climbs, **twice** a day, with a rail to hold."
        parts += [line, line]
        parts += [""]
    (library / "sixty.md").write_text("\n".join(parts), encoding="utf-8")
    return library


@pytest.fixture
def app(tmp_path: Path) -> WellreadApp:
    return WellreadApp(load_library(_write_library(tmp_path)), open_slug="sixty")


class _Counted:
    """Counts the rows Textual composes (StylesCache.render_line) per widget type."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.rows: dict[str, int] = {}
        self._widget = ""
        render_widget = StylesCache.render_widget
        render_line = StylesCache.render_line

        def counted_widget(cache: StylesCache, widget: Any, crop: Any) -> list[Strip]:
            self._widget = type(widget).__name__
            return render_widget(cache, widget, crop)

        def counted_line(cache: StylesCache, *args: Any) -> Strip:
            self.rows[self._widget] = self.rows.get(self._widget, 0) + 1
            return render_line(cache, *args)

        monkeypatch.setattr(StylesCache, "render_widget", counted_widget)
        monkeypatch.setattr(StylesCache, "render_line", counted_line)


async def test_going_back_to_a_place_composes_no_row_again(
    app: WellreadApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        outline = app.screen.query_one(Outline)
        assert isinstance(view._styles_cache, ComposedLines)
        assert isinstance(outline._styles_cache, ComposedLines)
        assert isinstance(outline.vertical_scrollbar, KeptScrollBar)
        await pilot.press("G")
        await pilot.pause()
        assert outline.scroll_y > 0  # the outline followed the reader to the end
        await pilot.press("g")
        await pilot.pause()
        counted = _Counted(monkeypatch)
        await pilot.press("G")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert outline.scroll_y == 0
        # Only the rows around the content are composed (borders), not the content
        # rows of the article, the outline or its scroll bar.
        content_rows = SIZE[1] - 4
        assert counted.rows.get("ArticleView", 0) < content_rows // 4
        assert counted.rows.get("Outline", 0) < content_rows // 4
        assert counted.rows.get("KeptScrollBar", 0) < content_rows // 4


def _rows_drawn_by_textual(app: WellreadApp) -> list[list[Any]]:
    """The screen drawn again with Textual's own styles caches and scroll bar rows (the
    kept ones are put back afterwards, lines and all)."""
    kept: dict[Widget, StylesCache] = {}
    for widget in app.screen.walk_children(Widget, with_self=False):
        if isinstance(widget._styles_cache, ComposedLines):
            kept[widget] = widget._styles_cache
            widget._styles_cache = StylesCache()
        if isinstance(widget, KeptScrollBar):
            widget._rows.clear()
            widget._bars.clear()
        widget.refresh()
    rows = rendered_rows(app)
    for widget, cache in kept.items():
        widget._styles_cache = cache
        widget.refresh()
    return rows


async def test_kept_rows_are_the_rows_textual_draws(app: WellreadApp) -> None:
    """After moves and a new theme (the look a composed line is kept by changes), the
    screen is cell for cell and colour for colour the one Textual draws itself."""
    async with app.run_test(size=SIZE) as pilot:
        await article_ready(pilot)
        for key in ("G", "g", "ctrl+t", "g", "G", "k", "j"):
            await pilot.press(key)
            await pilot.pause()
        kept = rendered_rows(app)
        assert app.screen.query_one(Outline).scroll_y > 0
        assert kept == _rows_drawn_by_textual(app)
        # Focus elsewhere (the article's border changes, not its lines), and moves.
        for key in ("tab", "g", "G"):
            await pilot.press(key)
            await pilot.pause()
        assert rendered_rows(app) == _rows_drawn_by_textual(app)


@pytest.mark.parametrize("no_color", [False, True])
async def test_new_rows_are_made_around_the_line_as_textual_makes_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    """A page never drawn before (space): its content rows are the line between the
    border's two sides, made without Textual's composition, and the screen is the one
    Textual draws itself (with colours and without)."""
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = WellreadApp(load_library(_write_library(tmp_path)), open_slug="sixty")
    async with app.run_test(size=SIZE) as pilot:
        assert app.no_color is no_color
        await article_ready(pilot)
        counted = _Counted(monkeypatch)
        await pilot.press("space")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        assert view.top_line > 0
        content_rows = SIZE[1] - 4
        # Only the border rows (and the probe that finds the sides once) are composed.
        assert counted.rows.get("ArticleView", 0) < content_rows // 4
        assert rendered_rows(app) == _rows_drawn_by_textual(app)


def test_a_look_with_a_tint_is_composed_by_textual() -> None:
    """Where Textual does more than put the border around a line (a tint here), no
    sides are kept for that look, and rows are composed as Textual composes them."""
    widget = Widget()
    cache = ComposedLines()
    widget.styles.tint = "red 50%"
    calls: list[int] = []

    def composed(content: Any) -> Strip:
        calls.append(1)
        return Strip([])

    from textual.geometry import Spacing

    assert cache._rims_of(0, widget.styles, 10, Spacing(0, 0, 0, 0), 1.0, composed) is None
    assert calls == []


async def test_a_bar_that_would_draw_the_rows_it_shows_is_not_repainted(
    app: WellreadApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await article_ready(pilot)
        outline = app.screen.query_one(Outline)
        bar = outline.vertical_scrollbar
        assert isinstance(bar, KeptScrollBar) and bar.display
        terminal = Terminal(app, monkeypatch)
        repainted: list[bool] = []
        refresh = Widget.refresh

        def noted(widget: Widget, *args: Any, **kwargs: Any) -> Any:
            if widget is bar:
                repainted.append(True)
            return refresh(widget, *args, **kwargs)

        monkeypatch.setattr(Widget, "refresh", noted)
        # An eighth of a line further down a list of sixty-odd lines: less than the
        # eighth of a row the thumb's ends are drawn to, so the bar draws as it was.
        bar.position += 0.125
        await pilot.pause()
        assert repainted == []
        # Moved to the end, the thumb moves: the bar is drawn anew, as Textual draws it.
        column = [row[bar.region.x] for row in terminal.rows]
        await pilot.press("G")
        await pilot.pause()
        assert outline.scroll_y > 0
        assert [row[bar.region.x] for row in terminal.rows] != column
        assert terminal.rows == rendered_rows(app)
        assert rendered_rows(app) == _rows_drawn_by_textual(app)
