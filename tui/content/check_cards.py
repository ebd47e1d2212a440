"""Checks that need the whole library: a card's shape and whether its cautions match
what it asks of the reader, cards that nothing links to, and the glossary.

The text checks read only the parts of a card that describe the movement (the
summary, How to do it, Dose, Easier, Harder, Cautions): "Who should skip it" and
"Stop and get help if" describe the reader ("knee pain when you kneel"), not the
exercise, and a sentence that forbids something ("do not bend down to the floor")
does not ask for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tui.content.glossary import Glossary, load_glossary
from tui.content.library import Library
from tui.content.model import Entry
from tui.content.problems import Problem, Severity

# Every card has these sections, in this order.
CARD_SECTIONS = (
    "How to do it",
    "Dose",
    "Easier",
    "Harder",
    "Cautions",
    "Who should skip it",
    "Stop and get help if",
)
_ABOUT_THE_READER = {"who should skip it", "stop and get help if"}

# "Walk-jog" names a card or a compound; only a word standing alone counts.
_EDGE_BEFORE = r"(?<![\w-])"
_EDGE_AFTER = r"(?![\w-])"


def _words(*words: str) -> re.Pattern[str]:
    # Alternatives of fixed words with fixed edges: no nested repetition to backtrack.
    alternatives = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)
    return re.compile(f"{_EDGE_BEFORE}(?:{alternatives}){_EDGE_AFTER}", re.IGNORECASE)


_IMPACT = _words(
    "jump", "jumps", "jumping", "hop", "hops", "hopping", "jog", "jogs", "jogging", "running"
)
# Phrases that mean getting down to the floor: an error without floor_work. The
# first unless the sentence is about the feet ("bring your heels down to the floor").
_FLOOR_DOWN = _words(
    "down to the floor", "down onto the floor", "down on the floor", "onto the floor"
)
_FLOOR_SURE = _words(
    "lie on the floor",
    "lying on the floor",
    "sit on the floor",
    "sitting on the floor",
    "kneel on the floor",
    "on all fours",
    "on your hands and knees",
    "on a mat",
    "exercise mat",
    "up from the floor",
)
# Phrases that usually do: a warning, unless the same paragraph places them on a
# bed, or (for "the floor") the sentence is about the feet ("feet flat on the floor").
_LYING = _words("lie on", "lying on", "lie down", "lying down", "kneel", "kneeling")
_FLOOR = _words("on the floor", "to the floor", "off the floor")
_FEET_OR_SPARES = _words("foot", "feet", "heel", "heels", "toes", "shoe", "shoes", "without")
_IN_BED = _words("bed", "mattress", "pillow", "sofa", "couch")
_FORBIDS = _words("do not", "don't", "never", "avoid", "instead of", "rather than")
# "Without getting down on the floor" spares the reader the floor; but "for people
# without fractures, jogging" still asks for impact, so this is for the floor only.
_SPARES = _words("without")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_CITATION = re.compile(r"\[@[^\]\n]{0,500}\]")


@dataclass(frozen=True)
class _Passage:
    """A paragraph or list item of a card, with the file line it starts on."""

    text: str
    line: int


def _passages(entry: Entry) -> Iterator[_Passage]:
    """The paragraphs and list items of the sections that describe the movement."""
    front = entry.front
    if entry.summary:
        yield _Passage(entry.summary, front.line_of("summary"))
    section = ""
    current: list[str] = []
    start = front.body_line
    lines = front.body.split("\n")
    for number, raw in enumerate([*lines, ""], start=front.body_line):
        line = raw.strip()
        heading = line.startswith("#")
        new_item = bool(re.match(r"(?:[-*+]|\d{1,9}[.)])\s", line))
        if current and (not line or heading or new_item):
            if section not in _ABOUT_THE_READER:
                yield _Passage(" ".join(current), start)
            current = []
        if heading:
            section = " ".join(line.lstrip("#").split()).casefold()
        elif line:
            if not current:
                start = number
            current.append(line)


def _asks_for(
    pattern: re.Pattern[str], passage: _Passage, unless: re.Pattern[str] | None = None
) -> re.Match[str] | None:
    """The first match in a sentence that does not forbid it (nor say *unless*)."""
    text = _CITATION.sub("", passage.text)
    for sentence in _SENTENCE_END.split(text):
        match = pattern.search(sentence)
        if match is None or _FORBIDS.search(sentence):
            continue
        if unless is None or not unless.search(sentence):
            return match
    return None


def _text_problems(library: Library, slug: str) -> list[Problem]:
    entry = library.exercises[slug]
    facts = library.exercise_facts(slug)
    problems: list[Problem] = []
    impact_said = floor_said = False
    for passage in _passages(entry):
        if "high_impact" not in facts.cautions and not impact_said:
            match = _asks_for(_IMPACT, passage)
            if match is not None:
                impact_said = True
                problems.append(
                    Problem(
                        entry.path,
                        passage.line,
                        f"the card mentions '{match.group()}' but has no 'high_impact' caution",
                    )
                )
        if "floor_work" not in facts.cautions and not floor_said:
            sure = _asks_for(_FLOOR_SURE, passage, _SPARES) or _asks_for(
                _FLOOR_DOWN, passage, _FEET_OR_SPARES
            )
            likely = None
            if sure is None and not _IN_BED.search(passage.text):
                likely = _asks_for(_LYING, passage, _SPARES) or _asks_for(
                    _FLOOR, passage, _FEET_OR_SPARES
                )
            found = sure or likely
            if found is not None:
                floor_said = True
                problems.append(
                    Problem(
                        entry.path,
                        passage.line,
                        f"the card mentions '{' '.join(found.group().split())}' (getting "
                        "down to the floor) but has no 'floor_work' caution",
                        Severity.ERROR if sure is not None else Severity.WARNING,
                    )
                )
    return problems


def _impact_problems(library: Library, slug: str) -> list[Problem]:
    entry = library.exercises[slug]
    facts = library.exercise_facts(slug)
    line = entry.front.line_of("impact")
    high = "high_impact" in facts.cautions
    if high and facts.impact in ("none", "low"):
        return [
            Problem(
                entry.path,
                line,
                f"impact '{facts.impact}' contradicts the 'high_impact' caution",
            )
        ]
    if not high and facts.impact in ("moderate", "high"):
        return [
            Problem(
                entry.path,
                line,
                f"impact '{facts.impact}' needs the 'high_impact' caution",
            )
        ]
    return []


def _section_problems(library: Library, slug: str) -> list[Problem]:
    exercise = library.exercise(slug)
    present = {" ".join(s.title.casefold().split()): s.line for s in exercise.sections}
    problems: list[Problem] = []
    line = library.exercises[slug].front.body_line
    for title in CARD_SECTIONS:
        key = title.casefold()
        if key in present:
            line = present[key]
            continue
        problems.append(Problem(exercise.path, line, f"the card has no '{title}' section"))
    return problems


def _unlinked(library: Library) -> list[Problem]:
    linked: set[str] = set()
    for slug in library.articles:
        linked.update(library.article(slug).related_exercises)
    for reading_path in library.paths:
        linked.update(reading_path.articles)
    return [
        Problem(
            entry.path,
            1,
            "no article lists this card in related_exercises, and no reading path names it",
            Severity.WARNING,
        )
        for slug, entry in library.exercises.items()
        if slug not in linked
    ]


def card_problems(library: Library) -> list[Problem]:
    problems: list[Problem] = []
    for slug in library.exercises:
        problems.extend(_section_problems(library, slug))
        problems.extend(_impact_problems(library, slug))
        problems.extend(_text_problems(library, slug))
    problems.extend(_unlinked(library))
    return problems


def _glossary_agrees(library: Library, glossary: Glossary) -> list[Problem]:
    """A work the glossary cites is written as the articles and cards write it."""
    wanted = {ref.id: ref for ref in glossary.references}
    problems: list[Problem] = []
    documents = [
        *(library.article(slug) for slug in library.articles),
        *(library.exercise(slug) for slug in library.exercises),
    ]
    # Only the glossary's own library: a reader's imported page may cite the same work
    # under the same id, written its own way, and that is not the glossary's to fix.
    folder = glossary.path.parent
    for document in documents:
        if document.path.parent not in (folder, folder / "exercises"):
            continue
        for ref in document.references:
            mine = wanted.get(ref.id)
            if mine is not None and mine.csl != ref.csl:
                problems.append(
                    Problem(
                        glossary.path,
                        mine.line,
                        f"reference '{ref.id}' differs from the one in "
                        f"{document.path.name} (line {ref.line}); copy it exactly",
                    )
                )
                del wanted[ref.id]  # one report per work is enough to fix it
    return problems


def library_problems(library: Library) -> list[Problem]:
    """What `check` adds to each file's own problems: cards and the glossary."""
    problems = card_problems(library)
    glossary = load_glossary(library.root)
    if glossary is not None:
        problems.extend(glossary.problems)
        problems.extend(_glossary_agrees(library, glossary))
    return problems
