"""Layout that keeps the text readable: the article keeps 50 columns while the window
allows it, side panes give way first, and the outline never splits a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_helpers import article_ready

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.labels import CitationStyle, ReferenceLabels
from tui.render.layout import wrap_hard, wrap_words
from tui.screens.article_source import ArticleSource
from tui.settings import Settings
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine
from tui.widgets.outline import Outline
from tui.widgets.sidebar import Sidebar, TabBar

HEADINGS = [
    "Exercises that challenge balance every day",
    "Strength training twice a week for stronger bones",
    "Walking, stairs and other everyday impact",
    "Questions people ask about osteoporosis medicines",
]

ARTICLE = "---\ntitle: Long headings\nsummary: Written by the test.\n---\n" + "\n\n".join(
    f"## {heading}\n\n" + "A sentence of the body that says very little at all. " * 6
    for heading in HEADINGS
)


def _app(library_dir: Path, settings: Settings | None = None) -> WellreadApp:
    (library_dir / "headings.md").write_text(ARTICLE, encoding="utf-8")
    return WellreadApp(load_library(library_dir), open_slug="headings", settings=settings)


def _split_words(outline: Outline) -> list[str]:
    """Outline lines that start or end inside a word (that would fit on a line)."""
    layout = outline._current_layout()
    split = []
    for line in layout.lines:
        if line.blank:
            continue
        text = layout.document.blocks[line.block].text
        starts_inside = line.start > 0 and text[line.start - 1] != " "
        ends_inside = line.end < len(text) and text[line.end] != " "
        if starts_inside or ends_inside:
            split.append(text[line.start : line.end])
    return split


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40)])
async def test_the_article_keeps_50_columns_and_the_outline_whole_words(
    library_dir: Path, size: tuple[int, int]
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=size) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        assert view.wrap_width >= 50
        # Every drawn line of the article fits the column it is given.
        layout = view.text_layout
        assert layout is not None and layout.width == view.wrap_width
        outline = app.screen.query_one(Outline)
        hidden = not outline.display
        if hidden:
            # The contents gave way; o shows them (in place of the related pane).
            await pilot.press("o")
            await pilot.pause()
            assert outline.display and outline.has_focus
            assert view.wrap_width >= 50
        assert outline.size.width > 0
        assert _split_words(outline) == []
        if hidden:
            # Escape brings the article back, the related pane with it.
            await pilot.press("escape")
            await pilot.pause()
            assert view.has_focus and app.screen.query_one("#sidebar").display
            assert not outline.display


async def test_at_80_columns_tab_reaches_every_pane(library_dir: Path) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        screen = app.screen
        seen = []
        for _ in range(3):
            await pilot.press("tab")
            await pilot.pause()
            for pane in ("outline", "article", "sidebar"):
                node = screen.query_one(f"#{pane}")
                focused = app.focused
                if focused is not None and (focused is node or node in focused.ancestors):
                    seen.append(pane)
            assert screen.query_one(ArticleView).wrap_width >= 50 or seen[-1] != "article"
        assert sorted(seen) == ["article", "outline", "sidebar"]


async def test_the_single_layout_still_shows_one_pane(library_dir: Path) -> None:
    app = _app(library_dir, Settings(layout="single"))
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        screen = app.screen
        assert screen.has_class("-narrow")
        assert not screen.query_one("#outline").display
        assert not screen.query_one("#sidebar").display
        view = screen.query_one(ArticleView)
        assert view.size.width >= 76
        await pilot.press("tab")
        await pilot.pause()
        assert screen.query_one("#sidebar").display and not view.display


async def test_a_width_the_window_cannot_give_is_said(library_dir: Path) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("plus")
        status = str(app.screen.query_one(StatusLine).render())
        assert f"the window allows at most {view.text_area_width} columns" in status
    app = _app(library_dir)
    async with app.run_test(size=(160, 40)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("plus")
        status = str(app.screen.query_one(StatusLine).render())
        assert "Reading width: 76 columns." in status and view.wrap_width == 76


async def test_narrow_sidebar_tabs_stack_and_a_click_picks_the_one_under_it(
    library_dir: Path,
) -> None:
    app = _app(library_dir)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        bar = app.screen.query_one(TabBar)
        sidebar = app.screen.query_one(Sidebar)
        assert bar.stacked and bar.size.height == 2
        lines = str(bar.render()).split("\n")
        assert lines == ["• Exercises", "  References"]
        await pilot.click(TabBar, offset=(4, 1))
        assert sidebar.active_tab == "reference-list"
        assert str(bar.render()).split("\n") == ["  Exercises", "• References"]


def test_long_addresses_break_after_a_slash_not_inside_a_part() -> None:
    text = "Read https://doi.org/10.1234/jt.2020.001/supplement-two-tables today"
    lines = [text[start:end] for start, end in wrap_words(text, 22)]
    assert lines == [
        "Read",
        "https://doi.org/",
        "10.1234/jt.2020.001/",
        "supplement-two-tables",
        "today",
    ]
    # Code keeps breaking at the width, whatever is there.
    code = "abcd/efgh"
    assert [code[s:e] for s, e in wrap_hard(code, 3)] == ["abc", "d/e", "fgh"]
    # A word with no slash or hyphen still breaks at the width (never cropped).
    assert [e - s for s, e in wrap_words("x" * 45, 20)] == [20, 20, 5]


def test_numeric_citations_read_in_number_order(library_dir: Path) -> None:
    # alpha numbers its sources as it first cites them; a citation naming them in
    # another order reads them in number order, each locator kept with its source.
    article, _ = ArticleSource(load_library(library_dir), "alpha").whole(CitationStyle.NUMERIC)
    labels = ReferenceLabels.for_document(article)
    text = labels.cite_ids_text(
        [("lee2018", "", ""), ("smith2020", "", ""), ("jones2019", "p. 4", "")],
        CitationStyle.NUMERIC,
    )
    numbers = [labels.numbers[ref] for ref in ("smith2020", "jones2019", "lee2018")]
    assert numbers == sorted(numbers)
    assert text == f"[{numbers[0]}, {numbers[1]}, p. 4, {numbers[2]}]"
