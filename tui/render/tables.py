"""Tables as aligned grids, for a layout wide enough to hold them.

A table is rendered once, as labelled rows ("Column: value; ..."), which reflow to
any width and read well aloud; the plain, linear output always uses them. A layout
at a given width asks `at_width` for its blocks: each table whose columns fit (each
at least MIN_COLUMN cells or its longest word, cells wrapped at spaces) has its row
blocks replaced by copies that draw a grid with a header row:

    Pace  │ Feels like
    ──────┼──────────────────────────────
    Easy  │ You can sing

A copy keeps the labelled text first and the grid after it (`shown_from`), so block
numbers and the offsets of anchors, matches and saved places stay those of the
labelled rows at every width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from tui.render.blocks import Span, TableShape, TextBlock

# Below this many cells a column of prose turns into a narrow ribbon: labelled rows
# read better. A longer word sets a wider floor, so words are never split.
MIN_COLUMN = 16
GAP = " │ "
CROSS = "─┼─"
RULE = "─"

# What a grid row's copy takes over from the labelled block as it is.
_BLOCK_FIELDS = ("style", "anchors", "blank_before", "section_index")

# (start, end) of a piece of a row block's text, and where it goes in the grid.
_Piece = tuple[int, int]


def draw_grid(blocks: list[TextBlock], shape: TableShape, width: int) -> None:
    """Put in *blocks* the copies of *shape*'s rows that draw it as a grid in *width*
    cells, if it fits (it keeps its labelled rows if not)."""
    rows = blocks[shape.first_block : shape.first_block + len(shape.cells)]
    if len(rows) < len(shape.cells):
        return  # a preview cut inside the table: its rows stay labelled
    copies = grid_rows(shape, rows, width)
    if copies is not None:
        blocks[shape.first_block : shape.first_block + len(copies)] = copies


def _words_width(text: str) -> int:
    return max((cell_len(word) for word in text.split()), default=0)


def _lines_width(text: str) -> int:
    return max((cell_len(line) for line in text.split("\n")), default=0)


def column_widths(natural: Sequence[int], floor: Sequence[int], room: int) -> list[int] | None:
    """Widths for columns that would like *natural* cells and need *floor*, in *room*
    cells (gaps excluded); None when even the floors do not fit. The widest columns
    give way first, none below its floor."""
    if sum(floor) > room:
        return None
    if sum(natural) <= room:
        return list(natural)
    # The largest cap on every column that still fits; what is left goes to the
    # columns the cap cut, left to right.
    low, high = 0, max(natural)
    while low < high:
        cap = (low + high + 1) // 2
        if sum(max(f, min(n, cap)) for n, f in zip(natural, floor, strict=True)) <= room:
            low = cap
        else:
            high = cap - 1
    widths = [max(f, min(n, low)) for n, f in zip(natural, floor, strict=True)]
    left = room - sum(widths)
    for column, wanted in enumerate(natural):
        extra = min(left, wanted - widths[column])
        if extra > 0:
            widths[column] += extra
            left -= extra
    return widths


def grid_rows(shape: TableShape, rows: Sequence[TextBlock], width: int) -> list[TextBlock] | None:
    """Copies of a table's row blocks that draw it as a grid in *width* cells, or None
    when its columns do not fit."""
    from tui.render.layout import wrap_words  # the layout imports this module

    columns = max(len(shape.labels), *(len(cells) for cells in shape.cells))
    indent = rows[0].indent
    labels = [*shape.labels, *[""] * (columns - len(shape.labels))]
    values = [
        [*cells, *[(0, 0)] * (columns - len(cells))] for cells in shape.cells
    ]  # ragged rows padded with empty cells
    texts = [[row.text[a:b] for a, b in cells] for row, cells in zip(rows, values, strict=True)]
    natural = [
        max(_lines_width(labels[c]), *(_lines_width(t[c]) for t in texts)) for c in range(columns)
    ]
    floor = [
        min(
            natural[c],
            max(MIN_COLUMN, _words_width(labels[c]), *(_words_width(t[c]) for t in texts)),
        )
        for c in range(columns)
    ]
    widths = column_widths(natural, floor, width - indent - len(GAP) * (columns - 1))
    if widths is None:
        return None

    def wrapped(text: str, column: int) -> list[_Piece]:
        return wrap_words(text, widths[column])

    header = [wrapped(label, c) for c, label in enumerate(labels)]
    # Rows of more than one line are set apart by a rule; one-line rows need none.
    tall = any(len(wrapped(text, c)) > 1 for row in texts for c, text in enumerate(row))
    rule = CROSS.join(RULE * w for w in widths)
    copies: list[TextBlock] = []
    for number, (row, cells) in enumerate(zip(rows, values, strict=True)):
        grid = _Grid(row.text, widths)
        # The row's own spans stay over its labelled text, its grid gets copies.
        if number == 0 and any(labels):
            grid.add_row(header, [(0, 0)] * columns, labels, "strong")
            grid.add_line(rule)
        pieces = [wrapped(row.text[a:b], c) for c, (a, b) in enumerate(cells)]
        grid.add_row(pieces, cells, None, None, row.spans)
        if tall and number + 1 < len(rows):
            grid.add_line(rule)
        text, grid_spans, moves = grid.finish()
        copies.append(
            GridRowBlock(
                **{name: getattr(row, name) for name in _BLOCK_FIELDS},
                text=text,
                spans=[*row.spans, *grid_spans],
                indent=indent,
                prefix="",
                wrap_words=False,
                shown_from=len(row.text) + 1,
                moves=moves,
            )
        )
    return copies


class _Grid:
    """One row block's copy being assembled: its labelled text, then grid lines."""

    def __init__(self, labelled: str, widths: list[int]) -> None:
        self.widths = widths
        self.parts = [labelled]
        self.length = len(labelled)
        self.spans: list[Span] = []
        self.moves: list[tuple[int, int, int]] = []

    def _put(self, text: str) -> int:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        return start

    def add_line(self, text: str) -> None:
        self._put("\n")
        self._put(text)

    def add_row(
        self,
        pieces: list[list[_Piece]],
        cells: Sequence[tuple[int, int]],
        own_texts: Sequence[str] | None,
        style: str | None,
        row_spans: Sequence[Span] = (),
    ) -> None:
        """Lines for one row of cells: *pieces* of each cell (offsets within the cell);
        the cell's text is *own_texts*[c] when given (the header), else the labelled
        text from *cells*[c]; *row_spans* (over the labelled text) are carried over."""
        labelled = self.parts[0]
        last = len(self.widths) - 1
        for line in range(max(len(p) for p in pieces)):
            self._put("\n")
            for column, width in enumerate(self.widths):
                if column:
                    self._put(GAP)
                if line >= len(pieces[column]):
                    if column < last:
                        self._put(" " * width)
                    continue
                start, end = pieces[column][line]
                if own_texts is not None:
                    text = own_texts[column][start:end]
                    at = self._put(text)
                    if style and text:
                        self.spans.append(Span(at, at + len(text), style))
                else:
                    origin = cells[column][0]
                    text = labelled[origin + start : origin + end]
                    at = self._put(text)
                    self.moves.append((origin + start, origin + end, at))
                    self._carry(row_spans, origin + start, origin + end, at)
                if column < last:
                    self._put(" " * (width - cell_len(text)))

    def _carry(self, spans: Sequence[Span], start: int, end: int, at: int) -> None:
        """The row's spans over labelled text [start, end), moved to grid offset *at*."""
        for span in spans:
            low, high = max(span.start, start), min(span.end, end)
            if low < high:
                self.spans.append(Span(at + low - start, at + high - start, span.style))

    def finish(self) -> tuple[str, list[Span], tuple[tuple[int, int, int], ...]]:
        return "".join(self.parts), self.spans, tuple(self.moves)


@dataclass
class GridRowBlock(TextBlock):
    """A table row's block as a layout draws it in a grid: where each piece of the
    labelled text went, (labelled start, labelled end, grid start)."""

    moves: tuple[tuple[int, int, int], ...] = ()


def shown_spans(block: TextBlock, spans: Sequence[Span]) -> tuple[Span, ...]:
    """*spans* over a block's labelled text (search matches, the focused anchor) where
    the layout's copy of the block draws that text: the same spans for any other
    block. A view draws them over the layout's block in place of the originals."""
    if not isinstance(block, GridRowBlock):
        return tuple(spans)
    moved: list[Span] = []
    for span in spans:
        for start, end, at in block.moves:
            low, high = max(span.start, start), min(span.end, end)
            if low < high:
                moved.append(Span(at + low - start, at + high - start, span.style))
    return tuple(moved)


def shown_offset(block: TextBlock, offset: int) -> int:
    """Where a character of a block's labelled text is drawn in the layout's copy (the
    start of the piece after it when it falls between pieces, a space at a wrap)."""
    if not isinstance(block, GridRowBlock):
        return offset
    moves = sorted(block.moves)  # in grid order: a line holds a piece of each cell
    for start, end, at in moves:
        if offset <= end:
            return at + max(0, offset - start)
    if not moves:
        return block.shown_from
    start, end, at = moves[-1]
    return at + end - start
