"""The article body: a line-API view that draws only the lines on screen.

It is fed a RenderedDocument (never Markdown) and wraps it to the reading width.
The first screen is laid out at once; the rest is laid out in a background thread
while the reader reads, and a jump past what is ready waits for it. Each width it
has seen keeps its layout, so resizing back and forth costs nothing.

The view keeps its own top line instead of Textual's scroll offset: a Textual scroll
reflows the whole screen, while moving the top line repaints this pane alone, so a
key press costs only the lines it changes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Offset, Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.worker import get_current_worker

from tui.render.blocks import RenderedDocument, Span
from tui.render.find import Match
from tui.render.layout import Layout
from tui.render.plain import plain_sections
from tui.threads import background_work
from tui.widgets.strips import TextStyles, component_classes, line_segments

# The reading column, in columns, and how much + and - change it.
MIN_READING_WIDTH = 40
MAX_READING_WIDTH = 120
READING_WIDTH_STEP = 4
# How often the background layout tells the view it has grown, in seconds.
GROWTH_REPORT_INTERVAL = 0.05
# Blocks laid out between checks for cancellation.
LAYOUT_CHUNK = 128
# The position thumb at the right edge; lines without it keep the column blank.
THUMB = "▐"
MOUSE_WHEEL_LINES = 3


@dataclass(frozen=True)
class _Frame:
    """What every line of one frame needs."""

    base: Style
    width: int
    margin: int
    thumb: Style
    thumb_rows: range


@dataclass(frozen=True)
class ReadingPosition:
    """Where the reader is: the block and character at the top of the view."""

    block: int
    offset: int


@dataclass(frozen=True)
class Place:
    """A place to come back to: the top of the view and the focused anchor, if any."""

    position: ReadingPosition
    anchor: tuple[int, int] | None


# Anchors a reader moves between; footnote bodies are only places to jump to.
NAVIGABLE = frozenset({"citation", "footnote", "link", "article", "reference"})


class ArticleView(Widget, can_focus=True):
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
        Binding("full_stop", "next_anchor", "Next citation, note or link", show=False),
        Binding("comma", "previous_anchor", "Previous citation, note or link", show=False),
        Binding("enter", "follow", "Follow the citation, note or link", show=False),
        Binding("y", "copy", "Copy the link or DOI under the cursor", show=False),
        Binding("c", "citation_style", "Citations as (Author, Year) or [number]", show=False),
        Binding("plus,equals_sign", "wider", "Wider reading column", show=False),
        Binding("minus", "narrower", "Narrower reading column", show=False),
        Binding("a", "read_aloud", "Read this section aloud (any key stops)", show=False),
        Binding("slash", "search", "Search in this article", show=False),
        Binding("n", "next_match", "Next match of the search", show=False),
        Binding("N", "previous_match", "Previous match of the search", show=False),
        Binding("m", "bookmark", "Bookmark this place (with a note if you like)", show=False),
        Binding("apostrophe", "bookmarks", "Show your bookmarks", show=False),
    ]

    class PositionChanged(Message):
        """The view moved: the outline entry at its top and how far the reader is.

        *moved* is False when only the percentage changed (the pane was resized);
        *top_line* is the line the view had moved to when this was sent.
        """

        def __init__(
            self, view: ArticleView, section: int, percent: int, top_line: int, moved: bool
        ) -> None:
            super().__init__()
            self.view = view
            self.section = section
            self.percent = percent
            self.top_line = top_line
            self.moved = moved

    class AnchorChosen(Message):
        """Enter ("follow") or y ("copy") on the focused citation, note or link.

        *kind* is None when nothing is focused, so the screen can say how to reach one.
        """

        def __init__(
            self, view: ArticleView, kind: str | None, targets: tuple[str, ...], action: str
        ) -> None:
            super().__init__()
            self.view = view
            self.kind = kind
            self.targets = targets
            self.action = action

    class CitationStyleToggled(Message):
        """The reader asked for the other citation style."""

    class ReadingWidthChanged(Message):
        """The reader made the reading column wider or narrower."""

        def __init__(self, width: int) -> None:
            super().__init__()
            self.width = width

    class ReadAloud(Message):
        """The reader asked to hear the current section."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class SearchRequested(Message):
        """/: search in this article."""

    class BookmarkRequested(Message):
        """m: bookmark the top of the view."""

    class BookmarksRequested(Message):
        """': show the bookmarks."""

    class LaidOut(Message):
        """The background layout has grown (or finished) for *layout*."""

        def __init__(self, layout: Layout) -> None:
            super().__init__()
            self.layout = layout

    def __init__(
        self,
        document: RenderedDocument | None = None,
        *,
        resume: ReadingPosition | None = None,
        reading_width: int = 72,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        # Given at construction, the document is laid out by the first frame that
        # draws the view, so the screen's first paint already shows the article.
        self.document: RenderedDocument | None = document
        self.placeholder = ""
        self.reading_width = reading_width
        self.top_line = 0
        self._layouts: LRUCache[int, Layout] = LRUCache(4)
        self._layout: Layout | None = None
        self._style = TextStyles(self, "article-view")
        self._strips: LRUCache[int, Strip] = LRUCache(512)
        # After a jump the section is the one asked for, even when the end of the
        # article stops it reaching the top of the view.
        self._pinned: tuple[int, int] | None = None
        # A jump asked for before the layout reached its target: ("section", n) or ("end", 0).
        self._pending: tuple[str, int] | None = None
        self._reported: tuple[int, int, int] | None = None
        self._frame = _Frame(Style(), 0, 0, Style(), range(0))
        # The citation, note or link the reader moved to: (block, anchor index).
        self.focused_anchor: tuple[int, int] | None = None
        # Where to open: the place saved last time, kept until its block has arrived.
        self._resume = resume
        # Search matches: all of them, by block, and the one the reader is on.
        self.matches: list[Match] = []
        self._matches_by_block: dict[int, list[Match]] = {}
        self.match_index: int | None = None

    # ------------------------------------------------------------ feeding

    def show_placeholder(self, text: str) -> None:
        """A line of text to show until a document arrives ("Opening ...")."""
        self.placeholder = text
        self.refresh()

    def resume_at(self, position: ReadingPosition) -> None:
        """Open at a saved place (now, or when a long article's rest has arrived)."""
        self._resume = position
        self._apply_resume()

    def _apply_resume(self) -> None:
        resume, layout, document = self._resume, self._layout, self.document
        if resume is None or layout is None or document is None:
            return
        if resume.block >= len(document.blocks):
            if document.partial:
                return  # beyond a preview: wait for the whole article
            # A place saved in a longer version of the article: its end.
            resume = ReadingPosition(len(document.blocks) - 1, 0)
        self._resume = None
        layout.ensure_block(resume.block)
        self.move_to(self._line_for(resume))

    def replace_document(self, document: RenderedDocument) -> None:
        """Swap a preview for the whole document, keeping the reader's place and any
        jump they asked for (the preview's blocks are the whole one's first blocks)."""
        keep, pending, anchor = self.position, self._pending, self.focused_anchor
        resume = self._resume
        self.show(document)
        self._pending = pending
        self.focused_anchor = anchor
        if keep is not None and self.size.width:
            self.move_to(self._line_for(keep))
            self._try_pending()
        if resume is not None:
            self.resume_at(resume)

    def show(self, document: RenderedDocument) -> None:
        self.document = document
        self._layouts.clear()
        self._layout = None
        self._pinned = None
        self._pending = None
        self._reported = None
        self.top_line = 0
        self.focused_anchor = None
        self.set_matches([])
        if self.size.width:
            self._relayout(keep=None)

    @property
    def text_layout(self) -> Layout | None:
        return self._layout

    @property
    def ready(self) -> bool:
        """The whole document is here and laid out at the current width."""
        return (
            self._layout is not None
            and self._layout.complete
            and self.document is not None
            and not self.document.partial
        )

    @property
    def page_height(self) -> int:
        return max(1, self.content_region.height)

    @property
    def text_area_width(self) -> int:
        """Columns for text: the content width less the thumb and a gap before it."""
        return max(1, (self.content_region.width or self.size.width) - 2)

    @property
    def wrap_width(self) -> int:
        return max(1, min(self.reading_width, self.text_area_width))

    @property
    def left_margin(self) -> int:
        return max(0, (self.text_area_width - self.wrap_width) // 2)

    def set_reading_width(self, width: int) -> None:
        self.reading_width = width
        self._relayout(keep=self.position)

    # ------------------------------------------------------------ layout

    def _relayout(self, keep: ReadingPosition | None) -> None:
        if self.document is None:
            return
        width = self.wrap_width
        layout = self._layouts.get(width)
        if layout is None:
            if self._layout is not None and self._layout.width == width:
                layout = self._layout  # begun by the first frame
            else:
                layout = Layout(self.document, width)
            self._layouts[width] = layout
        self._layout = layout
        self._strips.clear()
        # Enough for the screen now; the rest in the background.
        if keep is not None:
            layout.ensure_block(keep.block)
        top = self._line_for(keep) if keep else 0
        layout.ensure_lines(top + 2 * max(self.page_height, 24))
        self.move_to(top, force=True)
        self._apply_resume()
        if not layout.complete:
            self._finish_layout(layout)

    @work(thread=True, exclusive=True, group="article-layout")
    def _finish_layout(self, layout: Layout) -> None:
        worker = get_current_worker()
        last_report = time.monotonic()
        with background_work():
            while not layout.complete:
                if worker.is_cancelled:
                    return
                layout.extend(LAYOUT_CHUNK)
                now = time.monotonic()
                if now - last_report >= GROWTH_REPORT_INTERVAL:
                    last_report = now
                    self.post_message(self.LaidOut(layout))
        self.post_message(self.LaidOut(layout))

    def on_article_view_laid_out(self, event: ArticleView.LaidOut) -> None:
        event.stop()
        if event.layout is not self._layout:
            return
        if self._pending is not None:
            self._try_pending()
        self.refresh()  # the thumb moves as the article grows
        self._report()

    def _line_for(self, position: ReadingPosition) -> int:
        layout = self._layout
        if layout is None or position.block >= len(layout.block_lines):
            return 0
        y = layout.block_lines[position.block]
        lines = layout.lines
        while (
            y + 1 < len(lines)
            and lines[y + 1].block == position.block
            and lines[y + 1].start <= position.offset
            and not lines[y + 1].blank
        ):
            y += 1
        return y

    @property
    def position(self) -> ReadingPosition | None:
        layout = self._layout
        if layout is None or not layout.lines:
            return None
        line = layout.lines[min(self.top_line, len(layout.lines) - 1)]
        return ReadingPosition(line.block, line.start)

    def on_resize(self, event: events.Resize) -> None:
        if self.document is not None and (
            self._layout is None or self._layout.width != self.wrap_width
        ):
            self._relayout(keep=self.position)
        else:
            self._strips.clear()
            self.move_to(self.top_line, force=True)
        if self.has_focus:
            self.call_after_refresh(self._place_cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style.clear()
        self._strips.clear()

    # ------------------------------------------------------------ moving

    @property
    def max_top_line(self) -> int:
        layout = self._layout
        return 0 if layout is None else max(0, len(layout.lines) - self.page_height)

    def move_to(self, line: int, force: bool = False) -> None:
        """Put *line* at the top of the view (within the article) and repaint."""
        line = max(0, min(line, self.max_top_line))
        if line != self.top_line or force:
            self.top_line = line
            self.refresh()
        self._report()

    @property
    def current_section(self) -> int:
        layout = self._layout
        if layout is None or not layout.lines or self.document is None:
            return 0
        top = min(self.top_line, len(layout.lines) - 1)
        if self._pinned is not None and self._pinned[1] == top:
            return self._pinned[0]
        line = layout.lines[top]
        if line.blank and line.block > 0:
            # A gap above a heading still belongs to the section before it.
            return self.document.blocks[line.block - 1].section
        return layout.section_at(top)

    @property
    def percent_read(self) -> int:
        layout = self._layout
        if layout is None or not layout.lines or self.document is None:
            return 0
        share = self.document.share
        if layout.complete:
            total = len(layout.lines)
            seen = min(total, self.top_line + self.page_height)
            if seen >= total and not self.document.partial:
                return 100
            return int(seen * 100 * share / total)
        # Still laying out: count by blocks, which are all known.
        last = min(self.top_line + self.page_height, len(layout.lines) - 1)
        return int(layout.block_of_line(last) * 100 * share / len(self.document.blocks))

    def _report(self) -> None:
        if self._layout is None:
            return
        state = (self.current_section, self.percent_read, self.top_line)
        if state != self._reported:
            moved = self._reported is None or state[::2] != self._reported[::2]
            self._reported = state
            self.post_message(self.PositionChanged(self, *state, moved))
        if self.has_focus:
            self._place_cursor()

    def goto_section(self, entry: int) -> None:
        if self._layout is None or self.document is None:
            return
        if not self.document.partial:
            entry = min(entry, len(self.document.outline) - 1)
        # In a preview, a section beyond it is waited for.
        self._pending = ("section", max(0, entry))
        self._try_pending()

    def _try_pending(self) -> None:
        """Make the waiting jump if the layout has reached its target."""
        layout = self._layout
        if layout is None or self._pending is None:
            return
        kind, entry = self._pending
        if kind == "end":
            if self.ready:
                self._pending = None
                self.move_to(self.max_top_line)
            return
        if self.document is None or entry >= len(self.document.outline):
            return
        y = layout.section_line(entry)
        if y is None:
            return
        self._pending = None
        self.move_to(y)
        self._pinned = (entry, self.top_line)
        self._report()

    def next_section(self) -> None:
        if self.document is not None:
            pending = self._pending
            target = pending[1] if pending and pending[0] == "section" else self.current_section
            self.goto_section(target + 1)

    def previous_section(self) -> None:
        layout = self._layout
        if layout is None:
            return
        current = self.current_section
        start = layout.section_line(current)
        top = self.top_line
        pinned_here = self._pinned is not None and self._pinned[1] == top
        # Mid-section, "previous" first goes back to this section's own heading.
        if start is not None and top > start and not pinned_here:
            self.goto_section(current)
        else:
            self.goto_section(current - 1)

    # ------------------------------------------------------------ cursor

    def _place_cursor(self) -> None:
        self.app.cursor_position = self.cursor_cell()

    def cursor_cell(self) -> Offset:
        """The terminal cursor's cell: on the current match or focused anchor if in
        view, else on the top line (the app asks for it after every change of focus)."""
        region = self.content_region
        x, y = self.left_margin, 0
        cell = None
        if self.match_index is not None:
            match = self.matches[self.match_index]
            cell = self._cell_of(match.block, match.start)
        if cell is None and self.focused_anchor is not None:
            cell = self._anchor_cell(self.focused_anchor)
        if cell is not None:
            x, y = cell
        return Offset(region.x + x, region.y + y)

    def on_focus(self) -> None:
        self.call_after_refresh(self._place_cursor)

    # ------------------------------------------------------------ actions

    def _move_by(self, lines: int) -> None:
        self._pending = None
        self.move_to(self.top_line + lines)

    def action_line_down(self) -> None:
        self._move_by(1)

    def action_line_up(self) -> None:
        self._move_by(-1)

    def action_page_down(self) -> None:
        self._move_by(max(1, self.page_height - 2))

    def action_page_up(self) -> None:
        self._move_by(-max(1, self.page_height - 2))

    def action_top(self) -> None:
        self._pending = None
        self.move_to(0)

    def action_bottom(self) -> None:
        self._pending = ("end", 0)
        self._try_pending()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._move_by(MOUSE_WHEEL_LINES)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._move_by(-MOUSE_WHEEL_LINES)

    # ------------------------------------------------------------ drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        if self.document is not None and self._layout is None and self.size.width:
            # The first frame: lay out what it shows, before it is drawn (from the
            # saved place, when there is one), and start the rest.
            layout = self._layout = Layout(self.document, self.wrap_width)
            resume = self._resume
            line = 0
            if resume is not None and not self.document.partial:
                resume = ReadingPosition(
                    min(resume.block, len(self.document.blocks) - 1), resume.offset
                )
            if resume is not None and resume.block < len(self.document.blocks):
                layout.ensure_block(resume.block)
                line = self._line_for(resume)
            layout.ensure_lines(line + self.size.height * 2)
            self.top_line = min(line, self.max_top_line)
            keep = self.position if self.top_line else None
            self.call_later(self._relayout, keep)
        # Values every line needs, looked up once a frame rather than once a line.
        base = self.rich_style
        self._frame = _Frame(
            base,
            self.content_region.width,
            self.left_margin,
            base + self.get_component_rich_style("article-view--thumb", partial=True),
            self._thumb_rows(),
        )
        return super().render_lines(crop)

    def _thumb_rows(self) -> range:
        layout = self._layout
        height = self.page_height
        # No scroll bar wanted (the single layout): no thumb glyph beside the text either.
        if layout is None or len(layout.lines) <= height or not self.styles.scrollbar_size_vertical:
            return range(0)
        total = len(layout.lines)
        if self.document is not None and self.document.partial:
            total = int(total / max(self.document.share, 0.01))
        size = max(1, height * height // total)
        start = min(height - size, self.top_line * height // total)
        return range(start, start + size)

    def render_line(self, y: int) -> Strip:
        frame = self._frame
        base, width, margin = frame.base, frame.width, frame.margin
        layout = self._layout
        if layout is None or self.document is None:
            text = self.placeholder if y == 0 else ""
            return Strip([Segment(text, base)]).crop_extend(0, width, base)
        thumb = Segment(THUMB if y in frame.thumb_rows else " ", frame.thumb)
        index = self.top_line + y
        if index >= len(layout.lines):
            return Strip([Segment(" " * (width - 1), base), thumb], width)
        strip = self._strips.get(index)
        if strip is None:
            line = layout.lines[index]
            block = self.document.blocks[line.block]
            segments = [Segment(" " * margin, base)]
            segments += line_segments(
                block, line, layout.width, base, self._style, self._focus_spans(line.block)
            )
            strip = Strip(segments).crop_extend(0, width - 1, base)
            self._strips[index] = strip
        return Strip([*strip, thumb], width)

    # ------------------------------------------------------------ anchors

    def _focus_spans(self, block: int) -> tuple[Span, ...]:
        spans: list[Span] = []
        current = self.matches[self.match_index] if self.match_index is not None else None
        for match in self._matches_by_block.get(block, ()):
            style = "match-current" if match == current else "match"
            spans.append(Span(match.start, match.end, style))
        if self.focused_anchor is not None and self.focused_anchor[0] == block:
            assert self.document is not None
            anchor = self.document.blocks[block].anchors[self.focused_anchor[1]]
            spans.append(Span(anchor.start, anchor.end, "anchor-focus"))
        return tuple(spans)

    # ------------------------------------------------------------ search

    def set_matches(self, matches: list[Match]) -> None:
        """Highlight *matches* (none to clear); the reader moves between them with n and N."""
        self.matches = matches
        self._matches_by_block = {}
        for match in matches:
            self._matches_by_block.setdefault(match.block, []).append(match)
        self.match_index = None
        self._strips.clear()
        self.refresh()

    def goto_match(self, index: int) -> None:
        if not self.matches or self._layout is None:
            return
        self.match_index = index % len(self.matches)
        match = self.matches[self.match_index]
        self._pending = None
        self._layout.ensure_block(match.block)
        line = self._line_for(ReadingPosition(match.block, match.start))
        if not self.top_line <= line < self.top_line + self.page_height:
            self.move_to(line - self.page_height // 3)
        self._strips.clear()
        self.refresh()
        if self.has_focus:
            self._place_cursor()

    def first_match_from(self, position: ReadingPosition) -> int | None:
        """The first match at or after *position*, wrapping to the first of all."""
        for index, match in enumerate(self.matches):
            if (match.block, match.start) >= (position.block, position.offset):
                return index
        return 0 if self.matches else None

    def _step_match(self, step: int) -> None:
        if not self.matches:
            self.post_message(self.SearchRequested())
            return
        if self.match_index is None:
            position = self.position or ReadingPosition(0, 0)
            start = self.first_match_from(position) or 0
            self.goto_match(start if step > 0 else start - 1)
        else:
            self.goto_match(self.match_index + step)

    def action_search(self) -> None:
        self.post_message(self.SearchRequested())

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)

    def anchor_line(self, anchor: tuple[int, int]) -> int:
        """The layout line holding the start of *anchor* (laying out up to it if need be)."""
        assert self._layout is not None and self.document is not None
        block, index = anchor
        self._layout.ensure_block(block)
        start = self.document.blocks[block].anchors[index].start
        return self._line_for(ReadingPosition(block, start))

    def _anchor_cell(self, anchor: tuple[int, int]) -> tuple[int, int] | None:
        """(x, y) of the anchor's first cell within the view, or None when off screen."""
        if self.document is None:
            return None
        start = self.document.blocks[anchor[0]].anchors[anchor[1]].start
        return self._cell_of(anchor[0], start)

    def _cell_of(self, block_index: int, offset: int) -> tuple[int, int] | None:
        """(x, y) within the view of a character of a block, or None when off screen."""
        if self._layout is None or self.document is None:
            return None
        self._layout.ensure_block(block_index)
        y = self._line_for(ReadingPosition(block_index, offset)) - self.top_line
        if not 0 <= y < self.page_height:
            return None
        block = self.document.blocks[block_index]
        line = self._layout.lines[self.top_line + y]
        before = block.text[line.start : offset]
        x = self.left_margin + block.indent + len(block.prefix) + cell_len(before)
        return x, y

    def _anchor_in_view(self) -> bool:
        return (
            self.focused_anchor is not None and self._anchor_cell(self.focused_anchor) is not None
        )

    def focus_anchor(self, anchor: tuple[int, int] | None) -> None:
        """Mark *anchor* as the reader's place, bringing it into view if it is not."""
        self.focused_anchor = anchor
        self._strips.clear()
        if anchor is not None and not self._anchor_in_view():
            line = self.anchor_line(anchor)
            self.move_to(line - self.page_height // 3)
        self.refresh()
        if self.has_focus:
            self._place_cursor()

    def find_anchor(self, kind: str, target: str) -> tuple[int, int] | None:
        """The first anchor of *kind* that points at *target*."""
        if self.document is None:
            return None
        for number, block in enumerate(self.document.blocks):
            for index, anchor in enumerate(block.anchors):
                if anchor.kind == kind and target in anchor.targets:
                    return number, index
        return None

    def _anchors_from(self, block: int, step: int) -> list[tuple[int, int]]:
        """Navigable anchors of *block*, in reading order or reversed."""
        assert self.document is not None
        anchors = [
            (block, index)
            for index, anchor in enumerate(self.document.blocks[block].anchors)
            if anchor.kind in NAVIGABLE
        ]
        return anchors if step > 0 else anchors[::-1]

    def _step_anchor(self, step: int) -> None:
        layout, document = self._layout, self.document
        if layout is None or document is None or not layout.lines:
            return
        if not self._anchor_in_view():
            # Nothing focused on screen: the first anchor from the top of the view going
            # on, or the last one above its bottom going back.
            last = min(self.top_line + self.page_height, len(layout.lines)) - 1
            found = self._anchor_near(self.top_line if step > 0 else last, step)
            if found is not None:
                self.focus_anchor(found)
            return
        assert self.focused_anchor is not None
        origin = self.focused_anchor
        block = origin[0]
        while 0 <= block < len(document.blocks):
            for anchor in self._anchors_from(block, step):
                if (anchor > origin) if step > 0 else (anchor < origin):
                    self.focus_anchor(anchor)
                    return
            block += step

    def _anchor_near(self, y: int, step: int) -> tuple[int, int] | None:
        """The first anchor on or after line *y* (step 1), or on or before it (step -1)."""
        assert self._layout is not None and self.document is not None
        block = self._layout.lines[y].block
        while 0 <= block < len(self.document.blocks):
            for anchor in self._anchors_from(block, step):
                line = self.anchor_line(anchor)
                if (line >= y) if step > 0 else (line <= y):
                    return anchor
            block += step
        return None

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

    def action_citation_style(self) -> None:
        self.post_message(self.CitationStyleToggled())

    def _change_width(self, step: int) -> None:
        width = max(MIN_READING_WIDTH, min(MAX_READING_WIDTH, self.reading_width + step))
        if width != self.reading_width:
            self.set_reading_width(width)
        self.post_message(self.ReadingWidthChanged(width))

    def action_wider(self) -> None:
        self._change_width(READING_WIDTH_STEP)

    def action_narrower(self) -> None:
        self._change_width(-READING_WIDTH_STEP)

    def action_bookmark(self) -> None:
        self.post_message(self.BookmarkRequested())

    def action_bookmarks(self) -> None:
        self.post_message(self.BookmarksRequested())

    def action_read_aloud(self) -> None:
        if self.document is not None:
            section = plain_sections(self.document)[self.current_section]
            text = "\n".join([section.heading, *section.lines])
            self.post_message(self.ReadAloud(text))

    # ------------------------------------------------------------ places

    @property
    def place(self) -> Place | None:
        position = self.position
        return None if position is None else Place(position, self.focused_anchor)

    def restore(self, place: Place) -> None:
        """Back to a place: the same top line and the same focused anchor."""
        if self._layout is None:
            return
        self._pending = None
        self._layout.ensure_block(place.position.block)
        self.focused_anchor = place.anchor
        self._strips.clear()
        self.move_to(self._line_for(place.position), force=True)
        if self.has_focus:
            self._place_cursor()
