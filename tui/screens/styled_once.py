"""A screen styled once as it opens, not three times.

Textual styles a pushed screen's widgets as they mount, then again when the screen
resumes (its first showing), then again when its first Resize gives it the app's
breakpoint classes ("-wide", "-narrow"), which it did not have while its widgets
mounted; and that Resize lays the screen and every screen beneath it out again at the
size they all have. For a card with an article view (many component styles) these
rounds were a third of opening it. Here the screen has its breakpoint classes from the
start, so the Resize changes none; its first resume does not restyle what mounting has
just styled (focus and classes set since restyle their own widgets as they change);
and a Resize to the size every screen has already sets the breakpoint classes only.

A screen that sets QUIET (the exercise card) also closes without two rounds
Textual adds: removing a screen asks the app, its parent, for a layout, which lays the
screen beneath out again at the size it already has (a pending layout of that screen
is still made as it resumes: Textual keeps the request until the screen is current);
and the focused widget of the screen going away is blurred, and so restyled, first.
Both lean on Textual 8's private `App._prune`, here only.

A QUIET screen the app pushes through `CardActions.go` is laid out and drawn once
as it opens: Textual lays it out as it first resumes, every widget mounted, and draws
it whole; then lays it out and draws it again for requests that this layout already
answered: the whole-screen repaint its resume asks for, the layout the push asks for
once the widgets have mounted, and each widget's layout and repaint requests sent
before that frame (a title set as it mounted, the sizes the layout gave them). Those
are dropped: flags Textual keeps on the screen and its widgets (`_layout_required`,
`_repaint_required`), and messages stamped before the frame. Requests made after it
(a Resize handler moving the text, the position notice) are Textual's as ever.
"""

from __future__ import annotations

from typing import Self

from textual import events, messages
from textual.await_remove import AwaitRemove
from textual.geometry import Region
from textual.screen import Screen
from textual.widget import Widget


class StyledOnce(Screen[None]):
    """Mixed in before Screen: see the module's doc."""

    QUIET = False
    # Set by the app when it pushes the screen, until the push's own callback has run.
    _pushing = False
    # Between the first frame and the end of the push: the push's request for a
    # layout of the whole screen (its widgets mounted) is dropped.
    _drawn_while_pushing = False
    # When the first layout of a pushed screen had been drawn (message time).
    _drawn_at = float("-inf")

    def __init__(self) -> None:
        super().__init__()
        self._resumed = False
        self._reshowing = False
        width, height = self.app.size
        on = [name for name, add in self._breakpoints(width, height).items() if add]
        self.set_class(True, *on, update=False)  # styled as its widgets mount

    def _breakpoints(self, width: int, height: int) -> dict[str, bool]:
        """Each breakpoint class, and whether a screen of this size has it: as Textual's
        Screen._on_resize works them out (with its own private method)."""
        app = self.app
        horizontal = (
            app.HORIZONTAL_BREAKPOINTS
            if self.HORIZONTAL_BREAKPOINTS is None
            else self.HORIZONTAL_BREAKPOINTS
        ) or []
        vertical = (
            app.VERTICAL_BREAKPOINTS
            if self.VERTICAL_BREAKPOINTS is None
            else self.VERTICAL_BREAKPOINTS
        ) or []
        classes = {name: False for _, name in (*horizontal, *vertical)}
        for name in self._get_breakpoint_classes(width, horizontal):
            classes[name] = True
        for name in self._get_breakpoint_classes(height, vertical):
            classes[name] = True
        return classes

    # Textual calls the handler of each class in the method resolution order, these
    # before Screen's: the first tells Screen's not to restyle the screen this first
    # time; the second stops Screen's when it would lay out at the same size again.
    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            self.call_next(self._first_shown)
        elif self._reshowing:
            # Shown again, styled with the stylesheet in force (see `reshown`).
            self._reshowing = False
            event.refresh_styles = False

    def reshown(self) -> None:
        """The screen, kept since it was last shown, is pushed again: by the caller's
        word its widgets are styled as they should be (no new stylesheet since, focus
        and classes set since restyled their own widgets), so its resume restyles
        nothing (Textual restyles every widget of a screen that resumes)."""
        self._reshowing = True

    def _first_shown(self) -> None:
        """Right after Screen's handler of the first resume: it laid the screen out with
        every widget mounted and drew it whole, then asked for a layout and a repaint
        of the whole screen again (as did the mounting, before): both dropped."""
        if self.is_current and self._size == self.app.size:
            self._layout_required = False
            self._repaint_required = False
            self._drawn_while_pushing = self._pushing
            if self._pushing:
                # Each widget asked for a layout and a repaint as that layout gave it
                # its size, and some before it (a title set as the screen mounted): all
                # laid out and drawn at that size since.
                self._drawn_at = events.Idle().time  # the clock of every message
                for widget in self.walk_children(Widget, with_self=False):
                    widget._layout_required = widget._repaint_required = False

    # Before Screen's handlers: a request sent before that first layout is dropped.
    async def _on_layout(self, message: messages.Layout) -> None:
        if message.time <= self._drawn_at:
            message.stop()
            message.prevent_default()

    async def _on_update(self, message: messages.Update) -> None:
        if message.time <= self._drawn_at:
            message.stop()
            message.prevent_default()

    def pushed(self) -> None:
        """Called by the app once the push's own callback (a layout) has run."""
        self._pushing = self._drawn_while_pushing = False

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if self._drawn_while_pushing and layout and not regions and not recompose:
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    async def _on_resize(self, event: events.Resize) -> None:
        screens = [self, *self.app._background_screens]
        if all(screen._size == event.size for screen in screens):
            event.stop()
            event.prevent_default()
            width, height = event.size
            self.update_classes(self._breakpoints(width, height), animate=False)

    def remove(self) -> AwaitRemove:
        if not self.QUIET or self.app.screen is self:
            return super().remove()
        # Textual removes a popped screen once the screen beneath is current: nothing
        # here is drawn again, so neither its focused widget's blur nor a layout of the
        # screen beneath (its parent is the app) is needed.
        self.set_reactive(Screen.focused, None)
        return self.app._prune(self, parent=None)
