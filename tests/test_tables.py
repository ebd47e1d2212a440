"""Tables: an aligned grid with a header row where the columns fit the width, labelled
rows ("Column: value; ...") where they do not, and always in the plain output."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pilot_helpers import article_ready
from rich.cells import cell_len

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.anchors import anchor_line, find_anchor
from tui.render.blocks import RenderedDocument, Span
from tui.render.document import render_document
from tui.render.find import find_matches
from tui.render.layout import Layout
from tui.render.plain import article_text
from tui.render.tables import MIN_COLUMN, column_widths, shown_offset, shown_spans
from tui.widgets.article_view import ArticleView

ARTICLE = """\
---
title: Ways to load bone
summary: Three kinds of exercise side by side.
tags: [test]
references:
  - id: lee2020
    type: article-journal
    author: [{family: Lee, given: Ann}]
    issued: {date-parts: [[2020]]}
    title: An invented trial of hopping
    container-title: Journal of Test Data
---
## Choices
Three options compared.

| Kind | What it gives | Mind this |
|---|---|---|
| Hopping | A quick jolt through the hips | Start with ten hops [@lee2020] |
| Lifting | Muscle pull on bone, plus strength for daily tasks | Raise the load slowly |
| Walking | Fresh air | Little effect on density on its own |

After the table.
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "library"
    root.mkdir()
    (root / "loads.md").write_text(ARTICLE, encoding="utf-8")
    return root


@pytest.fixture
def rendered(folder: Path) -> RenderedDocument:
    return render_document(load_library(folder).article("loads"))


def _drawn(layout: Layout) -> list[str]:
    """The lines as the view draws them: indent, prefix on a block's first line, text."""
    out: list[str] = []
    for line in layout.lines:
        block = layout.document.blocks[line.block]
        if line.blank:
            out.append("")
            continue
        prefix = block.prefix if line.first else " " * len(block.prefix)
        out.append(" " * block.indent + prefix + block.text[line.start : line.end])
    return out


def _table_lines(layout: Layout) -> list[str]:
    [shape] = layout.document.tables
    rows = range(shape.first_block, shape.first_block + len(shape.cells))
    drawn = _drawn(layout)
    return [drawn[y] for y, line in enumerate(layout.lines) if line.block in rows]


def test_a_wide_column_draws_a_grid_with_a_header_row(rendered: RenderedDocument) -> None:
    layout = Layout(rendered, 100)
    layout.extend()
    lines = [line.rstrip() for line in _table_lines(layout)]
    # Everything fits at its natural width: one line a row, columns aligned.
    assert lines[1:] == [
        "Kind    │ " + "What it gives".ljust(50) + " │ Mind this",
        "─" * 8 + "┼" + "─" * 52 + "┼" + "─" * 36,  # the widths of the columns and gaps
        "Hopping │ "
        + "A quick jolt through the hips".ljust(50)
        + " │ Start with ten hops (Lee, 2020)",
        "Lifting │ Muscle pull on bone, plus strength for daily tasks │ Raise the load slowly",
        "Walking │ " + "Fresh air".ljust(50) + " │ Little effect on density on its own",
    ]
    assert lines[0] == ""  # the gap above the table
    # The header is bold.
    first = layout.document.blocks[rendered.tables[0].first_block]
    header = first.text[first.shown_from :].split("\n")[0]
    start = first.shown_from + header.index("What it gives")
    assert any(s.style == "strong" and s.start <= start < s.end for s in first.spans)


def test_columns_wrap_at_spaces_when_the_grid_must_shrink(rendered: RenderedDocument) -> None:
    layout = Layout(rendered, 60)
    layout.extend()
    lines = _table_lines(layout)
    assert all(len(line) <= 60 for line in lines)
    assert "│" in lines[1]
    # Every word of every cell is drawn, none split; rows are set apart by a rule.
    words = " ".join(part for line in lines for part in line.split("│")).split()
    for word in ("Muscle", "pull", "strength", "daily", "tasks", "density", "(Lee,", "2020)"):
        assert word in words
    assert sum(1 for line in lines if "┼" in line) == 3  # under the header, between rows
    # The columns line up: every "│" of the table in the same two places.
    bars = {tuple(i for i, c in enumerate(line) if c in "│┼") for line in lines if line}
    assert len(bars) == 1


def test_a_narrow_column_keeps_labelled_rows(rendered: RenderedDocument) -> None:
    layout = Layout(rendered, 40)
    layout.extend()
    text = " ".join(line.strip() for line in _table_lines(layout))
    assert "│" not in text and "─" not in text
    assert "• Kind: Hopping; What it gives: A quick jolt through the hips;" in text
    # Nothing to change at this width: the layout draws the rendered blocks themselves.
    assert layout.source is rendered
    assert all(a is b for a, b in zip(layout.document.blocks, rendered.blocks, strict=True))


def test_column_widths_shrink_the_widest_first_and_never_below_a_floor() -> None:
    assert column_widths([5, 30, 40], [5, 12, 12], 100) == [5, 30, 40]
    assert column_widths([5, 30, 40], [5, 12, 12], 55) == [5, 25, 25]
    assert column_widths([5, 30, 40], [5, 12, 12], 28) is None
    assert MIN_COLUMN >= 12


def test_places_and_citations_keep_their_rows_at_every_width(
    rendered: RenderedDocument,
) -> None:
    """Block numbers and anchor offsets are those of the labelled rows: a citation in a
    cell is on its row's lines whether the table is a grid or not."""
    ref = find_anchor(rendered, "citation", "lee2020")
    assert ref is not None
    for width in (100, 60, 40):
        layout = Layout(rendered, width)
        layout.extend()
        y = anchor_line(layout, ref)
        assert layout.lines[y].block == ref.block
        # In a grid: the top of the first row's block, the header, with the row under
        # it; in labelled rows, the line that holds the citation.
        near = "\n".join(_drawn(layout)[y : y + 3])
        assert ("Hopping" in near) if width > 40 else ("(Lee, 2020)" in _drawn(layout)[y])
        assert len(layout.document.blocks) == len(rendered.blocks)


def test_highlights_over_the_labelled_text_move_to_where_the_grid_draws_it(
    rendered: RenderedDocument,
) -> None:
    """Search matches and the focused anchor point into the labelled text; the grid's
    copy of the row says where those characters are drawn (for the view to use)."""
    layout = Layout(rendered, 60)
    layout.extend()
    [match] = find_matches(rendered, "strength")
    copy = layout.document.blocks[match.block]
    [moved] = shown_spans(copy, [Span(match.start, match.end, "match")])
    assert copy.text[moved.start : moved.end] == "strength"
    assert moved.start >= copy.shown_from
    # The line that draws it holds it.
    y = next(
        y
        for y, line in enumerate(layout.lines)
        if line.block == match.block and line.start <= moved.start < line.end
    )
    assert "strength" in _drawn(layout)[y]
    assert copy.text[shown_offset(copy, match.start) :].startswith("strength")
    # A block not in a grid keeps its spans and offsets as they are.
    plain = rendered.blocks[0]
    assert shown_spans(plain, [Span(0, 3, "match")]) == (Span(0, 3, "match"),)
    assert shown_offset(plain, 5) == 5


def test_the_plain_text_keeps_labelled_rows(folder: Path) -> None:
    library = load_library(folder)
    text = "\n".join(article_text(library.article("loads"), []))
    assert "- Kind: Hopping; What it gives: A quick jolt through the hips; Mind this:" in text
    assert "│" not in text and "─" not in text


@pytest.mark.parametrize(("size", "grid"), [((120, 40), True), ((40, 12), False)])
async def test_the_reader_draws_the_grid_where_it_fits(
    folder: Path, size: tuple[int, int], grid: bool
) -> None:
    app = WellreadApp(load_library(folder), open_slug="loads")
    async with app.run_test(size=size) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        layout = view.text_layout
        assert layout is not None
        lines = "\n".join(_table_lines(layout))
        assert ("Kind    │ What it gives" in lines) is grid
        assert ("Kind: Hopping" in lines) is not grid
        assert all(len(line) <= layout.width for line in lines.split("\n"))


async def test_a_match_in_a_grid_is_marked_and_holds_the_cursor(folder: Path) -> None:
    app = WellreadApp(load_library(folder), open_slug="loads")
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.text_layout is not None and view.document is not None
        view.set_matches(find_matches(view.document, "strength"))
        view.goto_match(0)
        view.focus()
        await pilot.pause()
        cell = view.cursor_cell()
        assert cell is not None
        x, y = cell
        strip = view.render_line(y)
        assert "│" in strip.text  # the row is drawn as a grid
        assert strip.text[x : x + len("strength")] == "strength"
        # The match is drawn in its own style, unlike the cell before it.
        marked = list(strip.crop(x, x + len("strength")))
        before = list(strip.crop(x - 1, x))
        assert marked[0].style != before[0].style


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz骨0123456789-", min_size=1, max_size=14)
_CELL = st.lists(_WORD, min_size=0, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(_CELL, min_size=1, max_size=5),
    rows=st.lists(st.lists(_CELL, min_size=1, max_size=6), min_size=1, max_size=4),
    width=st.integers(min_value=8, max_value=160),
)
def test_any_table_fits_its_width_and_keeps_its_words(
    header: list[str], rows: list[list[str]], width: int
) -> None:
    markdown = "\n".join(
        [
            "| " + " | ".join(header) + " |",
            "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in rows),
        ]
    )
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "t.md").write_text(
            f"---\ntitle: T\nsummary: S.\n---\n## Part\n{markdown}\n", encoding="utf-8"
        )
        rendered = render_document(load_library(Path(folder)).article("t"))
    layout = Layout(rendered, width)
    layout.extend()
    assert len(layout.document.blocks) == len(rendered.blocks)
    drawn = _drawn(layout)
    for y, line in enumerate(layout.lines):
        block = layout.document.blocks[line.block]
        if block.shown_from:  # a grid line: never wider than the column
            assert cell_len(drawn[y]) <= width
    if rendered.tables:
        grid = any(block.shown_from for block in layout.document.blocks)
        event(f"grid: {grid}")
        cells = [cell for row in rows for cell in row[: len(header)]]
        shown = "".join("".join(drawn).split())
        for word in " ".join(cells).split():
            # In a grid every word is whole; labelled rows may break a long one.
            assert (word in shown) if grid else all(c in shown for c in word)
