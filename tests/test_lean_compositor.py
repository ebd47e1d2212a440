"""The reader's compositor (tui/screens/lean_compositor.py) writes the cells Textual's
own would, frame by frame, while drawing fewer widget lines; and a layout arranges the
screen once."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pilot_helpers import article_ready, settle
from screen_cells import rendered_rows
from terminal_updates import Terminal, written
from textual._compositor import ChopsUpdate, Compositor
from textual.widget import Widget

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens import reader_find
from tui.screens.lean_compositor import LeanCompositor, wanted_cuts
from tui.screens.library import LibraryScreen
from tui.settings import Settings
from tui.widgets.line_list import LineList

KEYS = ["slash", "s", "t", "e", "p", "enter", "n", "N", "j", "space", "full_stop", "tab"]
KEYS += ["shift+tab", "slash", "escape", "slash", "x", "escape", "escape", "r", "e", "G"]


Frames = list[tuple[object, object]]


def record_both(monkeypatch: pytest.MonkeyPatch) -> tuple[Frames, dict[str, int]]:
    """Each partial frame as the LeanCompositor makes it and as Textual's own steps
    make it for the same changed regions (the cells each writes), and how many widget
    lines each drew."""
    frames: Frames = []
    lines = {"lean": 0, "textual": 0}
    counting: list[str] = []
    render_lines = Widget.render_lines

    def counted(widget: Widget, crop: Any) -> Any:
        if counting:
            lines[counting[-1]] += crop.height
        return render_lines(widget, crop)

    lean_update = LeanCompositor.render_partial_update

    def both(compositor: LeanCompositor) -> ChopsUpdate | None:
        dirty = set(compositor._dirty_regions)
        counting.append("lean")
        ours = lean_update(compositor)
        # The same regions drawn by Textual's own steps, after (the lines it asks for
        # are the ones drawn just now, kept by each widget's cache, or drawn again).
        compositor._dirty_regions.update(dirty)
        counting.append("textual")
        theirs = Compositor.render_partial_update(compositor)
        counting.clear()
        # The cells each writes (a piece Textual sends that writes none, a cursor move
        # alone, is left out of ours).
        frames.append(
            (
                {} if ours is None else written(ours),
                {} if theirs is None else written(theirs),
            )
        )
        return ours

    monkeypatch.setattr(Widget, "render_lines", counted)
    monkeypatch.setattr(LeanCompositor, "render_partial_update", both)
    return frames, lines


async def test_every_partial_frame_is_the_one_textual_would_send(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader_find, "FIND_DEBOUNCE", 0.001)
    frames, lines = record_both(monkeypatch)
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        assert isinstance(app.screen._compositor, LeanCompositor)
        frames.clear()
        lines.update(lean=0, textual=0)
        for key in KEYS:
            await pilot.press(key)
            await settle(pilot)
    assert len(frames) > len(KEYS) // 2  # most keys draw something
    for index, (ours, theirs) in enumerate(frames):
        assert ours == theirs, f"frame {index} differs"
    # Panes away from the changed cells (the outline and the sidebar beside a moving
    # article, all the panes beside the find line's row) were not drawn.
    assert lines["lean"] < lines["textual"] * 3 / 4, lines


# The library's filter typed, narrowed, undone and cleared; the list moved through.
LIBRARY_KEYS = ["slash", "b", "o", "backspace", "backspace", "a", "escape", "j", "j", "k"]
LIBRARY_KEYS += ["slash", "z", "z", "z", "escape", "G", "g", "down", "tab", "shift+tab"]


async def test_the_library_frames_are_the_ones_textual_would_send(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames, lines = record_both(monkeypatch)
    app = WellreadApp(load_library(library_dir), settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert isinstance(app.screen._compositor, LeanCompositor)
        frames.clear()
        for key in LIBRARY_KEYS:
            await pilot.press(key)
            await settle(pilot)
    assert len(frames) > len(LIBRARY_KEYS) // 2
    for index, (ours, theirs) in enumerate(frames):
        assert ours == theirs, f"frame {index} differs"
    # The containers under the list (the screen, the body) were not drawn again.
    assert lines["lean"] < lines["textual"], lines


async def test_showing_the_find_line_arranges_the_screen_once(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        compositor = app.screen._compositor
        arranged: list[object] = []
        arrange = Compositor._arrange_root

        def counted(self: Compositor, *args: Any, **kwargs: Any) -> Any:
            arranged.append(self)
            return arrange(self, *args, **kwargs)

        monkeypatch.setattr(Compositor, "_arrange_root", counted)
        for key in ("slash", "escape"):
            arranged.clear()
            await pilot.press(key)
            await settle(pilot)
            # The layout's own arrangement, and no second one for the focus that moved
            # (Esc: none at all, tests/test_overlay_layout.py).
            assert arranged == ([compositor] if key == "slash" else []), key
        # The map the layout left is the one a fresh arrangement makes.
        kept = dict(compositor._full_map)
        fresh, _ = arrange(compositor, app.screen, compositor.size, visible_only=False)
        assert kept == fresh


async def test_the_library_terminal_shows_a_fresh_drawing_after_each_key(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        terminal = Terminal(app, monkeypatch)
        listing = app.screen.query_one("#article-list")
        corners = []
        for key in LIBRARY_KEYS:
            await pilot.press(key)
            await settle(pilot)
            assert terminal.rows == rendered_rows(app), key
            corners.append(terminal.rows[listing.region.y][listing.region.x].char)
        # The list's border is heavy while it has the focus, round while the filter has it.
        assert corners[:7] == ["╭"] * 6 + ["┏"]


async def _press_checked(
    pilot: Any, terminal: Terminal, keys: list[str], pane: Widget | None = None
) -> list[str]:
    """Press each of *keys*, checking after each that the terminal shows a fresh
    drawing; the character at *pane*'s top left corner after each (its border)."""
    corners = []
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
        assert terminal.rows == rendered_rows(pilot.app), key
        if pane is not None:
            corners.append(terminal.rows[pane.region.y][pane.region.x].char)
    return corners


def _assert_same_frames(frames: Frames) -> None:
    for index, (ours, theirs) in enumerate(frames):
        assert ours == theirs, f"frame {index} differs"


# The exercise cards filtered by type, impact, equipment, spine and a word, then cleared.
CARD_KEYS = ["t", "t", "i", "e", "s", "0", "slash", "w", "a", "escape", "j", "G", "g"]


async def test_the_card_list_frames_match_textual_and_a_fresh_drawing(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames, _ = record_both(monkeypatch)
    app = WellreadApp(load_library(library_dir), settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.show_exercises()
        await settle(pilot)
        assert isinstance(app.screen._compositor, LeanCompositor)
        terminal = Terminal(app, monkeypatch)
        frames.clear()
        await _press_checked(pilot, terminal, CARD_KEYS)
    assert len(frames) > len(CARD_KEYS) // 2
    _assert_same_frames(frames)


# The search screen: words typed, the focus moved to the results and back, a word
# taken away.
SEARCH_KEYS = ["t", "e", "s", "t", "s", "tab", "j", "k", "shift+tab", "backspace", "tab", "tab"]


async def test_the_search_frames_match_textual_and_a_fresh_drawing(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    frames, _ = record_both(monkeypatch)
    app = WellreadApp(load_library(library_dir), settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen._compositor, LeanCompositor)
        terminal = Terminal(app, monkeypatch)
        results = app.screen.query_one("#search-results")
        frames.clear()
        corners = await _press_checked(pilot, terminal, SEARCH_KEYS, results)
        assert len(app.screen.query_one("#search-results", LineList).entries) > 1
    _assert_same_frames(frames)
    # The results' border is heavy while they have the focus, round while the query has it.
    assert corners == ["╭"] * 5 + ["┏"] * 3 + ["╭"] * 2 + ["┏", "╭"]


@st.composite
def row_and_spans(draw: st.DrawFn) -> tuple[list[int], list[tuple[int, int]]]:
    """A row's cuts (sorted, from 0 to its width) and spans of changed cells in it
    (sorted, apart, as Textual's compositor makes them)."""
    width = draw(st.integers(1, 60))
    inner = draw(st.sets(st.integers(1, width - 1), max_size=12)) if width > 1 else set()
    cut_set = sorted({0, width, *inner})
    ends = sorted(draw(st.sets(st.integers(0, width), max_size=8)))
    spans = [(x1, x2) for x1, x2 in zip(ends[::2], ends[1::2], strict=False) if x1 < x2]
    return cut_set, spans


@given(row_and_spans())
def test_wanted_cuts_are_the_pieces_with_a_changed_cell(
    case: tuple[list[int], list[tuple[int, int]]],
) -> None:
    # The definition, cell by cell: a piece runs from its cut up to the next cut.
    cut_set, spans = case
    changed = {x for x1, x2 in spans for x in range(x1, x2)}
    expected = [cut for cut, end in pairwise(cut_set) if changed & set(range(cut, end))]
    assert wanted_cuts(cut_set, spans) == expected
