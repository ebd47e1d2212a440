"""Bookmarks: a note for a place, and the list of them to go back to."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.content import Library
from tui.render.blocks import TextBlock
from tui.screens.my_exercises import ConfirmScreen
from tui.state import Bookmark, StateStore
from tui.widgets.line_list import LineList, ListEntry


class NoteScreen(ModalScreen[str | None]):
    """Asks for an optional note; dismissed with the note ("" for none) or None."""

    HELP_NAME = "Bookmark note"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel: no bookmark"),
    ]

    def __init__(self, place: str) -> None:
        super().__init__()
        self.place = place

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            # The place is article text: shown as written, never read as markup.
            yield Static(
                f"Bookmark {self.place}.\nType a note if you like, then press Enter.",
                markup=False,
            )
            yield Input(placeholder="Note (optional)", id="note")

    def on_mount(self) -> None:
        self.query_one("#note-box").border_title = "Bookmark"
        note = self.query_one(Input)
        note.cursor_blink = False
        note.focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())


class BookmarksScreen(ModalScreen[None]):
    """Every bookmark, newest first; posts `Chosen` for the one to go to."""

    class Chosen(Message):
        def __init__(self, mark: Bookmark) -> None:
            super().__init__()
            self.mark = mark

    HELP_NAME = "Bookmarks"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss", "Close the bookmarks"),
        Binding("d,delete", "delete", "Delete the highlighted bookmark"),
    ]

    def __init__(self, library: Library, state: StateStore) -> None:
        super().__init__()
        self.library = library
        self.state = state
        self.marks: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box"):
            yield Static(id="bookmarks-title", markup=False)
            yield LineList(id="bookmarks-list")

    def on_mount(self) -> None:
        self.query_one("#bookmarks-box").border_title = "Bookmarks"
        self.refresh_marks()
        self.query_one(LineList).focus()

    def refresh_marks(self, cursor: int = 0) -> None:
        self.marks = self.state.bookmarks()
        entries = []
        for mark in self.marks:
            entry = self.library.articles.get(mark.slug)
            title = entry.title if entry is not None else f"{mark.slug} (no longer in the library)"
            blocks = [TextBlock(f"{title}: {mark.section}", style="title")]
            if mark.note:
                blocks.append(TextBlock(f"Note: {mark.note}", indent=2))
            blocks.append(TextBlock(f"Saved {mark.created[:10]}", style="meta", indent=2))
            entries.append(ListEntry(str(mark.id), blocks, enabled=entry is not None))
        if not entries:
            entries = [
                ListEntry(
                    "",
                    [
                        TextBlock(
                            "No bookmarks yet. In an article, m bookmarks the place you are at."
                        )
                    ],
                    enabled=False,
                )
            ]
        count = len(self.marks)
        self.query_one("#bookmarks-title", Static).update(
            f"{count} bookmark{'s' if count != 1 else ''}. Enter opens one; d deletes it."
        )
        self.query_one(LineList).set_entries(entries, cursor=cursor)

    @on(LineList.Selected)
    def chosen(self, event: LineList.Selected) -> None:
        event.stop()
        self.post_message(self.Chosen(self.marks[event.index]))

    def action_delete(self) -> None:
        line_list = self.query_one(LineList)
        if not self.marks:
            return
        mark = self.marks[line_list.cursor]
        entry = self.library.articles.get(mark.slug)
        title = entry.title if entry is not None else mark.slug
        # A note may hold words the reader cannot write again: ask before it goes.
        with_note = " and its note" if mark.note else ""

        def answered(yes: bool | None) -> None:
            if yes:
                self.state.delete_bookmark(mark.id)
                self.refresh_marks(cursor=max(0, line_list.cursor - 1))

        self.app.push_screen(
            ConfirmScreen(f"Delete the bookmark{with_note} at {title}: {mark.section}?"), answered
        )
