"""What a terminal shows after the updates a Pilot app has sent it, cell by cell: to
check that frames which redraw part of the screen leave it as a whole drawing would."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from screen_cells import Cell, rendered_rows
from textual._compositor import ChopsUpdate, LayoutUpdate
from textual.app import App


def _cells(strip: Any) -> list[Cell]:
    cells: list[Cell] = []
    for text, style, control in strip:
        if control:
            continue
        for char in text:
            cells.append(Cell(char, style))
            cells.extend(Cell("", style) for _ in range(cell_len(char) - 1))
    return cells


class Terminal:
    """The cells a terminal holds after the updates the app has sent it so far."""

    def __init__(self, app: App[Any], monkeypatch: pytest.MonkeyPatch) -> None:
        self.rows = rendered_rows(app)
        draw = app._display

        def record(on: Any, update: Any) -> None:
            self.apply(update)
            draw(on, update)

        monkeypatch.setattr(app, "_display", record)

    def apply(self, update: Any) -> None:
        if isinstance(update, LayoutUpdate):
            self.rows = [[c for strip in row for c in _cells(strip)] for row in update.strips]
        elif isinstance(update, ChopsUpdate):
            for (x, y), cell in written(update).items():
                self.rows[y][x] = cell


def written(update: ChopsUpdate) -> dict[tuple[int, int], Cell]:
    """The cells a partial update writes, by (x, y)."""
    cells: dict[tuple[int, int], Cell] = {}
    for y, x1, x2 in update.spans:
        for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(), strict=True):
            if strip is None or x >= x2 or end <= x1:
                continue
            for offset, cell in enumerate(_cells(strip)):
                if x1 <= x + offset < x2:
                    cells[x + offset, y] = cell
    return cells
