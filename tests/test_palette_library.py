"""The palette's library entries: titles made once for a library and kept across the
palette's openings until its entries change; a command made only when asked for."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from textual.command import CommandList

from tui import palette_library
from tui.app import WellreadApp
from tui.content import load_library
from tui.content.library import Library
from tui.settings import Settings


class FakeApp:
    """What the palette's library entries read of the app."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.opened: list[tuple[Any, ...]] = []

    def open_article(self, *args: Any) -> None:
        self.opened.append(("article", *args))

    def open_exercise(self, *args: Any) -> None:
        self.opened.append(("card", *args))


def test_titles_are_made_once_and_again_when_the_library_changes(library_dir: Path) -> None:
    app = FakeApp(load_library(library_dir))
    group = palette_library.library_group(app)  # type: ignore[arg-type]
    articles = app.library.article_entries()
    cards = sorted(app.library.exercises.items())
    assert group.titles.titles == [f"Open {entry.title}" for entry in articles] + [
        f"Exercise card: {card.title}" for _, card in cards
    ]
    # Another opening of the palette: the same titles, not made again.
    assert palette_library.library_group(app).titles is group.titles  # type: ignore[arg-type]
    # An entry set anew (its title changed): made again.
    first = articles[0]
    app.library.articles[first.slug] = dataclasses.replace(first, title="A new title")
    again = palette_library.library_group(app)  # type: ignore[arg-type]
    assert again.titles is not group.titles
    assert "Open A new title" in again.titles.titles
    # A library listed again (a new library object) is made again too.
    app.library = load_library(library_dir)
    assert palette_library.library_group(app).titles is not again.titles  # type: ignore[arg-type]


def test_a_command_opens_its_entry_with_its_summary(library_dir: Path) -> None:
    app = FakeApp(load_library(library_dir))
    group = palette_library.library_group(app)  # type: ignore[arg-type]
    articles = app.library.article_entries()
    title, summary, action = group.command(0)
    assert (title, summary) == (f"Open {articles[0].title}", articles[0].summary)
    action()
    last = len(group) - 1
    card_slug = sorted(app.library.exercises)[-1]
    title, summary, action = group.command(last)
    assert summary == app.library.exercises[card_slug].summary
    action()
    assert app.opened == [("article", articles[0].slug), ("card", card_slug)]


def _titles_made_through(monkeypatch: pytest.MonkeyPatch, make: Callable[..., Any]) -> None:
    """The palette's library titles made through *make* (given _Listed's arguments),
    none made yet."""
    listed = palette_library._Listed
    monkeypatch.setattr(palette_library, "_Listed", lambda *args: make(listed, *args))
    monkeypatch.setattr(palette_library, "_listed", None)


def _shown(app: WellreadApp) -> list[str]:
    return [str(option.prompt) for option in app.screen.query_one(CommandList)._options]


async def test_opening_the_palette_makes_the_titles_before_a_letter_is_typed(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made_in: list[bool] = []

    def noted(listed: Callable[..., Any], *args: Any) -> Any:
        made_in.append(threading.current_thread() is threading.main_thread())
        return listed(*args)

    _titles_made_through(monkeypatch, noted)
    app = WellreadApp(load_library(library_dir), settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        # Made once, in a thread, with the lookups a first letter needs.
        assert made_in == [False]
        kept = palette_library._listed
        assert kept is not None and kept.titles._by_title is not None
        await pilot.press(*"gamma")
        await settle(pilot)
        assert made_in == [False]  # the letters used what was made
        shown = _shown(app)
        assert any("Gamma guide to stair climbing" in row for row in shown), shown


async def test_letters_typed_while_the_titles_are_made_find_them(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large library's titles take a tenth of a second and more: a reader may type
    # before they are made (and the palette reopened from a capped list starts typed).
    release = threading.Event()

    def slow(listed: Callable[..., Any], *args: Any) -> Any:
        # Bounded, so a broken palette fails the test rather than hanging it.
        assert release.wait(timeout=30)
        return listed(*args)

    _titles_made_through(monkeypatch, slow)
    app = WellreadApp(load_library(library_dir), settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"gamma")  # the search before these letters is cancelled
        release.set()
        await settle(pilot)
        for _ in range(100):  # the search runs as the thread ends
            if app.screen.query_one(CommandList).option_count:
                break
            await pilot.pause()
        shown = _shown(app)
        assert any("Gamma guide to stair climbing" in row for row in shown), shown
