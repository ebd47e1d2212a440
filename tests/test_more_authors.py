"""A reference whose source lists more authors than are given: `{literal: others}`."""

from __future__ import annotations

from pathlib import Path

from bibtexparser.entrypoint import parse_string

from tui.content.export import to_bibtex
from tui.content.frontmatter import parse_front_matter
from tui.content.model import Document, Reference
from tui.content.references import parse_references
from tui.render.labels import CitationStyle, ReferenceLabels
from tui.render.references import authors_text

FILE = """---
title: A page
references:
  - id: first2020
    type: article-journal
    author:
      - {family: First, given: Ann}
      - {literal: others}
    issued: {date-parts: [[2020]]}
    title: One paper with many authors
  - id: pair2021
    type: article-journal
    author:
      - {family: Pair, given: Bo}
      - {family: Second, given: Cy}
    issued: {date-parts: [[2021]]}
    title: A paper by two
---
Text.
"""


def _references() -> list[Reference]:
    path = Path("page.md")
    references, problems = parse_references(path, parse_front_matter(path, FILE))
    assert problems == []
    return references


def test_others_is_not_an_author_but_says_et_al() -> None:
    first, pair = _references()
    assert [name.family for name in first.authors] == ["First"]
    assert first.more_authors and not pair.more_authors
    assert authors_text(first) == "First A, et al."
    assert authors_text(pair) == "Pair B, Second C"


def test_author_year_label_of_a_shortened_list_reads_et_al() -> None:
    references = _references()
    document = Document(
        slug="page",
        path=Path("page.md"),
        title="A page",
        summary="",
        tags=[],
        references=references,
        overview=[],
        sections=[],
        footnotes=[],
        citations=[],
        word_count=1,
    )
    labels = ReferenceLabels.for_document(document)
    assert labels.cite_ids_text([("first2020", "", "")], CitationStyle.AUTHOR_YEAR) == (
        "(First et al., 2020)"
    )
    assert labels.cite_ids_text([("pair2021", "", "")], CitationStyle.AUTHOR_YEAR) == (
        "(Pair and Second, 2021)"
    )


def test_bibtex_writes_and_others() -> None:
    first, _ = _references()
    entry = parse_string(to_bibtex([first])).entries[0]
    assert entry.fields_dict["author"].value.endswith(" and others")
