"""Drawing one laid-out line of a text block as segments, for every line-API widget."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise

from rich.segment import Segment
from rich.style import Style
from textual.widget import Widget

from tui.render.blocks import Span, TextBlock
from tui.render.layout import Line, text_width


def line_segments(
    block: TextBlock,
    line: Line,
    layout_width: int,
    base: Style,
    style_of: Callable[[str], Style],
    extra: Sequence[Span] = (),
) -> list[Segment]:
    """The indent, prefix and styled text of *line* (no margin, no padding to width).

    *extra* spans (the focused citation, say) are drawn over the block's own.
    """
    block_style = base + style_of(block.style)
    segments = [Segment(" " * block.indent, base)] if block.indent else []
    if line.blank:
        return segments
    if block.prefix:
        segments.append(
            Segment(block.prefix if line.first else " " * len(block.prefix), block_style)
        )
    if block.style == "rule":
        segments.append(Segment("─" * text_width(block, layout_width), block_style))
        return segments

    start, end = line.start, line.end
    spans = [span for span in (*block.spans, *extra) if span.start < end and span.end > start]
    if not spans:
        segments.append(Segment(block.text[start:end], block_style))
        return segments
    cuts = sorted(
        {start, end}
        | {span.start for span in spans if start < span.start < end}
        | {span.end for span in spans if start < span.end < end}
    )
    for left, right in pairwise(cuts):
        style = block_style
        for span in spans:
            if span.start <= left and span.end >= right:
                style += style_of(span.style)
        segments.append(Segment(block.text[left:right], style))
    return segments


# Block and span styles from the render layer; widgets expose them as component classes.
STYLE_NAMES = (
    "body",
    "title",
    "meta",
    "h2",
    "h3",
    "h4",
    "disclaimer",
    "quote",
    "code",
    "rule",
    "strong",
    "em",
    "strike",
    "link",
    "cite",
    "fnref",
    "term",
)


def component_classes(prefix: str, names: Sequence[str] = STYLE_NAMES) -> set[str]:
    return {f"{prefix}--{name}" for name in names}


class TextStyles:
    """Render-layer style names to a widget's component styles, looked up once each."""

    def __init__(self, widget: Widget, prefix: str) -> None:
        self.widget = widget
        self.prefix = prefix
        self._cache: dict[str, Style] = {}

    def __call__(self, name: str) -> Style:
        style = self._cache.get(name)
        if style is None:
            component = f"{self.prefix}--{name}"
            style = (
                self.widget.get_component_rich_style(component, partial=True)
                if component in self.widget.COMPONENT_CLASSES
                else Style()
            )
            self._cache[name] = style
        return style

    def clear(self) -> None:
        self._cache.clear()
