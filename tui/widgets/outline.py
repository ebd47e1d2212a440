"""The outline pane: numbered sections and subsections, the current one marked."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.message import Message
from textual.widgets.option_list import Option

from tui.render.blocks import OutlineEntry
from tui.widgets.lists import ReaderList, hanging

# The section being read; the focused list's cursor (▶) takes the same gutter.
CURRENT = "▸ "


class Outline(ReaderList):
    """Lists the document's sections; Enter asks the screen to go to one."""

    HELP_NAME = "Contents"

    class SectionSelected(Message):
        def __init__(self, outline: Outline, entry: int) -> None:
            super().__init__()
            self.outline = outline
            self.entry = entry

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.entries: list[OutlineEntry] = []
        self.current = 0

    def _prompt(self, index: int) -> Table | Text:
        entry = self.entries[index]
        # Long words fold rather than vanish behind an ellipsis in a narrow pane.
        title = Text(entry.label, overflow="fold", style="bold" if index == self.current else "")
        return hanging([("  ", title)]) if entry.level == 3 else title

    def gutter_mark(self, index: int) -> str:
        return super().gutter_mark(index) or (CURRENT if index == self.current else "")

    def set_entries(self, entries: list[OutlineEntry]) -> None:
        self.entries = entries
        self.current = 0
        self.clear_options()
        self.add_options(Option(self._prompt(index)) for index in range(len(entries)))
        self.highlighted = 0 if entries else None

    def mark_current(self, entry: int) -> None:
        """Move the current-section marker; the highlight follows unless the reader is here."""
        if not self.entries or entry == self.current:
            return
        previous, self.current = self.current, entry
        for index in (previous, entry):
            if 0 <= index < len(self.entries):
                self.replace_option_prompt_at_index(index, self._prompt(index))
        self.refresh()
        if not self.has_focus:
            self.highlighted = entry

    def on_option_list_option_selected(self, event: ReaderList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.SectionSelected(self, event.option_index))
