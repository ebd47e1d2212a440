"""What a search result shows: a snippet of whole sentences from the text of a part
of a document, with the matched words marked. The text itself is made from the
document when it is indexed (tui.content.search_units): a query reads it from the
index without importing the document model.
"""

from __future__ import annotations

import re

# Marks around matched words in snippets; never shown as they are (see split_snippet).
MATCH_START, MATCH_END = "\x02", "\x03"
# Between the units of a part's text, as stored in the index.
UNIT_BREAK = "\n"
# Between two units in a snippet: list items must not read as one sentence.
UNIT_JOIN = " · "
SNIPPET_WIDTH = 160
# What ends a sentence within a unit (text is cleaned: one space between words).
_STOPS = (". ", "! ", "? ")
MATCHES_CONSIDERED = 16


def split_snippet(snippet: str) -> list[tuple[str, bool]]:
    """The snippet as (text, is a match) pieces."""
    pieces: list[tuple[str, bool]] = []
    for part in re.split(f"({MATCH_START}.*?{MATCH_END})", snippet):
        if part.startswith(MATCH_START) and part.endswith(MATCH_END):
            pieces.append((part[1:-1], True))
        elif part:
            pieces.append((part, False))
    return pieces


def _sentence_at(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the sentence of *text* that holds *position*: a sentence ends
    at a stop followed by a space, or with its unit (a line)."""
    start = text.rfind(UNIT_BREAK, 0, position) + 1
    for stop in _STOPS:
        found = text.rfind(stop, start, position)
        if found >= 0:
            start = max(start, found + len(stop))
    end = text.find(UNIT_BREAK, position)
    end = len(text) if end < 0 else end
    for stop in _STOPS:
        found = text.find(stop, position, end)
        if found >= 0:
            end = min(end, found + 1)
    return start, end


def _cut(sentence: str, around: int, width: int) -> str:
    """A window of about *width* characters of a long sentence, holding *around*,
    cut at spaces, with "…" where it was cut."""
    if len(sentence) <= width:
        return sentence
    start = max(0, around - width // 3)
    if start:
        space = sentence.find(" ", start)
        start = space + 1 if 0 <= space < around else start
    end = start + width
    if end >= len(sentence):
        return ("…" if start else "") + sentence[start:]
    space = sentence.rfind(" ", start, end)
    end = space if space > around else end
    return ("…" if start else "") + sentence[start:end].rstrip(" ,;:") + "…"


def make_snippet(text: str, pattern: re.Pattern[str] | None, width: int = SNIPPET_WIDTH) -> str:
    """Whole sentences of *text* (units one a line, as stored) from the one that holds
    the most of the query's words, with MATCH_START and MATCH_END around each match;
    the first sentences when none does."""
    if not text.strip():
        return ""
    # Matches are found in the whole text at once, sentence by sentence; the first
    # sentence that holds every term the text holds (or the one with the most of the
    # first few dozen matches) is the one shown.
    found: dict[tuple[int, int], set[int]] = {}
    span, wanted = (0, -1), pattern.groups if pattern is not None else 0
    if pattern is not None:
        for _, match in zip(range(MATCHES_CONSIDERED), pattern.finditer(text), strict=False):
            if match.start() >= span[1]:
                span = _sentence_at(text, match.start())
            terms = found.setdefault(span, set())
            terms.add(match.lastindex or 0)
            if len(terms) == wanted:
                break
    best = max(found, key=lambda one: (len(found[one]), -one[0]), default=None)
    start, end = best or _sentence_at(text, 0)
    sentence = text[start:end]
    shown = pattern.search(sentence) if pattern is not None else None
    snippet = _cut(sentence, shown.start() if shown else 0, width)
    while end < len(text):
        joiner = UNIT_JOIN if text[end] == UNIT_BREAK else " "
        start, end = _sentence_at(text, end + 1)
        sentence = text[start:end]
        if len(snippet) + len(joiner) + len(sentence) > width:
            break
        snippet += joiner + sentence
    return mark(snippet, pattern)


def mark(text: str, pattern: re.Pattern[str] | None) -> str:
    if pattern is None:
        return text
    return pattern.sub(lambda m: f"{MATCH_START}{m.group()}{MATCH_END}", text)
