"""One history across every screen: the places left by going back, to go forward to.

The back list is Textual's own screen stack (each screen keeps its selection, scroll
and focus while it waits under the one on top). What a stack cannot hold is the way
forward: a screen closed by going back is gone. So each one leaves a `Place` here, a
few plain values from which the app builds it again (an article reopens at the place
the reading state kept for it; search results at their query and selected result).
Pure data: no textual, no disk.
"""

from __future__ import annotations

from dataclasses import dataclass

# Enough to retrace a session's steps; older ones fall off the far end.
MOST_AHEAD = 50


@dataclass(frozen=True)
class Place:
    """A screen as it was left: its kind, what it showed, and where its cursor stood."""

    kind: str  # "article", "card", "search", "bookmarks", "glossary", "exercises", "mine", "help"
    key: str = ""  # the article's or card's slug, or the search words
    cursor: int = 0  # the selected result, or the card's section


class History:
    """The places ahead of the current screen, nearest last."""

    def __init__(self) -> None:
        self._ahead: list[Place] = []

    def left(self, place: Place) -> None:
        """Going back from *place*: going forward returns to it."""
        self._ahead.append(place)
        del self._ahead[:-MOST_AHEAD]

    def forward(self) -> Place | None:
        """The place to go forward to, taken off the list; None when nothing is ahead."""
        return self._ahead.pop() if self._ahead else None

    def went_elsewhere(self) -> None:
        """A new step (not back, not forward): the way ahead no longer leads anywhere."""
        self._ahead.clear()

    @property
    def ahead(self) -> tuple[Place, ...]:
        return tuple(self._ahead)
