"""The library's filter line keeps the end of a long text and its cursor in view, though
a change of its text's width no longer lays the screen out (tui.screens.library)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Size

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.library import FilterInput


async def test_a_text_wider_than_the_line_scrolls_to_its_end(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        # Letters no article holds: from the first on, the list stays as it is.
        await pilot.press("q", "q")
        await pilot.pause()
        screen = app.screen
        layouts: list[int] = []
        lay_out = screen._refresh_layout

        def counted(*args: Any, **kwargs: Any) -> None:
            layouts.append(1)
            lay_out(*args, **kwargs)

        monkeypatch.setattr(screen, "_refresh_layout", counted)
        await pilot.press(*("q" * 68 + "wxyz"))
        await pilot.pause()
        assert layouts == []  # the letters redrew the line, and laid nothing out
        typed = "q" * 70 + "wxyz"
        line = app.screen.query_one(FilterInput)
        assert line.value == typed
        # Its width is the text's, and the line has scrolled so the end shows.
        assert line.virtual_size == Size(len(typed) + 1, 1)
        assert line.scroll_offset.x > 0
        shown = "".join(segment.text for segment in line.render_line(0))
        assert "wxyz" in shown
        # The cursor after the last letter, on the line (in its right-hand padding cell,
        # as in Textual's own Input).
        x, y = line.cursor_screen_offset
        region = line.content_region
        assert region.x <= x <= region.right < line.region.right and y == region.y
        # Going home brings the start back.
        await pilot.press("home")
        await pilot.pause()
        assert line.scroll_offset.x == 0
        assert line.cursor_screen_offset.x == region.x
