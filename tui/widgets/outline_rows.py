"""The outline's rows on screen drawn with a search's counts in the search's thread.

A search in a long article counts matches in most sections, so every row of the outline
on screen is new when its result is shown: drawing them was most of the outline's part
of that frame (about 1.5 ms of a first letter's 15-19 ms in `benchmarks/keys.py`). The
search's thread draws them instead, from how the rows looked as it started (`RowLook`),
under the keys the outline looks them up by (tui.widgets.list_strips.ListStrips). A row
drawn for a look that no longer holds (the reader moved, the theme changed) is simply
not looked up, and the outline draws it as before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rich.style import Style
from textual.strip import Strip

from tui.widgets.list_entries import ListEntry, PreparedEntries
from tui.widgets.list_strips import FOCUS_MARK, NO_STYLE, drawn

# The section being read. Not a second triangle beside the focused list's ▶: a screen
# reader says "bullet" here and "right-pointing triangle" there, so the two never blur.
CURRENT = "• "

# A drawn row's key in the outline's kept lines: (line, gutter mark, style).
RowKey = tuple[int, str, Style]


@dataclass(frozen=True)
class RowLook:
    """How the outline draws the rows on screen, taken on the UI thread."""

    top: int  # the first line on screen
    height: int  # lines on screen
    width: int  # cells a row is drawn across
    base: Style  # the outline's own style
    cursor_style: Style
    disabled_style: Style
    cursor: int
    current: int
    focused: bool
    # Render-layer style names to the styles the outline draws them in (others: none).
    styles: Mapping[str, Style]
    # The outline's text styles (component styles, as objects) the above were taken
    # from: rows drawn with them are shown only while they are the outline's.
    text_styles: tuple[object, ...]

    def style_of(self, name: str) -> Style:
        return self.styles.get(name) or Style()


# Rows drawn ahead, with the look they were drawn for.
DrawnRows = tuple[RowLook, dict[RowKey, Strip]]


def row_mark(index: int, cursor: int, current: int, focused: bool) -> str:
    """What stands in the gutter of the first line of entry *index*."""
    if focused and index == cursor:
        return FOCUS_MARK
    return CURRENT if index == current else ""


# Made once: a Style costs 1 to 3 µs to make, and row_style is asked for every row drawn.
BOLD = Style(bold=True)


def row_style(
    index: int, cursor: int, current: int, enabled: bool, cursor_style: Style, disabled: Style
) -> Style:
    """The style over every line of entry *index* (the list's own style goes under it)."""
    style = cursor_style if index == cursor else disabled if not enabled else NO_STYLE
    return style + BOLD if index == current else style


def drawn_rows(
    look: RowLook, prepared: PreparedEntries, plain: list[ListEntry]
) -> dict[RowKey, Strip]:
    """The rows on screen of *prepared* (laid out already) drawn as *look* says;
    *plain*: the entries without counts (whether each is enabled)."""
    layout = prepared.layout
    if layout is None or not plain:
        return {}
    flat = prepared.flat
    rows: dict[RowKey, Strip] = {}
    for index in range(look.top, min(look.top + look.height, len(layout.lines))):
        line = layout.lines[index]
        if line.blank:
            continue
        block = flat.document.blocks[line.block]
        entry = block.section_index
        mark = ""
        if line.first and line.block == flat.first_block[entry]:
            mark = row_mark(entry, look.cursor, look.current, look.focused)
        style = look.base + row_style(
            entry,
            look.cursor,
            look.current,
            plain[entry].enabled,
            look.cursor_style,
            look.disabled_style,
        )
        rows[(index, mark, style)] = drawn(
            layout, look.width, line, block, mark, style, look.style_of
        )
    return rows
