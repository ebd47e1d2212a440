"""Find as you type in a long article: the reader screen's side of it.

A short article is searched at every key, within the frame. In a long one a single
letter can match a hundred thousand times: at each key only the lines on screen are
searched (their matches lit in the frame that shows the letter typed), and once the
reader pauses in typing the whole article is, in a thread, whose result (matches
grouped by block, counts per section) replaces them when it is ready. Enter pressed
before then starts that search at once and goes to its first match when it is ready.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

from textual import events, on
from textual.screen import Screen

from tui.content.tokens import Forms
from tui.render.blocks import RenderedDocument
from tui.render.find import (
    Match,
    find_matches,
    known_forms,
    matches_per_section,
    query_pattern,
)
from tui.screens.evidence import EvidenceScreen
from tui.threads import background_work
from tui.widgets.article_matches import MatchCursor
from tui.widgets.line_list import PreparedEntries
from tui.widgets.outline import Outline
from tui.widgets.outline_counts import counted_entries
from tui.widgets.outline_rows import DrawnRows, RowLook, drawn_rows

# Typing faster than this (seconds between keys) searches once, after the last key.
FIND_DEBOUNCE = 0.12


def _raise(error: Exception) -> None:
    raise error


def collect_young() -> None:
    """Collect the young objects a thread made, in that thread.

    The cyclic collector is paused while a thread works (tui.threads); otherwise its
    first collection after the work, on whichever thread allocates next (the UI's, as
    it takes the result), walks every object the work made: 20 to 40 ms of a key on
    a 4 MB article. Collected here, at the end of the work, it is the thread's.
    """
    gc.collect(1)


def matches_in(document: RenderedDocument, query: str, blocks: range) -> list[Match]:
    """Matches of *query* as typed in *blocks* only (a page of text: cheap enough for
    the UI thread). The vocabulary is the document's words once a search of the whole
    has gathered them, else those of the blocks: the same matches, as a match is a
    whole word of the blocks either way; gathering a page's words took 0.2 ms a key."""
    texts = [document.blocks[index].text for index in blocks]
    forms = known_forms(document) or Forms.of_text("\n".join(texts))
    pattern = query_pattern(query, forms)
    if pattern is None:
        return []
    return [
        Match(index, found.start(), found.end())
        for index, text in zip(blocks, texts, strict=True)
        for found in pattern.finditer(text)
        if found.end() > found.start()
    ]


@dataclass(frozen=True)
class FoundAll:
    """Every match of one query in one document, ready to show."""

    document: RenderedDocument
    query: str
    found: MatchCursor
    counts: Mapping[int, int]
    outline: PreparedEntries
    # The outline's rows on screen, drawn with the counts, and the look they were drawn
    # for (tui.widgets.outline_rows); None when the outline's look was not taken.
    rows: DrawnRows | None = None


def search_whole(
    document: RenderedDocument,
    query: str,
    outline: PreparedEntries,
    width: int,
    look: RowLook | None = None,
) -> FoundAll:
    """Search the whole of *document* (in a thread); the counts per section are laid
    out in the *outline* (its entries without counts) at *width*, and its rows on
    screen drawn as *look* says."""
    with background_work():
        matches = find_matches(document, query)
        found = MatchCursor()
        found.set(matches)
        counts = matches_per_section(document, matches)
        entries = counted_entries(outline, counts, width)
        rows = None
        if look is not None and counts:
            rows = (look, drawn_rows(look, entries, outline.entries))
        collect_young()
        return FoundAll(document, query, found, counts, entries, rows)


class FindInLongArticle(EvidenceScreen):
    """The reader screen's find: debounced and threaded for long articles."""

    rendered: RenderedDocument | None
    short: bool

    # The pause in typing after which the whole article is searched: a plain event-loop
    # callback, not a Textual timer. A timer is a task of its own that, when due, posts
    # a message for the screen to call the callback from (and works out the callback's
    # parameters twice on the way): half a millisecond and more of every key typed.
    _find_due: asyncio.TimerHandle | None = None
    # The whole-article search running, if any (the last begun): tests and benchmarks
    # wait for it as they wait for workers.
    finding: asyncio.Future[FoundAll] | None = None
    # Enter pressed before the whole article was searched: the query whose first match
    # to go to once the search has found it.
    _enter_awaits: str | None = None

    @on(events.Mount)
    def _follow_find_line(self) -> None:
        # Searched as the line's text changes, within the key that changed it: a
        # handler of the Changed message it posts runs after the frame that shows the
        # letter, and the highlights it makes then cost a second frame.
        self.watch(self.search_line, "value", self._find_line_changed, init=False)

    @on(events.Unmount)
    def _forget_find(self) -> None:
        self._stop_find_due()

    def _stop_find_due(self) -> None:
        if self._find_due is not None:
            self._find_due.cancel()
            self._find_due = None

    def _find_line_changed(self, value: str) -> None:
        if value != self.searched:
            self.view.escape_clears_matches = True  # a search of the reader's own, here
            self.search_typed(value)

    def search_typed(self, query: str) -> None:
        """The search line changed: a short article is searched now; in a long one the
        lines on screen are searched now and the whole article after a pause in typing."""
        if self.short:
            super().search_typed(query)
            return
        self.searched = query
        self._enter_awaits = None
        self._stop_find_due()
        view = self.view
        document = view.document
        if document is None:
            return  # searched when the article has loaded (ReaderText.loaded)
        if not query.strip():
            self.search_for(query)  # nothing to find: cleared at once
            return
        # In the frame that shows the typed letter: a page of text costs little.
        view.set_matches(matches_in(document, query, view.blocks_in_view()))
        self.notice(f"Searching the whole article for “{query}” ...")
        loop = asyncio.get_running_loop()
        self._find_due = loop.call_later(FIND_DEBOUNCE, self._find_when_due, query)

    def _find_when_due(self, query: str) -> None:
        self._find_due = None
        try:
            self.find_now(query)
        except Exception as error:
            # Raised again where Textual handles what a callback raises (the app stops
            # and shows it), as it would have from a timer's callback.
            self.call_next(_raise, error)

    def go_to_first_match(self) -> None:
        # Until the whole article is searched, the view holds only the matches on
        # screen, which the search's result replaces (its cursor with them): Enter then
        # starts that search at once, rather than after the pause in typing, and goes to
        # the first match of the whole when it is found.
        if self.short or (self._find_due is None and self.finding is None):
            super().go_to_first_match()
            return
        self._enter_awaits = self.searched
        if self._find_due is not None:
            self._stop_find_due()
            self.find_now(self.searched)

    def find_now(self, query: str) -> None:
        document = self.view.document
        if query != self.searched or document is None:
            return
        shown = self.own_widgets.one(Outline)
        search = partial(
            search_whole, document, query, shown.plain, self.outline_width(), shown.row_look()
        )
        # On the event loop's threads, not as a Textual worker: a worker's task, its three
        # state messages and a message for the result took the UI thread from 1.5 to 2.2
        # ms a search, from its start to its result taken up (thread-time stamps).
        finding = asyncio.get_running_loop().run_in_executor(None, search)
        self.finding = finding
        finding.add_done_callback(self._found_whole)

    def _found_whole(self, finding: asyncio.Future[FoundAll]) -> None:
        if finding is self.finding:
            self.finding = None
        if finding.cancelled() or not self.is_attached:
            return  # the reader has closed: nothing to show it in
        error = finding.exception()
        if error is not None:
            # Raised where Textual handles what a callback raises: the app stops and
            # shows it, as it did for an error in a worker.
            self.call_next(_raise, error)
            return
        result = finding.result()
        view = self.view
        if result.query != self.searched or result.document is not view.document:
            return  # typed on, or the text changed: a newer search is coming
        view.set_match_cursor(result.found)
        self.show_match_counts(result.counts, result.outline, result.rows)
        self.report_matches(result.query, result.found.matches, len(result.counts))
        if self._enter_awaits == result.query:
            self._enter_awaits = None
            super().go_to_first_match()  # the whole article's matches are the view's now

    def outline_width(self) -> int:
        """The width the outline wraps its entries at."""
        raise NotImplementedError

    def show_match_counts(
        self,
        counts: Mapping[int, int],
        outline: PreparedEntries,
        rows: DrawnRows | None = None,
    ) -> None:
        """The outline's entries with their counts (*outline*, made in the thread, with
        the *rows* on screen drawn there too)."""


def searches_running(screens: Iterable[Screen[Any]]) -> list[asyncio.Future[FoundAll]]:
    """The whole-article searches still running in *screens* (an app's screen stack):
    not workers, so what waits for an app's background work waits for these too."""
    return [
        screen.finding
        for screen in screens
        if isinstance(screen, FindInLongArticle)
        and screen.finding is not None
        and not screen.finding.done()
    ]
