"""Keeping a widget's lines as composed with its border, for line-API widgets whose
own lines are kept already (the article's, a list's).

Textual keeps a widget's finished lines by screen row only: once a pane scrolls,
every row is composed again from the widget's line (border, padding, background,
tint), about a tenth of a millisecond a line, while the widget's own line is taken
whole from its cache. Here a finished line is kept by the widget's line it was made
from and the look of the widget around it, so a row showing a line composed before
(the line below it a moment ago, j; the other end of the article, G then g) costs a
lookup, and hands the compositor the same strip it has cut up before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Self

from rich.segment import Segment
from textual._styles_cache import StylesCache
from textual.cache import LRUCache
from textual.color import Color
from textual.css.styles import StylesBase
from textual.geometry import Region, Size, Spacing
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.widget import Widget

# Finished lines kept a widget: a few screens of them.
COMPOSED_LINES = 512
# Kinds of scroll bar row kept (a new theme brings new ones).
KEPT_ROWS = 64

# The segments left and right of a content line (its border), by look.
Rims = tuple[tuple[Segment, ...], tuple[Segment, ...]]


class ComposedLines(StylesCache):
    """A widget's styles cache that keeps composed content lines by the line they show.

    A widget's line is a strip object it keeps and hands out again for the same text
    (strips compare by their segments, so they are kept by identity here, with the
    strip held so its id is not reused while the entry lives)."""

    def __init__(self) -> None:
        super().__init__()
        self._composed: LRUCache[tuple[int, int], tuple[Strip, Strip]]
        self._composed = LRUCache(COMPOSED_LINES)
        # The look of the widget around its lines, worked out once a frame, as a number
        # (a line's key is hashed once a row): looks seen are numbered in _looks.
        self._look: int | None = None
        self._looks: dict[tuple[object, ...], int] = {}
        # Border and padding rows by row, look and border titles.
        self._edges: LRUCache[tuple[object, ...], Strip] = LRUCache(KEPT_ROWS)
        # By look: the segments Textual puts left and right of a content line, when
        # that is all it does to one (see _rims_of); None when it does more.
        self._rims: dict[int, Rims | None] = {}

    def render(self, styles: StylesBase, *args: Any, **kwargs: Any) -> list[Strip]:
        # The look is worked out at the first content line of this frame, not per line.
        self._look = None
        return super().render(styles, *args, **kwargs)

    def _number(self, look: tuple[object, ...]) -> int:
        if len(self._looks) > KEPT_ROWS:
            # Many looks (themes tried one after another): numbers start again, and
            # lines kept under the old ones go with them.
            self._looks.clear()
            self._composed.clear()
            self._edges.clear()
            self._rims.clear()
        return self._looks.setdefault(look, len(self._looks))

    def _look_of(
        self, styles: StylesBase, size: Size, content_size: Size, padding: Spacing, *rest: Any
    ) -> tuple[object, ...]:
        """All that a row's composition depends on besides the line itself (and, for a
        border row, its titles): the sizes, the colours beneath, the border, outline,
        tint and opacities, where titles stand, and the render_line arguments after the
        content callback (titles aside)."""
        base_background, background, _content, _title, _subtitle, *more = rest
        hatch = styles.hatch if styles.has_rule("hatch") else None
        return (
            size,
            content_size,
            padding,
            base_background,
            background,
            styles.border,
            styles.outline,
            styles.tint,
            styles.text_opacity,
            hatch,
            styles.border_title_align,  # where a border row's titles stand
            styles.border_subtitle_align,
            *(id(value) if not isinstance(value, (int, float)) else value for value in more),
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
        *args: Any,
        **kwargs: Any,
    ) -> Strip:
        gutter = styles.gutter
        content_y = y - gutter.top
        height = size.height
        compose = super().render_line

        def composed(content: Callable[[int], Strip]) -> Strip:
            """The row as Textual composes it around *content*."""
            return compose(
                styles,
                y,
                size,
                content_size,
                padding,
                base_background,
                background,
                content,
                *args,
                **kwargs,
            )

        look = self._look
        if look is None:
            look = self._look = self._number(
                self._look_of(
                    styles,
                    size,
                    content_size,
                    padding,
                    base_background,
                    background,
                    render_content_line,
                    *args,
                )
            )
        if not (0 <= content_y < content_size.height and y < height - gutter.bottom):
            # Border and padding rows: the same for the same look and titles (a focus
            # change and back, or a move, draws none of them again).
            edge_key = (y, look, args[0] if args else None, args[1] if len(args) > 1 else None)
            edge = self._edges.get(edge_key)
            if edge is None:
                edge = self._edges[edge_key] = composed(render_content_line)
            return edge
        if not 0 < y < height - 1:
            # A content row on the first or last row (no border): an outline would be
            # drawn over it, so it is composed as Textual does.
            return composed(render_content_line)
        line = render_content_line(content_y)
        key = (id(line), look)
        kept = self._composed.get(key)
        if kept is not None and kept[0] is line:
            return kept[1]
        if look in self._rims:
            rims = self._rims[look]
        else:
            opacity = args[2] if len(args) > 2 else 1.0
            rims = self._rims_of(look, styles, content_size.width, padding, opacity, composed)
        if rims is not None and line.cell_length == content_size.width:
            left, right = rims
            row = Strip([*left, *line, *right], size.width)
        else:
            row = composed(lambda _y: line)
        self._composed[key] = (line, row)
        return row

    def _rims_of(
        self,
        look: int,
        styles: StylesBase,
        content_width: int,
        padding: Spacing,
        opacity: object,
        composed: Callable[[Callable[[int], Strip]], Strip],
    ) -> Rims | None:
        """What Textual puts either side of a content line of this look (its border),
        when it changes nothing else: no padding at the sides, tint, opacity, hatch or
        outline. Then a new row is one strip of the line between its rims, not Textual's
        composition (about a tenth of a millisecond a row, on every row of a page
        down). Found by composing a probe line and checking it came through untouched."""
        rims: Rims | None = None
        plain = (
            not (padding.left or padding.right)
            and opacity == 1.0
            and styles.text_opacity == 1.0
            and not styles.tint.a
            and not (styles.has_rule("hatch") and styles.hatch != "none")
            and not any(edge for edge, _ in styles.outline)
        )
        if plain and content_width > 0:
            blank = Segment(" " * content_width)
            probe = Strip([blank], content_width)
            row = list(composed(lambda _y: probe))
            left = 1 if styles.border_left[0] else 0
            right = 1 if styles.border_right[0] else 0
            if len(row) == left + 1 + right and row[left] == blank:
                rims = (tuple(row[:left]), tuple(row[left + 1 :]))
        self._rims[look] = rims
        return rims


def keep_composed_lines(widget: Widget) -> None:
    """Give *widget* a styles cache that keeps its composed lines (see ComposedLines)."""
    # Textual's own attribute: its StylesCache, set as the widget is made.
    widget._styles_cache = ComposedLines()


class KeptScrollBar(ScrollBar):
    """A vertical scroll bar whose alike rows are one strip, composed once.

    Textual draws a bar again whenever its list scrolls (every row of it, each as a
    new strip), though a bar's rows are of two or three kinds (track, thumb, the
    thumb's ends); handing back the strip kept for a row's segments lets the styles
    cache and the compositor reuse what they made of it before."""

    def __init__(self, thickness: int) -> None:
        super().__init__(vertical=True, name="vertical", thickness=thickness)
        keep_composed_lines(self)
        self._rows: dict[tuple[Segment, ...], Strip] = {}
        # Whole bars drawn, by all they show: a list going back to a place (G, g)
        # shows a bar it drew before.
        self._bars: LRUCache[tuple[object, ...], Any] = LRUCache(KEPT_ROWS)
        # The bar on screen (its render cache), once drawn.
        self._shown: Any = None

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        # A list's bar is told of every change of its list's length and place, and
        # repaints each time; a long list (the outline, as a search's counts come and
        # go) mostly keeps the very same rows. A repaint of a bar that would draw what
        # it shows is left out.
        shown = self._shown
        if not (regions or layout or recompose) and shown is not None and self.is_mounted:
            drawn = self._drawn_now()
            if drawn is not None and drawn.lines == shown.lines:
                return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _drawn_now(self) -> Any:
        """The bar as it would be drawn now (a render cache, kept), or None."""
        if not self.size or self.parent is None:
            return None
        self._render_content()
        return self._render_cache

    def _render_content(self) -> None:
        # Textual's own step (private) that draws the bar into _render_cache.
        self._draw()
        self._shown = self._render_cache

    def _draw(self) -> None:
        bar = self.render()
        if not isinstance(bar, ScrollBarRender):
            super()._render_content()
            return
        key = (
            self.size,
            self.visual_style,
            bar.virtual_size,
            bar.window_size,
            bar.position,
            bar.thickness,
            bar.vertical,
            bar.style,
        )
        drawn = self._bars.get(key)
        if drawn is None:
            super()._render_content()
            self._bars[key] = self._render_cache
        else:
            self._render_cache = drawn
            self._dirty_regions.clear()

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        if len(self._rows) > KEPT_ROWS:
            self._rows.clear()
        return self._rows.setdefault(tuple(line), line)


def kept_vertical_scrollbar(widget: Widget) -> KeptScrollBar:
    """A KeptScrollBar for *widget*, started as Textual starts its own bars."""
    bar = KeptScrollBar(widget.scrollbar_size_vertical)
    bar.display = False
    widget.app._start_widget(widget, bar)
    return bar
