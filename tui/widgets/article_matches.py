"""Search matches in the article view: which there are, which one the reader is on,
and the highlight spans they add to a block."""

from __future__ import annotations

from collections.abc import Sequence

from tui.render.anchors import NAVIGABLE
from tui.render.blocks import RenderedDocument, Span
from tui.render.find import Match, Matches
from tui.render.position import AnchorRef, ReadingPosition


class MatchCursor:
    """All matches of a search, in document order, and the current one (if any)."""

    def __init__(self) -> None:
        self.matches: Matches = Matches()
        self.match_index: int | None = None

    def set(self, matches: Sequence[Match]) -> None:
        """New matches (none to clear); no current one until the reader moves to one."""
        self.matches = matches if isinstance(matches, Matches) else Matches(matches)
        self.match_index = None

    @property
    def current(self) -> Match | None:
        return None if self.match_index is None else self.matches[self.match_index]

    def select(self, index: int) -> Match | None:
        """Make match *index* (taken round the ends) the current one."""
        if not self.matches:
            return None
        self.match_index = index % len(self.matches)
        return self.matches[self.match_index]

    def first_from(self, position: ReadingPosition) -> int | None:
        """The first match at or after *position*, wrapping to the first of all."""
        if not self.matches:
            return None
        index = self.matches.first_from(position.block, position.offset)
        return index if index < len(self.matches) else 0

    def step_target(self, step: int, position: ReadingPosition) -> int | None:
        """The match n (step 1) or N (step -1) goes to from the current one, or from
        *position* when there is none yet; None when there are no matches."""
        if not self.matches:
            return None
        if self.match_index is None:
            start = self.first_from(position) or 0
            return start if step > 0 else start - 1
        return self.match_index + step

    def wraps(self, target: int, step: int, position: ReadingPosition) -> bool:
        """Whether going to *target* (as step_target gave it) passes an end of the article."""
        count = len(self.matches)
        if self.match_index is not None:
            return not 0 <= target < count
        if step < 0:
            return target < 0
        match = self.matches[target % count]
        return (match.block, match.start) < (position.block, position.offset)

    def report(self) -> str:
        """ "Match 3 of 12", for the status line."""
        if self.match_index is None:
            return ""
        return f"Match {self.match_index + 1:,} of {len(self.matches):,}"

    def spans(self, block: int) -> tuple[Span, ...]:
        """Highlights of *block*: its matches, the current one marked apart."""
        found = self.matches.in_block(block)
        if not found:
            return ()
        current = self.match_index
        matches = self.matches
        return tuple(
            Span(
                match.start,
                match.end,
                "match-current" if index == current else "match",
            )
            for index in found
            for match in (matches[index],)
        )


def anchor_from(
    document: RenderedDocument, position: ReadingPosition, step: int
) -> AnchorRef | None:
    """The first citation, note or link after *position* (step 1), or the last before
    it (step -1): where . and , go on from a search match."""
    block = position.block
    while 0 <= block < len(document.blocks):
        anchors = list(enumerate(document.blocks[block].anchors))
        for index, anchor in anchors if step > 0 else anchors[::-1]:
            if anchor.kind not in NAVIGABLE:
                continue
            place = (block, anchor.start)
            here = (position.block, position.offset)
            if (place > here) if step > 0 else (place < here):
                return AnchorRef(block, index)
        block += step
    return None
