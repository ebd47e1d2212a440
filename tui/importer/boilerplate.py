"""Page furniture: lines a reader of the article would not miss."""

from __future__ import annotations

import re

# Phrases of sign-up forms, empty lists, navigation and sharing. Matched whole-word and
# case-insensitively against short lines only, so an article sentence is never dropped
# for mentioning one of them.
_PHRASES = (
    "join us",
    "get started",
    "log in",
    "sign up",
    "sign in",
    "subscribe",
    "newsletter",
    "your submission has been received",
    "something went wrong while submitting",
    "no items found",
    "explore related",
    "related articles",
    "related exercises",
    "already have an account",
    "we will contact you",
    "check mark",
    "share this",
    "read more",
    "all rights reserved",
    "cookie",
    "skip to content",
    "back to top",
    "print this page",
    "table of contents",
    "advertisement",
)
_PHRASE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in _PHRASES) + r")\b", re.I)
SHORT_WORDS = 12


def word_count(text: str) -> int:
    return len(text.split())


def is_boilerplate(line: str) -> bool:
    """A short line made of a known furniture phrase."""
    text = line.strip()
    if not text:
        return False
    return word_count(text) <= 20 and _PHRASE.search(text) is not None


def is_site_disclaimer(text: str) -> bool:
    """A site's own disclaimer paragraph; wellread always shows its own."""
    return re.match(r"\s*disclaimer\s*:", text, re.I) is not None
