"""The glossary: every term in a list (/ filters it), and the meaning of the one
highlighted, with the works behind it, in plain text below."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input

from tui.content.glossary import Glossary, Term
from tui.render.blocks import TextBlock
from tui.render.plain import reference_line
from tui.widgets.bars import SearchLine, StatusLine, TitleBar
from tui.widgets.line_list import LineList, ListEntry


def term_entry(term: Term) -> ListEntry:
    blocks = [TextBlock(term.term, style="title")]
    if term.aliases:
        blocks.append(TextBlock(f"Also: {', '.join(term.aliases)}", style="meta", indent=2))
    return ListEntry(term.term, blocks)


def meaning_entries(glossary: Glossary, term: Term) -> list[ListEntry]:
    """The term, its other names, its meaning and its sources, one item each."""
    entries = [ListEntry("term", [TextBlock(term.term, style="title")])]
    if term.aliases:
        entries.append(
            ListEntry("aliases", [TextBlock(f"Also called: {', '.join(term.aliases)}.")])
        )
    entries.append(ListEntry("definition", [TextBlock(term.definition or "(No definition yet.)")]))
    references = [ref for ref in map(glossary.reference, term.references) if ref is not None]
    for number, ref in enumerate(references, start=1):
        label = "Source" if len(references) == 1 else f"Source {number}"
        line = reference_line(number, ref).split(". ", 1)[-1]
        entries.append(ListEntry(ref.id, [TextBlock(f"{label}: {line}", indent=2)]))
    return entries


class GlossaryScreen(Screen[None]):
    HELP_NAME = "Glossary"
    HELP_INTRO = (
        "Every word the library explains. Move through the terms with j and k (g the first, "
        "G the last); the meaning of the highlighted term shows below. / filters the list "
        "by what you type; Enter reads the meaning; Esc goes back."
    )
    AUTO_FOCUS = "#glossary-terms"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter the terms by typing"),
        Binding("escape", "back", "Back"),
        Binding("backspace", "to_terms", "Back to the terms", show=False),
    ]

    def __init__(self, glossary: Glossary) -> None:
        super().__init__()
        self.glossary = glossary
        self.shown: list[Term] = list(glossary.terms)

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        with Vertical(id="glossary-body"):
            yield LineList(id="glossary-terms")
            yield LineList(id="glossary-meaning")
        yield SearchLine(placeholder="Type part of a term", id="glossary-filter")
        yield StatusLine("/ filter · Enter reads · Esc back · ? help", "? help", id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title("Glossary")
        self.query_one("#glossary-terms").border_title = "Terms"
        self.query_one("#glossary-meaning").border_title = "Meaning"
        self.show_terms("")

    @property
    def terms_list(self) -> LineList:
        return self.query_one("#glossary-terms", LineList)

    @property
    def meaning_list(self) -> LineList:
        return self.query_one("#glossary-meaning", LineList)

    def show_terms(self, query: str) -> None:
        self.shown = self.glossary.matching(query)
        if self.shown:
            self.terms_list.set_entries([term_entry(term) for term in self.shown], cursor=0)
        else:
            self.terms_list.set_entries(
                [ListEntry("", [TextBlock(f"No term matches “{query}”.")], enabled=False)]
            )
        count = len(self.shown)
        total = len(self.glossary.terms)
        status = f"{count} of {total} terms" if query.strip() else f"{total} terms"
        self.query_one(StatusLine).set_status(status)
        self.show_meaning(0)

    def show_meaning(self, index: int) -> None:
        if 0 <= index < len(self.shown):
            self.meaning_list.set_entries(meaning_entries(self.glossary, self.shown[index]))
        else:
            self.meaning_list.set_entries([])

    @on(LineList.Highlighted, "#glossary-terms")
    def term_highlighted(self, event: LineList.Highlighted) -> None:
        event.stop()
        self.show_meaning(event.index)

    @on(LineList.Selected, "#glossary-terms")
    def term_chosen(self, event: LineList.Selected) -> None:
        event.stop()
        self.show_meaning(event.index)
        self.meaning_list.focus()

    @on(LineList.Selected, "#glossary-meaning")
    def meaning_chosen(self, event: LineList.Selected) -> None:
        event.stop()

    def action_filter(self) -> None:
        line = self.query_one(SearchLine)
        line.display = True
        line.focus()

    @on(Input.Changed, "#glossary-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.show_terms(event.value)

    @on(Input.Submitted, "#glossary-filter")
    def filter_done(self) -> None:
        # The filter stays; the reader goes on to the terms it left.
        self.query_one(SearchLine).display = False
        self.terms_list.focus()

    @on(SearchLine.Closed)
    def filter_closed(self, event: SearchLine.Closed) -> None:
        event.stop()
        line = self.query_one(SearchLine)
        line.display = False
        line.value = ""  # Input.Changed shows every term again
        self.terms_list.focus()

    def action_to_terms(self) -> None:
        if self.focused is self.meaning_list:
            self.terms_list.focus()

    def action_back(self) -> None:
        if self.focused is self.meaning_list:
            self.terms_list.focus()
        else:
            self.dismiss(None)
