"""The card screen is kept when it closes and shows the next card (tui/app_cards.py,
ExerciseScreen.show_card): nothing mounted or styled again, and what the reader sees
(title, text, focus and its heavy border, status line) as a new card screen shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import settle
from screen_cells import Cell, rendered_rows
from textual.css.stylesheet import Stylesheet
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.exercise import ExerciseScreen

SIZE = (100, 30)


class Counted:
    """Styles applied, widgets mounted and screen layouts, while on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.styled = 0
        self.mounted = 0
        self.layouts = 0
        self.on = False
        apply, refresh_layout, mount = Stylesheet.apply, Screen._refresh_layout, Widget.mount

        def counted_apply(sheet: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> None:
            self.styled += self.on
            apply(sheet, node, *args, **kwargs)

        def counted_layout(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
            self.layouts += self.on
            refresh_layout(screen, *args, **kwargs)

        def counted_mount(widget: Widget, *widgets: Widget, **kwargs: Any) -> Any:
            self.mounted += self.on * len(widgets)
            return mount(widget, *widgets, **kwargs)

        monkeypatch.setattr(Stylesheet, "apply", counted_apply)
        monkeypatch.setattr(Screen, "_refresh_layout", counted_layout)
        monkeypatch.setattr(Widget, "mount", counted_mount)


async def opened(pilot: Pilot[Any], slug: str, section: int | None = None) -> ExerciseScreen:
    app = pilot.app
    assert isinstance(app, WellreadApp)
    app.open_exercise(slug, section)
    await settle(pilot)
    await pilot.pause()
    card = app.screen
    assert isinstance(card, ExerciseScreen)
    return card


async def closed(pilot: Pilot[Any]) -> None:
    await pilot.press("q")  # Escape would clear a search's highlights first
    await settle(pilot)
    assert not isinstance(pilot.app.screen, ExerciseScreen)


async def fresh_rows(
    library_dir: Path, slug: str, section: int | None = None, size: tuple[int, int] = SIZE
) -> list[list[Cell]]:
    """The screen of a card opened in an app that never opened one."""
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await opened(pilot, slug, section)
        return rendered_rows(app)


async def test_a_card_opened_again_is_the_kept_screen_shown_as_new(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = await fresh_rows(library_dir, "chair-rise")
    counted = Counted(monkeypatch)
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = await opened(pilot, "wall-sit")
        # The reader moves, searches and follows a citation on the first card.
        await pilot.press("j", "j", "slash", "w", "a", "l", "l", "enter")
        await settle(pilot)
        await pilot.press("full_stop", "enter")
        await settle(pilot)
        assert card.view.top_line > 0 and card.view.matches
        await closed(pilot)
        assert card.is_attached  # kept, not removed
        counted.on = True
        again = await opened(pilot, "chair-rise")
        counted.on = False
        assert again is card
        # Nothing mounted or styled again; laid out once at most (a new title).
        assert (counted.mounted, counted.styled) == (0, 0) and counted.layouts <= 1
        assert card.focused is card.view and card.view.has_focus
        assert card.view.styles.border_top[0] == "heavy"
        assert not card.view.matches and card.view.focused_anchor is None
        assert not card.search_line.display and card.search_line.value == ""
        assert len(card.jumps) == 0
        # What the reader sees: the very cells of a card never opened before.
        assert rendered_rows(app) == expected
        # The same card once more: at its start again, the same cells.
        await pilot.press("j", "j", "j")
        await closed(pilot)
        counted.layouts = 0
        counted.on = True
        assert await opened(pilot, "chair-rise") is card
        counted.on = False
        # Not even laid out: the screen has the app's size and the same title.
        assert (counted.mounted, counted.styled, counted.layouts) == (0, 0, 0)
        assert rendered_rows(app) == expected


async def test_a_kept_card_opens_at_a_section(library_dir: Path) -> None:
    expected = await fresh_rows(library_dir, "wall-sit", 3)
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = await opened(pilot, "wall-sit")
        await closed(pilot)
        assert await opened(pilot, "wall-sit", 3) is card
        await settle(pilot)
        assert card.view.current_section == 3
        assert rendered_rows(app) == expected


async def test_after_a_resize_a_new_card_opens(library_dir: Path) -> None:
    expected = await fresh_rows(library_dir, "wall-sit", 3, size=(60, 24))
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = await opened(pilot, "wall-sit")
        assert card.has_class("-wide")
        await closed(pilot)
        await pilot.resize_terminal(60, 24)
        await settle(pilot)
        new = await opened(pilot, "wall-sit", 3)
        await settle(pilot)
        assert new is not card and not card.is_attached
        assert new.has_class("-narrow") and not new.has_class("-wide")
        assert rendered_rows(app) == expected


async def test_a_new_theme_or_citation_style_makes_a_new_card(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = await opened(pilot, "wall-sit")
        await closed(pilot)
        await pilot.press("ctrl+t")  # the next theme: the kept card was styled with another
        await settle(pilot)
        themed = await opened(pilot, "wall-sit")
        assert themed is not card
        assert not card.is_attached  # let go, not kept as well
        await pilot.press("c")  # the other citation style, while the card shows
        await settle(pilot)
        await closed(pilot)
        # The card was shown in the style the app now has: kept.
        assert await opened(pilot, "wall-sit") is themed
        await closed(pilot)
        app.settings.citation_style = themed.citation_style.other.value
        assert await opened(pilot, "wall-sit") is not themed


async def test_a_card_opened_over_the_kept_one_is_a_new_one(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        card = await opened(pilot, "wall-sit")
        # Another card over it (as the palette can open one): a screen of its own.
        over = await opened(pilot, "chair-rise")
        assert over is not card and card in app.screen_stack
        await pilot.press("q")
        await settle(pilot)
        assert app.screen is card and not over.is_attached  # not kept: removed
        title = "".join(cell.char for cell in rendered_rows(app)[0])
        assert "Exercise: Wall sit" in title
        await closed(pilot)
        assert await opened(pilot, "chair-rise") is card
