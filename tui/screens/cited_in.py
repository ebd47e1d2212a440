"""A short list of the places an article cites one reference; Enter goes to one."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.render.blocks import TextBlock
from tui.render.places import CitationPlace
from tui.widgets.line_list import LineList, ListEntry


class CitedInScreen(ModalScreen[int | None]):
    """Dismissed with the index of the chosen place, or None."""

    HELP_NAME = "Cited in"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Close without moving"),
    ]

    def __init__(self, title: str, places: list[CitationPlace]) -> None:
        super().__init__()
        self.title_text = title
        self.places = places

    def compose(self) -> ComposeResult:
        entries = [
            ListEntry(
                str(index),
                [
                    TextBlock(place.section_label, style="title"),
                    TextBlock(place.snippet + " …", indent=2),
                ],
            )
            for index, place in enumerate(self.places)
        ]
        with Vertical(id="cited-in"):
            # Section titles are article text: shown as written, never read as markup.
            yield Static(self.title_text, id="cited-in-title", markup=False)
            yield LineList(entries, id="cited-in-list")

    def on_mount(self) -> None:
        box = self.query_one("#cited-in")
        box.border_title = "Cited in"
        self.query_one(LineList).focus()

    @on(LineList.Selected)
    def chosen(self, event: LineList.Selected) -> None:
        event.stop()
        self.dismiss(event.index)
