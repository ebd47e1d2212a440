"""The app's exercise-card actions: opening a card, the card lists, keeping a card and
printing a handout; and one step forward in the app's history (`go`). A base of
WellreadApp, apart so app.py stays about the library, articles and their order.

Every screen here is imported when first opened (see app.py), and the messages the
card screens send are handled by name (on_exercise_screen_keep ...).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.screen import Screen

from tui.app_settings import SettingsActions
from tui.content import Library
from tui.history import History
from tui.render.labels import CitationStyle
from tui.screens.library import LibraryScreen
from tui.screens.styled_once import StyledOnce
from tui.state import StateStore

if TYPE_CHECKING:
    from tui.render.handout import HandoutCard
    from tui.screens.exercise import ExerciseScreen
    from tui.screens.exercises import ExercisesScreen
    from tui.screens.my_exercises import MyExercisesScreen

KEPT_CARD = "wellread-kept-card"


class CardActions(SettingsActions):
    library: Library
    state: StateStore
    # The way forward after going back (the screen stack is the way back).
    history: History

    @property
    def citation_style(self) -> CitationStyle:
        try:
            return CitationStyle(self.settings.citation_style)
        except ValueError:
            return CitationStyle.AUTHOR_YEAR

    def go(self, screen: Screen[Any], callback: Any = None) -> None:
        """A new step: the screen goes on top, and the way forward is forgotten."""
        self.history.went_elsewhere()
        quiet = screen if isinstance(screen, StyledOnce) and screen.QUIET else None
        if quiet is not None:
            quiet._pushing = True
        self.push_screen(screen, callback)
        if quiet is not None:
            # After the push's callback (queued first), which asks for a layout.
            self.call_next(quiet.pushed)

    def open_exercise(self, slug: str, section: int | None = None) -> None:
        if slug in self.library.exercises:
            from tui.screens.article_source import library_glossary
            from tui.screens.exercise import ExerciseScreen

            exercise = self.library.exercise(slug)
            width = self.settings.reading_width
            glossary = library_glossary(self.library.root)[0]
            kept = self._kept_card
            if kept is not None and kept.fits(self.citation_style, width, glossary):
                kept.show_card(exercise, section)
                self.go(kept)
                return
            card = ExerciseScreen(exercise, self.citation_style, width, section, glossary)
            self._keep_card(card)
            self.go(card)

    # The card screen last opened, kept (installed, so closing it does not remove it)
    # to show the next card: opening one then mounts and styles nothing.
    _kept_card: ExerciseScreen | None = None

    def _keep_card(self, card: ExerciseScreen) -> None:
        old = self._kept_card
        if old is not None:
            from tui.screens.exercise import stacked

            if stacked(self, old):
                return  # shown beneath: kept, and the new card is removed as it closes
            self.uninstall_screen(old)
            old.remove()
        self._kept_card = card
        self.install_screen(card, KEPT_CARD)

    @on(LibraryScreen.ShowExercises)
    def show_exercises(self) -> None:
        from tui.screens.exercises import ExercisesScreen

        if not isinstance(self.screen, ExercisesScreen):
            self.go(ExercisesScreen(self.library))

    @on(LibraryScreen.ShowMine)
    def show_my_exercises(self) -> None:
        from tui.screens.my_exercises import MyExercisesScreen

        if not isinstance(self.screen, MyExercisesScreen):
            self.go(MyExercisesScreen(self.library, self.state))

    def on_exercises_screen_open_card(self, event: ExercisesScreen.OpenCard) -> None:
        self.open_exercise(event.slug)

    def on_my_exercises_screen_open_card(self, event: MyExercisesScreen.OpenCard) -> None:
        self.open_exercise(event.slug)

    def on_exercise_screen_keep(self, event: ExerciseScreen.Keep) -> None:
        from tui.screens.my_exercises import keep_with_note

        title = self.library.exercises[event.slug].title
        keep_with_note(self, self.state, title, event.slug)

    def on_exercise_screen_handout(self, event: ExerciseScreen.Handout) -> None:
        from tui.render.handout import HandoutCard

        self.write_handout([HandoutCard(self.library.exercise(event.slug))])

    @work(thread=True, exclusive=True, group="handout")
    def write_handout(self, cards: list[HandoutCard]) -> None:
        from tui.handout_file import write_handout

        message = write_handout(cards, Path.home(), dt.date.today())
        self.call_from_thread(self.notice, message)
