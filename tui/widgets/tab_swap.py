"""One scroll view shown in the place of its sibling without laying the screen out.

The sidebar's tabs (r, e) show one list and hide the other. Through `display` that is
a layout of the whole screen (Textual arranges every widget again, tells each its
size, sends Resize, Show and Hide), then a frame; a list that gets a Resize fits its
scroll bar after it, and that bar is drawn in a frame of its own. Yet nothing moves:
the two lists take turns in one place, the same size. So when the list coming in has
been shown in that place before (its size is the place's) and its scroll bar is as
its entries need, the compositor's map is changed here as Textual's layout would
change it: the list going out and its scroll bar are taken out, the list coming in
and its scroll bar put in, with the geometry the layout gives them
(`Compositor._arrange_root` for a scroll view that is not a container), and the
`display` rules set to what they would be. Otherwise (the first time a list shows,
after the window was resized while it was hidden, with a layout already due) it is
left to Textual.

This leans on private parts of Textual 8 (`Screen._compositor`, the compositor's
`_full_map`, `_visible_map`, `widgets` and cached orderings, a widget's
`_arrange_scrollbars` and `_get_scrollable_region`), all in this one place;
tests/test_tab_swap.py checks the map and the screen against a real layout's.
"""

from __future__ import annotations

from textual._compositor import Compositor, CompositorMap
from textual.dom import NoScreen
from textual.geometry import Region
from textual.map_geometry import MapGeometry
from textual.widget import Widget


def _expected_vertical_bar(widget: Widget) -> bool | None:
    """Whether *widget*'s vertical scroll bar shows for its virtual size, as Textual's
    layout decides it; None where that is not as simple as for a list (a horizontal
    bar could show)."""
    styles = widget.styles
    if styles.overflow_x != "hidden":
        return None
    overflow_y = styles.overflow_y
    if overflow_y == "auto":
        return bool(widget.virtual_size.height > widget.container_size.height)
    return bool(overflow_y == "scroll")


def _entries(incoming: Widget, place: MapGeometry) -> CompositorMap:
    """The map entries Textual's layout gives *incoming* (and its scroll bars) in the
    place *place* (another widget's geometry), in the order it adds them."""
    region, order, clip, _, _, virtual_region, dock_gutter = place
    styles = incoming.styles
    container_region = region.shrink(styles.gutter)
    container_size = container_region.size
    total_region = incoming._get_scrollable_region(container_region).reset_offset
    entries: CompositorMap = {}
    if (
        incoming.show_vertical_scrollbar or incoming.show_horizontal_scrollbar
    ) and styles.scrollbar_visibility == "visible":
        for chrome, chrome_region in incoming._arrange_scrollbars(container_region):
            entries[chrome] = MapGeometry(
                chrome_region,
                order,
                clip,
                container_size,
                container_size,
                chrome_region,
                dock_gutter,
            )
    entries[incoming] = MapGeometry(
        region, order, clip, total_region.size, container_size, virtual_region, dock_gutter
    )
    return entries


def _chrome(widget: Widget) -> set[Widget]:
    return {
        bar
        for bar in (
            widget._vertical_scrollbar,
            widget._horizontal_scrollbar,
            widget._scrollbar_corner,
        )
        if bar is not None
    }


def _replaced(map: CompositorMap, gone: set[Widget], entries: CompositorMap) -> CompositorMap:
    new = {widget: geometry for widget, geometry in map.items() if widget not in gone}
    new.update(entries)
    return new


def show_in_place(outgoing: Widget, incoming: Widget) -> bool:
    """Show *incoming* where *outgoing* is and hide *outgoing* (siblings, non-container
    scroll views), without a layout; False (nothing done) where it cannot be done so,
    and the caller sets `display` for Textual to lay the screen out."""
    if incoming.parent is not outgoing.parent or incoming.is_container:
        return False
    try:
        screen = outgoing.screen
    except NoScreen:
        return False
    compositor: Compositor = screen._compositor
    if screen._layout_required or compositor._full_map_invalidated:
        return False  # a layout is due anyway
    place = compositor._full_map.get(outgoing)
    if place is None or incoming in compositor._full_map:
        return False
    visible_map = compositor._visible_map
    if visible_map is not None and outgoing not in visible_map:
        return False
    region: Region = place.region
    # Shown here before at this size, its scroll bar as its entries need.
    if incoming.outer_size != region.size or not incoming.container_size:
        return False
    if incoming.container_size != region.shrink(incoming.styles.gutter).size:
        return False
    if _expected_vertical_bar(incoming) != incoming.show_vertical_scrollbar:
        return False
    if incoming.show_horizontal_scrollbar:
        return False

    entries = _entries(incoming, place)
    gone = {outgoing, *_chrome(outgoing)}
    compositor._full_map = _replaced(compositor._full_map, gone, entries)
    if visible_map is not None:
        compositor._visible_map = _replaced(visible_map, gone, entries)
    compositor.widgets.discard(outgoing)
    compositor.widgets.add(incoming)
    # The orderings and cuts worked out from the map (Compositor.reflow resets them).
    compositor._cuts = None
    compositor._layers = None
    compositor._layers_visible = None
    compositor._visible_widgets = None

    # The rules `display = ...` sets, and the count that tells the ancestors'
    # arrangement caches their children changed; no layout asked for.
    outgoing.styles.set_rule("display", "none")
    incoming.styles.set_rule("display", "block")
    incoming._nodes.updated()
    # What the layout tells every widget in the map (sizes unchanged: nothing more).
    for widget, geometry in entries.items():
        widget._size_updated(geometry.region.size, geometry.virtual_size, geometry.container_size)
    incoming.refresh()
    return True
