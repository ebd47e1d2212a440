"""Showing or hiding a line that floats over the panes without arranging the screen.

The reader's find line sits on a layer of its own over the panes' bottom edge, so
showing or hiding it moves nothing else; yet a change of `display` asks Textual for a
layout of the whole screen (every widget arranged again, then sized and compared:
about two milliseconds of /, Enter and Esc in the find line). What that layout
changes is known once it has been done: the line comes into the compositor's map or
leaves it, and an empty marker widget (FindLayerStart) changes its painting number.

Here the first layout that only shows or hides such a line is left to Textual, and
the difference it made to the map is learned (`OverlayToggle`). Each later show or
hide asked for by that line alone, while nothing else has been laid out since, puts
the learned entries into the map instead, and does what Textual's layout does after
it for the widgets that changed (sizes, Resize, Show and Hide events, the changed
cells drawn). Any other layout forgets what was learned.

This leans on private parts of Textual 8 in this one place: the compositor's
`_full_map`, `widgets`, its derived caches and `_dirty_regions`, and the screen's
`_refresh_layout`, `_layout_widgets` and `_compositor_refresh`.
tests/test_overlay_layout.py checks the map against Textual's own arrangement after
each key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Self

from textual import events
from textual._compositor import Compositor, CompositorMap, ReflowResult
from textual.geometry import Region, Size
from textual.map_geometry import MapGeometry
from textual.screen import Screen
from textual.widget import Widget


@dataclass(frozen=True)
class OverlayToggle:
    """What showing a line over the panes changes in the map, and its container's
    place then (the line's place depends on it)."""

    overlay: Widget
    container: MapGeometry
    size: Size
    # Each widget the toggle changes: its entry while the line is hidden, and shown
    # (None: not in the map).
    entries: dict[Widget, tuple[MapGeometry | None, MapGeometry | None]]

    @property
    def parent(self) -> Widget:
        parent = self.overlay.parent
        assert isinstance(parent, Widget)
        return parent


def learn_toggle(
    overlays: frozenset[Widget], old: CompositorMap, new: CompositorMap, size: Size
) -> OverlayToggle | None:
    """The toggle a layout from *old* to *new* was, if all it did was show or hide one
    of *overlays* (and renumber widgets with nothing to draw)."""
    changed = {widget for widget, _ in old.items() ^ new.items()}
    toggled = [widget for widget in changed if widget in overlays]
    if len(toggled) != 1:
        return None
    overlay = toggled[0]
    parent = overlay.parent
    if not isinstance(parent, Widget) or old.get(parent) != new.get(parent):
        return None
    container = new.get(parent)
    if container is None:
        return None
    for widget in changed:
        if widget is overlay:
            continue
        before, after = old.get(widget), new.get(widget)
        if before is None or after is None or before.region or after.region:
            return None  # something on screen moved too
    shown = overlay in new
    entries = {
        widget: (old.get(widget), new.get(widget)) if shown else (new.get(widget), old.get(widget))
        for widget in changed
    }
    if entries[overlay][0] is not None or entries[overlay][1] is None:
        return None
    return OverlayToggle(overlay, container, size, entries)


def apply_toggle(compositor: Compositor, toggle: OverlayToggle, show: bool) -> ReflowResult | None:
    """Show or hide the toggle's line in *compositor*'s map as a layout would, or None
    (nothing changed) when the map is not the one the toggle was learned on."""
    current = compositor._full_map
    if (
        compositor._full_map_invalidated
        or compositor.size != toggle.size
        or current.get(toggle.parent) != toggle.container
    ):
        return None
    source, target = (0, 1) if show else (1, 0)
    if any(current.get(widget) != states[source] for widget, states in toggle.entries.items()):
        return None
    new_map = dict(current)
    dirty: set[Region] = set()
    for widget, states in toggle.entries.items():
        for geometry in states:
            if geometry is not None and (region := geometry.clip.intersection(geometry.region)):
                dirty.add(region)
        geometry = states[target]
        if geometry is None:
            del new_map[widget]
        else:
            new_map[widget] = geometry
    overlay = toggle.overlay
    compositor._cuts = None
    compositor._layers = None
    compositor._layers_visible = None
    compositor._visible_widgets = None
    compositor._visible_map = None
    compositor._full_map = new_map
    widgets = set(compositor.widgets)
    if show:
        widgets.add(overlay)
    else:
        widgets.discard(overlay)
    compositor.widgets = widgets
    if compositor.size.region not in compositor._dirty_regions:
        compositor._dirty_regions.update(dirty)
    return ReflowResult(
        hidden=set() if show else {overlay}, shown={overlay} if show else set(), resized=set()
    )


class OverlayLayout(Screen[Any]):
    """Mixed in before Screen (with a LeanCompositor): lays out a show or hide of a
    widget of OVERLAYS (css selectors) by the learned toggle. See the module's doc."""

    OVERLAYS: ClassVar[tuple[str, ...]] = ()

    _toggle: OverlayToggle | None = None
    _whole_layout_asked = False

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False
    ) -> Self:
        if layout:
            self._whole_layout_asked = True  # not through _layout_widgets
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _overlays(self) -> frozenset[Widget]:
        return frozenset(
            widget for selector in self.OVERLAYS for widget in self.query(selector).results(Widget)
        )

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        if self._toggled_overlay(size, scroll):
            return
        overlays = self._overlays()
        # A layout of the whole screen, or one an overlay asked for besides showing
        # or hiding (its styles changed), may place it elsewhere: the toggle learned
        # is forgotten. Any other keeps it (apply_toggle checks the map around it).
        forget = self._whole_layout_asked or any(
            not overlays.isdisjoint(asked) for asked in self._layout_widgets.values()
        )
        self._whole_layout_asked = False
        old = self._compositor._full_map
        super()._refresh_layout(size, scroll)
        new = self._compositor._full_map
        if new is not old:
            learned = learn_toggle(overlays, old, new, self._compositor.size)
            if learned is not None or forget:
                self._toggle = learned

    def _toggled_overlay(self, size: Size | None, scroll: bool) -> bool:
        """Lay out by the learned toggle; False when it does not apply."""
        toggle = self._toggle
        asked = self._layout_widgets
        if (
            toggle is None
            or scroll
            or self._whole_layout_asked
            or self.app.is_inline
            or (size is not None and size != self._compositor.size)
            or self.outer_size != self._compositor.size
            or len(asked) != 1
            or asked.get(toggle.parent) != {toggle.overlay}
        ):
            return False
        overlay = toggle.overlay
        show = bool(overlay.display)
        compositor = self._compositor
        if compositor._full_map_invalidated or (overlay in compositor._full_map) == show:
            return False
        # Textual's step before a layout, but for the line about to be placed: one
        # not in the map yet marks the whole map out of date (the whole screen would
        # be arranged at its next look-up). Its cells are drawn as it is placed.
        compositor.update_widgets(self._dirty_widgets - {overlay})
        self._update_timer.pause()
        result = apply_toggle(compositor, toggle, show)
        if result is None:
            return False
        self._layout_widgets.clear()
        for widget in result.hidden:
            widget.post_message(events.Hide())
        for widget in result.shown:
            geometry = compositor._full_map[widget]
            widget._size_updated(
                geometry.region.size, geometry.virtual_size, geometry.container_size
            )
            widget.post_message(
                events.Resize(geometry.region.size, geometry.virtual_size, geometry.container_size)
            )
            widget.post_message(events.Show())
        if self.is_current:  # as Textual's layout ends
            if self.app._batch_count:
                self.call_later(self._compositor_refresh)
            else:
                self._compositor_refresh()
        self.screen_layout_refresh_signal.publish(self)
        return True
