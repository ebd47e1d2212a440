"""The pause in typing after which a long article is searched whole: an error in what
it starts reaches the app as any handler's does, and a reader closed before the pause
is over leaves nothing due."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import zebra_library
from pilot_helpers import hold_whole_searches, reading, settle

from tui.screens import reader_find
from tui.screens.reader_find import FindInLongArticle
from tui.screens.reader_text import SYNC_LOAD_BYTES

SLUG = "long-find"


def _long_library(folder: Path) -> Path:
    return zebra_library(folder, SLUG, "Long find", SYNC_LOAD_BYTES + 40_000, (3, 30))


class Broken(Exception):
    pass


def _broken_pause(self: FindInLongArticle, query: str) -> None:
    raise Broken(query)


def _broken_search(document: object, query: str, *rest: object) -> reader_find.FoundAll:
    raise Broken(query)


@pytest.mark.parametrize(
    ("owner", "name", "broken"),
    [
        # What the pause starts, when it is over.
        (FindInLongArticle, "find_now", _broken_pause),
        # The search of the whole article, on the loop's threads (not a worker).
        (reader_find, "search_whole", _broken_search),
    ],
)
async def test_an_error_in_the_search_stops_the_app_and_is_shown(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    owner: object,
    name: str,
    broken: Callable[..., object],
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    monkeypatch.setattr(owner, name, broken)
    # Textual raises again, as the test ends, what stopped the app: not lost in the loop.
    with pytest.raises(Broken, match=r"^z$"):
        async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
            await pilot.press("slash", "z")
            await settle(pilot)
            assert app._exit  # stopped by the error


async def test_closing_the_reader_before_the_pause_leaves_no_search_due(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 3600)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        reader = app.screen
        assert isinstance(reader, FindInLongArticle) and not reader.short
        await pilot.press("slash", "z")
        await settle(pilot)
        due = reader._find_due
        assert due is not None and not due.cancelled()
        await pilot.press("escape", "escape")  # the find line, then the reader
        await settle(pilot)
        assert app.screen is not reader
        assert due.cancelled() and reader._find_due is None


async def test_a_search_ending_after_the_reader_closed_is_let_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    go_on = hold_whole_searches(monkeypatch)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        reader = app.screen
        assert isinstance(reader, FindInLongArticle)
        await pilot.press("slash", "z")
        while reader.finding is None:  # the pause in typing, then the search begun
            await pilot.pause()
        finding = reader.finding
        await pilot.press("escape", "escape")  # the find line, then the reader
        await pilot.pause()
        assert app.screen is not reader
        go_on.set()
        await asyncio.wait([finding])
        await settle(pilot)
        assert finding.result().query == "z"  # searched, and its result let go
        assert reader.finding is None and not app._exit
