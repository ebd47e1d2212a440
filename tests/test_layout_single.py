"""The single layout: one pane at full width at any window size, for screen readers
and braille displays, chosen in the settings file, on the command line or in the palette."""

from __future__ import annotations

from pathlib import Path

from screen_cells import rendered_rows
from textual.errors import NoWidget
from textual.pilot import Pilot
from textual.widget import Widget

from tui.app import WellreadApp
from tui.cli import build_parser
from tui.content import load_library
from tui.settings import Settings, load_settings
from tui.widgets.article_view import ArticleView
from tui.widgets.outline import Outline
from tui.widgets.sidebar import ExerciseList, ReferenceList

# What Textual and wellread draw as scroll bars and thumbs.
SCROLL_GLYPHS = set("▁▂▃▄▅▆▇█▔▐▕▌")


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(5):
        await pilot.pause()


def widgets_with_text_per_row(app: WellreadApp) -> list[set[Widget]]:
    rows = []
    for y, row in enumerate(rendered_rows(app)):
        found: set[Widget] = set()
        for x, cell in enumerate(row):
            if cell.char.isalnum():
                try:
                    widget, _ = app.screen.get_widget_at(x, y)
                except NoWidget:
                    continue
                found.add(widget)
        rows.append(found)
    return rows


async def assert_one_pane_per_line(pilot: Pilot[None], where: str) -> None:
    await settle(pilot)
    app = pilot.app
    assert isinstance(app, WellreadApp)
    for y, widgets in enumerate(widgets_with_text_per_row(app)):
        assert len(widgets) <= 1, f"{where}, line {y}: text from {widgets}"
    glyphs = {cell.char for row in rendered_rows(app) for cell in row} & SCROLL_GLYPHS
    assert not glyphs, f"{where}: scroll bar glyphs {glyphs}"
    # The pane on show has the focus, and the terminal cursor is in it.
    assert app.focused is not None
    assert app.focused.content_region.contains(*app.cursor_position), where


async def test_single_layout_shows_one_pane_per_line_at_120_columns(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), settings=Settings(layout="single"))
    async with app.run_test(size=(120, 40)) as pilot:
        await assert_one_pane_per_line(pilot, "library")
        app.open_article("alpha")
        await assert_one_pane_per_line(pilot, "article")
        view = app.screen.query_one(ArticleView)
        assert app.focused is view and view.region.width == 120
        await pilot.press("tab")
        await assert_one_pane_per_line(pilot, "related exercises")
        assert isinstance(app.focused, ExerciseList) and app.focused.region.width == 120
        assert not view.display
        await pilot.press("r")
        await assert_one_pane_per_line(pilot, "references")
        assert isinstance(app.focused, ReferenceList)
        await pilot.press("tab")
        await assert_one_pane_per_line(pilot, "contents")
        assert isinstance(app.focused, Outline) and app.focused.region.width == 120
        await pilot.press("escape")
        await settle(pilot)
        assert app.focused is view and view.display
        await pilot.press("question_mark")
        await assert_one_pane_per_line(pilot, "help")
        help_text = " ".join("".join(cell.char for cell in row) for row in rendered_rows(app))
        assert "One pane at a time" in help_text and "Centre" not in help_text
        await pilot.press("escape")
        app.open_exercise("wall-sit")
        await assert_one_pane_per_line(pilot, "exercise card")


async def test_palette_command_switches_the_layout_and_keeps_it(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        outline = app.screen.query_one(Outline)
        assert outline.display  # three panes side by side
        toggle = next(
            c for c in app.get_system_commands(app.screen) if c.title == "One column on or off"
        )
        toggle.callback()
        await assert_one_pane_per_line(pilot, "article after the switch")
        assert not outline.display
    assert load_settings()[0].layout == "single"


def test_layout_from_the_settings_file_and_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('layout = "single"\n', encoding="utf-8")
    assert load_settings(path)[0].layout == "single"
    path.write_text('layout = "sideways"\n', encoding="utf-8")
    assert load_settings(path)[0].layout == "auto"
    assert build_parser().parse_args(["--layout", "single"]).layout == "single"
    assert build_parser().parse_args(["--layout", "single", "open", "alpha"]).layout == "single"


async def test_help_in_a_small_window_puts_each_description_under_its_keys(
    library_dir: Path,
) -> None:
    app = WellreadApp(load_library(library_dir), open_slug="alpha")
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        text = app.screen.text.plain  # type: ignore[attr-defined]
        assert text.startswith("One pane at a time")
        lines = text.splitlines()
        back = lines.index("      Back (to the article, or to the library)")
        assert lines[back - 1].strip() == "Esc, q"
