"""The outline pane: numbered sections and subsections, the current one marked."""

from __future__ import annotations

from collections.abc import Mapping

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.content.section_label import section_number_prefix
from tui.render.blocks import OutlineEntry, Span, TextBlock
from tui.widgets.line_list import LineList, ListEntry, PreparedEntries
from tui.widgets.list_strips import TEXT_CLASSES
from tui.widgets.outline_counts import (
    CountedBlocks,
    CountedEntries,
    OutlineStrips,
    counted_entries,
)
from tui.widgets.outline_rows import DrawnRows, RowLook, row_mark, row_style

# Rows kept by what they show: a few screens of them, with and without counts.
KEPT_ROWS = 256


def outline_entries(
    entries: list[OutlineEntry], counts: Mapping[int, int] | None = None
) -> list[ListEntry]:
    """Outline items; with *counts*, each says how many search matches it holds."""
    items = []
    for index, entry in enumerate(entries):
        number = section_number_prefix(entry.number, entry.level)
        indent = 2 if entry.level == 3 else 0
        title = entry.title
        found = (counts or {}).get(index, 0)
        block = TextBlock(title, prefix=number, indent=indent)
        if found:
            block.text = f"{title} ({found} found)"
            block.spans = [Span(len(title) + 1, len(block.text), "strong")]
        items.append(ListEntry(str(index), [block]))
    return items


class Outline(LineList):
    """Lists the document's sections; Enter asks the screen to go to one."""

    HELP_NAME = "Contents"
    GAP = 0

    class SectionSelected(Message):
        def __init__(self, outline: Outline, section_index: int) -> None:
            super().__init__()
            self.outline = outline
            self.section_index = section_index

        @property
        def control(self) -> Outline:
            return self.outline

    def __init__(
        self,
        sections: list[OutlineEntry] | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        # The entries without counts, kept: a search closed in a long article shows
        # them again without making thousands anew.
        self._plain = outline_entries(sections or [])
        self._plain_prepared: PreparedEntries | None = None
        super().__init__(self._plain, id=id, classes=classes)
        self._strips: OutlineStrips = OutlineStrips()
        self.current = 0
        self.sections: list[OutlineEntry] = sections or []
        self.counts: Mapping[int, int] = {}
        self._rows: LRUCache[tuple[int | Segment, ...], Strip] = LRUCache(KEPT_ROWS)

    def set_sections(self, entries: list[OutlineEntry], keep_place: bool = False) -> None:
        """New sections; with *keep_place* (the whole article after its preview) the
        marker and cursor stay where they were."""
        current, cursor = (self.current, self.cursor) if keep_place else (0, 0)
        self.current = current
        self.sections = entries
        self.counts = {}
        self._plain = outline_entries(entries)
        self._plain_prepared = None
        self._strips.clear()
        self.set_entries(self._plain, cursor=cursor, keep_scroll=keep_place)

    def set_match_counts(
        self,
        counts: Mapping[int, int],
        prepared: PreparedEntries | None = None,
        rows: DrawnRows | None = None,
    ) -> None:
        """Show how many search matches each section holds (none: plain titles);
        *prepared*: the outline's entries with these counts (counted_entries), laid out
        already in a thread; *rows*: its rows on screen drawn there too, and the look
        they were drawn for (outline_rows.drawn_rows)."""
        if dict(counts) == dict(self.counts):
            return
        if not self.counts:
            self._plain_prepared = self.prepared
            self._strips.pin()  # its drawn lines too, for Esc
        plain = self.plain
        self.counts = counts
        if not counts:
            prepared = plain
        elif not (
            prepared is not None
            and isinstance(prepared.entries, CountedEntries)
            and prepared.entries.plain is self._plain
        ):
            prepared = counted_entries(plain, counts)  # not from this outline's entries
            rows = None
        self.set_entries(prepared.entries, cursor=self.cursor, keep_scroll=True, prepared=prepared)
        if rows is not None and prepared.layout is not None:
            look, drawn = rows
            # Drawn in the text styles the outline draws in still: taken as its own.
            strips = self._strips
            if strips.drawn_in(look.text_styles) and strips.drawn_in(self._text_styles()):
                strips.seed(prepared.layout, look.width, drawn)

    @property
    def plain(self) -> PreparedEntries:
        """The entries without counts as shown (flattened, laid out if they have been)."""
        if self.counts and self._plain_prepared is not None:
            return self._plain_prepared
        return self.prepared

    def _update_size(self) -> None:
        # Counts shown or cleared change how many lines the outline has, which would
        # lay the whole screen out again (its virtual size is a layout reactive). The
        # outline's own size does not depend on it; while the scroll bar stays, it is
        # fitted to the new height quietly, as Textual does after a layout.
        size = Size(self.text_width, len(self._current_layout().lines))
        window = self.container_size.height
        if self.show_vertical_scrollbar and min(size.height, self.virtual_size.height) > window:
            if size != self.virtual_size:
                self.set_reactive(Widget.virtual_size, size)
                self._scroll_update(size)
                # Noted as fitted, so the next layout does not fit (and draw) them again.
                self._size_updated(self.outer_size, size, self.container_size)
            return
        self.virtual_size = size

    def mark_current(self, entry: int) -> None:
        """Move the current-section marker; the cursor follows unless the reader is here."""
        if not self.entries or entry == self.current:
            return
        previous, self.current = self.current, entry
        if not self.has_focus:
            self.move_cursor(entry)
        self.refresh_entries(previous, entry)

    def render_line(self, y: int) -> Strip:
        # Counts shown, changed or cleared make the outline's lines anew (a new layout),
        # though most rows on screen show what they showed before: a title without
        # matches, the line of a title above its count. The row drawn before is handed
        # back for those, and its border and colours, kept by the row (ComposedLines),
        # are not worked out again: a search's outline costs the rows that changed.
        strip = super().render_line(y)
        key = (strip.cell_length, *strip)
        kept = self._rows.get(key)
        if kept is None:
            self._rows[key] = kept = strip
        return kept

    def gutter_mark(self, index: int) -> str:
        return row_mark(index, self.cursor, self.current, self.has_focus)

    def entry_enabled(self, index: int) -> bool:
        # Read from the entry without its count: a counted entry is made when asked
        # for (outline_counts), and a search's outline would make one a line drawn.
        entries = self.entries
        plain = entries.plain if isinstance(entries, CountedEntries) else entries
        return plain[index].enabled

    def entry_of_block(self, block: int) -> int:
        # From the block without its count: the one with it is made only to be drawn.
        blocks = self._flat.document.blocks
        if isinstance(blocks, CountedBlocks):
            return blocks.plain(block).section_index
        return blocks[block].section_index

    def entry_style(self, index: int) -> Style:
        frame = self._frame
        enabled = self.entry_enabled(index)
        return row_style(index, self.cursor, self.current, enabled, frame.cursor, frame.disabled)

    def row_look(self) -> RowLook | None:
        """How the rows on screen are drawn now, for a thread to draw them with a
        search's counts (tui.widgets.outline_rows); None while a restyle is still to
        be drawn (the rows would be drawn in the styles of before)."""
        text_styles = self._text_styles()
        if not self.size or not self.entries or not self._strips.drawn_in(text_styles):
            return None
        base, cursor, disabled = self._frame_styles.of(
            self, "line-list--cursor", "line-list--disabled"
        )
        prefix = "line-list--"  # the names TextStyles looks up (tui.widgets.strips)
        names = [name.removeprefix(prefix) for name in self.COMPONENT_CLASSES]
        return RowLook(
            top=round(self.scroll_y),
            height=self.scrollable_content_region.height,
            width=self.scrollable_content_region.width,
            base=base,
            cursor_style=cursor,
            disabled_style=disabled,
            cursor=self.cursor,
            current=self.current,
            focused=self.has_focus,
            styles={name: self._style(name) for name in names},
            text_styles=text_styles,
        )

    def _text_styles(self) -> tuple[object, ...]:
        return tuple(map(self._component_styles.get, TEXT_CLASSES))

    def selected_message(self, index: int, entry_id: str) -> Message:
        return self.SectionSelected(self, index)
