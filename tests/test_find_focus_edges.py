"""Focus coming to the article or leaving it (/, Enter and Esc in the find line) repaints
the article's border alone, and what the terminal shows after each frame is what a
whole fresh drawing of the screen shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import zebra_library
from pilot_helpers import article_ready, reading, settle
from screen_cells import rendered_rows
from terminal_updates import Terminal
from textual.geometry import Region
from textual.widget import Widget

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens import reader_find
from tui.screens.reader_text import SYNC_LOAD_BYTES
from tui.settings import Settings
from tui.widgets.article_view import ArticleView

SIZE = (120, 40)


async def test_the_terminal_shows_what_a_fresh_drawing_shows_after_each_find_key(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=SIZE) as pilot:
        await article_ready(pilot)
        terminal = Terminal(app, monkeypatch)
        view = app.screen.query_one(ArticleView)
        corners = []
        for key in ["slash", "s", "t", "e", "p", "enter", "n", "slash", "escape", "slash"]:
            await pilot.press(key)
            await settle(pilot)
            assert terminal.rows == rendered_rows(app), key
            corners.append(terminal.rows[view.region.y][view.region.x].char)
        # Heavy while the article has the focus, round while the find line has it.
        assert corners == ["╭"] * 5 + ["┏", "┏", "╭", "┏", "╭"]


async def test_focus_leaving_and_coming_back_repaints_the_border_alone(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=SIZE) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        asked: list[tuple[Region, ...]] = []
        refresh = Widget.refresh

        def noted(widget: Widget, *regions: Region, **kwargs: Any) -> Any:
            if widget is view:
                asked.append(regions)
            return refresh(widget, *regions, **kwargs)

        monkeypatch.setattr(Widget, "refresh", noted)
        for key in ("slash", "escape"):
            asked.clear()
            await pilot.press(key)
            await settle(pilot)
            assert asked, key
            # Only its edges: rows and columns of the border, none inside it.
            content = view.content_region.size.region
            for regions in asked:
                assert regions, key
                assert all(not region.overlaps(content) for region in regions), key


async def test_a_focus_change_that_restyles_the_text_repaints_it_all(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    app.stylesheet.add_source("#article:focus { background: $boost; }", read_from=("t", "t"))
    async with app.run_test(size=SIZE) as pilot:
        await article_ready(pilot)
        terminal = Terminal(app, monkeypatch)
        for key in ("slash", "escape"):
            await pilot.press(key)
            await settle(pilot)
            assert terminal.rows == rendered_rows(app), key


async def test_a_long_article_shows_what_a_fresh_drawing_shows_as_its_matches_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A long article is searched twice a key (the lines on screen, then the whole of
    # it in a thread), each change repainting the rows whose highlights differ from
    # those of the repaint before: moves, Enter, n and N in between must not leave a
    # row as it was drawn before.
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    library = zebra_library(tmp_path / "lib", "long", "Long", SYNC_LOAD_BYTES + 40_000, (3, 30))
    async with reading(library, "long", SIZE) as (app, pilot):
        terminal = Terminal(app, monkeypatch)
        view = app.screen.query_one(ArticleView)
        keys = ["slash", "t", "h", "enter", "n", "N", "space", "j", "slash", "backspace"]
        keys += ["e", "escape", "slash", "t", "enter", "k", "n", "space", "escape"]
        # A rare word: its one highlight on screen moves up a row with j, then goes.
        keys += ["slash", *"zebra", "enter", "j", "escape"]
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
            assert terminal.rows == rendered_rows(app), key
            if key == "t":
                assert view.matches  # a search the view shows, before Enter goes to it
        assert not view.matches
