"""Which pane a screen shows in a narrow window, where one pane shows at a time.

The app sets "-narrow" on screens below its breakpoint; the screen's CSS shows the
pane whose "-show-<pane>" class is set. Wider, every pane shows and Tab moves focus.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.screen import Screen
from textual.widget import Widget


class NarrowPanes:
    """The panes of *screen* by id, and which one a narrow window shows."""

    def __init__(
        self,
        screen: Screen[None],
        panes: tuple[str, ...],
        main: str,
        focus_target: Callable[[str], Widget] | None = None,
    ) -> None:
        self.screen = screen
        self.panes = panes
        self.main = main  # shown when no pane was asked for
        # The widget to focus in a pane (a tabbed pane focuses its shown tab).
        self._focus_target = focus_target or (lambda pane: screen.query_one(f"#{pane}"))
        # The pane the reader is in. Its "-show-" class is set only while one pane shows
        # at a time (narrow or compact): a class on the screen restyles every widget on
        # it, which Tab in a wide window should not pay for.
        self._pane = main

    @property
    def narrow(self) -> bool:
        return self.screen.has_class("-narrow")

    @property
    def compact(self) -> bool:
        """Too narrow for every pane beside a readable article: one side pane at a time
        (the screen's "-compact" class), chosen like the narrow window's one pane."""
        return not self.narrow and self.screen.has_class("-compact")

    @property
    def shown(self) -> str:
        return self._pane

    def _mark(self, pane: str) -> None:
        self._pane = pane
        self.sync()

    def sync(self) -> None:
        """Show the reader's pane, when one pane shows at a time (call when the window
        or the layout changes)."""
        if not (self.narrow or self.compact):
            return
        self.screen.update_classes({f"-show-{other}": other == self._pane for other in self.panes})

    def show(self, pane: str) -> None:
        """Show *pane* (alone, when narrow) and put the focus in it."""
        self._mark(pane)
        self.screen.call_after_refresh(self._focus_target(pane).focus)

    def cycle(self, step: int) -> None:
        """Tab and Shift+Tab: the next pane when narrow, else the next focusable widget."""
        if not self.narrow and not self.compact:
            if step > 0:
                self.screen.focus_next()
            else:
                self.screen.focus_previous()
            return
        index = self.panes.index(self.shown)
        self.show(self.panes[(index + step) % len(self.panes)])

    def follow_focus(self, widget: Widget) -> None:
        """Whatever moved the focus (Enter in the outline, Backspace), show its pane."""
        for pane in self.panes:
            node = self.screen.query_one(f"#{pane}")
            if widget is node or node in widget.ancestors:
                self._mark(pane)
                return
