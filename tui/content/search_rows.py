"""What the search index holds for one document: a row for its overview, each
section and subsection, and its reference titles; the text shown, the stems searched
(tui.content.tokens), and what a match in that row is worth beside others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.content.snippets import UNIT_BREAK
from tui.content.tokens import stems_text, words

if TYPE_CHECKING:  # a query reads WEIGHTS: the document model is for building only
    from tui.content.model import Document

REFERENCES_ENTRY = -1


# What a row's match is worth beside others: articles above cards, a card's overview
# above its sections, the titles of cited works below the text. One of a few classes,
# so the class travels in the row's rowid and the ranking reads no other table.
WEIGHTS = (1.0, 0.5, 0.7, 0.7 * 0.5, 0.7 * 0.6)  # by class (see weight_class)


def weight_class(kind: str, entry: int) -> int:
    """The class of a row's weight in WEIGHTS."""
    if kind == "article":
        return 1 if entry == REFERENCES_ENTRY else 0
    if entry == REFERENCES_ENTRY:
        return 3
    return 4 if entry > 0 else 2


def row_weight(kind: str, entry: int) -> float:
    return WEIGHTS[weight_class(kind, entry)]


@dataclass(frozen=True)
class Row:
    # weight, kind, slug, entry, title, heading, text: what is shown, and the weight
    shown: tuple[float, str, str, int, str, str, str]
    stems: tuple[str, str, str, str, str]  # title, heading, body, context, refs


class DocumentRows:
    """The rows of one document, ready to insert, and the words they use."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.vocabulary: set[str] = set()

    def _stems(self, text: str) -> str:
        found = words(text)
        self.vocabulary.update(found)
        return stems_text(found)

    def add(
        self,
        shown: tuple[str, str, int, str, str, str],  # kind, slug, entry, title, heading, text
        title: str = "",
        heading: str = "",
        body: str = "",
        context: str = "",
        refs: str = "",
    ) -> None:
        kind, _, entry, *_ = shown
        stems = (
            self._stems(title),
            self._stems(heading),
            self._stems(body),
            self._stems(context),
            self._stems(refs),
        )
        self.rows.append(Row((row_weight(kind, entry), *shown), stems))


def document_rows(document: Document, kind: str, slug: str) -> DocumentRows:
    from tui.content.search_units import shown_parts

    out = DocumentRows()
    title = document.title
    for entry, heading, text, shown_text in shown_parts(document):
        shown = (kind, slug, entry, title, heading, shown_text)
        if entry == 0:
            # The title is indexed once, on the overview: a title match ranks the
            # document's opening, not each of its sections.
            out.add(shown, title=title, body=text)
        else:
            out.add(shown, heading=heading, body=text, context=title)
    refs = UNIT_BREAK.join(ref.title for ref in document.references if ref.title)
    # Found by the titles of cited works alone: a title match is the overview's.
    out.add((kind, slug, REFERENCES_ENTRY, title, "References", refs), refs=refs)
    return out
