"""Did you mean: for a misspelt query word, the closest words the library itself uses,
so "osteoprosis" becomes "osteoporosis".

Closeness is the optimal-string-alignment edit distance (rapidfuzz): a letter added,
dropped, changed, or two swapped is one edit. How many edits a word may be off grows
with its length, as in the "AUTO" fuzziness of common search engines; shorter words
are too close to too many others ("hip", "hop", "top") to correct.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from rapidfuzz import process
from rapidfuzz.distance import OSA

from tui.content.tokens import stem, words

SHORTEST = 4
# A query with more unknown words than this is not a few slips of the keyboard.
MAX_CORRECTED = 4


def allowed_edits(word: str, known: bool = False) -> int:
    """Edits a correction may be from *word*; a word the library does use may only be
    one letter off a much commoner one (see SearchIndex.find)."""
    if len(word) < SHORTEST or (known and len(word) < 6) or any(c.isdigit() for c in word):
        return 0  # a number is not misspelt: "2010" is not "2019"
    if known:
        return 1
    return 1 if len(word) <= 5 else 2


def closest_words(
    word: str,
    vocabulary: Sequence[str],
    edits: int,
    frequency: Callable[[str], int] = lambda _word: 0,
    limit: int = 3,
) -> list[str]:
    """Up to *limit* words of *vocabulary* at most *edits* from *word*, closest first
    (then those that keep its first letter, then the commonest by *frequency*); never
    a word that is only another form of it."""
    word = word.lower()
    if edits < 1:
        return []
    found = process.extract(word, vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=50)
    best: dict[str, tuple[int, bool, str]] = {}  # stem -> (distance, other first letter, word)
    for choice, distance, _index in found:
        key = (int(distance), choice[:1] != word[:1], choice)
        one = stem(choice)
        if one != stem(word) and (one not in best or key < best[one]):
            best[one] = key
    # How common a word is costs a query: ask only of the closest few.
    closest = sorted(best.values())[: limit * 3]
    ranked = sorted(closest, key=lambda k: (k[0], k[1], -frequency(k[2]), k[2]))
    return [choice for _, _, choice in ranked[:limit]]


def _replace_word(text: str, word: str, new: str) -> str:
    pattern = re.compile(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", re.IGNORECASE)
    return pattern.sub(lambda _m: new, text, count=1)


def corrections(
    query: str,
    vocabulary: Sequence[str],
    known: Callable[[str], bool],
    all_words: bool = False,
    frequency: Callable[[str], int] = lambda _word: 0,
    limit: int = 3,
) -> Iterator[str]:
    """Spellings of *query* to try, best first: each word the library does not use
    (by *known*, given a stem) replaced by its closest library word; with *all_words*,
    the words it does use may be replaced too, by a very close word (a query that
    finds only a misspelling in one file). The reader's quotes and order are kept."""
    doubtful = []  # (word as typed, edits a correction may be off)
    for word in words(query):
        is_known = known(stem(word))
        if all_words or not is_known:
            doubtful.append((word, allowed_edits(word, is_known)))
    if len(doubtful) > MAX_CORRECTED:
        return
    options = [  # (word as typed, its replacements, best first)
        (word, closest_words(word, vocabulary, edits, frequency, limit)) for word, edits in doubtful
    ]
    if not any(replacements for _, replacements in options):
        return
    seen: set[str] = set()
    for rank in range(limit):
        text = query
        for word, replacements in options:
            if replacements:
                text = _replace_word(text, word, replacements[min(rank, len(replacements) - 1)])
        if text not in seen:
            seen.add(text)
            yield text
