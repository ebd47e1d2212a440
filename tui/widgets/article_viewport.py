"""The article's viewport: a line-API widget that draws laid-out lines and scrolls.

It wraps a RenderedDocument (never Markdown) to the reading width: the first screen
at once, the rest in a background thread while the reader reads; a jump past what
is ready waits for it. Each width keeps its layout, so resizing back costs nothing.

It keeps its own top line instead of Textual's scroll offset: a Textual scroll
reflows the whole screen, while moving the top line repaints this pane alone.
Drawing the lines is ArticleLines' part (tui.widgets.article_lines).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from textual import events, work
from textual.cache import LRUCache
from textual.geometry import Offset
from textual.worker import get_current_worker

from tui import long_lived
from tui.render.blocks import RenderedDocument
from tui.render.layout import Layout
from tui.render.position import ReadingPosition, place_in
from tui.render.progress import SeenText
from tui.threads import background_work
from tui.widgets.article_jumps import EndJump, SectionJump, SectionJumps
from tui.widgets.article_lines import ArticleLines
from tui.widgets.article_messages import LaidOut, PositionChanged

GROWTH_REPORT_INTERVAL = 0.05  # how often the layout thread reports growth, in seconds
LAYOUT_CHUNK = 128  # blocks laid out between checks for cancellation


class ArticleViewport(ArticleLines):
    """Lines of a rendered document at a readable width, from a top line down."""

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
        super().__init__(document, reading_width, name=name, id=id, classes=classes)
        self._layouts: LRUCache[int, Layout] = LRUCache(4)
        self._jumps = SectionJumps()
        self._reported: tuple[int, int, int] | None = None
        # Where to open: the place saved last time, kept until its block has arrived.
        self._resume = resume
        # What has been on screen, for the share read.
        self.seen = SeenText()
        # The percentage read on earlier visits, counted as seen from the start.
        self.seen_before = 0
        self._seeded: RenderedDocument | None = None
        self._marking = False
        # The size the view last counted what it shows as seen at, once drawn.
        self._seen_size: tuple[int, int, int] | None = None
        # The lines last counted as seen (the same place is not counted twice).
        self._marked: tuple[Layout, int, int, int] | None = None
        # Who hears where the view is, called at once instead of sent PositionChanged:
        # set by the screen that shows the view (attributes down), so the outline and
        # the status line change in the frame that draws the move. A message arrives
        # after that frame and a second one redraws them (10 ms and more of a key on a
        # long article, when the outline scrolls).
        self.position_listener: Callable[[PositionChanged], None] | None = None

    # ------------------------------------------------------------ hooks

    def cursor_cell(self) -> tuple[int, int] | None:
        """Where in the view the terminal cursor goes, when not on the top line."""
        return None

    def document_changed(self, replacing: bool) -> None:
        """A new document (*replacing*: the same article, whole or restyled) is shown."""

    # ------------------------------------------------------------ feeding

    def show_placeholder(self, text: str) -> None:
        """A line of text to show until a document arrives ("Opening ...")."""
        self.placeholder = text
        self.refresh()

    def resume_at(self, position: ReadingPosition) -> None:
        """Open at a saved place (now, or when a long article's rest has arrived)."""
        self._resume = position
        self._apply_resume()

    def _resume_target(self) -> ReadingPosition | None:
        document = self.document
        return None if document is None else place_in(document, self._resume)

    def _apply_resume(self) -> None:
        layout = self.text_layout
        target = self._resume_target()
        if layout is None or target is None:
            return
        self._resume = None
        layout.ensure_block(target.block)
        self.move_to(layout.line_for(target))

    def replace_document(
        self, document: RenderedDocument, layout: Layout | None = None, settle: bool = True
    ) -> None:
        """Swap a preview for the whole document (or a restyled one), keeping the
        reader's place and any jump they asked for (the preview's blocks are the whole
        one's first blocks). *layout*: the document laid out already, off the UI thread;
        *settle*: the replaced one may be let go (a full collection once drawn), False
        when it is kept (a rendering c goes back to)."""
        keep, pending, resume = self.position, self._jumps.pending, self._resume
        self.show(document, replacing=True, layout=layout, keep=keep)
        self._jumps.pending = pending
        if keep is not None and self.size.width and self.text_layout is not None:
            self._try_pending()
        if resume is not None:
            self.resume_at(resume)
        layout = self.text_layout
        if settle and layout is not None and layout.complete:  # laid out off the UI thread (c)
            # Once this frame is drawn, the replaced rendering is no longer held.
            self.call_after_refresh(self._settle_long_lived, len(layout.lines))

    def show(
        self,
        document: RenderedDocument,
        replacing: bool = False,
        layout: Layout | None = None,
        keep: ReadingPosition | None = None,
    ) -> None:
        """Show *document* from its start, or from *keep* (the same place in the text
        it replaces: the view never reports passing through the start on the way)."""
        self.document = document
        self._layouts.clear()
        if layout is not None and layout.source is document:
            self._layouts[layout.width] = layout
        self.text_layout = None
        self._jumps.reset()
        self._reported = None
        self.top_line = 0
        if not replacing:
            self.seen.clear()
            self._marked = None
        self.document_changed(replacing)
        if self.size.width:
            self._relayout(keep=keep)

    @property
    def ready(self) -> bool:
        """The whole document is here and laid out at the current width."""
        layout = self.text_layout
        return layout is not None and layout.complete and not layout.document.partial

    def set_reading_width(self, width: int) -> None:
        self.reading_width = width
        self._relayout(keep=self.position)

    # ------------------------------------------------------------ layout

    def _layout_at_width(self, document: RenderedDocument) -> Layout:
        """The layout for the current wrap width: the one made before, else a new one."""
        width = self.wrap_width
        layout = self._layouts.get(width)
        if layout is None:
            layout = self._layouts[width] = Layout(document, width)
        return layout

    def _relayout(self, keep: ReadingPosition | None) -> None:
        if self.document is None:
            return
        layout = self._layout_at_width(self.document)
        self.text_layout = layout
        # Enough for the screen now; the rest in the background.
        if keep is not None:
            layout.ensure_block(keep.block)
        top = layout.line_for(keep) if keep else 0
        layout.ensure_lines(top + 2 * max(self.page_height, 24))
        self.move_to(top, force=True)
        self._apply_resume()
        if not layout.complete:
            # Handed in a box the worker empties as it ends: Textual keeps a finished
            # worker (and its arguments) a while, and a layout replaced by c or a new
            # width should not be kept with it (nor its rendering, frozen: tui.long_lived).
            self._finish_layout([layout])

    @work(thread=True, exclusive=True, group="article-layout")
    def _finish_layout(self, box: list[Layout]) -> None:
        layout = box.pop()
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
                    self.post_message(LaidOut(self, layout))
        self.post_message(LaidOut(self, layout))
        long_lived.laid_out(len(layout.lines))  # a long article kept from full collections

    @work(thread=True, group="long-lived")
    def _settle_long_lived(self, lines: int) -> None:
        long_lived.laid_out(lines)

    def on_article_view_laid_out(self, event: LaidOut) -> None:
        event.stop()
        if event.layout is not self.text_layout:
            return
        if self._jumps.pending is not None:
            self._try_pending()
        self.refresh()  # the thumb moves as the article grows
        self._report()

    @property
    def position(self) -> ReadingPosition | None:
        layout = self.text_layout
        return None if layout is None else layout.position_at(self.top_line)

    def on_resize(self, event: events.Resize) -> None:
        layout = self.text_layout
        if self.document is not None and (layout is None or layout.width != self.wrap_width):
            # The first layout starts where the first frame showed: the saved place.
            self._relayout(keep=self.position or self._resume_target())
        else:
            self.move_to(self.top_line, force=True)
        if self.has_focus:
            self.call_after_refresh(self._place_cursor)

    # ------------------------------------------------------------ moving

    @property
    def max_top_line(self) -> int:
        layout = self.text_layout
        return 0 if layout is None else max(0, len(layout.lines) - self.page_height)

    def move_to(self, line: int, force: bool = False) -> None:
        """Put *line* at the top of the view (within the article) and repaint."""
        self._move(line, force)
        self._report()

    def _move(self, line: int, force: bool = False) -> None:
        line = max(0, min(line, self.max_top_line))
        if line != self.top_line:
            self.top_line = line
        elif force:
            self.refresh()

    @property
    def current_section(self) -> int:
        """The index of the outline entry the reader is in."""
        layout = self.text_layout
        return 0 if layout is None else self._jumps.section_index(layout, self.top_line)

    @property
    def percent_read(self) -> int:
        layout = self.text_layout
        return 0 if layout is None else self.seen.percent(layout)

    def mark_read(self, read: bool) -> None:
        """All of the article counts as seen (*read*), or only what is on screen now."""
        self.seen.clear()
        self._marked = None
        self.seen_before = 100 if read else 0
        self._seeded = None
        self._reported = None
        self._report()

    def _report(self) -> None:
        layout = self.text_layout
        if layout is None:
            return
        if self.seen_before and self._seeded is not layout.document:
            self._seeded = layout.document
            self.seen.mark_prefix(layout.document, self.seen_before)
        if self._seen_size == self._size_key(layout):
            # Drawn at this size already: what a move shows is counted now, so the
            # share read it reports is the one of this frame.
            self._mark_now(layout)
        elif not self._marking:
            # What is on screen once this frame is drawn, not the sizes a window
            # passes through as it opens.
            self._marking = True
            self.call_after_refresh(self._mark_seen)
        self._post_state()

    def _size_key(self, layout: Layout) -> tuple[int, int, int]:
        return (layout.width, self.page_height, self.size.width)

    def _mark_seen(self) -> None:
        self._marking = False
        layout = self.text_layout
        if layout is not None and self.size.height and layout.width == self.wrap_width:
            self._seen_size = self._size_key(layout)
            self._mark_now(layout)
            self._post_state()

    def _mark_now(self, layout: Layout) -> None:
        marked = self._marked
        top, height = self.top_line, self.page_height
        # The last line too: a page the background layout had not reached is counted
        # again as it arrives.
        place = (top, height, min(len(layout.lines), top + height))
        if marked is None or marked[0] is not layout or marked[1:] != place:
            self._marked = (layout, *place)
            self.seen.mark(layout, top, height)

    def _post_state(self) -> None:
        state = (self.current_section, self.percent_read, self.top_line)
        if state != self._reported:
            moved = self._reported is None or state[::2] != self._reported[::2]
            self._reported = state
            event = PositionChanged(self, *state, moved)
            if self.position_listener is not None:
                self.position_listener(event)
            else:
                self.post_message(event)
        if self.has_focus:
            self._place_cursor()

    def goto_section(self, section_index: int) -> None:
        if self.text_layout is None or self.document is None:
            return
        if not self.document.partial:
            section_index = min(section_index, len(self.document.outline) - 1)
        # In a preview, a section beyond it is waited for.
        self._jumps.pending = SectionJump(max(0, section_index))
        self._try_pending()

    def goto_end(self) -> None:
        self._jumps.pending = EndJump()
        self._try_pending()

    def _try_pending(self) -> None:
        """Make the waiting jump if the layout has reached its target."""
        layout = self.text_layout
        if layout is None:
            return
        y = self._jumps.target_line(layout, self.ready, self.max_top_line)
        if y is not None:
            # Reported once landed: the pinned section may differ from the one at the
            # top, and the screen hears of the place the reader asked for only.
            self._move(y)
            self._jumps.landed(self.top_line, layout.section_index_at(len(layout.lines) - 1))
            self._report()

    def next_section(self) -> None:
        if self.document is not None:
            self.goto_section(self._jumps.next_index(self.current_section))

    def previous_section(self) -> None:
        layout = self.text_layout
        if layout is not None:
            self.goto_section(
                self._jumps.previous_index(layout, self.current_section, self.top_line)
            )

    def cancel_jump(self) -> None:
        """The reader moved: a jump still waiting for its target is dropped."""
        self._jumps.pending = None

    def scroll_lines(self, lines: int) -> None:
        """Move by *lines* (a key, the wheel)."""
        self.cancel_jump()
        self.move_to(self.top_line + lines)

    # ------------------------------------------------------------ cursor

    def cursor_offset(self) -> Offset:
        """The terminal cursor's screen cell: see cursor_cell, else the top line."""
        region = self.content_region
        x, y = self.cursor_cell() or (self.left_margin, 0)
        return Offset(region.x + x, region.y + y)

    def _place_cursor(self) -> None:
        """The terminal cursor where the reader is (the app also asks on every frame)."""
        self.app.cursor_position = self.cursor_offset()

    def on_focus(self) -> None:
        self.call_after_refresh(self._place_cursor)

    # ------------------------------------------------------------ the first frame

    def first_frame(self, document: RenderedDocument) -> tuple[Layout, int]:
        """Layout and top line of a frame drawn before the view adopted a layout (from
        the saved place, if any); the Resize that follows adopts it from the cache."""
        layout = self._layout_at_width(document)
        target = self._resume_target()
        line = 0
        if target is not None:
            layout.ensure_block(target.block)
            line = layout.line_for(target)
        layout.ensure_lines(line + self.size.height * 2)
        return layout, max(0, min(line, len(layout.lines) - self.page_height))
