"""Finding words in a rendered document, for search within an article.

Words are matched as the library search matches them (tui.content.tokens): whole
words in any form of the same stem, so "fractures" marks "fracture" and "fractures"
alike, and "running" marks "runs".
"""

from __future__ import annotations

import re
import weakref
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tui.content.tokens import Forms, query_terms, stem, terms_regex, words
from tui.render.blocks import RenderedDocument


@dataclass(frozen=True)
class Match:
    block: int
    start: int
    end: int


def _forms(vocabulary: Iterable[str] | Forms) -> Forms:
    return vocabulary if isinstance(vocabulary, Forms) else Forms(vocabulary)


def query_pattern(query: str, vocabulary: Iterable[str] | Forms = ()) -> re.Pattern[str] | None:
    """The query as typed, its words one after the other (any form of each, any
    space or punctuation between them). Its last word also matches the words that
    start with it, for a reader still typing, unless the query ends with a space.
    *vocabulary*: the words of the text to be searched."""
    typed = words(query)
    if not typed:
        return None
    prefix = "" if query[-1:].isspace() else typed[-1]
    phrase = tuple(stem(word) for word in typed)
    return terms_regex([phrase], _forms(vocabulary), typed_prefix=prefix)


def terms_pattern(query: str, vocabulary: Iterable[str] | Forms = ()) -> re.Pattern[str] | None:
    """Any of the query's words (or "quoted phrases"), in any form of the same stem,
    as the library search matches: "fracture" also marks "fractures".
    *vocabulary*: the words of the text to be searched."""
    return terms_regex(query_terms(query), _forms(vocabulary))


# The words of the document searched last (held weakly: a closed one is let go).
_last_forms: list[tuple[weakref.ref[RenderedDocument], Forms]] = []


def _document_forms(document: RenderedDocument) -> Forms:
    """The words of *document*; kept for the last one, which is searched again at
    every key the reader types."""
    if _last_forms and _last_forms[0][0]() is document:
        return _last_forms[0][1]
    forms = Forms.of_text("\n".join(block.text for block in document.blocks))
    _last_forms[:] = [(weakref.ref(document), forms)]
    return forms


def find_matches(document: RenderedDocument, query: str, any_term: bool = False) -> list[Match]:
    """Where *query* occurs: as typed (a phrase), or with *any_term*, any of its words."""
    forms = _document_forms(document)
    pattern = terms_pattern(query, forms) if any_term else query_pattern(query, forms)
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
