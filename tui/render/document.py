"""Articles and exercise cards into styled text blocks with an outline.

The same blocks feed the full-screen article view and the plain, linear output, so
both always say the same thing in the same order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tui.content.glossary import TermIndex
from tui.content.model import (
    Article,
    Block,
    Citation,
    CodeBlock,
    Document,
    Exercise,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Rule,
    Section,
    Table,
    Text,
)
from tui.content.vocab import DISCLAIMER, IMPACTS, KINDS, caution_sentence
from tui.render.blocks import (
    Anchor,
    OutlineEntry,
    RenderedDocument,
    Span,
    TableShape,
    TextBlock,
)
from tui.render.labels import CitationStyle, ReferenceLabels
from tui.render.references import reference_text
from tui.render.terms import mark_terms

# (reading path's title, next article's slug, its title)
NextReading = tuple[str, str, str]


@dataclass
class _Runs:
    """A block's text being assembled, with its spans and anchors."""

    parts: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    length: int = 0

    def add(self, text: str, *styles: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(text)
        self.length += len(text)
        for style in styles:
            if style:
                self.spans.append(Span(start, self.length, style))
        return start, self.length

    def block(
        self, style: str = "body", indent: int = 0, prefix: str = "", blank_before: int = 1
    ) -> TextBlock:
        return TextBlock(
            "".join(self.parts),
            style=style,
            spans=self.spans,
            anchors=self.anchors,
            indent=indent,
            prefix=prefix,
            blank_before=blank_before,
        )


def _long_date(date: dt.date) -> str:
    return f"{date.day} {date:%B %Y}"


class DocumentRenderer:
    def __init__(
        self,
        document: Document,
        style: CitationStyle = CitationStyle.AUTHOR_YEAR,
        titles: Mapping[str, str] | None = None,
        preview_share: float | None = None,
        next_reading: NextReading | None = None,
    ) -> None:
        self.document = document
        self.next_reading = next_reading
        # A preview stops after its sections: notes and related reading come with the whole.
        self.partial = preview_share is not None
        self.share = preview_share if preview_share is not None else 1.0
        self.style = style
        self.labels = ReferenceLabels.for_document(document)
        # Titles of other articles, to name related reading.
        self.titles = titles or {}
        self.blocks: list[TextBlock] = []
        self.outline: list[OutlineEntry] = []
        self.tables: list[TableShape] = []

    # ------------------------------------------------------------ pieces

    def runs(self, inlines: Sequence[Inline], into: _Runs | None = None) -> _Runs:
        runs = into or _Runs()
        for run in inlines:
            if isinstance(run, Text):
                runs.add(run.text, *sorted(run.marks))
            elif isinstance(run, Citation):
                start, end = runs.add(self.labels.citation_text(run, self.style), "cite")
                runs.anchors.append(Anchor(start, end, "citation", run.ids))
            elif isinstance(run, FootnoteRef):
                start, end = runs.add(f"[note {run.number}]", "fnref")
                runs.anchors.append(Anchor(start, end, "footnote", (run.label,)))
            elif isinstance(run, Link):
                shown = (
                    run.text if run.text == run.href or not run.href else f"{run.text} ({run.href})"
                )
                start, end = runs.add(shown, "link", *sorted(run.marks))
                runs.anchors.append(Anchor(start, end, "link", (run.href,)))
            elif isinstance(run, LineBreak):
                runs.add("\n")
        return runs

    def emit(self, block: TextBlock) -> None:
        block.section_index = max(0, len(self.outline) - 1)
        self.blocks.append(block)

    def entry(self, number: str, title: str, level: int) -> None:
        self.outline.append(OutlineEntry(number, title, level, len(self.blocks)))

    def paragraph(self, text: str, style: str = "body", blank_before: int = 1) -> None:
        self.emit(TextBlock(text, style=style, blank_before=blank_before))

    def content(self, blocks: Sequence[Block], indent: int = 0, first_prefix: str = "") -> None:
        """Emit model blocks; *first_prefix* (a bullet) goes before the first one only."""
        for position, block in enumerate(blocks):
            prefix = first_prefix if position == 0 else ""
            # Inside list items, paragraphs follow each other without a gap.
            gap = 0 if indent and position == 0 else 1
            if isinstance(block, Paragraph):
                self.emit(
                    self.runs(block.inlines).block(indent=indent, prefix=prefix, blank_before=gap)
                )
            elif isinstance(block, Heading):
                self.emit(self.runs(block.inlines).block(style="h4", indent=indent, blank_before=1))
            elif isinstance(block, ListBlock):
                self.list_block(block, indent, prefix, gap)
            elif isinstance(block, Quote):
                first = len(self.blocks)
                self.content(block.blocks, indent + 2)
                for emitted in self.blocks[first:]:
                    emitted.style = "quote"
            elif isinstance(block, CodeBlock):
                self.emit(
                    TextBlock(
                        block.text,
                        style="code",
                        indent=indent + 2,
                        wrap_words=False,
                        blank_before=1,
                    )
                )
            elif isinstance(block, Table):
                self.table(block, indent)
            elif isinstance(block, Rule):
                self.emit(TextBlock("", style="rule", indent=indent, blank_before=1))

    def list_block(self, block: ListBlock, indent: int, prefix: str, gap: int) -> None:
        if prefix:
            # A list that opens a list item: the item's bullet stands alone on its line.
            self.emit(TextBlock("", indent=indent, prefix=prefix, blank_before=gap))
        width = len(f"{block.start + len(block.items) - 1}. ") if block.ordered else 2
        for number, item in enumerate(block.items, start=block.start):
            bullet = f"{number}. ".rjust(width) if block.ordered else "• "
            first = len(self.blocks)
            self.content(item.blocks, indent + width, bullet)
            if len(self.blocks) > first:
                self.blocks[first].blank_before = 1 if number == block.start and gap else 0
                self.blocks[first].indent = indent

    def table(self, table: Table, indent: int) -> None:
        # A table reads row by row, each cell named by its column: it reflows to any
        # width and a screen reader hears which column a value belongs to. Where a
        # layout has room, it draws the same rows as a grid (tui.render.tables).
        labels = ["".join(self.runs(cell).parts) for cell in table.header]
        first = len(self.blocks)
        cells: list[tuple[tuple[int, int], ...]] = []
        for position, row in enumerate(table.rows):
            runs = _Runs()
            values: list[tuple[int, int]] = []
            for column, cell in enumerate(row):
                if column:
                    runs.add("; ")
                if column < len(labels) and labels[column]:
                    runs.add(labels[column] + ": ", "strong")
                start = runs.length
                self.runs(cell, runs)
                values.append((start, runs.length))
            cells.append(tuple(values))
            self.emit(
                runs.block(indent=indent, prefix="• ", blank_before=1 if position == 0 else 0)
            )
        if cells:
            self.tables.append(TableShape(first, tuple(labels), tuple(cells)))

    def section(self, section: Section) -> None:
        self.entry(section.number, section.title, section.level)
        style = "h2" if section.level == 2 else "h3"
        self.emit(
            TextBlock(
                section.label,
                style=style,
                blank_before=2 if section.level == 2 else 1,
            )
        )
        self.content(section.blocks)
        for sub in section.subsections:
            self.section(sub)

    def footnotes(self) -> None:
        if not self.document.footnotes:
            return
        self.entry("", "Notes", 2)
        self.emit(TextBlock("Notes", style="h2", blank_before=2))
        for note in self.document.footnotes:
            first = len(self.blocks)
            self.content(note.blocks, 0, f"[note {note.number}] ")
            if len(self.blocks) > first:
                self.blocks[first].anchors.insert(0, Anchor(0, 0, "footnote-body", (note.label,)))

    def disclaimer(self) -> None:
        runs = _Runs()
        runs.add("Please note: ", "strong")
        runs.add(DISCLAIMER)
        self.emit(runs.block(style="disclaimer", blank_before=1))

    # ------------------------------------------------------------ documents

    def article(self, article: Article) -> RenderedDocument:
        self.entry("", "Overview", 2)
        self.emit(TextBlock(article.title, style="title"))
        meta = [f"About {article.reading_minutes} min to read"]
        if article.reviewed:
            meta.insert(0, f"Reviewed {_long_date(article.reviewed)}")
        self.paragraph(" · ".join(meta), style="meta", blank_before=0)
        if article.source:
            self.paragraph(provenance(article.source), style="meta", blank_before=0)
        self.disclaimer()
        if article.key_points:
            self.paragraph("Key points", style="h4")
            for point in article.key_points:
                self.emit(self.runs(point).block(prefix="• ", blank_before=0))
        self.content(article.overview)
        for section in article.sections:
            self.section(section)
        if self.partial:
            return RenderedDocument(
                self.blocks, self.outline, partial=True, share=self.share, tables=self.tables
            )
        self.footnotes()
        if article.related_articles:
            self.entry("", "Related articles", 2)
            self.emit(TextBlock("Related articles", style="h2", blank_before=2))
            for slug in article.related_articles:
                runs = _Runs()
                start, end = runs.add(self.titles.get(slug, slug), "link")
                runs.anchors.append(Anchor(start, end, "article", (slug,)))
                self.emit(runs.block(prefix="• ", blank_before=0))
        if self.next_reading is not None:
            path_title, slug, title = self.next_reading
            self.entry("", "Next in your path", 2)
            self.emit(TextBlock("Next in your path", style="h2", blank_before=2))
            runs = _Runs()
            runs.add(f"On the path “{path_title}”, next: ")
            start, end = runs.add(title, "link")
            runs.anchors.append(Anchor(start, end, "article", (slug,)))
            runs.add(". Move to it with . and press Enter.")
            self.emit(runs.block())
        return RenderedDocument(self.blocks, self.outline, tables=self.tables)

    def exercise(self, exercise: Exercise) -> RenderedDocument:
        self.entry("", "About this exercise", 2)
        self.emit(TextBlock(exercise.title, style="title"))
        self.paragraph(exercise.summary, style="meta", blank_before=0)
        self.disclaimer()
        facts = [
            ("Type", KINDS.get(exercise.kind, exercise.kind)),
            ("Impact", IMPACTS.get(exercise.impact, exercise.impact)),
            ("Equipment", ", ".join(exercise.equipment) or "none"),
            ("Dose", exercise.dose),
        ]
        for position, (label, value) in enumerate(facts):
            runs = _Runs()
            runs.add(f"{label}: ", "strong")
            runs.add(value or "not stated")
            self.emit(runs.block(prefix="• ", blank_before=1 if position == 0 else 0))
        if exercise.cautions:
            self.paragraph("Take care", style="h4")
            for code in exercise.cautions:
                self.emit(TextBlock(caution_sentence(code), prefix="! ", blank_before=0))
        self.content(exercise.overview)
        for section in exercise.sections:
            self.section(section)
        self.footnotes()
        self.entry("", "References", 2)
        self.emit(TextBlock("References", style="h2", blank_before=2))
        for ref in self.labels.order:
            number = self.labels.numbers[ref.id]
            block = TextBlock(reference_text(ref), prefix=f"{number}. ", blank_before=1)
            block.anchors.append(Anchor(0, len(block.text), "reference", (ref.id,)))
            self.emit(block)
        return RenderedDocument(self.blocks, self.outline, tables=self.tables)


def render_document(
    document: Document,
    style: CitationStyle = CitationStyle.AUTHOR_YEAR,
    titles: Mapping[str, str] | None = None,
    preview_share: float | None = None,
    next_reading: NextReading | None = None,
    terms: TermIndex | None = None,
) -> RenderedDocument:
    """Blocks and outline; with *preview_share*, a preview of the opening sections;
    with *next_reading* (path title, slug, title), where the reader's path goes next;
    with *terms*, the first use of each glossary term in each section marked."""
    renderer = DocumentRenderer(document, style, titles, preview_share, next_reading)
    if isinstance(document, Exercise):
        rendered = renderer.exercise(document)
    elif isinstance(document, Article):
        rendered = renderer.article(document)
    else:
        raise TypeError(f"cannot render {type(document).__name__}")
    if terms is not None:
        mark_terms(rendered, terms)
    return rendered


def provenance(source: dict[str, str]) -> str:
    """One line under an imported article's title: where it came from and when."""
    where = source.get("url") or source.get("file") or "a page"
    parts = [f"Imported from {where}"]
    if source.get("site"):
        parts.append(source["site"])
    if source.get("date"):
        parts.append(f"dated {source['date']}")
    line = ", ".join(parts)
    if source.get("imported"):
        line += f"; imported on {source['imported']}"
    return line + ". Not reviewed by wellread."
