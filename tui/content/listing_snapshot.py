"""A folder's cached rows kept in one file, for a large library's quick start.

Read one at a time, 50,000 rows cost SQLite's row machinery 650,000 Python objects and
a seventh of a second, and sorting them by title another tenth; even kept as one long
value in SQLite, they take a tenth of a second to read and split. Kept in a file of
their own instead, column by column, they are read at once (a few milliseconds), and a
column is split into its values only when something needs it: a start needs the
slugs; titles, summaries and the rest wait until a card or a filter asks for them.
The order by title is stored beside them.

The file is only a copy of the folder's rows in the `files` table: the table holds a
token for it, written in the same transaction as the rows and dropped (by a trigger)
whenever a row of the folder changes; a file whose token is not the table's, or whose
checksum is not its own, is not used. Whatever the file holds is checked as it is
read: one of the wrong shape is not used, and the rows are read one at a time instead.
"""

from __future__ import annotations

import struct
import sys
import zlib
from array import array
from collections.abc import Mapping, Sequence
from itertools import accumulate, repeat
from operator import add
from typing import TYPE_CHECKING, Any

from tui.content.collation import title_key

if TYPE_CHECKING:
    from tui.content.entries import Source

Buffer = bytes | memoryview  # a piece of a snapshot file

MAGIC = b"wellread list snapshot 2\n"  # 2: titles ordered by tui.content.collation
# No file name holds a NUL, and the cleaner takes every control character out of
# titles, summaries, tags and ids (tui.content.clean); JSON writes it escaped.
NUL = "\0"
# Where each column sits in a cached row (name, size, mtime, kind, slug, title,
# summary, tags, words, body_line, related exercises, related articles, extra).
TEXT_COLUMNS = (0, 3, 4, 5, 6, 7, 10, 11, 12)
NUMBER_COLUMNS = (1, 2, 8, 9)
NAME, KIND, SLUG, TITLE, SUMMARY, TAGS = 0, 3, 4, 5, 6, 7
EXTRA = 12
_HEADER = struct.Struct("<16sqI")  # token, count, CRC-32 of all that follows
_LENGTH = struct.Struct("<q")


def _little(numbers: array[int]) -> array[int]:
    if sys.byteorder == "big":
        numbers.byteswap()
    return numbers


class Columns:
    """A folder's rows, column by column. A text column is split into its values the
    first time all of them are asked for; one value alone is cut from the file's bytes
    at its offset (a card on screen needs one row, not 50,000 summaries)."""

    def __init__(
        self,
        count: int,
        texts: Mapping[int, tuple[bytes, Sequence[int]]],
        numbers: Mapping[int, Sequence[int]],
        order: Sequence[int],
        kind: str,
        plain: bool,
    ) -> None:
        self.count = count
        self._texts = texts  # column -> (its bytes, where each value starts, and the end)
        self._split: dict[int, list[Any]] = {}
        self.numbers = numbers
        self.by_title = order  # row numbers in the library's order: by title, any case
        self.kind = kind  # the kind of every row, or "" when they are not all one kind
        self.plain = plain  # no row has an extra (problems, a card's facts)
        self.source: Source | None = None  # set by whoever lists the folder

    def column(self, column: int) -> Sequence[Any]:
        """Every value of *column* (an index into a row), in row order."""
        if column in self.numbers:
            return self.numbers[column]
        values = self._split.get(column)
        if values is None:
            data = self._texts[column][0]
            values = data.decode("utf-8", "replace").split(NUL) if self.count else []
            if len(values) != self.count:  # offsets not of our making: cut one by one
                values = [self._cut(column, number) for number in range(self.count)]
            if column == EXTRA:
                values = [value or None for value in values]
            self._split[column] = values
        return values

    def _cut(self, column: int, number: int) -> str:
        data, starts = self._texts[column]
        return data[starts[number] : starts[number + 1] - 1].decode("utf-8", "replace")

    def value(self, column: int, number: int) -> Any:
        if column in self.numbers:
            return self.numbers[column][number]
        split = self._split.get(column)
        if split is not None:
            return split[number]
        found = self._cut(column, number)
        return (found or None) if column == EXTRA else found

    def row(self, number: int) -> tuple[object, ...]:
        """Row *number* as `ListingCache.rows` gives it."""
        return tuple(self.value(column, number) for column in range(13))

    def rows(self) -> list[tuple[object, ...]]:
        return list(zip(*(self.column(column) for column in range(13)), strict=True))

    def listing_digest(self) -> bytes:
        """A digest of all a listing of these rows shows: every slug and title, as
        kept, and their order by title. Two sets of columns with the same digest list
        the same lines, however their other columns differ (a file touched or its
        body edited): `wellread list` keeps its output under it."""
        from tui.content.digests import new_blake2b

        digest = new_blake2b(digest_size=16)
        digest.update(_LENGTH.pack(self.count))
        for column in (SLUG, TITLE):
            data, starts = self._texts[column]
            digest.update(_LENGTH.pack(len(data)))
            digest.update(data)
            digest.update(starts if isinstance(starts, array) else array("q", starts))
        order = self.by_title
        digest.update(order if isinstance(order, array) else array("q", order))
        return digest.digest()

    def names_sizes_times(self) -> list[tuple[str, int, int]]:
        """(name, size, mtime) of every row, as `scan` gives a folder's files."""
        return list(zip(self.column(NAME), self.numbers[1], self.numbers[2], strict=True))


def title_order(titles: list[str]) -> list[int]:
    """Row numbers by title regardless of case and accents (tui.content.collation);
    equal titles in row order (by name)."""
    keys = [title_key(title) for title in titles]
    return sorted(range(len(titles)), key=keys.__getitem__)


def encode(rows: list[tuple[object, ...]], token: bytes) -> bytes | None:
    """The file to keep for *rows*, or None when they cannot be kept this way (a value
    of another type, or holding a NUL)."""
    count = len(rows)
    columns: list[Any] = list(zip(*rows, strict=True)) if rows else [()] * 13
    if len(columns) != 13:
        return None
    parts: list[bytes] = []
    # Column at a time, in C (map, join, accumulate) rather than value at a time: a
    # `list` after one file changed writes all 50,000 rows again.
    for column in TEXT_COLUMNS:
        values = columns[column]
        if column == EXTRA:
            values = ["" if value is None else value for value in values]
        if not set(map(type, values)) <= {str}:
            return None
        joined = NUL.join(values)
        if joined.count(NUL) != max(0, count - 1):  # a value holding a NUL
            return None
        data = joined.encode("utf-8")
        # Each value's length in bytes: its length, unless some text is not ASCII.
        ascii_only = len(data) == len(joined)
        lengths = map(len, values if ascii_only else map(str.encode, values))
        # Where each value starts: the lengths before it, and a NUL after each.
        starts = array("q", [0])
        starts.extend(map(add, accumulate(lengths), range(1, count + 1)))
        parts += [_LENGTH.pack(len(data)), data, _little(starts).tobytes()]
    numbers = array("q")
    try:
        for column in NUMBER_COLUMNS:
            values = columns[column]
            if not set(map(type, values)) <= {int}:
                return None
            numbers.extend(values)
    except OverflowError:
        return None
    order = array("q", title_order(list(columns[TITLE])))
    parts += [_little(numbers).tobytes(), _little(order).tobytes()]
    return b"".join(framed(parts, token, count))


def framed(body: Sequence[Buffer], token: bytes, count: int) -> list[Buffer]:
    """The file for a snapshot of *count* rows, under *token*, whose body is the pieces
    *body*: as pieces, written one after another (17 MB at 50,000 rows, not copied
    into one)."""
    crc = 0
    for piece in body:
        crc = zlib.crc32(piece, crc)
    return [MAGIC, _HEADER.pack(token, count, crc), *body]


def decode(data: bytes, token: bytes, kind: str) -> Columns | None:
    """The columns kept in *data* (a file's bytes) when it is whole and its token is
    *token*; None otherwise (the file may have been written by anything: whatever it
    holds, reading it never fails, at worst it gives text of its own)."""
    if not data.startswith(MAGIC):
        return None
    at = len(MAGIC)
    try:
        found, count, crc = _HEADER.unpack_from(data, at)
        at += _HEADER.size
        # A damaged file (a disk's error, a copy cut short) lists nothing wrong.
        if found != token or count < 0 or zlib.crc32(memoryview(data)[at:]) != crc:
            return None
        texts: dict[int, tuple[bytes, Sequence[int]]] = {}
        for column in TEXT_COLUMNS:
            (length,) = _LENGTH.unpack_from(data, at)
            at += _LENGTH.size
            piece = data[at : at + length]
            at += length
            starts = data[at : at + 8 * (count + 1)]
            at += 8 * (count + 1)
            if length < 0 or len(piece) != length or len(starts) != 8 * (count + 1):
                return None
            texts[column] = (piece, _little(array("q", starts)))
    except struct.error:
        return None
    tail = data[at:]
    if len(tail) != 8 * (len(NUMBER_COLUMNS) + 1) * count:
        return None
    # Kept as arrays: a start reads a few of the numbers, not all 250,000.
    whole = _little(array("q", tail))
    order = whole[len(NUMBER_COLUMNS) * count :]
    if len(set(order)) != count or (order and not 0 <= min(order) <= max(order) < count):
        return None
    numbers = {
        column: whole[i * count : (i + 1) * count] for i, column in enumerate(NUMBER_COLUMNS)
    }
    kinds = NUL.join(repeat(kind, count)).encode("utf-8")
    plain = texts[EXTRA][0] == b"\0" * max(0, count - 1)
    return Columns(count, texts, numbers, order, kind if texts[KIND][0] == kinds else "", plain)
