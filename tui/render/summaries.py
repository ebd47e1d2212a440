"""Short descriptions for lists: an exercise card in a few lines, a library entry,
and what a reading path says about where the reader is.

Every view (the reader's sidebar, the linear mode, `wellread read`) builds its
related-exercise facts here, so they all say the same thing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.content.entry import Entry, ExerciseFacts
from tui.content.library import Library
from tui.content.paths import ReadingPath
from tui.content.vocab import IMPACTS, KINDS, caution_label

if TYPE_CHECKING:  # the library screen lists entries: it need not make the article model
    from tui.content.model import Article

# A reading path's article counts as read from this far on.
READ_PERCENT = 95


def exercise_lines(exercise: ExerciseFacts, suggested: bool = False) -> list[str]:
    """Title, then kind and impact, equipment, and cautions, one fact per line; for an
    imported article, a last line saying the card was suggested, not chosen."""
    kind = KINDS.get(exercise.kind, exercise.kind)
    impact = IMPACTS.get(exercise.impact, exercise.impact)
    lines = [
        exercise.title,
        f"{kind} · {impact}",
        "Equipment: " + (", ".join(exercise.equipment) or "none"),
    ]
    if exercise.cautions:
        lines.append("Take care: " + ", ".join(caution_label(code) for code in exercise.cautions))
    if suggested:
        lines.append("Suggested from the article's words, not by a clinician")
    return lines


def related_exercise_facts(library: Library, article: Article) -> list[ExerciseFacts]:
    """The facts of each card the article names that the library holds, in its order."""
    return [
        library.exercise_facts(slug)
        for slug in article.related_exercises
        if slug in library.exercises
    ]


def entry_facts(entry: Entry) -> str:
    parts = [f"{entry.reading_minutes} min read"]
    if entry.tags:
        parts.append(", ".join(entry.tags))
    return " · ".join(parts)


def next_in_path(library: Library, slug: str) -> tuple[str, str, str] | None:
    """(path title, next slug, its title) on the first reading path *slug* is on."""
    for reading_path in library.paths:
        following = reading_path.next_after(slug)
        if following is not None and following in library.articles:
            return reading_path.title, following, library.articles[following].title
    return None


@dataclass(frozen=True)
class PathStep:
    slug: str
    title: str
    available: bool  # the library holds the article
    finished: bool


def path_steps(
    reading_path: ReadingPath, library: Library, percents: Mapping[str, int]
) -> list[PathStep]:
    """Each article of a path, with whether it is read (*percents*: slug -> % read)."""
    steps = []
    for slug in reading_path.articles:
        entry = library.articles.get(slug)
        steps.append(
            PathStep(
                slug,
                entry.title if entry is not None else slug,
                entry is not None,
                percents.get(slug, 0) >= READ_PERCENT,
            )
        )
    return steps


def first_unread(steps: list[PathStep]) -> PathStep | None:
    """Where a path goes on: its first article not read yet (the first, when all are)."""
    available = [step for step in steps if step.available]
    unread = [step for step in available if not step.finished]
    chosen = unread or available
    return chosen[0] if chosen else None
