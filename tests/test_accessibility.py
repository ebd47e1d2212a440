"""Accessibility of the full-screen app: colour, contrast, cursor, motion, small windows."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pilot_helpers import HeldTimers, article_ready, running_intervals, settle
from rich.console import Console
from textual._compositor import CompositorUpdate
from textual.geometry import Offset
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.content import load_library
from tui.screens.library import FilterInput
from tui.settings import Settings, load_settings, save_settings
from tui.themes import StripColour
from tui.widgets.article_view import ArticleView
from tui.widgets.bars import SearchLine, StatusLine
from tui.widgets.line_list import LineList
from tui.widgets.outline import Outline
from tui.widgets.sidebar import ExerciseList

GAMMA = "gamma"
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def _colour_parameters(output: str) -> list[str]:
    """SGR parameters that set a colour: 30-49 (with 38/48 extended) and 90-107."""
    found = []
    for params in SGR.findall(output):
        for part in params.split(";"):
            if part and (30 <= int(part) <= 49 or 90 <= int(part) <= 107):
                found.append(params)
                break
    return found


def _terminal_output(app: WellreadApp) -> str:
    """What the app would write to the terminal for a full repaint of its screen."""
    update = app.screen._compositor.render_update(full=True)
    assert isinstance(update, CompositorUpdate)
    console = Console(color_system="truecolor", force_terminal=True, width=200)
    return update.render_segments(console)


class FakeSpeaker:
    def __init__(self, available: bool = True) -> None:
        self.available = available
        self.spoken: list[str] = []
        self._speaking = False

    @property
    def speaking(self) -> bool:
        return self._speaking

    def speak(self, text: str) -> None:
        self.spoken.append(text)
        self._speaking = True

    def stop(self) -> None:
        self._speaking = False

    def failure(self) -> str | None:
        return self.problem

    problem: str | None = None


async def test_no_color_means_no_colour_codes(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await pilot.press("full_stop", "tab")
        assert app.no_color
        assert isinstance(app.get_line_filters()[0], StripColour)
        output = _terminal_output(app)
        assert "Gamma guide to stair climbing" in output
        assert _colour_parameters(output) == []
        # Focus is still there to see: reverse video and the heavy border of the pane.
        assert "7" in {p for params in SGR.findall(output) for p in params.split(";")}
        assert "┏" in output


async def test_colour_codes_are_there_without_no_color(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        assert _colour_parameters(_terminal_output(app)) != []


async def test_cursor_follows_focus_after_tab_and_section_jump(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        region = view.content_region
        assert app.cursor_position == Offset(region.x + view.left_margin, region.y)
        assert view.document is not None
        assert view.text_layout is not None
        heading = view.document.blocks[view.text_layout.lines[view.top_line].block].text
        assert heading == "1.1 Going up"  # the second heading of gamma.md

        await pilot.press("tab")
        await pilot.pause()
        sidebar_list = app.focused
        assert isinstance(sidebar_list, ExerciseList)
        first, _ = sidebar_list.entry_lines(sidebar_list.cursor)
        assert app.cursor_position.y == sidebar_list.content_region.y + first - round(
            sidebar_list.scroll_y
        )

        await pilot.press("tab")  # round to the outline
        await pilot.pause()
        outline = app.focused
        assert isinstance(outline, Outline)
        first, _ = outline.entry_lines(outline.cursor)
        assert app.cursor_position.y == outline.content_region.y + first - round(outline.scroll_y)


async def _still(pilot: Pilot[Any]) -> None:
    """Nothing on the screen can change by itself: no repeating timer runs (a blinking
    cursor, a spinner, a clock would need one), and idling changes nothing drawn."""
    await settle(pilot)
    assert running_intervals(pilot.app) == []
    before = pilot.app.export_screenshot()
    for _ in range(5):
        await pilot.pause()
    assert pilot.app.export_screenshot() == before


async def test_idle_screens_do_not_change(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        app.screen.query_one(FilterInput).focus()  # a text cursor, which must not blink
        await _still(pilot)
        app.open_article(GAMMA)
        await article_ready(pilot)
        await _still(pilot)
        app.screen.query_one(SearchLine).focus()
        await _still(pilot)


async def test_a_blinking_cursor_would_be_seen(library_dir: Path) -> None:
    """The check above can fail: a text cursor left to blink is a running timer."""
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        field = app.screen.query_one(FilterInput)
        field.cursor_blink = True
        field.focus()
        await pilot.pause()
        assert running_intervals(app) != []


async def test_animations_setting_turns_them_off(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), settings=Settings(animations=False))
    async with app.run_test(size=(80, 24)):
        assert app.animation_level == "none"


async def test_small_window_shows_one_pane_and_reflows(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA)
    async with app.run_test(size=(40, 12)) as pilot:
        await article_ready(pilot)
        screen = app.screen
        view = screen.query_one(ArticleView)
        assert app.focused is view
        assert view.display and not screen.query_one(Outline).display
        assert view.region.width == 40
        layout = view.text_layout
        assert layout is not None
        assert all(line.end - line.start <= layout.width for line in layout.lines)
        # Every drawn line fits the window: nothing to scroll sideways.
        for y in range(view.content_region.height):
            assert view.render_line(y).cell_length <= 40
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, LineList) and not view.display
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is view and view.display


async def test_reading_width_changes_within_limits_and_persists(library_dir: Path) -> None:
    app = WellreadApp(
        load_library(library_dir), open_slug=GAMMA, settings=Settings(reading_width=72)
    )
    async with app.run_test(size=(160, 40)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("plus")
        assert view.reading_width == 76 and view.wrap_width == 76
        for _ in range(20):
            await pilot.press("plus")
        assert view.reading_width == 120
        for _ in range(30):
            await pilot.press("minus")
        assert view.reading_width == 40
    settings, _ = load_settings()
    assert settings.reading_width == 40


async def test_read_aloud_speaks_the_section_and_any_key_stops(library_dir: Path) -> None:
    speaker = FakeSpeaker()
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA, speaker=speaker)
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        view = app.screen.query_one(ArticleView)
        await pilot.press("right_square_bracket", "a")
        assert speaker.speaking
        assert speaker.spoken[0].startswith("Section 1: Why stairs load the legs")
        top = view.top_line
        await pilot.press("j")
        assert not speaker.speaking
        assert view.top_line == top  # the key only stopped the voice


async def test_read_aloud_without_a_synthesiser_says_how_to_get_one(library_dir: Path) -> None:
    app = WellreadApp(
        load_library(library_dir), open_slug=GAMMA, speaker=FakeSpeaker(available=False)
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await article_ready(pilot)
        await pilot.press("a")
        assert "install espeak-ng" in app.screen.query_one(StatusLine).left


async def test_theme_key_cycles_and_the_choice_persists(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != first
        chosen = app.theme
    settings, _ = load_settings()
    assert settings.theme == chosen
    again = WellreadApp(load_library(library_dir), settings=settings)
    async with again.run_test(size=(80, 24)):
        assert again.theme == chosen


def test_broken_settings_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("this is [not toml", encoding="utf-8")
    settings, message = load_settings(path)
    assert settings == Settings()
    assert message is not None and "moved to" in message
    assert (tmp_path / "config.toml.broken").read_text(encoding="utf-8") == "this is [not toml"
    save_settings(Settings(theme="ansi-dark"), path)
    assert load_settings(path)[0].theme == "ansi-dark"


async def test_wellread_commands_are_in_the_palette(library_dir: Path) -> None:
    app = WellreadApp(load_library(library_dir))
    async with app.run_test(size=(80, 24)):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for wanted in ("Next colour theme", "High-contrast theme", "Animations on or off"):
            assert wanted in titles
        toggle = next(
            c for c in app.get_system_commands(app.screen) if c.title.startswith("Show or hide")
        )
        toggle.callback()
        assert app.settings.show_cursor is True
    assert load_settings()[0].show_cursor is True


async def test_read_aloud_says_when_nothing_could_be_heard(
    library_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    speaker = FakeSpeaker()
    speaker.problem = "no sound device was found"
    app = WellreadApp(load_library(library_dir), open_slug=GAMMA, speaker=speaker)
    timers = HeldTimers(app, monkeypatch)
    async with app.run_test(size=(120, 30)) as pilot:
        await article_ready(pilot)
        await timers.fire(pilot)  # what the app set at its start (the parser loaded ahead)
        await pilot.press("a")
        speaker._speaking = False  # it ended at once, as espeak-ng does without a sound card
        assert "Could not read aloud" not in app.screen.query_one(StatusLine).left
        assert await timers.fire(pilot) == 1  # the app's look, a moment later
        assert (
            "Could not read aloud: no sound device was found"
            in app.screen.query_one(StatusLine).left
        )
