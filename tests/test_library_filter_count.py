"""The library filter in a large library: within a key it looks at a bounded share of the
articles, enough to fill the cards it draws, and matches and counts the rest in a thread.
What the reader ends with is what matching every article at once gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pilot_helpers import settle
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens import library, library_filter
from tui.screens.library import ArticleList, FilterInput, LibraryScreen
from tui.screens.library_filter import all_matching, first_matching, narrows, words_of
from tui.widgets.bars import StatusLine

PAGE = (
    "---\ntitle: {title}\nsummary: Page {number} of a library written for this test.\n"
    "---\n\nWords.\n"
)
COUNT = 130


def _big_library(root: Path) -> Path:
    root.mkdir()
    for number in range(COUNT):
        # Every title says "Page"; only the last few say "Late", so a bounded look
        # from the top finds none of them.
        late = " late" if number >= COUNT - 3 else ""
        title = f"Page {number:04d}{late}"
        text = PAGE.format(title=title, number=number)
        (root / f"p{number:04d}.md").write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """A key looks at 48 articles, 8 at a time, and draws 20 cards; the count starts
    at once (no pause in typing to wait for in a test)."""
    monkeypatch.setattr(library, "WINDOW", 20)
    monkeypatch.setattr(library, "FILTER_NOW", 48)
    monkeypatch.setattr(library, "FILTER_PAUSE", 0)
    monkeypatch.setattr(library_filter, "_SLICE", 8)


def _ids(app: WellreadApp) -> list[str]:
    return [e.id for e in app.screen.query_one(ArticleList).entries]


def _status(app: WellreadApp) -> str:
    return app.screen.query_one(StatusLine).position


def _typed(app: WellreadApp, text: str) -> None:
    """*text* typed in the filter: the list is drawn as it changes, and can be checked
    before anything else runs (the count, in a thread, is taken only when the loop runs)."""
    app.screen.query_one(FilterInput).value = text


async def _filter(pilot: Pilot[Any], text: str) -> None:
    _typed(pilot.app, text)  # type: ignore[arg-type]
    await pilot.pause()


async def test_the_cards_come_at_once_and_the_count_after(tmp_path: Path, bounded: None) -> None:
    app = WellreadApp(load_library(_big_library(tmp_path / "big")))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        _typed(app, "page")
        # Drawn within the key: the first 20 of all 130, and "Show 20 more"; the total
        # is still being counted.
        assert _ids(app)[1:21] == [f"article:p{n:04d}" for n in range(20)]
        more = app.screen.query_one(ArticleList).entries[-1]
        assert more.id == "more" and more.blocks[0].text == "Show 20 more"
        assert _status(app) == f"Matching the filter among {COUNT} articles..."
        await settle(pilot)
        assert _status(app) == f"{COUNT} articles"
        assert _ids(app)[1:21] == [f"article:p{n:04d}" for n in range(20)]


async def test_matches_found_late_are_drawn_when_found(tmp_path: Path, bounded: None) -> None:
    app = WellreadApp(load_library(_big_library(tmp_path / "big")))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        _typed(app, "late")
        entries = app.screen.query_one(ArticleList).entries
        # Not "No article matches": the rest of the library is being looked through.
        assert [e.blocks[0].text for e in entries[1:]] == ["Looking through the other articles..."]
        assert not entries[-1].enabled
        await settle(pilot)
        late = [f"article:p{n:04d}" for n in range(COUNT - 3, COUNT)]
        assert _ids(app)[1:] == late
        assert _status(app) == f"3 of {COUNT} articles"
        # Typing on narrows what was counted, at once: nothing is left to look through.
        await _filter(pilot, "late 0129")
        assert _ids(app)[1:] == [f"article:p{COUNT - 1:04d}"]
        assert _status(app) == f"1 of {COUNT} articles"


async def test_a_word_nowhere_says_so_once_looked_for(tmp_path: Path, bounded: None) -> None:
    app = WellreadApp(load_library(_big_library(tmp_path / "big")))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        await _filter(pilot, "zebra")
        await settle(pilot)
        entries = app.screen.query_one(ArticleList).entries
        assert entries[-1].blocks[0].text == "No article matches the filter."
        assert _status(app) == f"0 of {COUNT} articles"


async def test_a_count_for_words_typed_over_is_not_shown(tmp_path: Path, bounded: None) -> None:
    app = WellreadApp(load_library(_big_library(tmp_path / "big")))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        await _filter(pilot, "late")
        # An old thread's answer for words no longer in the filter changes nothing.
        await _filter(pilot, "page")
        screen.post_message(LibraryScreen.Counted(screen._sorted, ["late"], [COUNT - 1]))
        await settle(pilot)
        assert _status(app) == f"{COUNT} articles"
        assert _ids(app)[1] == "article:p0000"


texts_strategy = st.lists(st.text(alphabet="ab c", max_size=12), max_size=40)


@given(
    texts=texts_strategy,
    query=st.text(alphabet="ab cA", max_size=5),
    want=st.integers(0, 45),
    budget=st.integers(0, 45),
    step=st.integers(1, 3),
)
def test_a_bounded_look_finds_the_first_of_every_match(
    texts: list[str], query: str, want: int, budget: int, step: int
) -> None:
    words = words_of(query)
    among = list(range(0, len(texts), step))
    everything = [i for i in among if all(w in texts[i].casefold() for w in words)]
    lowered = [text.casefold() for text in texts]
    assert all_matching(lowered, words, among) == everything
    found, complete = first_matching(lowered, words, among, want, budget)
    if complete:
        assert found == everything
    else:
        # The first of them, in order; as many as wanted, unless the look ran out.
        assert found == everything[: len(found)]
        assert len(found) >= want or budget < len(among)


@given(words=st.lists(st.text(alphabet="abc", min_size=1, max_size=3), max_size=3),
       earlier=st.lists(st.text(alphabet="abc", min_size=1, max_size=3), max_size=3),
       text=st.text(alphabet="abc ", max_size=20))  # fmt: skip
def test_narrowing_never_loses_a_match(words: list[str], earlier: list[str], text: str) -> None:
    if narrows(words, earlier) and all(w in text for w in words):
        assert all(w in text for w in earlier)


def test_the_count_groups_thousands_and_says_one_article() -> None:
    assert library.count_line(None, 50_000) == "Matching the filter among 50,000 articles..."
    assert library.count_line(34_843, 50_000) == "34,843 of 50,000 articles"
    assert library.count_line(50_000, 50_000) == "50,000 articles"
    assert library.count_line(999, 999) == "999 articles"
    assert library.count_line(1, 1) == "1 article"
    assert library.count_line(0, 1) == "0 of 1 article"
