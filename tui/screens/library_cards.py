"""The library screen's cards: an article, where to continue, a reading path, the
search, the ends of the list, and the problems found in the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.cache import LRUCache

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


class KeptCards:
    """Article cards made once and handed out again while their article and the
    reader's place in it stay the same: each key of the filter lists the cards anew,
    mostly the ones it listed before, and a card given again is drawn from the lines
    kept for it (list_strips.BlockStrips)."""

    # A few screens of "Show more" beyond the hundred cards a list starts with.
    KEPT = 1024

    def __init__(self) -> None:
        self._cards: LRUCache[str, tuple[Entry, int | None, ListEntry]] = LRUCache(self.KEPT)

    def card(self, entry: Entry, saved: SavedPosition | None) -> ListEntry:
        percent = None if saved is None else saved.percent
        kept = self._cards.get(entry.slug)
        # The very entry: a changed article is a new Entry, and makes a new card.
        if kept is not None and kept[0] is entry and kept[1] == percent:
            return kept[2]
        card = entry_card(entry, saved)
        self._cards.discard(entry.slug)  # Textual's LRUCache keeps a key's first value
        self._cards[entry.slug] = (entry, percent, card)
        return card


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


def search_card() -> ListEntry:
    return ListEntry(
        "search",
        [
            TextBlock("Search every article (s)", style="title"),
            TextBlock("Find where the library speaks of a word or phrase.", indent=2),
        ],
    )


def last_card(
    library: Library, shown: int, matching: int, partial: bool, window: int
) -> ListEntry | None:
    """What follows the *shown* articles of the *matching* ones (at least that many
    when *partial*, the rest being looked for): a note, "Show more" (up to *window*
    more), or nothing."""
    if partial:
        # Found late in a large library, or not at all so far: the rest are looked
        # through in a thread, and the list is drawn again when they are.
        return ListEntry("", [TextBlock("Looking through the other articles...")], enabled=False)
    if not shown:
        empty = (
            "No article matches the filter."
            if library.articles
            else "This library has no articles yet: add Markdown files to "
            f"{library.root} (or use 'wellread import')."
        )
        return ListEntry("", [TextBlock(empty)], enabled=False)
    if matching > shown:
        # How many match in all is on the status line (counted in a thread, at times).
        return ListEntry(
            "more",
            [
                TextBlock(f"Show {min(matching - shown, window)} more", style="title"),
                TextBlock("Or type words to narrow the list.", indent=2),
            ],
        )
    return None


def way_in_cards(library: Library, bookmarks: int, my_exercises: int) -> list[ListEntry]:
    """The cards after the articles of an unfiltered list: bookmarks and exercises."""
    return [
        ListEntry("bookmarks", [TextBlock(f"Your bookmarks ({bookmarks})", style="title")]),
        ListEntry(
            "exercises",
            [
                TextBlock(f"Exercise cards ({len(library.exercises)})", style="title"),
                TextBlock("Every card, by type, impact and equipment.", indent=2),
            ],
        ),
        ListEntry("mine", [TextBlock(f"My exercises ({my_exercises})", style="title")]),
    ]


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
