"""The focused item and the current section are marked by different shapes, each with
a name a screen reader says differently."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from screen_cells import rendered_rows, row_text

from tui.app import WellreadApp
from tui.content import load_library
from tui.widgets.outline import Outline


async def test_current_section_and_focused_item_have_different_speakable_marks(
    library_dir: Path,
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(5):
            await pilot.pause()
        outline = app.screen.query_one(Outline)
        outline.focus()
        await pilot.pause()
        await pilot.press("down", "down")  # the cursor leaves the current section
        await pilot.pause()
        region = outline.content_region
        lines = [
            row_text(row[region.x : region.right])
            for row in rendered_rows(app)[region.y : region.bottom]
        ]
        marks = {line[0] for line in lines if line[:1].strip()}
        assert "▶" in marks, lines
        assert len(marks) == 2, lines
        current = (marks - {"▶"}).pop()
        names = {unicodedata.name(current), unicodedata.name("▶")}
        assert len(names) == 2
        # Not two triangles of different sizes: the spoken names share no shape word.
        first, second = (set(name.split()) for name in names)
        assert not first & second - {"BLACK", "WHITE", "SMALL"}
