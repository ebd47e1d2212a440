"""The exercise screen's filter line is laid out again only when its text takes more
or fewer rows: every key shows the whole line, and a key that leaves its rows as they
were costs no layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from exercise_library import write_cards
from pilot_helpers import settle
from test_exercise_browser import BrowserApp
from textual.geometry import Region, Size
from textual.widgets import Static

from tui.content import load_library


@pytest.mark.parametrize("width", [44, 70, 100])
async def test_the_filter_line_shows_all_it_says_after_every_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    app = BrowserApp(load_library(write_cards(tmp_path / "lib")))
    async with app.run_test(size=(width, 30)) as pilot:
        await settle(pilot)
        line = app.screen.query_one("#card-filters", Static)
        asked: list[bool] = []  # whether each refresh of the line asked for a layout
        real = line.refresh

        def refresh(*regions: Region, **kwargs: bool) -> Static:
            asked.append(kwargs.get("layout", False))
            return real(*regions, **kwargs)

        monkeypatch.setattr(line, "refresh", refresh)
        heights = set()
        for key in ["t", "t", "i", "e", "e", "s", "0", "s", "s", "0"]:
            rows_before = line.size.height
            asked.clear()
            await pilot.press(key)
            await settle(pilot)
            # As tall as Textual works its text out to be at this width: nothing cut.
            fresh = line.get_content_height(Size(0, 0), Size(0, 0), line.size.width)
            assert line.size.height == fresh, key
            assert any(asked) == (line.size.height != rows_before), key
            heights.add(line.size.height)
        if width == 44:  # narrow enough that some filters wrap onto more rows
            assert len(heights) > 1
