"""The sidebar's tabs (r, e): each list keeps its cursor and scroll, a switch (once each
list has shown) lays nothing out and repaints only the sidebar, and lines drawn once
are not drawn again for a focus change, yet are drawn anew when the theme changes (checked against a
fresh app's drawing)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from screen_cells import Cell, rendered_rows
from textual._compositor import Compositor
from textual.screen import Screen

from tui.app import WellreadApp
from tui.content import load_library
from tui.widgets.sidebar import ExerciseList, ReferenceList, Sidebar

SIZE = (120, 40)
# More references than the sidebar shows: the list scrolls and has a scroll bar.
MANY = [
    (f"ref-{n}", n, [f"Author {n}. A trial of walking and bone density, part {n}."])
    for n in range(1, 61)
]


async def reader_with_many_references(pilot: Any) -> tuple[Sidebar, ReferenceList]:
    await settle(pilot)
    screen = pilot.app.screen
    references = screen.query_one(ReferenceList)
    references.set_entries(ReferenceList.entries_for(MANY))
    screen.query_one(ExerciseList).focus()
    await settle(pilot)
    return screen.query_one(Sidebar), references


async def press(pilot: Any, key: str) -> None:
    await pilot.press(key)
    await settle(pilot)


def sidebar_rows(app: Any) -> list[list[Cell]]:
    region = app.screen.query_one(Sidebar).region
    return [row[region.x : region.right] for row in rendered_rows(app)[region.y : region.bottom]]


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """Layouts, whole-screen arrangements and the regions each frame repaints."""
    seen: dict[str, Any] = {"layouts": 0, "arranged": 0, "repainted": []}
    layout, arrange, update = (
        Screen._refresh_layout,
        Compositor._arrange_root,
        Compositor.render_update,
    )

    def counted_layout(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        seen["layouts"] += 1
        layout(self, *args, **kwargs)

    def counted_arrange(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        seen["arranged"] += 1
        return arrange(self, *args, **kwargs)

    def recorded_update(self: Compositor, *args: Any, **kwargs: Any) -> Any:
        seen["repainted"].extend(self._dirty_regions)
        return update(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted_layout)
    monkeypatch.setattr(Compositor, "_arrange_root", counted_arrange)
    monkeypatch.setattr(Compositor, "render_update", recorded_update)
    yield seen


async def test_each_list_keeps_its_cursor_and_scroll_across_r_and_e(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        sidebar, references = await reader_with_many_references(pilot)
        await press(pilot, "r")
        for _ in range(25):
            await pilot.press("j")
        await settle(pilot)
        assert references.cursor == 25
        assert references.scroll_y > 0
        cursor, scroll, drawn = references.cursor, references.scroll_y, sidebar_rows(app)
        await press(pilot, "e")
        exercises = app.screen.query_one(ExerciseList)
        assert app.focused is exercises and sidebar.active_tab == "exercise-list"
        await press(pilot, "r")
        assert app.screen.focused is references and sidebar.active_tab == "reference-list"
        assert (references.cursor, references.scroll_y) == (cursor, scroll)
        # The same rows as before e: the tab mark, the ▶ on the cursor item, the bar.
        assert sidebar_rows(app) == drawn
        assert "▶ 26. Author 26." in "\n".join("".join(cell.char for cell in row) for row in drawn)


async def test_a_switch_lays_nothing_out_and_repaints_only_the_sidebar(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        sidebar, references = await reader_with_many_references(pilot)
        for key in "rere":  # each list shown (and its scroll bar fitted) once
            await press(pilot, key)
        for key in "rer":
            with counting(monkeypatch) as seen:
                await press(pilot, key)
            monkeypatch.undo()
            # The list shown in the other's place (tui/widgets/tab_swap.py): no layout,
            # the screen not arranged again, one repaint of the sidebar.
            assert seen["layouts"] == 0, key
            assert seen["arranged"] == 0, key
            assert seen["repainted"], key
            assert all(sidebar.region.contains_region(r) for r in seen["repainted"]), key
        assert references.show_vertical_scrollbar


async def test_lines_drawn_once_are_kept_across_focus_changes(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        sidebar, references = await reader_with_many_references(pilot)
        for key in "rere":
            await press(pilot, key)
        kept = references._strips._strips  # the list's drawn lines (list_strips.ListStrips)

        def drawn() -> int:
            return kept.misses

        before = drawn()
        await press(pilot, "r")
        assert drawn() == before
        assert kept.hits > 0
        await press(pilot, "tab")  # the focus leaves the sidebar: the cursor looks resting
        assert not sidebar.has_class("-focus-within")
        # Only the cursor item's lines are drawn again, in their resting look.
        first, end = references.entry_lines(references.cursor)
        assert 0 < drawn() - before <= end - first


@pytest.mark.parametrize("theme", ["textual-light", "nord"])
async def test_a_list_shown_after_a_theme_change_is_drawn_as_a_fresh_app_draws_it(
    library_dir: Path, theme: str
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await reader_with_many_references(pilot)
        for key in "rer":
            await press(pilot, key)
        app.theme = theme
        await settle(pilot)
        await press(pilot, "e")
        await press(pilot, "r")
        shown = sidebar_rows(app)

    fresh = WellreadApp(load_library(library_dir), open_slug="alpha")
    fresh.theme = theme
    async with fresh.run_test(size=SIZE) as pilot:
        await reader_with_many_references(pilot)
        await press(pilot, "r")
        assert sidebar_rows(fresh) == shown


async def test_the_tab_bar_lines_kept_are_those_textual_draws(library_dir: Path) -> None:
    # The tab bar keeps its lines by tab shown, size and path: after each switch, a
    # theme change and a narrow window (the names stacked), every line is Textual's own.
    from textual.widget import Widget

    from tui.widgets.sidebar import TabBar

    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await reader_with_many_references(pilot)
        bar = app.screen.query_one(TabBar)
        for step in ("r", "e", "theme", "r", "e", "narrow", "r", "e"):
            if step == "theme":
                app.theme = "textual-light"
            elif step == "narrow":
                await pilot.resize_terminal(72, 30)
            else:
                await pilot.press(step)
            await settle(pilot)
            drawn = rendered_rows(app)
            assert [bar.render_line(y) for y in range(bar.size.height)] == [
                Widget.render_line(bar, y) for y in range(bar.size.height)
            ], step
            assert rendered_rows(app) == drawn
        assert bar.stacked and bar.size.height == 2
