"""An exercise card opens styled once and laid out without the rounds Textual would
add (tui/screens/styled_once.py), and still follows the terminal when it is resized."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import article_ready, related_card_opened
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.exercise import ExerciseScreen
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen

ALPHA = "alpha"  # its related card: wall-sit


class Counted:
    """Styles applied per widget class, and screen layouts, while on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.styled: Counter[str] = Counter()
        self.layouts = 0
        self.frames: Counter[str] = Counter()  # frames drawn per screen class
        self.on = False
        apply, refresh_layout = Stylesheet.apply, Screen._refresh_layout
        depth = [0]

        def counted_apply(sheet: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> None:
            # Component styles are applied inside a widget's own: counted once.
            if self.on and not depth[0]:
                self.styled[type(node).__name__] += 1
            depth[0] += 1
            try:
                apply(sheet, node, *args, **kwargs)
            finally:
                depth[0] -= 1

        def counted_layout(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
            if self.on:
                self.layouts += 1
            refresh_layout(screen, *args, **kwargs)

        compositor_refresh = Screen._compositor_refresh

        def counted_frame(screen: Screen[Any]) -> None:
            if self.on:
                self.frames[type(screen).__name__] += 1
            compositor_refresh(screen)

        monkeypatch.setattr(Screen, "_compositor_refresh", counted_frame)
        monkeypatch.setattr(Stylesheet, "apply", counted_apply)
        monkeypatch.setattr(Screen, "_refresh_layout", counted_layout)


async def test_a_card_opens_styled_once(library_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    counted = Counted(monkeypatch)
    app = WellreadApp(load_library(library_dir), open_slug=ALPHA)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        app.screen.query_one("#exercise-list").focus()
        await pilot.pause()
        counted.on = True
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        counted.on = False
        assert isinstance(app.screen, ExerciseScreen)
        # Each of its widgets styled once as it mounted, the article view as focused
        # (it takes the focus as the card opens); before, the article view once more as
        # it took the focus, and the whole screen twice more (its first resume, and its
        # first resize giving it "-wide").
        assert counted.styled == Counter(
            ExerciseScreen=1, TitleBar=1, ArticleView=1, SearchLine=1, StatusLine=1
        )
        view = app.screen.query_one("#card")
        assert app.screen.focused is view and view.has_focus
        assert view.styles.border_top[0] == "heavy"  # the focused pane's border
        assert app.screen.has_class("-wide") and not app.screen.has_class("-narrow")
        # One layout; before, two (its first, and one for requests the first had
        # answered), and before that four (the screen beneath it too).
        assert counted.layouts == 1
        # The first layout's frame (the whole card), and one for the view settling at
        # its size and the status line's position notice; before, four.
        assert counted.frames["ExerciseScreen"] <= 2


async def test_a_card_closes_without_laying_the_reader_out_again(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = Counted(monkeypatch)
    app = WellreadApp(load_library(library_dir), open_slug=ALPHA)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        reader = app.screen
        exercises = reader.query_one("#exercise-list")
        exercises.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, ExerciseScreen)
        counted.on = True
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        counted.on = False
        assert app.screen is reader and reader.focused is exercises
        assert card.is_attached and app._kept_card is card  # kept for the next card
        # Nothing restyled (the closing card's view was blurred and restyled before)
        # and the reader, at the size it had, not laid out again (it was, twice).
        assert counted.styled == Counter()
        assert counted.layouts == 0


async def test_a_card_open_follows_a_resized_terminal(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=ALPHA)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        card = await related_card_opened(pilot)
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert card.has_class("-narrow") and not card.has_class("-wide")
        assert card.size == (60, 30)
        await pilot.press("escape")
        await pilot.pause()
        # The reader beneath was laid out at the new size too.
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.size == (60, 30)
        assert app.screen.has_class("-narrow")


async def test_the_library_screen_starts_styled_once(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    counted = Counted(monkeypatch)
    counted.on = True
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        counted.on = False
        assert isinstance(app.screen, LibraryScreen)
        assert app.screen.has_class("-wide")
        # Every widget of the library screen styled as it mounted, the list once more as
        # it takes the focus; before, the whole screen twice more.
        widgets = Counter(type(widget).__name__ for widget in app.screen.walk_children())
        for name in widgets:
            assert counted.styled[name] <= widgets[name] * (2 if name == "ArticleList" else 1)
        assert counted.styled["LibraryScreen"] == 1
