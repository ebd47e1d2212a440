"""Contrast of every pair of colours the app really draws, in every bundled theme.

The colours come from the frame the terminal would receive (not from the stylesheet):
each drawn letter against its own background must reach 4.5:1 (7:1 in the high-contrast
theme); other drawn marks (borders, scroll bars, markers) 3:1.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme
from screen_cells import (
    LIGHT_TERMINAL_THEME,
    contrast_ratio,
    drawn_colours,
    relative_luminance,
    rendered_rows,
)
from textual.pilot import Pilot

from tui.app import WellreadApp
from tui.content import load_library
from tui.settings import Settings
from tui.themes import HIGH_CONTRAST, THEME_CYCLE
from tui.widgets.article_view import ArticleView

# The terminal's own colours stand behind the ansi themes.
TERMINALS: dict[str, TerminalTheme] = {"ansi-light": LIGHT_TERMINAL_THEME}

Pair = tuple[tuple[int, int, int], tuple[int, int, int]]


def test_contrast_ratio_matches_wcag_examples() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21, abs=0.01)
    # WCAG's own borderline example: #777 on white just misses 4.5:1.
    assert contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert relative_luminance(255, 255, 255) == pytest.approx(1.0)


def is_text(char: str) -> bool:
    return char.isalnum()


async def collect(
    pilot: Pilot[None], screen: str, found: dict[Pair, dict[str, set[str]]], terminal: TerminalTheme
) -> None:
    """Record every (text, background) pair drawn now, with what was drawn in it."""
    for _ in range(3):
        await pilot.pause()
    for row in rendered_rows(pilot.app):
        for cell in row:
            if not cell.char.strip():
                continue
            pair = drawn_colours(cell.style, terminal)
            kind = "text" if is_text(cell.char) else "mark"
            found.setdefault(pair, {}).setdefault(kind, set()).add(f"{screen} {cell.char!r}")


async def drawn_pairs(library_dir: Path, theme: str) -> dict[Pair, dict[str, set[str]]]:
    terminal = TERMINALS.get(theme, DEFAULT_TERMINAL_THEME)
    found: dict[Pair, dict[str, set[str]]] = {}
    app = WellreadApp(load_library(library_dir), settings=Settings(theme=theme))
    async with app.run_test(size=(100, 30)) as pilot:
        assert app.theme == theme
        await collect(pilot, "library", found, terminal)
        await pilot.press("slash")
        await collect(pilot, "library filter", found, terminal)
        await pilot.press("escape")

        app.open_article("alpha")
        await pilot.press("slash", "t", "h", "e")
        await collect(pilot, "reader, find typed", found, terminal)
        await pilot.press("enter", "n")
        view = app.screen.query_one(ArticleView)
        assert len(view.matches) > 2 and view.match_index is not None
        await collect(pilot, "reader, find highlights", found, terminal)
        await pilot.press("question_mark")
        await collect(pilot, "help", found, terminal)
        await pilot.press("escape", "m")
        await collect(pilot, "bookmark note", found, terminal)
        await pilot.press("enter", "apostrophe")
        await collect(pilot, "bookmarks", found, terminal)
        await pilot.press("escape", "tab")
        await collect(pilot, "sidebar", found, terminal)
        await pilot.press("r", "enter")
        await collect(pilot, "cited in", found, terminal)
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await collect(pilot, "palette", found, terminal)
        await pilot.press("a", "l")
        await collect(pilot, "palette, typed", found, terminal)
        await pilot.press("escape")

        app.open_exercise("wall-sit")
        await collect(pilot, "card", found, terminal)
        await pilot.press("escape", "escape", "end", "enter", *"wall")
        await collect(pilot, "search", found, terminal)
        await pilot.press("down")
        await collect(pilot, "search results", found, terminal)
        # One pane at a time: each pane's name on its own line, above it.
        await pilot.resize_terminal(40, 12)
        await pilot.press("escape", "escape", "up")
        await collect(pilot, "library at 40x12", found, terminal)
    return found


@pytest.mark.parametrize("theme", THEME_CYCLE)
async def test_every_drawn_pair_has_enough_contrast(library_dir: Path, theme: str) -> None:
    text_minimum = 7.0 if theme == HIGH_CONTRAST.name else 4.5
    found = await drawn_pairs(library_dir, theme)
    assert len(found) >= 2  # text and its reverse, at least
    failures = []
    for (foreground, background), kinds in found.items():
        ratio = contrast_ratio(foreground, background)
        for kind, where in kinds.items():
            minimum = text_minimum if kind == "text" else 3.0
            if ratio < minimum:
                failures.append(f"{ratio:.2f}:1 {kind} {sorted(where)[:4]}")
    assert not failures, "\n".join(failures)
