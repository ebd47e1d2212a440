"""Showing and hiding the reader's find line lays it out by what the first such layout
changed (tui/screens/overlay_layout.py): no arrangement of the screen, the map and the
terminal as a whole layout and a fresh drawing would leave them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import article_ready, settle
from screen_cells import rendered_rows
from terminal_updates import Terminal
from textual import events
from textual._compositor import Compositor
from textual.geometry import Region
from textual.widget import Widget

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens import reader_find
from tui.settings import Settings
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import SearchLine


def _app(library_dir: Path) -> WellreadApp:
    return WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())


def _arrangements(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    arranged: list[object] = []
    arrange = Compositor._arrange_root

    def counted(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        arranged.append(self)
        return arrange(self, *args, **kwargs)

    monkeypatch.setattr(Compositor, "_arrange_root", counted)
    return arranged


def _fresh_map(app: WellreadApp) -> dict[Widget, Any]:
    compositor = app.screen._compositor
    fresh, _ = Compositor._arrange_root(compositor, app.screen, compositor.size, visible_only=False)
    return fresh


# Opened and closed by Esc and by Enter, with a search typed between.
KEYS = ["slash", "escape", "slash", "s", "t", "enter", "n", "slash", "escape", "slash"]
KEYS += ["escape", "slash", "x", "escape", "j"]


async def test_the_find_line_comes_and_goes_without_arranging_the_screen(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        line = app.screen.query_one(SearchLine)
        view = app.screen.query_one(ArticleView)
        terminal = Terminal(app, monkeypatch)
        arranged = _arrangements(monkeypatch)
        seen: list[str] = []
        for event in (events.Show, events.Hide, events.Resize):
            monkeypatch.setattr(
                SearchLine,
                f"_on_{event.__name__.lower()}",
                lambda self, e, name=event.__name__: seen.append(name),
                raising=False,
            )
        toggles = 0
        arranged_at: list[int] = []
        for key in KEYS:
            shown = bool(line.display)
            arranged.clear()
            await pilot.press(key)
            await settle(pilot)
            if bool(line.display) != shown:
                toggles += 1
                # Only the first show is arranged (then learned): each later one
                # and every hide are not.
                arranged_at.append(len(arranged))
            assert dict(app.screen._compositor._full_map) == _fresh_map(app), key
            assert terminal.rows == rendered_rows(app), key
            assert (app.focused is line) == bool(line.display), key
            if line.display:  # over the panes' bottom edge, across the window
                assert line.region == Region(0, view.region.bottom - 1, 120, 1), key
        # Only the first show is arranged (and learned), and the Esc that also takes
        # the counts off the outline (the outline asks for a layout of its own: the
        # whole layout is Textual's). Every other show and hide is not arranged.
        assert arranged_at == [1, 0, 0, 0, 0, 1, 0, 0, 0, 0]
        # The line was told it showed (with its size) and hid, as a layout tells it.
        assert seen.count("Show") == 5 and seen.count("Hide") == 5
        assert seen.count("Resize") >= 5


async def test_a_layout_between_is_not_undone_by_the_next_show(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        line = app.screen.query_one(SearchLine)
        for key in ("slash", "escape"):
            await pilot.press(key)
            await settle(pilot)
        # The window shrinks, and the panes are laid out anew (r hides the lists).
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        for key in ("r", "slash", "escape", "slash"):
            await pilot.press(key)
            await settle(pilot)
            assert dict(app.screen._compositor._full_map) == _fresh_map(app), key
        # Over the panes' bottom edge, across the narrower window.
        panes = app.screen.query_one("#panes", Widget)
        assert line.display and line.region.bottom == panes.region.bottom
        assert line.region.width == 100
