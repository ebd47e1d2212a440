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
