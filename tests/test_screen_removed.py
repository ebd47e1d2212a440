"""A screen closed over another (the palette, a card, help) leaves the one below drawn
by its resume alone: not laid out and drawn a second time once the closed screen's
widgets are gone, and still laid out anew if the terminal changed size meanwhile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import reading, settle
from screen_cells import rendered_rows, row_text
from textual.command import CommandPalette

from tui.screens.reader import ReaderScreen


def _text(app: Any) -> list[str]:
    return [row_text(row) for row in rendered_rows(app)]


async def test_closing_the_palette_does_not_lay_the_reader_out_again(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with reading(library_dir, "alpha") as (app, pilot):
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        before = rendered_rows(app)
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        layouts: list[Any] = []
        refresh_layout = reader._refresh_layout

        def spy(*args: Any, **kwargs: Any) -> Any:
            layouts.append(args)
            return refresh_layout(*args, **kwargs)

        monkeypatch.setattr(reader, "_refresh_layout", spy)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen_stack[-1] is reader
        assert layouts == []  # the terminal's size is the same: nothing to arrange
        assert rendered_rows(app) == before  # the reader as it was, every cell


async def test_a_reader_resized_under_the_palette_is_laid_out_at_its_new_size(
    library_dir: Path,
) -> None:
    async with reading(library_dir, "alpha", size=(120, 40)) as (app, pilot):
        reader = app.screen
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.resize_terminal(90, 30)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen_stack[-1] is reader
        assert reader.size == (90, 30)
        shown = _text(app)
        assert len(shown) == 30 and all(len(row) == 90 for row in shown)
        # What a full layout of the screen now gives, cell for cell.
        reader.refresh(layout=True)
        await settle(pilot)
        assert _text(app) == shown
