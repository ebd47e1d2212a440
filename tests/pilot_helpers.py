"""Waiting, in Pilot tests, for work that wellread does in background threads and timers,
without ever waiting on the wall clock."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from textual._compositor import ChopsUpdate
from textual.app import App
from textual.pilot import Pilot
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import WorkerCancelled

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens import reader_find
from tui.screens.exercise import ExerciseScreen
from tui.screens.reader import ReaderScreen
from tui.screens.reader_find import searches_running
from tui.settings import Settings
from tui.widgets.article_view import ArticleView

# Each round waits for every running worker to end, then lets the messages they posted
# be handled; a message may start the next worker (load, then lay out).
MAX_ROUNDS = 50
HANG_LIMIT = 60.0  # seconds


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until no worker or search is running and every message they sent has been
    handled."""
    for _ in range(MAX_ROUNDS):
        await pilot.pause()
        running = [worker for worker in pilot.app.workers if not worker.is_finished]
        finding = searches_running(pilot.app.screen_stack)
        if not running and not finding:
            return
        if finding:
            # Its result is taken in a callback of its own, before this wait ends; an
            # error in it stops the app, which the test then raises.
            await asyncio.wait(finding, timeout=HANG_LIMIT)
        for worker in running:
            with suppress(WorkerCancelled):  # replaced by a newer one: that one is waited for
                # The limit only ends a test whose worker hangs; nothing waits for it to pass.
                await asyncio.wait_for(worker.wait(), HANG_LIMIT)
    raise AssertionError("background work never settled")


async def article_ready(pilot: Pilot[Any]) -> None:
    """Wait until the reader on top has its article parsed, rendered and fully laid out."""
    for _ in range(MAX_ROUNDS):
        await settle(pilot)
        screen = pilot.app.screen
        if isinstance(screen, ReaderScreen) and screen.rendered is not None:
            views = screen.query(ArticleView)
            if views and views.first().ready:
                await pilot.pause()
                return
    raise AssertionError("the article never finished loading")


@asynccontextmanager
async def reading(
    library: Path, slug: str, size: tuple[int, int] = (120, 40)
) -> AsyncIterator[tuple[WellreadApp, Pilot[Any]]]:
    """The app on *library* with default settings, *slug* open and fully laid out."""
    app = WellreadApp(load_library(library), settings=Settings())
    async with app.run_test(size=size) as pilot:
        app.open_article(slug)
        await article_ready(pilot)
        yield app, pilot


async def related_card_opened(pilot: Pilot[Any]) -> ExerciseScreen:
    """Enter on the reader's related exercise list: the card it opens."""
    app = pilot.app
    app.screen.query_one("#exercise-list").focus()
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    card = app.screen
    assert isinstance(card, ExerciseScreen)
    return card


def running_intervals(app: App[Any]) -> list[str]:
    """Repeating timers of the app and its screen that are running (not paused or stopped):
    anything that could change the screen while nobody presses a key."""
    found: list[str] = []
    for node in [app, *app.screen.walk_children(with_self=True)]:
        for timer in list(node._timers):
            task = timer._task
            alive = task is not None and not task.done()
            if timer._repeat is None and alive and timer._active.is_set():
                found.append(f"{type(node).__name__}: {timer.name}")
    return found


def focused(app: App[Any]) -> Widget | None:
    """The focused widget, read afresh (mypy would keep what an earlier assert narrowed)."""
    return app.focused


class HeldTimers:
    """One-shot timers that wellread's own code sets on the app, held instead of run.

    A test fires them when it chooses, as if the time had passed, instead of sleeping
    until it has. Timers Textual sets for itself run as usual."""

    def __init__(self, app: App[Any], monkeypatch: pytest.MonkeyPatch) -> None:
        self.held: list[tuple[float, Callable[[], object]]] = []
        original = app.set_timer

        def hold(
            delay: float,
            callback: Callable[[], object] | None = None,
            *,
            name: str | None = None,
            pause: bool = False,
        ) -> Timer:
            ours = callback is not None and getattr(callback, "__module__", "").startswith("tui")
            if ours and callback is not None:
                self.held.append((delay, callback))
            return original(delay, callback, name=name, pause=pause or ours)

        monkeypatch.setattr(app, "set_timer", hold)

    async def fire(self, pilot: Pilot[Any]) -> int:
        """Run every held callback, in the order set; return how many ran."""
        due, self.held = self.held, []
        for _, callback in due:
            callback()
        await pilot.pause()
        return len(due)


def record_frames(app: App[Any], monkeypatch: pytest.MonkeyPatch) -> list[set[int]]:
    """The screen rows each frame drawn from now on updates, one set a frame."""
    frames: list[set[int]] = []
    draw = app._display

    def record(on: Any, update: Any) -> None:
        if isinstance(update, ChopsUpdate):
            frames.append({y for y, _, _ in update.spans})
        draw(on, update)

    monkeypatch.setattr(app, "_display", record)
    return frames


def hold_whole_searches(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """A long article's whole-article searches wait in their thread until the returned
    event is set, so a test can act while one is running."""
    release = threading.Event()
    search = reader_find.search_whole

    def held(*args: Any) -> reader_find.FoundAll:
        assert release.wait(HANG_LIMIT), "the test never let the search go on"
        return search(*args)

    monkeypatch.setattr(reader_find, "search_whole", held)
    return release
