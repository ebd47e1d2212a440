"""Exercise cards as linear text: what keeps the reader safe comes first.

A screen reader reads top to bottom and a reader may stop early, so after the
card's facts come its cautions, who should skip it and when to stop and get help,
and only then how to do it, the dose and the easier and harder versions.
"""

from __future__ import annotations

from collections.abc import Iterator

from tui.content.model import Exercise
from tui.render.document import render_document
from tui.render.labels import CitationStyle
from tui.render.plain import PlainSection, plain_sections

# Card sections a reader must meet before the instructions, in this order.
SAFETY_FIRST = ("cautions", "who should skip it", "stop and get help if")


def _safety_rank(section: PlainSection) -> int:
    title = " ".join(section.title.casefold().rstrip(":").split())
    return SAFETY_FIRST.index(title) if title in SAFETY_FIRST else len(SAFETY_FIRST)


def card_parts(exercise: Exercise) -> list[PlainSection]:
    """The card's parts in reading order: its facts, the safety sections, the rest."""
    return safety_first(plain_sections(render_document(exercise, CitationStyle.NUMERIC)))


def safety_first(sections: list[PlainSection]) -> list[PlainSection]:
    """A card's rendered parts reordered: its facts, the safety sections, the rest.

    Headings become the sections' own names ("Cautions"): a card is short, and its
    numbers would read out of order once the safety sections come first.
    """
    if not sections:
        return []
    about, rest = sections[0], sections[1:]
    safety = sorted((s for s in rest if _safety_rank(s) < len(SAFETY_FIRST)), key=_safety_rank)
    others = [s for s in rest if _safety_rank(s) == len(SAFETY_FIRST)]
    parts = [about, *safety, *others]
    for part in parts:
        part.heading = part.title
    return parts


def card_text(exercise: Exercise) -> Iterator[str]:
    """The whole card, line by line, for `wellread read CARD --plain`."""
    for index, part in enumerate(card_parts(exercise)):
        if index:
            yield ""
            yield part.heading
            yield ""
        yield from part.lines
