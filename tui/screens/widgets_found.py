"""A screen's own widgets, looked up once each rather than at every use.

A reader's key asks for the same few widgets (the article, the status line, the
outline, the find line) a dozen times over. Textual's `query_one` matches its selector
against the screen's widgets each time, and forgets what it found whenever the
screen's children change: a tenth of a millisecond a look-up when it misses, on the
keys where every frame counts.
"""

from __future__ import annotations

from typing import TypeVar, cast

from textual.dom import DOMNode
from textual.widget import Widget

W = TypeVar("W", bound=Widget)


class WidgetsFound:
    """The widgets of *node* found so far, by type (and id)."""

    def __init__(self, node: DOMNode) -> None:
        self._node = node
        self._found: dict[tuple[type[Widget], str | None], Widget] = {}

    def one(self, kind: type[W], widget_id: str | None = None) -> W:
        """The widget of type *kind* (with *widget_id*, if given), as `query_one` finds
        it; raises as it does when there is none."""
        key = (kind, widget_id)
        found = self._found.get(key)
        # A widget taken out of the screen has no parent: looked up again.
        if found is None or found.parent is None:
            if widget_id is None:
                found = self._node.query_one(kind)
            else:
                found = self._node.query_one(f"#{widget_id}", kind)
            self._found[key] = found
        return cast(W, found)  # stored under its own type
