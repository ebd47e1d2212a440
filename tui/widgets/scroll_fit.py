"""A scroll view's scroll bars fitted only when what they depend on changes, and its
virtual size set without laying the screen out again when the scroll bar it has stays.

Every layout of the screen (r and e showing a list) hands each scroll view the size of
its arranged children as its virtual size; a list's is its lines, so Textual took each
layout for a change and redrew every list's scroll bar (see `fitted_for`).

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


def fitted_for(widget: Widget, size: Size, container_size: Size) -> tuple[object, ...]:
    """All a scroll view's bars are fitted to: the same again needs no fitting."""
    styles = widget.styles
    return (
        size,
        container_size,
        widget.virtual_size,
        styles.scrollbar_size_vertical,
        styles.scrollbar_size_horizontal,
        styles.overflow_x,
        styles.overflow_y,
        styles.scrollbar_gutter,
    )


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
