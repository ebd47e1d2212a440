"""What an importer reads out of a page before it becomes an article file."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Block:
    """One block of the page's text: a heading, a paragraph or a list."""

    kind: str  # "heading", "paragraph" or "list"
    text: str = ""
    level: int = 2  # headings: 2 for a section, 3 for a subsection
    items: list[str] = field(default_factory=list)
    ordered: bool = False


@dataclass
class RawReference:
    """One item of the page's reference list, as written, with what the page links to."""

    text: str
    anchor: str = ""  # the element id numbered citations point at ("ref-3", "cite_note-3")
    number: int | None = None
    links: list[str] = field(default_factory=list)


@dataclass
class Draft:
    title: str = ""
    description: str = ""
    url: str = ""
    site: str = ""
    date: str = ""
    blocks: list[Block] = field(default_factory=list)
    references: list[RawReference] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # boilerplate taken out, for the report
    extractor: str = ""  # which route read the page: text, markdown, trafilatura, readability

    def add_paragraph(self, text: str) -> None:
        if text.strip():
            self.blocks.append(Block("paragraph", text.strip()))
