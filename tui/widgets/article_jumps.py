"""Section jumps of the article view: the one it waits to make, and the section it was
asked to show, which counts as the current one while the view stays there."""

from __future__ import annotations

from dataclasses import dataclass

from tui.render.layout import Layout
from tui.render.progress import section_index_at_top


@dataclass(frozen=True)
class SectionJump:
    """A jump to the heading of outline entry *section_index*."""

    section_index: int


@dataclass(frozen=True)
class EndJump:
    """A jump to the end of the article (G)."""


# A jump asked for before the layout (or the whole article) reached its target.
PendingJump = SectionJump | EndJump


@dataclass(frozen=True)
class PinnedSection:
    """After a jump to a section, the view's section is the one asked for while the
    view stays on *top_line*, even when the end of the article kept the heading from
    reaching the top."""

    section_index: int
    top_line: int


class SectionJumps:
    """The jump waiting for its target (if any) and the section last jumped to."""

    def __init__(self) -> None:
        self.pending: PendingJump | None = None
        self.pinned: PinnedSection | None = None

    def reset(self) -> None:
        self.pending = None
        self.pinned = None

    def section_index(self, layout: Layout, top_line: int) -> int:
        """The outline entry the reader is in, with the view's top at *top_line*."""
        if not layout.lines:
            return 0
        top = min(top_line, len(layout.lines) - 1)
        if self.pinned is not None and self.pinned.top_line == top:
            return self.pinned.section_index
        return section_index_at_top(layout, top)

    def target_line(self, layout: Layout, whole: bool, end_line: int) -> int | None:
        """The top line the waiting jump lands on, or None while its target has not
        arrived. *whole*: all the article is laid out; *end_line*: the last top line."""
        jump = self.pending
        if jump is None:
            return None
        if isinstance(jump, EndJump):
            return end_line if whole else None
        if jump.section_index >= len(layout.document.outline):
            return None
        return layout.section_line(jump.section_index)

    def landed(self, top_line: int, last_section: int) -> bool:
        """The waiting jump was made and the view's top is now *top_line*; True when
        that pinned a section. The end of the article (G) pins *last_section*, the one
        holding the last line: that is where the reader asked to be."""
        jump, self.pending = self.pending, None
        if isinstance(jump, SectionJump):
            self.pinned = PinnedSection(jump.section_index, top_line)
            return True
        if isinstance(jump, EndJump):
            self.pinned = PinnedSection(last_section, top_line)
            return True
        return False

    def next_index(self, current: int) -> int:
        """Where ] goes: past the section a waiting jump is for, else past *current*."""
        pending = self.pending
        return (pending.section_index if isinstance(pending, SectionJump) else current) + 1

    def previous_index(self, layout: Layout, current: int, top_line: int) -> int:
        """Where [ goes: mid-section, first back to this section's own heading."""
        start = layout.section_line(current)
        pinned_here = self.pinned is not None and self.pinned.top_line == top_line
        if start is not None and top_line > start and not pinned_here:
            return current
        return current - 1
