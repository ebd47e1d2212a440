"""What a search returns: plain data, kept apart from the index (and its SQLite) so
that the render layer can show results without importing a database."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "article" or "exercise"
    slug: str
    title: str
    entry: int  # the outline entry of the section (-1: the references)
    heading: str
    snippet: str  # with MATCH_START / MATCH_END around matched words
    words: str = ""  # the query it was found for, to mark in the opened document


@dataclass(frozen=True)
class SearchResults:
    """What a search found, and for which words."""

    query: str  # as the reader typed it
    hits: list[SearchHit]
    # The words the hits were found for: the query, or a correction of it when the
    # query itself found nothing ("osteoprosis" -> "osteoporosis").
    searched: str
    # A spelling that finds more, offered beside the hits when they are few.
    suggestion: str = ""
    suggestion_count: int = 0

    @property
    def corrected(self) -> bool:
        return self.searched != self.query
