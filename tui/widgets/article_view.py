"""The article view: the viewport with the reader's keys, search matches and anchor
navigation. Screens talk to it by its messages and methods only."""

from __future__ import annotations

from typing import ClassVar, TypeAlias

from rich.cells import cell_len
from textual import events
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from tui.render.anchors import anchor_line, anchor_near, anchor_span, anchor_start, find_anchor
from tui.render.anchors import next_anchor as anchor_after
from tui.render.blocks import RenderedDocument, Span
from tui.render.plain import plain_sections
from tui.render.position import AnchorRef, Place, ReadingPosition
from tui.render.tables import shown_offset
from tui.widgets import article_messages as messages
from tui.widgets.article_lines import Highlighter
from tui.widgets.article_matches import anchor_from
from tui.widgets.article_search import ArticleSearch
from tui.widgets.strips import component_classes

# The reading column, in columns, and how much + and - change it.
MIN_READING_WIDTH = 40
MAX_READING_WIDTH = 120
READING_WIDTH_STEP = 4
MOUSE_WHEEL_LINES = 3


class ArticleView(ArticleSearch, can_focus=True):
    """Article text at a readable width, moved through a line or a page at a time."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--thumb",
        "article-view--anchor-focus",
        "article-view--match",
        "article-view--match-current",
        *component_classes("article-view"),
    }

    DEFAULT_CSS = """
    ArticleView > .article-view--title { text-style: bold; }
    ArticleView > .article-view--h2 { text-style: bold underline; }
    ArticleView > .article-view--h3 { text-style: bold; }
    ArticleView > .article-view--h4 { text-style: bold; }
    ArticleView > .article-view--meta { text-style: italic; }
    ArticleView > .article-view--quote { text-style: italic; }
    ArticleView > .article-view--strong { text-style: bold; }
    ArticleView > .article-view--em { text-style: italic; }
    ArticleView > .article-view--strike { text-style: strike; }
    ArticleView > .article-view--link { text-style: underline; }
    ArticleView > .article-view--cite { text-style: underline; }
    ArticleView > .article-view--fnref { text-style: underline; }
    ArticleView > .article-view--term { text-style: underline uu; }
    ArticleView > .article-view--thumb { color: $foreground 60%; }
    ArticleView > .article-view--anchor-focus { text-style: reverse bold; }
    ArticleView > .article-view--match { text-style: bold underline; background: $warning 30%; }
    ArticleView > .article-view--match-current { text-style: reverse bold underline; }
    """

    HELP_NAME = "Article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "line_down", "Line down", show=False),
        Binding("k,up", "line_up", "Line up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "top", "Go to the start", show=False),
        Binding("G,end", "bottom", "Go to the end", show=False),
        Binding("full_stop", "next_anchor", "Next citation, note, link or term", show=False),
        Binding("comma", "previous_anchor", "Previous citation, note, link or term", show=False),
        Binding("enter", "follow", "Follow the citation, note or link", show=False),
        Binding("y", "copy", "Copy the link or DOI under the cursor", show=False),
        Binding("c", "citation_style", "Citations as (Author, Year) or [number]", show=False),
        Binding("plus,equals_sign", "wider", "Wider reading column", show=False),
        Binding("minus", "narrower", "Narrower reading column", show=False),
        Binding("a", "read_aloud", "Read this section aloud (any key stops)", show=False),
        Binding("n", "next_match", "Next match of the search", show=False),
        Binding("N", "previous_match", "Previous match of the search", show=False),
        Binding("escape", "clear_search", "Clear the search highlights", show=False),
        Binding("m", "bookmark", "Bookmark this place (with a note if you like)", show=False),
        Binding("apostrophe", "bookmarks", "Show your bookmarks", show=False),
    ]

    PositionChanged: TypeAlias = messages.PositionChanged
    AnchorChosen: TypeAlias = messages.AnchorChosen
    CitationStyleToggled: TypeAlias = messages.CitationStyleToggled
    ReadingWidthChanged: TypeAlias = messages.ReadingWidthChanged
    ReadAloud: TypeAlias = messages.ReadAloud
    SearchRequested: TypeAlias = messages.SearchRequested
    SearchReport: TypeAlias = messages.SearchReport
    BookmarkRequested: TypeAlias = messages.BookmarkRequested
    BookmarksRequested: TypeAlias = messages.BookmarksRequested
    LaidOut: TypeAlias = messages.LaidOut

    # The citation, note or link the reader moved to.
    focused_anchor: reactive[AnchorRef | None] = reactive(None, init=False)

    # ------------------------------------------------------------ what the viewport asks

    def highlighter(self) -> Highlighter | None:
        found, anchor, document = self._found, self.focused_anchor, self.document
        if document is None or (anchor is None and not found.matches):
            return None
        focus = anchor_span(document, anchor) if anchor is not None else None

        def highlights(block: int) -> tuple[Span, ...]:
            spans = found.spans(block)
            if focus is not None and anchor is not None and anchor.block == block:
                spans = (*spans, focus)
            return spans

        return highlights

    def cursor_cell(self) -> tuple[int, int] | None:
        """On the current match, else the focused anchor, when in view."""
        match = self._found.current
        on_match = self._cell_of(ReadingPosition(match.block, match.start)) if match else None
        on_anchor = (
            self._anchor_cell(self.focused_anchor) if self.focused_anchor is not None else None
        )
        if self._on_match:
            return on_match or on_anchor
        return on_anchor or on_match

    def document_changed(self, replacing: bool) -> None:
        # Matches are found again in the new text; the focused anchor is the same one
        # when the same article is shown again.
        if not replacing:
            self.focused_anchor = None
        self.set_matches([])

    def _cell_of(self, position: ReadingPosition) -> tuple[int, int] | None:
        """(x, y) within the view of a character of the document, or None off screen."""
        layout = self.text_layout
        if layout is None:
            return None
        layout.ensure_block(position.block)
        block = layout.document.blocks[position.block]
        # Where the character is drawn: a table row shown as a grid moves it.
        offset = shown_offset(block, position.offset)
        y = layout.line_for(ReadingPosition(position.block, offset)) - self.top_line
        if not 0 <= y < self.page_height:
            return None
        line = layout.lines[self.top_line + y]
        before = block.text[line.start : offset]
        return self.left_margin + block.indent + len(block.prefix) + cell_len(before), y

    # ------------------------------------------------------------ anchors

    def anchor_line(self, anchor: AnchorRef) -> int:
        """The layout line holding the start of *anchor* (laying out up to it if need be)."""
        assert self.text_layout is not None
        return anchor_line(self.text_layout, anchor)

    def _anchor_cell(self, anchor: AnchorRef) -> tuple[int, int] | None:
        """(x, y) of the anchor's first cell within the view, or None when off screen."""
        if self.document is None:
            return None
        return self._cell_of(anchor_start(self.document, anchor))

    def _anchor_in_view(self) -> bool:
        return (
            self.focused_anchor is not None and self._anchor_cell(self.focused_anchor) is not None
        )

    def focus_anchor(self, anchor: tuple[int, int] | None) -> None:
        """Mark *anchor* as the reader's place, bringing it into view if it is not."""
        ref = None if anchor is None else AnchorRef(*anchor)
        self.focused_anchor = ref
        self._on_match = False
        if ref is not None and not self._anchor_in_view():
            self.move_to(self.anchor_line(ref) - self.page_height // 3)
        self.refresh()
        if self.has_focus:
            self._place_cursor()

    def find_anchor(self, kind: str, target: str) -> AnchorRef | None:
        """The first anchor of *kind* that points at *target*."""
        return None if self.document is None else find_anchor(self.document, kind, target)

    def _step_anchor(self, step: int) -> None:
        layout = self.text_layout
        if layout is None or not layout.lines:
            return
        match = self._found.current
        if self._on_match and match is not None:
            # Go on from the match the reader is on, not from an anchor left above it.
            found = anchor_from(layout.document, ReadingPosition(match.block, match.start), step)
        elif self._anchor_in_view():
            assert self.focused_anchor is not None
            found = anchor_after(layout.document, self.focused_anchor, step)
        else:
            # Nothing focused on screen: the first anchor from the top of the view going
            # on, or the last one above its bottom going back.
            last = min(self.top_line + self.page_height, len(layout.lines)) - 1
            found = anchor_near(layout, self.top_line if step > 0 else last, step)
        if found is not None:
            self.focus_anchor(found)

    def action_next_anchor(self) -> None:
        self._step_anchor(1)

    def action_previous_anchor(self) -> None:
        self._step_anchor(-1)

    def _chosen(self, action: str) -> None:
        if self.document is None:
            return
        if not self._anchor_in_view():
            self.post_message(self.AnchorChosen(self, None, (), action))
            return
        assert self.focused_anchor is not None
        block, index = self.focused_anchor
        anchor = self.document.blocks[block].anchors[index]
        self.post_message(self.AnchorChosen(self, anchor.kind, anchor.targets, action))

    def action_follow(self) -> None:
        self._chosen("follow")

    def action_copy(self) -> None:
        self._chosen("copy")

    # ------------------------------------------------------------ moving

    def action_line_down(self) -> None:
        self.scroll_lines(1)

    def action_line_up(self) -> None:
        self.scroll_lines(-1)

    def action_page_down(self) -> None:
        self.scroll_lines(max(1, self.page_height - 2))

    def action_page_up(self) -> None:
        self.scroll_lines(-max(1, self.page_height - 2))

    def action_top(self) -> None:
        self.cancel_jump()
        self.move_to(0)

    def action_bottom(self) -> None:
        self.goto_end()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_lines(MOUSE_WHEEL_LINES)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_lines(-MOUSE_WHEEL_LINES)

    # ------------------------------------------------------------ asking the screen

    def action_citation_style(self) -> None:
        self.post_message(self.CitationStyleToggled(self))

    def _change_width(self, step: int) -> None:
        width = max(MIN_READING_WIDTH, min(MAX_READING_WIDTH, self.reading_width + step))
        if width != self.reading_width:
            self.set_reading_width(width)
        self.post_message(self.ReadingWidthChanged(self, width, min(width, self.text_area_width)))

    def action_wider(self) -> None:
        self._change_width(READING_WIDTH_STEP)

    def action_narrower(self) -> None:
        self._change_width(-READING_WIDTH_STEP)

    def action_bookmark(self) -> None:
        self.post_message(self.BookmarkRequested(self))

    def action_bookmarks(self) -> None:
        self.post_message(self.BookmarksRequested(self))

    def action_read_aloud(self) -> None:
        if self.document is not None:
            section = plain_sections(self.document)[self.current_section]
            text = "\n".join([section.heading, *section.lines])
            self.post_message(self.ReadAloud(self, text))

    # ------------------------------------------------------------ places

    @property
    def place(self) -> Place | None:
        position = self.position
        return None if position is None else Place(position, self.focused_anchor)

    def show_anew(self, document: RenderedDocument) -> None:
        """Show *document* as a view just made would: from its start, what is on
        screen counted as seen once drawn (a kept card screen showing the next card)."""
        self._seen_size = None
        self.show(document)

    def restore(self, place: Place) -> None:
        """Back to a place: the same top line and the same focused anchor."""
        layout = self.text_layout
        if layout is None:
            return
        self.cancel_jump()
        layout.ensure_block(place.position.block)
        self.focused_anchor = place.anchor
        self.move_to(layout.line_for(place.position), force=True)
        if self.has_focus:
            self._place_cursor()
