"""The reader's find line, and an empty widget that keeps the panes' painting order
fixed while the line comes and goes."""

from __future__ import annotations

from collections.abc import Hashable

from textual.cache import LRUCache
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from tui.widgets.bars import SearchLine
from tui.widgets.component_styles import ComponentStyleMemo, ScrollViewRules, path_key

# Drawings of the line kept: the empty line with its prompt, and a few queries.
KEPT_DRAWINGS = 16


class FindLayerStart(Widget):
    """Nothing to see: put first among the panes, on the find line's layer.

    Textual numbers the painting order of a container's children layer by layer, the
    layers in the order their first child comes. With the find line (last child) alone
    on its layer, showing or hiding it renumbered every pane, and the compositor
    repaints each widget whose number changed: the whole screen at /, Enter and Esc.
    With this empty widget first, the find layer's place in that order is fixed, and
    only the find line's own number comes and goes.
    """

    DEFAULT_CSS = """
    FindLayerStart {
        layer: find;
        dock: top;
        width: 0;
        height: 0;
    }
    """

    def render_lines(self, crop: Region) -> list[Strip]:
        # Nothing to draw, though the compositor asks at every frame that reaches the
        # top of the panes: no styles are looked up for it.
        return []


class FindLine(SearchLine):
    """The search line of the reader, which gains and loses focus at /, Enter and Esc:
    its component styles (cursor, placeholder...) are worked out once for each."""

    def __init__(self, placeholder: str = "", *, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self._component_memo = ComponentStyleMemo(self, lambda: None)
        self._drawn: LRUCache[tuple[Hashable, ...], list[Strip]] = LRUCache(KEPT_DRAWINGS)
        self._drawn_for: object = None
        self._rule_memo = ScrollViewRules()

    def watch_has_focus(self, has_focus: bool) -> None:
        # Restyled at /, Enter and Esc: the rules of a path seen before are put back
        # rather than matched again (RuleMemo).
        if self.is_attached:
            self._rule_memo.restyle(self)
        else:
            super().watch_has_focus(has_focus)

    def render_lines(self, crop: Region) -> list[Strip]:
        # Textual draws an Input anew each time it is shown or its focus changes
        # (half a millisecond of / for the empty line with its prompt). What it draws
        # depends on the text, the cursor and selection, the size and scroll, and on
        # the styles, which follow from the stylesheet and the path from the app down
        # (path_key, as for the remembered component styles): drawings are kept by
        # those, and forgotten with the stylesheet (a theme).
        rules = self.app.stylesheet.rules
        if self._drawn_for is not rules:
            self._drawn.clear()
            self._drawn_for = rules
        key = (
            crop,
            self.value,
            self.placeholder,
            self.cursor_position,
            self.selection,
            self._cursor_visible,
            self._suggestion,
            self.password,
            self.scroll_offset,
            self.size,
            self.styles.padding,
            path_key(self),
        )
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = super().render_lines(crop)
            self._drawn[key] = drawn
        return drawn

    def _get_component_classes(self) -> frozenset[str]:  # type: ignore[override]
        return self._component_memo.classes(super()._get_component_classes())
