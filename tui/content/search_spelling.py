"""A search's "did you mean": when the words typed find nothing, the hits of the
closest spelling from the library's own words that finds something; when they find
little, that spelling offered beside their hits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.content.hits import SearchResults
from tui.content.tokens import query_terms, words

if TYPE_CHECKING:
    from tui.content.search import SearchIndex

# Fewer hits than this and "did you mean" looks for a spelling that finds more.
FEW = 3
# ... and offers a spelling beside a few hits only if it finds this many times more.
SUGGEST_FACTOR = 4


def find_with_spelling(index: SearchIndex, text: str, limit: int = 50) -> SearchResults:
    """The hits for *text* in *index*, with a better spelling where one helps."""
    hits = index.search(text, limit)
    if len(hits) >= FEW or not query_terms(text) or _numbers_only(text):
        return SearchResults(text, hits, text)
    from tui.content.suggest import corrections  # rapidfuzz: only when needed

    spellings = corrections(
        text, index.vocabulary, index.known, all_words=bool(hits), frequency=index.count
    )
    for spelling in spellings:
        if not hits:
            found = index.search(spelling, limit)
            if found:
                return SearchResults(text, found, spelling)
        elif (count := index.count(spelling)) >= max(FEW, SUGGEST_FACTOR * len(hits)):
            return SearchResults(text, hits, text, spelling, count)
    return SearchResults(text, hits, text)


def _numbers_only(text: str) -> bool:
    """Whether every word of *text* holds a digit: a number, a year or a dose is not
    misspelt, and the library's numbers are too many to look through for one."""
    found = words(text)
    return bool(found) and all(any(c.isdigit() for c in word) for word in found)
