"""Wrapping rendered blocks into screen lines at one width.

A line is only three numbers (block, start, end): the text stays in its block, so a
layout of a long article costs little memory and any line is drawn on demand.
Layout can run a few blocks at a time, so a long article shows its first screen
before the rest is wrapped.
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple, overload

from rich.cells import cell_len

from tui.render import tables
from tui.render.blocks import RenderedDocument, TextBlock
from tui.render.position import ReadingPosition

_WORD = re.compile(r"[^ \t\n]+")


class Line(NamedTuple):
    block: int
    start: int
    end: int
    first: bool  # the block's first line: draw its prefix
    blank: bool = False  # a spacing line above a block


# A line's place packed in one number, (block, start), and its end with its flags in another.
_SHIFT = 32
_MASK = (1 << _SHIFT) - 1
_FIRST, _BLANK = 2, 1


class Lines(Sequence[Line]):
    """The lines of a layout, kept as two arrays of numbers: a Line is made when asked.

    A 4 MB article wraps to about 80,000 lines. As objects they lived as long as the
    article, and every full collection of the garbage collector (on whichever thread
    it fell, the UI's too) walked them all; numbers in arrays are never walked.
    Only ever appended: the end array grows last, so a reader in another thread
    sees whole lines only.
    """

    __slots__ = ("_ends", "_places")

    def __init__(self) -> None:
        self._places = array("q")
        self._ends = array("q")

    def append(self, line: Line) -> None:
        self.add(*line)

    def add(self, block: int, start: int, end: int, first: bool, blank: bool = False) -> None:
        self._places.append((block << _SHIFT) | start)
        self._ends.append((end << 2) | (_FIRST if first else 0) | blank)

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Line: ...

    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...

    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        place, end = self._places[index], self._ends[index]
        return Line(place >> _SHIFT, place & _MASK, end >> 2, bool(end & _FIRST), bool(end & 1))

    def __iter__(self) -> Iterator[Line]:
        for index in range(len(self)):
            yield self[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Lines):
            return self._places == other._places and self._ends == other._ends
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # grows, as a list does

    def __repr__(self) -> str:
        return f"<Lines: {len(self)}>"


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _split_long(
    text: str, start: int, end: int, width: int, at_slash: bool = False
) -> list[tuple[int, int]]:
    """Break one run of text into pieces of at most *width* cells; with *at_slash*, a
    piece ends after its last "/" (or "-") when it has one: an address breaks
    between its parts, not inside one."""
    pieces: list[tuple[int, int]] = []
    piece_start, used, slash = start, 0, -1
    ascii_only = text.isascii()
    index = start
    while index < end:
        cells = 1 if ascii_only else cell_len(text[index])
        if used + cells > width and index > piece_start:
            cut = slash + 1 if at_slash and slash > piece_start else index
            pieces.append((piece_start, cut))
            piece_start, used, slash, index = cut, 0, -1, cut
            continue
        if text[index] in "/-":
            slash = index
        used += cells
        index += 1
    pieces.append((piece_start, end))
    return pieces


def wrap_words(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: (start, end) offsets of each line, spaces at breaks dropped."""
    if len(text) <= KEPT_WRAP_CHARS:
        return list(_kept_wrap(text, width))
    return _wrap_words(text, width)


# Short texts (titles, a card's lines, headings) are wrapped again and again: the
# library's cards at each key typed in its filter, mostly the same hundred. Their lines
# are kept, a few thousand at most (about a megabyte), so a long article's paragraphs
# never fill the memory.
KEPT_WRAP_CHARS = 240


@lru_cache(maxsize=4096)
def _kept_wrap(text: str, width: int) -> tuple[tuple[int, int], ...]:
    return tuple(_wrap_words(text, width))


def _wrap_words(text: str, width: int) -> list[tuple[int, int]]:
    width = max(width, 1)
    if text.isascii() and "\t" not in text:
        lines = _wrap_spaced(text, width)
        if lines is not None:
            return lines
    return wrap_greedy(text, width)


def _wrap_spaced(text: str, width: int) -> list[tuple[int, int]] | None:
    """wrap_words for ASCII text whose words are parted by spaces: a line at a time
    (its last space within the width), not a word at a time, so laying out an article
    (on opening, at a new width, after c) takes about a third of the time. None when a
    word is longer than a line: wrap_greedy breaks it."""
    lines: list[tuple[int, int]] = []
    end_of_text = len(text)
    segment_start = 0
    while True:
        segment_end = text.find("\n", segment_start)
        if segment_end < 0:
            segment_end = end_of_text
        start = segment_start
        while start < segment_end and text[start] == " ":
            start += 1
        if start == segment_end:
            lines.append((segment_start, segment_start))
        while start < segment_end:
            limit = start + width
            if limit >= segment_end:  # the rest fits
                end = segment_end
                while text[end - 1] == " ":
                    end -= 1
                lines.append((start, end))
                break
            space = text.rfind(" ", start, limit + 1)
            if space < 0:
                return None
            end = space
            while text[end - 1] == " ":
                end -= 1
            lines.append((start, end))
            start = space + 1
            while start < segment_end and text[start] == " ":
                start += 1
        if segment_end == end_of_text:
            return lines
        segment_start = segment_end + 1


def wrap_greedy(text: str, width: int) -> list[tuple[int, int]]:
    """wrap_words a word at a time: any text (wide characters, tabs, long words)."""
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    segment_start = 0
    ascii_only = text.isascii()
    for segment_end in [*(m.start() for m in re.finditer("\n", text)), len(text)]:
        line_start = -1
        line_end = 0
        used = 0
        for match in _WORD.finditer(text, segment_start, segment_end):
            word_start, word_end = match.span()
            cells = word_end - word_start if ascii_only else cell_len(match.group())
            if line_start >= 0:
                gap = word_start - line_end
                if used + gap + cells <= width:
                    line_end = word_end
                    used += gap + cells
                    continue
                lines.append((line_start, line_end))
            if cells > width:
                pieces = _split_long(text, word_start, word_end, width, at_slash=True)
                lines.extend(pieces[:-1])
                word_start = pieces[-1][0]
                cells = _cells(text[word_start:word_end])
            line_start, line_end, used = word_start, word_end, cells
        if line_start >= 0:
            lines.append((line_start, line_end))
        else:
            lines.append((segment_start, segment_start))
        segment_start = segment_end + 1
    return lines


def wrap_hard(text: str, width: int) -> list[tuple[int, int]]:
    """Wrap keeping every space (code): break at the width, whatever is there."""
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    offset = 0
    for raw in text.split("\n"):
        lines.extend(_split_long(text, offset, offset + len(raw), width))
        offset += len(raw) + 1
    return lines


def text_width(block: TextBlock, width: int) -> int:
    # Never wider than what is left: in a narrow pane a long word is broken, never cropped.
    return max(1, width - block.indent - len(block.prefix))


class Layout:
    """The lines of one rendered document at one width, built incrementally.

    One thread may extend it while another reads it: lines are only ever appended,
    and extending is serialised by a lock, so a reader sees a consistent prefix.
    """

    def __init__(self, document: RenderedDocument, width: int) -> None:
        # The document as given (a view adopts a layout made for it in a thread).
        self.source = document
        # Tables that fit this width are drawn as grids, the rest as labelled rows: each
        # made when the layout reaches it, so a long article's first lines wait for none.
        self.document = (
            replace(document, blocks=list(document.blocks)) if document.tables else document
        )
        self._tables = {shape.first_block: shape for shape in document.tables}
        self.width = width
        self.lines = Lines()
        # The first text line of every block laid out so far (after its blank lines).
        self.block_lines: list[int] = []
        # How many of the lines hold text (not the blank ones between blocks).
        self.text_line_count = 0
        self._next = 0
        self._lock = threading.Lock()

    @property
    def complete(self) -> bool:
        return self._next >= len(self.document.blocks)

    def extend(self, max_blocks: int | None = None) -> bool:
        """Lay out up to *max_blocks* more blocks (all when None); True when complete."""
        with self._lock:
            self._extend(max_blocks)
        return self.complete

    def _extend(self, max_blocks: int | None) -> None:
        blocks = self.document.blocks
        stop = len(blocks) if max_blocks is None else min(len(blocks), self._next + max_blocks)
        lines = self.lines
        for index in range(self._next, stop):
            if self._tables and (shape := self._tables.pop(index, None)) is not None:
                tables.draw_grid(blocks, shape, self.width)
            block = blocks[index]
            if lines:
                for _ in range(block.blank_before):
                    lines.add(index, 0, 0, False, True)
            first = len(lines)
            available = text_width(block, self.width)
            pieces = (
                wrap_words(block.text, available)
                if block.wrap_words
                else wrap_hard(block.text, available)
            )
            if block.shown_from:  # a table row drawn as a grid: the grid's lines only
                pieces = [piece for piece in pieces if piece[0] >= block.shown_from]
            for number, (start, end) in enumerate(pieces):
                lines.add(index, start, end, number == 0)
            self.text_line_count += len(pieces)
            self.block_lines.append(first)
            self._next = index + 1

    def ensure_lines(self, count: int) -> None:
        """Lay out blocks until at least *count* lines exist (or the document ends)."""
        while len(self.lines) < count and not self.complete:
            self.extend(16)

    def ensure_block(self, block: int) -> None:
        """Lay out blocks until *block* has its lines."""
        while self._next <= block and not self.complete:
            self.extend(64)

    # ------------------------------------------------------------ lookups

    def section_index_at(self, y: int) -> int:
        """The outline entry that line *y* belongs to."""
        if not self.lines:
            return 0
        line = self.lines[min(max(y, 0), len(self.lines) - 1)]
        return self.document.blocks[line.block].section_index

    def section_line(self, section_index: int) -> int | None:
        """The line of an outline entry's heading, or None if not laid out yet."""
        block = self.document.outline[section_index].block
        if block < len(self.block_lines):
            return self.block_lines[block]
        return None

    def block_of_line(self, y: int) -> int:
        return bisect_right(self.block_lines, y) - 1

    def line_for(self, position: ReadingPosition) -> int:
        """The line showing *position* (0 while its block is not laid out)."""
        if position.block >= len(self.block_lines):
            return 0
        y = self.block_lines[position.block]
        lines = self.lines
        while (
            y + 1 < len(lines)
            and lines[y + 1].block == position.block
            and lines[y + 1].start <= position.offset
            and not lines[y + 1].blank
        ):
            y += 1
        return y

    def position_at(self, y: int) -> ReadingPosition | None:
        """The start of line *y* (the last line when beyond), or None when empty."""
        if not self.lines:
            return None
        line = self.lines[min(max(y, 0), len(self.lines) - 1)]
        return ReadingPosition(line.block, line.start)
