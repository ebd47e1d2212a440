"""An OptionList that reads like the rest of wellread: j/k, g/G, and the cursor follows."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Offset
from textual.widgets import OptionList


def hanging(rows: Sequence[tuple[str, Text | str]]) -> Table:
    """Lines with a left column (marker, number or indent) that wrapped text never enters."""
    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for left, right in rows:
        grid.add_row(left, right)
    return grid


class ReaderList(OptionList):
    """OptionList with less-style keys that keeps the terminal cursor on its highlight."""

    BINDINGS: list[BindingType] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self.has_focus:
            self.call_after_refresh(self.place_cursor)

    def on_focus(self) -> None:
        self.call_after_refresh(self.place_cursor)

    def on_resize(self) -> None:
        if self.has_focus:
            self.call_after_refresh(self.place_cursor)

    def place_cursor(self) -> None:
        """Stand the terminal cursor on the highlighted option, for screen readers."""
        if not self.has_focus:
            return
        region = self.content_region
        y = region.y
        if self.highlighted is not None:
            top = self._lines_before(self.highlighted)
            y = region.y + max(0, min(region.height - 1, top - round(self.scroll_y)))
        self.app.cursor_position = Offset(region.x, y)

    def _lines_before(self, index: int) -> int:
        # OptionList keeps each option's first line in its private line cache; read it
        # defensively so a Textual upgrade degrades to "top of the list", not a crash.
        try:
            self._update_lines()
            return int(self._index_to_line[index])
        except (AttributeError, KeyError, IndexError, TypeError):
            return 0
