"""The line-API article view: re-wrapping on resize, keeping the place, long articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import long_article
from pilot_helpers import article_ready, settle
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.content import load_library
from tui.content.preview import preview_body
from tui.render.blocks import RenderedDocument
from tui.render.document import render_document
from tui.widgets.article_view import ArticleView
from tui.widgets.outline import Outline

GAMMA = "gamma"
MAX_FRAMES = 200


def _screen_text(view: ArticleView) -> str:
    """Every character but spaces of every laid-out line, in order, as the view would
    draw them (a word longer than the line is broken, so words alone would not match);
    tables, drawn as grids where they fit, left out (tests/test_tables.py)."""
    layout = view.text_layout
    assert layout is not None and view.document is not None
    parts: list[str] = []
    tables = _table_rows(view.document)
    for line in layout.lines:
        if not line.blank and line.block not in tables:
            parts += layout.document.blocks[line.block].text[line.start : line.end].split()
    return "".join(parts)


def _table_rows(document: RenderedDocument) -> set[int]:
    return {shape.first_block + row for shape in document.tables for row in range(len(shape.cells))}


def _heading_at_top(view: ArticleView) -> str:
    layout = view.text_layout
    assert layout is not None and view.document is not None
    line = layout.lines[view.top_line]
    return view.document.blocks[line.block].text


async def _resize(pilot: Pilot[None], width: int, height: int) -> None:
    await pilot.resize_terminal(width, height)
    await pilot.pause()
    await article_ready(pilot)


async def test_rewraps_on_resize_keeping_words_and_section(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(120, 40)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.document is not None
        tables = _table_rows(view.document)
        expected = "".join(
            w
            for index, block in enumerate(view.document.blocks)
            if index not in tables
            for w in block.text.split()
        )
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        section = view.current_section
        heading = _heading_at_top(view)
        assert section == 3 and heading == "1.2 Going down"  # the third heading of gamma.md
        widths = set()
        for width, height in ((80, 30), (40, 20), (120, 40)):
            await _resize(pilot, width, height)
            layout = view.text_layout
            assert layout is not None
            widths.add(layout.width)
            assert _screen_text(view) == expected
            assert all(line.end - line.start <= layout.width for line in layout.lines)
            # The place is kept: the same section, its heading still on the top line.
            assert view.current_section == section
            assert _heading_at_top(view) == heading
            assert app.screen.query_one(Outline).current == section
        assert len(widths) == 3


async def test_jumps_after_resize_land_on_their_heading(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        await _resize(pilot, 40, 16)
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert view.current_section == 2
        assert view.document is not None
        assert _heading_at_top(view) == "1.1 Going up"


@pytest.fixture
def long_library(tmp_path: Path) -> Path:
    # Long enough that its whole parse takes several frames after the preview shows.
    (tmp_path / "long.md").write_text(long_article(1_500_000), encoding="utf-8")
    return tmp_path


def test_preview_blocks_are_the_start_of_the_whole_article(long_library: Path) -> None:
    library = load_library(long_library)
    preview = library.article_preview("long")
    assert preview is not None
    article, share = preview
    assert 0 < share < 0.5
    shown = render_document(article, preview_share=share)
    whole = render_document(library.article("long"))
    assert shown.partial and not whole.partial
    assert 0 < len(shown.blocks) < len(whole.blocks)
    for part, full in zip(shown.blocks, whole.blocks, strict=False):
        assert (part.text, part.spans, part.anchors, part.style, part.section_index) == (
            full.text,
            full.spans,
            full.anchors,
            full.style,
            full.section_index,
        )
    assert shown.outline == whole.outline[: len(shown.outline)]


def test_preview_carries_later_footnote_definitions() -> None:
    body = "Intro[^a].\n\n" + "## S\n" + ("word " * 20_000 + "\n\n") * 2
    body += "## Later\nMore.\n\n[^a]: The note, defined at the end.\n"
    opening = preview_body(body, limit=1000)
    assert opening is not None
    text, _ = opening
    assert "## Later" not in text
    assert "[^a]: The note, defined at the end." in text


def test_short_bodies_have_no_preview() -> None:
    assert preview_body("## One\nshort\n") is None


async def test_end_key_before_the_whole_article_arrives_goes_to_the_real_end(
    long_library: Path,
) -> None:
    app = WellreadApp(load_library(long_library), open_slug="long")
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.screen.query_one(ArticleView)
        # The preview shows before the whole article is parsed (a frame, not a worker,
        # brings it); the whole one is still on its way when G is pressed.
        for _ in range(MAX_FRAMES):
            if view.document is not None:
                break
            await pilot.pause()
        assert view.document is not None and view.document.partial
        await pilot.press("G")
        await article_ready(pilot)
        await settle(pilot)
        assert view.document is not None and not view.document.partial
        assert view.top_line == view.max_top_line > 0
        # Only the last screen has been seen: far from all of it.
        assert view.percent_read < 100
        assert view.current_section == len(view.document.outline) - 1
