"""Suggest exercise cards for an imported article from what it is about."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[a-z]{3,30}")
# Words every card or article shares, which say nothing about which card fits.
_COMMON = frozenset(
    "the and for with your you are this that bone bones exercise exercises can may from "
    "have has not but more most some what when who how its their they them our".split()
)


@dataclass(frozen=True)
class CardWords:
    slug: str
    title: str
    kind: str
    tags: tuple[str, ...]


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    # Enough folding for matching a card's few words against an article ("running",
    # "runs" and "run"; "walking" and "walk"): not a full stemmer.
    for suffix in ("ning", "ing", "ers", "er", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _words(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _COMMON]


def suggest_exercises(text: str, cards: list[CardWords], most: int = 4) -> list[str]:
    """The cards whose title, kind and tags the article speaks of most, best first."""
    counts = Counter(_words(text))
    scored: list[tuple[float, str]] = []
    for card in cards:
        keys = set(_words(" ".join((card.title, card.kind, *card.tags))))
        score = sum(min(counts[k], 10) for k in keys)
        if score:
            scored.append((score / (1 + len(keys)) ** 0.5, card.slug))
    scored.sort(key=lambda pair: (-pair[0], pair[1]))
    return [slug for _, slug in scored[:most]]
