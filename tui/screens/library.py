"""The library: every article, filtered as you type; Enter opens one."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from tui.content import Library
from tui.screens.lean_compositor import lean_compositor
from tui.screens.library_cards import (
    READ_PERCENT,
    KeptCards,
    continue_card,
    last_card,
    path_card,
    problem_text,
    search_card,
    way_in_cards,
)
from tui.screens.library_filter import all_matching, first_matching, narrows, words_of

# The panes, importable from here too, where the app and tests have found them.
from tui.screens.library_panes import ArticleList as ArticleList
from tui.screens.library_panes import FilterInput as FilterInput
from tui.screens.styled_once import StyledOnce
from tui.state import StateStore
from tui.widgets.bars import StatusLine, TitleBar
from tui.widgets.line_list import LineList, ListEntry

# Article cards built at a time (a screen shows about ten): a filter costs what is
# shown, not the size of the library.
WINDOW = 100
# Seconds after the first frame when the work left for later starts.
VERIFY_AFTER = 0.3
# Articles the filter looks at within a key (about a millisecond's worth): enough to
# fill the cards it draws for most words. The rest are matched and counted in a thread
# once typing pauses for FILTER_PAUSE seconds.
FILTER_NOW = 5000
FILTER_PAUSE = 0.1


class LibraryScreen(StyledOnce):
    HELP_NAME = "Library"
    HELP_INTRO = (
        "The library lists every article. Press / (or Tab) to type words that filter "
        "the list, s to search inside every article; "
        "press Enter to open the highlighted article."
    )

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter the list"),
        Binding("s", "search", "Search every article"),
        Binding("q", "quit", "Quit wellread"),
        # The first screen: Esc has nowhere to go back to, and never quits unasked.
        Binding("escape", "root_escape", "Nothing to go back to (q quits)", show=False),
    ]

    # Where focus lands when the screen opens (Textual would pick the first pane).
    AUTO_FOCUS = "#article-list"

    # Textual repaints the whole screen when the focus moves (/ and Esc, between the
    # filter line and the list); the two repaint themselves as they are restyled, and
    # nothing else on the screen depends on the focus.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(
        self, library: Library, state: StateStore | None = None, message: str | None = None
    ) -> None:
        super().__init__()
        lean_compositor(self)
        self.library = library
        self.state = state
        # Sorted once (slugs: an entry is made only for a card drawn); the lowercase text
        # each filter looks in, made once the list is on screen.
        self._sorted = library.article_order()
        self._haystacks: list[str] | None = None
        self._making = threading.Lock()
        # The words of the last filter matched to the end, and every place they match.
        self._last_match: tuple[list[str], Sequence[int]] = ([], [])
        self._count_timer: Timer | None = None
        # Whether the list shows only part of a filter's matches (the rest being looked for).
        self._partial = False
        self.shown: int | None = 0  # articles matching the filter; None while counted
        self._window = WINDOW
        self._cards = KeptCards()
        self._search_card = search_card()  # one, like the article cards (KeptCards)
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
        # Filtered as the line's text changes, within the key that changed it: a handler
        # of the Changed message it posts runs after the frame that shows the letter,
        # and the list it draws then costs a second frame.
        self.watch(self.query_one(FilterInput), "value", self._filter_typed, init=False)
        self._show_problems()
        article_list.focus()
        if self.message:
            self.query_one(StatusLine).set_notice(self.message)
        # Work for later, each in a thread once the screen is up (the delay leaves the
        # first frames and keys the whole interpreter): the text the filter looks in (a
        # tenth of a second and 12 MB at 50,000 articles; a key typed before makes it),
        # and for a library drawn from its cache as the folders were last listed, a
        # look at each file, the list redrawn if one changed.
        self.set_timer(VERIFY_AFTER, self._after_first_frames)

    def _after_first_frames(self) -> None:
        self._prepare_filter_later()
        if self.library.trusted:
            self._verify_library()

    def _show_problems(self) -> None:
        problems = [*self.library.unreadable]
        problems += [p for p in self.library.article_problems() if p.is_error]
        panel = self.query_one("#library-problems", Static)
        panel.display = bool(problems)
        if problems:
            panel.update(problem_text(sorted(problems)))

    @work(thread=True, exclusive=True, group="library-verify")
    def _verify_library(self) -> None:
        fresh = self.library.verify()
        if fresh is not None:
            self.app.call_from_thread(self._library_changed, fresh)

    def _library_changed(self, fresh: Library) -> None:
        self.library.take(fresh)
        self._sorted = self.library.article_order()
        self._haystacks = None
        self._last_match = ([], [])
        self._show_problems()
        if self.is_mounted:
            self.show_entries(self.query_one(FilterInput).value, keep=True)
        self._prepare_filter_later()

    @work(thread=True, exclusive=True, group="library-filter")
    def _prepare_filter_later(self) -> None:
        self._prepare_filter()

    def _prepare_filter(self) -> list[str]:
        # A key typed while the thread makes the text waits for it (rather than both
        # making it at once, each slowing the other).
        with self._making:
            haystacks = self._haystacks
            if haystacks is None:
                texts = self.library.articles.texts(self._sorted)
                haystacks = self._haystacks = [text.casefold() for text in texts]
            return haystacks

    def _matching(self, query: str, want: int) -> tuple[Sequence[int], bool]:
        """The places in the sorted list of the articles that match, in order: all of
        them (and True), or, in a large library, at least the first *want* of them if
        there are (and False), the rest being matched in a thread after a pause."""
        self._stop_counting()
        words = words_of(query)
        if not words:
            return range(len(self._sorted)), True
        last_words, last = self._last_match
        if words == last_words:
            return last, True
        texts = self._prepare_filter()
        # Typing on narrows the last matches: a text holding the new words holds the old.
        among = last if narrows(words, last_words) else range(len(self._sorted))
        found, complete = first_matching(texts, words, among, want, FILTER_NOW)
        if complete:
            self._last_match = (words, found)
        elif FILTER_PAUSE > 0:
            self._count_timer = self.set_timer(FILTER_PAUSE, lambda: self._count(words, among))
        else:  # no pause to wait for
            self._count(words, among)
        return found, complete

    def _stop_counting(self) -> None:
        if self._count_timer is not None:
            self._count_timer.stop()
            self._count_timer = None

    class Counted(Message, bubble=False):
        """Every article matching a filter's *words*, found in a thread."""

        def __init__(self, order: list[str], words: list[str], found: list[int]) -> None:
            super().__init__()
            self.order = order
            self.words = words
            self.found = found

    # A description, so starting it never writes out 50,000 places (their repr).
    @work(thread=True, exclusive=True, group="library-filter-count", description="count")
    def _count(self, words: list[str], among: Sequence[int]) -> None:
        found = all_matching(self._prepare_filter(), words, among)
        self.post_message(self.Counted(self._sorted, words, found))

    @on(Counted)
    def _counted(self, event: Counted) -> None:
        if event.order is not self._sorted or not self.is_mounted:
            return  # the library changed meanwhile
        query = self.query_one(FilterInput).value
        if words_of(query) != event.words:
            return  # typed on: a newer filter is being matched
        self._last_match = (event.words, event.found)
        if self._partial:
            # The list showed what was found so far: now it shows them all.
            self.show_entries(query, keep_window=True, keep=True)
        else:
            # The cards drawn were the first matches already: only the count was missing.
            self.shown = len(event.found)
            self.update_status()

    def show_entries(self, query: str, keep_window: bool = False, keep: bool = False) -> None:
        if not keep_window:
            self._window = WINDOW
        # The cards drawn and the next WINDOW (to say how many more), and one to know.
        matching, complete = self._matching(query, self._window + WINDOW + 1)
        self._partial = not complete and len(matching) <= self._window + WINDOW
        # Only the cards drawn are looked up: the rest are counted.
        articles = [self.library.articles[self._sorted[i]] for i in matching[: self._window]]
        positions = self.state.positions() if self.state is not None else {}
        # Search first, so it is found without scrolling past every article.
        cards: list[ListEntry] = [self._search_card]
        if not query:
            # The reader's own way in first: where they stopped, their paths.
            last = self.state.last_read() if self.state is not None else None
            if last is not None and last.slug in self.library.articles:
                cards.append(continue_card(self.library.articles[last.slug], last))
            cards += [path_card(p, self.library, positions) for p in self.library.paths]
        start = len(cards)
        cards += [self._cards.card(entry, positions.get(entry.slug)) for entry in articles]
        end = last_card(self.library, len(articles), len(matching), self._partial, WINDOW)
        if end is not None:
            cards.append(end)
        if not query:
            marks = self.state.bookmarks() if self.state is not None else []
            kept = self.state.my_exercises() if self.state is not None else []
            cards += way_in_cards(self.library, len(marks), len(kept))
        article_list = self.query_one(ArticleList)
        if keep_window and not keep:
            # "Show more": the highlight on the first of the cards just added.
            article_list.set_entries(cards, cursor=start + self._window - WINDOW)
        else:
            # The same item stays highlighted (back from an article, a filter redrawn).
            was, near = (article_list.cursor_id, article_list.cursor) if keep else (None, 0)
            # An article may be listed twice (Continue reading, and in the list): the one
            # nearest to where the highlight stood.
            same = [i for i, card in enumerate(cards) if card.id == was]
            at = min(same, key=lambda i: abs(i - near)) if same else None
            # Otherwise the first thing to read, just under the search.
            first = 1 if len(cards) > 1 and cards[1].enabled else 0
            article_list.set_entries(
                cards, cursor=first if at is None else at, keep_scroll=at is not None
            )
        self.shown = len(matching) if complete else None
        self.update_status()

    def on_screen_resume(self) -> None:
        # Back from an article: its place and the paths' ticks have moved on.
        if self.is_mounted:
            self.show_entries(self.query_one(FilterInput).value, keep=True)
            self.query_one(ArticleList).focus()

    @on(LineList.Selected, "#article-list")
    def item_chosen(self, event: LineList.Selected) -> None:
        event.stop()
        self.query_one(StatusLine).set_notice("")
        kind, _, name = event.entry_id.partition(":")
        if kind == "article":
            self.post_message(ArticleList.Open(name))
        elif kind == "path":
            self.open_path(name)
        elif kind == "bookmarks":
            self.post_message(self.ShowBookmarks())
        elif kind == "exercises":
            self.post_message(self.ShowExercises())
        elif kind == "mine":
            self.post_message(self.ShowMine())
        elif kind == "more":
            self._window += WINDOW
            self.show_entries(self.query_one(FilterInput).value, keep_window=True)
        elif kind == "search":
            self.post_message(self.ShowSearch(self.query_one(FilterInput).value))

    def open_path(self, path_id: str) -> None:
        """The first article on the path not read yet (or the first, when all are)."""
        reading_path = next(p for p in self.library.paths if p.id == path_id)
        positions = self.state.positions() if self.state is not None else {}
        available = [slug for slug in reading_path.articles if slug in self.library.articles]
        unread = [
            slug
            for slug in available
            if slug not in positions or positions[slug].percent < READ_PERCENT
        ]
        if available:
            self.post_message(ArticleList.Open((unread or available)[0]))

    class ShowBookmarks(Message):
        pass

    class ShowExercises(Message):
        pass

    class ShowMine(Message):
        pass

    class ShowSearch(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    def update_status(self) -> None:
        count = count_line(self.shown, len(self.library.articles))
        # A message about settings or reading state stays until the reader opens something.
        self.query_one(StatusLine).set_status(count, keep_notice=True)

    def _filter_typed(self, value: str) -> None:
        self.show_entries(value)

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        # Enter ends the filter: the list, with its highlighted item, has the focus.
        self.query_one(ArticleList).focus()

    def action_filter(self) -> None:
        self.query_one(FilterInput).focus()

    def action_list_move(self, direction: str) -> None:
        article_list = self.query_one(ArticleList)
        if direction == "up":
            article_list.action_cursor_up()
        else:
            article_list.action_cursor_down()

    def action_search(self) -> None:
        self.post_message(self.ShowSearch(self.query_one(FilterInput).value))

    def action_root_escape(self) -> None:
        self.query_one(StatusLine).set_notice(
            "This is the library, the first screen: q or Ctrl+Q quits."
        )

    async def action_quit(self) -> None:
        self.app.exit()


def count_line(shown: int | None, total: int) -> str:
    """The library's count on the status line: *shown* of *total* articles (None: the
    filter still matching). Thousands are grouped ("50,000"): easier to read at a
    glance, and read out as a number by screen readers."""
    noun = "article" if total == 1 else "articles"
    if shown is None:
        return f"Matching the filter among {total:,} {noun}..."
    if shown != total:
        return f"{shown:,} of {total:,} {noun}"
    return f"{total:,} {noun}"
