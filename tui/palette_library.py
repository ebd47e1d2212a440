"""The palette's entries from the library: every article and exercise card by title,
and the reader's bookmarks, each group with the plain text the palette's filter reads.

At 50,000 articles, making a command (title, summary, action) for every article each
time the palette opened cost its first typed key a second and more: every entry was
made from its row to read its summary. Here the titles come from the listing's columns
(no entry made), are made once for a library and kept until its entries change, and a
command is made only for the few entries the filter picks.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from tui.palette_entries import Titles
from tui.render.position import ReadingPosition

if TYPE_CHECKING:
    from tui.app import WellreadApp
    from tui.content import Library
    from tui.content.entries import Entries

Command = tuple[str, str, Callable[[], object]]  # (title, help, what it does)


class Group:
    """Titles of entries, and the command of the one numbered *n*, made when asked."""

    def __init__(self, titles: Titles, command: Callable[[int], Command]) -> None:
        self.titles = titles
        self.command = command

    def __len__(self) -> int:
        return len(self.titles.titles)


class _Listed:
    """The titles made for one library's articles and cards, and what they were made
    from: the same Entries objects, unchanged."""

    def __init__(self, articles: Entries, cards: Entries) -> None:
        self.made_from = (articles, articles.changes, cards, cards.changes)
        listed = articles.by_title()
        card_slugs = sorted(cards)
        self.slugs = [slug for slug, _, _ in listed] + card_slugs
        self.articles = len(listed)
        self.titles = Titles(
            [f"Open {title}" for _, title, _ in listed]
            + [f"Exercise card: {cards[slug].title}" for slug in card_slugs]
        )

    def holds(self, articles: Entries, cards: Entries) -> bool:
        was_articles, article_changes, was_cards, card_changes = self.made_from
        return (
            was_articles is articles
            and article_changes == articles.changes
            and was_cards is cards
            and card_changes == cards.changes
        )


# One library is open at a time: its titles are kept across the palette's openings.
_listed: _Listed | None = None


def listed_titles(library: Library) -> _Listed:
    """The titles of *library*'s articles and cards, made once while they stay the same.
    Safe in a thread (the palette makes them as it opens): what was made while the
    library changed does not hold, and is made again when next asked for."""
    global _listed
    listed = _listed
    if listed is None or not listed.holds(library.articles, library.exercises):
        listed = _Listed(library.articles, library.exercises)
        listed.titles.index()  # what the first letter looks up, made here too
        _listed = listed
    return listed


def library_group(app: WellreadApp) -> Group:
    """The library's articles (by title), then its exercise cards (by slug)."""
    library = app.library
    listed = listed_titles(library)

    def command(number: int) -> Command:
        slug, title = listed.slugs[number], listed.titles.titles[number]
        if number < listed.articles:
            summary = _summary(library, slug, cards=False)
            return title, summary, partial(app.open_article, slug)
        return title, _summary(library, slug, cards=True), partial(app.open_exercise, slug)

    return Group(listed.titles, command)


def _summary(library: Library, slug: str, *, cards: bool) -> str:
    entries = library.exercises if cards else library.articles
    return entries[slug].summary if slug in entries else ""


def bookmark_group(app: WellreadApp) -> Group:
    """The reader's bookmarks of articles still in the library (a few: made each time)."""
    commands: list[Command] = []
    for mark in app.state.bookmarks():
        marked = app.library.articles.get(mark.slug)
        if marked is None:
            continue
        position = ReadingPosition(mark.block, mark.offset)
        note = f" ({mark.note})" if mark.note else ""
        commands.append(
            (
                f"Bookmark: {marked.title}, {mark.section}{note}",
                f"Saved {mark.created[:10]}",
                partial(app.open_article, mark.slug, position),
            )
        )
    return Group(Titles([title for title, _, _ in commands]), commands.__getitem__)
