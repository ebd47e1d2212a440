"""The opening of a long article, to show while the whole of it is parsed.

The opening ends before a `##` heading, so it holds whole sections, and it carries
every footnote and link definition from the rest of the text, so its references
resolve exactly as they will in the full article. Parsed, it gives the same blocks
as the start of the full article: the reader can start reading and keep their place
when the rest arrives.
"""

from __future__ import annotations

import re

# About a screenful of sections many times over, and parsed in a few milliseconds.
PREVIEW_CHARS = 48 * 1024

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
# A footnote or link definition with its indented continuation lines. Searched with a
# regex over the rest of the text: one pass in C, however long the article.
# Anchored on the newline itself rather than `^` with MULTILINE, which lets the
# engine jump from newline to newline (ten times faster on a long text).
_DEFINITION_BLOCK = re.compile(r"\n( {0,3}\[\^?[^\]\n]+\]:.*(?:\n(?:[ \t]*\n)*(?:    |\t).*)*)")


def preview_body(body: str, limit: int = PREVIEW_CHARS) -> tuple[str, float] | None:
    """(opening text with later definitions appended, share of the body it covers).

    None when the body is short enough to parse whole at once, or has no heading
    to cut at.
    """
    if len(body) <= 2 * limit:
        return None
    cut = _cut_offset(body, limit)
    if cut is None:
        return None
    text = body[:cut]
    definitions = [match.group(1) for match in _DEFINITION_BLOCK.finditer(body, cut - 1)]
    if definitions:
        text += "\n\n" + "\n\n".join(definitions) + "\n"
    return text, cut / len(body)


def _cut_offset(body: str, limit: int) -> int | None:
    """Offset of the first `## ` line at or after *limit*, outside fenced code."""
    fence = ""
    offset = 0
    length = len(body)
    # Line by line only up to the cut: the rest of a long text is never split.
    while offset < length:
        end = body.find("\n", offset)
        if end == -1:
            end = length
        line = body[offset:end]
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1).startswith(fence):
                fence = ""
        elif opening:
            fence = opening.group(1)[:3]
        elif offset >= limit and line.startswith("## "):
            return offset
        offset = end + 1
    return None
