"""A keyboard list's drawn lines, kept: a list that scrolls (the outline following the
reader to the other end of a long article) draws each line once per look."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.cache import LRUCache
from textual.strip import Strip, get_line_length
from textual.widget import Widget

from tui.render.blocks import TextBlock
from tui.render.layout import Layout, Line
from tui.widgets.component_styles import PathMemo
from tui.widgets.strips import line_segments

# Beside the cursor item of a focused list: focus shown by a shape, not only colour.
FOCUS_MARK = "▶ "
GUTTER = len(FOCUS_MARK)

# Render-layer styles a list's text can use (each a component class, line-list--NAME).
TEXT_STYLES = ("title", "strong", "em", "meta")
TEXT_CLASSES = tuple(f"line-list--{name}" for name in TEXT_STYLES)

# Lines kept: a few screens of a list.
KEPT_LINES = 1024

# An item's style when it has none of its own, made once (a Style costs a microsecond
# or more to make, and one is asked for at every row drawn).
NO_STYLE = Style()


@dataclass(frozen=True)
class ListFrame:
    """What every line of one frame needs, looked up once a frame."""

    base: Style
    width: int
    layout: Layout
    cursor: Style
    disabled: Style
    # The same blank strip each time, composed once (tui.widgets.composed_lines).
    blank: Strip


def drawn(
    layout: Layout,
    width: int,
    line: Line,
    block: TextBlock,
    mark: str,
    style: Style,
    style_of: Callable[[str], Style],
) -> Strip:
    """*line* (of *block*, in *layout*) drawn *width* cells wide, *mark* in its gutter."""
    segments = [Segment(mark.ljust(GUTTER), style)]
    segments += line_segments(block, line, layout.width, style, style_of)
    return fitted(segments, width, style)


def fitted(segments: list[Segment], width: int, style: Style) -> Strip:
    """`Strip(segments).crop_extend(0, width, style)` made as one strip where no crop
    is needed: rows are drawn anew at every search and theme change, and each strip
    carries seven caches of its own. *segments* may be added to."""
    length = get_line_length(segments)
    if length > width:
        return Strip(segments, length).crop_extend(0, width, style)
    if length < width:
        segments.append(Segment(" " * (width - length), style))
    return Strip(segments, width)


class ListStrips:
    """Drawn lines of one layout at one width, by line, gutter mark and item style.

    What else a line's look depends on (the list's text styles) empties the cache
    through `drawn_with`, told them once a frame."""

    def __init__(self) -> None:
        self._strips: LRUCache[tuple[int, str, Style], Strip] = LRUCache(KEPT_LINES)
        self._drawn_for: tuple[Layout | None, int] = (None, 0)
        # The text styles (title, strong...) the kept lines were drawn with.
        self._drawn_with: tuple[object, ...] = ()
        self._drawn_values: tuple[Style, ...] | None = None

    def clear(self) -> None:
        self._strips.clear()

    def drawn_with(
        self, text_styles: tuple[object, ...], values: Callable[[], tuple[Style, ...]]
    ) -> bool:
        """This frame's text styles (the list's component styles for TEXT_STYLES, as
        objects; *values* gives the rich styles they draw with): the kept lines go if
        they were drawn with other values (True then). A focus change restyles the list
        but leaves its text as it was (the cursor's look is in each line's key), so r
        and e, moving the focus from list to list, find every line drawn before; a new
        theme brings new values, and new lines."""
        if self.drawn_in(text_styles):
            return False  # the same objects (the list's ComponentStyleMemo hands them back)
        self._drawn_with = text_styles
        drawn_values, self._drawn_values = self._drawn_values, values()
        if self._drawn_values == drawn_values:
            return False
        self.clear()
        return True

    def drawn_in(self, text_styles: tuple[object, ...]) -> bool:
        """Whether the kept lines were drawn with these text styles (the very objects
        last told to `drawn_with`)."""
        drawn = self._drawn_with
        return len(text_styles) == len(drawn) and all(
            new is old for new, old in zip(text_styles, drawn, strict=True)
        )

    def frame(
        self, previous: ListFrame | None, base: Style, width: int, layout: Layout, *styles: Style
    ) -> ListFrame:
        """This frame's values (*styles*: the cursor's and a disabled item's)."""
        same = previous is not None and (previous.width, previous.base) == (width, base)
        blank = previous.blank if previous is not None and same else Strip.blank(width, base)
        cursor, disabled = styles
        return ListFrame(base, width, layout, cursor, disabled, blank)

    def line(
        self,
        layout: Layout,
        width: int,
        index: int,
        line: Line,
        blocks: Sequence[TextBlock],
        mark: str,
        style: Style,
        style_of: Callable[[str], Style],
    ) -> Strip:
        """Line *index* of *layout* (*line*, of the block it names in *blocks*) drawn
        *width* cells wide. The block is taken from *blocks* only to draw the line: an
        outline's block with a search's count is made as it is read (outline_counts)."""
        if self._drawn_for[0] is not layout or self._drawn_for[1] != width:
            self._strips.clear()
            self._drawn_for = (layout, width)
        key = (index, mark, style)
        strip = self._strips.get(key)
        if strip is None:
            block = blocks[line.block]
            strip = self._strips[key] = drawn(layout, width, line, block, mark, style, style_of)
        return strip


class BlockStrips(ListStrips):
    """Drawn lines kept by the text block they show, across layouts: for a list whose
    items are made once and shown again in new lists (the library's cards, as each key
    of its filter lists them anew), where a line drawn for the last list is the line
    this one needs. Only for blocks never changed once made (the outline's are, its
    counts being written into them)."""

    def __init__(self) -> None:
        super().__init__()
        self._by_block: LRUCache[tuple[int, int, int, bool, str, Style], tuple[TextBlock, Strip]]
        self._by_block = LRUCache(KEPT_LINES)
        self._drawn_at: tuple[int, int] = (0, 0)

    def clear(self) -> None:
        super().clear()
        self._by_block.clear()

    def line(
        self,
        layout: Layout,
        width: int,
        index: int,
        line: Line,
        blocks: Sequence[TextBlock],
        mark: str,
        style: Style,
        style_of: Callable[[str], Style],
    ) -> Strip:
        block = blocks[line.block]
        if self._drawn_at != (layout.width, width):
            self._by_block.clear()
            self._drawn_at = (layout.width, width)
        # The block is held with its line, so its id is not reused while the line is kept.
        key = (id(block), line.start, line.end, line.first, mark, style)
        kept = self._by_block.get(key)
        if kept is not None and kept[0] is block:
            return kept[1]
        strip = drawn(layout, width, line, block, mark, style, style_of)
        self._by_block.discard(key)  # a gone block's: Textual's LRUCache would keep it
        self._by_block[key] = (block, strip)
        return strip


def strips_for(blocks_fixed: bool) -> ListStrips:
    """A list's kept lines: by block if its items' blocks never change, else by row."""
    return BlockStrips() if blocks_fixed else ListStrips()


class FrameStyles:
    """A list's own style and its cursor's and disabled item's, kept by stylesheet and
    path: Textual works each out again from the list and its ancestors after every
    restyle (a focus change), though like the component styles they depend only on
    the stylesheet and the path down to the list (component_styles.path_key)."""

    def __init__(self) -> None:
        self._known: PathMemo[tuple[Style, Style, Style]] = PathMemo()

    def of(self, widget: Widget, cursor: str, disabled: str) -> tuple[Style, Style, Style]:
        """(the widget's rich style, component *cursor*'s, component *disabled*'s
        partial style)."""
        return self._known.get(
            widget,
            lambda: (
                widget.rich_style,
                widget.get_component_rich_style(cursor),
                widget.get_component_rich_style(disabled, partial=True),
            ),
        )
