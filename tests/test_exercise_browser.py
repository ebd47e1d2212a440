"""The exercise browser: filters by keys with counts, find, open a card and come back."""

from __future__ import annotations

from pathlib import Path

from exercise_library import write_cards
from textual.app import App
from textual.widgets import Static

from tui.content import load_library
from tui.content.library import Library
from tui.screens.exercises import CardList, ExercisesScreen


class BrowserApp(App[None]):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.opened: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(ExercisesScreen(self.library))

    def on_exercises_screen_open_card(self, event: ExercisesScreen.OpenCard) -> None:
        self.opened.append(event.slug)


def _ids(app: BrowserApp) -> list[str]:
    card_list = app.screen.query_one(CardList)
    return [entry.id for entry in card_list.entries]


async def test_filters_by_keys_with_counts_and_find(tmp_path: Path) -> None:
    app = BrowserApp(load_library(write_cards(tmp_path / "lib")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(_ids(app)) == 3
        await pilot.press("i")  # impact: none
        assert sorted(_ids(app)) == ["card:sit-back", "card:toe-stand"]
        filters = str(app.screen.query_one("#card-filters", Static).render())
        assert "Impact (i): No impact (2)" in filters
        await pilot.press("t", "t", "t")  # any -> impact -> resistance -> balance
        assert _ids(app) == ["card:toe-stand"]
        assert "Type (t): Balance (1)" in str(
            app.screen.query_one("#card-filters", Static).render()
        )
        await pilot.press("0")
        assert len(_ids(app)) == 3
        await pilot.press("s")
        assert "card:stamp-walk" not in _ids(app)
        await pilot.press("0", "slash", "c", "h", "a", "i", "r", "enter")
        assert _ids(app) == ["card:sit-back"]
        await pilot.press("enter")
        assert app.opened == ["sit-back"]


async def test_navigation_letters_move_the_list_not_the_filters(tmp_path: Path) -> None:
    app = BrowserApp(load_library(write_cards(tmp_path / "lib")))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        card_list = app.screen.query_one(CardList)
        assert card_list.cursor_id == "card:sit-back"
        await pilot.press("j")
        assert card_list.cursor_id == "card:stamp-walk"
        await pilot.press("G")
        assert card_list.cursor_id == "card:toe-stand"
        await pilot.press("k", "g")
        assert card_list.cursor_id == "card:sit-back"
        await pilot.press("i")  # a filter keeps the highlighted card when it still shows
        assert card_list.cursor_id == "card:sit-back"
