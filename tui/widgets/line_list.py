"""A keyboard list drawn with the line API: any number of items, wrapped with hanging
indents, a cursor shown by shape as well as colour, and the terminal cursor on it.

Items are render-layer text blocks, so a list wraps exactly like the article does,
and a list of thousands (the outline of a long review) costs only what is on screen.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip

from tui.render.blocks import RenderedDocument
from tui.render.layout import Layout
from tui.widgets import scroll_fit
from tui.widgets.component_styles import ComponentStyleMemo, ScrollViewRules
from tui.widgets.composed_lines import keep_composed_lines, kept_vertical_scrollbar

# The items' types, kept importable from here, where lists' users have found them.
from tui.widgets.list_entries import ListEntry as ListEntry
from tui.widgets.list_entries import PreparedEntries as PreparedEntries
from tui.widgets.list_entries import flatten_entries, item_at_line, item_lines
from tui.widgets.list_entries import prepare_entries as prepare_entries
from tui.widgets.list_strips import FOCUS_MARK as FOCUS_MARK
from tui.widgets.list_strips import GUTTER, TEXT_CLASSES, TEXT_STYLES, FrameStyles, strips_for
from tui.widgets.strips import TextStyles, component_classes


class LineList(ScrollView, can_focus=True):
    """Items you move through with the keys of less; Enter selects."""

    # Only the styles a list uses: Textual works out every component class each time
    # a widget is restyled (focus, theme), and lists are restyled often. A render-layer
    # style not named here draws in the list's own style (TextStyles).
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "line-list--cursor",
        "line-list--disabled",
        *component_classes("line-list", TEXT_STYLES),
    }

    DEFAULT_CSS = """
    LineList {
        overflow-x: hidden;
        overflow-y: auto;
    }
    LineList > .line-list--cursor { text-style: bold; }
    LineList:focus > .line-list--cursor { text-style: bold reverse; }
    LineList > .line-list--disabled { text-style: italic; }
    LineList > .line-list--title { text-style: bold; }
    LineList > .line-list--strong { text-style: bold; }
    LineList > .line-list--em { text-style: italic; }
    LineList > .line-list--meta { text-style: italic; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next item", show=False),
        Binding("up,k", "cursor_up", "Previous item", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup,b", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First item", show=False),
        Binding("end,G", "last", "Last item", show=False),
        Binding("enter", "select", "Open the highlighted item", show=False),
    ]

    # Blank lines between items; cards read better apart, an outline close together.
    GAP = 1

    # Items whose blocks never change once made (the library's cards; not the outline's,
    # which take a search's counts) have their drawn lines kept by block (BlockStrips).
    BLOCKS_FIXED: ClassVar[bool] = False

    class _ItemMessage(Message):
        def __init__(self, line_list: LineList, index: int, entry_id: str) -> None:
            super().__init__()
            self.line_list = line_list
            self.index = index
            self.entry_id = entry_id

        @property
        def control(self) -> LineList:
            return self.line_list

    class Highlighted(_ItemMessage):
        """The cursor moved to another item."""

    class Selected(_ItemMessage):
        """Enter (or a click) on an item."""

    def __init__(
        self,
        entries: list[ListEntry] | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self.entries: list[ListEntry] = entries or []
        self.cursor = 0
        self._flat = flatten_entries(self.entries, self.GAP)
        self._layouts: LRUCache[int, Layout] = LRUCache(2)
        self._style = TextStyles(self, "line-list")
        # What the scroll bars were last fitted to (see _size_updated).
        self._scrolled_for: tuple[object, ...] = ()
        self._strips, self._frame_styles = strips_for(self.BLOCKS_FIXED), FrameStyles()
        self._component_memo = ComponentStyleMemo(self, self._forget_styles)
        self._rule_memo = ScrollViewRules()
        self._frame = self._strips.frame(
            None, Style(), 0, Layout(RenderedDocument([], []), 1), Style(), Style()
        )
        keep_composed_lines(self)

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        # A bar whose rows are drawn once each (composed_lines.KeptScrollBar).
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = kept_vertical_scrollbar(self)
        return self._vertical_scrollbar

    # ------------------------------------------------------------ items

    def set_entries(
        self,
        entries: list[ListEntry],
        cursor: int = 0,
        keep_scroll: bool = False,
        prepared: PreparedEntries | None = None,
    ) -> None:
        """Show *entries*; *prepared*: the same entries prepared already."""
        if prepared is None or prepared.entries is not entries:
            prepared = PreparedEntries(entries, flatten_entries(entries, self.GAP), None)
        self.entries, self._flat = entries, prepared.flat
        self._layouts.clear()
        if prepared.layout is not None:
            self._layouts[prepared.layout.width] = prepared.layout
        self.cursor = max(0, min(cursor, len(entries) - 1))
        if self.size.width:
            self._update_size()
            if not keep_scroll:
                self.scroll_to(y=0, animate=False, immediate=True)
            self._cursor_into_view()
        self.refresh()

    @property
    def prepared(self) -> PreparedEntries:
        """The entries shown now, as prepared: to show them again for nothing."""
        return PreparedEntries(self.entries, self._flat, self._layouts.get(self.text_width))

    @property
    def cursor_id(self) -> str | None:
        if 0 <= self.cursor < len(self.entries):
            return self.entries[self.cursor].id
        return None

    def index_of(self, entry_id: str) -> int | None:
        return next((i for i, entry in enumerate(self.entries) if entry.id == entry_id), None)

    def refresh_entries(self, *indices: int) -> None:
        """Repaint only these items' lines: a moving marker should not redraw the list."""
        for index in indices:
            if 0 <= index < len(self.entries):
                first, end = self.entry_lines(index)
                self.refresh_lines(first, max(1, end - first))

    def move_cursor(self, index: int) -> None:
        if not self.entries:
            return
        index = max(0, min(index, len(self.entries) - 1))
        changed = index != self.cursor
        previous, self.cursor = self.cursor, index
        top = self.scroll_y
        self._cursor_into_view()
        if self.scroll_y == top:
            self.refresh_entries(previous, index)
        else:
            self.refresh()
        if changed:
            highlighted = self.Highlighted(self, index, self.entries[index].id)
            self.post_message(highlighted.set_sender(self))
        self.place_cursor()

    # ------------------------------------------------------------ layout

    @property
    def text_width(self) -> int:
        width = self.scrollable_content_region.width or self.size.width
        return max(1, width - GUTTER)

    def _current_layout(self) -> Layout:
        width = self.text_width
        layout = self._layouts.get(width)
        if layout is None:
            layout = Layout(self._flat.document, width)
            layout.extend()
            self._layouts[width] = layout
        return layout

    def _update_size(self) -> None:
        size = Size(self.text_width, len(self._current_layout().lines))
        if not scroll_fit.fit_quietly(self, size):
            self.virtual_size = size

    def entry_lines(self, index: int) -> tuple[int, int]:
        """First text line of entry *index* and the line after its last."""
        return item_lines(self._flat, self._current_layout(), index)

    def entry_at_line(self, y: int) -> int:
        return item_at_line(self._flat, self._current_layout(), y)

    def _cursor_into_view(self) -> None:
        if not self.entries:
            return
        first, end = self.entry_lines(self.cursor)
        # Keep the gap above the first item in view when it is selected.
        top = 0 if self.cursor == 0 else first
        self.scroll_to_region(
            Region(0, top, 1, max(1, end - top)), animate=False, immediate=True, force=True
        )

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # Scroll bars fitted again only when what they depend on changes (fitted_for).
        fitted_for = scroll_fit.fitted_for(self, size, container_size)
        if fitted_for == self._scrolled_for:
            return self.container_size != container_size
        self._scrolled_for = fitted_for
        return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self, event: events.Resize) -> None:
        self._update_size()
        self._cursor_into_view()
        if self.has_focus:
            self.call_after_refresh(self.place_cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_styles()

    def _forget_styles(self) -> None:
        # The drawn lines stay: render_lines tells them the styles they are drawn with.
        self._style.clear()

    def _get_component_classes(self) -> frozenset[str]:  # type: ignore[override]
        # Focus moves restyle the list: its component styles are worked out once a path.
        return self._component_memo.classes(super()._get_component_classes())

    # ------------------------------------------------------------ focus and cursor

    def cursor_cell(self) -> Offset | None:
        """The cell of the cursor item's first letter, where the terminal cursor stands."""
        if not self.entries:
            return None
        first, _ = self.entry_lines(self.cursor)
        region = self.content_region
        row = max(0, min(region.height - 1, first - round(self.scroll_y)))
        block = self._flat.document.blocks[self._flat.first_block[self.cursor]]
        return Offset(region.x + GUTTER + block.indent, region.y + row)

    def place_cursor(self) -> None:
        """Stand the terminal cursor on the cursor item, for screen readers."""
        if not self.has_focus or not self.screen.is_current:
            return
        cell = self.cursor_cell()
        if cell is not None:
            self.app.cursor_position = cell

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual restyles the list and its scroll bars here, matching every rule again;
        # the rules of a path seen before are put back instead.
        if self.is_attached:
            self._rule_memo.restyle(self)
        else:
            super().watch_has_focus(has_focus)

    def on_focus(self) -> None:
        self.refresh()
        self.call_after_refresh(self.place_cursor)

    def on_blur(self) -> None:
        self.refresh()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.has_focus:
            self.place_cursor()

    # ------------------------------------------------------------ actions

    def _step(self, direction: int) -> None:
        index = self.cursor + direction
        while 0 <= index < len(self.entries) and not self.entry_enabled(index):
            index += direction
        if 0 <= index < len(self.entries):
            self.move_cursor(index)

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.entries) - 1)

    def action_page_down(self) -> None:
        first, _ = self.entry_lines(self.cursor) if self.entries else (0, 0)
        self.move_cursor(self.entry_at_line(first + self.scrollable_content_region.height))

    def action_page_up(self) -> None:
        first, _ = self.entry_lines(self.cursor) if self.entries else (0, 0)
        self.move_cursor(self.entry_at_line(first - self.scrollable_content_region.height))

    def selected_message(self, index: int, entry_id: str) -> Message:
        """The message Enter posts; subclasses say what choosing an item means."""
        return self.Selected(self, index, entry_id)

    def action_select(self) -> None:
        if self.entries and self.entry_enabled(self.cursor):
            message = self.selected_message(self.cursor, self.entries[self.cursor].id)
            # The list sends it, whoever called: Textual stops a message at its sender,
            # and a screen calling this must not swallow its own request.
            self.post_message(message.set_sender(self))

    def on_click(self, event: events.Click) -> None:
        if not self.entries:
            return
        index = self.entry_at_line(round(self.scroll_y) + event.y)
        self.move_cursor(index)
        self.action_select()

    # ------------------------------------------------------------ drawing

    def gutter_mark(self, index: int) -> str:
        """What stands beside the first line of item *index*; subclasses add their own."""
        return FOCUS_MARK if self.has_focus and index == self.cursor else ""

    def entry_style(self, index: int) -> Style:
        """An extra style for every line of item *index*."""
        if index == self.cursor and self.entries:
            return self._frame.cursor
        if not self.entry_enabled(index):
            return self._frame.disabled
        return Style()

    def entry_enabled(self, index: int) -> bool:
        """Whether item *index* can be chosen (asked for every line drawn)."""
        return self.entries[index].enabled

    def render_lines(self, crop: Region) -> list[Strip]:
        layout = self._current_layout()
        if self.virtual_size.height != len(layout.lines):
            self.call_later(self._update_size)
        # Values every line needs, looked up once a frame rather than once a line.
        base, cursor, disabled = self._frame_styles.of(
            self, "line-list--cursor", "line-list--disabled"
        )
        self._frame = self._strips.frame(
            self._frame, base, self.scrollable_content_region.width, layout, cursor, disabled
        )
        if self._strips.drawn_with(
            tuple(map(self._component_styles.get, TEXT_CLASSES)),
            lambda: tuple(self.get_component_rich_style(c, partial=True) for c in TEXT_CLASSES),
        ):
            self._style.clear()  # the text's styles changed: looked up again too
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        base, width, layout = self._frame.base, self._frame.width, self._frame.layout
        index = round(self.scroll_y) + y
        if index >= len(layout.lines) or not self.entries:
            return self._frame.blank
        line = layout.lines[index]
        entry = self.entry_of_block(line.block)
        mark = ""
        if line.first and line.block == self._flat.first_block[entry]:
            mark = self.gutter_mark(entry)
        if line.blank:
            return self._frame.blank
        style = base + self.entry_style(entry)
        blocks = self._flat.document.blocks
        return self._strips.line(layout, width, index, line, blocks, mark, style, self._style)

    def entry_of_block(self, block: int) -> int:
        """The item flattened block *block* belongs to."""
        return self._flat.document.blocks[block].section_index
