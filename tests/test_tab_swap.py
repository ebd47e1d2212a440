"""r and e show a list in the place of the other without a layout (tui/widgets/tab_swap.py):
the compositor's map and the screen are what Textual's own layout makes of them, and
where the swap cannot stand in for a layout (a list never shown, a window resized while
a list was hidden, a scroll bar its entries changed) Textual lays the screen out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from screen_cells import rendered_rows
from textual.screen import Screen

from tui.app import WellreadApp
from tui.content import load_library
from tui.widgets.sidebar import ExerciseList, ReferenceList, Sidebar

SIZE = (120, 40)
MANY = [
    (f"ref-{n}", n, [f"Author {n}. A trial of stair climbing, part {n}."]) for n in range(1, 61)
]


async def open_sidebar(pilot: Any, many: bool = True) -> Sidebar:
    await settle(pilot)
    screen = pilot.app.screen
    if many:
        references = screen.query_one(ReferenceList)
        references.set_entries(ReferenceList.entries_for(MANY))
    screen.query_one(ExerciseList).focus()
    await settle(pilot)
    sidebar: Sidebar = screen.query_one(Sidebar)
    return sidebar


async def press(pilot: Any, key: str) -> None:
    await pilot.press(key)
    await settle(pilot)


def counting_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    layouts: list[int] = []
    original = Screen._refresh_layout

    def counted(self: Screen[Any], *args: Any, **kwargs: Any) -> None:
        layouts.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", counted)
    return layouts


def as_textual_lays_it_out(screen: Screen[Any]) -> tuple[dict[Any, Any], list[Any]]:
    """The map Textual's layout makes of the screen now, and its painting order."""
    compositor = screen._compositor
    arranged, _ = compositor._arrange_root(screen, compositor.size, visible_only=False)
    order = [widget for widget, _ in sorted(arranged.items(), key=lambda i: i[1].order)]
    return arranged, order


async def test_r_and_e_after_the_first_show_lay_nothing_out(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await open_sidebar(pilot)
        for key in "rere":  # each list shown once (and laid out by Textual then)
            await press(pilot, key)
        layouts = counting_layouts(monkeypatch)
        for key in "rer":
            shown = "reference-list" if key == "r" else "exercise-list"
            await press(pilot, key)
            assert sidebar.active_tab == shown
            assert app.focused is app.screen.query_one(f"#{shown}")
        assert layouts == []


@pytest.mark.parametrize("keys", ["rer", "rere", "rerer"])
async def test_the_map_and_the_screen_are_what_a_layout_makes_of_them(
    library_dir: Path, keys: str
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_sidebar(pilot)
        for key in "rere":
            await press(pilot, key)
        for key in keys:
            await press(pilot, key)
        screen = app.screen
        compositor = screen._compositor
        assert not compositor._full_map_invalidated
        arranged, order = as_textual_lays_it_out(screen)
        assert compositor._full_map == arranged
        assert [w for w, _ in sorted(compositor._full_map.items(), key=lambda i: i[1].order)] == (
            order
        )
        # The painting order among widgets of the same order (a list and its scroll
        # bar) is the map's: compared through what is drawn.
        swapped = rendered_rows(app)
        screen.refresh(layout=True)
        await settle(pilot)
        assert rendered_rows(app) == swapped
        lists = [screen.query_one(ExerciseList), screen.query_one(ReferenceList)]
        assert [lst.id for lst in lists if lst.display] == [screen.query_one(Sidebar).active_tab]


async def test_a_list_shown_by_a_swap_scrolls_and_draws_its_scroll_bar(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        await open_sidebar(pilot)
        for key in "rere":
            await press(pilot, key)
        await press(pilot, "r")
        references = app.screen.query_one(ReferenceList)
        bar = references.vertical_scrollbar
        assert references.show_vertical_scrollbar
        assert bar in app.screen._compositor.visible_widgets
        for _ in range(30):
            await pilot.press("j")
        await settle(pilot)
        assert references.cursor == 30 and references.scroll_y > 0
        rows = ["".join(cell.char for cell in row) for row in rendered_rows(app)]
        assert any("▶ 31. Author 31." in row for row in rows)
        # The bar's thumb moved with the list: the same as a layout draws it.
        before = rendered_rows(app)
        app.screen.refresh(layout=True)
        await settle(pilot)
        assert rendered_rows(app) == before


async def test_a_window_resized_while_a_list_was_hidden_lays_the_screen_out(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=SIZE) as pilot:
        sidebar = await open_sidebar(pilot)
        for key in "rere":
            await press(pilot, key)
        await pilot.resize_terminal(110, 36)
        await settle(pilot)
        layouts = counting_layouts(monkeypatch)
        await press(pilot, "r")
        assert layouts  # the reference list's size is not the place's: Textual's way
        references = app.screen.query_one(ReferenceList)
        assert sidebar.active_tab == "reference-list"
        assert references.outer_size == references.region.size
        swapped = rendered_rows(app)
        app.screen.refresh(layout=True)
        await settle(pilot)
        assert rendered_rows(app) == swapped
