"""Search matches in the article view: highlighting them, and n and N between them.

The screen finds the matches (tui.render.find) and hands them down; the view shows
them, knows which one the reader is on, and reports "Match 3 of 12" up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.actions import SkipAction
from textual.geometry import Region

from tui.render.blocks import RenderedDocument, Span
from tui.render.find import Match
from tui.render.position import ReadingPosition
from tui.render.tables import shown_offset
from tui.widgets import article_messages as messages
from tui.widgets.article_matches import MatchCursor
from tui.widgets.article_viewport import ArticleViewport


def _same_state(before: tuple[object, ...], now: tuple[object, ...]) -> bool:
    """The very same objects (layout, matches: never compared by value, a long
    article's matches are a hundred thousand) then equal values (lines, anchor)."""
    return all(a is b for a, b in zip(before[:3], now[:3], strict=True)) and before[3:] == now[3:]


class ArticleSearch(ArticleViewport):
    """The article viewport with the matches of a search in it."""

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
        super().__init__(
            document, resume=resume, reading_width=reading_width, name=name, id=id, classes=classes
        )
        self._found = MatchCursor()
        # False while the highlights are a library search's words (set by the screen).
        self._escape_clears_matches = True
        # The reader's place is the current match (not the focused anchor): the
        # cursor stands on it and . and , go on from it.
        self._on_match = False
        # Whether Esc was the view's (clearing matches) when the bindings were last told.
        self._escape_clears: bool | None = None
        # Who hears "Match 3 of 12", called at once instead of sent SearchReport: set
        # by the screen (attributes down), so the status line says it in the frame
        # that draws the jump. A message arrives after that frame, and a second frame
        # drew the status line alone (as position_listener does for the position).
        self.report_listener: Callable[[messages.SearchReport], None] | None = None
        # The highlights on screen last worked out, with what they were worked out from.
        self._shown_highlights: tuple[tuple[object, ...], list[tuple[Span, ...]]] | None = None

    @property
    def escape_clears_matches(self) -> bool:
        return self._escape_clears_matches

    @escape_clears_matches.setter
    def escape_clears_matches(self, value: bool) -> None:
        self._escape_clears_matches = value
        self._escape_clears = None  # the bindings are told again at the next change

    @property
    def matches(self) -> Sequence[Match]:
        return self._found.matches

    @property
    def match_index(self) -> int | None:
        return self._found.match_index

    def set_matches(self, matches: Sequence[Match]) -> None:
        """Highlight *matches* (none to clear); the reader moves between them with n and N."""
        found = MatchCursor()
        found.set(matches)
        self.set_match_cursor(found)

    def set_match_cursor(self, found: MatchCursor) -> None:
        """Highlight the matches of *found* (grouped already, perhaps in a thread)."""
        before = self._highlights_on_screen()
        self._found = found
        self._on_match = False
        self._repaint_highlights(before)
        escape_clears = self.check_action("clear_search", ())
        if escape_clears != self._escape_clears:
            # Esc clears matches only while there are some.
            self._escape_clears = escape_clears
            self.refresh_bindings()

    def _highlights_on_screen(self) -> list[tuple[Span, ...]]:
        """The highlights of each line on screen, top down."""
        layout = self.text_layout
        if layout is None:
            return []
        top = self.top_line
        end = min(len(layout.lines), top + self.page_height)
        found = self._found
        # What they are worked out from: the ones of the last repaint serve as the
        # "before" of the next change when nothing of it has changed since (a search
        # in a long article changes the matches twice a key, each time comparing).
        state = (
            layout,
            found,
            found.matches,
            found.match_index,
            top,
            end,
            getattr(self, "focused_anchor", None),
        )
        shown = self._shown_highlights
        if shown is not None and _same_state(shown[0], state):
            return shown[1]
        lines = layout.lines[top:end]
        highlights = self.highlighter()
        if highlights is None:
            result: list[tuple[Span, ...]] = [()] * len(lines)
        else:
            by_block: dict[int, tuple[Span, ...]] = {}
            result = [
                by_block[line.block]
                if line.block in by_block
                else by_block.setdefault(line.block, highlights(line.block))
                for line in lines
            ]
        self._shown_highlights = (state, result)
        return result

    def _repaint_highlights(self, before: list[tuple[Span, ...]]) -> None:
        """Repaint the lines on screen whose highlights differ from *before* (taken with
        the view where it is now): a search in a long article lights a few lines of
        the page, and repainting the rest of it costs a frame's worth of drawing."""
        after = self._highlights_on_screen()
        if len(after) != len(before):
            self.refresh()
            return
        width = self.content_region.width
        rows = [
            Region(0, y, width, 1)
            for y, (old, new) in enumerate(zip(before, after, strict=True))
            if old != new
        ]
        if rows:
            self.refresh(*rows)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "clear_search":
            # Otherwise Esc is the screen's: back, as its help says.
            return bool(self._found.matches) and self.escape_clears_matches
        return True

    def blocks_in_view(self) -> range:
        """The blocks with a line on screen."""
        layout = self.text_layout
        if layout is None or not layout.lines:
            return range(0)
        top = min(self.top_line, len(layout.lines) - 1)
        bottom = min(self.top_line + self.page_height, len(layout.lines)) - 1
        return range(layout.lines[top].block, layout.lines[bottom].block + 1)

    def first_match_from(self, position: ReadingPosition) -> int | None:
        """The first match at or after *position*, wrapping to the first of all."""
        return self._found.first_from(position)

    def goto_match(self, index: int, how: str = "") -> None:
        """Make match *index* the current one and bring it into view; the status says
        which it is ("Match 3 of 12"), with *how* the view got there."""
        layout = self.text_layout
        before = self._highlights_on_screen()
        if layout is None or (match := self._found.select(index)) is None:
            return
        self._on_match = True
        report = f"{self._found.report()}{how}."
        self.cancel_jump()
        layout.ensure_block(match.block)
        shown = shown_offset(layout.document.blocks[match.block], match.start)
        line = layout.line_for(ReadingPosition(match.block, shown))
        if not self.top_line <= line < self.top_line + self.page_height:
            self.move_to(line - self.page_height // 3)  # moved: repainted whole
        self._repaint_highlights(before)
        # After the move, whose own report (the position) comes first: the status
        # line then tells which match this is, as when the message came after it.
        self._send_report(report)
        if self.has_focus:
            self._place_cursor()

    def _send_report(self, text: str) -> None:
        report = messages.SearchReport(self, text)
        if self.report_listener is not None:
            self.report_listener(report)
        else:
            self.post_message(report)

    def goto_first_match(self) -> None:
        """Enter in the search line: the first match from the top of the view on."""
        found = self._found
        if not found.matches:
            return
        top = self.position or ReadingPosition(0, 0)
        index = found.first_from(top) or 0
        found.match_index = None
        if found.wraps(index, 1, top):
            how = ": none below the top of the view, wrapped to the first match"
        else:
            how = ", the first from the top of the view"
        self.goto_match(index, how)

    def _step_match(self, step: int) -> None:
        position = self.position or ReadingPosition(0, 0)
        target = self._found.step_target(step, position)
        if target is None:
            self.post_message(messages.SearchRequested(self))
            return
        how = ""
        if self._found.wraps(target, step, position):
            how = "; wrapped to the first match" if step > 0 else "; wrapped to the last match"
        self.goto_match(target, how)

    def action_clear_search(self) -> None:
        """Escape with matches of a search made here clears them; otherwise (no matches,
        or the words of a library search the article was opened from) it is the screen's,
        so Esc goes straight back to the results."""
        if not self._found.matches or not self.escape_clears_matches:
            raise SkipAction()
        self.set_matches([])
        self._send_report("Search highlights cleared.")

    def action_search(self) -> None:
        self.post_message(messages.SearchRequested(self))

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)
