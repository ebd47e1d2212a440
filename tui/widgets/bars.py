"""One-line bars: the title at the top and the status line at the bottom."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.widgets.component_styles import PathMemo


class TitleBar(Static):
    """The app's name and what is open, on one line, with no clock or animation."""

    def set_title(self, title: str) -> None:
        self.update(Text.assemble(("wellread", "bold"), "  ", title))


class StatusLine(Widget):
    """Where the reader is, on the left; the standing hints on the right.

    The hints are given longest first; the bar shows the longest that fits beside the
    position, and wraps to more lines rather than drop the disclaimer.
    """

    def __init__(self, *hints: str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hints = hints or ("",)
        self.position = ""
        self.notice = ""
        # Its rich style, kept by stylesheet and path (drawn at most keys).
        self._own_style: PathMemo[Style] = PathMemo()

    @property
    def left(self) -> str:
        """A notice while there is one; otherwise where the reader is."""
        return self.notice or self.position

    def right(self, width: int) -> str:
        for hint in self.hints:
            if len(self.left) + len(hint) + 2 <= width:
                return hint
        return self.hints[-1]

    def _update(self, position: str, notice: str) -> None:
        if (position, notice) == (self.position, self.notice):
            return
        width = self.content_region.width or self.size.width
        height_before = self._height(width)
        self.position, self.notice = position, notice
        # A new layout of the screen only when the bar grows or shrinks.
        self.refresh(layout=self._height(width) != height_before)

    def set_status(self, position: str, keep_notice: bool = False) -> None:
        """Where the reader is; replaces any notice unless *keep_notice*."""
        self._update(position, self.notice if keep_notice else "")

    def set_notice(self, text: str) -> None:
        """A message in place of the position, until the position next changes."""
        self._update(self.position, text)

    def _height(self, width: int) -> int:
        width = max(width, 1)
        right = self.right(width)
        if len(self.left) + len(right) + 2 <= width:
            return 1
        return -(-len(self.left) // width) + -(-len(right) // width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._height(width)

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        left, right = self.left, self.right(width)
        if len(left) + len(right) + 2 <= width:
            return Text(left + " " * (width - len(left) - len(right)) + right)
        return Text(f"{left}\n{right}")

    def render_line(self, y: int) -> Strip:
        # The usual one line drawn as one plain segment: Textual's way from render()
        # costs about a millisecond, paid on every key that moves the article. Wide or
        # unprintable characters (a section's title) take that way, as do two lines.
        width = self.content_region.width or self.size.width
        left, right = self.left, self.right(width)
        if y == 0 and len(left) + len(right) + 2 <= width:
            line = left + " " * (width - len(left) - len(right)) + right
            if line.isprintable() and cell_len(line) == width:
                style = self._own_style.get(self, lambda: self.rich_style)
                return Strip([Segment(line, style)], width)
        return super().render_line(y)


class SearchLine(Input):
    """The line under the article where the reader types what to find (/)."""

    HELP_NAME = "Search line"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close the search and clear its highlights"),
    ]

    class Closed(Message):
        """Escape: the reader no longer wants the search."""

    def on_mount(self) -> None:
        self.cursor_blink = False  # nothing on screen moves by itself
        # No validators: validating at each key only restyled the line ("-valid").
        self.validate_on = set()

    def _watch_value(self, value: str) -> None:
        # Input sizes its scroll area to its text at every key, and a new virtual size
        # lays the whole screen out again (twice a key, a whole frame's work). The line
        # has a fixed size and no scroll bar: the scroll area changes quietly instead.
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def action_close(self) -> None:
        self.post_message(self.Closed())
