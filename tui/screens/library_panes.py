"""The library screen's two panes: the line the reader types a filter in, and the list
of what the library offers."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

from tui.render.position import ReadingPosition
from tui.widgets.line_list import LineList


class ArticleList(LineList):
    """What the library offers: search, continue reading, paths, articles, bookmarks.

    The list's letters move (j k g G, Space and b page): filtering starts with / .
    """

    HELP_NAME = "Article list"

    # The cards are made once (KeptCards): their lines are kept by card, not by row.
    BLOCKS_FIXED = True

    class Open(Message):
        """Open an article: where the reader left off, or at *start_at*."""

        def __init__(self, slug: str, start_at: ReadingPosition | None = None) -> None:
            super().__init__()
            self.slug = slug
            self.start_at = start_at


class FilterInput(Input):
    HELP_NAME = "Filter"

    # The text's width (its scrolling extent), set at each key. Textual lays the whole
    # screen out again when a widget's virtual size changes, yet the line's own size is
    # fixed (one row, the width of the screen): only the line itself is redrawn.
    virtual_size = Reactive(Size(0, 0), layout=False)

    def on_mount(self) -> None:
        # Nothing on screen moves by itself: the text cursor stays, steady.
        self.cursor_blink = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear the filter and go back to the list"),
        # While typing, the arrows still move the highlight in the list below.
        Binding("up", "screen.list_move('up')", "Previous article", show=False),
        Binding("down", "screen.list_move('down')", "Next article", show=False),
    ]

    def action_clear_filter(self) -> None:
        self.value = ""
        self.screen.query_one(ArticleList).focus()
