"""The find line and what it finds: shown over the panes' bottom edge (no pane changes
size), its text kept when Enter hides it, typing that lays nothing out again, matches
drawn on lines reached after the search, and the stores that hold many matches and
lines as numbers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import zebra_library
from hypothesis import given
from hypothesis import strategies as st
from pilot_helpers import article_ready, reading, settle
from screen_cells import rendered_rows

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.find import Match, Matches
from tui.render.layout import Line, Lines
from tui.render.position import ReadingPosition
from tui.screens import reader_find
from tui.screens.reader_text import SYNC_LOAD_BYTES
from tui.settings import Settings
from tui.widgets import article_lines
from tui.widgets.article_matches import MatchCursor
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import SearchLine, StatusLine
from tui.widgets.find_line import FindLine
from tui.widgets.outline import Outline
from tui.widgets.strips import line_segments

SLUG = "long-find"


def _long_library(folder: Path) -> Path:
    return zebra_library(folder, SLUG, "Long find", SYNC_LOAD_BYTES + 40_000, (3, 30))


def _row_text(app: WellreadApp, y: int) -> str:
    return "".join(cell.char for cell in rendered_rows(app)[y])


def _line_of(view: ArticleView, match: Match) -> int:
    assert view.text_layout is not None
    return view.text_layout.line_for(ReadingPosition(match.block, match.start))


def _status(app: WellreadApp) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def test_the_find_line_opens_over_the_panes_bottom_edge(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        outline = app.screen.query_one(Outline)
        regions = (view.region, outline.region)
        await pilot.press("slash", *"step")
        await settle(pilot)
        line = app.screen.query_one(SearchLine)
        # No pane moved or changed size: the line stands on the row of their bottom
        # borders, right above the status line, which still says what was found.
        assert (view.region, outline.region) == regions
        assert line.region.y == view.region.bottom - 1 == _status_row(app) - 1
        assert line.region.width == 120
        assert "step" in _row_text(app, line.region.y)
        assert "match" in _status(app)
        row = line.region.y
        await pilot.press("escape")
        await settle(pilot)
        assert not line.display and app.focused is view
        # The panes' bottom edge is drawn again where the line was.
        assert _row_text(app, row).startswith("╰")


def _status_row(app: WellreadApp) -> int:
    return app.screen.query_one(StatusLine).region.y


async def test_enter_hides_the_find_line_and_slash_shows_it_with_its_text(
    library_dir: Path,
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"step", "enter")
        line = app.screen.query_one(SearchLine)
        assert not line.display and app.focused is view and view.matches
        await pilot.press("slash")
        assert line.display and app.focused is line and line.value == "step"


async def test_typing_in_the_find_line_lays_out_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        await pilot.press("slash")
        await settle(pilot)
        line = app.screen.query_one(SearchLine)
        layouts: list[Any] = []
        refresh = line.refresh

        def spy(*args: Any, layout: bool = False, **kwargs: Any) -> Any:
            layouts.append(layout)
            return refresh(*args, layout=layout, **kwargs)

        monkeypatch.setattr(line, "refresh", spy)
        await pilot.press(*"zebr")
        await settle(pilot)
        assert layouts and not any(layouts)  # repainted at every key, laid out at none
        assert line.value == "zebr"
        assert len(app.screen.query_one(ArticleView).matches) == 2


async def test_matches_are_drawn_on_lines_reached_after_the_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        view = app.screen.query_one(ArticleView)
        await pilot.press("slash", *"zebra")
        await settle(pilot)
        assert len(view.matches) == 2
        # Part 30 was far below the screen when the search finished.
        last = view.matches[1]
        assert not view.top_line <= _line_of(view, last) < view.top_line + 40
        await pilot.press("escape")  # closes the line and clears: search again, then Enter
        await pilot.press("slash", *"zebra", "enter", "n")
        await settle(pilot)
        assert view.match_index == 1
        y = _line_of(view, view.matches[1]) - view.top_line
        row = rendered_rows(app)[view.content_region.y + y]
        text = "".join(cell.char for cell in row)
        start = text.index("zebra")
        found = {cell.style for cell in row[start : start + 5]}
        around = row[start - 2].style
        assert len(found) == 1 and around not in found  # the match stands out


async def test_a_letter_lights_the_matches_on_screen_at_once_and_the_count_follows_the_pause(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No pause in typing long enough for the whole article to be searched, at first.
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 3600)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        view = app.screen.query_one(ArticleView)
        outline = app.screen.query_one(Outline)
        part3 = next(i for i, entry in enumerate(outline.sections) if entry.title == "Part 3")
        view.goto_section(part3)
        await pilot.press("slash")
        await settle(pilot)
        line = app.screen.query_one(SearchLine)
        # Searched as the text changes, not when its Changed message comes round:
        # the letter and the matches it lights are drawn in the same frame.
        line.value = "zebr"
        assert len(view.matches) == 1 and view.matches[0].block in view.blocks_in_view()
        await settle(pilot)
        assert "Searching the whole article for “zebr”" in _status(app)
        assert not outline.counts  # the whole article is not searched yet
        monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
        await pilot.press("a")  # and now a pause
        await settle(pilot)
        assert len(view.matches) == 2
        assert "2 matches in 2 parts" in _status(app)
        assert sum(outline.counts.values()) == 2 and outline.counts[part3] == 1


async def _drawn_as_a_whole_repaint_draws(pilot: Any, view: ArticleView) -> None:
    """The screen as the lines repainted one by one left it is what repainting the
    whole view draws: no line kept an old highlight."""
    app = pilot.app
    shown = rendered_rows(app)
    view.refresh()
    await pilot.pause()
    assert rendered_rows(app) == shown


async def test_highlights_repainted_line_by_line_are_drawn_right(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        view = app.screen.query_one(ArticleView)
        view.goto_section(4)
        await pilot.press("slash", *"wra")
        await settle(pilot)
        lit = len(view.matches)
        assert lit > 40  # "wraps", in every sentence: more than a screen of matches
        await _drawn_as_a_whole_repaint_draws(pilot, view)
        await pilot.press("p", "enter")
        await settle(pilot)
        assert view.match_index is not None and len(view.matches) == lit
        await _drawn_as_a_whole_repaint_draws(pilot, view)
        for key in ("n", "n", "N"):
            await pilot.press(key)
            await settle(pilot)
            await _drawn_as_a_whole_repaint_draws(pilot, view)
        await pilot.press("escape")  # Esc in the view clears the highlights
        await settle(pilot)
        assert not view.matches
        await _drawn_as_a_whole_repaint_draws(pilot, view)


async def test_the_find_line_coming_and_going_leaves_the_panes_painting_order(
    library_dir: Path,
) -> None:
    # The compositor repaints every widget whose place in the painting order changes:
    # with the find line renumbering the panes, / and Esc repainted the whole screen.
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        panes = [app.screen.query_one(f"#{pane}") for pane in ("outline", "article", "sidebar")]

        def orders() -> dict[Any, Any]:
            shown = app.screen._compositor.full_map
            return {pane: shown[pane].order for pane in panes}

        before = orders()
        await pilot.press("slash")
        await settle(pilot)
        assert app.screen.query_one(SearchLine).display and orders() == before
        await pilot.press("escape")
        await settle(pilot)
        assert orders() == before


async def test_a_new_theme_redraws_the_article_text(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        y = view.content_region.y
        before = [cell.style for cell in rendered_rows(app)[y]]
        # Focus going and coming back restyles the view and leaves its text as it was.
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert [cell.style for cell in rendered_rows(app)[y]] == before
        await pilot.press("ctrl+t")
        await settle(pilot)
        assert [cell.style for cell in rendered_rows(app)[y]] != before


async def test_the_find_line_coming_and_going_draws_no_article_line_anew(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The view's focus goes to the line and comes back: its border changes, its text's
    # styles do not (other style objects, the same values), so its drawn lines are kept.
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        drawn: list[int] = []
        draw = line_segments

        def spy(*args: Any, **kwargs: Any) -> Any:
            drawn.append(1)
            return draw(*args, **kwargs)

        monkeypatch.setattr(article_lines, "line_segments", spy)
        for _ in range(2):
            await pilot.press("slash")
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
        assert not drawn
        await pilot.press("ctrl+t")  # a new theme: every line drawn anew
        await settle(pilot)
        assert drawn


async def test_the_find_lines_remembered_styles_are_textuals_own(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        line = app.screen.query_one(FindLine)

        def styles() -> dict[str, Any]:
            return {name: line.get_component_rich_style(name) for name in line.COMPONENT_CLASSES}

        async def press(key: str) -> dict[str, Any]:
            await pilot.press(key)
            await settle(pilot)
            return styles()

        seen = [(await press("slash"), await press("escape")) for _ in range(3)]
        assert seen[0] == seen[1] == seen[2]
        # Worked out afresh by Textual, as when the line first had the focus.
        assert len(line._component_memo._known) >= 2  # remembered: focused, and not
        line._component_memo._known.clear()
        assert (await press("slash"), await press("escape")) == seen[0]
        focused, resting = seen[0]
        assert focused["input--placeholder"].italic and focused != resting


async def test_citation_style_keeps_the_outline_marker_in_place(tmp_path: Path) -> None:
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        view = app.screen.query_one(ArticleView)
        outline = app.screen.query_one(Outline)
        view.goto_section(20)
        await settle(pilot)
        marked: list[int] = []
        mark = outline.mark_current

        def spy(entry: int) -> None:
            marked.append(entry)
            mark(entry)

        outline.mark_current = spy  # type: ignore[method-assign]
        await pilot.press("c")
        await settle(pilot)
        assert outline.current == 20 and view.current_section == 20
        assert 0 not in marked  # never through the start on the way


# ---------------------------------------------------------------- the number stores

_matches = st.lists(
    st.tuples(st.integers(0, 5000), st.integers(0, 70_000), st.integers(1, 40)), max_size=60
).map(lambda found: sorted({(b, s, s + n) for b, s, n in found}))


@given(_matches, st.integers(0, 5001), st.integers(0, 70_001))
def test_matches_as_numbers_answer_as_a_list_would(
    found: list[tuple[int, int, int]], block: int, offset: int
) -> None:
    as_list = [Match(*match) for match in found]
    matches = Matches(as_list)
    assert list(matches) == as_list and len(matches) == len(as_list) and matches == as_list
    assert [matches[i] for i in range(-len(as_list), 0)] == as_list
    first = next(
        (i for i, m in enumerate(as_list) if (m.block, m.start) >= (block, offset)), len(found)
    )
    assert matches.first_from(block, offset) == first
    assert [matches[i] for i in matches.in_block(block)] == [m for m in as_list if m.block == block]
    assert list(matches.blocks()) == [m.block for m in as_list]
    cursor = MatchCursor()
    cursor.set(as_list)
    assert cursor.first_from(ReadingPosition(block, offset)) == (
        None if not found else first if first < len(found) else 0
    )


@given(
    st.lists(
        st.tuples(
            st.integers(0, 2**20), st.integers(0, 2**20), st.integers(0, 2**20), st.booleans()
        ).map(lambda t: Line(t[0], t[1], t[2], t[3], not t[3] and t[1] == 0)),
        max_size=50,
    )
)
def test_lines_as_numbers_give_back_the_lines_put_in(given_lines: list[Line]) -> None:
    lines = Lines()
    for line in given_lines:
        lines.append(line)
    assert list(lines) == given_lines and lines == given_lines
    assert lines[1:3] == given_lines[1:3]
    if given_lines:
        assert lines[-1] == given_lines[-1]
