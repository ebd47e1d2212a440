"""The library's cards are made once and their drawn lines kept by card: a filter that
lists the same cards again draws none of their lines again, and what it shows is what
a list drawn from scratch shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from textual.geometry import Region

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.blocks import TextBlock
from tui.screens import library_cards
from tui.screens.library import ArticleList, LibraryScreen
from tui.screens.library_cards import KeptCards
from tui.settings import Settings
from tui.state import SavedPosition
from tui.widgets import list_strips


def _shown(listing: ArticleList) -> list[list[tuple[str, object]]]:
    """Every visible row of the list as (text, style) pieces."""
    region = Region(0, 0, listing.size.width, listing.size.height)
    return [[(s.text, s.style) for s in strip] for strip in listing.render_lines(region)]


async def test_the_same_filter_again_draws_no_card_again(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[TextBlock] = []
    line_segments = list_strips.line_segments  # type: ignore[attr-defined]

    def recorded(block: TextBlock, *args: Any, **kwargs: Any) -> Any:
        drawn.append(block)
        return line_segments(block, *args, **kwargs)

    monkeypatch.setattr(list_strips, "line_segments", recorded)
    app = WellreadApp(load_library(library_dir), settings=Settings())
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        listing = screen.query_one(ArticleList)
        await pilot.press("slash", "a")
        await settle(pilot)
        first = _shown(listing)
        cards = [e for e in listing.entries if e.id.startswith("article:")]
        assert len(cards) >= 2  # "a" is in every test article's text
        await pilot.press("backspace")
        await settle(pilot)
        laid_out = listing._current_layout()
        drawn.clear()
        await pilot.press("a")
        await settle(pilot)
        again = [e for e in listing.entries if e.id.startswith("article:")]
        # The very cards, not new ones with the same text.
        assert all(new is old for new, old in zip(again, cards, strict=True))
        # Listed anew (a new layout), and drawn from the lines kept for its cards.
        assert listing._current_layout() is not laid_out
        assert _shown(listing) == first
        card_blocks = {id(block) for card in cards for block in card.blocks}
        assert not [block for block in drawn if id(block) in card_blocks]


async def test_kept_lines_show_what_a_new_list_shows(library_dir: Path) -> None:
    screens = []
    # "at" typed straight, and by way of "ab" and "ae" (cards shown, then lines kept).
    for typed in (["b", "backspace", "e", "backspace"], []):
        app = WellreadApp(load_library(library_dir), settings=Settings())
        async with app.run_test(size=(100, 40)) as pilot:
            await settle(pilot)
            await pilot.press("slash", "a", *typed, "t")
            await settle(pilot)
            listing = app.screen.query_one(ArticleList)
            assert listing.entries
            screens.append(_shown(listing))
    assert screens[0] == screens[1]


def test_a_card_is_made_anew_when_its_article_or_place_changes(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    entry_card = library_cards.entry_card

    def counted(entry: Any, saved: Any) -> Any:
        made.append(entry.slug)
        return entry_card(entry, saved)

    monkeypatch.setattr(library_cards, "entry_card", counted)
    library = load_library(library_dir)
    entry = library.articles["alpha"]
    kept = KeptCards()
    card = kept.card(entry, None)
    assert kept.card(entry, None) is card
    assert made == ["alpha"]
    read = SavedPosition("alpha", 0, 0, "Intro", 40, "2026-11-28T20:00:00")
    with_place = kept.card(entry, read)
    assert with_place is not card
    assert "40% read" in with_place.blocks[-1].text
    assert kept.card(entry, read) is with_place
    # The article read again (a new entry for the same file): a new card.
    changed = load_library(library_dir).articles["alpha"]
    assert changed is not entry
    assert kept.card(changed, read) is not with_place
    assert made == ["alpha", "alpha", "alpha"]
