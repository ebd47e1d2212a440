"""/ opens the find line from whichever pane has the focus (the contents, the related
exercises, the references), not only from the article; Esc gives the focus back to that
pane, and Enter takes the reader to the article, where the matches are."""

from __future__ import annotations

from pathlib import Path

from pilot_helpers import reading, settle

from tui.screens.help import help_text
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import SearchLine
from tui.widgets.outline import Outline
from tui.widgets.sidebar import ExerciseList


async def test_slash_in_the_contents_opens_the_find_line_and_esc_comes_back(
    library_dir: Path,
) -> None:
    async with reading(library_dir, "alpha") as (app, pilot):
        outline = app.screen.query_one(Outline)
        line = app.screen.query_one(SearchLine)
        outline.focus()
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert line.display and app.focused is line
        await pilot.press("e", "x")
        await settle(pilot)
        assert line.value == "ex"  # typed into the line, not taken as the list's keys
        await pilot.press("escape")
        await settle(pilot)
        assert not line.display
        assert app.focused is outline


async def test_enter_after_slash_in_a_side_pane_goes_to_the_article(library_dir: Path) -> None:
    async with reading(library_dir, "alpha") as (app, pilot):
        view = app.screen.query_one(ArticleView)
        exercises = app.screen.query_one(ExerciseList)
        exercises.focus()
        await settle(pilot)
        await pilot.press("slash", "t", "h", "e", "enter")
        await settle(pilot)
        assert app.focused is view
        assert view.matches and view.match_index is not None
        # The next / and Esc start from the article: Esc leaves the focus there.
        await pilot.press("slash", "escape")
        await settle(pilot)
        assert app.focused is view


async def test_help_lists_slash_once_as_the_screens_key(library_dir: Path) -> None:
    async with reading(library_dir, "alpha") as (app, _pilot):
        lines = help_text(app, app.screen, 100).plain.splitlines()
        slash = [text for text in lines if text.strip().startswith("/ ")]
        assert len(slash) == 1
        # Under the screen's own heading, before the panes' keys.
        assert lines.index(slash[0]) < lines.index("Contents, Related exercises, References")
