"""Exercise cards and My exercises in the linear mode.

The card list filters by typed commands ("t balance", "i none", "e none", "s", "0",
"/ chair"), each answer reprinting the list with its counts; My exercises lists the
kept cards with the reader's dose and note, removes one after a yes/no question, and
writes a handout file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial
from pathlib import Path

from tui.content.exercise_list import (
    NO_EQUIPMENT,
    SOME_EQUIPMENT,
    CardFilter,
    all_cards,
    counts,
    filtered,
)
from tui.content.vocab import IMPACTS, KINDS
from tui.handout_file import write_handout
from tui.linear.reading import Request, Session
from tui.render.handout import HandoutCard
from tui.render.plain import exercise_line

CARD_CHOICES = (
    "Exercise cards: a card's number opens it. Filters: t and a type (t balance), "
    "i and an impact level (i none), e none or e some or e and a word (e chair), "
    "s for only cards without spine cautions (again to undo), / and words to find, "
    "0 clears every filter. Enter goes back."
)
MINE_CHOICES = (
    "My exercises: a number opens the card; d and a number takes it off the list "
    "(d 2); w writes them all into a handout file to print; Enter goes back."
)


def _named(word: str, names: dict[str, str]) -> str | None:
    """The vocabulary key a typed word names: its key or the start of its label."""
    word = word.strip().casefold()
    for key, label in names.items():
        if word in (key, label.casefold()) or label.casefold().startswith(word):
            return key
    return None


def _describe(session: Session, rule: CardFilter) -> list[str]:
    library, cards = session.library, all_cards(session.library)
    kinds = counts(library, cards, rule, "kind")
    impacts = counts(library, cards, rule, "impact")
    return [
        "Types: " + ", ".join(f"{KINDS[k]} ({n})" for k, n in kinds.items()) + ".",
        "Impact: " + ", ".join(f"{IMPACTS[k]} ({n})" for k, n in impacts.items()) + ".",
    ]


def _apply(session: Session, rule: CardFilter, answer: str) -> CardFilter | None:
    """The filter an answer asks for, or None when it is not a filter command."""
    command, _, rest = answer.partition(" ")
    command = command.lower()
    if command == "0":
        return CardFilter()
    if command == "s":
        return replace(rule, no_spine_cautions=not rule.no_spine_cautions)
    if command == "/" or answer.startswith("/"):
        return replace(rule, words=answer.lstrip("/").strip())
    if command == "t":
        kind = _named(rest, KINDS) if rest else ""
        if kind is None:
            session.console.say("Types: " + ", ".join(KINDS.values()) + ".")
            return rule
        return replace(rule, kind=kind)
    if command == "i":
        impact = _named(rest, IMPACTS) if rest else ""
        if impact is None:
            session.console.say("Impact levels: " + ", ".join(IMPACTS.values()) + ".")
            return rule
        return replace(rule, impact=impact)
    if command == "e":
        word = rest.strip().casefold()
        return replace(
            rule, equipment={"none": NO_EQUIPMENT, "some": SOME_EQUIPMENT}.get(word, word)
        )
    return None


def exercise_cards(session: Session) -> Request | None:
    console, library = session.console, session.library
    if not library.exercises:
        console.say("This library has no exercise cards.")
        return None
    rule = CardFilter()
    while True:
        shown = filtered(library, all_cards(library), rule)
        what = []
        if rule.kind:
            what.append(KINDS[rule.kind])
        if rule.impact:
            what.append(IMPACTS[rule.impact])
        if rule.equipment:
            what.append(f"equipment: {rule.equipment}")
        if rule.no_spine_cautions:
            what.append("without spine cautions (from the cards' own tags; ask your clinician)")
        if rule.words:
            what.append(f'finding "{rule.words}"')
        total = len(library.exercises)
        count = f"{len(shown)} of {total}" if len(shown) != total else str(total)
        console.say(
            "", f"Exercise cards ({count})" + (": " + "; ".join(what) if what else "") + ":"
        )
        console.say(*(exercise_line(n, f) for n, f in enumerate(shown, 1)))
        if not shown:
            console.say("No card matches; 0 clears the filters.")
        console.say(*_describe(session, rule))
        answer = console.choose(
            "cards", "Cards: a number, a filter, or Enter to go back.", CARD_CHOICES
        )
        if not answer:
            return None
        changed = _apply(session, rule, answer)
        if changed is not None:
            rule = changed
            continue
        chosen = console.pick(answer, len(shown))
        if chosen is not None:
            return Request("card", shown[chosen].slug)


def keep_card(session: Session, slug: str) -> None:
    """k on a card: keep it in My exercises, with a dose and a note if the reader likes."""
    console = session.console
    kept = {m.slug: m for m in session.state.my_exercises()}
    before = kept.get(slug)
    if before is not None:
        console.say(
            f"It is in My exercises already (dose: {before.dose or 'none given'}; "
            f"note: {before.note or 'none'}). Your answers replace them."
        )
    dose = console.ask("The dose for you, e.g. 10 times, twice a day (Enter for none).")
    note = console.ask("A note, e.g. from my physical therapist (Enter for none).")
    if session.write(lambda: session.state.keep_exercise(slug, note, dose), "My exercises"):
        console.say("Kept in My exercises. In the library, y lists them.")


def my_exercises(session: Session, folder: Path | None = None) -> Request | None:
    console, library = session.console, session.library
    while True:
        kept = session.state.my_exercises()
        if not kept:
            console.say("My exercises is empty. On an exercise card, k keeps it here.")
            return None
        console.say("", f"My exercises ({len(kept)}):")
        for number, mine in enumerate(kept, 1):
            entry = library.exercises.get(mine.slug)
            title = entry.title if entry is not None else f"{mine.slug} (not in this library)"
            console.say(f"{number}. {title}. Added {mine.added[:10]}.")
            if mine.dose:
                console.say(f"   Dose for you: {mine.dose}.")
            if mine.note:
                console.say(f"   Note: {mine.note}")
        answer = console.choose(
            "mine", "My exercises: a number, d and a number, w, or Enter.", MINE_CHOICES
        )
        if not answer:
            return None
        command, _, rest = answer.partition(" ")
        if command.lower() == "w":
            cards = [
                HandoutCard(library.exercise(m.slug), m.note, m.dose)
                for m in kept
                if m.slug in library.exercises
            ]
            console.say(write_handout(cards, folder or Path.home(), dt.date.today()))
            continue
        if command.lower() == "d":
            chosen = console.pick(rest.strip(), len(kept))
            if chosen is not None and console.yes_no(f"Take {kept[chosen].slug} off My exercises?"):
                session.write(
                    partial(session.state.forget_exercise, kept[chosen].slug), "My exercises"
                )
            continue
        chosen = console.pick(answer, len(kept))
        if chosen is not None and kept[chosen].slug in library.exercises:
            return Request("card", kept[chosen].slug)
