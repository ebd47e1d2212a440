"""Markdown bodies into the content model: overview, numbered sections, footnotes.

markdown-it-py does the parsing; this module only walks its token stream once.
Raw HTML is off, so HTML in an article shows as the text it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from tui.content.citations import citation_plugin
from tui.content.clean import clean
from tui.content.cuts import BLOCK, LIST, block_cuts
from tui.content.model import (
    Block,
    Citation,
    CodeBlock,
    Footnote,
    FootnoteRef,
    Heading,
    Inline,
    LineBreak,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Section,
    Table,
    Text,
)
from tui.content.problems import Problem, Severity


@cache
def markdown_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(citation_plugin)
    return md


@dataclass
class ParsedBody:
    overview: list[Block]
    sections: list[Section]
    footnotes: list[Footnote]
    citations: list[Citation]
    problems: list[Problem] = field(default_factory=list)


_MARKS = {
    "strong_open": "strong",
    "em_open": "em",
    "s_open": "strike",
}
_CLOSES = {
    "strong_close": "strong",
    "em_close": "em",
    "s_close": "strike",
}


class _Walker:
    """One pass over the tokens of one body."""

    def __init__(self, path: Path, body_line: int) -> None:
        self.path = path
        self.body_line = body_line
        self.citations: list[Citation] = []
        self.footnote_refs: list[FootnoteRef] = []
        # Text that still holds "[^": a note marker markdown-it could not resolve.
        self.texts_with_notes: list[tuple[str, int]] = []
        self.problems: list[Problem] = []
        self.footnotes: list[Footnote] = []

    def line(self, token: Token) -> int:
        return self.body_line + (token.map[0] if token.map else 0)

    # ------------------------------------------------------------ inline

    def inlines(self, token: Token) -> list[Inline]:
        line = self.line(token)
        runs: list[Inline] = []
        marks: list[str] = []
        link_href: str | None = None
        link_text: list[str] = []
        link_line = line
        for child in token.children or []:
            kind = child.type
            if kind == "text":
                text = clean(child.content)
                if link_href is not None:
                    link_text.append(text)
                elif text:
                    runs.append(Text(text, frozenset(marks)))
                if "[^" in text:
                    self.texts_with_notes.append((text, line))
            elif kind == "softbreak":
                line += 1
                if link_href is not None:
                    link_text.append(" ")
                else:
                    runs.append(Text(" ", frozenset(marks)))
            elif kind == "hardbreak":
                line += 1
                runs.append(LineBreak())
            elif kind == "code_inline":
                text = clean(child.content)
                if link_href is not None:
                    link_text.append(text)
                else:
                    runs.append(Text(text, frozenset([*marks, "code"])))
            elif kind in _MARKS:
                marks.append(_MARKS[kind])
            elif kind in _CLOSES:
                if _CLOSES[kind] in marks:
                    marks.remove(_CLOSES[kind])
            elif kind == "link_open":
                link_href = clean(str(child.attrs.get("href", "")))
                link_text = []
                link_line = line
            elif kind == "link_close":
                text = "".join(link_text).strip() or (link_href or "")
                runs.append(Link(text, link_href or "", link_line, frozenset(marks)))
                link_href = None
            elif kind == "image":
                alt = clean(child.content) or "image"
                src = clean(str(child.attrs.get("src", "")))
                runs.append(Link(f"image: {alt}", src, line, frozenset(marks)))
            elif kind == "citation":
                citation = Citation(child.meta["items"], line)
                self.citations.append(citation)
                runs.append(citation)
            elif kind == "footnote_ref":
                number = int(child.meta["id"]) + 1
                note = FootnoteRef(str(child.meta["label"]), number, line)
                self.footnote_refs.append(note)
                runs.append(note)
            else:
                # Anything new markdown-it may add still reads as its text.
                text = clean(child.content)
                if text:
                    runs.append(Text(text, frozenset(marks)))
        return _merge_text(runs)

    # ------------------------------------------------------------ blocks

    def blocks(
        self, tokens: Sequence[Token], start: int, stop_type: str | None
    ) -> tuple[list[Block], int]:
        """Blocks from tokens[start:] up to the token *stop_type*; returns the index after it."""
        blocks: list[Block] = []
        i = start
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if stop_type is not None and kind == stop_type:
                return blocks, i + 1
            if kind == "paragraph_open":
                blocks.append(Paragraph(self.inlines(tokens[i + 1]), self.line(token)))
                i += 3
            elif kind == "heading_open":
                level = int(token.tag[1])
                blocks.append(Heading(level, self.inlines(tokens[i + 1]), self.line(token)))
                i += 3
            elif kind in ("bullet_list_open", "ordered_list_open"):
                ordered = kind == "ordered_list_open"
                start_number = int(token.attrs.get("start", 1) or 1) if ordered else 1
                close = "ordered_list_close" if ordered else "bullet_list_close"
                items: list[ListItem] = []
                i += 1
                while tokens[i].type != close:
                    item_blocks, i = self.blocks(tokens, i + 1, "list_item_close")
                    items.append(ListItem(item_blocks))
                blocks.append(ListBlock(items, ordered, start_number, self.line(token)))
                i += 1
            elif kind == "blockquote_open":
                inner, i = self.blocks(tokens, i + 1, "blockquote_close")
                blocks.append(Quote(inner, self.line(token)))
            elif kind in ("fence", "code_block"):
                text = clean(token.content.rstrip("\n"))
                blocks.append(CodeBlock(text, self.line(token)))
                i += 1
            elif kind == "hr":
                blocks.append(Rule(self.line(token)))
                i += 1
            elif kind == "table_open":
                table, i = self.table(tokens, i)
                blocks.append(table)
            elif kind == "footnote_block_open":
                i = self.footnote_block(tokens, i + 1)
            else:
                i += 1
        return blocks, i

    def table(self, tokens: Sequence[Token], i: int) -> tuple[Table, int]:
        line = self.line(tokens[i])
        header: list[list[Inline]] = []
        rows: list[list[list[Inline]]] = []
        row: list[list[Inline]] = []
        in_head = False
        i += 1
        while tokens[i].type != "table_close":
            kind = tokens[i].type
            if kind == "thead_open":
                in_head = True
            elif kind == "thead_close":
                in_head = False
            elif kind == "tr_open":
                row = []
            elif kind == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(row)
            elif kind == "inline":
                row.append(self.inlines(tokens[i]))
            i += 1
        return Table(header, rows, line), i + 1

    def footnote_block(self, tokens: Sequence[Token], i: int) -> int:
        while tokens[i].type != "footnote_block_close":
            token = tokens[i]
            if token.type == "footnote_open":
                label = str(token.meta.get("label", token.meta["id"] + 1))
                number = int(token.meta["id"]) + 1
                inner, i = self.blocks(tokens, i + 1, "footnote_close")
                line = _first_line(inner) or self.body_line
                self.footnotes.append(Footnote(label, number, inner, line))
            else:
                i += 1
        return i + 1


def _first_line(blocks: list[Block]) -> int | None:
    return blocks[0].line if blocks else None


def _merge_text(runs: list[Inline]) -> list[Inline]:
    """Join neighbouring text runs with the same marks: fewer spans to lay out later."""
    merged: list[Inline] = []
    for run in runs:
        if (
            isinstance(run, Text)
            and merged
            and isinstance(merged[-1], Text)
            and merged[-1].marks == run.marks
        ):
            merged[-1] = Text(merged[-1].text + run.text, run.marks)
        elif not (isinstance(run, Text) and not run.text):
            merged.append(run)
    return merged


def inline_text(inlines: Sequence[Inline]) -> str:
    """The words of inline runs, without citations: for headings and titles."""
    parts: list[str] = []
    for run in inlines:
        if isinstance(run, Text | Link):
            parts.append(run.text)
        elif isinstance(run, LineBreak):
            parts.append(" ")
    return " ".join("".join(parts).split())


def parse_inline(path: Path, text: str, line: int) -> tuple[list[Inline], list[Citation]]:
    """One line of Markdown (a key point, say) into inline runs."""
    walker = _Walker(path, line)
    tokens = markdown_parser().parseInline(text)
    return (walker.inlines(tokens[0]) if tokens else []), walker.citations


# Labels are bounded, so a line of many `[^` stays linear.
_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]{1,200})\]:", re.MULTILINE)
_UNDEFINED_NOTE = re.compile(r"\[\^([^\]\s]{1,200})\]")


def _footnote_problems(path: Path, body: str, body_line: int, walker: _Walker) -> None:
    """Notes marked but never defined, and notes defined but never marked."""
    referenced = {run.label for run in walker.footnote_refs}
    defined = {note.label for note in walker.footnotes}
    for match in _FOOTNOTE_DEFINITION.finditer(body):
        label = match.group(1)
        if label not in referenced:
            line = body_line + body.count("\n", 0, match.start())
            walker.problems.append(
                Problem(
                    path, line, f"footnote [^{label}] is defined but never used", Severity.WARNING
                )
            )
    for text, line in walker.texts_with_notes:
        for match in _UNDEFINED_NOTE.finditer(text):
            if match.group(1) not in defined:
                walker.problems.append(
                    Problem(path, line, f"footnote [^{match.group(1)}] has no definition")
                )


# Bodies longer than this are parsed part by part (see _parse_in_parts).
PART_CHARS = 256 * 1024
# Link reference and footnote definitions: a part could not see one made in another.
_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]{1,999}\]:", re.MULTILINE)


def _parse_in_parts(walker: _Walker, body: str) -> list[Block]:
    """The blocks of *body*, parsed a part at a time, cut where the parts parse as the
    whole does (content/cuts.py): memory holds one part's tokens, not the whole
    text's, and markdown-it's cost stays linear in the length."""
    blocks: list[Block] = []
    start, first_line, kind = 0, walker.body_line, BLOCK  # kind: of the cut at start
    for end, next_kind in [*block_cuts(body, PART_CHARS, start=PART_CHARS), (len(body), BLOCK)]:
        part = body[start:end]
        walker.body_line = first_line
        part_blocks, _ = walker.blocks(markdown_parser().parse(part), 0, None)
        del part
        head = part_blocks[0] if part_blocks else None
        if (
            kind == LIST
            and blocks
            and isinstance(blocks[-1], ListBlock)
            and isinstance(head, ListBlock)
        ):
            # A list cut before one of its items: the two halves are one list.
            blocks[-1].items.extend(head.items)
            part_blocks = part_blocks[1:]
        blocks.extend(part_blocks)
        first_line += body.count("\n", start, end)
        start, kind = end, next_kind
    return blocks


def parse_body(path: Path, body: str, body_line: int, title: str = "") -> ParsedBody:
    walker = _Walker(path, body_line)
    if len(body) > 2 * PART_CHARS and "[^" not in body and not _DEFINITION.search(body):
        blocks = _parse_in_parts(walker, body)
    else:
        blocks, _ = walker.blocks(markdown_parser().parse(body), 0, None)
    if "[^" in body:
        _footnote_problems(path, body, body_line, walker)

    overview: list[Block] = []
    sections: list[Section] = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Heading) or block.level > 3:
            target = sections[-1] if sections else None
            if target is not None and target.subsections:
                target = target.subsections[-1]
            (target.blocks if target is not None else overview).append(block)
            continue
        heading_text = inline_text(block.inlines)
        if block.level == 1:
            if index == 0 and heading_text.casefold() == title.casefold():
                continue  # the title, repeated from the front matter
            walker.problems.append(
                Problem(
                    path, block.line, "use '##' for sections; '#' is read as '##'", Severity.WARNING
                )
            )
        if block.level == 3 and sections:
            parent = sections[-1]
            number = f"{parent.number}.{len(parent.subsections) + 1}"
            parent.subsections.append(Section(number, heading_text, 3, block.line))
        else:
            if block.level == 3:
                walker.problems.append(
                    Problem(
                        path, block.line, "'###' before any '##' is read as '##'", Severity.WARNING
                    )
                )
            sections.append(Section(str(len(sections) + 1), heading_text, 2, block.line))
    return ParsedBody(overview, sections, walker.footnotes, walker.citations, walker.problems)
