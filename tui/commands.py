"""The command palette's wellread entries: articles, sections of the open article,
exercise cards and bookmarks, found by typing part of their names."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

from tui.render.position import ReadingPosition
from tui.widgets.article_view import ArticleView

if TYPE_CHECKING:
    from tui.app import WellreadApp

Command = tuple[str, str, Callable[[], object]]  # (title, help, what it does)


class WellreadCommands(Provider):
    @property
    def wellread(self) -> WellreadApp:
        from tui.app import WellreadApp

        assert isinstance(self.app, WellreadApp)
        return self.app

    def commands(self) -> Iterator[Command]:
        from tui.screens.reader import ReaderScreen

        app = self.wellread
        screen = self.screen
        if isinstance(screen, ReaderScreen) and screen.rendered is not None:
            views = screen.query(ArticleView)
            for number, part in enumerate(screen.rendered.outline):
                if views:
                    yield (
                        f"Go to {part.label}",
                        f"In {screen.entry.title}",
                        partial(views.first().goto_section, number),
                    )
        for article in app.library.article_entries():
            yield f"Open {article.title}", article.summary, partial(app.open_article, article.slug)
        for slug, card in sorted(app.library.exercises.items()):
            yield f"Exercise card: {card.title}", card.summary, partial(app.open_exercise, slug)
        for mark in app.state.bookmarks():
            marked = app.library.articles.get(mark.slug)
            if marked is None:
                continue
            position = ReadingPosition(mark.block, mark.offset)
            note = f" ({mark.note})" if mark.note else ""
            yield (
                f"Bookmark: {marked.title}, {mark.section}{note}",
                f"Saved {mark.created[:10]}",
                partial(app.open_article, mark.slug, position),
            )

    async def discover(self) -> Hits:
        for title, help_text, action in self.commands():
            yield DiscoveryHit(title, action, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), action, help=help_text)
