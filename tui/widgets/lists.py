"""An OptionList that reads like the rest of wellread: j/k, g/G, and the cursor follows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.console import Group
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Offset
from textual.strip import Strip
from textual.widgets import OptionList

# Drawn in the gutter beside the focused list's highlighted item: focus shown by a
# shape as well as by colour, so it survives NO_COLOR and monochrome terminals.
FOCUS_MARK = "▶ "


def hanging(rows: Sequence[tuple[str, Text | str]]) -> Table:
    """Lines with a left column (marker, number or indent) that wrapped text never enters."""
    grid = Table.grid(padding=0)
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for left, right in rows:
        grid.add_row(left, right)
    return grid


def card(title: str, details: Sequence[Text], label: str = "") -> Group:
    """A bold title, its details indented beneath it, and a blank line to part cards."""
    indent = " " * len(label) if label else "  "
    head = (
        hanging([(label, Text(title, style="bold", overflow="fold"))])
        if label
        else Text(title, style="bold", overflow="fold")
    )
    return Group(head, hanging([(indent, detail) for detail in details]), Text(""))


class ReaderList(OptionList):
    """OptionList with less-style keys that keeps the terminal cursor on its highlight."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next item", show=False),
        Binding("up,k", "cursor_up", "Previous item", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First item", show=False),
        Binding("end,G", "last", "Last item", show=False),
        Binding("enter", "select", "Open the highlighted item", show=False),
    ]

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self.has_focus:
            self.call_after_refresh(self.place_cursor)

    def on_focus(self) -> None:
        self.refresh()
        self.call_after_refresh(self.place_cursor)

    def on_resize(self) -> None:
        if self.has_focus:
            self.call_after_refresh(self.place_cursor)

    def _get_left_gutter_width(self) -> int:
        return len(FOCUS_MARK)

    def gutter_mark(self, index: int) -> str:
        """What stands in the gutter beside option *index*'s first line."""
        if self.has_focus and index == self.highlighted:
            return FOCUS_MARK
        return ""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            index, line_offset = self._lines[round(self.scroll_y) + y]
        except IndexError:
            index, line_offset = -1, -1
        mark = self.gutter_mark(index) if line_offset == 0 else ""
        style = (
            self.get_component_rich_style("option-list--option-highlighted")
            if self.has_focus and index == self.highlighted
            else self.rich_style
        )
        mark = mark.ljust(len(FOCUS_MARK))
        return Strip([Segment(mark, style), *strip], strip.cell_length + len(mark))

    def on_blur(self) -> None:
        self.refresh()

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
