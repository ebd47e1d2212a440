"""A widget's finished lines (content, border, title, colours) kept across repaints that
change nothing they show.

Textual throws away every line a widget drew whenever the widget is refreshed for
any reason (its focus changed, a style was set again to the same look, a pane beside
it moved) and draws each again: border, padding and colours around the content line,
then the screen's colour filter over the new line. For a pane of forty lines that
is several milliseconds a key. Here a line drawn before is handed back when the
content line is the same as last time (the very same object, for widgets that keep
their drawn content lines as the article view does, or an equal one) and the look
around it (size, border, title, colours, theme) is the same: the line object is the same
too, so the colour filter's own cache answers as well. A few looks are kept, so a
pane going back and forth between two (focused, not focused) keeps both.

A frame that draws no content of its own (a container whose children cover it)
keeps its lines by look alone, and draws one line for all those between its top and
bottom borders.

This swaps Textual 8's private per-widget `StylesCache` (`Widget._styles_cache`) for
a subclass; tests/test_kept_lines.py checks the lines against Textual's own. The
article and the lists, whose lines move as they scroll, have their own such cache,
keyed by the line shown rather than by row (tui/widgets/composed_lines.py); this one
is for the frames around them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme
from textual._styles_cache import StylesCache
from textual.color import Color
from textual.content import Content
from textual.css.styles import StylesBase
from textual.filter import LineFilter
from textual.geometry import Region, Size, Spacing
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

# Looks kept a widget: focused and not, and the one before a theme change.
LOOKS = 3

Label = tuple[Content, Color, Color, Style] | None


class KeptLinesCache(StylesCache):
    """A StylesCache that keeps finished lines per look, see the module's doc."""

    def __init__(self, blank_content: bool = False) -> None:
        super().__init__()
        # True for a frame whose content area is always blank (children cover it).
        self.blank_content = blank_content
        self._looks: dict[Hashable, dict[int, tuple[Strip | None, Strip]]] = {}
        self._lines: dict[int, tuple[Strip | None, Strip]] = {}

    def render(
        self,
        styles: StylesBase,
        size: Size,
        base_background: Color,
        background: Color,
        render_content_line: Callable[[int], Strip],
        filters: Sequence[LineFilter],
        border_title: Label,
        border_subtitle: Label,
        content_size: Size | None = None,
        padding: Spacing | None = None,
        crop: Region | None = None,
        opacity: float = 1.0,
        ansi_theme: TerminalTheme = DEFAULT_TERMINAL_THEME,
        native_ansi: bool = False,
    ) -> list[Strip]:
        # Everything a line's look depends on besides its content line, as
        # StylesCache.render_line reads it.
        look = (
            size,
            content_size,
            padding,
            styles.gutter,
            styles.border,
            styles.outline,
            styles.color,
            styles.text_style,
            styles.tint,
            styles.text_opacity,
            styles.hatch if styles.has_rule("hatch") else None,
            styles.border_title_align,
            styles.border_subtitle_align,
            base_background,
            background,
            border_title,
            border_subtitle,
            opacity,
            id(ansi_theme),
            native_ansi,
        )
        lines = self._looks.pop(look, None)
        if lines is None:
            lines = {}
            while len(self._looks) >= LOOKS:
                del self._looks[next(iter(self._looks))]
        self._looks[look] = lines  # the newest last
        self._lines = lines
        return super().render(
            styles,
            size,
            base_background,
            background,
            render_content_line,
            filters,
            border_title,
            border_subtitle,
            content_size,
            padding,
            crop,
            opacity,
            ansi_theme,
            native_ansi,
        )

    def render_line(
        self,
        styles: StylesBase,
        y: int,
        size: Size,
        content_size: Size,
        padding: Spacing,
        base_background: Color,
        background: Color,
        render_content_line: Callable[[int], Strip],
        *rest: Any,
    ) -> Strip:
        content: Strip | None = None
        gutter = styles.gutter
        inside = gutter.top <= y < size.height - gutter.bottom
        if self.blank_content:
            # Every line between the top and bottom borders is the same: one line
            # object for all (the compositor then cuts it up once, not once a line).
            y = gutter.top if inside else y
        elif inside and y - gutter.top < content_size.height:
            content = render_content_line(y - gutter.top)
        kept = self._lines.get(y)
        # The same content line, or an equal one (a list draws its lines anew each time).
        if kept is not None and (kept[0] is content or kept[0] == content):
            return kept[1]
        if content is not None:
            # Drawn once: StylesCache asks for the same content line again.
            drawn = content

            def given(_y: int) -> Strip:
                return drawn

        strip = super().render_line(
            styles,
            y,
            size,
            content_size,
            padding,
            base_background,
            background,
            render_content_line if content is None else given,
            *rest,
        )
        self._lines[y] = (content, strip)
        return strip


def keep_lines(widget: Widget, blank_content: bool = False) -> None:
    """Give *widget* (in its __init__) a styles cache that keeps its finished lines."""
    widget._styles_cache = KeptLinesCache(blank_content)
