"""Finding words in a rendered document, for search within an article.

Words are matched as the library search matches them (tui.content.tokens): whole
words in any form of the same stem, so "fractures" marks "fracture" and "fractures"
alike, and "running" marks "runs".
"""

from __future__ import annotations

import re
import weakref
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, overload

from tui.content.tokens import Forms, query_terms, stem, terms_regex, words
from tui.render.blocks import RenderedDocument


class Match(NamedTuple):
    """Where a query occurs: a block and a span of its text."""

    block: int
    start: int
    end: int


# A match's place as one number that sorts as (block, start) does.
_BLOCK_SHIFT = 32
_OFFSET_MASK = (1 << _BLOCK_SHIFT) - 1


def match_key(block: int, offset: int) -> int:
    return (block << _BLOCK_SHIFT) | offset


class Matches(Sequence[Match]):
    """Many matches in document order, kept as arrays of numbers.

    One letter can match a hundred thousand times. As objects, each search's matches
    would live long enough to reach the collector's oldest generation, and fill it so
    fast that a full collection (a fifth of a second on a 4 MB article) fell on the
    UI thread every few keys; arrays of numbers are not scanned at all. A Match is
    made only when one is asked for.
    """

    __slots__ = ("_ends", "_keys")

    def __init__(self, matches: Iterable[Match] = ()) -> None:
        self._keys = array("q")
        self._ends = array("q")
        for match in matches:
            self.append(*match)

    def append(self, block: int, start: int, end: int) -> None:
        """Add a match after the others (matches come in document order)."""
        self._keys.append(match_key(block, start))
        self._ends.append(end)

    def __len__(self) -> int:
        return len(self._keys)

    @overload
    def __getitem__(self, index: int) -> Match: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Match]: ...

    def __getitem__(self, index: int | slice) -> Match | Sequence[Match]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        key = self._keys[index]
        return Match(key >> _BLOCK_SHIFT, key & _OFFSET_MASK, self._ends[index])

    def __iter__(self) -> Iterator[Match]:
        mask = _OFFSET_MASK
        for key, end in zip(self._keys, self._ends, strict=True):
            yield Match(key >> _BLOCK_SHIFT, key & mask, end)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Matches):
            return self._keys == other._keys and self._ends == other._ends
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, as a list is

    def __repr__(self) -> str:
        return f"<Matches: {len(self)}>"

    def blocks(self) -> Iterator[int]:
        """The block of each match, in order (no Match made)."""
        return (key >> _BLOCK_SHIFT for key in self._keys)

    def first_from(self, block: int, offset: int) -> int:
        """The index of the first match at or after (*block*, *offset*); len() if none."""
        return bisect_left(self._keys, match_key(block, offset))

    def in_block(self, block: int) -> range:
        """The indices of the matches in *block*."""
        return range(self.first_from(block, 0), self.first_from(block + 1, 0))


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


def known_forms(document: RenderedDocument) -> Forms | None:
    """The words of *document* if they are kept (it was the last one searched whole)."""
    for ref, forms in _last_forms[:]:  # a copy: a search thread may replace it
        if ref() is document:
            return forms
    return None


def _document_forms(document: RenderedDocument) -> Forms:
    """The words of *document*; kept for the last one, which is searched again at
    every key the reader types."""
    forms = known_forms(document)
    if forms is not None:
        return forms
    forms = Forms.of_text("\n".join(block.text for block in document.blocks))
    _last_forms[:] = [(weakref.ref(document), forms)]
    return forms


def find_matches(document: RenderedDocument, query: str, any_term: bool = False) -> Matches:
    """Where *query* occurs: as typed (a phrase), or with *any_term*, any of its words."""
    forms = _document_forms(document)
    pattern = terms_pattern(query, forms) if any_term else query_pattern(query, forms)
    matches = Matches()
    if pattern is None:
        return matches
    add = matches.append
    for number, block in enumerate(document.blocks):
        for found in pattern.finditer(block.text):
            start, end = found.span()
            if end > start:
                add(number, start, end)
    return matches


def matches_per_section(document: RenderedDocument, matches: Sequence[Match]) -> Counter[int]:
    """How many matches each outline entry holds."""
    blocks = matches.blocks() if isinstance(matches, Matches) else (m.block for m in matches)
    per_block = Counter(blocks)
    counts: Counter[int] = Counter()
    for block, count in per_block.items():
        counts[document.blocks[block].section_index] += count
    return counts
