"""The outline's entries with how many search matches each section holds, made as they
are read rather than all at once.

A long article's outline has thousands of entries, and each search in it counts
matches in most of them. Made anew as objects at every search, those entries were
tens of thousands of objects that outlived the search: their making cost the UI
thread little (a thread made them) but their number set off full garbage
collections (50 to 130 ms) on the UI thread every few keys. Here the entries and
blocks without counts are kept, and an entry with a count is made when a layout or
a drawn line asks for it, then let go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import replace
from typing import SupportsIndex, overload

from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip

from tui.render.blocks import RenderedDocument, Span, TextBlock
from tui.render.layout import Layout, Line
from tui.widgets.list_entries import FlatEntries, ListEntry, PreparedEntries
from tui.widgets.list_strips import KEPT_LINES, ListStrips


def counted_block(block: TextBlock, found: int) -> TextBlock:
    """*block* (an outline entry's title) saying how many matches its section holds."""
    title = block.text
    text = f"{title} ({found} found)"
    spans = [*block.spans, Span(len(title) + 1, len(text), "strong")]
    return replace(block, text=text, spans=spans)


class CountedBlocks(list[TextBlock]):
    """The outline's flattened blocks (one an entry), with counts added as each is read.

    A list of the blocks without counts, so it costs one object; reading an item
    (by index or in a loop) gives it with its count, if its section has matches.
    """

    def __init__(self, blocks: list[TextBlock], counts: Mapping[int, int]) -> None:
        super().__init__(blocks)
        self.counts = counts

    def _counted(self, block: TextBlock) -> TextBlock:
        found = self.counts.get(block.section_index, 0)
        return counted_block(block, found) if found else block

    def plain(self, index: int) -> TextBlock:
        """Block *index* without its count (which entry it belongs to, say)."""
        return list.__getitem__(self, index)

    @overload
    def __getitem__(self, index: SupportsIndex) -> TextBlock: ...

    @overload
    def __getitem__(self, index: slice) -> list[TextBlock]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> TextBlock | list[TextBlock]:
        if isinstance(index, slice):
            return [self._counted(block) for block in list.__getitem__(self, index)]
        return self._counted(list.__getitem__(self, index))

    def __iter__(self) -> Iterator[TextBlock]:
        return (self._counted(block) for block in list.__iter__(self))


class CountedEntries(list[ListEntry]):
    """The outline's entries without counts (*plain*), with counts added as each is read."""

    def __init__(self, plain: list[ListEntry], counts: Mapping[int, int]) -> None:
        super().__init__(plain)
        self.plain = plain
        self.counts = counts

    def _counted(self, index: int, entry: ListEntry) -> ListEntry:
        found = self.counts.get(index, 0)
        if not found:
            return entry
        blocks = [counted_block(entry.blocks[0], found), *entry.blocks[1:]]
        return ListEntry(entry.id, blocks, entry.enabled)

    @overload
    def __getitem__(self, index: SupportsIndex) -> ListEntry: ...

    @overload
    def __getitem__(self, index: slice) -> list[ListEntry]: ...

    def __getitem__(self, index: SupportsIndex | slice) -> ListEntry | list[ListEntry]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        number = index.__index__()
        if number < 0:
            number += len(self)
        return self._counted(number, list.__getitem__(self, number))

    def __iter__(self) -> Iterator[ListEntry]:
        return (self._counted(i, entry) for i, entry in enumerate(list.__iter__(self)))


def counted_entries(
    plain: PreparedEntries, counts: Mapping[int, int], width: int | None = None
) -> PreparedEntries:
    """The outline entries of *plain* (one block each, as flattened for showing) with
    *counts*; laid out at *width* when given (in a thread: a long outline takes a
    frame), otherwise when first shown."""
    flat = plain.flat
    blocks = CountedBlocks(flat.document.blocks, counts)
    counted = FlatEntries(RenderedDocument(blocks, []), flat.first_block)
    layout = None
    if width is not None:
        layout = Layout(counted.document, width)
        layout.extend()
    return PreparedEntries(CountedEntries(plain.entries, counts), counted, layout)


class OutlineStrips(ListStrips):
    """The outline's drawn lines, with those of its entries without counts kept while a
    search's are shown.

    A list forgets its drawn lines when it shows another layout. The outline goes
    from its entries without counts to a search's (one layout a query) and back at
    Esc, to the very layout shown before the search: every row of it was drawn again.
    Here that layout's lines are kept aside (pinned) and taken back."""

    def __init__(self) -> None:
        super().__init__()
        self._pinned: tuple[Layout, int, LRUCache[tuple[int, str, Style], Strip]] | None = None

    def pin(self) -> None:
        """Keep the lines of the layout drawn now until it is shown again."""
        layout, width = self._drawn_for
        self._pinned = None if layout is None else (layout, width, self._strips)

    def clear(self) -> None:
        super().clear()
        self._pinned = None

    def drawn_with(
        self, text_styles: tuple[object, ...], values: Callable[[], tuple[Style, ...]]
    ) -> bool:
        changed = super().drawn_with(text_styles, values)
        if changed:
            self._pinned = None  # drawn with the styles of before
        return changed

    def seed(
        self, layout: Layout, width: int, rows: Mapping[tuple[int, str, Style], Strip]
    ) -> None:
        """Keep *rows* of *layout* at *width*, drawn elsewhere (outline_rows.drawn_rows)
        under the keys `line` looks them up by, as if drawn here."""
        self._switch(layout, width)
        for key, strip in rows.items():
            self._strips[key] = strip

    def _switch(self, layout: Layout, width: int) -> None:
        if self._drawn_for[0] is not layout or self._drawn_for[1] != width:
            pinned = self._pinned
            if pinned is not None and pinned[0] is layout and pinned[1] == width:
                self._strips = pinned[2]
            elif pinned is not None and self._strips is pinned[2]:
                # Not emptied by ListStrips: the pinned lines stay as they are.
                self._strips = LRUCache(KEPT_LINES)
            else:
                self._strips.clear()
            self._drawn_for = (layout, width)

    def line(
        self,
        layout: Layout,
        width: int,
        index: int,
        line: Line,
        blocks: Sequence[TextBlock],
        mark: str,
        style: Style,
        style_of: Callable[[str], Style],
    ) -> Strip:
        self._switch(layout, width)
        return super().line(layout, width, index, line, blocks, mark, style, style_of)
