"""Which of wellread's entries the command palette shows: a few before the reader types,
the best few after, and how many more there are. Plain text in, indices out, so a long
article's thousands of sections cost a scan of lowercase strings, not a palette row each.

Why so few: the palette builds, measures and draws a row for every hit it is given (a
couple of milliseconds each), and a list taller than the palette also grows a scrollbar
and is drawn again. A capped list ends with a line saying how many more there are."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

# Sections of the open article section_choices offers by default.
SECTION_LIMIT = 40
# Entries of each kind weighed by the fuzzy matcher after each key: a cheap filter
# over plain text picks them, so typing costs the same in any article or library.
SCORED_LIMIT = 16
# Top-level sections of a long article offered by nearby_sections by default.
NEARBY_LIMIT = 16
# Hits shown once the reader types (the palette's own commands among them).
SHOWN_LIMIT = 4


def letters_pattern(query: str) -> re.Pattern[str]:
    """The letters of *query* (lower case) in order, anything between them: what the
    palette's fuzzy matcher needs of a title to score it above zero."""
    return re.compile(".*?".join(re.escape(char) for char in query.lower()))


def section_choices(
    labels: list[str], query: str, limit: int = SECTION_LIMIT, lowered: list[str] | None = None
) -> list[int]:
    """The indices of at most *limit* sections worth a fuzzy match for *query*: those
    whose label holds it as typed first, then those holding its letters in order, each
    in document order. A cheap filter over plain text, so typing in the palette costs
    the same in an article of ten sections or ten thousand. *lowered*: the labels in
    lower case, if already made."""
    needle = query.lower()
    if lowered is None:
        lowered = [label.lower() for label in labels]
    chosen = [index for index, label in enumerate(lowered) if needle in label][:limit]
    if len(chosen) < limit:
        letters = letters_pattern(needle)
        taken = set(chosen)
        for index, label in enumerate(lowered):
            if index not in taken and letters.search(label):
                chosen.append(index)
                if len(chosen) == limit:
                    break
    return chosen


def count_matching(joined: str, query: str) -> int:
    """How many lines of *joined* (lowercase titles, one a line) hold the letters of
    *query* in order: one pass of the regular expression engine over them all."""
    between = "[^\n]*?"
    pattern = between.join(re.escape(char) for char in query.lower() if char != "\n")
    if not pattern:
        return joined.count("\n") + 1 if joined else 0
    return len(re.findall(f"(?m)^{between}{pattern}[^\n]*$", joined))


def exact_matches(
    lowered: Sequence[str],
    query: str,
    prefixes: Sequence[str] = (),
    names: Sequence[str] | None = None,
) -> list[int]:
    """The indices of the titles that are *query* itself, with or without one of
    *prefixes* ("go to "), or whose name (*names*, lower case: a section's title
    without its number) is: shown however many others match, so every section can be
    reached by typing its name in full, even among many that hold the same words."""
    needle = query.lower().strip()
    wholes = {needle, *(prefix + needle for prefix in prefixes)}
    return [
        index
        for index, title in enumerate(lowered)
        if title in wholes or (names is not None and names[index] == needle)
    ]


def best_shown(scores: Sequence[float], must: Sequence[int], limit: int = SHOWN_LIMIT) -> list[int]:
    """The indices (into *scores*) to show: the *must* ones, then the best scored up to
    *limit* in all, ties in the order given. Zero scores (no match) are never shown."""
    shown = [index for index in must if scores[index] > 0]
    taken = set(shown)
    ranked = sorted(range(len(scores)), key=lambda index: -scores[index])
    for index in ranked:
        if len(shown) >= limit or scores[index] <= 0:
            break
        if index not in taken:
            shown.append(index)
            taken.add(index)
    return shown


def nearby_sections(levels: list[int], current: int, limit: int = NEARBY_LIMIT) -> list[int]:
    """The sections offered before the reader types: every one in a short article;
    in a long one, up to *limit* top-level sections from a little before *current*."""
    if len(levels) <= limit:
        return list(range(len(levels)))
    top = [index for index, level in enumerate(levels) if level <= 2]
    at = max(0, bisect_right(top, current) - 1 - limit // 4)
    start = max(0, min(at, len(top) - limit))
    return top[start : start + limit]


def plural(count: int, one: str, many: str) -> str:
    return f"{count:,} {one if count == 1 else many}"


def more_hint(more: int) -> str:
    """The last line of a capped list of hits."""
    return f"{plural(more, 'more holds', 'more hold')} these letters: type more to narrow"


# What comes before a name in each kind of entry: typing the name alone also counts as
# typing it in full.
PREFIXES = ("go to ", "open ", "exercise card: ", "bookmark: ")


class Titles:
    """Titles of one kind of entry, with the plain text the palette's filter reads."""

    def __init__(self, titles: list[str], names: list[str] | None = None) -> None:
        self.titles = titles
        self.lowered = [title.lower() for title in titles]
        self.joined = "\n".join(self.lowered)
        # Sections: their titles without numbers, which typing in full also finds.
        self.names = None if names is None else [name.lower() for name in names]

    def choose(self, query: str) -> tuple[list[int], list[int]]:
        """The entries worth a fuzzy match for *query*, and those of them that are
        what was typed (shown however many others match)."""
        exact = exact_matches(self.lowered, query, PREFIXES, self.names)
        chosen = section_choices(self.titles, query, SCORED_LIMIT, self.lowered)
        taken = set(chosen)
        return chosen + [index for index in exact if index not in taken], exact

    def count(self, query: str) -> int:
        return count_matching(self.joined, query)
