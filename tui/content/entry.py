"""A library file as the list knows it (Entry), and an exercise card's facts: the part of
the content model the library screen and `wellread list` need, kept apart from the
article model (tui.content.model) so that opening the library does not make it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.content.problems import Problem

if TYPE_CHECKING:  # the list never needs YAML: `wellread list` does not import it
    from tui.content.frontmatter import FrontMatter


def reading_minutes(words: int) -> int:
    # About 200 words a minute: a careful pace for health material.
    return max(1, round(words / 200))


@dataclass(eq=False, slots=True)  # slots: 50,000 of them at once, a quarter smaller
class Entry:
    """A library file as listed: what the list shows, its body not yet parsed.

    The full front matter is read again from the file when something needs it (an
    article opening, `check`), so 50,000 listed files hold only their list data.
    """

    kind: str  # "article" or "exercise"
    slug: str
    path: Path
    title: str
    summary: str
    tags: list[str]
    word_count: int
    # The front matter when it is at hand (just parsed); None when listed from the cache.
    loaded: FrontMatter | None = field(default=None, repr=False)
    problems: list[Problem] = field(default_factory=list)
    # The library folder the file is in; `yours`: the reader's own folder, not the bundled one.
    root: Path | None = None
    yours: bool = False
    body_line: int = 1
    related_exercises: tuple[str, ...] = ()
    related_articles: tuple[str, ...] = ()
    # An exercise card's facts, listed without parsing its body.
    facts: ExerciseFacts | None = None
    # The file's size and modification time when the library was listed (-1: unknown);
    # the search index compares them instead of asking the disk again.
    size: int = -1
    mtime_ns: int = -1

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)

    @property
    def front(self) -> FrontMatter:
        """The whole front matter and body; read from the file when not at hand."""
        if self.loaded is not None:
            return self.loaded
        from tui.content.documents import reread_front

        return reread_front(self)


@dataclass(frozen=True)
class ExerciseFacts:
    """What a card's front matter says, enough to list it without parsing its body."""

    slug: str
    title: str
    kind: str
    impact: str
    equipment: tuple[str, ...]
    dose: str
    cautions: tuple[str, ...]
