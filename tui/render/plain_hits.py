"""Search hits as plain lines, and `plain`, the text every plain line goes through.

Kept apart from tui.render.plain (whole articles as linear text) so that `wellread
search` prints its hits without importing the article renderer it does not use.
"""

from __future__ import annotations

import re

from tui.content.hits import SearchHit
from tui.content.snippets import split_snippet

__all__ = ["found_line", "plain", "search_hit_lines"]

# The few non-ASCII marks the full-screen view uses, in words or plain punctuation.
_PLAIN_MARKS = str.maketrans(
    {"•": "-", "·": ",", "…": "...", "▸": ">", "▶": ">", "“": '"', "”": '"', "✓": "read"}
)
# A note or citation marker written against a word ("maximum[note 1]"): a screen
# reader says it as one word, so plain text always gives it a space of its own.
_GLUED_MARKER = re.compile(r"(?<=[^\s(\[])(\[(?:note )?\d[^\]]*\])")


def plain(text: str) -> str:
    text = _GLUED_MARKER.sub(r" \1", text)
    return text.replace(" · ", ", ").translate(_PLAIN_MARKS)


def search_hit_lines(number: int, hit: SearchHit, bold: bool = False) -> list[str]:
    """A search result: where it is, the words around it, and the command that opens it.

    With *bold* (a terminal, not ACCESSIBLE), the matched words are set in bold the way
    grep marks them; otherwise the lines hold no escape code at all.
    """
    kind = "exercise card" if hit.kind == "exercise" else "article"
    snippet = " ".join(
        "".join(
            f"\x1b[1m{plain(text)}\x1b[22m" if matched and bold else plain(text)
            for text, matched in split_snippet(hit.snippet)
        ).split()
    )
    lines = [f"{number}. {hit.title} ({kind}): {plain(hit.heading)}"]
    if snippet:  # a heading found on its own has no words around it to show
        lines.append(f"   {snippet}")
    return [*lines, f"   wellread open {hit.slug}"]


def found_line(count: int, query: str) -> str:
    if count == 1:
        return f"1 place speaks of {query!r}:"
    return f"{count:,} places speak of {query!r}, best first:"
