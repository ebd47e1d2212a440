"""Where a reader is in a laid-out document: the section at the top of the view and
how much of the article they have seen."""

from __future__ import annotations

from tui.render.blocks import OutlineEntry, RenderedDocument
from tui.render.layout import Layout


def section_index_at_top(layout: Layout, top_line: int) -> int:
    """The outline entry of the view whose top is *top_line*."""
    if not layout.lines:
        return 0
    top = min(top_line, len(layout.lines) - 1)
    line = layout.lines[top]
    if line.blank and line.block > 0:
        # A gap above a heading still belongs to the section before it.
        return layout.document.blocks[line.block - 1].section_index
    return layout.section_index_at(top)


def percent_read(layout: Layout, top_line: int, page_height: int) -> int:
    """How much has been on screen, as a whole percentage of the whole article (a
    preview counts as its share of it)."""
    document = layout.document
    if not layout.lines:
        return 0
    share = document.share
    if layout.complete:
        total = len(layout.lines)
        seen = min(total, top_line + page_height)
        if seen >= total and not document.partial:
            return 100
        return int(seen * 100 * share / total)
    # Still laying out: count by blocks, which are all known.
    last = min(top_line + page_height, len(layout.lines) - 1)
    return int(layout.block_of_line(last) * 100 * share / len(document.blocks))


def thumb_rows(layout: Layout, top_line: int, height: int) -> range:
    """The rows of a view *height* rows high where the position thumb is drawn (a
    preview's thumb is sized for the whole article)."""
    if len(layout.lines) <= height:
        return range(0)
    total = len(layout.lines)
    if layout.document.partial:
        total = int(total / max(layout.document.share, 0.01))
    size = max(1, height * height // total)
    start = min(height - size, top_line * height // total)
    return range(start, start + size)


def section_status(entry: OutlineEntry, document: RenderedDocument) -> str:
    """ "Section 2 of 6" inside numbered sections (and their subsections), else the part's name."""
    if entry.number:
        top = entry.number.split(".")[0]
        if document.partial:
            return f"Section {top} (still opening the rest)"
        return f"Section {top} of {document.section_count}"
    return entry.title
