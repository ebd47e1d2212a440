"""What closing a screen does besides Textual's own: the closed screen's widgets and
article let go, and the screen below not drawn a second time."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from textual._styles_cache import StylesCache
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.await_remove import AwaitRemove
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from tui import long_lived

if TYPE_CHECKING:
    from tui.screens.reader import ReaderScreen


class ScreenClosing(App[None]):
    """Closes screens so that nothing of them is kept, and the one below is drawn once."""

    def pop_screen(self) -> AwaitComplete:
        """The screen below comes back; the closed one's widgets can go.

        Textual 8 caches `StylesCache.get_inner_outer` with `functools.lru_cache` on the
        method (Textual issue #6665): each widget's styles cache is a key, so up to
        1,024 closed screens' widgets, and the articles they show, stay alive. This is
        the one place that works around it, by emptying that cache when a screen
        closes (it is refilled at once for what is still shown). Remove when Textual
        fixes the issue.
        """
        closing = reader_of(self.screen)
        done = super().pop_screen()
        StylesCache.get_inner_outer.cache_clear()
        if closing is not None:  # its article, if frozen, back to the collector
            long_lived.closed(any(reader_of(screen) for screen in self.screen_stack[:-1]))
        return done

    def _prune(self, *nodes: Widget, parent: DOMNode | None = None) -> AwaitRemove:
        # A screen removed (the palette, a card, help closed) changes nothing in the
        # screen below, which its resume has laid out (if the terminal's size changed)
        # and redrawn already. Textual then lays out and draws the whole app once more
        # when the removed screen's widgets are gone: a second full frame, about 2 ms
        # on a reader's screen. The mouse-over state it also updates is updated at
        # every frame. The one place wellread changes Textual's removal of nodes.
        if parent is self and nodes and all(isinstance(node, Screen) for node in nodes):
            parent = None
        return super()._prune(*nodes, parent=parent)


def reader_of(screen: Screen[Any]) -> ReaderScreen | None:
    """*screen* when it is an article's, found without importing the reader when no
    article was opened yet (no reader screen can exist then)."""
    loaded = sys.modules.get("tui.screens.reader")
    return screen if loaded is not None and isinstance(screen, loaded.ReaderScreen) else None
