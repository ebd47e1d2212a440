"""Glossary terms marked in rendered text: the first use of each term in each section
becomes a "term" anchor, so a reader can move to it and ask what it means.

Only running text is marked: never a heading, a code block, the standard disclaimer,
a label such as a card's "Impact: ", nor a word inside another anchor (a citation, a
note mark, a link, a reference). Each
block is scanned once, piece by piece between its anchors, so marking is linear in the
length of the text.
"""

from __future__ import annotations

from collections.abc import Iterable

from tui.content.glossary import TermIndex
from tui.render.blocks import Anchor, RenderedDocument, Span, TextBlock

TERM = "term"
# Block styles whose text is not running prose a term should be explained in.
UNMARKED_STYLES = frozenset({"title", "h2", "h3", "h4", "code", "rule", "meta", "disclaimer"})


def _is_label(block: TextBlock, span: Span) -> bool:
    """A bold "Name: " before a value (a card's facts, a table's column names)."""
    return span.style == "strong" and block.text[span.start : span.end].endswith(": ")


def _free_pieces(block: TextBlock) -> Iterable[tuple[int, int]]:
    """The stretches of the block's text that no other anchor or label covers, in order."""
    taken = [(a.start, a.end) for a in block.anchors]
    taken += [(s.start, s.end) for s in block.spans if _is_label(block, s)]
    at = 0
    for start, end in sorted(taken):
        if start > at:
            yield at, start
        at = max(at, end)
    if at < len(block.text):
        yield at, len(block.text)


def mark_block(block: TextBlock, index: TermIndex, seen: set[str]) -> None:
    """Anchor the first use in *block* of each term not in *seen* (then added to it)."""
    if block.style in UNMARKED_STYLES or not block.text:
        return
    marks: list[Anchor] = []
    for left, right in _free_pieces(block):
        for use in index.first_uses(block.text[left:right]):
            name = use.term.term
            if name in seen:
                continue
            seen.add(name)
            marks.append(Anchor(left + use.start, left + use.end, TERM, (name,)))
    if not marks:
        return
    block.spans.extend(Span(mark.start, mark.end, TERM) for mark in marks)
    # Anchors stay in reading order: moving with . and , walks them by index.
    block.anchors = sorted([*block.anchors, *marks], key=lambda a: (a.start, a.end))


def mark_terms(document: RenderedDocument, index: TermIndex) -> None:
    """Mark the first use of each term in each section of *document*, in place."""
    seen: set[str] = set()
    section = -1
    for block in document.blocks:
        if block.section_index != section:
            section = block.section_index
            seen = set()
        mark_block(block, index, seen)


def section_terms(document: RenderedDocument, entry: int) -> list[str]:
    """The terms marked in outline entry *entry*'s part of *document*, in reading order."""
    outline = document.outline
    if not 0 <= entry < len(outline):
        return []
    end = outline[entry + 1].block if entry + 1 < len(outline) else len(document.blocks)
    names: list[str] = []
    for block in document.blocks[outline[entry].block : end]:
        names.extend(a.targets[0] for a in block.anchors if a.kind == TERM and a.targets)
    return list(dict.fromkeys(names))
