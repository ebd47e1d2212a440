"""What a library shows or sorts by, without opening an article: two listings of the
same files, from the cache or not, must agree on all of it."""

from __future__ import annotations

import pytest

from tui.content.library import Library
from tui.content.listing import ListingCache


def seen(library: Library) -> tuple[object, ...]:
    articles = library.articles
    order = library.article_order()
    return (
        order,
        articles.by_title(),
        articles.by_title_columns(),  # the same, as `wellread list` writes it
        articles.texts(order),
        sorted(articles.stats()),
        sorted((name, size, mtime) for _, name, size, mtime in articles.files()),
        [
            (e.title, e.summary, e.tags, e.related_articles, e.word_count)
            for e in map(articles.__getitem__, order)
        ],
        sorted((p.path.name, p.line, p.message) for p in library.unreadable),
    )


def no_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, a listing that reads the cache's rows one at a time fails: what it
    lists comes from the folder's snapshot file alone."""

    def refused(*_: object) -> None:
        raise AssertionError("rows read one at a time")

    monkeypatch.setattr(ListingCache, "rows", refused)
    monkeypatch.setattr(ListingCache, "each_row", refused)
