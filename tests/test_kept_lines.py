"""Panes keep their finished lines when a repaint changes nothing they show (Tab, a tab
of the sidebar), the lines they hand back are the ones Textual would draw, and a theme
change draws the screen as a fresh app in that theme would."""

from __future__ import annotations

import gc
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from screen_cells import rendered_rows, row_text
from textual._styles_cache import StylesCache
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from tui.app import WellreadApp
from tui.content import load_library
from tui.widgets.kept_lines import KeptLinesCache

SIZE = (120, 40)


def kept_widgets(app: WellreadApp) -> list[Widget]:
    return [
        widget
        for widget in app.screen.walk_children(Widget, with_self=True)
        if isinstance(widget._styles_cache, KeptLinesCache) and widget.display
    ]


def count_drawn(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """Lines drawn whole by Textual (border, colours, filter), by id of the cache."""
    drawn: Counter[int] = Counter()
    render_line = StylesCache.render_line

    def counting(self: StylesCache, *args: Any) -> Strip:
        drawn[id(self)] += 1
        return render_line(self, *args)

    monkeypatch.setattr(StylesCache, "render_line", counting)
    return drawn


async def test_tab_and_back_draws_no_line_of_the_article_or_the_sidebar_again(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        article, sidebar = screen.query_one("#article"), screen.query_one("#sidebar")
        exercises = screen.query_one("#exercise-list")
        assert screen.focused is article
        # Once each way: both looks of each pane (focused, not) are drawn once.
        await pilot.press("tab")
        await pilot.pause()
        assert screen.focused is exercises
        away = rendered_rows(app)
        await pilot.press("shift+tab")
        await pilot.pause()
        home = rendered_rows(app)
        drawn = count_drawn(monkeypatch)
        await pilot.press("tab")
        await pilot.pause()
        assert rendered_rows(app) == away
        await pilot.press("shift+tab")
        await pilot.pause()
        assert rendered_rows(app) == home
        # Textual repainted both panes (focus, border); no line of theirs was drawn.
        assert drawn[id(article._styles_cache)] == 0
        assert drawn[id(sidebar._styles_cache)] == 0
        # The list draws only what focus changes: its cursor item's lines.
        assert 0 < drawn[id(exercises._styles_cache)] < exercises.size.height


@pytest.mark.parametrize("size", [SIZE, (90, 30), (60, 20)])  # wide, compact, narrow
async def test_kept_lines_are_the_lines_textual_draws(
    library_dir: Path, size: tuple[int, int]
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for key in ("tab", "r", "ctrl+t", "e", "shift+tab", "j", "j", "ctrl+t", "tab", "tab"):
            await pilot.press(key)
            await settle(pilot)
            widgets = kept_widgets(app)
            assert "panes" in {widget.id for widget in widgets}
            assert app.screen in widgets
            for widget in widgets:
                whole = Region(0, 0, *widget.size)
                kept = widget.render_lines(whole)
                kept_cache = widget._styles_cache
                widget._styles_cache = StylesCache()
                try:
                    textuals = widget.render_lines(whole)
                finally:
                    widget._styles_cache = kept_cache
                assert kept == textuals, (key, widget.id)


async def test_a_theme_change_asks_each_widget_for_one_repaint_and_draws_each_line_once(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        asked: Counter[Widget] = Counter()
        update = app.stylesheet.update
        refresh = Widget.refresh
        restyling = [False]

        def counting(self: Widget, *args: Any, **kwargs: Any) -> Widget:
            if restyling[0]:
                asked[self] += 1
            return refresh(self, *args, **kwargs)

        def restyle(root: Any, animate: bool = False) -> None:
            restyling[0] = True
            try:
                update(root, animate)
            finally:
                restyling[0] = False

        monkeypatch.setattr(Widget, "refresh", counting)
        monkeypatch.setattr(app.stylesheet, "update", restyle)
        drawn = count_drawn(monkeypatch)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        widgets = set(screen.walk_children(Widget))
        # Every widget of the reader takes the new colours, asked once for its rules
        # (and at most once more for its component styles), not once a rule set (a
        # colour asked for its whole subtree: 14 to 36 times a widget).
        assert widgets <= set(asked)
        assert max(asked[widget] for widget in widgets) <= 2
        # Each line in the new colours is drawn once (the screen's repaint draws every
        # widget; the widgets' own requests would have drawn them again).
        shown = [widget for widget in widgets if widget.display and widget.size.height > 2]
        assert len(shown) == 5  # the panes, their row, the exercise list
        for widget in shown:
            assert 0 < drawn[id(widget._styles_cache)] <= widget.outer_size.height, widget


async def test_after_theme_changes_the_reader_looks_as_a_fresh_app_in_that_theme(
    library_dir: Path,
) -> None:
    def panes(app: WellreadApp) -> list[str]:
        # All but the status line, which holds the theme's notice.
        rows = rendered_rows(app)[:-1]
        return [row_text(row) + repr([cell.style for cell in row]) for row in rows]

    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("ctrl+t")
            await settle(pilot)
        theme, stepped = app.theme, panes(app)

        # The collector, held off while the new colours were drawn, runs again.
        assert gc.isenabled()

    fresh = WellreadApp(load_library(library_dir), open_slug="alpha")
    fresh.theme = theme
    async with fresh.run_test(size=SIZE) as pilot:
        await settle(pilot)
        expected = panes(fresh)
    assert stepped == expected
