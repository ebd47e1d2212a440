"""The outline's match counts: made from the entries without counts as they are read,
shown beside the sections while a find is active, and cheap on the UI thread."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from helpers import zebra_library
from pilot_helpers import reading, settle
from rich.style import Style
from screen_cells import rendered_rows, row_text

from tui.app import WellreadApp
from tui.render.blocks import OutlineEntry
from tui.screens import reader_find
from tui.screens.reader_text import SYNC_LOAD_BYTES
from tui.widgets import list_strips, outline_rows, strips
from tui.widgets.line_list import prepare_entries
from tui.widgets.outline import Outline, outline_entries
from tui.widgets.outline_counts import counted_entries

SLUG = "long-counts"


def _sections() -> list[OutlineEntry]:
    return [
        OutlineEntry("", "Overview", 2, 0),
        OutlineEntry("1", "Walking", 2, 3),
        OutlineEntry("1.1", "Stairs and slopes", 3, 5),
        OutlineEntry("2", "Lifting", 2, 9),
    ]


def test_counted_entries_say_how_many_matches_and_leave_the_plain_ones_alone() -> None:
    plain = prepare_entries(outline_entries(_sections()), Outline.GAP, 30)
    before = [entry.blocks[0].text for entry in plain.entries]
    counted = counted_entries(plain, {1: 3, 3: 1}, 30)
    texts = [entry.blocks[0].text for entry in counted.entries]
    assert texts == ["Overview", "Walking (3 found)", "Stairs and slopes", "Lifting (1 found)"]
    # Read by index, in a loop or by slice, an entry is the same.
    assert [counted.entries[i].blocks[0].text for i in range(4)] == texts
    assert [entry.blocks[0].text for entry in counted.entries[1:3]] == texts[1:3]
    assert counted.entries[-1].blocks[0].text == "Lifting (1 found)"
    # The laid-out blocks carry the same text, with the count in bold.
    blocks = counted.flat.document.blocks
    assert [block.text for block in blocks] == texts
    walking = blocks[1]
    assert [(s.start, s.end, s.style) for s in walking.spans] == [(8, 17, "strong")]
    assert walking.text[8:17] == "(3 found)"
    # Nothing was changed in the entries without counts, and entries without a count
    # are the very same objects.
    assert [entry.blocks[0].text for entry in plain.entries] == before
    assert counted.entries[0] is plain.entries[0]
    assert plain.entries[1].blocks[0].spans == []


def test_a_count_that_does_not_fit_wraps_onto_a_line_of_its_own() -> None:
    plain = prepare_entries(outline_entries(_sections()), Outline.GAP, 12)
    counted = counted_entries(plain, {2: 12}, 12)
    assert plain.layout is not None and counted.layout is not None
    # "1.1 " prefix and a hanging indent: "Stairs and slopes (12 found)" takes more lines.
    assert len(counted.layout.lines) > len(plain.layout.lines)
    document = counted.flat.document
    shown = [
        document.blocks[line.block].text[line.start : line.end] for line in counted.layout.lines
    ]
    assert "found)" in shown[-2] or "found)" in shown[-3]


def _long_library(folder: Path) -> Path:
    return zebra_library(folder, SLUG, "Long counts", SYNC_LOAD_BYTES + 40_000, (3, 30))


def _outline_text(app: WellreadApp, outline: Outline) -> str:
    region = outline.content_region
    rows = rendered_rows(app)[region.y : region.bottom]
    return "\n".join(row_text(row)[region.x : region.right] for row in rows)


async def test_counts_show_beside_the_sections_without_laying_the_screen_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        outline = app.screen.query_one(Outline)
        plain = list(outline.entries)
        lines_before = outline.virtual_size.height
        await pilot.press("slash")
        await settle(pilot)
        layouts: list[Any] = []
        refresh_layout = app.screen._refresh_layout

        def spy(*args: Any, **kwargs: Any) -> Any:
            layouts.append(args)
            return refresh_layout(*args, **kwargs)

        monkeypatch.setattr(app.screen, "_refresh_layout", spy)
        await pilot.press(*"zebra")
        await settle(pilot)
        part3 = next(i for i, entry in enumerate(outline.sections) if entry.title == "Part 3")
        part30 = next(i for i, entry in enumerate(outline.sections) if entry.title == "Part 30")
        assert dict(outline.counts) == {part3: 1, part30: 1}
        # The outline grew by the lines of its counts, and the screen was not laid out
        # again for it (only its scroll bar was fitted to the new height).
        assert outline.virtual_size.height > lines_before
        assert layouts == []
        # The entries without counts were kept, not made anew.
        assert all(a is b for a, b in zip(plain, outline.entries.plain, strict=True))  # type: ignore[attr-defined]
        assert outline.entries[part3].blocks[0].text == "Part 3 (1 found)"
        outline.move_cursor(part3)
        await settle(pilot)
        drawn = " ".join(_outline_text(app, outline).split())
        assert "Part 3 (1 found)" in drawn
        # The next layout of the screen (the find line hidden, say) finds the outline's
        # scroll bar fitted already, and does not draw it or the outline again.
        drawn_lines: list[int] = []
        render_line = outline.render_line

        def count(y: int) -> Any:
            drawn_lines.append(y)
            return render_line(y)

        monkeypatch.setattr(outline, "render_line", count)
        app.screen.refresh(layout=True)
        await settle(pilot)
        assert drawn_lines == []
        await pilot.press("escape")
        await settle(pilot)
        assert drawn_lines  # the counts cleared are drawn
        assert not outline.counts
        assert outline.virtual_size.height == lines_before
        assert "found)" not in _outline_text(app, outline)
        assert all(a is b for a, b in zip(plain, outline.entries, strict=True))


async def test_esc_shows_the_lines_drawn_before_the_search_without_drawing_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        outline = app.screen.query_one(Outline)
        before = _outline_text(app, outline)
        made: list[int] = []

        def count(*args: Any, **kwargs: Any) -> Any:
            made.append(1)
            return strips.line_segments(*args, **kwargs)

        monkeypatch.setattr(list_strips, "line_segments", count)
        # Two queries, each with its own counts (and layout), then Esc.
        await pilot.press("slash", *"zebra")
        await settle(pilot)
        await pilot.press("backspace")
        await settle(pilot)
        assert outline.counts and made  # the lines with counts are drawn
        made.clear()
        await pilot.press("escape")
        await settle(pilot)
        assert not outline.counts
        assert _outline_text(app, outline) == before
        # Every row shows a line drawn before the search, kept: none is drawn anew.
        assert made == []


async def test_the_rows_on_screen_are_drawn_in_the_search_thread_as_the_outline_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        outline = app.screen.query_one(Outline)
        outline.move_cursor(4)  # the cursor's row and the current one among those drawn
        await settle(pilot)
        drawn_here: list[Any] = []
        draw = list_strips.drawn

        def spy(*args: Any, **kwargs: Any) -> Any:
            drawn_here.append(args[2])
            return draw(*args, **kwargs)

        monkeypatch.setattr(list_strips, "drawn", spy)  # the outline's own drawing
        await pilot.press("slash", *"wrap")  # in every part
        await settle(pilot)
        height = outline.size.height
        assert len(outline.counts) > height
        shown = [list(outline.render_line(y)) for y in range(height)]
        assert "found)" in _outline_text(app, outline)
        assert drawn_here == []  # every row on screen was drawn in the thread
        # And each is the row the outline draws itself.
        outline._strips.clear()
        assert [list(outline.render_line(y)) for y in range(height)] == shown
        assert len(drawn_here) == height


async def test_rows_drawn_for_a_look_that_no_longer_holds_are_not_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    async with reading(_long_library(tmp_path / "lib"), SLUG) as (app, pilot):
        outline = app.screen.query_one(Outline)
        look = outline.row_look()
        assert look is not None
        counts = {section: 2 for section in range(len(outline.sections))}
        counted = counted_entries(outline.plain, counts, outline.text_width)
        # The counts' bold changed between the search's start and its result: the rows'
        # keys (line, mark, the row's own style) are the same, the text styles not.
        stale = dataclasses.replace(
            look,
            styles={**look.styles, "strong": Style(italic=True)},
            text_styles=tuple(object() for _ in look.text_styles),
        )
        rows = outline_rows.drawn_rows(stale, counted, outline.plain.entries)
        assert len(rows) == outline.size.height
        outline.set_match_counts(counts, counted, (stale, rows))
        await settle(pilot)
        height = outline.size.height
        shown = [outline.render_line(y) for y in range(height)]
        seeded = {id(strip) for strip in rows.values()}
        assert not any(id(strip) in seeded for strip in shown)
        assert not any(segment.style and segment.style.italic for row in shown for segment in row)
        outline._strips.clear()
        assert [outline.render_line(y) for y in range(height)] == shown
        # The same rows drawn for the look that holds are the ones shown.
        fresh = outline_rows.drawn_rows(look, counted, outline.plain.entries)
        assert sorted(map(str, fresh.values())) == sorted(map(str, shown))
