"""In-article search that reports: which match of how many, when it wrapped, Enter
from the top of the view, Escape to clear, and . and , going on from the match."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import article_ready

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.anchors import anchor_start
from tui.render.position import ReadingPosition
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine

FILLER = "Nothing to find on this line, only words to fill the page for the test."

# Six paragraphs naming "bone", each after a cited sentence, with filler between them
# so that they cannot all be on one screen.
BODY = (
    "\n\n".join(
        f"## Part {n}\n\nA study of walking [@smith2020].\n\n"
        + "\n\n".join([FILLER] * 4)
        + f"\n\nThe bone in part {n} grows stronger [@jones2019]."
        for n in range(1, 7)
    )
    + "\n\n## Closing\n\n"
    + "\n\n".join([FILLER] * 10)
)

ARTICLE = f"""---
title: Search test
summary: Written by the test.
references:
  - id: smith2020
    type: article-journal
    author: [{{family: Smith, given: Anna}}]
    issued: {{date-parts: [[2020]]}}
    title: A study
  - id: jones2019
    type: article-journal
    author: [{{family: Jones, given: Carl}}]
    issued: {{date-parts: [[2019]]}}
    title: Another study
---
{BODY}
"""


def _app(library_dir: Path) -> WellreadApp:
    (library_dir / "searching.md").write_text(ARTICLE, encoding="utf-8")
    return WellreadApp(load_library(library_dir), open_slug="searching")


def _status(app: WellreadApp) -> str:
    return str(app.screen.query_one(StatusLine).render())


async def _search(pilot, word: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("slash", *word, "enter")


async def test_matches_are_counted_and_wrapping_is_said(library_dir: Path) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await _search(pilot, "bone")
        assert len(view.matches) == 6
        assert view.match_index == 0
        assert "Match 1 of 6, the first from the top of the view" in _status(app)
        await pilot.press("n")
        assert "Match 2 of 6" in _status(app) and "wrapped" not in _status(app)
        await pilot.press("n", "n", "n", "n")
        assert "Match 6 of 6" in _status(app)
        await pilot.press("n")
        assert view.match_index == 0
        assert "Match 1 of 6; wrapped to the first match" in _status(app)
        await pilot.press("N")
        assert "Match 6 of 6; wrapped to the last match" in _status(app)


async def test_enter_goes_to_the_first_match_below_the_top(library_dir: Path) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        layout = view.text_layout
        assert layout is not None and view.document is not None
        # Put the heading of part 4 at the top: matches 1 to 3 are above it.
        titles = [entry.title for entry in view.document.outline]
        while view.current_section < titles.index("Part 4"):
            await pilot.press("right_square_bracket")
        assert view.document.outline[view.current_section].title == "Part 4"
        await _search(pilot, "bone")
        assert view.match_index == 3
        assert "Match 4 of 6, the first from the top of the view" in _status(app)
        # Below the last match, Enter wraps to the first and says so.
        await pilot.press("G", "slash", "enter")
        assert view.match_index == 0
        assert "wrapped to the first match" in _status(app)


async def test_escape_clears_the_highlights_and_stays(library_dir: Path) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        screen = app.screen
        await _search(pilot, "bone")
        assert view.matches
        await pilot.press("escape")
        assert app.screen is screen and view.matches == []
        assert "cleared" in _status(app)
        # n with nothing searched asks for a search again.
        await pilot.press("n")
        assert app.screen.query_one("#search-line").display


async def test_focus_keys_go_on_from_the_match(library_dir: Path) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        document = view.document
        assert document is not None
        # Focus the citation of part 1's first sentence, then search below it.
        await pilot.press("full_stop")
        above = view.focused_anchor
        assert above is not None
        await _search(pilot, "bone")
        match = view.matches[0]
        assert (above.block, 0) < (match.block, match.start)
        # The cursor stands on the match ...
        region = view.content_region
        x, y = app.cursor_position
        cell = view.cursor_cell()
        assert cell is not None and (x, y) == (region.x + cell[0], region.y + cell[1])
        assert view.text_layout is not None
        assert view.top_line + cell[1] == view.text_layout.line_for(
            ReadingPosition(match.block, match.start)
        )
        # ... and . goes to the citation after the match, not the one above it.
        await pilot.press("full_stop")
        after = view.focused_anchor
        assert after is not None and after != above
        start = anchor_start(document, after)
        assert (start.block, start.offset) > (match.block, match.start)
        assert document.blocks[after.block].anchors[after.anchor_index].kind == "citation"
        # The cursor follows it.
        cell = view.cursor_cell()
        assert cell is not None
        assert app.cursor_position == (region.x + cell[0], region.y + cell[1])
        assert view.top_line + cell[1] == view.anchor_line(after)
