"""An article as the reader asks for it: read from the library and rendered, whole
or as a preview of its opening sections."""

from __future__ import annotations

from tui.content import Article, Library
from tui.render.blocks import RenderedDocument
from tui.render.document import NextReading, render_document
from tui.render.labels import CitationStyle


class ArticleSource:
    """One article of *library*, rendered in the reader's citation style."""

    def __init__(self, library: Library, slug: str) -> None:
        self.library = library
        self.slug = slug

    @property
    def titles(self) -> dict[str, str]:
        return {slug: entry.title for slug, entry in self.library.articles.items()}

    def next_in_path(self) -> NextReading | None:
        """The next article on the first reading path this one is on."""
        for reading_path in self.library.paths:
            following = reading_path.next_after(self.slug)
            if following is not None and following in self.library.articles:
                return reading_path.title, following, self.library.articles[following].title
        return None

    def render(
        self, article: Article, style: CitationStyle, share: float | None = None
    ) -> RenderedDocument:
        return render_document(article, style, self.titles, share, self.next_in_path())

    def whole(self, style: CitationStyle) -> tuple[Article, RenderedDocument]:
        """The whole article (parsed now: slow for a long one)."""
        article = self.library.article(self.slug)
        return article, self.render(article, style)

    def preview(self, style: CitationStyle) -> tuple[Article, RenderedDocument] | None:
        """The opening sections of a long article, in a few milliseconds."""
        found = self.library.article_preview(self.slug)
        if found is None:
            return None
        article, share = found
        return article, self.render(article, style, share)
