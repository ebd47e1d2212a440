"""The library filter's matching: which articles hold every typed word, in the list's order.

At 50,000 articles the text the filter looks in is about 10 MB, and one pass over it
takes about 10 ms however it is done in Python (a joined string, a regular expression
or a count are no faster than a word looked for in each article's text). A key cannot
wait for that and still be drawn within a frame. The screen therefore looks first at
a bounded share of the articles (`first_matching`), enough to fill the cards it
draws, and counts the rest in a thread (`all_matching`). Nothing here imports
textual: the thread and the screen share only these functions and plain lists.
"""

from __future__ import annotations

from collections.abc import Sequence

# Articles looked at per slice of a bounded pass: one list comprehension each, so the
# pass stops soon after it has enough.
_SLICE = 512


def words_of(query: str) -> list[str]:
    """The words a filter looks for: each must be in an article's text, in any case."""
    return query.casefold().split()


def narrows(words: list[str], earlier: list[str]) -> bool:
    """Whether every article matching *words* matches *earlier* too (typing on only
    narrows: each earlier word is part of a word typed now)."""
    return bool(earlier) and all(any(old in new for new in words) for old in earlier)


def first_matching(
    texts: Sequence[str], words: list[str], among: Sequence[int], want: int, budget: int
) -> tuple[list[int], bool]:
    """Places of *among* whose text holds every one of *words*, in order: at least
    *want* of them if there are, looking at about *budget* places at most; and whether
    *among* was looked at to its end (then the places found are all there are; if not,
    they are the first of them)."""
    found: list[int] = []
    start = 0
    while start < len(among) and len(found) < want and start < budget:
        part = among[start : start + _SLICE]
        found += _holding(texts, words, part)
        start += len(part)
    return found, start >= len(among)


def all_matching(texts: Sequence[str], words: list[str], among: Sequence[int]) -> list[int]:
    """Every place of *among* whose text holds every one of *words*, in order."""
    return _holding(texts, words, among)


def _holding(texts: Sequence[str], words: list[str], among: Sequence[int]) -> list[int]:
    if not words:
        return list(among)
    # One plain pass a word, each over what the last left: no generator per article,
    # and no copy of the places found.
    first, *rest = words
    found = [i for i in among if first in texts[i]]
    for word in rest:
        found = [i for i in found if word in texts[i]]
    return found
