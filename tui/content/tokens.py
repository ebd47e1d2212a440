"""Words, their stems, and the reader's query: one tokenizer for the search index, the
query and the highlighter, so that what is found is what is marked.

A word is a run of letters and digits (an apostrophe or hyphen splits it, as SQLite's
own tokenizers do). Its stem is the Snowball English stem of its lower-cased form with
accents removed: "fracture", "fractures" and "fractured" are all "fractur", "running"
and "runs" are "run". snowballstemmer runs the C stemmer of PyStemmer when it is
installed (a runtime dependency) and its own pure-Python one otherwise; both give the
same stems.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

import snowballstemmer

MAX_TERMS = 32
WORD = re.compile(r"[^\W_]+")
# A query word: a "quoted phrase" or a run of anything but spaces.
_QUERY_PART = re.compile(r'"([^"]*)"|(\S+)')

# Around a word found in running text: not inside a longer word (the one before is
# checked just after the word's first letter).
_BEFORE_LETTER, _AFTER = r"(?<![^\W_].)", r"(?![^\W_])"
# Between the words of a phrase: anything that is not a word, as the index sees it.
_BETWEEN = r"[\W_]+"


class _Stemmer(Protocol):
    def stemWord(self, word: str) -> str: ...


_STEMMER: _Stemmer = snowballstemmer.stemmer("english")


def fold(word: str) -> str:
    """Lower case, without accents: "Café" and "cafe" are one word."""
    word = word.casefold()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


# Bounded: a hostile file full of made-up words must not fill memory.
@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one word, as the index and the highlighter both use it."""
    folded = fold(word)
    # A word the stemmer leaves empty (rare) is kept as it is, so it stays findable.
    return _STEMMER.stemWord(folded) or folded


def words(text: str) -> list[str]:
    """The words of *text*, in order, lower-cased."""
    return WORD.findall(text.lower())


def stems_text(found: list[str]) -> str:
    """Words (from `words`) as their stems, separated by spaces: what the index holds."""
    return " ".join(map(stem, found))


Term = tuple[str, ...]  # the stems of one query word, or of a quoted phrase


def query_terms(query: str) -> list[Term]:
    """The reader's query as terms, each to be found: a word, or a "quoted phrase" (a
    word written with a hyphen or apostrophe, "heel-to-toe", is a phrase too)."""
    terms: list[Term] = []
    for phrase, word in _QUERY_PART.findall(query):
        stems = tuple(stem(w) for w in words(phrase or word)[:MAX_TERMS])
        if stems and stems not in terms:
            terms.append(stems)
    # A pasted page is not a query: its first words are plenty to find it by.
    return terms[:MAX_TERMS]


class Forms:
    """The written forms of each stem in some text: what a stem looks like on the page."""

    def __init__(self, vocabulary: Iterable[str] = ()) -> None:
        self.by_stem: dict[str, set[str]] = {}
        self.add(vocabulary)

    @classmethod
    def of_text(cls, text: str) -> Forms:
        return cls(set(words(text)))

    def add(self, vocabulary: Iterable[str]) -> None:
        """Add words (a "word" with punctuation in it adds each word it holds)."""
        for item in vocabulary:
            for word in words(item) if not item.isalnum() or not item.islower() else [item]:
                self.by_stem.setdefault(stem(word), set()).add(word)

    def pattern_for(self, stems: Iterable[str], prefix: str = "", first: bool = True) -> str | None:
        """A regular expression for any form of *stems* (and, if given, any word that
        starts with *prefix*, for a word still being typed); *first*: not inside a
        longer word (a later word of a phrase follows a space, so need not say so)."""
        forms: set[str] = set()
        for one in stems:
            forms |= self.by_stem.get(one, set())
        # Each alternative as its first letter, then the rest: a pattern that opens
        # with a set of letters lets the regex engine skip every place that does not
        # start with one (3 to 5 times faster over a long article than a lookbehind
        # first). The lookbehind after that letter checks the one before it.
        rests: dict[str, list[str]] = {}
        for form in forms:
            rests.setdefault(form[0], []).append(re.escape(form[1:]))
        if prefix:
            rests.setdefault(prefix[0], []).append(re.escape(prefix[1:]) + r"[^\W_]*")
        if not rests:
            return None
        boundary = _BEFORE_LETTER if first else ""
        alternatives = [
            f"[{re.escape(letter)}]{boundary}(?:{'|'.join(sorted(ends, key=len, reverse=True))})"
            for letter, ends in sorted(rests.items())
        ]
        return "(?:" + "|".join(alternatives) + ")"


def terms_regex(terms: list[Term], forms: Forms, typed_prefix: str = "") -> re.Pattern[str] | None:
    """Where any of *terms* occurs in text whose words are in *forms*: whole words in
    any form of the same stem, a phrase's words one after the other. With
    *typed_prefix*, the last word of the last term also matches words that start with
    it (the reader is still typing)."""
    parts: list[str] = []
    for number, term in enumerate(terms):
        pieces: list[str] = []
        for position, one in enumerate(term):
            last = number == len(terms) - 1 and position == len(term) - 1
            piece = forms.pattern_for([one], typed_prefix if last else "", first=position == 0)
            if piece is None:
                break
            pieces.append(piece)
        else:
            # One group a term: a match's lastindex says which term it is.
            parts.append("(" + _BETWEEN.join(pieces) + _AFTER + ")")
    if not parts:
        return None
    return re.compile("|".join(parts), re.IGNORECASE)


def fts_query(text: str) -> str:
    """The reader's words as an FTS5 query of stems: each word (or "quoted phrase")
    required; nothing the reader types is read as FTS5 syntax."""
    return fts_of(query_terms(text))


def fts_of(terms: list[Term]) -> str:
    """Terms (from query_terms) as an FTS5 query: each one a quoted phrase."""
    return " ".join('"' + " ".join(term) + '"' for term in terms)
