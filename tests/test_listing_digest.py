"""The digest of what a folder's snapshot lists (`Columns.listing_digest`): the same for
two snapshots only when they list the same lines, and the same whatever else of their
rows differs, so `wellread list` can give a kept output again after a file is touched
or its body edited."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given
from hypothesis import strategies as st

from tui.content.listing_patch import patch
from tui.content.listing_snapshot import NAME, SLUG, TITLE, Columns, decode, encode

TOKEN = b"d" * 16
_text = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\0"), max_size=5)
# Few letters, so that equal slugs and titles, equal but for case, are common.
_short = st.text(st.sampled_from("aAáb "), max_size=3)
_number = st.integers(min_value=0, max_value=2**40)
_row = st.tuples(_text, _number, _number, st.just("article"), _short, _short, _text, _text,
                 _number, _number, _text, _text, st.none())  # fmt: skip
_rows = st.lists(_row, max_size=6, unique_by=lambda row: row[NAME]).map(
    lambda rows: sorted(rows, key=lambda row: row[NAME])  # a folder's rows, by file name
)


def _columns(rows: Sequence[tuple[object, ...]]) -> Columns:
    columns = decode(encode(list(rows), TOKEN) or b"", TOKEN, "article")
    assert columns is not None
    return columns


def _listed(columns: Columns) -> list[tuple[object, object]]:
    """The lines a listing shows: slug and title, by title."""
    slugs, titles = columns.column(SLUG), columns.column(TITLE)
    return [(slugs[row], titles[row]) for row in columns.by_title]


@given(_rows, _rows)
def test_equal_digests_list_the_same_lines(
    one: list[tuple[object, ...]], other: list[tuple[object, ...]]
) -> None:
    first, second = _columns(one), _columns(other)
    if first.listing_digest() == second.listing_digest():
        assert _listed(first) == _listed(second)
    if [(row[SLUG], row[TITLE]) for row in one] != [(row[SLUG], row[TITLE]) for row in other]:
        assert first.listing_digest() != second.listing_digest()


@given(_rows, st.data())
def test_what_a_listing_does_not_show_leaves_the_digest_as_it_was(
    rows: list[tuple[object, ...]], data: st.DataObject
) -> None:
    # Each row's size, time, summary, tags, counts and links drawn anew; name, slug
    # and title kept.
    changed = [
        (row[NAME], *data.draw(_row)[1:4], row[SLUG], row[TITLE], *data.draw(_row)[6:])
        for row in rows
    ]
    assert _columns(changed).listing_digest() == _columns(rows).listing_digest()


def test_a_retitle_a_new_slug_or_a_new_order_changes_the_digest() -> None:
    rows = [
        ("a.md", 1, 1, "article", "a", "Apples", "", "", 1, 1, "", "", None),
        ("b.md", 1, 1, "article", "b", "Bananas", "", "", 1, 1, "", "", None),
    ]
    digest = _columns(rows).listing_digest()
    retitled = [rows[0], (*rows[1][:5], "bananas", *rows[1][6:])]  # case alone
    slug = [rows[0], (*rows[1][:4], "c", *rows[1][5:])]
    reordered = [rows[0], (*rows[1][:5], "Aardvarks", *rows[1][6:])]
    assert len({digest, *(_columns(r).listing_digest() for r in (retitled, slug, reordered))}) == 4


def test_a_patched_snapshot_has_the_digest_of_the_one_written_anew() -> None:
    rows = [
        ("a.md", 1, 1, "article", "a", "Walking", "", "", 1, 1, "", "", None),
        ("b.md", 1, 1, "article", "b", "Balance", "", "", 1, 1, "", "", None),
    ]
    columns = _columns(rows)
    touched = ("b.md", 2, 9, "article", "b", "Balance", "Now edited.", "", 2, 1, "", "", None)
    made = patch(columns, [(1, 1, [touched])])
    assert made is not None
    assert made[0].listing_digest() == columns.listing_digest()
    retitled = ("b.md", 2, 9, "article", "b", "Stairs", "", "", 2, 1, "", "", None)
    made = patch(columns, [(1, 1, [retitled])])
    assert made is not None
    assert made[0].listing_digest() == _columns([rows[0], retitled]).listing_digest()
    assert made[0].listing_digest() != columns.listing_digest()
