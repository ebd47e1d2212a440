"""Where a document cites a reference: for "cited in" lists that jump to each place."""

from __future__ import annotations

from dataclasses import dataclass

from tui.render.blocks import RenderedDocument

SNIPPET_CHARS = 70


@dataclass(frozen=True)
class CitationPlace:
    block: int
    anchor: int  # index of the anchor within its block
    section_label: str  # the outline label of the section it is in
    snippet: str  # the words just before the citation


def citation_places(document: RenderedDocument, ref_id: str) -> list[CitationPlace]:
    places: list[CitationPlace] = []
    for number, block in enumerate(document.blocks):
        for index, anchor in enumerate(block.anchors):
            if anchor.kind == "citation" and ref_id in anchor.targets:
                before = " ".join(block.text[: anchor.start].split())
                if len(before) > SNIPPET_CHARS:
                    before = "…" + before[-SNIPPET_CHARS:].split(" ", 1)[-1]
                label = document.outline[block.section_index].label if document.outline else ""
                places.append(CitationPlace(number, index, label, before))
    return places


def sections_citing(document: RenderedDocument, ref_id: str) -> list[str]:
    """Labels of the sections that cite *ref_id*, each once, in order."""
    labels: list[str] = []
    for place in citation_places(document, ref_id):
        if place.section_label not in labels:
            labels.append(place.section_label)
    return labels
