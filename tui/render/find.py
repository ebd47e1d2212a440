"""Finding words in a rendered document, for search within an article."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from tui.render.blocks import RenderedDocument


@dataclass(frozen=True)
class Match:
    block: int
    start: int
    end: int


def query_pattern(query: str) -> re.Pattern[str] | None:
    """Case-insensitive, with any run of spaces matching any run of white space."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)


def find_matches(document: RenderedDocument, query: str) -> list[Match]:
    pattern = query_pattern(query)
    if pattern is None:
        return []
    matches: list[Match] = []
    for number, block in enumerate(document.blocks):
        for found in pattern.finditer(block.text):
            if found.end() > found.start():
                matches.append(Match(number, found.start(), found.end()))
    return matches


def matches_per_section(document: RenderedDocument, matches: list[Match]) -> Counter[int]:
    """How many matches each outline entry holds."""
    return Counter(document.blocks[match.block].section for match in matches)
