"""A long article's objects are frozen once laid out (full garbage collections then
skip them) and freed when its screen closes: nothing frozen outlives its use."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from pilot_helpers import article_ready, settle

from tui import long_lived
from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.reader import ReaderScreen
from tui.widgets.article_view import ArticleView


def _write_library(root: Path) -> Path:
    library = root / "library"
    library.mkdir()
    parts = ["---", "title: Long enough", "summary: Many parts, laid out in a thread.", "---", ""]
    for number in range(1, 61):
        parts += [f"## Part {number}", "", f"Part {number} says to walk the stairs slowly.", ""]
    (library / "long.md").write_text("\n".join(parts), encoding="utf-8")
    return library


def _tracked(target: object) -> bool:
    """Whether the collector walks *target* (frozen objects it passes over)."""
    return any(found is target for found in gc.get_objects())


@pytest.fixture
def long_enough(monkeypatch: pytest.MonkeyPatch) -> None:
    # This article's 200-odd lines count as long; nothing was frozen for one before.
    monkeypatch.setattr(long_lived, "LONG_LINES", 100)
    monkeypatch.setattr(long_lived, "_holding", False)
    monkeypatch.setattr(long_lived, "_thresholds_before", None)


async def test_a_long_layout_is_frozen_then_let_go_when_closed(
    tmp_path: Path, long_enough: None
) -> None:
    app = WellreadApp(load_library(_write_library(tmp_path)), open_slug="long")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await settle(pilot)
        layout = app.screen.query_one(ArticleView).text_layout
        assert layout is not None and layout.complete and len(layout.lines) >= 100
        assert not _tracked(layout)
        await pilot.press("escape")
        await settle(pilot)
        # Back under the collector, which frees the closed article once nothing else
        # holds it (frozen, it would be kept for good).
        assert _tracked(layout)


async def test_a_short_layout_is_left_to_the_collector(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(long_lived, "LONG_LINES", 10**9)
    app = WellreadApp(load_library(_write_library(tmp_path)), open_slug="long")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await settle(pilot)
        layout = app.screen.query_one(ArticleView).text_layout
        assert layout is not None and layout.complete and _tracked(layout)


def test_a_settle_frees_what_the_last_one_froze() -> None:
    class Cycle:
        def __init__(self) -> None:
            self.me = self

    kept = Cycle()
    long_lived.settle()
    assert not _tracked(kept)
    gone = weakref.ref(kept)
    del kept  # a cycle: only the collector frees it, and not while it is frozen
    gc.collect()
    assert gone() is not None
    long_lived.settle()
    assert gone() is None


async def test_a_rendering_replaced_by_c_is_not_kept_frozen(
    tmp_path: Path, long_enough: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Read, rendered and restyled in threads, as a long article is: c's rendering
    # comes laid out already.
    monkeypatch.setattr("tui.screens.reader.SYNC_LOAD_BYTES", 0)
    app = WellreadApp(load_library(_write_library(tmp_path)), open_slug="long")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await settle(pilot)
        view = app.screen.query_one(ArticleView)
        first = view.text_layout
        assert first is not None and not _tracked(first)
        replaced = weakref.ref(first)
        del first
        await pilot.press("c")  # another citation style: a new rendering, laid out
        await settle(pilot)
        await pilot.pause()
        await settle(pilot)
        now = view.text_layout
        assert now is not None and replaced() is not now
        assert not _tracked(now)  # the new one frozen in turn
        # Kept for c back (the screen's only hold on it); let go, it is freed.
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and screen.shown_before is not None
        assert screen.shown_before.layout is replaced()
        screen.shown_before = None
        # The worker that laid it out holds it too, until the app lets the worker go.
        await settle(pilot)
        await pilot.pause()
        long_lived.settle()
        assert replaced() is None


async def test_the_youngest_are_collected_less_while_a_long_article_is_held(
    tmp_path: Path, long_enough: None
) -> None:
    before = gc.get_threshold()
    app = WellreadApp(load_library(_write_library(tmp_path)), open_slug="long")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await settle(pilot)
        held = gc.get_threshold()
        assert held[0] == long_lived.YOUNG_THRESHOLD > before[0]
        assert held[1:] == before[1:]  # the older generations as they were
        await pilot.press("escape")
        await settle(pilot)
        assert gc.get_threshold() == before  # its reader closed: Python's own again
        app.open_article("long")
        await article_ready(pilot)
        await settle(pilot)
        assert gc.get_threshold()[0] == long_lived.YOUNG_THRESHOLD
    # The app ended with it open: Python's own again (tests and embedders run on).
    assert gc.get_threshold() == before


async def test_a_short_article_leaves_the_thresholds_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(long_lived, "LONG_LINES", 10**9)
    before = gc.get_threshold()
    app = WellreadApp(load_library(_write_library(tmp_path)), open_slug="long")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await settle(pilot)
        assert gc.get_threshold() == before
