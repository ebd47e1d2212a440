"""The sidebar: related exercises and numbered references, in two tabs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import TabbedContent, TabPane, Tabs
from textual.widgets.option_list import Option

from tui.widgets.lists import ReaderList, card


class ExerciseList(ReaderList):
    HELP_NAME = "Related exercises"

    class Selected(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    def set_exercises(self, cards: Sequence[tuple[str, Sequence[str]]]) -> None:
        """Cards as (slug, lines): the first line is the title."""
        self.clear_options()
        self.add_options(
            Option(card(lines[0], [Text(line, overflow="fold") for line in lines[1:]]), id=slug)
            for slug, lines in cards
        )
        if not cards:
            self.add_option(Option(Text("No related exercises for this article."), disabled=True))
        self.highlighted = 0 if cards else None

    def on_option_list_option_selected(self, event: ReaderList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Selected(event.option.id))


class ReferenceList(ReaderList):
    HELP_NAME = "References"

    class Selected(Message):
        def __init__(self, ref_id: str) -> None:
            super().__init__()
            self.ref_id = ref_id

    def set_references(self, references: Sequence[tuple[str, int, Sequence[str]]]) -> None:
        """References as (id, number, lines)."""
        self.clear_options()
        options = []
        for ref_id, number, lines in references:
            details = [Text(line, overflow="fold") for line in lines[1:]]
            options.append(Option(card(lines[0], details, f"{number}. "), id=ref_id))
        self.add_options(options)
        self.highlighted = 0 if references else None

    def select_reference(self, ref_id: str) -> None:
        try:
            self.highlighted = self.get_option_index(ref_id)
        except Exception:  # OptionDoesNotExist: a citation of a missing reference
            return

    def on_option_list_option_selected(self, event: ReaderList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Selected(event.option.id))


class Sidebar(Vertical):
    """Two tabs; the screen fills them and decides what selection means."""

    HELP_NAME = "Sidebar"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "show_tab('exercises-tab')", "Show related exercises", show=False),
        Binding("right", "show_tab('references-tab')", "Show references", show=False),
        Binding("e", "show_tab('exercises-tab')", "Show related exercises", show=False),
        Binding("r", "show_tab('references-tab')", "Show references", show=False),
    ]

    def compose(self) -> ComposeResult:
        with TabbedContent(initial="exercises-tab", id="sidebar-tabs"):
            with TabPane("Exercises", id="exercises-tab"):
                yield ExerciseList(id="exercise-list")
            with TabPane("References", id="references-tab"):
                yield ReferenceList(id="reference-list")

    def action_show_tab(self, tab: str) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = tab
        # Keep the reader inside the sidebar, on the list they asked for.
        if not isinstance(self.screen.focused, Tabs):
            tabs.get_pane(tab).query_one(ReaderList).focus()
