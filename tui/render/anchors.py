"""Moving between the anchors of a laid-out document (citations, notes, links, terms).

Pure functions of the document and its layout, so the view only keeps which anchor
is focused; they lay out blocks as far as they need to look.
"""

from __future__ import annotations

from tui.render.blocks import RenderedDocument, Span
from tui.render.layout import Layout
from tui.render.position import AnchorRef, ReadingPosition

# Anchors a reader moves between; footnote bodies are only places to jump to.
NAVIGABLE = frozenset({"citation", "footnote", "link", "article", "reference", "term"})


def find_anchor(document: RenderedDocument, kind: str, target: str) -> AnchorRef | None:
    """The first anchor of *kind* that points at *target*."""
    for block_index, block in enumerate(document.blocks):
        for index, anchor in enumerate(block.anchors):
            if anchor.kind == kind and target in anchor.targets:
                return AnchorRef(block_index, index)
    return None


def anchor_start(document: RenderedDocument, ref: AnchorRef) -> ReadingPosition:
    return ReadingPosition(ref.block, document.blocks[ref.block].anchors[ref.anchor_index].start)


def anchor_span(document: RenderedDocument, ref: AnchorRef) -> Span:
    """The focus highlight over the anchor's text."""
    anchor = document.blocks[ref.block].anchors[ref.anchor_index]
    return Span(anchor.start, anchor.end, "anchor-focus")


def anchor_line(layout: Layout, ref: AnchorRef) -> int:
    """The layout line holding the start of the anchor (laying out up to it if need be)."""
    layout.ensure_block(ref.block)
    return layout.line_for(anchor_start(layout.document, ref))


def _navigable(document: RenderedDocument, block: int, step: int) -> list[AnchorRef]:
    """Navigable anchors of *block*, in reading order or reversed."""
    anchors = [
        AnchorRef(block, index)
        for index, anchor in enumerate(document.blocks[block].anchors)
        if anchor.kind in NAVIGABLE
    ]
    return anchors if step > 0 else anchors[::-1]


def next_anchor(document: RenderedDocument, origin: AnchorRef, step: int) -> AnchorRef | None:
    """The navigable anchor after (step 1) or before (step -1) *origin*."""
    block = origin.block
    while 0 <= block < len(document.blocks):
        for ref in _navigable(document, block, step):
            if (ref > origin) if step > 0 else (ref < origin):
                return ref
        block += step
    return None


def anchor_near(layout: Layout, y: int, step: int) -> AnchorRef | None:
    """The first anchor on or after line *y* (step 1), or on or before it (step -1)."""
    document = layout.document
    block = layout.lines[y].block
    while 0 <= block < len(document.blocks):
        for ref in _navigable(document, block, step):
            line = anchor_line(layout, ref)
            if (line >= y) if step > 0 else (line <= y):
                return ref
        block += step
    return None
