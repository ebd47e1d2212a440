"""Following the evidence on a screen that shows a document: what Enter and y do on a
citation, note or link, and Backspace back to where the reader was.

Shared by the reader and the exercise card; each screen adds where a citation leads
(the References tab, or the card's own reference list).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from tui.content.glossary import Glossary
from tui.content.model import Document
from tui.render.find import Match, find_matches
from tui.render.labels import CitationStyle
from tui.render.position import Place
from tui.render.references import reference_address
from tui.screens.lean_compositor import lean_compositor
from tui.screens.term import TermScreen
from tui.screens.widgets_found import WidgetsFound
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import SearchLine, StatusLine

HISTORY_LIMIT = 200


@dataclass(frozen=True)
class Jump:
    """Where the reader was before a jump, and which pane had focus."""

    place: Place
    focused: str | None


class CitationStyleChanged(Message):
    """The reader switched citation styles; the app keeps the choice."""

    def __init__(self, style: CitationStyle) -> None:
        super().__init__()
        self.style = style


class JumpHistory:
    """Places before each jump (back) and after each step back (forward), as a browser keeps."""

    def __init__(self) -> None:
        self._back: list[Jump] = []
        self._forward: list[Jump] = []

    def push(self, jump: Jump) -> None:
        """A new jump from *jump*: what was ahead is forgotten."""
        self._back.append(jump)
        del self._back[:-HISTORY_LIMIT]
        self._forward.clear()

    def back(self, current: Jump | None) -> Jump | None:
        if not self._back:
            return None
        if current is not None:
            self._forward.append(current)
        return self._back.pop()

    def forward(self, current: Jump | None) -> Jump | None:
        if not self._forward:
            return None
        if current is not None:
            self._back.append(current)
        return self._forward.pop()

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def __len__(self) -> int:
        return len(self._back)


class EvidenceScreen(Screen[None]):
    """A screen with an ArticleView (#article or #card) and a StatusLine (#status)."""

    VIEW_ID = "article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "next_section", "Next section"),
        Binding("left_square_bracket", "previous_section", "Previous section"),
        Binding("backspace,alt+left", "back_jump", "Back to where you were before a jump"),
        Binding("alt+right", "forward_jump", "Forward again, after going back"),
        # The screen's, not the article pane's: / finds from whichever pane has focus.
        Binding("slash", "find", "Search the text (from any pane)"),
    ]

    citation_style: CitationStyle

    def __init__(self) -> None:
        super().__init__()
        lean_compositor(self)
        self.jumps = JumpHistory()
        self.searched = ""
        self._notice_line: int | None = None
        # The pane / was pressed in, other than the text: Esc in the find line goes back.
        self._find_from: Widget | None = None
        self.own_widgets = WidgetsFound(self)

    @property
    def view(self) -> ArticleView:
        return self.own_widgets.one(ArticleView, self.VIEW_ID)

    @property
    def shown_document(self) -> Document | None:
        raise NotImplementedError

    @property
    def glossary(self) -> Glossary | None:
        """The library's glossary, for the terms marked in the text (if it has one)."""
        return None

    # ------------------------------------------------------------ search in the document

    @property
    def search_line(self) -> SearchLine:
        return self.own_widgets.one(SearchLine)

    def action_find(self) -> None:
        focused = self.focused
        self._find_from = None if focused in (self.view, self.search_line) else focused
        self.view.action_search()

    def on_article_view_search_requested(self, event: ArticleView.SearchRequested) -> None:
        line = self.search_line
        line.display = True
        self.set_focus(line, scroll_visible=False)
        self.notice("Type what to find; Enter goes to it, then n and N move between matches.")

    def search_for(self, query: str, any_term: bool = False) -> Sequence[Match]:
        """Highlight *query* (a phrase; with *any_term*, any of its words) in the view."""
        self.searched = query
        view = self.view
        document = view.document
        matches = find_matches(document, query, any_term) if document is not None else []
        view.set_matches(matches)
        self.matches_changed(matches)
        self.report_matches(query, matches)
        return matches

    def report_matches(
        self, query: str, matches: Sequence[Match], sections: int | None = None
    ) -> None:
        """How many matches, in how many parts (*sections*, if counted), on the status line."""
        view = self.view
        if not query.strip():
            self.notice("Type what to find.")
        elif not matches:
            self.notice(f"No match for “{query}”.")
        else:
            sections = (
                sections
                if sections is not None
                else (
                    len({view.document.blocks[m.block].section_index for m in matches})
                    if view.document
                    else 0
                )
            )
            self.notice(
                f"{len(matches):,} match{'es' if len(matches) != 1 else ''} in "
                f"{sections:,} part{'s' if sections != 1 else ''}. Enter goes to the first "
                "from the top of the view."
            )

    def on_article_view_search_report(self, event: ArticleView.SearchReport) -> None:
        self.notice(event.text)
        if not self.view.matches:
            self.searched = ""
            self.search_line.value = ""
            self.matches_changed([])

    def matches_changed(self, matches: Sequence[Match]) -> None:
        """A screen with an outline shows where the matches are."""

    def on_input_changed(self, event: Input.Changed) -> None:
        # Setting the line's text for the reader (from a search result) also lands here.
        if event.input is not self.search_line:
            return
        event.stop()  # the app has no use for it: a dispatch less a letter typed
        if event.value != self.searched:
            self.view.escape_clears_matches = True  # a search of the reader's own, here
            self.search_typed(event.value)

    def search_typed(self, query: str) -> None:
        """The reader typed in the search line: find what it holds now."""
        self.search_for(query)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is not self.search_line:
            return
        view = self.view
        line = self.search_line
        line.display = False
        self._find_from = None  # Enter goes to the text, where the matches are
        self.set_focus(view, scroll_visible=False)
        self.go_to_first_match()

    def go_to_first_match(self) -> None:
        """Enter in the search line: to the first match from the top of the view."""
        view = self.view
        if view.matches:
            self.remember_place()
            view.goto_first_match()

    def on_search_line_closed(self, event: SearchLine.Closed) -> None:
        line = self.search_line
        self.searched = ""
        line.value = ""
        line.display = False
        self.view.set_matches([])
        self.matches_changed([])
        back, self._find_from = self._find_from, None
        if back is None or not (back.is_attached and back.display and back.focusable):
            back = self.view
        self.set_focus(back, scroll_visible=False)
        self.notice("Search closed.")

    def action_next_section(self) -> None:
        self.view.next_section()

    def action_previous_section(self) -> None:
        self.view.previous_section()

    def on_article_view_citation_style_toggled(
        self, event: ArticleView.CitationStyleToggled
    ) -> None:
        self.citation_style = self.citation_style.other
        self.post_message(CitationStyleChanged(self.citation_style))
        self.rerender()
        self.notice(f"Citations now read as {self.citation_style.example}.")

    def rerender(self) -> None:
        """Show the document again in the current citation style, keeping the place."""
        raise NotImplementedError

    def notice(self, text: str) -> None:
        """Say something on the status line until the reader moves on."""
        # A jump made just before the notice reports itself afterwards (messages are
        # queued); the line the view stands on now tells that report from a later move.
        self._notice_line = self.view.top_line
        self.own_widgets.one(StatusLine).set_notice(text)

    def show_position(self, where: str, event: ArticleView.PositionChanged) -> None:
        """Where the reader is, on the status line; a notice stays until they move on."""
        keep = not event.moved or event.top_line == self._notice_line
        self.own_widgets.one(StatusLine).set_status(
            f"{where} · {event.percent}% read", keep_notice=keep
        )

    def current_jump(self) -> Jump | None:
        place = self.view.place
        if place is None:
            return None
        focused: Widget | None = self.focused
        return Jump(place, focused.id if focused is not None else None)

    def remember_place(self) -> None:
        jump = self.current_jump()
        if jump is not None:
            self.jumps.push(jump)

    def _go(self, jump: Jump) -> None:
        view = self.view
        view.focus()
        view.restore(jump.place)
        if jump.focused and jump.focused != view.id:
            self.query_one(f"#{jump.focused}").focus()

    def action_back_jump(self) -> None:
        jump = self.jumps.back(self.current_jump())
        if jump is None:  # no jump inside this page: back one screen, in the one history
            self.call_next(self.run_action, "app.history_back")
            return
        self._go(jump)
        self.notice("Back where you were. Alt+Right goes forward again.")

    def action_forward_jump(self) -> None:
        jump = self.jumps.forward(self.current_jump())
        if jump is None:  # nothing ahead inside this page: forward one screen
            self.call_next(self.run_action, "app.history_forward")
            return
        self._go(jump)
        self.notice("Forward again.")

    def copy_address(self, kind: str | None, targets: tuple[str, ...]) -> None:
        """y: copy a link, or the DOI (else web address) of the cited works."""
        document = self.shown_document
        text = ""
        if kind == "link":
            text = targets[0] if targets else ""
        elif kind in ("citation", "reference") and document is not None:
            refs = [document.reference(ref_id) for ref_id in targets]
            text = " ".join(address for ref in refs if ref and (address := reference_address(ref)))
        if kind is None:
            self.notice("Move to a citation or link with . (full stop) first, then press y.")
        elif not text:
            self.notice("This has no DOI or web address to copy.")
        else:
            # OSC 52: the terminal puts it on the clipboard, over ssh too.
            self.app.copy_to_clipboard(text)
            # Whether the terminal took it cannot be known: say what was done.
            self.notice(
                "Sent to the terminal's clipboard (OSC 52; in tmux this needs "
                f"set-clipboard on): {text}"
            )

    @on(ArticleView.AnchorChosen)
    def anchor_chosen(self, event: ArticleView.AnchorChosen) -> None:
        if event.action == "copy":
            self.copy_address(event.kind, event.targets)
        elif not self.follow_common(event.kind, event.targets) and event.kind is not None:
            self.follow_anchor(event.kind, event.targets)

    def follow_anchor(self, kind: str, targets: tuple[str, ...]) -> None:
        """Enter on a citation, reference or article link: each screen has its own answer."""

    def follow_common(self, kind: str | None, targets: tuple[str, ...]) -> bool:
        """Enter on what every document has (notes, links); False for the rest."""
        view = self.view
        if kind is None:
            self.notice("Press . (full stop) to move to the next citation, note, link or term.")
            return True
        if kind == "term":
            self.show_term(targets[0] if targets else "")
            return True
        if kind == "footnote":
            target = view.find_anchor("footnote-body", targets[0])
            if target is not None:
                self.remember_place()
                view.focus_anchor(target)
                self.notice("The note. Backspace goes back to where it is marked.")
            return True
        if kind == "footnote-body":
            return True
        if kind == "link":
            address = targets[0] if targets else ""
            self.notice(f"wellread works offline and does not open links: {address} (y copies it)")
            return True
        return False

    def show_term(self, name: str) -> None:
        """Enter on a marked term: its meaning over the text, which stays where it is."""
        glossary = self.glossary
        term = glossary.term(name) if glossary is not None else None
        if glossary is None or term is None:
            self.notice(f"“{name}” is no longer in the glossary.")
            return
        self.app.push_screen(TermScreen(glossary, term))
