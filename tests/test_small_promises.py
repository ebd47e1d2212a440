"""Small promises kept: a missing or empty library said plainly, bookmarks deleted only
when the reader says yes, and copying says what was done."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import article_ready, settle

from tui.app import WellreadApp
from tui.cli import main
from tui.content import load_library
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.my_exercises import ConfirmScreen
from tui.state import StateStore
from tui.widgets.bars import StatusLine

COMMANDS = [["list"], ["check"], ["search", "walk"], ["read", "gamma"], ["refs", "gamma"]]


@pytest.mark.parametrize("command", [*COMMANDS, ["exercises"], ["open", "gamma"]])
def test_a_missing_library_in_the_environment_is_an_error(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    missing = tmp_path / "nonexistent"
    monkeypatch.setenv("WELLREAD_LIBRARY", str(missing))
    assert main(command) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"library folder not found: {missing}" in captured.err
    assert "WELLREAD_LIBRARY" in captured.err


def test_listing_an_empty_library_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", "--library", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "this library has no articles yet" in captured.err


async def test_deleting_a_bookmark_asks_first(tmp_path: Path, library_dir: Path) -> None:
    state = StateStore(library_dir.resolve(), tmp_path / "state.sqlite")
    state.add_bookmark("gamma", 0, 0, "Overview", "ask my physio")
    app = WellreadApp(load_library(library_dir), state=state)
    async with app.run_test(size=(100, 30)) as pilot:
        app.show_bookmarks()
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen) and len(app.screen.marks) == 1
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "and its note" in app.screen.question
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen) and len(state.bookmarks()) == 1
        await pilot.press("d", "y")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert state.bookmarks() == [] and app.screen.marks == []


async def test_copying_says_where_it_went(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="gamma")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await pilot.press("full_stop", "y")
        await settle(pilot)
        notice = str(app.screen.query_one(StatusLine).render())
        assert "terminal's clipboard (OSC 52" in notice
        assert "Copied" not in notice
