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
_ID = r"[A-Za-z0-9_](?:[A-Za-z0-9_]|[:.#$%&\-+?<>~/](?=[A-Za-z0-9_]))*"
_ITEM = re.compile(
    rf"^\s*(?P<prefix>[^@;]*?)\s*-?@(?P<id>{_ID})\s*(?:,\s*(?P<locator>[^;]*?))?\s*$",
    re.DOTALL,
)


def parse_cite_items(inner: str) -> tuple[CiteItem, ...] | None:
    """Items of a bracketed citation's inner text, or None when it is not one."""
    if "@" not in inner:
        return None
    items: list[CiteItem] = []
    for part in inner.split(";"):
        match = _ITEM.match(part)
        if match is None:
            return None
        items.append(
            CiteItem(
                id=match["id"],
                locator=(match["locator"] or "").strip(),
                prefix=match["prefix"].strip(),
            )
        )
    return tuple(items)


def _citation_rule(state: StateInline, silent: bool) -> bool:
    src = state.src
    start = state.pos
    if src[start] != "[" or start + 1 >= state.posMax:
        return False
    end = src.find("]", start + 1, state.posMax)
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
