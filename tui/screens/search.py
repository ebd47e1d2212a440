"""Search every article and exercise; Enter opens the place a result names.

The index is brought up to date in a thread when the screen opens (a progress bar
shows while a large library is indexed); searching it takes milliseconds.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, ProgressBar

from tui.content import Library
from tui.content.search import SearchHit, SearchIndex, split_snippet
from tui.render.blocks import Span, TextBlock
from tui.screens.lean_compositor import lean_compositor
from tui.threads import background_work
from tui.widgets.bars import StatusLine, TitleBar
from tui.widgets.line_list import LineList, ListEntry

# Below this many files to index, no progress bar: it is over before it would show.
PROGRESS_FROM = 50


def hit_entry(index: int, hit: SearchHit) -> ListEntry:
    kind = "Exercise card: " if hit.kind == "exercise" else ""
    snippet = TextBlock("", indent=2)
    for text, matched in split_snippet(hit.snippet):
        if matched:
            start = len(snippet.text)
            snippet.spans.append(Span(start, start + len(text), "strong"))
        snippet.text += text
    heading = TextBlock(f"{kind}{hit.title}: {hit.heading}", style="title")
    # A hit with no words to show (a heading over no text at all) takes one line, not
    # a blank second one.
    return ListEntry(str(index), [heading, snippet] if snippet.text.strip() else [heading])


class QueryInput(Input):
    """The words to find; Down goes on to the results (a plain Input would scroll)."""

    HELP_NAME = "Words to find"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "screen.to_results", "Go to the results"),
    ]


class SearchScreen(Screen[None]):
    """Posts `Chosen` for the result the reader picks, and stays under what it opens."""

    HELP_NAME = "Search"
    HELP_INTRO = (
        "Type words to find them in every article and exercise card; put a phrase in "
        'quotes ("vertebral fracture"). Down moves to the results; Enter opens one.'
    )
    AUTO_FOCUS = "#search-query"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back"),
    ]

    # Textual repaints the whole screen when the focus moves (Tab, Down, Enter between
    # the query and the results); the two repaint themselves as they are restyled.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    class Progress(Message, bubble=False):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class Ready(Message, bubble=False):
        """The index is up to date."""

    class Chosen(Message):
        def __init__(self, hit: SearchHit) -> None:
            super().__init__()
            self.hit = hit

    def __init__(
        self, library: Library, index_file: Path, query: str = "", cursor: int = 0
    ) -> None:
        super().__init__()
        lean_compositor(self)
        self.library = library
        self.index_file = index_file
        self.initial_query = query
        # Coming forward to these results again: the result that was selected.
        self.initial_cursor = cursor
        self.index: SearchIndex | None = None
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        yield TitleBar(id="title-bar")
        with Vertical(id="search-body"):
            yield QueryInput(
                value=self.initial_query,
                placeholder="Words to find in every article",
                id="search-query",
                select_on_focus=False,
            )
            yield ProgressBar(id="search-progress", show_eta=False)
            yield LineList(id="search-results")
        yield StatusLine("Enter opens · Esc back · ? help", "? help", id="status")

    def on_mount(self) -> None:
        self.query_one(TitleBar).set_title("Search")
        self.query_one("#search-results").border_title = "Results"
        self.query_one("#search-query", Input).cursor_blink = False
        self.query_one(ProgressBar).display = False
        self.query_one(StatusLine).set_status("Preparing the search ...")
        self.prepare()

    @work(thread=True, exclusive=True, group="search-index")
    def prepare(self) -> None:
        # Its own connection: SQLite connections stay in the thread that made them.
        with background_work():
            index = SearchIndex(self.library, self.index_file)
            changed, _ = index.stale()
            report = None
            if len(changed) >= PROGRESS_FROM:

                def report(done: int, total: int) -> None:
                    if done == total or done % 25 == 0:
                        self.post_message(self.Progress(done, total))

            index.update(report)
            index.close()
        self.post_message(self.Ready())

    @on(Progress)
    def progress(self, event: Progress) -> None:
        bar = self.query_one(ProgressBar)
        bar.display = True
        bar.update(total=event.total, progress=event.done)
        self.query_one(StatusLine).set_status(
            f"Preparing the search: {event.done:,} of {event.total:,} files"
        )

    @on(Ready)
    def ready(self) -> None:
        self.query_one(ProgressBar).display = False
        self.index = SearchIndex(self.library, self.index_file)
        self.run_search(self.query_one("#search-query", Input).value)
        if self.initial_cursor and self.hits:
            results = self.query_one(LineList)
            results.move_cursor(self.initial_cursor)
            results.focus()

    @property
    def selected(self) -> int:
        return self.query_one(LineList).cursor

    @property
    def query_text(self) -> str:
        return self.query_one("#search-query", Input).value

    def run_search(self, query: str) -> None:
        if self.index is None:
            return
        # "Did you mean": the hits may be for a corrected spelling (said in the status).
        found = self.index.find(query)
        self.hits = found.hits
        results = self.query_one(LineList)
        results.set_entries([hit_entry(i, hit) for i, hit in enumerate(self.hits)])
        status = self.query_one(StatusLine)
        if not query.strip():
            status.set_status("Type words to find.")
        elif not self.hits:
            status.set_status(f"Nothing found for “{query}”.")
        else:
            many = "s" if len(self.hits) != 1 else ""
            status.set_status(f"{len(self.hits)} place{many} found, best first.")
        if found.corrected:
            status.set_status(f"Nothing found for “{query}”; showing “{found.searched}” instead.")
        elif found.suggestion:
            status.set_status(f"Few places found. Did you mean “{found.suggestion}”?")

    @on(Input.Changed, "#search-query")
    def query_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#search-query")
    def query_submitted(self) -> None:
        if self.hits:
            self.post_message(self.Chosen(self.hits[self.query_one(LineList).cursor]))

    @on(LineList.Selected, "#search-results")
    def result_chosen(self, event: LineList.Selected) -> None:
        event.stop()
        self.post_message(self.Chosen(self.hits[event.index]))

    def action_to_results(self) -> None:
        results = self.query_one(LineList)
        if self.focused is not results and self.hits:
            results.focus()
        else:
            results.action_cursor_down()

    def action_back(self) -> None:
        if self.focused is self.query_one(LineList):
            self.query_one("#search-query").focus()
        else:
            self.dismiss()

    def on_unmount(self) -> None:
        if self.index is not None:
            self.index.close()
