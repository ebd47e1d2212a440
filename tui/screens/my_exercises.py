"""My exercises: the cards a reader keeps, each with their own note and dose.

Kept in the reading state beside bookmarks, with the same guarantees. From here a card
opens, leaves the list (after a question), or goes with the rest into a handout file.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, ClassVar, Protocol

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Static

from tui.content import Library
from tui.handout_file import write_handout
from tui.render.blocks import TextBlock
from tui.render.handout import HandoutCard
from tui.state_schema import MyExercise
from tui.widgets.bars import StatusLine, TitleBar
from tui.widgets.line_list import LineList, ListEntry


class MyExercisesStore(Protocol):
    """What these screens need of the reading state (StateStore has it)."""

    def my_exercises(self) -> list[MyExercise]: ...
    def keep_exercise(self, slug: str, note: str, dose: str) -> None: ...
    def forget_exercise(self, slug: str) -> None: ...


class KeepScreen(ModalScreen[tuple[str, str] | None]):
    """Asks for an optional dose and note; dismissed with (dose, note), or None."""

    HELP_NAME = "Keep this exercise"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel: do not keep it"),
    ]

    def __init__(self, title: str, dose: str = "", note: str = "") -> None:
        super().__init__()
        self.card_title = title
        self.dose = dose
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="keep-box"):
            yield Static(
                f"Keep {self.card_title} in My exercises.\n"
                "Type the dose and a note if you like (Tab moves between them); "
                "Enter keeps it.",
                markup=False,
            )
            yield Input(
                value=self.dose, placeholder="Dose, e.g. 10 times, twice a day", id="keep-dose"
            )
            yield Input(
                value=self.note, placeholder="Note, e.g. from my physical therapist", id="keep-note"
            )

    def on_mount(self) -> None:
        self.query_one("#keep-box").border_title = "Keep this exercise"
        for field in self.query(Input):
            field.cursor_blink = False
        self.query_one("#keep-dose", Input).focus()

    @on(Input.Submitted)
    def submitted(self) -> None:
        dose = self.query_one("#keep-dose", Input).value.strip()
        note = self.query_one("#keep-note", Input).value.strip()
        self.dismiss((dose, note))


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; y or Enter says yes, n or Escape no."""

    HELP_NAME = "Question"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y,enter", "dismiss(True)", "Yes"),
        Binding("n,escape", "dismiss(False)", "No"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(f"{self.question}\ny: yes · n: no", markup=False, id="confirm-text")

    def on_mount(self) -> None:
        self.query_one("#confirm-box").border_title = "Question"


def mine_entry(mine: MyExercise, title: str | None) -> ListEntry:
    blocks = [TextBlock(title or f"{mine.slug} (no longer in the library)", style="title")]
    if mine.dose:
        blocks.append(TextBlock(f"Dose for you: {mine.dose}", indent=2))
    if mine.note:
        blocks.append(TextBlock(f"Note: {mine.note}", indent=2))
    blocks.append(TextBlock(f"Added {mine.added[:10]}", style="meta", indent=2))
    return ListEntry(f"card:{mine.slug}", blocks, enabled=title is not None)


class MyExercisesScreen(Screen[None]):
    HELP_NAME = "My exercises"
    HELP_INTRO = (
        "The exercise cards you keep, with your dose and note. Enter opens a card; "
        "d takes it off the list (after a question); w writes all of them into a "
        "handout file to print; Escape goes back."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,delete", "forget", "Take the highlighted card off the list"),
        Binding("w", "handout", "Write a handout of these cards (HTML, to print)"),
        Binding("escape,q", "back", "Back"),
    ]
    AUTO_FOCUS = "#mine-list"

    class OpenCard(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    def __init__(
        self, library: Library, store: MyExercisesStore, handout_folder: Path | None = None
    ) -> None:
        super().__init__()
        self.library = library
        self.store = store
        self.handout_folder = handout_folder or Path.home()
        self.kept: list[MyExercise] = []

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        yield LineList(id="mine-list")
        yield StatusLine("Enter opens · d removes · w handout · ? help", "? help", id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title("My exercises")
        self.query_one(LineList).border_title = "My exercises"
        self.refresh_list()

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.refresh_list(self.query_one(LineList).cursor)

    def refresh_list(self, cursor: int = 0) -> None:
        self.kept = self.store.my_exercises()
        entries = []
        for mine in self.kept:
            entry = self.library.exercises.get(mine.slug)
            entries.append(mine_entry(mine, entry.title if entry is not None else None))
        if not entries:
            entries = [
                ListEntry(
                    "",
                    [TextBlock("No exercises kept yet. On an exercise card, k keeps it here.")],
                    enabled=False,
                )
            ]
        self.query_one(LineList).set_entries(entries, cursor=min(cursor, len(entries) - 1))
        count = len(self.kept)
        self.query_one(StatusLine).set_status(f"{count} card{'s' if count != 1 else ''}")

    @on(LineList.Selected, "#mine-list")
    def chosen(self, event: LineList.Selected) -> None:
        event.stop()
        kind, _, slug = event.entry_id.partition(":")
        if kind == "card":
            self.post_message(self.OpenCard(slug))

    def action_forget(self) -> None:
        line_list = self.query_one(LineList)
        if not self.kept:
            return
        mine = self.kept[line_list.cursor]
        entry = self.library.exercises.get(mine.slug)
        title = entry.title if entry is not None else mine.slug

        def answered(yes: bool | None) -> None:
            if yes:
                self.store.forget_exercise(mine.slug)
                self.refresh_list(max(0, line_list.cursor - 1))
                self.query_one(StatusLine).set_notice(f"Took {title} off My exercises.")

        self.app.push_screen(ConfirmScreen(f"Take {title} off My exercises?"), answered)

    def action_handout(self) -> None:
        cards = [
            HandoutCard(self.library.exercise(m.slug), m.note, m.dose)
            for m in self.kept
            if m.slug in self.library.exercises
        ]
        if not cards:
            self.query_one(StatusLine).set_notice("No cards to put in a handout yet.")
            return
        self.write(cards)

    @work(thread=True, exclusive=True, group="handout")
    def write(self, cards: list[HandoutCard]) -> None:
        # Off the UI thread: rendering and writing a file never hold up a key.
        message = write_handout(cards, self.handout_folder, dt.date.today())
        self.app.call_from_thread(self.query_one(StatusLine).set_notice, message)

    def action_back(self) -> None:
        self.dismiss()


def keep_with_note(app: App[Any], store: MyExercisesStore, title: str, slug: str) -> None:
    """Ask for a dose and a note, then keep the card; the status line says what happened."""
    before = next((m for m in store.my_exercises() if m.slug == slug), None)

    def answered(answer: tuple[str, str] | None) -> None:
        if answer is None:
            return
        dose, note = answer
        store.keep_exercise(slug, note, dose)
        again = "updated in" if before is not None else "saved to"
        for status in app.screen.query(StatusLine):
            status.set_notice(f"{title} {again} My exercises.")

    dose = before.dose if before is not None else ""
    note = before.note if before is not None else ""
    app.push_screen(KeepScreen(title, dose, note), answered)
