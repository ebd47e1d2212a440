"""The library: every article, filtered as you type; Enter opens one."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.content import Entry, Library, Problem
from tui.render.blocks import TextBlock
from tui.render.summaries import entry_facts
from tui.widgets.bars import StatusLine, TitleBar
from tui.widgets.line_list import LineList, ListEntry


def matches(entry: Entry, query: str) -> bool:
    """Every word of the query appears in the title, summary or tags."""
    haystack = " ".join([entry.title, entry.summary, *entry.tags]).casefold()
    return all(word in haystack for word in query.casefold().split())


def entry_card(entry: Entry) -> ListEntry:
    return ListEntry(
        entry.slug,
        [
            TextBlock(entry.title, style="title"),
            TextBlock(entry.summary, indent=2),
            TextBlock(entry_facts(entry), style="meta", indent=2),
        ],
    )


class ArticleList(LineList, inherit_bindings=False):
    """The articles. Letters are left free here, so typing a word filters the list."""

    HELP_NAME = "Article list"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Next article", show=False),
        Binding("up", "cursor_up", "Previous article", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First article", show=False),
        Binding("end", "last", "Last article", show=False),
        Binding("enter", "select", "Open the highlighted article", show=False),
    ]

    class Open(Message):
        def __init__(self, slug: str) -> None:
            super().__init__()
            self.slug = slug

    def set_articles(self, entries: list[Entry]) -> None:
        cards = [entry_card(entry) for entry in entries]
        if not cards:
            cards = [ListEntry("", [TextBlock("No article matches the filter.")], enabled=False)]
        self.set_entries(cards)

    def selected_message(self, index: int, entry_id: str) -> Message:
        return self.Open(entry_id)


class FilterInput(Input):
    HELP_NAME = "Filter"

    def on_mount(self) -> None:
        # Nothing on screen moves by itself: the text cursor stays, steady.
        self.cursor_blink = False

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_filter", "Clear the filter and go back to the list"),
    ]

    def action_clear_filter(self) -> None:
        self.value = ""
        self.screen.query_one(ArticleList).focus()


def problem_text(problems: list[Problem]) -> Text:
    text = Text(
        f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in the library "
        "(run 'wellread check' for the full list):",
        style="bold",
    )
    for problem in problems[:5]:
        text.append(f"\n  {problem.path.name}:{problem.line}: {problem.message}")
    if len(problems) > 5:
        text.append(f"\n  and {len(problems) - 5} more.")
    return text


class LibraryScreen(Screen[None]):
    HELP_NAME = "Library"
    HELP_INTRO = (
        "The library lists every article. Type a word to filter the list "
        "(for a word that starts with q, press / first); "
        "press Enter to open the highlighted article."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter the list"),
        Binding("q", "quit", "Quit wellread"),
        Binding("escape", "quit", "Quit wellread", show=False),
        Binding("up", "list_move('up')", "Previous article", show=False),
        Binding("down", "list_move('down')", "Next article", show=False),
    ]

    # Where focus lands when the screen opens (Textual would pick the first pane).
    AUTO_FOCUS = "#article-list"

    def __init__(self, library: Library, message: str | None = None) -> None:
        super().__init__()
        self.library = library
        # Said once on the status line: a settings file that had to be set aside, say.
        self.message = message

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        with Vertical(id="library-body"):
            yield FilterInput(
                placeholder="Type to filter articles", id="filter", select_on_focus=False
            )
            yield ArticleList(id="article-list")
            yield Static(id="library-problems")
        yield StatusLine("Enter opens · ? help · q quits", "? help", id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title("Library")
        article_list = self.query_one(ArticleList)
        article_list.border_title = "Articles"
        self.show_entries("")
        problems = [*self.library.unreadable]
        for entry in self.library.articles.values():
            problems.extend(p for p in entry.problems if p.is_error)
        panel = self.query_one("#library-problems", Static)
        if problems:
            panel.update(problem_text(sorted(problems)))
        else:
            panel.display = False
        article_list.focus()
        if self.message:
            self.query_one(StatusLine).set_notice(self.message)

    def show_entries(self, query: str) -> None:
        entries = [e for e in self.library.article_entries() if matches(e, query)]
        self.query_one(ArticleList).set_articles(entries)
        self.shown = len(entries)
        self.update_status()

    def update_status(self) -> None:
        total = len(self.library.articles)
        count = f"{self.shown} of {total} articles" if self.shown != total else f"{total} articles"
        self.query_one(StatusLine).set_status(count)

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.show_entries(event.value)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.query_one(ArticleList).action_select()

    def on_key(self, event: events.Key) -> None:
        # Typing a word while on the list starts the filter with it; the few keys
        # with a meaning of their own here (q, ?, /) keep it.
        article_list = self.query_one(ArticleList)
        if (
            self.focused is article_list
            and event.is_printable
            and event.character
            and event.key not in self.active_bindings
        ):
            filter_input = self.query_one(FilterInput)
            filter_input.focus()
            filter_input.insert_text_at_cursor(event.character)
            event.stop()

    def action_filter(self) -> None:
        self.query_one(FilterInput).focus()

    def action_list_move(self, direction: str) -> None:
        article_list = self.query_one(ArticleList)
        if direction == "up":
            article_list.action_cursor_up()
        else:
            article_list.action_cursor_down()

    async def action_quit(self) -> None:
        self.app.exit()
