"""Colour themes, and the filter that removes colour altogether for NO_COLOR.

Focus is always shown by shape too (heavy border, ▶ marker, reverse video), so every
theme, and no colour at all, keeps it visible.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="wellread-high-contrast",
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFFF00",
    warning="#FFD700",
    error="#FF8080",
    success="#80FF80",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#000000",
    boost="#000000",
    dark=True,
    luminosity_spread=0.0,
    text_alpha=1.0,
    variables={
        "block-cursor-background": "#FFFF00",
        "block-cursor-foreground": "#000000",
        "block-cursor-text-style": "bold",
        "block-cursor-blurred-background": "#FFFFFF",
        "block-cursor-blurred-foreground": "#000000",
        "border": "#FFFF00",
        "border-blurred": "#FFFFFF",
        "footer-key-foreground": "#FFFF00",
        "input-cursor-background": "#FFFFFF",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#FFFF00",
        "scrollbar": "#FFFFFF",
        "scrollbar-background": "#000000",
        "text-muted": "#FFFFFF",
    },
)

# The themes the theme key steps through, in order; the command palette offers all.
THEME_CYCLE = (
    "textual-dark",
    "textual-light",
    HIGH_CONTRAST.name,
    "ansi-dark",
    "ansi-light",
)
DEFAULT_THEME = "textual-dark"


class StripColour(LineFilter):
    """Drop every colour, keeping bold, underline, italic and reverse (NO_COLOR)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        return [
            Segment(text, None if style is None else style.without_color, control)
            for text, style, control in segments
        ]
