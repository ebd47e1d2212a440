"""Places in a rendered document, independent of any width or screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from tui.render.blocks import RenderedDocument


@dataclass(frozen=True, order=True)
class ReadingPosition:
    """A character of the document: the block and the offset within its text."""

    block: int
    offset: int


class AnchorRef(NamedTuple):
    """One anchor (citation, note, link) of a document: its block and its index there."""

    block: int
    anchor_index: int


@dataclass(frozen=True)
class Place:
    """A place to come back to: the top of the view and the focused anchor, if any."""

    position: ReadingPosition
    anchor: AnchorRef | None


def place_in(
    document: RenderedDocument, position: ReadingPosition | None
) -> ReadingPosition | None:
    """*position* if its block is in *document*; None when it is not (a preview not
    reaching it yet); the last block when the document is whole but shorter (a place
    saved in a longer version of the article)."""
    if position is None or position.block < len(document.blocks):
        return position
    if document.partial:
        return None
    return ReadingPosition(len(document.blocks) - 1, 0)
