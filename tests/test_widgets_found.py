"""A screen's widgets looked up once (tui/screens/widgets_found.py): the same widget
query_one finds, found again once it has left the screen."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Label, Static

from tui.screens.widgets_found import WidgetsFound


class Two(App[None]):
    def compose(self) -> ComposeResult:
        yield Static("first", id="one")
        yield Label("label", id="two")


async def test_found_once_then_again_after_the_widget_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app = Two()
    async with app.run_test() as pilot:
        found = WidgetsFound(app.screen)
        first = found.one(Static, "one")
        assert first is app.screen.query_one("#one")
        assert found.one(Label) is app.screen.query_one(Label)
        calls: list[object] = []
        query_one = app.screen.query_one

        def counted(*args: Any) -> Any:
            calls.append(args)
            return query_one(*args)

        monkeypatch.setattr(app.screen, "query_one", counted)
        assert found.one(Static, "one") is first
        assert calls == []  # kept: not looked up again
        await first.remove()
        await app.screen.mount(Static("again", id="one"))
        await pilot.pause()
        again = found.one(Static, "one")
        assert again is not first and again.id == "one" and again.parent is app.screen
        assert len(calls) == 1
        await again.remove()
        with pytest.raises(NoMatches):
            found.one(Static, "one")
