"""The sidebar: related exercises and numbered references, in two tabs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.containers import Vertical
from textual.content import Content
from textual.dom import NoScreen
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from tui.render.blocks import TextBlock
from tui.widgets.component_styles import RuleMemo, path_key
from tui.widgets.kept_lines import keep_lines
from tui.widgets.line_list import LineList, ListEntry, PreparedEntries
from tui.widgets.tab_swap import show_in_place

# Beside references named by the citation the reader followed.
CITED = "◆ "
# Before the name of the tab on show: the same mark as the current section's.
SHOWN = "• "
# The tabs: the list's id and the tab's name.
TABS = (("exercise-list", "Exercises"), ("reference-list", "References"))
# The focused pane's title, as wellread.tcss styles the other panes' titles.
FOCUSED_TITLE = "bold reverse"
# The sidebar's class while the focus is inside it (wellread.tcss gives it the heavy
# border).
FOCUS_WITHIN = "-focus-within"


def card_entry(entry_id: str, lines: Sequence[str], label: str = "") -> ListEntry:
    """A bold first line (after an optional number) and its details indented beneath."""
    indent = len(label) if label else 2
    blocks = [TextBlock(lines[0], style="title", prefix=label)]
    blocks += [TextBlock(line, indent=indent) for line in lines[1:]]
    return ListEntry(entry_id, blocks)


class SidebarList(LineList):
    """A list in the sidebar: tells the sidebar of a focus change as it happens."""

    def watch_has_focus(self, has_focus: bool) -> None:
        super().watch_has_focus(has_focus)
        # Now, not when the sidebar gets DescendantFocus: its border and title then
        # change in the same frame as the list's cursor, not one frame later.
        if isinstance(self.parent, Sidebar):
            self.parent.show_focus_within()

    def _check_refresh(self) -> None:
        # Textual's own step (private) that sends a repaint asked for to the screen. A
        # list that r or e has just shown is not in the screen's map until the layout
        # its display change asked for, which paints it whole; its repaint (focus moved
        # to it) would only make Textual arrange the whole screen a second time, after
        # that layout. tests/test_sidebar_tabs.py counts the arrangements.
        if self._repaint_required and self.is_attached and self.display:
            try:
                shown = self in self.screen._compositor.visible_widgets
            except NoScreen:
                shown = True
            if not shown:
                self._repaint_required = False
        super()._check_refresh()


class ExerciseList(SidebarList):
    HELP_NAME = "Related exercises"

    class Selected(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    @staticmethod
    def entries_for(cards: Sequence[tuple[str, Sequence[str]]]) -> list[ListEntry]:
        """Cards as (slug, lines): the first line is the title."""
        entries = [card_entry(slug, lines) for slug, lines in cards]
        if not entries:
            entries = [
                ListEntry("", [TextBlock("No related exercises for this article.")], enabled=False)
            ]
        return entries

    def selected_message(self, index: int, entry_id: str) -> Message:
        return self.Selected(entry_id)


class ReferenceList(SidebarList):
    """Numbered references; those the last followed citation names are marked ◆."""

    HELP_NAME = "References"

    def __init__(self, entries: list[ListEntry] | None = None, *, id: str | None = None) -> None:
        super().__init__(entries, id=id)
        self.marked: set[int] = set()

    def set_entries(
        self,
        entries: list[ListEntry],
        cursor: int = 0,
        keep_scroll: bool = False,
        prepared: PreparedEntries | None = None,
    ) -> None:
        self.marked = set()
        super().set_entries(entries, cursor, keep_scroll, prepared)

    class Selected(Message):
        def __init__(self, ref_id: str) -> None:
            super().__init__()
            self.ref_id = ref_id

    @staticmethod
    def entries_for(references: Sequence[tuple[str, int, Sequence[str]]]) -> list[ListEntry]:
        """References as (id, number, lines)."""
        return [card_entry(ref_id, lines, f"{number}. ") for ref_id, number, lines in references]

    def show_cited(self, ref_ids: tuple[str, ...]) -> None:
        """Mark the references a citation names, and put the cursor on the first."""
        self.marked = {index for index, entry in enumerate(self.entries) if entry.id in ref_ids}
        if self.marked:
            self.move_cursor(min(self.marked))
        self.refresh()

    def gutter_mark(self, index: int) -> str:
        return super().gutter_mark(index) or (CITED if index in self.marked else "")

    def selected_message(self, index: int, entry_id: str) -> Message:
        return self.Selected(entry_id)


class TabBar(Widget):
    """One line naming the sidebar's tabs; the shown one is marked by shape, not colour."""

    # One line when both names fit, two when the pane is narrow: never a name cut off.
    DEFAULT_CSS = """
    TabBar { height: auto; }
    """

    def __init__(self, tabs: list[tuple[str, str]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.tabs = tabs
        self.active = tabs[0][0]
        # Lines drawn, by row, tab shown, size and path (the look around them), for
        # the stylesheet they were drawn with: r and e draw each once.
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(16)
        self._lines_for: object = None

    def show(self, tab: str) -> None:
        self.active = tab
        self.refresh()

    @property
    def stacked(self) -> bool:
        """Too narrow for the names side by side: one per line, so a name is never
        broken and the mark stands beside the tab it means."""
        width = sum(len(label) + 2 for _, label in self.tabs) + 2 * (len(self.tabs) - 1)
        return bool(self.size.width) and width > self.size.width

    def render(self) -> Text:
        text = Text()
        stacked = self.stacked
        for position, (tab, label) in enumerate(self.tabs):
            if position:
                text.append("\n" if stacked else "  ")
            if tab == self.active:
                text.append(SHOWN + label, style="bold underline")
            else:
                text.append("  " + label)
        return text

    def render_line(self, y: int) -> Strip:
        # Textual draws the line from render() anew at every refresh (most of a
        # millisecond); what it draws depends only on the tab shown, the size and the
        # styles of the path down to the bar, under one stylesheet.
        rules = self.app.stylesheet.rules
        if rules is not self._lines_for:
            self._lines.clear()
            self._lines_for = rules
        key = (y, self.active, self.size, path_key(self))
        line = self._lines.get(key)
        if line is None:
            line = self._lines[key] = super().render_line(y)
        return line

    def on_resize(self, event: events.Resize) -> None:
        self.refresh(layout=True)

    def on_click(self, event: events.Click) -> None:
        if self.stacked:
            if 0 <= event.y < len(self.tabs):
                self.post_message(Sidebar.TabChosen(self.tabs[event.y][0]))
            return
        offset = 0
        for tab, label in self.tabs:
            offset += len(label) + 4
            if event.x < offset:
                self.post_message(Sidebar.TabChosen(tab))
                return


class Sidebar(Vertical):
    """Two tabs; the screen fills them and decides what selection means."""

    HELP_NAME = "Sidebar"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "show_tab('exercise-list')", "Show related exercises", show=False),
        Binding("right", "show_tab('reference-list')", "Show references", show=False),
        Binding("e", "show_tab('exercise-list')", "Show related exercises", show=False),
        Binding("r", "show_tab('reference-list')", "Show references", show=False),
    ]

    class TabChosen(Message):
        def __init__(self, tab: str) -> None:
            super().__init__()
            self.tab = tab

    def __init__(
        self,
        exercises: list[ListEntry] | None = None,
        references: list[ListEntry] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._initial = (exercises, references)
        self._title_shows_focus = False
        self._active_tab = TABS[0][0]
        self._rule_memo = RuleMemo()
        # Its lists and tab bar cover it: its own lines are border and blank, drawn
        # once a look (focused or not), not at every focus change.
        keep_lines(self, blank_content=True)

    # The focused pane has a heavy border and a bold, reversed title, like every pane.
    # The sidebar's focus is on a list inside it, so it shows both itself: the border
    # by its "-focus-within" class, restyling only itself (a :focus-within rule in the
    # CSS would make Textual restyle everything inside the sidebar on every focus
    # change, r and e included); the title set here on the title itself (Textual
    # repaints every widget inside a container whose border-title-style changes).
    # tests/test_focus_restyle.py checks the sidebar looks like the other panes.
    def show_focus_within(self) -> None:
        focused = self.has_focus_within
        if focused == self._title_shows_focus:
            return
        self._title_shows_focus = focused
        title = self._border_title.plain if self._border_title is not None else ""
        self.border_title = Content.styled(title, FOCUSED_TITLE) if focused else Content(title)
        # No rule for what is inside the sidebar names the class: only the sidebar's
        # own styles can change.
        self.set_class(focused, FOCUS_WITHIN, update=False)
        if self.is_attached:
            self._rule_memo.restyle(self)  # as update_nodes([self]), rules kept a path
            # Ask for the repaint now, with the list's: left to the sidebar's next idle
            # (after its queued DescendantFocus and Blur) it comes one frame later.
            self._check_refresh()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.show_focus_within()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.show_focus_within()

    def compose(self) -> ComposeResult:
        exercises, references = self._initial
        yield TabBar([(tab, label) for tab, label in TABS])
        # The lists sit in the sidebar itself, the hidden one with display off (a
        # ContentSwitcher between would be one more layer to restyle and draw).
        yield ExerciseList(exercises, id="exercise-list")
        hidden = ReferenceList(references, id="reference-list")
        hidden.display = False
        yield hidden

    @property
    def active_tab(self) -> str:
        return self._active_tab

    def action_show_tab(self, tab: str) -> None:
        focused = self.screen.focused
        had_focus = focused is not None and self in focused.ancestors
        if tab != self._active_tab:
            outgoing = self.query_one(f"#{self._active_tab}")
            incoming = self.query_one(f"#{tab}")
            self._active_tab = tab
            # In the place of the other, with no layout, when it has been shown there
            # before (tui/widgets/tab_swap.py); else Textual lays the screen out.
            if not show_in_place(outgoing, incoming):
                outgoing.display = False
                incoming.display = True
            self.query_one(TabBar).show(tab)
        # Keep the reader inside the sidebar, on the list they asked for.
        if had_focus:
            self.query_one(f"#{tab}", LineList).focus()

    def on_sidebar_tab_chosen(self, event: TabChosen) -> None:
        event.stop()
        self.action_show_tab(event.tab)
        self.query_one(f"#{event.tab}", LineList).focus()
