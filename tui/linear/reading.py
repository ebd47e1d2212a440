"""Reading one article or exercise card in the linear mode, part by part.

A part is a section (or the overview, the notes, the references of a card). The
reader types Enter for the next part, a part's number to go to it, or a letter.
Where to go outside the document (a search, the bookmarks, another article) is
handed back to the library's loop as a `Request`, so documents never nest more
than an article with a card over it.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from tui.content import Library
from tui.content.model import Document
from tui.linear.console import Console
from tui.linear.glossary import glossary_menu
from tui.render.blocks import RenderedDocument
from tui.render.labels import ReferenceLabels
from tui.render.places import citation_places
from tui.render.plain import PlainSection, plain, reference_line
from tui.render.terms import section_terms
from tui.state import StateStore

_NOTE_MARK = re.compile(r"\[note (\d+)\]")


@dataclass(frozen=True)
class Request:
    """Somewhere to go next, decided inside a document, carried out by the library."""

    kind: str  # "article", "card", "search", "bookmarks", "paths", "library"
    slug: str = ""
    entry: int | None = None  # the outline entry to open at (a search result)
    block: int | None = None  # the block to open at (a bookmark, continue reading)


@dataclass
class Session:
    console: Console
    library: Library
    state: StateStore

    def write(self, action: Callable[[], object], what: str) -> bool:
        """One change to the reading state; if the database refuses it, say so and go on."""
        try:
            action()
        except sqlite3.Error as error:
            self.console.say(f"Could not save {what}: {error}.")
            return False
        return True


class Reading:
    """What articles and cards share: parts, references, notes."""

    MENU = "document"

    def __init__(
        self,
        session: Session,
        document: Document,
        rendered: RenderedDocument,
        parts: list[PlainSection],
        keys: list[str],
    ) -> None:
        self.session = session
        self.console = session.console
        self.document = document
        self.rendered = rendered
        self.parts = parts
        self.keys = keys
        self.following = 0  # the part Enter reads next
        self.current = 0  # the part read last (or about to be read)

    # ------------------------------------------------------------ parts

    def part_at(self, block: int) -> int:
        """The part holding *block* (parts may be listed out of document order)."""
        holding = [i for i, part in enumerate(self.parts) if part.block <= block]
        return max(holding, key=lambda i: self.parts[i].block) if holding else 0

    def part_of_entry(self, entry: int) -> int | None:
        return next((i for i, part in enumerate(self.parts) if part.entry == entry), None)

    def read_part(self, index: int) -> None:
        part = self.parts[index]
        self.console.say("", part.heading, "")
        self.console.say(*part.lines)
        notes = sorted({int(n) for line in part.lines for n in _NOTE_MARK.findall(line)})
        if notes and part.title != "Notes":
            said = ", ".join(str(n) for n in notes)
            self.console.say(
                "", f"This part has note{'s' if len(notes) > 1 else ''} {said}: f reads the notes."
            )
        if terms := section_terms(self.rendered, part.entry):
            self.console.say("", f"Words the glossary explains (g): {', '.join(terms)}.")
        self.console.say("", f"End of {part.heading}.")
        self.current = index
        self.following = index + 1
        self.part_read(index)

    def part_read(self, index: int) -> None:
        """Hook: an article saves the reader's place here."""

    def read_next(self) -> None:
        if self.following >= len(self.parts):
            self.console.say("That was the last part. Type a part's number, l for the list, or q.")
            return
        self.read_part(self.following)

    def contents(self) -> None:
        lines = [f"It has {len(self.parts)} parts:"]
        lines += [f"{key}: {part.title}" for key, part in zip(self.keys, self.parts, strict=True)]
        self.console.say(*lines)

    def notes(self) -> None:
        index = next(
            (i for i, p in enumerate(self.parts) if not p.number and p.title == "Notes"), None
        )
        if index is None:
            self.console.say("There are no notes here.")
            return
        self.read_part(index)

    # ------------------------------------------------------------ references

    def references(self) -> None:
        """The numbered list; then one reference at a time, with where it is cited."""
        labels = ReferenceLabels.for_document(self.document)
        order = labels.order
        if not order:
            self.console.say("There are no references here.")
            return
        self.console.say("", f"References ({len(order)}):")
        for ref in order:
            self.console.say(reference_line(labels.numbers[ref.id], ref))
        while True:
            answer = self.console.ask(
                "A reference's number reads it and where it is cited; Enter goes back."
            )
            if not answer:
                return
            chosen = self.console.pick(answer, len(order))
            if chosen is not None:
                self.one_reference(labels.numbers[order[chosen].id], order[chosen].id)
                return

    def one_reference(self, number: int, ref_id: str) -> None:
        ref = self.document.reference(ref_id)
        if ref is None:
            return
        self.console.say("", f"Reference {reference_line(number, ref)}")
        places = citation_places(self.rendered, ref_id)
        if not places:
            self.console.say("It is listed, but not cited in the text.")
            return
        self.console.say(f"Cited in {len(places)} place{'s' if len(places) > 1 else ''}:")
        for count, place in enumerate(places, start=1):
            block = self.rendered.blocks[place.block]
            anchor = block.anchors[place.anchor]
            cited = block.text[anchor.start : anchor.end]  # "[2, 1]": the citation as read
            self.console.say(
                f"{count}. In {place.section_label}: {plain(place.snippet)} {cited}".strip()
            )
        answer = self.console.ask("A place's number reads that part; Enter goes back.")
        if answer:
            chosen = self.console.pick(answer, len(places))
            if chosen is not None:
                self.read_part(self.part_at(places[chosen].block))

    # ------------------------------------------------------------ the loop

    def short_prompt(self) -> str:
        return f"{self.document.title}: Enter, a part's number, or a letter (h for the choices)."

    def choices(self) -> str:
        raise NotImplementedError

    def command(self, command: str) -> Request | bool:
        """A letter of this kind of document: a Request to go, True if done, False if unknown."""
        return False

    def loop(self) -> Request | None:
        while True:
            answer = self.console.choose(self.MENU, self.short_prompt(), self.choices())
            command = answer.lower()
            if command in ("q", "quit", "back"):
                return None
            if command == "":
                self.read_next()
            elif command in self.keys:
                self.read_part(self.keys.index(command))
            elif command == "l":
                self.contents()
            elif command == "r":
                self.references()
            elif command == "f":
                self.notes()
            elif command == "g":
                glossary_menu(self.console, self.session.library.root)
                self.console.say("", f"Back in {self.document.title}.")
            else:
                outcome = self.command(command)
                if isinstance(outcome, Request):
                    return outcome
                if outcome is False:
                    self.console.say(f"There is no {answer!r} here. Type h for the choices.")
