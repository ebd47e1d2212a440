"""Every exercise card as a list to browse and filter: kind, impact, equipment, cautions.

Pure data for the browser, the linear mode and `wellread exercises`. Filtering reads
front matter only (`ExerciseFacts`), so listing never parses a card's body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tui.content.collation import title_key
from tui.content.library import Library
from tui.content.model import ExerciseFacts
from tui.content.vocab import IMPACTS, KINDS

# Cautions that spine-fracture guidance asks people to avoid or keep for supervised work
# (loaded forward bending, twisting, impact above brisk walking, heavy lifting). A card
# carrying none of them is offered under the filter "no spine cautions"; the browser says
# plainly that this is a reading of the cards' own tags, not advice.
SPINE_CAUTIONS = frozenset({"spinal_flexion", "spinal_twist", "high_impact", "heavy_load"})
NO_EQUIPMENT = "none"
SOME_EQUIPMENT = "some"


@dataclass(frozen=True)
class CardFilter:
    kind: str = ""  # a KINDS key, or "" for any
    impact: str = ""  # an IMPACTS key, or ""
    equipment: str = ""  # NO_EQUIPMENT, SOME_EQUIPMENT, a word to find in it, or ""
    no_spine_cautions: bool = False
    words: str = ""  # type-to-find: every word in the title, summary or equipment

    def admits(self, facts: ExerciseFacts, summary: str = "") -> bool:
        if self.kind and facts.kind != self.kind:
            return False
        if self.impact and facts.impact != self.impact:
            return False
        if self.equipment == NO_EQUIPMENT and facts.equipment:
            return False
        if self.equipment == SOME_EQUIPMENT and not facts.equipment:
            return False
        word = self.equipment.casefold()
        if (
            word not in ("", NO_EQUIPMENT, SOME_EQUIPMENT)
            and word not in " ".join(facts.equipment).casefold()
        ):
            return False
        if self.no_spine_cautions and SPINE_CAUTIONS.intersection(facts.cautions):
            return False
        if self.words:
            haystack = " ".join((facts.title, summary, *facts.equipment)).casefold()
            if not all(word in haystack for word in self.words.casefold().split()):
                return False
        return True


def all_cards(library: Library) -> list[ExerciseFacts]:
    """Every card's facts, by title."""
    facts = [library.exercise_facts(slug) for slug in library.exercises]
    return sorted(facts, key=lambda f: title_key(f.title))


def summary_of(library: Library, slug: str) -> str:
    return library.exercises[slug].summary


def filtered(
    library: Library, cards: Iterable[ExerciseFacts], rule: CardFilter
) -> list[ExerciseFacts]:
    return [f for f in cards if rule.admits(f, summary_of(library, f.slug))]


def counts(
    library: Library, cards: list[ExerciseFacts], rule: CardFilter, field: str
) -> dict[str, int]:
    """For each value of *field*, how many cards the filter would show with that value
    chosen (the other filters kept): the numbers the browser prints beside each choice."""
    values: Iterable[str]
    if field == "kind":
        values = KINDS
    elif field == "impact":
        values = IMPACTS
    else:
        values = (NO_EQUIPMENT, SOME_EQUIPMENT)
    out: dict[str, int] = {}
    for value in values:
        trial = CardFilter(
            kind=value if field == "kind" else rule.kind,
            impact=value if field == "impact" else rule.impact,
            equipment=value if field == "equipment" else rule.equipment,
            no_spine_cautions=rule.no_spine_cautions,
            words=rule.words,
        )
        out[value] = len(filtered(library, cards, trial))
    return out


def as_json_record(facts: ExerciseFacts, summary: str) -> dict[str, object]:
    return {
        "slug": facts.slug,
        "title": facts.title,
        "summary": summary,
        "kind": facts.kind,
        "impact": facts.impact,
        "equipment": list(facts.equipment),
        "dose": facts.dose,
        "cautions": list(facts.cautions),
    }
