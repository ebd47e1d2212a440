"""A snapshot patched for a few changed rows (tui.content.listing_patch) is the one
written anew from all the rows, byte for byte."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tui.content.listing_patch import Change, patch
from tui.content.listing_snapshot import _HEADER, MAGIC, NAME, SLUG, TITLE, decode, encode

TOKEN = b"t" * 16
_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\0"), max_size=6)
# Titles from a few letters, so that equal titles (and titles equal but for case and
# accents) are common: their order is the hard part.
_title = st.text(st.sampled_from("aAáb é"), max_size=3)
_number = st.integers(min_value=-(2**63), max_value=2**63 - 1)
_extra = st.one_of(st.none(), _text.filter(bool))
_row = st.tuples(_text, _number, _number, st.just("article"), _text, _title, _text, _text,
                 _number, _number, _text, _text, _extra)  # fmt: skip
# What becomes of one old row: kept, removed or replaced; and the rows put before it.
_fate = st.tuples(st.sampled_from(["keep", "remove", "replace"]), _row, st.lists(_row, max_size=2))


def _body(data: bytes | None) -> bytes:
    assert data is not None
    return data[len(MAGIC) + _HEADER.size :]


def _changed(
    old: list[tuple[object, ...]], fates: list[Any], tail: list[tuple[object, ...]]
) -> tuple[list[Change], list[tuple[object, ...]]]:
    """The changes the fates describe, and the rows they should leave."""
    changes: list[Change] = []
    new: list[tuple[object, ...]] = []
    for at, (row, (fate, other, before)) in enumerate(zip(old, fates, strict=True)):
        rows = list(before) + ([other] if fate == "replace" else [])
        gone = int(fate != "keep")
        if rows or gone:
            changes.append((at, gone, rows))
        new += rows if fate != "keep" else [*before, row]
    if tail:
        changes.append((len(old), 0, list(tail)))
        new += tail
    return changes, new


@given(
    old=st.lists(_row, max_size=8),
    fates=st.lists(_fate, min_size=8, max_size=8),
    tail=st.lists(_row, max_size=2),
)
def test_a_patched_snapshot_is_the_one_written_anew(
    old: list[tuple[object, ...]], fates: list[Any], tail: list[tuple[object, ...]]
) -> None:
    changes, new = _changed(old, fates[: len(old)], tail)
    columns = decode(encode(old, TOKEN) or b"", TOKEN, "article")
    assert columns is not None
    for column in (NAME, SLUG, TITLE):  # split before, as a listing has them
        columns.column(column)
    made = patch(columns, changes)
    assert made is not None
    patched, body = made
    assert b"".join(body) == _body(encode(new, TOKEN))
    assert patched.count == len(new)
    assert patched.rows() == new
    anew = decode(encode(new, TOKEN) or b"", TOKEN, "article")
    assert anew is not None and list(patched.by_title) == list(anew.by_title)
    assert [patched.column(c) for c in (NAME, SLUG, TITLE)] == [
        [row[c] for row in new] for c in (NAME, SLUG, TITLE)
    ]


def test_a_new_value_holding_a_nul_is_not_patched_in() -> None:
    row = ("a.md", 1, 2, "article", "a", "T", "S", "", 3, 4, "", "", None)
    columns = decode(encode([row], TOKEN) or b"", TOKEN, "article")
    assert columns is not None
    bad = ("b.md", 1, 2, "article", "b", "T\0", "S", "", 3, 4, "", "", None)
    assert patch(columns, [(1, 0, [bad])]) is None
    assert patch(columns, [(0, 1, [(*row[:8], "many", *row[9:])])]) is None
