"""The find line's drawings kept (tui/widgets/find_line.py): the same as Textual's own
drawing after every key, themes and NO_COLOR included, and / draws nothing anew the
second time."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import article_ready, settle
from textual.widgets import Input

from tui.app import WellreadApp
from tui.content import load_library
from tui.settings import Settings
from tui.widgets.bars import SearchLine
from tui.widgets.find_line import FindLine

KEYS = ["slash", "b", "o", "left", "shift+left", "escape", "slash", "x", "enter", "slash"]
KEYS += ["ctrl+t", "backspace", "escape", "slash", "ctrl+t", "escape"]


def _app(library_dir: Path) -> WellreadApp:
    return WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())


def _as_textual_draws_it(line: FindLine) -> list[object]:
    line._styles_cache.clear()
    return list(SearchLine.render_lines(line, line.size.region))


@pytest.mark.parametrize("no_color", [False, True])
async def test_the_kept_drawing_is_textuals_own_after_every_key(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        line = app.screen.query_one(FindLine)
        kept = 0
        for key in KEYS:
            await pilot.press(key)
            await settle(pilot)
            if not line.display:
                continue
            before = len(line._drawn)
            ours = list(line.render_lines(line.size.region))
            kept += len(line._drawn) == before
            assert ours == _as_textual_draws_it(line), key
        assert kept  # some drawings came from those kept


async def test_slash_again_draws_the_line_from_the_kept_drawing(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        drawn: list[int] = []
        render_line = Input.render_line

        def counted(widget: Input, y: int) -> object:
            drawn.append(y)
            return render_line(widget, y)

        monkeypatch.setattr(Input, "render_line", counted)
        for key in ("slash", "escape"):
            await pilot.press(key)
            await settle(pilot)
        assert drawn  # the first time, Textual drew it
        drawn.clear()
        await pilot.press("slash")
        await settle(pilot)
        line = app.screen.query_one(FindLine)
        assert line.display and app.focused is line
        assert drawn == []
