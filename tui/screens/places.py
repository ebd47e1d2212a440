"""What the history keeps of each kind of screen: see tui/history.py."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from tui.history import Place
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.exercise import ExerciseScreen
from tui.screens.exercises import ExercisesScreen
from tui.screens.glossary import GlossaryScreen
from tui.screens.help import HelpScreen
from tui.screens.my_exercises import MyExercisesScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen


def place_of(screen: Screen[Any]) -> Place | None:
    """What the history keeps of a screen left by going back (None: not a step)."""
    if isinstance(screen, ReaderScreen):
        return Place("article", screen.slug)
    if isinstance(screen, ExerciseScreen):
        return Place("card", screen.exercise.slug, screen.start_section or 0)
    if isinstance(screen, SearchScreen):
        return Place("search", screen.query_text, screen.selected)
    kinds: dict[type[Screen[Any]], str] = {
        BookmarksScreen: "bookmarks",
        GlossaryScreen: "glossary",
        ExercisesScreen: "exercises",
        MyExercisesScreen: "mine",
        HelpScreen: "help",
    }
    kind = kinds.get(type(screen))
    return Place(kind) if kind is not None else None
