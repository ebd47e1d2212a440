"""The opening of a long article, to show while the whole of it is parsed.

The opening ends before a `##` heading, so it holds whole sections (or, in a long text
without one, before a new block or list item), and it carries
every footnote and link definition from the rest of the text, so its references
resolve exactly as they will in the full article. Parsed, it gives the same blocks
as the start of the full article: the reader can start reading and keep their place
when the rest arrives.
"""

from __future__ import annotations

import re

from tui.content.cuts import block_cuts

# About a screenful of sections many times over, and parsed in a few milliseconds.
PREVIEW_CHARS = 48 * 1024
# How far past the limit a section heading is looked for before cutting elsewhere.
HEADING_SEARCH = 8

# A footnote or link definition with its indented continuation lines. Searched with a
# regex over the rest of the text: one pass in C, however long the article.
# Anchored on the newline itself rather than `^` with MULTILINE, which lets the
# engine jump from newline to newline (ten times faster on a long text).
_DEFINITION_BLOCK = re.compile(r"\n( {0,3}\[\^?[^\]\n]+\]:.*(?:\n(?:[ \t]*\n)*(?:    |\t).*)*)")


def preview_body(body: str, limit: int = PREVIEW_CHARS) -> tuple[str, float] | None:
    """(opening text with later definitions appended, share of the body it covers).

    None when the body is short enough to parse whole at once, or has no place to
    cut at.
    """
    if len(body) <= 2 * limit:
        return None
    cut = _cut_offset(body, limit)
    # A cut before any text would show an empty opening: parse the whole instead.
    if cut is None or not body[:cut].strip():
        return None
    text = body[:cut]
    definitions = [match.group(1) for match in _DEFINITION_BLOCK.finditer(body, cut - 1)]
    if definitions:
        text += "\n\n" + "\n\n".join(definitions) + "\n"
    return text, cut / len(body)


def _cut_offset(body: str, limit: int) -> int | None:
    """Offset of the first `## ` line at or after *limit*, outside fenced code; or, when
    none comes soon (a text without sections, a list thousands of items long), of the
    first place after *limit* where a new block or list item starts."""
    fallback: int | None = None
    for offset, _ in block_cuts(body, 0, start=limit):
        if body.startswith("## ", offset):
            return offset
        if fallback is None:
            fallback = offset
        if offset > HEADING_SEARCH * limit:
            break
    return fallback
