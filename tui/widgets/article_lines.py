"""Drawing an article's laid-out lines: the line-API half of the article viewport.

The widget draws the lines of its layout from a top line down, at a margin that
centres the reading column, with a position thumb at the right edge. Drawn lines
are kept in one cache, keyed by all a line's look depends on (its block and place in
it, margin, width, highlights); only new styles empty it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Self

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region
from textual.reactive import reactive, var
from textual.strip import Strip
from textual.widget import Widget

from tui.render.blocks import RenderedDocument, Span, TextBlock
from tui.render.layout import Layout
from tui.render.progress import thumb_rows
from tui.render.tables import shown_spans
from tui.widgets.component_styles import ComponentStyleMemo, RuleMemo
from tui.widgets.composed_lines import keep_composed_lines
from tui.widgets.strips import TextStyles, line_segments

# The position thumb at the right edge; lines without it keep the column blank.
THUMB = "▐"

# A drawn line's key: its block's id, start, end, first and blank, the layout's width,
# the margin, the view's width, the spans over it and whether the thumb is on it.
_StripKey = tuple[int, int, int, bool, bool, int, int, int, tuple["Span", ...], bool]

# A block's index to the spans drawn over its own styles.
Highlighter = Callable[[int], tuple[Span, ...]]


@dataclass(frozen=True)
class _Frame:
    """What every line of one frame needs, looked up once a frame."""

    layout: Layout | None
    top_line: int
    base: Style
    width: int
    margin: int
    thumb: Style
    thumb_rows: range
    highlighter: Highlighter | None


class ArticleLines(Widget):
    """Lines of a rendered document's layout at a readable width, from a top line down."""

    top_line: reactive[int] = reactive(0, init=False)
    # The layout at the current width.
    text_layout: var[Layout | None] = var(None, init=False)

    def __init__(
        self,
        document: RenderedDocument | None,
        reading_width: int,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        # Given at construction, the document is laid out by the first frame that
        # draws the view, so the screen's first paint already shows the article.
        self.document: RenderedDocument | None = document
        self.placeholder = ""
        self.reading_width = reading_width
        self._style = TextStyles(self, "article-view")
        self._component_memo = ComponentStyleMemo(self, self._style.clear)
        self._rule_memo = RuleMemo()
        # Drawn lines by the block they show (its id: the entry holds the block, so the
        # id is not reused while the entry lives), its place in the block and the rest
        # of a line's look. Kept by block, not by line number, the lines of a block
        # another citation style leaves as it was are drawn once, before and after c.
        self._strips: LRUCache[_StripKey, tuple[TextBlock, Strip]] = LRUCache(512)
        # The styles the cached lines were drawn with.
        self._drawn_with: tuple[Style | None, tuple[object, ...], tuple[Style, ...]]
        self._drawn_with = (None, (), ())
        self._frame = _Frame(None, 0, Style(), 0, 0, Style(), range(0), None)
        keep_composed_lines(self)
        # While focus comes or goes: whether a repaint of the whole view was asked.
        self._focus_repaint: bool | None = None

    # ------------------------------------------------------------ hooks

    def highlighter(self) -> Highlighter | None:
        """This frame's spans over a block's own (matches, the focused anchor), if any."""
        return None

    def first_frame(self, document: RenderedDocument) -> tuple[Layout, int]:
        """Layout and top line of a frame drawn before the view adopted a layout."""
        raise NotImplementedError

    # ------------------------------------------------------------ geometry

    @property
    def page_height(self) -> int:
        return max(1, self.content_region.height)

    @property
    def text_area_width(self) -> int:
        """Columns for text: the content width less the thumb and a gap before it."""
        return max(1, (self.content_region.width or self.size.width) - 2)

    @property
    def wrap_width(self) -> int:
        return max(1, min(self.reading_width, self.text_area_width))

    @property
    def left_margin(self) -> int:
        return max(0, (self.text_area_width - self.wrap_width) // 2)

    # ------------------------------------------------------------ drawing

    def notify_style_update(self) -> None:
        # Focus changes the border, not the text: the drawn lines are kept unless the
        # styles they were drawn with change (checked as a frame is drawn).
        super().notify_style_update()
        self._style.clear()

    def _forget_styles(self) -> None:
        self._style.clear()
        self._strips.clear()

    def _styles_changed(self, base: Style) -> tuple[bool, tuple[object, ...], tuple[Style, ...]]:
        """Whether lines drawn with the styles of _drawn_with look otherwise with *base*
        and the component styles now, and those styles (objects, and how they draw)."""
        styles = tuple(self._component_styles.values())
        drawn_base, drawn_styles, drawn_values = self._drawn_with
        if (
            base == drawn_base
            and len(styles) == len(drawn_styles)
            and all(new is old for new, old in zip(styles, drawn_styles, strict=True))
        ):
            return False, styles, drawn_values
        # Focus puts back other style objects that draw the same (find line: / Esc).
        values = tuple(style.partial_rich_style for style in styles)
        return base != drawn_base or values != drawn_values, styles, values

    def _check_drawn_styles(self, base: Style) -> None:
        """Empty the drawn-line cache if the base or any component style changed."""
        changed, styles, values = self._styles_changed(base)
        if changed:
            self._forget_styles()
        self._drawn_with = (base, styles, values)

    # ------------------------------------------------------------ focus

    # Focus changes the view's border (heavy when focused), not its text: Textual
    # repaints the whole view as focus comes or goes (each border style set, then the
    # focus handler), and the compositor cuts up every cell of it again, a frame's
    # share of /, Enter and Esc in the find line. Here those repaints become one of the
    # border alone, unless the lines themselves would look otherwise.

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        if self._focus_repaint is not None and not (regions or layout or recompose):
            self._focus_repaint = self._focus_repaint or repaint
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def watch_has_focus(self, has_focus: bool) -> None:
        # Textual matches every rule of the stylesheet against the view again (it has
        # no children nor scroll bars to restyle): the rules of a path seen before
        # are put back instead, as for the lists.
        if self.is_attached and not self.is_scrollable and not self.children:
            self._rule_memo.restyle(self)
        else:
            super().watch_has_focus(has_focus)

    def _on_focus(self, event: events.Focus) -> None:
        # Textual calls each class's handler in turn: Widget's is called here, inside
        # the watch, and not again after.
        event.prevent_default()
        self._focus_repaint = False
        try:
            super()._on_focus(event)
        finally:
            self._repaint_after_focus()

    def _on_blur(self, event: events.Blur) -> None:
        # Textual calls each class's handler in turn: Widget's is called here, inside
        # the watch, and not again after.
        event.prevent_default()
        self._focus_repaint = False
        try:
            super()._on_blur(event)
        finally:
            self._repaint_after_focus()

    def _repaint_after_focus(self) -> None:
        asked, self._focus_repaint = self._focus_repaint, None
        if not asked:
            return
        gutter = self.styles.gutter
        width, height = self.outer_size
        if self._styles_changed(self.rich_style)[0] or not (width and height):
            self.refresh()
            return
        # The edges, as regions of the content (whose top left is 0, 0).
        left, top = -gutter.left, -gutter.top
        edges = [
            Region(left, top, width, gutter.top),
            Region(left, height - gutter.bottom + top, width, gutter.bottom),
            Region(left, top, gutter.left, height),
            Region(width - gutter.right + left, top, gutter.right, height),
        ]
        if any(edge for edge in edges):
            self.refresh(*(edge for edge in edges if edge))

    def _get_component_classes(self) -> frozenset[str]:  # type: ignore[override]
        # Focus moves restyle the view: its component styles are worked out once a path.
        return self._component_memo.classes(super()._get_component_classes())

    def render_lines(self, crop: Region) -> list[Strip]:
        layout, top = self.text_layout, self.top_line
        if self.document is not None and layout is None and self.size.width:
            layout, top = self.first_frame(self.document)
        base = self.rich_style
        self._check_drawn_styles(base)
        self._frame = _Frame(
            layout,
            top,
            base,
            self.content_region.width,
            self.left_margin,
            base + self.get_component_rich_style("article-view--thumb", partial=True),
            # No scroll bar wanted (the single layout): no thumb beside the text either.
            thumb_rows(layout, top, self.page_height)
            if layout and self.styles.scrollbar_size_vertical
            else range(0),
            self.highlighter(),
        )
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        frame = self._frame
        base, width, margin, layout = frame.base, frame.width, frame.margin, frame.layout
        if layout is None:
            text = self.placeholder if y == 0 else ""
            return Strip([Segment(text, base)]).crop_extend(0, width, base)
        on_thumb = y in frame.thumb_rows
        index = frame.top_line + y
        if index >= len(layout.lines):
            thumb = Segment(THUMB if on_thumb else " ", frame.thumb)
            return Strip([Segment(" " * (width - 1), base), thumb], width)
        line = layout.lines[index]
        spans = frame.highlighter(line.block) if frame.highlighter else ()
        # The thumb is part of the line kept: a line drawn again (every line of the
        # view on each move) is then taken whole, with no new strip made for it.
        block = layout.document.blocks[line.block]
        key = (id(block), *line[1:], layout.width, margin, width, spans, on_thumb)
        kept = self._strips.get(key)
        if kept is not None and kept[0] is block:
            return kept[1]
        segments = [Segment(" " * margin, base)]
        # Spans mark the labelled text; a table row drawn as a grid moves them.
        shown = shown_spans(block, spans)
        segments += line_segments(block, line, layout.width, base, self._style, shown)
        thumb = Segment(THUMB if on_thumb else " ", frame.thumb)
        strip = _padded(segments, width - 1, base, thumb)
        self._strips[key] = (block, strip)
        return strip


def _padded(segments: list[Segment], width: int, base: Style, thumb: Segment) -> Strip:
    """*segments* padded (or cropped) to *width* cells, then the thumb: the strip
    `Strip(segments).crop_extend(0, width, base)` and the thumb make, built as one strip
    (a new line of a page down makes one strip, not three)."""
    used = sum(cell_len(text) for text, _, _ in segments)
    if used > width:
        segments = list(Strip(segments).crop(0, width))
    elif used < width:
        segments.append(Segment(" " * (width - used), base))
    segments.append(thumb)
    return Strip(segments, width + 1)
