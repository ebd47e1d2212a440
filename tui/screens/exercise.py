"""An exercise card, full screen: how to do it, dose, cautions, references.

Citations on a card lead to the card's own reference list; Backspace comes back.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from tui.content import Exercise
from tui.content.glossary import Glossary
from tui.content.model import Document
from tui.content.vocab import DISCLAIMER_SHORT, DISCLAIMER_TINY
from tui.render.blocks import RenderedDocument
from tui.render.document import render_document
from tui.render.labels import CitationStyle
from tui.screens.evidence import EvidenceScreen, JumpHistory
from tui.screens.styled_once import StyledOnce
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import SearchLine, StatusLine, TitleBar


def stacked(app: App[Any], screen: Screen[Any]) -> bool:
    """Whether *screen* is in one of *app*'s screen stacks (one a mode). Textual keeps
    them in its private `App._screen_stacks`: read here alone, for the kept card."""
    return any(screen in stack for stack in app._screen_stacks.values())


class ExerciseScreen(StyledOnce, EvidenceScreen):
    HELP_NAME = "Exercise card"
    HELP_INTRO = (
        "An exercise card. Escape goes back to where you were. s saves it to My exercises "
        "with your dose and a note; w writes it as a handout file to print. "
        ". (full stop) and , (comma) move between citations and the underlined terms the "
        "glossary explains; Enter shows the reference, or what the term means, and "
        "Backspace comes back."
    )
    VIEW_ID = "card"
    QUIET = True  # opens and closes without Textual's extra rounds

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "back", "Back to where the card was opened"),
        Binding("s", "keep", "Save this card to My exercises, with your dose and a note"),
        Binding("w", "handout", "Write this card as a handout file to print"),
    ]

    class Keep(Message):
        """Keep this card in My exercises (the app asks for a dose and a note)."""

        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    class Handout(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    # Where focus lands when the screen opens (Textual would pick the first pane).
    AUTO_FOCUS = "#card"

    def __init__(
        self,
        exercise: Exercise,
        citation_style: CitationStyle = CitationStyle.AUTHOR_YEAR,
        reading_width: int = 72,
        start_section: int | None = None,
        glossary: Glossary | None = None,
    ) -> None:
        super().__init__()
        self.reading_width = reading_width
        self.start_section = start_section
        self._start_pending = start_section is not None
        self.exercise = exercise
        self.citation_style = citation_style
        self._glossary = glossary
        self.terms = glossary.index() if glossary is not None and glossary.terms else None
        self.rendered = self.render_card()
        # The stylesheet's rules the card was last styled with (known as it closes).
        self._styled_with: object = None

    # ------------------------------------------------------------ kept for the next card

    def fits(
        self, citation_style: CitationStyle, reading_width: int, glossary: Glossary | None
    ) -> bool:
        """Whether this card, closed, can show a card as a new screen made with these
        would: mounted and styled with the stylesheet in force (no theme change since),
        in no screen stack, at the app's size (laid out at another, it would count
        what was read at that size), with the same citation style, reading width and
        glossary."""
        app = self.app
        return (
            self.is_attached
            and self._size == app.size
            and self._styled_with is app.stylesheet.rules
            and not stacked(app, self)
            and self.citation_style is citation_style
            and self.view.reading_width == reading_width
            and self._glossary is glossary
        )

    def show_card(self, exercise: Exercise, start_section: int | None) -> None:
        """Show *exercise* (before the app pushes this screen again) as a new card
        shows it: from its start (or *start_section*), the card's view focused, no
        search, no notice, no jumps to go back to."""
        self.start_section = start_section
        self._start_pending = start_section is not None
        self.jumps = JumpHistory()
        self.searched = ""
        self._notice_line = None
        line = self.search_line
        if line.display:  # set again, it would ask for a layout
            line.display = False
        line.value = ""
        view = self.view
        if not view.escape_clears_matches:
            view.escape_clears_matches = True
        self.query_one(StatusLine).set_status("")
        if exercise is not self.exercise:
            self.exercise = exercise
            self.rendered = self.render_card()
            self.query_one(TitleBar).set_title(f"Exercise: {exercise.title}")
        # Laid out from the start again, as a new view would be: the same card's lines
        # (already drawn) are kept by the view for the same rendering.
        view.show_anew(self.rendered)
        if self.focused is not view:
            self.set_focus(view, scroll_visible=False)
        self.reshown()

    def on_screen_suspend(self) -> None:
        # Whatever restyled the card while it was shown, it is styled with these now.
        self._styled_with = self.app.stylesheet.rules

    def render_card(self) -> RenderedDocument:
        return render_document(self.exercise, self.citation_style, terms=self.terms)

    @property
    def glossary(self) -> Glossary | None:
        return self._glossary

    @property
    def shown_document(self) -> Document | None:
        return self.exercise

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        view = ArticleView(self.rendered, reading_width=self.reading_width, id="card")
        # It takes the focus as the screen opens (AUTO_FOCUS): styled as focused as it
        # mounts, not styled unfocused and then again (its component classes are many).
        view.set_reactive(ArticleView.has_focus, True)
        yield view
        yield SearchLine(placeholder="Find in this article", id="search-line")
        yield StatusLine(f"{DISCLAIMER_SHORT} · ? help", f"{DISCLAIMER_TINY} ? help", id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title(f"Exercise: {self.exercise.title}")
        view = self.view
        view.border_title = "Exercise card"
        view.focus()

    @on(ArticleView.PositionChanged)
    def position_changed(self, event: ArticleView.PositionChanged) -> None:
        if self._start_pending:
            # Its first position: the view has its text laid out at its width now (a
            # jump asked for before is dropped), so the card goes where it was opened.
            self._start_pending = False
            section = self.start_section
            if section is not None and section != event.section_index:
                self.view.goto_section(section)  # which tells its own position
                return
        entry = self.rendered.outline[event.section_index]
        self.show_position(entry.label, event)

    def follow_anchor(self, kind: str, targets: tuple[str, ...]) -> None:
        if kind == "citation" and targets:
            target = self.view.find_anchor("reference", targets[0])
            if target is not None:
                self.remember_place()
                self.view.focus_anchor(target)
                self.notice("The reference. Backspace goes back to the citation.")
        elif kind == "reference":
            self.notice("A reference. y copies its DOI or web address.")

    def rerender(self) -> None:
        self.rendered = self.render_card()
        self.view.replace_document(self.rendered)

    def action_back(self) -> None:
        self.dismiss()

    def action_keep(self) -> None:
        self.post_message(self.Keep(self.exercise.slug))

    def action_handout(self) -> None:
        self.post_message(self.Handout(self.exercise.slug))
