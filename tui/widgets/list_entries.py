"""The items of a LineList and their text flattened into one laid-out document, made
ahead of showing (in a thread for a long article's outline) or when set."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.render.blocks import RenderedDocument, TextBlock
from tui.render.layout import Layout


@dataclass
class ListEntry:
    """One item: its id (a slug, a reference id) and the blocks it shows."""

    id: str
    blocks: list[TextBlock]
    enabled: bool = True


@dataclass
class FlatEntries:
    document: RenderedDocument
    first_block: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class PreparedEntries:
    """Entries flattened and laid out ahead of showing (thousands take over a frame)."""

    entries: list[ListEntry]
    flat: FlatEntries
    layout: Layout | None


def prepare_entries(entries: list[ListEntry], gap: int, width: int) -> PreparedEntries:
    flat = flatten_entries(entries, gap)
    layout = Layout(flat.document, width)
    layout.extend()
    return PreparedEntries(entries, flat, layout)


def flatten_entries(entries: list[ListEntry], gap: int) -> FlatEntries:
    blocks: list[TextBlock] = []
    first_block: list[int] = []
    for index, entry in enumerate(entries):
        first_block.append(len(blocks))
        for position, block in enumerate(entry.blocks):
            block.section_index = index
            if position == 0:
                block.blank_before = gap
            blocks.append(block)
    return FlatEntries(RenderedDocument(blocks, []), first_block)


def item_lines(flat: FlatEntries, layout: Layout, index: int) -> tuple[int, int]:
    """First text line of item *index* in *layout* and the line after its last."""
    first = layout.block_lines[flat.first_block[index]]
    if index + 1 >= len(flat.first_block):
        return first, len(layout.lines)
    after = flat.first_block[index + 1]  # the next item's first block
    return first, layout.block_lines[after] - flat.document.blocks[after].blank_before


def item_at_line(flat: FlatEntries, layout: Layout, y: int) -> int:
    """The item whose text is on line *y* of *layout* (the nearest line if beyond)."""
    if not layout.lines:
        return 0
    line = layout.lines[max(0, min(y, len(layout.lines) - 1))]
    return flat.document.blocks[line.block].section_index
