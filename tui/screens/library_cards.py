"""The library screen's cards: an article, where to continue, a reading path, and
the problems found in the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

from tui.content import Entry, Library, Problem
from tui.render.blocks import TextBlock
from tui.render.summaries import entry_facts
from tui.state import SavedPosition
from tui.widgets.line_list import ListEntry

if TYPE_CHECKING:
    from tui.content.paths import ReadingPath  # YAML: not for a library without paths

# A reading path's article counts as read from this far on.
READ_PERCENT = 95
DONE, TO_DO = "✓", "○"


def entry_card(entry: Entry, saved: SavedPosition | None) -> ListEntry:
    facts = entry_facts(entry)
    if entry.yours:
        facts = f"yours · {facts}"
    if saved is not None:
        facts = f"{facts} · {saved.percent}% read"
    return ListEntry(
        f"article:{entry.slug}",
        [
            TextBlock(entry.title, style="title"),
            TextBlock(entry.summary, indent=2),
            TextBlock(facts, style="meta", indent=2),
        ],
    )


def continue_card(entry: Entry, saved: SavedPosition) -> ListEntry:
    return ListEntry(
        f"article:{entry.slug}",
        [
            TextBlock(f"Continue reading: {entry.title}", style="title"),
            TextBlock(f"{saved.section} · {saved.percent}% read", style="meta", indent=2),
        ],
    )


def path_card(
    reading_path: ReadingPath, library: Library, positions: dict[str, SavedPosition]
) -> ListEntry:
    steps = []
    done = 0
    for slug in reading_path.articles:
        saved = positions.get(slug)
        finished = saved is not None and saved.percent >= READ_PERCENT
        done += finished
        title = library.articles[slug].title if slug in library.articles else slug
        steps.append(f"{DONE if finished else TO_DO} {title}")
    return ListEntry(
        f"path:{reading_path.id}",
        [
            TextBlock(
                f"Reading path: {reading_path.title} ({done} of {len(steps)} read)",
                style="title",
            ),
            TextBlock(reading_path.summary, indent=2),
            *(TextBlock(step, indent=4) for step in steps),
        ],
    )


def problem_text(problems: list[Problem]) -> Text:
    text = Text(
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the library "
        "(run 'wellread check' for the full list):",
        style="bold",
    )
    for problem in problems[:5]:
        text.append(f"\n  {problem.file_name}:{problem.line}: {problem.message}")
    if len(problems) > 5:
        text.append(f"\n  and {len(problems) - 5} more.")
    return text
