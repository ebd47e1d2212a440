"""One glossary term over the page the reader was on: its meaning and sources.

Opened with Enter on a term marked in an article or card; Backspace or Escape goes
back to the same place, which never moved.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.content.glossary import Glossary, Term
from tui.screens.glossary import meaning_entries
from tui.widgets.line_list import LineList


class TermScreen(ModalScreen[None]):
    HELP_NAME = "Term"
    HELP_INTRO = (
        "What a word marked in the text means, with the works behind it. j and k move "
        "through it; Backspace or Escape goes back to the same place in the text."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,backspace,q", "dismiss(None)", "Back to the text"),
    ]

    def __init__(self, glossary: Glossary, term: Term) -> None:
        super().__init__()
        self.glossary = glossary
        self.term = term

    def compose(self) -> ComposeResult:
        with Vertical(id="term-box"):
            yield LineList(meaning_entries(self.glossary, self.term), id="term-meaning")
            # Plain text: a term comes from a library file and is never read as markup.
            yield Static("Backspace or Escape: back to the text", id="term-keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#term-box").border_title = "Glossary"
        self.query_one(LineList).focus()

    @on(LineList.Selected)
    def chosen(self, event: LineList.Selected) -> None:
        # Enter on a line of the meaning does nothing more; the keys say how back.
        event.stop()
