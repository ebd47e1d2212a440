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
        self.left = ""
        self.right = ""

    def set_status(self, left: str, right: str) -> None:
        if (left, right) == (self.left, self.right):
            return
        width = self.content_region.width or self.size.width
        lines_before = 1 if self._fits(width) else 2
        self.left, self.right = left, right
        # A new layout of the screen only when the bar grows or shrinks a line.
        self.refresh(layout=(1 if self._fits(width) else 2) != lines_before)

    def _fits(self, width: int) -> bool:
        return len(self.left) + len(self.right) + 2 <= width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 1 if self._fits(width) else 2

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        if self._fits(width):
            return Text(self.left + " " * (width - len(self.left) - len(self.right)) + self.right)
        return Text(f"{self.left}\n{self.right}")
