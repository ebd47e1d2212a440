"""The text of each part of a document as the search index keeps it: separate units (a
paragraph, a list item, a table row), one a line; snippets are cut from it
(tui.content.snippets).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from tui.content.model import (
    Article,
    Block,
    Document,
    Inline,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Table,
    Text,
)
from tui.content.model import Heading as SubHeading
from tui.content.snippets import MATCH_END, MATCH_START, UNIT_BREAK

_SPACE_BEFORE_STOP = re.compile(r" +([.,;:)])")
_NO_MARKS = str.maketrans({MATCH_START: " ", MATCH_END: " "})


def _inline_words(runs: Iterable[Inline]) -> str:
    return "".join(run.text for run in runs if isinstance(run, Text | Link))


def _block_units(blocks: Iterable[Block]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph | SubHeading):
            yield _inline_words(block.inlines)
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield from _block_units(item.blocks)
        elif isinstance(block, Quote):
            yield from _block_units(block.blocks)
        elif isinstance(block, Table):
            # Each row labelled with the header, so a row read alone still says what
            # each cell is: "Change: hills; Why it may help: ...".
            labels = [_inline_words(cell).strip() for cell in block.header]
            for row in block.rows:
                cells = [_inline_words(cell).strip() for cell in row]
                yield "; ".join(
                    f"{label}: {cell}" if label else cell
                    for label, cell in zip(labels + [""] * len(cells), cells, strict=False)
                    if cell
                )


def units_text(units: Iterable[str]) -> str:
    """Units as the index stores them: one a line (empty ones left out), no marks of
    our own; citations are left out of the text, so the gap they leave before a stop
    is closed."""
    lines = (" ".join(unit.translate(_NO_MARKS).split()) for unit in units)
    return _SPACE_BEFORE_STOP.sub(r"\1", UNIT_BREAK.join(line for line in lines if line))


def overview_units(document: Document) -> Iterator[str]:
    """What opens a document: its summary, key points and the text before its first
    section (a card's summary is all that says what it is before its sections)."""
    yield document.summary
    if isinstance(document, Article):
        for point in document.key_points:
            yield _inline_words(point)
    yield from _block_units(document.overview)


def section_parts(document: Document) -> Iterator[tuple[int, str, str]]:
    """(outline entry, heading, text) for the overview and every section, in the
    numbering the reader's outline uses (the overview is entry 0)."""
    for entry, heading, text, _ in shown_parts(document):
        yield entry, heading, text


def shown_parts(document: Document) -> Iterator[tuple[int, str, str, str]]:
    """(outline entry, heading, text searched, text shown) for the overview and every
    section. The text shown is the text searched, except for a section with no text
    of its own (its subsections hold it all): a match in its heading would show
    nothing, so it shows the first unit of its first subsection with text, which is
    what the reader meets first under that heading. That lead is not searched: its
    words belong to the subsection, which is a hit of its own."""
    yield 0, "Overview", (text := units_text(overview_units(document))), text
    entry = 0
    for section in document.sections:
        texts = [units_text(_block_units(part.blocks)) for part in section.subsections]
        lead = next((text.split(UNIT_BREAK, 1)[0] for text in texts if text), "")
        entry += 1
        own = units_text(_block_units(section.blocks))
        yield entry, section.label, own, own or lead
        for part, text in zip(section.subsections, texts, strict=True):
            entry += 1
            yield entry, part.label, text, text
