"""What a Pilot test's screen really shows, cell by cell, and how far apart two colours are.

Tests read the frame the compositor would send to the terminal (dialogs over the dimmed
screen beneath included), not the stylesheet, so what they check is what a reader sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len
from rich.color import Color as RichColor
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme
from textual.app import App
from textual.color import Color


@dataclass(frozen=True)
class Cell:
    char: str
    style: Style


def rendered_rows(app: App[Any]) -> list[list[Cell]]:
    """The whole screen as the terminal would receive it, one list of cells per row."""
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    rows: list[list[Cell]] = []
    for chops in update.strips:  # type: ignore[union-attr]
        row: list[Cell] = []
        for strip in chops:
            for text, style, control in strip:
                if control:
                    continue
                for char in text:
                    row.append(Cell(char, style or Style()))
                    # A wide character covers two cells; the second holds nothing.
                    row.extend(Cell("", style or Style()) for _ in range(cell_len(char) - 1))
        rows.append(row)
    return rows


def row_text(row: list[Cell]) -> str:
    return "".join(cell.char for cell in row)


def relative_luminance(red: int, green: int, blue: int) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(first: tuple[int, int, int], second: tuple[int, int, int]) -> float:
    """WCAG 2 contrast ratio, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(*first), relative_luminance(*second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)


# The terminal's own colours (the ansi themes, "default") as a common light terminal
# shows them: black on white with xterm's palette.
LIGHT_TERMINAL_THEME = TerminalTheme(
    (255, 255, 255),
    (0, 0, 0),
    [
        (0, 0, 0),
        (205, 0, 0),
        (0, 205, 0),
        (205, 205, 0),
        (0, 0, 238),
        (205, 0, 205),
        (0, 205, 205),
        (229, 229, 229),
    ],
    [
        (127, 127, 127),
        (255, 0, 0),
        (0, 255, 0),
        (255, 255, 0),
        (92, 92, 255),
        (255, 0, 255),
        (0, 255, 255),
        (255, 255, 255),
    ],
)


def rgb(
    colour: RichColor | Color | None, foreground: bool, terminal: TerminalTheme
) -> tuple[int, int, int]:
    """An sRGB triple for a drawn colour; None and "default" are the terminal's own."""
    if isinstance(colour, Color):
        return colour.rgb
    if colour is None or colour.is_default:
        triplet = terminal.foreground_color if foreground else terminal.background_color
        return (triplet.red, triplet.green, triplet.blue)
    triplet = colour.get_truecolor(terminal, foreground=foreground)
    return (triplet.red, triplet.green, triplet.blue)


def drawn_colours(
    style: Style, terminal: TerminalTheme = DEFAULT_TERMINAL_THEME
) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """(text colour, background colour) of a cell as the terminal paints it."""
    foreground = rgb(style.color, True, terminal)
    background = rgb(style.bgcolor, False, terminal)
    if style.reverse:
        foreground, background = background, foreground
    return foreground, background
