"""The article body: a line-API view that draws only the lines on screen.

It is fed a RenderedDocument (never Markdown), wraps it to the reading width, keeps
one layout per width it has seen, and reports the section at the top of the view.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Offset, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.render.blocks import RenderedDocument
from tui.render.layout import Layout, text_width

# Block and span styles from the render layer, as this widget's component classes.
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
)


@dataclass(frozen=True)
class ReadingPosition:
    """Where the reader is: the block and character at the top of the view."""

    block: int
    offset: int


class ArticleView(ScrollView, can_focus=True):
    """Scrollable article text at a readable width."""

    COMPONENT_CLASSES = {f"article-view--{name}" for name in STYLE_NAMES}

    DEFAULT_CSS = """
    ArticleView {
        overflow-x: hidden;
        overflow-y: auto;
    }
    ArticleView > .article-view--title { text-style: bold; }
    ArticleView > .article-view--h2 { text-style: bold underline; }
    ArticleView > .article-view--h3 { text-style: bold; }
    ArticleView > .article-view--h4 { text-style: bold; }
    ArticleView > .article-view--meta { text-style: italic; }
    ArticleView > .article-view--quote { text-style: italic; }
    ArticleView > .article-view--strong { text-style: bold; }
    ArticleView > .article-view--em { text-style: italic; }
    ArticleView > .article-view--strike { text-style: strike; }
    ArticleView > .article-view--link { text-style: underline; }
    ArticleView > .article-view--cite { text-style: underline; }
    ArticleView > .article-view--fnref { text-style: underline; }
    """

    HELP_NAME = "Article"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "line_down", "Line down", show=False),
        Binding("k,up", "line_up", "Line up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "top", "Go to the start", show=False),
        Binding("G,end", "bottom", "Go to the end", show=False),
    ]

    class PositionChanged(Message):
        """The view moved: the outline entry at its top and how far the reader is."""

        def __init__(self, view: ArticleView, section: int, percent: int) -> None:
            super().__init__()
            self.view = view
            self.section = section
            self.percent = percent

    def __init__(
        self,
        *,
        reading_width: int = 72,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document: RenderedDocument | None = None
        self.reading_width = reading_width
        self._layouts: LRUCache[int, Layout] = LRUCache(4)
        self._layout: Layout | None = None
        self._styles: dict[str, Style] = {}
        self._strips: LRUCache[int, Strip] = LRUCache(512)
        # After a jump the section is the one asked for, even when the end of the
        # article stops it reaching the top of the view.
        self._pinned: tuple[int, int] | None = None
        self._reported: tuple[int, int] | None = None

    # ------------------------------------------------------------ feeding

    def show(self, document: RenderedDocument) -> None:
        self.document = document
        self._layouts.clear()
        self._layout = None
        self._pinned = None
        self._reported = None
        self._relayout(keep=None)
        self.scroll_to(0, 0, animate=False, immediate=True)

    @property
    def text_layout(self) -> Layout | None:
        return self._layout

    @property
    def wrap_width(self) -> int:
        width = self.scrollable_content_region.width or self.size.width
        return max(1, min(self.reading_width, width - 1))

    @property
    def left_margin(self) -> int:
        width = self.scrollable_content_region.width or self.size.width
        return max(0, (width - self.wrap_width) // 2)

    def set_reading_width(self, width: int) -> None:
        self.reading_width = width
        self._relayout(keep=self.position)

    # ------------------------------------------------------------ layout

    def _relayout(self, keep: ReadingPosition | None) -> None:
        if self.document is None:
            return
        width = self.wrap_width
        layout = self._layouts.get(width)
        if layout is None:
            layout = Layout(self.document, width)
            layout.extend()
            self._layouts[width] = layout
        self._layout = layout
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout.lines))
        if keep is not None:
            self.scroll_to(y=self._line_for(keep), animate=False, immediate=True)
        self.refresh()
        self._report()

    def _line_for(self, position: ReadingPosition) -> int:
        layout = self._layout
        if layout is None or position.block >= len(layout.block_lines):
            return 0
        y = layout.block_lines[position.block]
        while (
            y + 1 < len(layout.lines)
            and layout.lines[y + 1].block == position.block
            and layout.lines[y + 1].start <= position.offset
            and not layout.lines[y + 1].blank
        ):
            y += 1
        return y

    @property
    def position(self) -> ReadingPosition | None:
        layout = self._layout
        if layout is None or not layout.lines:
            return None
        y = min(round(self.scroll_y), len(layout.lines) - 1)
        line = layout.lines[y]
        return ReadingPosition(line.block, line.start)

    def on_resize(self, event: events.Resize) -> None:
        if self.document is not None and (
            self._layout is None or self._layout.width != self.wrap_width
        ):
            self._relayout(keep=self.position)
        else:
            self._strips.clear()
        if self.has_focus:
            self.call_after_refresh(self._place_cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # ------------------------------------------------------------ position

    @property
    def current_section(self) -> int:
        layout = self._layout
        if layout is None:
            return 0
        top = round(self.scroll_y)
        if self._pinned is not None and self._pinned[1] == top:
            return self._pinned[0]
        line = layout.lines[top] if top < len(layout.lines) else None
        if line is not None and line.blank and line.block > 0:
            # A gap above a heading still belongs to the section before it.
            return self.document.blocks[line.block - 1].section if self.document else 0
        return layout.section_at(top)

    @property
    def percent_read(self) -> int:
        layout = self._layout
        if layout is None or not layout.lines:
            return 0
        total = len(layout.lines)
        seen = min(total, round(self.scroll_y) + self.scrollable_content_region.height)
        return 100 if seen >= total else int(seen * 100 / total)

    def _report(self) -> None:
        if self._layout is None:
            return
        state = (self.current_section, self.percent_read)
        if state != self._reported:
            self._reported = state
            self.post_message(self.PositionChanged(self, *state))
        if self.has_focus:
            self._place_cursor()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._report()

    def goto_section(self, entry: int) -> None:
        layout = self._layout
        if layout is None or self.document is None:
            return
        entry = max(0, min(entry, len(self.document.outline) - 1))
        y = layout.section_line(entry)
        if y is None:
            return
        self.scroll_to(y=y, animate=False, immediate=True)
        self._pinned = (entry, round(self.scroll_y))
        self._report()

    def next_section(self) -> None:
        if self.document is not None:
            self.goto_section(min(self.current_section + 1, len(self.document.outline) - 1))

    def previous_section(self) -> None:
        layout = self._layout
        if layout is None:
            return
        current = self.current_section
        start = layout.section_line(current)
        # Mid-section, "previous" first goes back to this section's own heading.
        if start is not None and round(self.scroll_y) > start and self._pinned is None:
            self.goto_section(current)
        else:
            self.goto_section(current - 1)

    # ------------------------------------------------------------ cursor

    def _place_cursor(self) -> None:
        region = self.content_region
        self.app.cursor_position = Offset(region.x + self.left_margin, region.y)

    def on_focus(self) -> None:
        self.call_after_refresh(self._place_cursor)

    # ------------------------------------------------------------ actions

    def action_line_down(self) -> None:
        self.scroll_to(y=self.scroll_y + 1, animate=False, immediate=True)

    def action_line_up(self) -> None:
        self.scroll_to(y=self.scroll_y - 1, animate=False, immediate=True)

    def action_page_down(self) -> None:
        step = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_y + step, animate=False, immediate=True)

    def action_page_up(self) -> None:
        step = max(1, self.scrollable_content_region.height - 2)
        self.scroll_to(y=self.scroll_y - step, animate=False, immediate=True)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    # ------------------------------------------------------------ drawing

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            component = f"article-view--{name}"
            style = (
                self.get_component_rich_style(component, partial=True)
                if component in self.COMPONENT_CLASSES
                else Style()
            )
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self._layout
        if layout is None or self.document is None or index >= len(layout.lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_text_line(index, base).crop_extend(0, width, base)
            self._strips[index] = strip
        return strip.apply_offsets(0, index)

    def _render_text_line(self, index: int, base: Style) -> Strip:
        assert self._layout is not None and self.document is not None
        line = self._layout.lines[index]
        block = self.document.blocks[line.block]
        block_style = base + self._style(block.style)
        segments = [Segment(" " * (self.left_margin + block.indent), base)]
        if line.blank:
            return Strip(segments)
        if block.prefix:
            segments.append(
                Segment(block.prefix if line.first else " " * len(block.prefix), block_style)
            )
        if block.style == "rule":
            segments.append(Segment("─" * text_width(block, self._layout.width), block_style))
            return Strip(segments)

        start, end = line.start, line.end
        spans = [span for span in block.spans if span.start < end and span.end > start]
        if not spans:
            segments.append(Segment(block.text[start:end], block_style))
            return Strip(segments)
        cuts = sorted(
            {start, end}
            | {span.start for span in spans if start < span.start < end}
            | {span.end for span in spans if start < span.end < end}
        )
        for left, right in itertools.pairwise(cuts):
            style = block_style
            for span in spans:
                if span.start <= left and span.end >= right:
                    style += self._style(span.style)
            segments.append(Segment(block.text[left:right], style))
        return Strip(segments)
