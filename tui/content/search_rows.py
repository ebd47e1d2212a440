"""What the search index holds for one document: a row for its overview, each
section and subsection, and its reference titles; the text shown, the stems searched
(tui.content.tokens), and what a match in that row is worth beside others.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.content.model import Document
from tui.content.search_units import shown_parts
from tui.content.snippets import UNIT_BREAK
from tui.content.tokens import stems_text, words

REFERENCES_ENTRY = -1


def row_weight(kind: str, entry: int) -> float:
    """What a row's match is worth beside others: articles above cards, a card's
    overview above its sections, the titles of cited works below the text."""
    weight = 1.0 if kind == "article" else 0.7
    if kind != "article" and entry > 0:
        weight *= 0.6
    if entry == REFERENCES_ENTRY:
        weight *= 0.5
    return weight


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
