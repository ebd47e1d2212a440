"""An empty widget that keeps the panes' painting order fixed while the find line
comes and goes."""

from __future__ import annotations

from textual.widget import Widget


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
