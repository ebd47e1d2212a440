"""Waiting, in Pilot tests, for work that wellread does in background threads."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView

MAX_WAITS = 400


async def article_ready(pilot: Pilot[Any]) -> None:
    """Wait until the reader on top has its article parsed, rendered and fully laid out."""
    for _ in range(MAX_WAITS):
        screen = pilot.app.screen
        views = screen.query(ArticleView) if isinstance(screen, ReaderScreen) else []
        if views and screen.rendered is not None and views.first().ready:
            await pilot.pause()
            return
        await pilot.pause(0.01)
    raise AssertionError("the article never finished loading")
