"""The status line draws in its own style as Textual works it out now, though it keeps
that style by stylesheet and path (component_styles.PathMemo): after a theme
change, and with the focus anywhere."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import settle

from tui.app import WellreadApp
from tui.content import load_library
from tui.widgets.bars import StatusLine


async def test_the_status_line_takes_each_themes_colours(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        status = app.screen.query_one(StatusLine)
        seen = set()
        for key in ("ctrl+t", "tab", "ctrl+t", "ctrl+t", "shift+tab", "ctrl+t"):
            await pilot.press(key)
            await settle(pilot)
            line = status.render_line(0)
            styles = {segment.style for segment in line}
            assert styles == {status.rich_style}, (key, app.theme)
            seen.add(status.rich_style)
        assert len(seen) >= 3  # the themes did differ
