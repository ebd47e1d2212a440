"""What the render layer produces: styled text blocks ready to wrap to any width.

A block is one paragraph, heading or list item as a single string with style spans
and anchors (citations, footnotes, links) as character ranges. Styles are names;
the app maps them to colours and attributes, plain mode ignores them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.content.section_label import section_label


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    style: str


@dataclass(frozen=True)
class Anchor:
    """A place in the text a reader can move to and act on."""

    start: int
    end: int
    kind: str  # "citation", "footnote", "link", "article", "exercise"
    targets: tuple[str, ...]  # reference ids, a footnote label, an address or a slug


@dataclass
class TextBlock:
    text: str
    style: str = "body"  # the block's own style: body, title, h2, h3, quote, code ...
    spans: list[Span] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    indent: int = 0  # cells before every line
    prefix: str = ""  # bullet or number, before the first line only (hanging indent)
    blank_before: int = 0  # empty lines above the block
    wrap_words: bool = True  # False: break anywhere (code), never at spaces only
    section_index: int = 0  # the outline entry the block belongs to
    # Where the text drawn starts: a table row drawn as part of a grid keeps its
    # labelled text first (where anchors and matches point) and the grid after it.
    shown_from: int = 0


@dataclass(frozen=True)
class OutlineEntry:
    number: str  # "2", "2.1", or "" for unnumbered parts such as the overview
    title: str
    level: int  # 2 for sections, 3 for subsections
    block: int  # index of the first block

    @property
    def label(self) -> str:
        return section_label(self.number, self.title, self.level)


@dataclass(frozen=True)
class TableShape:
    """A table, rendered as one labelled block per row ("Column: value; ..."): where
    its rows are and where each cell's value lies in a row's text, so a layout wide
    enough can draw it as a grid (tui.render.tables)."""

    first_block: int
    labels: tuple[str, ...]  # the header's cells, "" where one is empty
    cells: tuple[tuple[tuple[int, int], ...], ...]  # per row, (start, end) of each value


@dataclass
class RenderedDocument:
    blocks: list[TextBlock]
    outline: list[OutlineEntry]
    # A preview holds the opening sections only: `share` is the part of the text it
    # covers; the full document's first blocks are the same as these.
    partial: bool = False
    share: float = 1.0
    tables: list[TableShape] = field(default_factory=list)

    @property
    def section_count(self) -> int:
        """Numbered top-level sections, as "section N of M" counts them."""
        return sum(1 for entry in self.outline if entry.number and entry.level == 2)


def keep_unchanged_blocks(old: RenderedDocument, new: RenderedDocument) -> int:
    """Put *old*'s block in *new* wherever the two are equal (at the same index): the
    same article in another citation style differs in the blocks that cite only, and a
    view keeps what it drew for a block by the block, so those lines need no drawing
    again. Returns how many blocks were kept."""
    kept = 0
    if len(old.blocks) != len(new.blocks):
        return kept  # another text (a preview), not a restyle
    blocks = new.blocks
    for index, (before, now) in enumerate(zip(old.blocks, blocks, strict=True)):
        # The text first: most blocks that differ differ there, and it is compared in C.
        if before.text == now.text and before == now:
            blocks[index] = before
            kept += 1
    return kept
