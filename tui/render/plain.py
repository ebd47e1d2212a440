"""Articles as linear text for screen readers, braille displays and pipes.

Headings are marked in words ("Section 2: ..."), citations read as numbers [3], and
the references and related exercises follow as numbered lists. Paragraphs stay on
one line each, so a braille display or the terminal wraps them, and nothing but
words and ordinary punctuation is printed: no escape codes, no box drawing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from tui.content.model import Article, ExerciseFacts, Reference
from tui.render.blocks import RenderedDocument, TextBlock
from tui.render.document import render_document
from tui.render.labels import CitationStyle, ReferenceLabels

# Re-exported: the linear reader and older callers find hits' lines here too.
from tui.render.plain_hits import found_line as found_line
from tui.render.plain_hits import plain as plain
from tui.render.plain_hits import search_hit_lines as search_hit_lines
from tui.render.references import reference_text
from tui.render.summaries import exercise_lines


@dataclass
class PlainSection:
    """One part of an article as the linear reader reads it."""

    heading: str  # "Section 2: Ways to vary a run", "Overview", "Notes"
    number: str  # "2", "2.1", or "" for parts without a number
    title: str
    lines: list[str]
    entry: int = 0  # its outline entry in the rendered document
    block: int = 0  # its first block, the place reading state saves
    label: str = ""  # the outline's label, as bookmarks and "continue reading" name it


def _block_line(block: TextBlock) -> str:
    # "! " marks a caution on screen; said aloud it is noise, so it reads as a list item.
    prefix = plain(block.prefix).replace("! ", "- ") if block.prefix.strip() else ""
    if block.style == "rule":
        return ""
    return " " * block.indent + prefix + plain(" ".join(block.text.split()))


def _heading(number: str, title: str) -> str:
    return f"Section {number}: {title}" if number else title


def plain_sections(document: RenderedDocument) -> list[PlainSection]:
    """The rendered document's parts, each with its heading in words and its lines."""
    sections: list[PlainSection] = []
    for index, entry in enumerate(document.outline):
        start = entry.block
        end = document.outline[index + 1].block if index + 1 < len(document.outline) else None
        blocks = document.blocks[start:end]
        lines: list[str] = []
        for position, block in enumerate(blocks):
            if position == 0 and block.style in ("h2", "h3"):
                continue  # the heading itself, given in words instead
            if block.blank_before and lines and lines[-1] != "":
                lines.append("")
            lines.append(_block_line(block))
        while lines and lines[-1] == "":
            lines.pop()
        heading = _heading(entry.number, entry.title)
        sections.append(
            PlainSection(heading, entry.number, entry.title, lines, index, entry.block, entry.label)
        )
    return sections


def article_parts(
    article: Article,
    exercises: list[ExerciseFacts],
    titles: Mapping[str, str] | None = None,
) -> tuple[list[PlainSection], list[str], list[str]]:
    """(sections, numbered references, numbered related exercises) of an article."""
    rendered = render_document(article, CitationStyle.NUMERIC, titles)
    sections = plain_sections(rendered)
    labels = ReferenceLabels.for_document(article)
    references = [reference_line(labels.numbers[ref.id], ref) for ref in labels.order]
    related = [exercise_line(number, facts) for number, facts in enumerate(exercises, start=1)]
    return sections, references, related


def exercise_line(number: int, facts: ExerciseFacts) -> str:
    """A related exercise in one numbered line: its title, kind, impact, equipment, cautions."""
    title, *details = exercise_lines(facts)
    return f"{number}. {title}. " + ". ".join(plain(d) for d in details) + "."


def reference_line(number: int | str, ref: Reference) -> str:
    return f"{number}. {plain(reference_text(ref))}"


def article_text(
    article: Article,
    exercises: list[ExerciseFacts],
    titles: Mapping[str, str] | None = None,
) -> Iterator[str]:
    """The whole article, line by line, for `wellread read SLUG --plain`."""
    sections, references, related = article_parts(article, exercises, titles)
    for section in sections:
        if section.heading != "Overview":
            yield ""
            yield section.heading
            yield ""
        yield from section.lines
    yield ""
    yield f"References ({len(references)}):"
    yield from references
    yield ""
    if related:
        yield f"Related exercises ({len(related)}):"
        yield from related
    else:
        yield "Related exercises: none listed."
