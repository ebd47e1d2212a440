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


def terms_pattern(query: str) -> re.Pattern[str] | None:
    """Any of the query's words (or "quoted phrases"), in any form that starts with
    them, as the library search matches: "fracture" also marks "fractures"."""
    terms = [phrase or word for phrase, word in re.findall(r'"([^"]*)"|(\S+)', query)]
    parts = []
    for term in terms:
        words = re.findall(r"\w+", term)
        if words:
            parts.append(r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\w*")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def find_matches(document: RenderedDocument, query: str, any_term: bool = False) -> list[Match]:
    """Where *query* occurs: as typed (a phrase), or with *any_term*, any of its words."""
    pattern = terms_pattern(query) if any_term else query_pattern(query)
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
    return Counter(document.blocks[match.block].section_index for match in matches)
