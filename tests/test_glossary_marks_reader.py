"""Marked terms in the full-screen app: . moves to one, Enter shows what it means,
Backspace or Escape comes back to the same place; marks are visible without colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from glossary_support import GLOSSARY, card, write_library
from pilot_helpers import article_ready, settle
from rich.terminal_theme import DEFAULT_TERMINAL_THEME
from screen_cells import (
    LIGHT_TERMINAL_THEME,
    Cell,
    contrast_ratio,
    drawn_colours,
    rendered_rows,
    row_text,
)
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.content import load_library
from tui.render.terms import TERM
from tui.screens.exercise import ExerciseScreen
from tui.screens.reader import ReaderScreen
from tui.screens.term import TermScreen
from tui.settings import Settings
from tui.themes import HIGH_CONTRAST, THEME_CYCLE
from tui.widgets.article_view import ArticleView


def screen_text(app: WellreadApp) -> str:
    return "\n".join(row_text(row) for row in rendered_rows(app))


def focused_term(view: ArticleView) -> str | None:
    if view.focused_anchor is None or view.document is None:
        return None
    block, index = view.focused_anchor
    anchor = view.document.blocks[block].anchors[index]
    return anchor.targets[0] if anchor.kind == TERM else None


async def open_bones(pilot: Pilot[None], app: WellreadApp) -> ArticleView:
    app.open_article("bones")
    await article_ready(pilot)
    assert isinstance(app.screen, ReaderScreen)
    return app.screen.view


@pytest.mark.parametrize("key", ["backspace", "escape"])
async def test_enter_on_a_marked_term_shows_it_and_a_key_comes_back(
    tmp_path: Path, key: str
) -> None:
    app = WellreadApp(load_library(write_library(tmp_path / "library")))
    async with app.run_test(size=(100, 30)) as pilot:
        view = await open_bones(pilot, app)
        # "Bone density is measured with a DXA scan [@rowe2021]."
        await pilot.press("full_stop")
        assert focused_term(view) == "bone mineral density"
        await pilot.press("full_stop")
        assert focused_term(view) == "DXA"
        place = view.place
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TermScreen)
        text = screen_text(app)
        assert "A low-dose X-ray scan of bone." in text
        assert "Also called: DXA scan, bone density scan." in text
        await pilot.press(key)
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.view is view and app.focused is view
        assert view.place == place and focused_term(view) == "DXA"
        # The reader carries on from the term: the next anchor is the citation.
        await pilot.press("full_stop")
        assert focused_term(view) is None and view.focused_anchor is not None


async def test_a_term_on_an_exercise_card_shows_its_meaning(tmp_path: Path) -> None:
    cards = {"chair-rise": card(how="Check your T score first, then stand up.")}
    app = WellreadApp(load_library(write_library(tmp_path / "library", cards)))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_exercise("chair-rise")
        await settle(pilot)
        assert isinstance(app.screen, ExerciseScreen)
        view = app.screen.view
        await pilot.press("full_stop")
        assert focused_term(view) == "T-score"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TermScreen)
        assert "Your bone density against a young adult's." in screen_text(app)
        await pilot.press("backspace")
        await settle(pilot)
        assert isinstance(app.screen, ExerciseScreen) and focused_term(view) == "T-score"


async def test_a_term_is_shown_as_written_never_as_markup(tmp_path: Path) -> None:
    root = write_library(tmp_path / "library")
    hostile = GLOSSARY.replace('"A low-dose X-ray scan of bone."', '"[bold]not bold[/bold] [@x]"')
    (root / "glossary.yaml").write_text(hostile, encoding="utf-8")
    app = WellreadApp(load_library(root))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_bones(pilot, app)
        await pilot.press("full_stop", "full_stop", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TermScreen)
        assert "[bold]not bold[/bold] [@x]" in screen_text(app)


async def test_a_library_without_a_glossary_marks_nothing(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_article("alpha")
        await article_ready(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.rendered is not None
        kinds = {a.kind for b in app.screen.rendered.blocks for a in b.anchors}
        assert TERM not in kinds


def term_cells(app: WellreadApp, word: str) -> list[Cell]:
    """The cells drawing the first *word* in the article pane."""
    for row in rendered_rows(app):
        at = row_text(row).find(word)
        if at >= 0:
            return row[at : at + len(word)]
    raise AssertionError(f"{word!r} is not on screen")


@pytest.mark.parametrize("theme", THEME_CYCLE)
async def test_a_marked_term_is_underlined_and_readable_in_every_theme(
    tmp_path: Path, theme: str
) -> None:
    minimum = 7.0 if theme == HIGH_CONTRAST.name else 4.5
    app = WellreadApp(
        load_library(write_library(tmp_path / "library")), settings=Settings(theme=theme)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await open_bones(pilot, app)
        marked = term_cells(app, "DXA scan")
        plain = term_cells(app, "measured")
        terminal = LIGHT_TERMINAL_THEME if theme == "ansi-light" else DEFAULT_TERMINAL_THEME
        # Visible without colour: underlined where the words around it are not.
        assert all(cell.style.underline for cell in marked)
        # Doubly where the terminal can, to tell it from a citation's single line.
        assert all(cell.style.underline2 for cell in marked)
        assert not any(cell.style.underline for cell in plain)
        for cell in marked:
            foreground, background = drawn_colours(cell.style, terminal)
            assert contrast_ratio(foreground, background) >= minimum
