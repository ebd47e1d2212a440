"""An exercise card in the linear mode: read whole on opening, safety first."""

from __future__ import annotations

from tui.linear.exercises import keep_card
from tui.linear.glossary import term_index
from tui.linear.reading import Reading, Request, Session
from tui.render.document import render_document
from tui.render.labels import CitationStyle
from tui.render.plain import plain_sections
from tui.render.plain_cards import safety_first


class CardReading(Reading):
    MENU = "card"

    def __init__(self, session: Session, slug: str) -> None:
        exercise = session.library.exercise(slug)
        terms = term_index(session.library.root)
        rendered = render_document(exercise, CitationStyle.NUMERIC, terms=terms)
        parts = safety_first(plain_sections(rendered))
        keys = [str(number) for number in range(1, len(parts) + 1)]
        super().__init__(session, exercise, rendered, parts, keys)

    def short_prompt(self) -> str:
        return (
            f"Card {self.document.title}: Enter, a part's number, or a letter (h for the choices)."
        )

    def choices(self) -> str:
        return (
            "On an exercise card: Enter reads the next part; a part's number reads it; "
            "l lists the parts; r references; f notes; g the glossary; "
            "k keeps the card in My exercises; q back."
        )

    def command(self, command: str) -> Request | bool:
        if command == "k":
            keep_card(self.session, self.document.slug)
            return True
        return False

    def open(self, entry: int | None = None) -> Request | None:
        self.console.say("", f"Exercise card: {self.document.title}")
        index = self.part_of_entry(entry) if entry is not None else None
        if index is not None:
            self.read_part(index)
        else:
            # The whole card at once: it is short, and its cautions must not be missed.
            for number in range(len(self.parts)):
                self.read_part(number)
            self.console.say(f"End of the card {self.document.title}.")
        return self.loop()


def read_card(session: Session, slug: str, entry: int | None = None) -> Request | None:
    return CardReading(session, slug).open(entry)
