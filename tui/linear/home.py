"""The library in the linear mode: the first menu, and the loop that goes places."""

from __future__ import annotations

import contextlib
import sys
from typing import TextIO

from tui.content import Library
from tui.content.vocab import DISCLAIMER_SHORT
from tui.linear.article import read_article
from tui.linear.card import read_card
from tui.linear.console import Console, EndOfInput
from tui.linear.exercises import exercise_cards, my_exercises
from tui.linear.finding import bookmarks, reading_paths, search
from tui.linear.glossary import glossary_menu
from tui.linear.reading import Request, Session
from tui.state import StateStore

CHOICES = (
    "In the library: an article's number reads it; c continues reading; p reading paths; "
    "x exercise cards; y your exercises (My exercises); g the glossary; s search; "
    "b bookmarks; q quits."
)


class LinearReader:
    """Numbered menus on standard input, plain lines on standard output."""

    def __init__(
        self,
        library: Library,
        stdin: TextIO,
        stdout: TextIO,
        state: StateStore | None = None,
        err: TextIO | None = None,
    ) -> None:
        self.library = library
        self.console = Console(stdin, stdout)
        # A store handed in belongs to the caller, who closes it; one made here is ours.
        self._owns_state = state is None
        self.state = state or StateStore(library.root)
        self.session = Session(self.console, library, self.state)
        self.err = err or sys.stderr

    def say(self, *lines: str) -> None:
        self.console.say(*lines)

    # ------------------------------------------------------------ going places

    def go(self, request: Request | None) -> None:
        """Carry out requests until one leads back to where it was asked from."""
        session = self.session
        while request is not None:
            if request.kind == "article" and request.slug in self.library.articles:
                request = read_article(session, request.slug, request.entry, request.block)
            elif request.kind == "card" and request.slug in self.library.exercises:
                request = read_card(session, request.slug, request.entry)
            elif request.kind == "search":
                request = search(session, self.err)
            elif request.kind == "bookmarks":
                request = bookmarks(session)
            elif request.kind == "paths":
                request = reading_paths(session)
            elif request.kind == "cards":
                request = exercise_cards(session)
            elif request.kind == "mine":
                request = my_exercises(session)
            else:
                self.say(f"There is nothing called {request.slug!r} in this library.")
                request = None

    def open(self, slug: str) -> int:
        """`wellread open SLUG --plain`: one article or card, then the end."""
        kind = "article" if slug in self.library.articles else "card"
        with contextlib.suppress(EndOfInput):
            self.go(Request(kind, slug))
        self.finish()
        return 0

    # ------------------------------------------------------------ the library

    def run(self) -> int:
        self.say("wellread: evidence-based articles on exercise and bone health.", DISCLAIMER_SHORT)
        if self.state.message:
            self.say(self.state.message)
        entries = self.library.article_entries()
        if not entries:
            self.say(f"There are no articles in {self.library.root}.")
            return 1
        with contextlib.suppress(EndOfInput):
            self.library_loop()
        self.finish()
        return 0

    def finish(self) -> None:
        """Say goodbye once what the reader did is written (the writer works in a thread)."""
        if self._owns_state:
            self.state.close()
        else:
            self.state.flush()
        if self.state.pending:
            self.say("Some of your reading state could not be saved: the file stayed locked.")
        self.say("Goodbye.")

    def library_loop(self) -> None:
        entries = self.library.article_entries()
        while True:
            positions = self.state.positions()
            last = self.state.last_read()
            if last is not None and last.slug not in self.library.articles:
                last = None
            self.say("", "Articles:")
            for number, entry in enumerate(entries, start=1):
                saved = positions.get(entry.slug)
                read = f", {saved.percent}% read" if saved is not None else ""
                self.say(f"{number}. {entry.title} ({entry.reading_minutes} min read{read})")
            if last is not None:
                title = self.library.articles[last.slug].title
                self.say(
                    f"c: continue reading {title}, from {last.section} ({last.percent}% read)."
                )
            answer = self.console.choose(
                "library", "Library: a number or a letter (h for the choices).", CHOICES
            )
            command = answer.lower()
            if command in ("q", "quit", "exit"):
                return
            request = self.library_command(
                command, last.slug if last else None, last.block if last else 0
            )
            if request is not None:
                self.go(request)
            elif command.isdigit() and 1 <= int(command) <= len(entries):
                self.go(Request("article", entries[int(command) - 1].slug))
            elif command not in ("", "c", "g"):
                self.say(
                    f"There is no {answer!r} here. Type a number from 1 to {len(entries)}, or h."
                )

    def library_command(
        self, command: str, last_slug: str | None, last_block: int
    ) -> Request | None:
        if command == "g":
            glossary_menu(self.console, self.library.root)
            return None
        if command == "c":
            if last_slug is None:
                self.say("There is nothing to continue: no article is part read.")
                return None
            return Request("article", last_slug, block=last_block)
        kinds = {"p": "paths", "x": "cards", "y": "mine", "s": "search", "b": "bookmarks"}
        return Request(kinds[command]) if command in kinds else None
