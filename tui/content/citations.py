"""Pandoc citations (`[@id]`, `[@a; @b]`, `[see @id, p. 3]`) as a markdown-it inline rule.

The rule runs before links, so `[@beck2017]` never becomes a link reference, and it
leaves a `citation` token whose meta holds the items.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

from tui.content.model import CiteItem

# Pandoc's rule: ids start with a letter, digit or _, and may hold internal punctuation.
# Each character has one way to match, so the match is linear in the input.
_ID = r"[A-Za-z0-9_](?:[A-Za-z0-9_]|[:.#$%&\-+?<>~/](?=[A-Za-z0-9_]))*"
_ID_AT = re.compile(_ID)
# Longer than any real citation; bounds the look for its `]` from each `[`, so a line
# of many `[` stays linear.
MAX_CITATION_CHARS = 2000


def _cite_item(part: str) -> CiteItem | None:
    """`prefix -@id, locator`, read by hand: the regex this replaces backtracked (a long
    run of spaces after an id took seconds)."""
    at = part.find("@")
    if at == -1:
        return None
    match = _ID_AT.match(part, at + 1)
    if match is None:
        return None
    prefix = part[:at]
    if prefix.endswith("-"):
        prefix = prefix[:-1]  # `-@id` suppresses the author, as in Pandoc
    rest = part[match.end() :].strip()
    if rest and not rest.startswith(","):
        return None
    return CiteItem(id=match.group(), locator=rest[1:].strip(), prefix=prefix.strip())


def parse_cite_items(inner: str) -> tuple[CiteItem, ...] | None:
    """Items of a bracketed citation's inner text, or None when it is not one."""
    if "@" not in inner:
        return None
    items: list[CiteItem] = []
    for part in inner.split(";"):
        item = _cite_item(part)
        if item is None:
            return None
        items.append(item)
    return tuple(items)


def _citation_rule(state: StateInline, silent: bool) -> bool:
    src = state.src
    start = state.pos
    if src[start] != "[" or start + 1 >= state.posMax:
        return False
    end = src.find("]", start + 1, min(state.posMax, start + 1 + MAX_CITATION_CHARS))
    if end == -1:
        return False
    inner = src[start + 1 : end]
    if "[" in inner or "\n\n" in inner:
        return False
    # `[text @x](url)` and `[text][ref]` are links, as in Pandoc.
    if end + 1 < state.posMax and src[end + 1] in "([":
        return False
    items = parse_cite_items(inner)
    if items is None:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.meta = {"items": items}
        token.content = src[start : end + 1]
    state.pos = end + 1
    return True


def citation_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "citation", _citation_rule)
