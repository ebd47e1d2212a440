"""The content model: what an article or exercise card says, independent of any screen.

Articles hold sections, sections hold blocks, blocks hold inline runs. Citations stay
as ids here; how they read ("Beck et al., 2017" or "[3]") is for the render layer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# What the list needs, in a module of its own: the library opens without making the
# twenty-odd classes below (20 to 25 ms of a start).
from tui.content.entry import Entry as Entry
from tui.content.entry import ExerciseFacts as ExerciseFacts
from tui.content.entry import reading_minutes as reading_minutes
from tui.content.problems import Problem
from tui.content.section_label import section_label

# ---------------------------------------------------------------- references


@dataclass(frozen=True)
class Name:
    family: str = ""
    given: str = ""
    literal: str = ""

    @property
    def short(self) -> str:
        """How the name reads in a citation: the family name or the organisation."""
        return self.literal or self.family or self.given

    @property
    def initials(self) -> str:
        parts = self.given.replace(".", " ").replace("-", " ").split()
        return "".join(part[0].upper() for part in parts if part)

    @property
    def full(self) -> str:
        if self.literal:
            return self.literal
        return f"{self.family} {self.initials}".strip()


@dataclass(frozen=True)
class Reference:
    id: str
    type: str
    authors: tuple[Name, ...]
    year: int | None
    title: str
    container: str = ""
    volume: str = ""
    issue: str = ""
    page: str = ""
    doi: str = ""
    url: str = ""
    publisher: str = ""
    line: int = 1
    # The source lists more authors than are given here: written as a last author
    # `{literal: others}`, as pandoc reads BibTeX's "and others".
    more_authors: bool = False
    # The CSL item as written, for export.
    csl: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}" if self.doi else ""


# ---------------------------------------------------------------- inline runs


@dataclass(frozen=True)
class Text:
    text: str
    marks: frozenset[str] = frozenset()  # "strong", "em", "code", "strike"


@dataclass(frozen=True)
class CiteItem:
    id: str
    locator: str = ""
    prefix: str = ""


@dataclass(frozen=True)
class Citation:
    items: tuple[CiteItem, ...]
    line: int

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)


@dataclass(frozen=True)
class FootnoteRef:
    label: str
    number: int
    line: int


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    line: int
    marks: frozenset[str] = frozenset()


@dataclass(frozen=True)
class LineBreak:
    pass


Inline = Text | Citation | FootnoteRef | Link | LineBreak


# ---------------------------------------------------------------- blocks


@dataclass
class Paragraph:
    inlines: list[Inline]
    line: int


@dataclass
class Heading:
    """A heading below the section levels (#### and deeper), shown inside its section."""

    level: int
    inlines: list[Inline]
    line: int


@dataclass
class ListItem:
    blocks: list[Block]


@dataclass
class ListBlock:
    items: list[ListItem]
    ordered: bool
    start: int
    line: int


@dataclass
class Quote:
    blocks: list[Block]
    line: int


@dataclass
class CodeBlock:
    text: str
    line: int


@dataclass
class Table:
    header: list[list[Inline]]
    rows: list[list[list[Inline]]]
    line: int


@dataclass
class Rule:
    line: int


Block = Paragraph | Heading | ListBlock | Quote | CodeBlock | Table | Rule


@dataclass
class Section:
    """A `##` section or `###` subsection; `number` is "2" or "2.1"."""

    number: str
    title: str
    level: int
    line: int
    blocks: list[Block] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)

    @property
    def label(self) -> str:
        return section_label(self.number, self.title, self.level)


@dataclass
class Footnote:
    label: str
    number: int
    blocks: list[Block]
    line: int


# ---------------------------------------------------------------- documents


@dataclass
class Document:
    """What articles and exercise cards share: a titled, referenced, sectioned text."""

    slug: str
    path: Path
    title: str
    summary: str
    tags: list[str]
    references: list[Reference]
    overview: list[Block]
    sections: list[Section]
    footnotes: list[Footnote]
    # Every citation in reading order (key points first, for articles).
    citations: list[Citation]
    word_count: int
    problems: list[Problem] = field(default_factory=list)

    def all_sections(self) -> Iterator[Section]:
        """Sections and subsections in reading order."""
        for section in self.sections:
            yield section
            yield from section.subsections

    def reference(self, ref_id: str) -> Reference | None:
        return next((ref for ref in self.references if ref.id == ref_id), None)

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)


@dataclass
class Article(Document):
    reviewed: dt.date | None = None
    key_points: list[list[Inline]] = field(default_factory=list)
    related_exercises: list[str] = field(default_factory=list)
    related_articles: list[str] = field(default_factory=list)
    # Where an imported article came from (`wellread import`): the file, the page's
    # address and site, its date, and the day it was imported. Empty for the library's own.
    source: dict[str, str] = field(default_factory=dict)
    # True when related_exercises were suggested by the importer, not chosen by a person.
    suggested_exercises: bool = False


@dataclass
class Exercise(Document):
    kind: str = ""
    impact: str = ""
    equipment: list[str] = field(default_factory=list)
    dose: str = ""
    cautions: list[str] = field(default_factory=list)
