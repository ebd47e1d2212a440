"""Keys on a long article (over the size parsed within a frame): the citation style,
find-as-you-type, the palette's sections and Tab do their work off the UI thread or
only where it changes, and still do what they do on a short article."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from pathlib import Path
from typing import Any

import pytest
from helpers import zebra_library
from pilot_helpers import article_ready, hold_whole_searches, reading, settle
from textual.pilot import Pilot
from textual.widgets import Input

from tui.app import WellreadApp
from tui.commands import NEARBY_LIMIT, SECTION_LIMIT, nearby_sections, section_choices
from tui.content import load_library
from tui.screens import reader_find
from tui.screens.reader import ReaderScreen
from tui.screens.reader_text import SYNC_LOAD_BYTES
from tui.settings import Settings
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine
from tui.widgets.outline import Outline

SLUG = "long-read"


def _long_library(folder: Path) -> Path:
    zebra_library(folder, SLUG, "Long read", SYNC_LOAD_BYTES + 40_000, (7, 30))
    assert (folder / f"{SLUG}.md").stat().st_size > SYNC_LOAD_BYTES
    return folder


# A whole-article search begins a moment after the last key (Textual's timers take no
# 0), or, with NEVER, only when Enter asks for it.
SOON, NEVER = 0.001, 3600.0


def _finding(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pause: float
) -> AbstractAsyncContextManager[tuple[WellreadApp, Pilot[Any]]]:
    """The long article open, its find waiting *pause* seconds after the last key."""
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", pause)
    return reading(_long_library(tmp_path / "lib"), SLUG)


def _view(app: WellreadApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def _anchor_text(view: ArticleView) -> str:
    assert view.document is not None and view.focused_anchor is not None
    block, index = view.focused_anchor
    anchor = view.document.blocks[block].anchors[index]
    return view.document.blocks[block].text[anchor.start : anchor.end]


async def test_citation_style_on_a_long_article_keeps_the_outline(tmp_path: Path) -> None:
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and not screen.short
        outline = screen.query_one(Outline)
        entries = outline.entries
        await pilot.press("full_stop", "full_stop")  # past the opening's note
        assert _anchor_text(_view(app)) == "(Long, 2000)"
        await pilot.press("c")
        await settle(pilot)
        # The same citation, now as its number; the outline was not made again.
        assert _anchor_text(_view(app)) == "[1]"
        assert outline.entries is entries
        await pilot.press("c")
        await settle(pilot)
        assert _anchor_text(_view(app)) == "(Long, 2000)"


async def test_find_as_you_type_on_a_long_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A millisecond after the last key (Textual's timers take no 0): the timer fires
    # while Pilot waits for the app to be idle.
    async with _finding(tmp_path, monkeypatch, SOON) as (app, pilot):
        view = _view(app)
        outline = app.screen.query_one(Outline)
        plain = outline.entries
        await pilot.press("slash", *"zebra")
        await settle(pilot)
        assert view.document is not None
        found = [view.document.blocks[m.block].text[m.start : m.end] for m in view.matches]
        assert found == ["zebra", "zebra"]
        sections = {view.document.outline[i].title: n for i, n in outline.counts.items()}
        assert sections == {"Part 7": 1, "Part 30": 1}
        await pilot.press("enter")
        assert view.match_index == 0
        await pilot.press("n")
        assert view.match_index == 1
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert view.matches == []
        assert outline.entries is plain  # the titles without counts, not made anew


async def test_enter_typed_with_the_word_goes_to_its_first_match_once_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The pause in typing never ends of itself here: the whole article is searched
    # only because Enter was pressed.
    async with _finding(tmp_path, monkeypatch, NEVER) as (app, pilot):
        view = _view(app)
        await pilot.press("slash", *"zebra")
        assert view.matches == []  # none on screen: its parts are further on
        await pilot.press("enter")
        await settle(pilot)
        assert view.document is not None and view.match_index == 0
        match = view.matches[0]
        assert view.document.blocks[match.block].text[match.start : match.end] == "zebra"
        assert app.focused is view
        status = app.screen.query_one(StatusLine).left
        assert status.startswith("Match 1 of 2, the first from the top"), status
        await pilot.press("n")
        assert view.match_index == 1


async def test_enter_with_matches_on_screen_goes_to_the_first_of_the_whole_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _finding(tmp_path, monkeypatch, NEVER) as (app, pilot):
        view = _view(app)
        await pilot.press("space")  # into the article: "from the top of the view" tells
        top = view.position
        await pilot.press("slash", *"wrap")
        on_screen = len(view.matches)
        assert on_screen > 0  # some on screen already, the rest not yet searched
        await pilot.press("enter")
        await settle(pilot)
        # The whole article's matches, with the cursor on the first from the view's top:
        # not the page's, which the whole search's result replaced.
        total = len(view.matches)
        assert total > on_screen and view.match_index is not None
        assert view.document is not None and top is not None
        first = view.matches[view.match_index]
        assert (first.block, first.start) >= (top.block, top.offset)
        assert all(
            (m.block, m.start) < (top.block, top.offset) for m in view.matches[: view.match_index]
        )
        status = app.screen.query_one(StatusLine).left
        assert status.startswith(f"Match {view.match_index + 1:,} of {total:,}, the first"), status


async def test_counts_of_a_thousand_matches_and_more_group_their_thousands(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with _finding(tmp_path, monkeypatch, SOON) as (app, pilot):
        view = _view(app)
        await pilot.press("slash", *"wrap")
        await settle(pilot)
        total = len(view.matches)
        assert total >= 1000  # every sentence of the long article says "wraps"
        status = app.screen.query_one(StatusLine)
        assert status.left.startswith(f"{total:,} matches in "), status.left
        assert "," in f"{total:,}"
        await pilot.press("enter")
        await settle(pilot)
        assert view.match_index is not None
        assert f"of {total:,}," in status.left, status.left


async def test_enter_while_the_whole_article_is_searched_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = hold_whole_searches(monkeypatch)
    async with _finding(tmp_path, monkeypatch, SOON) as (app, pilot):
        view = _view(app)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("slash", *"zebra")
        for _ in range(100):  # the pause has ended: the search has begun, held
            if screen.finding is not None:
                break
            await pilot.pause()
        assert screen.finding is not None and view.matches == []
        await pilot.press("enter")
        assert view.match_index is None
        release.set()
        await settle(pilot)
        assert view.match_index == 0
        assert screen.query_one(StatusLine).left.startswith("Match 1 of 2")


async def test_typing_on_after_enter_drops_the_jump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = hold_whole_searches(monkeypatch)
    async with _finding(tmp_path, monkeypatch, NEVER) as (app, pilot):
        view = _view(app)
        before = view.position
        await pilot.press("slash", *"zebra", "enter")
        # The line opened again (empty) and the same word typed before the search came
        # back: this time no Enter, and the earlier one does not move the reader.
        await pilot.press("slash", *"zebra")
        assert app.screen.query_one("#search-line", Input).value == "zebra"
        release.set()
        await settle(pilot)
        assert view.match_index is None
        assert view.position == before


def test_palette_sections_are_capped_and_filtered_over_plain_text() -> None:
    labels = [f"Go to {n}. Part {n}" for n in range(1, 3001)]
    chosen = section_choices(labels, "part 12")
    assert len(chosen) == SECTION_LIMIT
    # Those holding the words as typed come first, in order: "Part 12", "Part 120" ...
    assert [labels[i] for i in chosen[:3]] == [
        "Go to 12. Part 12",
        "Go to 120. Part 120",
        "Go to 121. Part 121",
    ]
    assert all("part 12" in labels[i].lower() for i in chosen)
    # Letters in order but apart still count when few hold them as typed.
    assert section_choices(["Go to 1. Bone load", "Go to 2. Balance"], "bld") == [0]


def test_palette_offers_nearby_top_level_sections_until_the_reader_types() -> None:
    short = [2, 3, 2]
    assert nearby_sections(short, 1) == [0, 1, 2]
    levels = [2, 3, 3] * 1000  # 1000 sections of two subsections each
    offered = nearby_sections(levels, current=1500)
    assert len(offered) == NEARBY_LIMIT
    assert all(levels[i] == 2 for i in offered)
    assert offered[0] < 1500 < offered[-1]


async def test_tab_in_a_wide_window_leaves_the_screen_classes_alone(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        classes = set(screen.classes)
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id != "article"
        assert set(screen.classes) == classes
        pane = screen.panes.shown
        assert pane != "article"
        # Narrowed, the window shows the pane the reader is in.
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert screen.has_class("-narrow") and screen.has_class(f"-show-{pane}")
