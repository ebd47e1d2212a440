"""Citation labels, reference text, and the rendered blocks an article becomes."""

from __future__ import annotations

from pathlib import Path

from tui.content import load_library
from tui.content.model import Citation, CiteItem, Document, Name, Reference
from tui.render.document import render_document
from tui.render.labels import CitationStyle, ReferenceLabels
from tui.render.references import reference_lines


def _ref(ref_id: str, families: list[str], year: int | None) -> Reference:
    return Reference(ref_id, "article-journal", tuple(Name(family=f) for f in families), year, "T")


def _doc(refs: list[Reference], cited: list[tuple[str, ...]]) -> Document:
    return Document(
        slug="d",
        path=Path("d.md"),
        title="D",
        summary="",
        tags=[],
        references=refs,
        overview=[],
        sections=[],
        footnotes=[],
        citations=[Citation(tuple(CiteItem(i) for i in ids), 1) for ids in cited],
        word_count=0,
    )


def test_author_year_forms() -> None:
    refs = [
        _ref("a", ["Daly"], 2019),
        _ref("b", ["Beck", "Daly"], 2017),
        _ref("c", ["Lee", "Kim", "Park"], 2022),
    ]
    labels = ReferenceLabels.for_document(_doc(refs, []))
    style = CitationStyle.AUTHOR_YEAR
    assert labels.citation_text(Citation((CiteItem("a"),), 1), style) == "(Daly, 2019)"
    assert labels.citation_text(Citation((CiteItem("b"),), 1), style) == "(Beck and Daly, 2017)"
    assert labels.citation_text(Citation((CiteItem("c"), CiteItem("a", "p. 3")), 1), style) == (
        "(Lee et al., 2022; Daly, 2019, p. 3)"
    )


def test_same_authors_same_year_get_letters() -> None:
    refs = [_ref("x", ["Smith", "Jones", "Brown"], 2020), _ref("y", ["Smith", "Wu", "Ode"], 2020)]
    labels = ReferenceLabels.for_document(_doc(refs, []))
    assert labels.author_year == {"x": "Smith et al., 2020a", "y": "Smith et al., 2020b"}


def test_numbers_follow_first_citation_then_uncited() -> None:
    refs = [_ref("a", ["A"], 2001), _ref("b", ["B"], 2002), _ref("c", ["C"], 2003)]
    labels = ReferenceLabels.for_document(_doc(refs, [("c",), ("a", "c")]))
    assert labels.numbers == {"c": 1, "a": 2, "b": 3}
    text = labels.citation_text(Citation((CiteItem("a"), CiteItem("c")), 1), CitationStyle.NUMERIC)
    # In number order, whatever order the source gave them.
    assert text == "[1, 2]"


def test_unknown_citation_is_visible_not_hidden() -> None:
    labels = ReferenceLabels.for_document(_doc([], []))
    text = labels.citation_text(Citation((CiteItem("ghost"),), 1), CitationStyle.AUTHOR_YEAR)
    assert "ghost" in text


def test_titles_ending_in_a_question_keep_one_mark() -> None:
    ref = Reference("q", "article-journal", (Name("Doe", "J"),), 2015, "Does running help?")
    assert reference_lines(ref)[1] == "Does running help?"


def test_reference_lines_hold_every_part() -> None:
    ref = Reference(
        "s",
        "article-journal",
        (Name("Smith", "Anna B"), Name(literal="Bone Group")),
        2020,
        "A study.",
        container="J Tests",
        volume="12",
        issue="3",
        page="100-110",
        doi="10.1234/x",
    )
    assert reference_lines(ref) == [
        "Smith AB, Bone Group (2020).",
        "A study.",
        "J Tests 12(3): 100-110.",
        "DOI: https://doi.org/10.1234/x",
    ]


def test_article_renders_disclaimer_key_points_sections_and_related(library_dir: Path) -> None:
    library = load_library(library_dir)
    rendered = render_document(library.article("alpha"), titles={"beta": "Beta article"})
    texts = [block.text for block in rendered.blocks]
    assert texts[0] == "Alpha article"
    disclaimer = next(b for b in rendered.blocks if b.style == "disclaimer")
    assert rendered.blocks.index(disclaimer) < texts.index("Key points")
    assert "1. Why it matters" in texts and "1.1 Details" in texts
    assert [e.label for e in rendered.outline] == [
        "Overview",
        "1. Why it matters",
        "1.1 Details",
        "2. What to do",
        "3. Last words",
        "Notes",
        "Related articles",
    ]
    assert rendered.section_count == 3
    assert texts[-1] == "Beta article"
    # Citations read as author-year and are anchors to their references.
    cited = next(b for b in rendered.blocks if "Bones respond" in b.text)
    assert "(Smith, 2020)" in cited.text
    anchor = cited.anchors[0]
    assert cited.text[anchor.start : anchor.end] == "(Smith, 2020)"
    assert anchor.targets == ("smith2020",)


def test_table_reads_row_by_row_with_column_names(library_dir: Path) -> None:
    rendered = render_document(load_library(library_dir).article("alpha"))
    row = next(b for b in rendered.blocks if "Sit-ups" in b.text)
    assert row.text == "Instead of: Sit-ups; Try: Wall sits"


def test_exercise_card_lists_facts_cautions_and_references(library_dir: Path) -> None:
    rendered = render_document(load_library(library_dir).exercise("wall-sit"))
    texts = [block.text for block in rendered.blocks]
    assert "Impact: No impact" in texts
    assert "Equipment: a clear wall" in texts
    assert "Challenges your balance; have support within reach." in texts
    assert [e.label for e in rendered.outline] == [
        "About this exercise",
        "1. How to do it",
        "2. Dose",
        "3. Easier",
        "4. Harder",
        "5. Cautions",
        "6. Who should skip it",
        "7. Stop and get help if",
        "References",
    ]
    assert texts[-1].startswith("Smith AB (2020).")
