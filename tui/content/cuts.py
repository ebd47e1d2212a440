"""Places where a Markdown body can be cut in two and each part parsed on its own,
giving the same blocks as the whole: for a preview of a long article, and for
parsing a huge one part by part so the parser's tokens never fill memory.

One pass over the lines, in linear time. Conservative: where it cannot be sure
(inside a fence, a list item's own lines), it does not cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
# A list item at the start of the line (not indented), and the marker that joins it
# to the items before it: "-", "*", "+", "." or ")".
_ITEM = re.compile(r"(?:([-*+])|(\d{1,9})([.)]))[ \t]+\S")
# Anything that might be a list item, even an empty one: never cut before it as a block.
_ANY_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_THEMATIC = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")

# A cut before a new top-level block; or before a list item that continues the list
# above it (the parts' two lists are then one).
BLOCK, LIST = "block", "list"


def _marker(line: str, after_text: bool) -> str | None:
    """The line's list marker when it surely starts a list item: not empty, and not
    a line that would continue the paragraph above (*after_text*) instead."""
    match = _ITEM.match(line)
    if match is None or _THEMATIC.match(line):
        return None
    if match.group(1):
        return match.group(1)
    # Only "1." can start an ordered list in the middle of a paragraph.
    if after_text and int(match.group(2)) != 1:
        return None
    return match.group(3)


def _closes(fence: str, run: str, rest: str) -> bool:
    """Whether a fence run closes *fence*: the same character, as long, nothing after."""
    return run[0] == fence[0] and len(run) >= len(fence) and not rest.strip()


def block_cuts(body: str, every: int, start: int = 0) -> Iterator[tuple[int, str]]:
    """(offset, kind) of cut places at least *every* characters apart, the first at or
    after *start*. Kind is BLOCK or LIST (see above)."""
    fence = ""
    offset = 0
    last_cut = start - every
    previous_blank = True
    previous_marker: str | None = None
    length = len(body)
    while offset < length:
        end = body.find("\n", offset)
        end = length if end == -1 else end
        line = body[offset:end]
        opening = _FENCE.match(line)
        if fence:
            if opening and _closes(fence, opening.group(1), line[opening.end() :]):
                fence = ""
            previous_blank, previous_marker = False, None
        elif not line.strip():
            previous_blank = True
        else:
            marker = _marker(line, not previous_blank and previous_marker is None)
            if offset >= start and offset - last_cut >= every and offset > 0:
                kind: str | None = None
                if _ATX.match(line):
                    kind = BLOCK
                elif marker is not None:
                    if marker == previous_marker:
                        kind = LIST
                elif previous_blank and line[0] not in " \t" and not _ANY_ITEM.match(line):
                    kind = BLOCK
                if kind is not None:
                    yield offset, kind
                    last_cut = offset
            if opening:
                fence = opening.group(1)
                marker = None
            previous_blank, previous_marker = False, marker
        offset = end + 1
