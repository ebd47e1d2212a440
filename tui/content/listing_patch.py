"""A folder's snapshot (tui.content.listing_snapshot) with a few rows changed, made from
the one before rather than from every row again.

When one file of 50,000 changes, writing the snapshot anew means reading every row back
from SQLite, joining every column and keying every title for the order: most of a
second. Here the old file's bytes are kept as they are between the changed rows, only
the offsets after a change move (and only where a value's length changed), and the new
rows go into the order by title one at a time. What comes out is byte for byte the
snapshot `encode` would make of the same rows (the tests hold it to that).
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_right, insort
from collections.abc import Sequence
from itertools import repeat
from operator import add
from typing import Any

from tui.content.collation import title_key
from tui.content.listing_snapshot import (
    _LENGTH,
    EXTRA,
    KIND,
    NUMBER_COLUMNS,
    TEXT_COLUMNS,
    TITLE,
    Buffer,
    Columns,
)

# A change: at old row *at*, *removed* old rows (0 or more) give way to *rows* (each a
# row of 13 values, as `ListingCache.rows` gives them), in the order of file names.
Change = tuple[int, int, list[tuple[object, ...]]]

_NUL = b"\0"


def _runs(count: int, changes: Sequence[Change]) -> list[tuple[int, int] | list[Any]]:
    """The new rows as runs: a (start, end) range of old rows kept as they were, or a
    list of new rows."""
    runs: list[tuple[int, int] | list[Any]] = []
    kept_from = 0
    for at, removed, rows in changes:
        if at > kept_from:
            runs.append((kept_from, at))
        if rows:
            runs.append(rows)
        kept_from = at + removed
    if count > kept_from:
        runs.append((kept_from, count))
    return runs


def _whole_values(data: bytes, starts: Sequence[int], count: int, cuts: set[int]) -> bool:
    """Whether cutting *data* at the starts of rows *cuts* cuts between whole values, as
    the file's maker would have: one of any other making is not patched."""
    end = len(data) + 1 if count else 0  # each value and a NUL, less the last NUL
    if len(starts) != count + 1 or starts[0] != 0 or starts[count] != end:
        return False
    return all(0 < (at := starts[row]) <= len(data) and data[at - 1] == 0 for row in cuts)


def _shifted(starts: Sequence[int], begin: int, end: int, by: int) -> Sequence[int]:
    piece = starts[begin:end]
    return piece if by == 0 else array("q", map(add, piece, repeat(by)))


def _text_column(
    columns: Columns, column: int, runs: list[tuple[int, int] | list[Any]]
) -> tuple[bytes, array[int]] | None:
    data, starts = columns._texts[column]
    whole = memoryview(data)  # runs kept are joined from it, not copied first
    pieces: list[bytes | memoryview] = []
    new_starts = array("q")
    at = 0  # where the next value starts in the new bytes (each value and a NUL)
    for run in runs:
        if pieces:
            pieces.append(_NUL)  # after the last value of the run before
        if isinstance(run, tuple):
            begin, end = run
            pieces.append(whole[starts[begin] : starts[end] - 1])
            new_starts.extend(_shifted(starts, begin, end, at - starts[begin]))
            at += starts[end] - starts[begin]
            continue
        values: list[str] = []
        for row in run:
            value = row[column]
            if column == EXTRA and value is None:
                value = ""
            if type(value) is not str or "\0" in value:
                return None
            values.append(value)
            new_starts.append(at)
            at += len(value.encode("utf-8")) + 1
        pieces.append("\0".join(values).encode("utf-8"))
    new_starts.append(at)
    return b"".join(pieces), new_starts


def _number_column(
    columns: Columns, column: int, runs: list[tuple[int, int] | list[Any]]
) -> array[int] | None:
    old = columns.numbers[column]
    new = array("q")
    try:
        for run in runs:
            if isinstance(run, tuple):
                new.extend(old[run[0] : run[1]])
                continue
            for row in run:
                value = row[column]
                if type(value) is not int:
                    return None
                new.append(value)
    except OverflowError:
        return None
    return new


def _split(old: Sequence[Any], runs: list[tuple[int, int] | list[Any]], column: int) -> list[Any]:
    new: list[Any] = []
    for run in runs:
        if isinstance(run, tuple):
            new += old[run[0] : run[1]]
        else:
            new += [row[column] for row in run]
    return new


def _order(columns: Columns, changes: Sequence[Change], titles: list[str]) -> array[int]:
    """The new rows by title: the old order less the rows removed, renumbered, with
    each new row put in its place (ties by row number, as `title_order` sorts)."""
    removed: set[int] = set()
    points: list[int] = []  # old rows from here on ...
    shifts: list[int] = [0]  # ... move by this much
    new_rows: list[int] = []
    shift = 0
    for at, gone, rows in changes:
        removed.update(range(at, at + gone))
        new_rows += range(at + shift, at + shift + len(rows))
        shift += len(rows) - gone
        points.append(at + gone)
        shifts.append(shift)
    if any(shifts):
        order = [row + shifts[bisect_right(points, row)] for row in columns.by_title
                 if row not in removed]  # fmt: skip
    else:
        order = [row for row in columns.by_title if row not in removed]

    def key(row: int) -> tuple[str, int]:
        return title_key(titles[row]), row

    for row in new_rows:
        insort(order, row, key=key)
    return array("q", order)


def _little_bytes(numbers: array[int]) -> bytes:
    if sys.byteorder == "big":
        numbers = array("q", numbers)
        numbers.byteswap()
    return numbers.tobytes()


def patch(columns: Columns, changes: Sequence[Change]) -> tuple[Columns, list[Buffer]] | None:
    """The columns with *changes* made (sorted by *at*, none overlapping), and the body
    of their snapshot (what follows its header) in pieces; None when a new value cannot
    be kept this way or the old file's offsets are not of our making."""
    count = columns.count
    cuts = {row for at, gone, _ in changes for row in (at, at + gone) if 0 < row < count}
    runs = _runs(count, changes)
    texts: dict[int, tuple[bytes, array[int]]] = {}
    parts: list[Buffer] = []
    for column in TEXT_COLUMNS:
        data, starts = columns._texts[column]
        if not _whole_values(data, starts, count, cuts):
            return None
        made = _text_column(columns, column, runs)
        if made is None:
            return None
        texts[column] = made
        parts += [_LENGTH.pack(len(made[0])), made[0], _little_bytes(made[1])]
    numbers: dict[int, array[int]] = {}
    for column in NUMBER_COLUMNS:
        found = _number_column(columns, column, runs)
        if found is None:
            return None
        numbers[column] = found
    new_count = len(texts[TEXT_COLUMNS[0]][1]) - 1
    titles = _split(columns.column(TITLE), runs, TITLE)
    order = _order(columns, changes, titles)
    parts += [*(_little_bytes(numbers[column]) for column in NUMBER_COLUMNS), _little_bytes(order)]
    new_rows = [row for _, _, rows in changes for row in rows]
    kind = columns.kind if all(row[KIND] == columns.kind for row in new_rows) else ""
    plain = columns.plain and all(row[EXTRA] in (None, "") for row in new_rows)
    patched = Columns(new_count, texts, numbers, order, kind, plain)
    # The columns split before are split now, without their bytes read again.
    for column, values in columns._split.items():
        split = titles if column == TITLE else _split(values, runs, column)
        patched._split[column] = [v or None for v in split] if column == EXTRA else split
    return patched, parts
