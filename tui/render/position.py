"""Places in a rendered document, independent of any width or screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


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
