"""The page's matches as the reader types in a long article (reader_find.matches_in)
are the same whether the words of the whole document are known yet or not."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.render.blocks import RenderedDocument, TextBlock
from tui.render.find import find_matches, known_forms
from tui.screens.reader_find import matches_in

# Words that share stems and starts, so a query's forms reach across blocks.
WORDS = ["bone", "bones", "boned", "bonus", "walk", "walking", "walked", "Walks", "b", "o"]
TEXT = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(
    texts=st.lists(TEXT, min_size=1, max_size=6),
    query=st.sampled_from(["b", "bo", "bone", "bones ", "walk", "walked b", "x", "Bon"]),
    first=st.integers(0, 5),
)
def test_page_matches_do_not_depend_on_the_whole_documents_words(
    texts: list[str], query: str, first: int
) -> None:
    document = RenderedDocument([TextBlock(text) for text in texts], [])
    page = range(min(first, len(texts) - 1), len(texts))
    assert known_forms(document) is None
    from_page = matches_in(document, query, page)
    find_matches(document, "walk")  # a whole search keeps the document's words
    assert known_forms(document) is not None
    assert matches_in(document, query, page) == from_page
    # And both are the whole search's matches in those blocks.
    whole = [m for m in find_matches(document, query) if m.block in page]
    assert from_page == whole
