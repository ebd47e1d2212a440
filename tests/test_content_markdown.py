"""Markdown bodies into sections, blocks and inline runs, with file lines."""

from __future__ import annotations

from pathlib import Path

from helpers import line_of

from tui.content import load_library
from tui.content.model import (
    Citation,
    FootnoteRef,
    Link,
    ListBlock,
    Paragraph,
    Table,
    Text,
)


def test_sections_and_subsections_are_numbered(library_dir: Path) -> None:
    article = load_library(library_dir).article("alpha")
    labels = [section.label for section in article.all_sections()]
    assert labels == ["1. Why it matters", "1.1 Details", "2. What to do", "3. Last words"]


def test_overview_is_what_comes_before_the_first_section(library_dir: Path) -> None:
    article = load_library(library_dir).article("alpha")
    assert len(article.overview) == 1
    paragraph = article.overview[0]
    assert isinstance(paragraph, Paragraph)
    assert paragraph.inlines == [Text("The overview paragraph comes before any section.")]


def test_citations_carry_their_file_line(library_dir: Path) -> None:
    article = load_library(library_dir).article("alpha")
    path = library_dir / "alpha.md"
    by_ids = {citation.ids: citation.line for citation in article.citations}
    assert by_ids[("jones2019", "lee2018")] == line_of(path, "Two studies agree")
    assert by_ids[("lee2018",)] == line_of(path, "The end [@lee2018]")
    # Key points are cited too, on their own front-matter lines.
    assert by_ids[("smith2020", "jones2019")] == line_of(path, "The second cites two")


def test_multi_citation_keeps_every_item_and_locator(library_dir: Path) -> None:
    article = load_library(library_dir).article("alpha")
    multi = next(c for c in article.citations if c.ids == ("jones2019", "lee2018"))
    assert multi.items[1].locator == "p. 4"


def test_lists_links_tables_and_footnotes(library_dir: Path) -> None:
    article = load_library(library_dir).article("alpha")
    details = article.sections[0].subsections[0]
    bullets = details.blocks[0]
    assert isinstance(bullets, ListBlock) and not bullets.ordered
    second = bullets.items[1].blocks[0]
    assert isinstance(second, Paragraph)
    assert any(
        isinstance(run, Link) and run.href == "https://example.org/page" for run in second.inlines
    )

    steps, table = article.sections[1].blocks
    assert isinstance(steps, ListBlock) and steps.ordered and len(steps.items) == 2
    note_ref = [
        run
        for item in steps.items
        for block in item.blocks
        if isinstance(block, Paragraph)
        for run in block.inlines
        if isinstance(run, FootnoteRef)
    ]
    assert [(ref.label, ref.number) for ref in note_ref] == [("n", 1)]
    assert isinstance(table, Table)
    assert [[r.text for r in cell if isinstance(r, Text)] for cell in table.header] == [
        ["Instead of"],
        ["Try"],
    ]

    assert len(article.footnotes) == 1
    note = article.footnotes[0]
    assert note.number == 1 and note.line == line_of(
        library_dir / "alpha.md", "A footnote that cites"
    )
    inner = note.blocks[0]
    assert isinstance(inner, Paragraph)
    assert any(isinstance(run, Citation) for run in inner.inlines)


def test_html_is_shown_as_text_not_interpreted(tmp_path: Path) -> None:
    (tmp_path / "html.md").write_text(
        "---\ntitle: H\nsummary: s\nreferences: []\n---\n<b>bold?</b> and <script>x</script>\n",
        encoding="utf-8",
    )
    article = load_library(tmp_path).article("html")
    paragraph = article.overview[0]
    assert isinstance(paragraph, Paragraph)
    text = "".join(run.text for run in paragraph.inlines if isinstance(run, Text))
    assert "<b>bold?</b>" in text and "<script>" in text


def test_headings_below_section_levels_stay_inside_the_section(tmp_path: Path) -> None:
    (tmp_path / "deep.md").write_text(
        "---\ntitle: D\nsummary: s\nreferences: []\n---\n## One\n#### Deep\ntext\n## Two\n",
        encoding="utf-8",
    )
    article = load_library(tmp_path).article("deep")
    assert [s.title for s in article.sections] == ["One", "Two"]
    assert len(article.sections[0].blocks) == 2
