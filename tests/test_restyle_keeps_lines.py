"""c (the citation style) on a long article: the blocks with no citation are the ones
shown before, their lines are not drawn again, and the reader stays where they were."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import zebra_library
from pilot_helpers import reading, settle
from textual.strip import Strip

from tui.render.blocks import RenderedDocument, TextBlock, keep_unchanged_blocks
from tui.render.labels import CitationStyle
from tui.screens.reader import ReaderScreen
from tui.screens.reader_text import SYNC_LOAD_BYTES, ReaderText
from tui.widgets.article_view import ArticleView

SLUG = "long-read"


def _rows(view: ArticleView) -> dict[tuple[int, int, int, bool], tuple[TextBlock, Strip]]:
    """The block and the drawn line of every row on screen, by the block's id and the
    line's place in it."""
    layout = view.text_layout
    assert layout is not None
    rows = {}
    for y in range(view.page_height):
        line = layout.lines[view.top_line + y]
        block = layout.document.blocks[line.block]
        rows[id(block), line.start, line.end, line.blank] = (block, view.render_line(y))
    return rows


async def test_c_keeps_the_lines_of_blocks_without_citations(tmp_path: Path) -> None:
    library = zebra_library(tmp_path / "lib", SLUG, "Long read", SYNC_LOAD_BYTES + 40_000, (7, 30))
    async with reading(library, SLUG) as (app, pilot):
        assert isinstance(app.screen, ReaderScreen) and not app.screen.short
        view = app.screen.query_one(ArticleView)
        await pilot.press("space", "space", "space")
        await pilot.pause()
        old = view.document
        place = view.position
        before = _rows(view)
        await pilot.press("c")
        await settle(pilot)
        new = view.document
        assert old is not None and new is not None and new is not old
        # The reader's place is kept: the top line holds the same place of the block
        # (its citations shorter now, the line may start a little earlier in it).
        assert place is not None and view.position is not None and view.text_layout
        assert view.position.block == place.block
        assert view.top_line == view.text_layout.line_for(place)
        after = _rows(view)
        same = [key for key in after if key in before]
        # Headings and blank lines (no citation): the very block and line drawn before.
        assert same
        for key in same:
            assert after[key][0] is before[key][0]
            assert after[key][1] is before[key][1]
        # Cited paragraphs: new blocks, with the number now, drawn anew.
        old_ids = {id(block) for block in old.blocks}
        cited = [block for block, _ in after.values() if "[1]" in block.text]
        assert cited and all(id(block) not in old_ids for block in cited)
        kept = sum(1 for b, a in zip(old.blocks, new.blocks, strict=True) if a is b)
        assert 0 < kept < len(new.blocks)
        assert all(a is b or a != b for b, a in zip(old.blocks, new.blocks, strict=True))


def test_keep_unchanged_blocks_keeps_equal_ones_only() -> None:
    first = TextBlock("Brisk walks help.", style="h2")
    cited = TextBlock("Hops load the hip (Nguyen, 2019).")
    old = RenderedDocument([first, cited], [])
    new = RenderedDocument([TextBlock("Brisk walks help.", style="h2"), TextBlock("Hops [1].")], [])
    assert keep_unchanged_blocks(old, new) == 1
    assert new.blocks[0] is first and new.blocks[1] is not cited
    # Another number of blocks (a preview and the whole article): nothing is kept.
    longer = RenderedDocument([TextBlock("Brisk walks help.", style="h2"), cited, cited], [])
    assert keep_unchanged_blocks(old, longer) == 0 and longer.blocks[0] is not first


async def test_c_back_shows_the_rendering_c_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """c renders and lays out the other style in a thread once; c back shows the
    rendering it left, laid out already, and renders nothing."""
    library = zebra_library(tmp_path / "lib", SLUG, "Long read", SYNC_LOAD_BYTES + 40_000, (7, 30))
    started: list[CitationStyle] = []
    restyle = ReaderText.restyle

    def counted(self: ReaderText, article: Any, style: CitationStyle, *rest: Any) -> Any:
        started.append(style)
        return restyle(self, article, style, *rest)

    monkeypatch.setattr(ReaderText, "restyle", counted)
    async with reading(library, SLUG) as (app, pilot):
        screen = app.screen
        assert isinstance(screen, ReaderScreen) and not screen.short
        view = screen.query_one(ArticleView)
        await pilot.press("space", "space", "full_stop")
        await pilot.pause()
        first, first_layout = view.document, view.text_layout
        block = view.position.block if view.position else -1
        await pilot.press("c")
        await settle(pilot)
        second = view.document
        assert started == [CitationStyle.NUMERIC] and second is not first
        assert "[1]" in _anchor_text(view)
        await pilot.press("c")
        await settle(pilot)
        # The first rendering and its layout again, with no rendering started.
        assert started == [CitationStyle.NUMERIC]
        assert view.document is first and view.text_layout is first_layout
        assert view.position is not None and view.position.block == block
        assert _anchor_text(view) == "(Long, 2000)"
        # At another width the rendering kept is laid out anew, and shows the same text.
        await pilot.press("c")
        await settle(pilot)
        assert view.document is second
        width = view.wrap_width
        await pilot.press("minus", "minus", "minus")
        await settle(pilot)
        assert view.wrap_width < width
        await pilot.press("c")
        await settle(pilot)
        assert started == [CitationStyle.NUMERIC]
        assert view.document is first and view.ready
        assert view.text_layout is not first_layout
        assert _anchor_text(view) == "(Long, 2000)"


def _anchor_text(view: ArticleView) -> str:
    assert view.document is not None and view.focused_anchor is not None
    block, index = view.focused_anchor
    anchor = view.document.blocks[block].anchors[index]
    return view.document.blocks[block].text[anchor.start : anchor.end]
