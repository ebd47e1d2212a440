"""Glossary terms marked in rendered text: the first use in each section, outside
headings and other anchors, found in one pass."""

from __future__ import annotations

import itertools
from pathlib import Path

from glossary_support import write_library
from hypothesis import given
from hypothesis import strategies as st

from tui.content import load_library
from tui.content.glossary import Term, TermIndex, load_glossary
from tui.render.blocks import Anchor, RenderedDocument, Span, TextBlock
from tui.render.document import render_document
from tui.render.terms import TERM, mark_terms


def term(name: str, *aliases: str) -> Term:
    return Term(name, aliases, f"What {name} means.", (), 1)


INDEX = TermIndex(
    [term("bone mineral density", "BMD", "bone density"), term("DXA", "DXA scan"), term("falls")]
)


def marks(block: TextBlock) -> list[tuple[str, str]]:
    """(text as written, term) of each term anchor in the block."""
    return [(block.text[a.start : a.end], a.targets[0]) for a in block.anchors if a.kind == TERM]


def test_first_use_in_each_section_is_marked_and_later_ones_are_not() -> None:
    blocks = [
        TextBlock("Overview", style="title", section_index=0),
        TextBlock("Your BMD and falls matter; bone density again.", section_index=0),
        TextBlock("More on falls.", section_index=0),
        TextBlock("Bone density", style="h2", section_index=1),
        TextBlock("Falls and a DXA scan, then falls again.", section_index=1),
    ]
    document = RenderedDocument(blocks, [])
    mark_terms(document, INDEX)
    assert marks(blocks[0]) == []
    assert marks(blocks[1]) == [("BMD", "bone mineral density"), ("falls", "falls")]
    assert marks(blocks[2]) == []  # used already in this section
    assert marks(blocks[3]) == []  # a heading is never marked
    assert marks(blocks[4]) == [("Falls", "falls"), ("DXA scan", "DXA")]
    # Each mark is drawn as a term: a span over exactly its text.
    spans = [(s.start, s.end) for s in blocks[4].spans if s.style == TERM]
    assert spans == [(a.start, a.end) for a in blocks[4].anchors]


def test_words_inside_a_citation_or_link_are_not_marked_but_later_ones_are() -> None:
    text = "See (DXA Group 2020) and BMD guide, then a DXA scan."
    citation = Anchor(4, 20, "citation", ("dxa2020",))
    link = Anchor(25, 34, "link", ("https://example.org",))
    block = TextBlock(text, anchors=[citation, link])
    mark_terms(RenderedDocument([block], []), INDEX)
    assert marks(block) == [("DXA scan", "DXA")]
    # Anchors stay in reading order, the citation and link unchanged.
    assert [a.kind for a in block.anchors] == ["citation", "link", TERM]
    assert block.anchors[0] == citation and block.anchors[1] == link


def test_a_label_before_a_value_is_not_marked_but_the_value_is() -> None:
    # As a card's facts and a table's rows read: "Falls: ..." names a column.
    block = TextBlock("Falls: fewer with BMD work", spans=[Span(0, 7, "strong")])
    mark_terms(RenderedDocument([block], []), INDEX)
    assert marks(block) == [("BMD", "bone mineral density")]
    # Bold words in a sentence are not a label: they are marked.
    bold = TextBlock("Falls matter.", spans=[Span(0, 5, "strong")])
    mark_terms(RenderedDocument([bold], []), INDEX)
    assert marks(bold) == [("Falls", "falls")]


def test_code_meta_and_the_disclaimer_are_not_marked() -> None:
    blocks = [TextBlock("BMD", style=style) for style in ("code", "meta", "disclaimer")]
    mark_terms(RenderedDocument(blocks, []), INDEX)
    assert all(not block.anchors for block in blocks)


def test_an_article_of_a_written_library_has_its_terms_marked(tmp_path: Path) -> None:
    library = load_library(write_library(tmp_path / "lib"))
    article = library.article("bones")
    plain = render_document(article)
    assert not any(a.kind == TERM for b in plain.blocks for a in b.anchors)
    glossary = load_glossary(library.root)
    assert glossary is not None
    rendered = render_document(article, terms=glossary.index())
    found = [pair for block in rendered.blocks for pair in marks(block)]
    # "Bone density is measured with a DXA scan [@rowe2021]." (see glossary_support)
    assert found == [("Bone density", "bone mineral density"), ("DXA scan", "DXA")]
    # The same text either way: marking adds anchors, never words.
    assert [b.text for b in rendered.blocks] == [b.text for b in plain.blocks]


pieces = st.text(alphabet="ab DXA-BMD falls,.[]", max_size=30)


@given(st.lists(pieces, min_size=1, max_size=6), st.data())
def test_marks_never_overlap_each_other_or_other_anchors(
    parts: list[str], data: st.DataObject
) -> None:
    text = "".join(parts)
    anchors: list[Anchor] = []
    at = 0
    while at < len(text):
        start = data.draw(st.integers(at, len(text)))
        end = data.draw(st.integers(start, len(text)))
        if end > start:
            anchors.append(Anchor(start, end, "citation", ("x",)))
        at = end + 1
    block = TextBlock(text, anchors=list(anchors))
    mark_terms(RenderedDocument([block], []), INDEX)
    ordered = sorted(block.anchors, key=lambda a: (a.start, a.end))
    assert block.anchors == ordered
    for before, after in itertools.pairwise(ordered):
        assert before.end <= after.start
    assert [a for a in block.anchors if a.kind != TERM] == anchors
    for anchor in block.anchors:
        if anchor.kind == TERM:
            assert (
                INDEX.first_uses(text[anchor.start : anchor.end])[0].term.term
                == (anchor.targets[0])
            )
