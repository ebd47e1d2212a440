"""One-line bars: the title at the top and the status line at the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class TitleBar(Static):
    """The app's name and what is open, on one line, with no clock or animation."""

    def set_title(self, title: str) -> None:
        self.update(Text.assemble(("wellread", "bold"), "  ", title))


class StatusLine(Static):
    """Where the reader is, on the left; the standing disclaimer and help key, on the right."""

    def set_status(self, left: str, right: str) -> None:
        width = self.size.width or 80
        gap = width - len(left) - len(right)
        if gap >= 2:
            self.update(Text(left + " " * gap + right))
        else:
            # Narrow windows: the disclaimer wraps to a second line rather than vanish.
            self.update(Text(f"{left}\n{right}"))
