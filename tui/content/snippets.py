"""What a search result shows: the text of each part of a document, kept as separate
units (a paragraph, a list item, a table row), and a snippet of whole sentences from
it with the matched words marked.
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
