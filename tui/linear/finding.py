"""Ways into the library in the linear mode: search, bookmarks, reading paths, cards.

Each lists numbered choices and returns a `Request` for the one picked, or None.
"""

from __future__ import annotations

from functools import partial
from typing import TextIO

from tui.content import Library
from tui.content.clean import clean as clean_text
from tui.content.search import SearchIndex, SearchResults, index_path
from tui.linear.reading import Request, Session
from tui.render.plain import found_line, search_hit_lines
from tui.render.summaries import first_unread, path_steps
from tui.state import data_dir

# More than this many files to index first: say how it goes, so a wait is explained.
PROGRESS_FROM = 50


def library_search(library: Library, query: str, err: TextIO) -> SearchResults:
    """Hits for *query*, best first, the index brought up to date first."""
    index = SearchIndex(library, index_path(data_dir(), library.root))
    if index.message:
        # The data folder could not be used: the search still works, from memory.
        print(index.message, file=err)
    try:
        changed, gone = index.stale()
        if not changed and not gone:
            return index.find(query)  # nothing to index: straight to the answer

        said = -1

        def progress(done: int, total: int) -> None:
            # Once a hundred, and at the end. Two processes may share the work
            # (tui.content.search_build): the count can pass a hundred without
            # stopping on it, and say the same number twice.
            nonlocal said
            if done != said and (done == total or done // 100 != said // 100):
                said = done
                print(f"Preparing the search: {done:,} of {total:,} files", file=err, flush=True)

        if len(changed) > PROGRESS_FROM:
            progress(0, len(changed))  # at once: a first search may take a while
            index.update(progress)
        else:
            index.update()
        return index.find(query)
    finally:
        index.close()


def search(session: Session, err: TextIO) -> Request | None:
    console = session.console
    query = console.ask("Search every article and card for a word or phrase (Enter: back).")
    if not query:
        return None
    results = library_search(session.library, query, err)
    hits = results.hits
    if not hits:
        console.say(f"Nothing speaks of {query!r}. s searches again.")
        return None
    if results.corrected:
        console.say(f"Nothing speaks of {query!r}; searched for {results.searched!r} instead.")
    console.say("", found_line(len(hits), results.searched))
    if results.suggestion:
        console.say(
            f"Did you mean {results.suggestion!r}? Found in "
            f"{results.suggestion_count} places: s searches again."
        )
    for number, hit in enumerate(hits, start=1):
        console.say(*search_hit_lines(number, hit)[:-1])  # not the shell command
    while True:
        answer = console.ask("A result's number opens it at that section; Enter goes back.")
        if not answer:
            return None
        chosen = console.pick(answer, len(hits))
        if chosen is not None:
            hit = hits[chosen]
            return Request("card" if hit.kind == "exercise" else "article", hit.slug, hit.entry)


def bookmarks(session: Session) -> Request | None:
    console, library, state = session.console, session.library, session.state
    while True:
        marks = state.bookmarks()
        if not marks:
            console.say("No bookmarks yet. In an article, m bookmarks the part you read.")
            return None
        console.say("", f"Bookmarks ({len(marks)}), newest first:")
        for number, mark in enumerate(marks, start=1):
            entry = library.articles.get(mark.slug)
            title = entry.title if entry is not None else f"{mark.slug} (no longer in the library)"
            line = f"{number}. {title}: {clean_text(mark.section)}"
            if mark.note:
                line += f". Note: {clean_text(mark.note)}"
            console.say(line + f". Saved {mark.created[:10]}.")
        answer = console.ask(
            "A bookmark's number goes to it; d and a number deletes one (d 2); Enter goes back."
        )
        if not answer:
            return None
        if answer.lower().startswith("d"):
            if not answer[1:].strip():
                console.say("Type d and the bookmark's number, as in d 1.")
                continue
            chosen = console.pick(answer[1:].strip(), len(marks))
            if chosen is not None:
                mark = marks[chosen]
                if console.yes_no(f"Delete bookmark {chosen + 1}, {clean_text(mark.section)}?"):
                    if session.write(partial(state.delete_bookmark, mark.id), "the change"):
                        console.say("Deleted.")
                else:
                    console.say("Kept.")
            continue
        chosen = console.pick(answer, len(marks))
        if chosen is not None:
            mark = marks[chosen]
            if mark.slug not in library.articles:
                console.say("That article is no longer in the library.")
                continue
            return Request("article", mark.slug, block=mark.block)


def reading_paths(session: Session) -> Request | None:
    console, library = session.console, session.library
    if not library.paths:
        console.say("This library has no reading paths.")
        return None
    percents = {slug: saved.percent for slug, saved in session.state.positions().items()}
    console.say("", f"Reading paths ({len(library.paths)}):")
    for number, reading_path in enumerate(library.paths, start=1):
        steps = path_steps(reading_path, library, percents)
        done = sum(step.finished for step in steps)
        console.say(
            f"{number}. {reading_path.title} ({done} of {len(steps)} read). {reading_path.summary}"
        )
    answer = console.ask("A path's number lists its articles; Enter goes back.")
    chosen = console.pick(answer, len(library.paths)) if answer else None
    if chosen is None:
        return None
    reading_path = library.paths[chosen]
    steps = path_steps(reading_path, library, percents)
    console.say("", f"{reading_path.title}:")
    for number, step in enumerate(steps, start=1):
        status = "read" if step.finished else "not read yet"
        if not step.available:
            status = "not in this library"
        console.say(f"{number}. {step.title}: {status}")
    going_on = first_unread(steps)
    while True:
        on = f"c goes on with the path ({going_on.title}); " if going_on else ""
        answer = console.ask(f"An article's number reads it; {on}Enter goes back.")
        if not answer:
            return None
        if answer.lower() == "c" and going_on is not None:
            return Request("article", going_on.slug)
        chosen = console.pick(answer, len(steps))
        if chosen is not None and steps[chosen].available:
            return Request("article", steps[chosen].slug)
        if chosen is not None:
            console.say("That article is not in this library.")
