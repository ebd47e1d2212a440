"""How citations read: author-year "(Beck et al., 2017)" or numeric "[3]".

Numbers follow the order of first citation, as in Vancouver style, so "[1]" is the
first source the reader meets; references never cited come last, in listed order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the library screen asks for CitationStyle before any article is made
    from tui.content.model import Citation, Document, Reference


class CitationStyle(StrEnum):
    AUTHOR_YEAR = "author-year"
    NUMERIC = "numeric"

    @property
    def other(self) -> CitationStyle:
        if self is CitationStyle.AUTHOR_YEAR:
            return CitationStyle.NUMERIC
        return CitationStyle.AUTHOR_YEAR

    @property
    def example(self) -> str:
        return "[1]" if self is CitationStyle.NUMERIC else "(Author, Year)"


def _authors_short(ref: Reference) -> str:
    names = [name.short for name in ref.authors if name.short]
    if not names:
        return ref.title.split(":")[0][:40] or ref.id
    if len(names) == 1 and not ref.more_authors:
        return names[0]
    if len(names) == 2 and not ref.more_authors:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


@dataclass
class ReferenceLabels:
    """Per document: each reference's number and author-year label."""

    order: list[Reference]
    numbers: dict[str, int]
    author_year: dict[str, str]

    @classmethod
    def for_document(cls, document: Document) -> ReferenceLabels:
        by_id = {ref.id: ref for ref in document.references}
        order: list[Reference] = []
        seen: set[str] = set()
        for citation in document.citations:
            for cite_id in citation.ids:
                if cite_id in by_id and cite_id not in seen:
                    seen.add(cite_id)
                    order.append(by_id[cite_id])
        order.extend(ref for ref in document.references if ref.id not in seen)
        numbers = {ref.id: index for index, ref in enumerate(order, start=1)}

        # Two works by the same authors in one year read "2017a", "2017b".
        base = {ref.id: (_authors_short(ref), ref.year) for ref in document.references}
        groups: dict[tuple[str, int | None], list[str]] = {}
        for ref in document.references:
            groups.setdefault(base[ref.id], []).append(ref.id)
        author_year: dict[str, str] = {}
        for (authors, year), ids in groups.items():
            year_text = str(year) if year is not None else "n.d."
            for index, ref_id in enumerate(ids):
                suffix = chr(ord("a") + index) if len(ids) > 1 and index < 26 else ""
                author_year[ref_id] = f"{authors}, {year_text}{suffix}"
        return cls(order, numbers, author_year)

    def citation_text(self, citation: Citation, style: CitationStyle) -> str:
        return self.cite_ids_text(
            [(item.id, item.locator, item.prefix) for item in citation.items], style
        )

    def cite_ids_text(self, items: Sequence[tuple[str, str, str]], style: CitationStyle) -> str:
        parts: list[str] = []
        if style is CitationStyle.NUMERIC:
            # In number order, as readers look them up: [3, 5], not [5, 3].
            items = sorted(items, key=lambda item: self.numbers.get(item[0], 1 << 30))
        for ref_id, locator, prefix in items:
            if style is CitationStyle.NUMERIC:
                label = str(self.numbers[ref_id]) if ref_id in self.numbers else f"?{ref_id}"
            else:
                label = self.author_year.get(ref_id, f"unknown source {ref_id}")
            if locator:
                label = f"{label}, {locator}"
            if prefix and style is CitationStyle.AUTHOR_YEAR:
                label = f"{prefix} {label}"
            parts.append(label)
        if style is CitationStyle.NUMERIC:
            return "[" + ", ".join(parts) + "]"
        return "(" + "; ".join(parts) + ")"
