"""One-line bars: the title at the top and the status line at the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Static


class TitleBar(Static):
    """The app's name and what is open, on one line, with no clock or animation."""

    def set_title(self, title: str) -> None:
        self.update(Text.assemble(("wellread", "bold"), "  ", title))


class StatusLine(Widget):
    """Where the reader is, on the left; the standing disclaimer and help key, on the right.

    Laid out at draw time, so it fits whatever width the window has: one line when
    both parts fit, two when they do not, so the disclaimer never drops off.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.position = ""
        self.notice = ""
        self.right = ""

    @property
    def left(self) -> str:
        """A notice while there is one; otherwise where the reader is."""
        return self.notice or self.position

    def _update(self, position: str, notice: str, right: str) -> None:
        if (position, notice, right) == (self.position, self.notice, self.right):
            return
        width = self.content_region.width or self.size.width
        height_before = self._height(width)
        self.position, self.notice, self.right = position, notice, right
        # A new layout of the screen only when the bar grows or shrinks.
        self.refresh(layout=self._height(width) != height_before)

    def set_status(self, left: str, right: str, keep_notice: bool = False) -> None:
        """Where the reader is; replaces any notice unless *keep_notice*."""
        self._update(left, self.notice if keep_notice else "", right)

    def set_notice(self, text: str) -> None:
        """A message in place of the position, until the position next changes."""
        self._update(self.position, text, self.right)

    def _fits(self, width: int) -> bool:
        return len(self.left) + len(self.right) + 2 <= width

    def _height(self, width: int) -> int:
        if self._fits(width):
            return 1
        width = max(width, 1)
        return -(-len(self.left) // width) + -(-len(self.right) // width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._height(width)

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        left = self.left
        if self._fits(width):
            return Text(left + " " * (width - len(left) - len(self.right)) + self.right)
        return Text(f"{left}\n{self.right}")
