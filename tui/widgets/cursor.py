"""Where the terminal cursor stands, and how it looks when shown.

Screen readers and braille displays follow the terminal cursor, so it goes where the
reader's attention is: the focused widget says where (its own cursor_cell), a text
field's caret, or else the widget's first line.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.geometry import Offset
from textual.widget import Widget
from textual.widgets import Input

# The terminal cursor shown and steady (DECTCEM, then DECSCUSR 2: a steady block), or
# hidden; 0 gives the terminal back its own cursor shape on the way out.
SHOW_STEADY_CURSOR = "\x1b[?25h\x1b[2 q"
HIDE_CURSOR = "\x1b[?25l"
DEFAULT_CURSOR_SHAPE = "\x1b[0 q"


def focus_cell(widget: Widget | None) -> Offset | None:
    """The cell a screen reader should follow for a focused widget: its own answer
    (a list's item, the article's line), an input's caret, else its first line."""
    if widget is None or not widget.content_region:
        return None
    # The article view answers with a screen cell (cursor_offset); lists with cursor_cell.
    own = getattr(widget, "cursor_offset", None) or getattr(widget, "cursor_cell", None)
    if callable(own):
        cell = own()
        return cell if isinstance(cell, Offset) else None
    if isinstance(widget, Input):
        # The caret as drawn (Textual's own cursor_screen_offset is a cell to the right
        # of it when the caret is at the end of the text).
        region = widget.content_region
        caret = cell_len(widget.value[: widget.cursor_position])
        return Offset(region.x + caret - round(widget.scroll_x), region.y)
    return widget.content_region.offset
