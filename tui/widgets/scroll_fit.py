"""A scroll view's virtual size set without laying the screen out again, when the
scroll bar it has stays.

Textual's virtual size is a layout reactive: setting it lays the whole screen out and
draws the frame that follows, though a list's own size does not depend on it. While
the vertical scroll bar is shown and stays shown (the old and the new height are both
taller than the window), only the bar's thumb changes: the size is set quietly and the
bar fitted, as Textual does after a layout. The sidebar's reference list, shown again
by r with a size worked out for the width it had before its scroll bar came, would
otherwise lay the screen out twice.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


def fit_quietly(widget: Widget, size: Size) -> bool:
    """Give *widget* virtual *size* without a layout if its vertical scroll bar stays;
    False (nothing done) if it may come or go."""
    window = widget.container_size.height
    stays = min(size.height, widget.virtual_size.height) > window
    if not (widget.show_vertical_scrollbar and stays):
        return False
    if size != widget.virtual_size:
        widget.set_reactive(Widget.virtual_size, size)
        # Textual's own steps after a layout: the bars follow the new size, and the size
        # is noted as fitted (so the next layout does not fit and draw them again).
        widget._scroll_update(size)
        widget._size_updated(widget.outer_size, size, widget.container_size)
    return True
