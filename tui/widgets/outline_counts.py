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

from collections.abc import Iterator, Mapping
from dataclasses import replace
from typing import SupportsIndex, overload

from tui.render.blocks import RenderedDocument, Span, TextBlock
from tui.render.layout import Layout
from tui.widgets.list_entries import FlatEntries, ListEntry, PreparedEntries


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
