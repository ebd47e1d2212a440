"""Following the evidence from the keyboard: citations, notes, links, and back."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from pilot_helpers import article_ready, focused
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.labels import CitationStyle
from tui.screens.cited_in import CitedInScreen
from tui.screens.reader import ReaderScreen
from tui.settings import Settings, load_settings
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import StatusLine
from tui.widgets.line_list import LineList
from tui.widgets.sidebar import ReferenceList

GAMMA = "gamma"


def _view(app: WellreadApp) -> ArticleView:
    return app.screen.query_one(ArticleView)


def _focused_anchor(app: WellreadApp) -> tuple[str, tuple[str, ...], str]:
    """(kind, targets, shown text) of the focused anchor."""
    view = _view(app)
    assert view.document is not None and view.focused_anchor is not None
    block, index = view.focused_anchor
    anchor = view.document.blocks[block].anchors[index]
    return anchor.kind, anchor.targets, view.document.blocks[block].text[anchor.start : anchor.end]


def _cursor_on(app: WellreadApp, shown: str) -> bool:
    """The screen at the terminal cursor reads *shown* (up to where its line wraps)."""
    view = _view(app)
    region = view.content_region
    x, y = app.cursor_position
    strip = view.render_line(y - region.y)
    text = "".join(segment.text for segment in strip)[x - region.x :].rstrip(" ▐")
    first_part = text[: len(shown)]
    return len(first_part) >= min(len(shown), 5) and shown.startswith(first_part)


async def _to_citation(pilot: Pilot[Any], ordinal: int) -> None:
    for _ in range(ordinal):
        await pilot.press("full_stop")


async def test_third_citation_enter_selects_its_reference_and_backspace_returns(
    library_dir: Path,
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        view = _view(app)
        assert isinstance(app.screen, ReaderScreen)
        # The third citation in reading order: gamma.md's third key point.
        await _to_citation(pilot, 3)
        kind, targets, shown = _focused_anchor(app)
        assert (kind, targets, shown) == ("citation", ("quinn2022",), "(Quinn et al., 2022)")
        # The terminal cursor stands on it: the screen there reads its label.
        assert _cursor_on(app, shown)
        anchor, top = view.focused_anchor, view.top_line

        await pilot.press("enter")
        references = app.screen.query_one(ReferenceList)
        assert app.focused is references
        assert references.cursor_id == "quinn2022"
        assert {references.entries[i].id for i in references.marked} == {"quinn2022"}
        assert "Reference" in app.screen.query_one(StatusLine).left

        # However far the reader goes, Backspace brings back the same citation.
        await pilot.press("j", "j", "j")
        view.focus()
        await pilot.press("G")
        assert view.top_line != top
        await pilot.press("backspace")
        assert focused(app) is view
        assert (view.focused_anchor, view.top_line) == (anchor, top)
        assert _cursor_on(app, shown)


async def test_multi_citation_selects_every_reference(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        for _ in range(10):
            await pilot.press("full_stop")
            if _focused_anchor(app)[1] == ("jones2019", "lee2018"):
                break
        assert _focused_anchor(app)[1] == ("jones2019", "lee2018")
        await pilot.press("enter")
        references = app.screen.query_one(ReferenceList)
        assert {references.entries[i].id for i in references.marked} == {"jones2019", "lee2018"}


async def test_footnote_goes_to_its_note_and_back(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(80, 16)) as pilot:
        await article_ready(pilot)
        view = _view(app)
        for _ in range(20):
            await pilot.press("full_stop")
            if _focused_anchor(app)[0] == "footnote":
                break
        kind, targets, shown = _focused_anchor(app)
        assert (kind, targets, shown) == ("footnote", ("n",), "[note 1]")
        marker, top = view.focused_anchor, view.top_line
        await pilot.press("enter")
        await pilot.pause()
        assert _focused_anchor(app)[0] == "footnote-body"
        # The jump moved the view, and the reader is still told how to get back.
        assert view.top_line != top
        assert "Backspace goes back" in app.screen.query_one(StatusLine).left
        assert view.document is not None and view.focused_anchor is not None
        block = view.document.blocks[view.focused_anchor[0]]
        assert block.text.startswith("A footnote that cites")
        await pilot.press("backspace")
        assert view.focused_anchor == marker


async def test_unknown_citation_is_shown_and_says_so(library_dir: Path) -> None:
    path = library_dir / "beta.md"
    path.write_text(path.read_text().replace("[@who2021]", "[@nobody1999]"))
    app = WellreadApp(load_library(library_dir), open_slug="beta")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await pilot.press("full_stop")
        kind, targets, shown = _focused_anchor(app)
        assert (kind, targets) == ("citation", ("nobody1999",))
        assert "nobody1999" in shown
        await pilot.press("enter")
        assert "not in this article's references" in app.screen.query_one(StatusLine).left


async def test_y_copies_the_doi_with_osc52(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        written: list[str] = []
        driver = app._driver
        assert driver is not None
        original = driver.write

        def write(data: str) -> None:
            written.append(data)
            original(data)

        driver.write = write  # type: ignore[method-assign]
        await _to_citation(pilot, 1)
        assert _focused_anchor(app)[1] == ("ng2021",)
        expected = "https://doi.org/10.1234/jts.2021.007"  # ng2021's DOI in gamma.md
        await pilot.press("y")
        sequence = "\x1b]52;c;" + base64.b64encode(expected.encode()).decode() + "\a"
        assert sequence in written
        assert expected in app.screen.query_one(StatusLine).left


async def test_links_are_shown_and_copied_never_opened(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        for _ in range(20):
            await pilot.press("full_stop")
            if _focused_anchor(app)[0] == "link":
                break
        kind, targets, shown = _focused_anchor(app)
        assert kind == "link" and targets == ("https://example.org/page",)
        assert "https://example.org/page" in shown
        await pilot.press("enter")
        status = app.screen.query_one(StatusLine).left
        assert "does not open links" in status and "https://example.org/page" in status
        assert isinstance(app.screen, ReaderScreen)


async def test_cited_in_lists_each_place_and_jumps_there(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        references = app.screen.query_one(ReferenceList)
        references.focus()
        references.move_cursor(references.index_of("smith2020") or 0)
        assert references.cursor_id == "smith2020"
        await pilot.press("enter")
        assert isinstance(app.screen, CitedInScreen)
        # smith2020 is cited in two key points, in section 1 and in the note.
        sections = [place.section_label for place in app.screen.places]
        assert sections == ["Overview", "Overview", "1. Why it matters", "Notes"]
        places = app.screen.places
        app.screen.query_one(LineList).move_cursor(2)
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        view = _view(app)
        assert view.focused_anchor == (places[2].block, places[2].anchor)
        assert app.focused is view
        await pilot.press("backspace")
        assert focused(app) is app.screen.query_one(ReferenceList)


async def test_citation_style_switches_and_persists(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha", settings=Settings())
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        view = _view(app)
        await pilot.press("full_stop")
        assert _focused_anchor(app)[2] == "(Smith, 2020)"
        await pilot.press("c")
        # The same citation keeps the focus and now reads as its number.
        assert _focused_anchor(app)[2] == "[1]"
        assert view.focused_anchor is not None
    settings, message = load_settings()
    assert message is None
    assert settings.citation_style == CitationStyle.NUMERIC.value


async def test_exercise_card_citation_goes_to_its_reference_and_back(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_exercise("toe-hop")
        await pilot.pause()
        view = _view(app)
        await _to_citation(pilot, 1)
        kind, targets, _shown = _focused_anchor(app)
        assert (kind, targets) == ("citation", ("patel2016",))
        citation = view.focused_anchor

        await pilot.press("enter")
        await pilot.pause()
        kind, ref_targets, _ = _focused_anchor(app)
        # The card keeps its references at its foot: Enter lands on the cited one there.
        assert (kind, ref_targets[0]) == ("reference", "patel2016")
        assert "Backspace goes back" in app.screen.query_one(StatusLine).left

        await pilot.press("backspace")
        await pilot.pause()
        assert view.focused_anchor == citation
