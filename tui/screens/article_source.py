"""An article as the reader asks for it: read from the library and rendered, whole
or as a preview of its opening sections."""

from __future__ import annotations

import os
from pathlib import Path

from tui.content import Article, Library
from tui.content.glossary import GLOSSARY_FILE, Glossary, TermIndex, load_glossary
from tui.render.blocks import RenderedDocument
from tui.render.document import NextReading, render_document
from tui.render.labels import CitationStyle

# The glossary of each library, kept while its file is unchanged: reading it takes
# longer than a frame, and every article and card opened asks for it.
_glossaries: dict[Path, tuple[tuple[int, int], Glossary | None, TermIndex | None]] = {}


def library_glossary(root: Path) -> tuple[Glossary | None, TermIndex | None]:
    """The library's glossary and an index of its terms; (None, None) when it has none."""
    path = root / GLOSSARY_FILE
    try:
        info = os.stat(path)
        key = (info.st_mtime_ns, info.st_size)
    except OSError:
        _glossaries.pop(path, None)
        return None, None
    kept = _glossaries.get(path)
    if kept is not None and kept[0] == key:
        return kept[1], kept[2]
    glossary = load_glossary(root)
    index = glossary.index() if glossary is not None and glossary.terms else None
    _glossaries[path] = (key, glossary, index)
    return glossary, index


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

    def glossary(self) -> Glossary | None:
        return library_glossary(self.library.root)[0]

    def render(
        self, article: Article, style: CitationStyle, share: float | None = None
    ) -> RenderedDocument:
        # A preview is drawn in the first frame: its terms are marked when the whole
        # article replaces it, moments later, from the loading thread.
        terms = library_glossary(self.library.root)[1] if share is None else None
        return render_document(article, style, self.titles, share, self.next_in_path(), terms)

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
