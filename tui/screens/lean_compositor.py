"""A screen compositor that does less per frame: no second arrangement after a
layout, and in a partial frame only the widgets under the changed cells drawn.

Two things Textual 8's compositor does that a reader's key pays for:

- It marks its map of every widget out of date when a frame updates a widget it has
  not placed yet (the find line as it shows), and the layout that follows builds a
  new map without clearing that mark: the first look-up of a widget's place after it
  (the focus moving, the frame drawn at once) arranges the whole screen a second
  time. Here the mark is cleared as the layout's map is made: that map is of every
  widget as it is now, the one a second arrangement would make.
- A partial frame draws every widget under the box around all the changed cells,
  and cuts up each of their lines on every row that has a changed cell: the find
  line and the status line at the bottom, with the article's border down its sides,
  drew every line of every pane. Only the cells in the changed spans reach the
  terminal (ChopsUpdate writes those alone), so here a widget is drawn only on the
  rows where it gives a piece of a changed span that no widget in front of it has
  given, and not at all when it gives none. The update writes the cells Textual's
  would, no more and no fewer.

This overrides private parts of Textual's Compositor (`_full_map_invalidated`, the
steps of `render_partial_update`) in this one place; tests/test_lean_compositor.py
compares each frame with the one Textual's own compositor makes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from textual._compositor import ChopsUpdate, Compositor, ReflowResult
from textual.geometry import Region, Size
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget


class LeanCompositor(Compositor):
    """See the module's doc."""

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        result = super().reflow(parent, size)
        self._full_map_invalidated = False
        return result

    def render_partial_update(self) -> ChopsUpdate | None:
        # As Textual's, with _chops_in_spans for _render_chops.
        update_regions = self._dirty_regions.copy()
        self._dirty_regions.clear()
        if not update_regions:
            return None
        crop = Region.from_union(update_regions).intersection(self.size.region)
        spans = list(self._regions_to_spans(update_regions))
        chops = self._chops_in_spans(crop, spans)
        chop_ends = [cut_set[1:] for cut_set in self.cuts]
        return ChopsUpdate(chops, spans, chop_ends)

    def _chops_in_spans(
        self, crop: Region, spans: list[tuple[int, int, int]]
    ) -> list[dict[int, Strip | None]]:
        """The chops (pieces of lines between cuts) ChopsUpdate writes for *spans*: as
        Compositor._render_chops makes them, leaving out the widget lines that give no
        piece to write (outside the spans, or under a widget in front)."""
        cuts = self.cuts
        chops: list[dict[int, Strip | None]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        rows: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in spans:
            rows.setdefault(y, []).append((x1, x2))
        # By row, the cuts (in order) whose piece has a cell in a span and has not been
        # given yet: a widget is drawn on a row where one of them is under it.
        pending = {y: wanted_cuts(cuts[y], row) for y, row in rows.items()}
        span_rows = sorted(pending)
        overlaps = crop.overlaps
        # Front to back, as Textual paints: the first piece for a cut wins.
        for widget, (region, clip) in self.visible_widgets.items():
            if not overlaps(clip):
                continue
            drawn = region.intersection(clip)
            left, right = drawn.x, drawn.right
            needed = []
            # Only the rows with a span: a pane's other rows give nothing to write.
            first_row = bisect_left(span_rows, drawn.y)
            for y in span_rows[first_row : bisect_left(span_rows, drawn.bottom, first_row)]:
                wanted = pending[y]
                if wanted:
                    index = bisect_left(wanted, left)
                    if index < len(wanted) and wanted[index] < right:
                        needed.append(y)
            if not needed:
                continue
            top, bottom = needed[0], needed[-1] + 1
            strips = widget.render_lines(
                Region(left - region.x, top - region.y, drawn.width, bottom - top)
            )
            first_cut, last_cut = drawn.column_span
            wanted_rows = set(needed)
            for y, strip in zip(range(top, bottom), strips, strict=False):
                if y not in wanted_rows:
                    continue
                chops_line = chops[y]
                cut_set = cuts[y]
                final_cuts = cut_set[
                    bisect_left(cut_set, first_cut) : bisect_right(cut_set, last_cut)
                ]
                pieces = strip.divide([cut - left for cut in final_cuts[1:]])
                for cut, piece in zip(final_cuts, pieces, strict=False):
                    if chops_line.get(cut) is None:
                        chops_line[cut] = piece
                pending[y] = [cut for cut in pending[y] if chops_line[cut] is None]
        return chops


def wanted_cuts(cut_set: list[int], row: list[tuple[int, int]]) -> list[int]:
    """The cuts of a row whose piece (up to the next cut) has a cell in a span (x1 to
    x2, x2 not in it). Textual also hands ChopsUpdate a piece that starts where a span
    ends, for which it sends the cursor there and writes nothing: that piece is left
    out. Found by bisection: a row of a three-pane screen has a dozen cuts and more."""
    last = len(cut_set) - 1  # the last cut is the row's end: no piece starts there
    found: set[int] = set()
    for x1, x2 in row:
        # Pieces i with cut_set[i + 1] > x1 and cut_set[i] < x2.
        first = max(0, bisect_right(cut_set, x1) - 1)
        found.update(range(first, min(last, bisect_left(cut_set, x2))))
    return [cut_set[i] for i in sorted(found)]


def lean_compositor(screen: Screen[Any]) -> None:
    """Give *screen* (in its __init__) a LeanCompositor."""
    screen._compositor = LeanCompositor()
