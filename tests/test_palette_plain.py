"""The command palette speaks plainly: a reader's commands only, article text as
written, and the chosen row marked by a shape that survives NO_COLOR."""

from __future__ import annotations

from pathlib import Path

import pytest
from screen_cells import rendered_rows, row_text
from textual.command import CommandList
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.content import load_library

TRAP = "[@click=app.quit]Q[/]"


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(5):
        await pilot.pause()


async def test_palette_offers_plain_commands_not_textuals_developer_ones(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for developer in ("Maximize", "Minimize", "Screenshot", "Keys", "Theme", "Quit"):
            assert developer not in titles
        helps = " ".join(command.help for command in app.get_system_commands(app.screen))
        assert "Textual" not in helps
        for wanted in ("Keys of this screen", "Choose a colour theme", "One column on or off"):
            assert wanted in titles


@pytest.mark.parametrize("no_color", [False, True])
async def test_palette_shows_titles_literally_and_marks_the_chosen_row(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    article = library_dir / "beta.md"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\n## ", f"\n## Trap {TRAP} here\n\n## ", 1), encoding="utf-8")
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_article("beta")
        await settle(pilot)
        await pilot.press("ctrl+p", *"trap")
        await settle(pilot)
        screen_text = [row_text(row) for row in rendered_rows(app)]
        shown = [line for line in screen_text if "Trap" in line]
        assert shown and TRAP in shown[0], screen_text
        # The highlighted row, and only it, carries the ▶.
        assert sum("▶" in line for line in screen_text) == 1
        assert "▶" in shown[0]
        # Clicking the words that would be a link in markup does nothing.
        commands = app.screen.query_one(CommandList)
        column = shown[0].index("Q[/]")
        row = screen_text.index(shown[0])
        await pilot.click(offset=(column, row))
        await settle(pilot)
        assert app.is_running
        assert commands is not None


async def test_theme_choice_offers_the_checked_themes_in_words(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        choose = next(
            c for c in app.get_system_commands(app.screen) if c.title == "Choose a colour theme"
        )
        choose.callback()
        await settle(pilot)
        screen_text = "\n".join(row_text(row) for row in rendered_rows(app))
        offered = {
            line.split("Theme: ")[1].split()[0]
            for line in screen_text.splitlines()
            if "Theme: " in line
        }
        assert offered == {
            "textual-dark",
            "textual-light",
            "wellread-high-contrast",
            "ansi-dark",
            "ansi-light",
        }
        assert "white on black" in screen_text
        await pilot.press(*"high", "enter")
        await settle(pilot)
        assert app.theme == "wellread-high-contrast"
