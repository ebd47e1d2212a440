"""Where a reader is in a laid-out document: the section at the top of the view and
how much of the article they have seen."""

from __future__ import annotations

from tui.render.blocks import OutlineEntry, RenderedDocument
from tui.render.layout import Layout


def section_index_at_top(layout: Layout, top_line: int) -> int:
    """The outline entry of the view whose top is *top_line*."""
    if not layout.lines:
        return 0
    top = min(top_line, len(layout.lines) - 1)
    line = layout.lines[top]
    if line.blank and line.block > 0:
        # A gap above a heading still belongs to the section before it.
        return layout.document.blocks[line.block - 1].section_index
    return layout.section_index_at(top)


def _weight(text: str) -> int:
    # An empty block (a rule) still counts as something to see.
    return max(1, len(text))


class SeenText:
    """The parts of a document that have been on screen, as character spans of its
    blocks, so the share read does not depend on the width or on jumps: pressing G
    shows the end, not the whole."""

    def __init__(self) -> None:
        self._spans: dict[int, list[tuple[int, int]]] = {}
        self._seen = 0
        self._counted: tuple[tuple[int, int, int], int] | None = None
        # For one whole layout: which of its text lines are seen, and how many it has;
        # kept up as lines are marked, so a move costs a page, not the whole article.
        self._lines: tuple[Layout, set[int], int] | None = None
        self._weight: tuple[RenderedDocument, int] | None = None

    def clear(self) -> None:
        self._spans = {}
        self._seen = 0
        self._counted = None
        self._lines = None

    def clear_counts(self) -> None:
        """Forget the line counts (not what was seen): the next percent counts again."""
        self._counted = None
        self._lines = None

    def _add(self, block: int, start: int, end: int) -> None:
        spans = self._spans.setdefault(block, [])
        merged: list[tuple[int, int]] = []
        for a, b in spans:
            if b < start or a > end:
                merged.append((a, b))
            else:
                start, end = min(a, start), max(b, end)
        merged.append((start, end))
        merged.sort()
        self._seen += sum(b - a for a, b in merged) - sum(b - a for a, b in spans)
        self._spans[block] = merged

    @staticmethod
    def _line_span(layout: Layout, y: int) -> tuple[int, int]:
        """The characters line *y* stands for: up to the next line's start (the space
        it wrapped at), the whole rest of the block on its last line."""
        lines = layout.lines
        line = lines[y]
        end = _weight(layout.document.blocks[line.block].text)
        if y + 1 < len(lines):
            following = lines[y + 1]
            if not following.blank and following.block == line.block:
                end = following.start
        return line.start, end

    def mark(self, layout: Layout, top_line: int, page_height: int) -> None:
        """The lines from *top_line* down a page are on screen."""
        lines = layout.lines
        counted = self._lines[1] if self._lines and self._lines[0] is layout else None
        for y in range(max(0, top_line), min(len(lines), top_line + page_height)):
            if not lines[y].blank:
                self._add(lines[y].block, *self._line_span(layout, y))
                if counted is not None:
                    counted.add(y)

    def _covered(self, block: int, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self._spans.get(block, ()))

    def mark_prefix(self, document: RenderedDocument, percent: int) -> None:
        """The first *percent* of the whole article counts as seen (read before)."""
        total = sum(_weight(block.text) for block in document.blocks) / max(document.share, 0.01)
        left = int(total * percent / 100)
        for index, block in enumerate(document.blocks):
            if left <= 0:
                break
            size = _weight(block.text)
            self._add(index, 0, min(size, left))
            left -= size
        self._lines = None

    def percent(self, layout: Layout) -> int:
        """The share seen, as a whole percentage: lines seen of all the lines at this
        width once laid out (characters until then), 100 only when every line was seen
        (a preview counts as its share of the whole)."""
        # Asked at every move: counted again only when something new was seen.
        key = (id(layout), len(layout.lines), self._seen)
        if self._counted is not None and self._counted[0] == key:
            return self._counted[1]
        percent = self._percent(layout)
        self._counted = (key, percent)
        return percent

    def _count_lines(self, layout: Layout) -> tuple[Layout, set[int], int]:
        """The text lines of a whole *layout* that are seen, and how many there are:
        only the blocks seen are walked, so a long article costs what was read."""
        counted: set[int] = set()
        lines, block_lines = layout.lines, layout.block_lines
        for block in self._spans:
            y = block_lines[block] if block < len(block_lines) else len(lines)
            while y < len(lines) and lines[y].block == block:
                if not lines[y].blank and self._covered(block, *self._line_span(layout, y)):
                    counted.add(y)
                y += 1
        return layout, counted, layout.text_line_count

    def _document_weight(self, document: RenderedDocument) -> int:
        # Asked at every report while a long article is laid out: summed once.
        if self._weight is None or self._weight[0] is not document:
            self._weight = (document, sum(_weight(block.text) for block in document.blocks))
        return self._weight[1]

    def _percent(self, layout: Layout) -> int:
        document = layout.document
        if layout.complete and layout.lines:
            if self._lines is None or self._lines[0] is not layout:
                self._lines = self._count_lines(layout)
            _, counted, total = self._lines
            whole = len(counted)
        else:
            total = self._document_weight(document)
            whole = self._seen
        if not total:
            return 0
        if whole >= total and not document.partial:
            return 100
        return min(99, int(whole * 100 * document.share / total))


def percent_read(layout: Layout, top_line: int, page_height: int) -> int:
    """How much one screen from *top_line* shows, as a whole percentage of the whole
    article (a preview counts as its share of it)."""
    seen = SeenText()
    seen.mark(layout, top_line, page_height)
    return seen.percent(layout)


def thumb_rows(layout: Layout, top_line: int, height: int) -> range:
    """The rows of a view *height* rows high where the position thumb is drawn (a
    preview's thumb is sized for the whole article)."""
    if len(layout.lines) <= height:
        return range(0)
    total = len(layout.lines)
    if layout.document.partial:
        total = int(total / max(layout.document.share, 0.01))
    size = max(1, height * height // total)
    start = min(height - size, top_line * height // total)
    return range(start, start + size)


def section_status(entry: OutlineEntry, document: RenderedDocument) -> str:
    """ "Section 2 of 6" inside numbered sections (and their subsections), else the part's name."""
    if entry.number:
        top = entry.number.split(".")[0]
        if document.partial:
            return f"Section {top} (still opening the rest)"
        return f"Section {top} of {document.section_count}"
    return entry.title
