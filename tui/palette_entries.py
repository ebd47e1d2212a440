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
from itertools import accumulate

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
    return re.compile(_letters(query))


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
    *query* in order: one pass of the regular expression engine over them all. A match
    runs on to the end of its line, so a line is counted once."""
    pattern = _letters(query)
    if not pattern:
        return joined.count("\n") + 1 if joined else 0
    return len(re.findall(f"{pattern}[^\n]*", joined))


def _letters(query: str) -> str:
    """A pattern for the letters of *query* (lower case, newlines left out) in order
    within one line. Each letter after the first is found by skipping, without giving
    back, every other character up to it: the first of each letter is the one to take,
    so no other need be tried (with lazy `.*?` between letters, a line without them all
    was tried every possible way: "open adults" over 50,000 titles took a second). The
    first letter is a plain one, which the engine looks for at C speed."""
    letters = [re.escape(char) for char in query.lower() if char != "\n"]
    if not letters:
        return ""
    return letters[0] + "".join(f"[^{letter}\n]*+{letter}" for letter in letters[1:])


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
    """Titles of one kind of entry, with the plain text the palette's filter reads: one
    string of them all, searched at C speed, so a key costs about the same for fifty
    titles or fifty thousand."""

    def __init__(self, titles: list[str], names: list[str] | None = None) -> None:
        self.titles = titles
        self.lowered = [title.lower() for title in titles]
        self.joined = "\n".join(self.lowered)
        # Where each title starts in `joined`, and where one after the last would.
        self._starts = [0, *accumulate(len(title) + 1 for title in self.lowered)]
        # Sections: their titles without numbers, which typing in full also finds.
        self.names = None if names is None else [name.lower() for name in names]
        self._by_title: dict[str, list[int]] | None = None
        self._by_name: dict[str, list[int]] = {}

    def choose(self, query: str) -> tuple[list[int], list[int]]:
        """The entries worth a fuzzy match for *query*, and those of them that are
        what was typed (shown however many others match)."""
        exact = self.exact(query)
        needle = query.lower()
        if "\n" in needle:  # never typed; the plain way, which a newline cannot mislead
            chosen = section_choices(self.titles, query, SCORED_LIMIT, self.lowered)
        else:
            chosen = self._lines(re.compile(re.escape(needle)), SCORED_LIMIT, set())
            if len(chosen) < SCORED_LIMIT:
                letters = re.compile(_letters(needle))
                chosen += self._lines(letters, SCORED_LIMIT - len(chosen), set(chosen))
        taken = set(chosen)
        return chosen + [index for index in exact if index not in taken], exact

    def index(self) -> dict[str, list[int]]:
        """Each title's places, made once (at the first query, or ahead in a thread)."""
        if self._by_title is None:
            self._by_title, self._by_name = _positions(self.lowered), _positions(self.names or [])
        return self._by_title

    def exact(self, query: str) -> list[int]:
        """exact_matches for these titles, by lookup rather than a pass over them."""
        by_title = self.index()
        needle = query.lower().strip()
        wholes = {needle, *(prefix + needle for prefix in PREFIXES)}
        found = {index for whole in wholes for index in by_title.get(whole, ())}
        return sorted(found.union(self._by_name.get(needle, ())))

    def _lines(self, pattern: re.Pattern[str], limit: int, taken: set[int]) -> list[int]:
        """The first *limit* titles (not in *taken*) where *pattern*, which matches
        within one line, matches; in order."""
        found: list[int] = []
        joined, starts, at = self.joined, self._starts, 0
        while len(found) < limit and at <= len(joined) and self.titles:
            match = pattern.search(joined, at)
            if match is None:
                break
            line = bisect_right(starts, match.start()) - 1
            if line not in taken:
                found.append(line)
            at = starts[line + 1]  # on to the next title
        return found

    def count(self, query: str) -> int:
        if not _letters(query):  # an empty title is a line too, which "" does not show
            return len(self.titles)
        return count_matching(self.joined, query)


def _positions(texts: list[str]) -> dict[str, list[int]]:
    """Each text, and where it stands in *texts*."""
    positions: dict[str, list[int]] = {}
    for index, text in enumerate(texts):
        positions.setdefault(text, []).append(index)
    return positions
